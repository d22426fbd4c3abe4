// Large documents in the language server: at most 10,000 diagnostics sent; one push per version.
// Orderings only, never timings (speed is in `npm run bench -- lsp`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { checkText } from '../server/src/engine/check.js';
import { LspTestClient } from './lsp-client.js';

interface FullReport {
  kind: string;
  resultId?: string;
  items: Diagnostic[];
}

const SMALL = ['# 区档案馆2025年度工作总结', '', '## 一、夯实基础工作', '（一）完善馆藏目录。', '## 三、提升服务水平', ''].join('\n');
const messageText = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

test('at most 10,000 diagnostics per document are sent, then one note with the number found; the count in the stats is the full one', async (t) => {
  const client = new LspTestClient({ pull: true });
  t.after(() => client.kill());
  await client.initialize();
  const uri = 'file:///large/many.md';
  // 4,000 repetitions, 3 findings each: a blank X, a blank *, an unclosed （.
  const text = '一是X市*（'.repeat(4000);
  assert.equal(checkText(text).diagnostics.length, 12_000);
  await client.open(uri, text);
  const report = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(report.items.length, 10_001);
  const note = report.items[10_000];
  assert.equal(note.code, 'too-many-problems');
  assert.equal(note.severity, 3);
  assert.match(messageText(note), /共发现 12000 处问题，只显示前 10000 处；从这里起还有 2000 处未显示/);
  // Where the first finding not shown is (the 10,001st): the blank * of the 3,334th repetition.
  assert.deepEqual(note.range.start, { line: 0, character: 3333 * 6 + 4 });
  assert.ok(report.items.slice(0, 10_000).every((d) => d.source === 'gongwen' && d.code !== 'too-many-problems'));
  const stats = await client.request<{ problems: number }>('gongwen/documentStats', { uri });
  assert.equal(stats.problems, 12_000);
  assert.equal(await client.shutdown(), 0);
});

test('push: an opened document is published once, not a second time for its content event', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.kill());
  await client.initialize();
  const a = 'file:///large/once-a.md';
  const b = 'file:///large/once-b.md';
  await client.open(b, SMALL);
  await client.waitFor(() => client.published.has(b), 'b');
  await client.open(a, SMALL);
  await client.waitFor(() => client.published.has(a), 'a');
  // A change to b now: its push comes after any second push of a, which was due before it.
  await client.change(b, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '　' }]);
  await client.waitFor(() => client.lastPublished(b)?.version === 2, 'version 2 of b');
  assert.equal(client.published.get(a)!.length, 1);
  assert.equal(await client.shutdown(), 0);
});
