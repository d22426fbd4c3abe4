// Issue 11, item 6 (stale diagnostics): "disable for this line" on a diagnostic from an older
// version inserts its comment above the line where the problem is now, not where it was.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../lsp-client.js';

test('disable-for-this-line from a stale diagnostic goes to the current line of the problem', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: true });
  t.after(() => client.kill());
  await client.initialize();
  const uri = 'untitled:stale';
  await client.open(uri, '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n');
  const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  const stale = report.items.find((d) => d.code === 'numbering-sequence');
  assert.ok(stale);
  assert.equal(stale.range.start.line, 4);
  // Two lines are added at the top: the problem is now on line 6 (0-based).
  await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n今年完成任务。\n' }]);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: stale.range,
    context: { diagnostics: [stale] },
  });
  const disable = actions.find((a) => a.title.includes('在此行停用') || a.title.includes('for this line'));
  assert.ok(disable, JSON.stringify(actions.map((a) => a.title)));
  const edit = disable.edit?.changes?.[uri]?.[0];
  assert.equal(edit?.range.start.line, 6);
});
