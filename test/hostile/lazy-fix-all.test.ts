// Issue 11, item 2: fix-all is not computed on every lightbulb query. A client that resolves
// `edit` gets the fix-all actions without one, and codeAction/resolve fills it in; on save
// (only: source.fixAll) the edit comes at once; a document over gongwen.maxFileSize gets no actions.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../lsp-client.js';
import { fixText } from '../../server/src/engine/check.js';

const text = '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n\n五、下一步打算\n\n今年以来,我们完成了任务,成效明显。\n';
const range = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };

test('fix-all actions are resolved lazily when the client can, and at once on save', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: true, resolveEdits: true });
  t.after(() => client.kill());
  await client.initialize();
  const uri = 'untitled:lazy';
  await client.open(uri, text);
  const report = await client.request<{ items: { code: string; range: typeof range; data?: unknown; source?: string; message: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: report.items } });
  const fixAll = actions.find((a) => a.kind === 'source.fixAll.gongwen');
  assert.ok(fixAll, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(fixAll.edit, undefined, 'no edit until resolved');
  const resolved = await client.request<CodeAction>('codeAction/resolve', fixAll);
  const edits = resolved.edit?.changes?.[uri];
  assert.ok(edits && edits.length === 1);
  const onSave = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
  assert.ok(onSave[0]?.edit, 'on save the edit comes with the action');
  // The resolved edit and the on-save edit make the same text, fix-all's.
  assert.deepEqual(resolved.edit, onSave[0].edit);
  assert.ok(fixText(text).text.includes('二、存在问题'));
});

test('a document over gongwen.maxFileSize gets no code actions', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: true, settings: { maxFileSize: 50 } });
  t.after(() => client.kill());
  await client.initialize();
  const uri = 'untitled:big';
  await client.open(uri, text);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
  assert.deepEqual(actions, []);
});
