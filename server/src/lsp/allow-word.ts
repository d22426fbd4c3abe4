// The quick fix 加入允许词表 / Add to allowed words, for a finding of the terms rule: the word
// goes into `terms.allow` of the `.gongwen.jsonc` that applies to the document (a minimal edit
// made with jsonc-parser, comments and layout kept), or of a new one at the top of the
// workspace folder when none applies (a file creation, where the client can apply one).

import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import { modify, parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { Locale } from '../engine/types.js';
import type { NegotiatedEncoding } from './position-encoding.js';

const TITLE = {
  'zh-CN': (w: string) => `加入允许词表：「${w}」（.gongwen.jsonc）`,
  en: (w: string) => `Add "${w}" to the allowed words (.gongwen.jsonc)`,
};

/** Where the word goes: an existing configuration file (its current text: the editor's, when it is open), or a file to create. */
export type AllowTarget = { kind: 'existing'; uri: string; text: string } | { kind: 'create'; uri: string };

/** The text of a new configuration file that allows `word`. */
export function newConfigText(word: string, eol: string): string {
  return [
    '// gongwen 配置文件：本文件夹及其子文件夹中的报告按这里的设置检查（说明见 docs/configuration.md）。',
    '// gongwen configuration: applies to the reports in this folder and its subfolders (see docs/configuration.md).',
    '{',
    '  // 不按词表检查的词 / Words the term packs leave alone',
    `  "terms": { "allow": [${JSON.stringify(word)}] }`,
    '}',
    '',
  ].join(eol);
}

/** The edit of `text` (JSONC) that adds `word` to `terms.allow`; undefined when it is there already or the text is not valid JSON. */
export function allowEditOf(text: string, word: string, eol: string): { offset: number; length: number; content: string }[] | undefined {
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const value = parseJsonc(body, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value)))) return undefined;
  const terms = (value as Record<string, unknown> | undefined)?.terms;
  if (terms !== undefined && (typeof terms !== 'object' || terms === null || Array.isArray(terms))) return undefined;
  const allow = (terms as Record<string, unknown> | undefined)?.allow;
  if (allow !== undefined && !Array.isArray(allow)) return undefined;
  if (Array.isArray(allow) && allow.includes(word)) return undefined;
  const bom = body.length !== text.length ? 1 : 0;
  const edits = Array.isArray(allow)
    ? modify(body, ['terms', 'allow', -1], word, { isArrayInsertion: true, formattingOptions: { insertSpaces: true, tabSize: 2, eol } })
    : modify(body, ['terms', 'allow'], [word], { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
  return edits.map((e) => ({ ...e, offset: e.offset + bom }));
}

export function allowWordAction(word: string, target: AllowTarget, raw: LspDiagnostic, locale: Locale, eol: string, encoding: NegotiatedEncoding, canCreate: boolean): CodeAction | undefined {
  if (word.trim() === '') return undefined;
  let edit: WorkspaceEdit;
  if (target.kind === 'existing') {
    const edits = allowEditOf(target.text, word, eol);
    if (!edits || edits.length === 0) return undefined;
    const doc = encoding.documents.create(target.uri, 'jsonc', 0, target.text);
    const lspEdits = edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.content }));
    edit = { changes: { [target.uri]: lspEdits } };
  } else {
    if (!canCreate) return undefined;
    edit = {
      documentChanges: [
        { kind: 'create', uri: target.uri, options: { ignoreIfExists: true } },
        { textDocument: { uri: target.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigText(word, eol) }] },
      ],
    };
  }
  return { title: TITLE[locale](word), kind: CodeActionKind.QuickFix, diagnostics: [raw], edit };
}
