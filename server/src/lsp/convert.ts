// Translation between the engine's shapes (1-based lines and UTF-16 columns, both languages) and
// LSP's (0-based lines, characters in the negotiated encoding, one language): positions by the
// checked text's `LspPositions` (position-encoding.ts).

import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { Diagnostic, Locale, Severity } from '../engine/types.js';
import type { DiagnosticData } from '../protocol.js';
import { diagnosticMessage, renderMessage } from '../engine/messages.js';
import type { LspPositions } from './position-encoding.js';
import { CATEGORIES } from '../engine/categories.js';

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: Diagnostic, locale: Locale, version: number, docsHref: (rule: string) => string | undefined, positions: LspPositions): LspDiagnostic {
  const data: DiagnosticData = { version, rule: d.rule, messageId: d.messageId };
  if (d.fix) data.fix = { title: renderMessage(d.fix.title, locale), edits: d.fix.edits.map((e) => positions.edit(e)) };
  const href = docsHref(d.rule);
  return {
    range: positions.range(d.range),
    severity: SEVERITY[d.severity],
    code: d.rule,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'gongwen',
    message: shownMessage(d, locale),
    data,
  };
}

/** The finding's category before its message, so that findings of one kind read together in the
 * Problems view and its filter finds them: 【错别字】…, [Misspellings] …. */
export function categoryPrefix(d: Diagnostic, locale: Locale): string {
  const name = CATEGORIES[d.category]?.[locale];
  if (!name) return '';
  return locale === 'zh-CN' ? `【${name}】` : `[${name}] `;
}

/** The message as the editor shows it: its category, then its words. */
export function shownMessage(d: Diagnostic, locale: Locale): string {
  return `${categoryPrefix(d, locale)}${diagnosticMessage(d, locale)}`;
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
  // Never split a surrogate pair or a CRLF, at either end (a position between the halves of a
  // pair has no place in UTF-8 or UTF-32).
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  while (endB < before.length && (isLowSurrogate(before.charCodeAt(endB)) || (before[endB] === '\n' && before[endB - 1] === '\r'))) {
    endB++;
    endA++;
  }
  return { range: { start: positionAt(start), end: positionAt(endB) }, newText: after.slice(start, endA) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export function localeOf(tag: string | undefined): Locale {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
