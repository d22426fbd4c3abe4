// Large documents in the language server: checked in a worker thread, so that other documents are
// answered meanwhile; a newer version supersedes an older one; at most 10,000 diagnostics sent.
// Orderings only, never timings (speed is in `npm run bench -- lsp`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { checkText } from '../server/src/engine/check.js';
import { largeReport, LspTestClient, within } from './lsp-client.js';

interface FullReport {
  kind: string;
  resultId?: string;
  items: Diagnostic[];
}

const SMALL = ['# 区档案馆2025年度工作总结', '', '## 一、夯实基础工作', '（一）完善馆藏目录。', '## 三、提升服务水平', ''].join('\n');
const BIG = largeReport(1_000_000);
/** What the engine finds in the large report, rule by rule in order: what the worker must send. */
const BIG_CODES = checkText(BIG).diagnostics.map((d) => d.rule);

const messageText = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

test('pull: a small document is answered before a 1 MB one that was asked first; the 1 MB one is answered in full, with symbols and stats', async (t) => {
  const client = new LspTestClient({ pull: true });
  t.after(() => client.kill());
  await client.initialize();
  const big = 'file:///large/pull-big.md';
  const small = 'file:///large/pull-small.md';
  await client.open(big, BIG);
  await client.open(small, SMALL);
  const order: string[] = [];
  const bigReport = client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri: big } }).then((r) => (order.push('big'), r));
  const smallReport = client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri: small } }).then((r) => (order.push('small'), r));
  const [b, s] = await within(Promise.all([bigReport, smallReport]), 120_000, 'both reports');
  assert.deepEqual(order, ['small', 'big']);
  assert.ok(s.items.some((d) => d.code === 'numbering-sequence'));
  assert.deepEqual(
    b.items.map((d) => d.code),
    BIG_CODES,
  );
  assert.equal(b.resultId, '1');
  // The large document's other requests are served by the same worker.
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: big } });
  assert.ok(symbols.length > 0);
  const stats = await client.request<{ problems: number; characters: number | null }>('gongwen/documentStats', { uri: big });
  assert.equal(stats.problems, BIG_CODES.length);
  assert.ok(stats.characters !== null && stats.characters > 100_000);
  assert.equal(await client.shutdown(), 0);
});

test('push: a small document opened after a 1 MB one gets its diagnostics first; a newer version of the 1 MB one supersedes the older, never published after it', async (t) => {
  // A rule turned off in the settings: the worker asks the editor for them, through the router.
  const client = new LspTestClient({ settings: { rules: { placeholder: 'off' } } });
  t.after(() => client.kill());
  await client.initialize();
  const big = 'file:///large/push-big.md';
  const small = 'file:///large/push-small.md';
  await client.open(big, BIG);
  await client.change(big, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '一、' }]);
  await client.change(big, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, text: '' }]);
  await client.open(small, SMALL);
  await client.waitFor(() => client.published.has(small) && client.published.get(big)?.some((p) => p.version === 3) === true, 'the small document and version 3 of the large one', 120_000);
  const firstBig = client.publishLog.findIndex((p) => p.uri === big);
  const firstSmall = client.publishLog.findIndex((p) => p.uri === small);
  assert.ok(firstSmall < firstBig, `the small document first (published: ${client.publishLog.map((p) => `${p.uri.slice(-9)}@${p.version}`).join(', ')})`);
  // A request to the large document goes through the worker after anything it had still to send.
  await client.request('textDocument/documentSymbol', { textDocument: { uri: big } });
  const versions = client.published.get(big)!.map((p) => p.version);
  assert.deepEqual(versions, [...versions].sort((a, b) => a! - b!), `versions in order: ${versions.join(', ')}`);
  assert.equal(versions.at(-1), 3);
  const last = client.lastPublished(big)!;
  assert.deepEqual(
    last.diagnostics.map((d) => d.code),
    checkText(BIG, { rules: { placeholder: 'off' } }).diagnostics.map((d) => d.rule),
  );
  assert.ok(!last.diagnostics.some((d) => d.code === 'placeholder'));
  assert.equal(await client.shutdown(), 0);
});

