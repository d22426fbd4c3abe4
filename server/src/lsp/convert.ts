// Translation between the engine's shapes (1-based lines and columns, both languages) and LSP's
// (0-based lines and UTF-16 characters, one language).

import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range as LspRange, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { Diagnostic, Locale, Range, Severity, TextEdit } from '../engine/types.js';
import type { DiagnosticData } from '../protocol.js';
import { diagnosticMessage, renderMessage } from '../engine/messages.js';

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspRange(r: Range): LspRange {
  return {
    start: { line: r.start.line - 1, character: r.start.column - 1 },
    end: { line: r.end.line - 1, character: r.end.column - 1 },
  };
}

export function toLspEdit(e: TextEdit): LspTextEdit {
  return { range: toLspRange(e.range), newText: e.text };
}

export function toLspDiagnostic(d: Diagnostic, locale: Locale, version: number, docsHref: (rule: string) => string | undefined): LspDiagnostic {
  const data: DiagnosticData = { version, rule: d.rule, messageId: d.messageId };
  if (d.fix) data.fix = { title: renderMessage(d.fix.title, locale), edits: d.fix.edits.map(toLspEdit) };
  const href = docsHref(d.rule);
  return {
    range: toLspRange(d.range),
    severity: SEVERITY[d.severity],
    code: d.rule,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'gongwen',
    message: diagnosticMessage(d, locale),
    data,
  };
}

/** One edit replacing only the part of `before` that differs from `after`. */
export function minimalEdit(before: string, after: string, positionAt: (offset: number) => { line: number; character: number }): LspTextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  return { range: { start: positionAt(start), end: positionAt(endB) }, newText: after.slice(start, endA) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export function localeOf(tag: string | undefined): Locale {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
