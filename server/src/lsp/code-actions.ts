// Code actions: fix this (preferred); fix all of this rule; disable the rule for this line or
// the file; fix everything (`source.fixAll.gongwen`, for editor.codeActionsOnSave).

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../engine/fix.js';
import type { Diagnostic, Locale } from '../engine/types.js';
import { shownMessage } from './convert.js';
import { FIX_ALL_KIND, type DiagnosticData } from '../protocol.js';
import { minimalEdit } from './convert.js';
import type { CheckedVersion } from './document-checks.js';
import { ruleName } from './rule-names.js';

const T = {
  fix: { 'zh-CN': (t: string) => `修复：${t}`, en: (t: string) => `Fix: ${t}` },
  fixRule: { 'zh-CN': (r: string) => `修复本文件中所有「${r}」问题`, en: (r: string) => `Fix all "${r}" problems in this file` },
  disableLine: { 'zh-CN': (r: string) => `在此行停用「${r}」`, en: (r: string) => `Disable "${r}" for this line` },
  disableFile: { 'zh-CN': (r: string) => `在本文件停用「${r}」`, en: (r: string) => `Disable "${r}" for this file` },
  fixAll: { 'zh-CN': () => '修复全部可自动修复的问题（gongwen）', en: () => 'Fix all auto-fixable problems (gongwen)' },
};

function isGongwen(d: LspDiagnostic): d is LspDiagnostic & { data: DiagnosticData } {
  return d.source === 'gongwen' && typeof d.data === 'object' && d.data !== null && typeof (d.data as DiagnosticData).rule === 'string';
}