test('a document that grows past the limit moves to the worker: another document is answered meanwhile, and no empty list comes between its versions', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.kill());
  await client.initialize();
  const grows = 'file:///large/grows.md';
  const other = 'file:///large/other.md';
  await client.open(grows, SMALL);
  await client.open(other, SMALL);
  await client.waitFor(() => client.published.has(grows) && client.published.has(other), 'both small documents');
  await client.change(grows, [{ text: BIG }]);
  await client.change(other, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '　' }]);
  await client.waitFor(() => client.lastPublished(grows)?.version === 2 && client.lastPublished(other)?.version === 2, 'version 2 of both', 120_000);
  const order = client.publishLog.filter((p) => p.version === 2).map((p) => p.uri);
  assert.deepEqual(order, [other, grows]);
  // The main thread's server, which closed the document, cleared nothing in the editor.
  assert.deepEqual(
    client.published.get(grows)!.map((p) => p.version),
    [1, 2],
  );
  assert.deepEqual(
    client.lastPublished(grows)!.diagnostics.map((d) => d.code),
    BIG_CODES,
  );
  // Fix all (the worker asks the editor to apply the edit, through the router).
  const applied = await client.request<boolean>('workspace/executeCommand', { command: 'gongwen.server.fixAll', arguments: [grows] });
  assert.equal(applied, true);
  assert.equal(client.appliedEdits.length, 1);
  assert.deepEqual(Object.keys(client.appliedEdits[0].edit.changes!), [grows]);
  assert.equal(await client.shutdown(), 0);
});

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

test('when the worker cannot start, large documents are checked in the main thread and the requests it had are answered there', async (t) => {
  const client = new LspTestClient({ pull: true, env: { GONGWEN_FAULT_WORKER: 'start' } });
  t.after(() => client.kill());
  await client.initialize();
  const big = 'file:///large/fault-big.md';
  await client.open(big, BIG);
  const report = await within(client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri: big } }), 120_000, 'the large document, from the main thread');
  assert.deepEqual(
    report.items.map((d) => d.code),
    BIG_CODES,
  );
  assert.ok(client.logs.some((l) => l.type === 1 && /worker for large documents ended/.test(l.message) && /GONGWEN_FAULT_WORKER/.test(l.message)));
  // A second large document too.
  await client.open('file:///large/fault-big-2.md', BIG);
  const second = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri: 'file:///large/fault-big-2.md' } });
  assert.equal(second.items.length, BIG_CODES.length);
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

test('the worker counts positions in the encoding negotiated with the client (utf-8 here), as the main thread does', async (t) => {
  // （一） is 9 UTF-8 bytes, 𠮷 4 (2 UTF-16 units), 镇书屋整理图书 21: the placeholder X is at byte 34 (UTF-16: 12).
  const line = '（一）𠮷镇书屋整理图书X册。';
  const text = ['# 𠮷镇文化站2025年度工作总结', '', '## 一、夯实基础工作', line, '', largeReport(300_000)].join('\n');
  assert.ok(Buffer.byteLength(text) > 200_000, 'served by the worker');
  const at = (client: LspTestClient, uri: string) =>
    client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } }).then((r) => r.items.find((d) => d.code === 'placeholder' && d.range.start.line === 3));
  const results: Record<string, number | undefined> = {};
  for (const [name, body] of [['large', text], ['small', text.slice(0, text.indexOf(largeReport(300_000)))]] as const) {
    const client = new LspTestClient({ pull: true, positionEncodings: ['utf-8'] });
    t.after(() => client.kill());
    await client.initialize();
    const uri = `file:///large/encoding-${name}.md`;
    await client.open(uri, body);
    results[name] = (await within(at(client, uri), 120_000, `${name} report`))?.range.start.character;
    assert.equal(await client.shutdown(), 0);
  }
  assert.equal(results.small, 34);
  assert.equal(results.large, 34);
});