const sameRange = (a: LspDiagnostic['range'], b: LspDiagnostic['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/**
 * A diagnostic as the client sent it back, with our `data`. A client that keeps only range, code
 * and message (ALE; any client without `data` support) gets the `data` of the current check's
 * diagnostic at the same range with the same code (or, without a code, the same message); one
 * with another source, or that the current check does not find, is not ours to act on.
 */
function withData(d: LspDiagnostic, current: () => readonly LspDiagnostic[]): (LspDiagnostic & { data: DiagnosticData }) | undefined {
  if (typeof d !== 'object' || d === null) return undefined;
  if (isGongwen(d)) return d;
  if ((d.source !== undefined && d.source !== 'gongwen') || (d.data !== undefined && d.data !== null) || !d.range?.start || !d.range.end) return undefined;
  const found = current().find((x) => isGongwen(x) && sameRange(x.range, d.range) && (d.code !== undefined && d.code !== null ? x.code === d.code : x.message === d.message));
  return found && isGongwen(found) ? { ...d, data: found.data } : undefined;
}

/**
 * `textDocument/formatting`: every fix, as one minimal edit (as AutoCorrect's server does), so
 * that vim.lsp.buf.format() and format-on-save fix a report in any editor. Nothing for a
 * document over `maxFileSize`, or with checking off.
 */
export function formattingEdits(doc: TextDocument, settings: CheckedVersion['settings'], recheck: (text: string) => CheckedVersion['result']): LspTextEdit[] {
  if (!settings.enable || Buffer.byteLength(doc.getText(), 'utf8') > settings.maxFileSize) return [];
  const edit = fixedEdit(doc, (t) => recheck(t).diagnostics);
  return edit ? [edit] : [];
}

/** What a fix-all action carries when its edit is left for `codeAction/resolve`. */
export interface LazyFixData {
  gongwenLazy: true;
  uri: string;
  version: number;
  /** Fix all of this rule; absent: every rule. */
  rule?: string;
}

export function isLazyFix(data: unknown): data is LazyFixData {
  return typeof data === 'object' && data !== null && (data as LazyFixData).gongwenLazy === true && typeof (data as LazyFixData).uri === 'string';
}

/**
 * The actions for a request. With `lazy` (the client resolves `edit`), the fix-all actions carry
 * no edit: it is computed by `resolveFixAll` only when the user picks one, not on every
 * lightbulb query. `sentNow`: the current check's diagnostics as the client was sent them, for
 * diagnostics sent back without their `data`. A request without `context` (the LSP requires it,
 * some clients leave it out) is read as one without diagnostics or `only`.
 */
export function codeActions(params: CodeActionParams, doc: TextDocument, checked: CheckedVersion, locale: Locale, recheck: (text: string) => CheckedVersion['result'], lazy = false, sentNow: () => readonly LspDiagnostic[] = () => []): CodeAction[] {
  const context: Partial<CodeActionParams['context']> = typeof params.context === 'object' && params.context !== null ? params.context : {};
  const only = Array.isArray(context.only) ? context.only.filter((k) => typeof k === 'string') : undefined;
  const sent = Array.isArray(context.diagnostics) ? context.diagnostics : [];
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  const uri = doc.uri;
  const current = checked.version === doc.version && checked.text === doc.getText();

  if (wants(CodeActionKind.QuickFix)) {
    const seenRules = new Set<string>();
    let now: readonly LspDiagnostic[] | undefined;
    const nowOnce = () => (now ??= current ? sentNow() : []);
    for (const raw of sent) {
      const d = withData(raw, nowOnce);
      if (!d) continue;
      const data = d.data;
      const name = ruleName(data.rule, locale);
      if (data.fix && data.version === doc.version && current) {
        actions.push({
          title: T.fix[locale](data.fix.title),
          kind: CodeActionKind.QuickFix,
          diagnostics: [raw],
          isPreferred: true,
          edit: { changes: { [uri]: data.fix.edits } },
        });
      }
      if (seenRules.has(data.rule)) continue;
      seenRules.add(data.rule);
      const sameRule = checked.result.diagnostics.filter((x) => x.rule === data.rule && x.fix);
      if (current && sameRule.length > 1) {
        if (lazy) {
          const data2: LazyFixData = { gongwenLazy: true, uri, version: doc.version, rule: data.rule };
          actions.push({ title: T.fixRule[locale](name), kind: CodeActionKind.QuickFix, diagnostics: [raw], data: data2 });
        } else {
          const edit = fixedEdit(doc, (t) => recheck(t).diagnostics.filter((x) => x.rule === data.rule));
          if (edit) actions.push({ title: T.fixRule[locale](name), kind: CodeActionKind.QuickFix, diagnostics: [raw], edit: { changes: { [uri]: [edit] } } });
        }
      }
      // A diagnostic from an older version of the document names a line that may have moved:
      // the comment goes on the line where the current check finds the same problem, or nowhere.
      const line = data.version === doc.version ? d.range.start.line : currentLine(checked, data.rule, d);
      const eol = checked.result.model.eol;
      if (line !== undefined) {
        const indent = /^[ \t]*/.exec(doc.getText({ start: { line, character: 0 }, end: { line, character: 1000 } }))?.[0] ?? '';
        actions.push({
          title: T.disableLine[locale](name),
          kind: CodeActionKind.QuickFix,
          diagnostics: [raw],
          edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- gongwen-disable-next-line ${data.rule} -->${eol}` }] } },
        });
      }
      const top = fileTopLine(checked);
      actions.push({
        title: T.disableFile[locale](name),
        kind: CodeActionKind.QuickFix,
        diagnostics: [raw],
        edit: { changes: { [uri]: [{ range: { start: { line: top, character: 0 }, end: { line: top, character: 0 } }, newText: `<!-- gongwen-disable ${data.rule} -->${eol}` }] } },
      });
    }
  }
  if (current && (wants(FIX_ALL_KIND) || (only && only.includes(CodeActionKind.SourceFixAll)))) {
    // On save (only: source.fixAll) the edit is wanted now; a lightbulb query resolves it later.
    const onSave = !!only && only.every((k) => k.startsWith(CodeActionKind.SourceFixAll) || k === CodeActionKind.Source);
    if (lazy && !onSave) {
      if (checked.result.diagnostics.some((x) => x.fix)) actions.push({ title: T.fixAll[locale](), kind: FIX_ALL_KIND, data: { gongwenLazy: true, uri, version: doc.version } satisfies LazyFixData });
    } else {
      const edit = fixedEdit(doc, (t) => recheck(t).diagnostics);
      if (edit) actions.push({ title: T.fixAll[locale](), kind: FIX_ALL_KIND, edit: { changes: { [uri]: [edit] } } });
    }
  }
  return actions;
}

/** Fills in the edit of a lazy fix-all action, if the document is still at its version. */
export function resolveFixAll(action: CodeAction, doc: TextDocument | undefined, recheck: (text: string) => CheckedVersion['result']): CodeAction {
  const data = action.data;
  if (!isLazyFix(data) || !doc || doc.version !== data.version) return action;
  const edit = fixedEdit(doc, (t) => (data.rule ? recheck(t).diagnostics.filter((x) => x.rule === data.rule) : recheck(t).diagnostics));
  return edit ? { ...action, edit: { changes: { [data.uri]: [edit] } } } : action;
}

/** Whether a finding of the current check is the one a client's (possibly stale) diagnostic
 * shows: the same message id when the client kept our `data`, else the same words. */
function sameMessage(x: Diagnostic, stale: LspDiagnostic): boolean {
  const id = (stale.data as Partial<DiagnosticData> | undefined)?.messageId;
  if (id !== undefined) return x.messageId === id && (shownMessage(x, 'zh-CN') === stale.message || shownMessage(x, 'en') === stale.message);
  return shownMessage(x, 'zh-CN') === stale.message || shownMessage(x, 'en') === stale.message;
}

/** Where the current check (for the document's current text) finds the problem a stale
 * diagnostic named: the same rule and message, on the nearest line; undefined if it is gone. */
function currentLine(checked: CheckedVersion, rule: string, stale: LspDiagnostic): number | undefined {
  let best: number | undefined;
  for (const x of checked.result.diagnostics) {
    if (x.rule !== rule || !sameMessage(x, stale)) continue;
    const l = x.range.start.line - 1;
    if (best === undefined || Math.abs(l - stale.range.start.line) < Math.abs(best - stale.range.start.line)) best = l;
  }
  return best;
}

/** The edit that turns the document into its fully fixed form, as small as the change. */
export function fixedEdit(doc: TextDocument, check: Parameters<typeof fixAll>[1]): LspTextEdit | undefined {
  const before = doc.getText();
  const { text } = fixAll(before, check);
  return minimalEdit(before, text, (o) => doc.positionAt(o));
}

/** The 0-based line where a file-wide directive goes: after front matter, if any. */
function fileTopLine(checked: CheckedVersion): number {
  const fm = checked.result.model.md.frontMatter;
  if (!fm) return 0;
  return checked.result.model.index.position(fm.end).line; // the line after the closing ---
}
