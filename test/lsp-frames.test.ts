// Issue 13: the section frames come from the server, which knows the numbering: `cmwt` after 二、
// inserts 三、, and the frames follow the report's type (a 述职报告's 下一步打算 is 今后努力方向).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lsp-client.js';

const body = (title: string, typed: string) =>
  [`# ${title}`, '', '今年以来，我们扎实推进各项工作。现将有关情况总结如下：', '', '## 一、抓好基础工作', '', '全年完成目录整理。', '', '## 二、提升服务水平', '', '（一）延长开放时间。', '', typed].join('\n');

async function itemsAt(client: LspTestClient, uri: string, text: string): Promise<CompletionItem[]> {
  await client.open(uri, text);
  const lines = text.split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
}

test('completion: cmwt after 二、 offers the problems section numbered 三、, as a snippet replacing what was typed', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.kill());
  await client.initialize();
  const items = await itemsAt(client, 'file:///frames/a.md', body('区档案馆2025年工作总结', 'cmwt'));
  const item = items.find((i) => i.label === 'cmwt');
  assert.ok(item, `cmwt offered among ${items.map((i) => i.label).join(' ')}`);
  assert.equal(item.insertTextFormat, 2, 'a snippet');
  const edit = item.textEdit as TextEdit;
  assert.match(edit.newText, /^## 三、\$\{1:存在的问题和不足\}/);
  assert.deepEqual(edit.range, { start: { line: 12, character: 0 }, end: { line: 12, character: 4 } });
  assert.equal(item.detail, '## 三、存在的问题和不足');
  // Frames for other prefixes are not offered for cmwt; a level-2 heading continues （一） with （二）.
  assert.ok(!items.some((i) => i.label === 'xybdx'));
  const level2 = (await itemsAt(client, 'file:///frames/b.md', body('区档案馆2025年工作总结', 'bt2'))).find((i) => i.label === 'bt2');
  // Written as the report writes its level-2 markers: here a paragraph, not a ### heading.
  assert.match((level2!.textEdit as TextEdit).newText, /^（二）\$\{1:标题\}/);
  assert.equal(await client.shutdown(), 0);
});

test('completion: in a 述职报告, 下一步打算 (xybdx) is the 今后努力方向 section; typed after ## the frame replaces the #s too', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.kill());
  await client.initialize();
  const items = await itemsAt(client, 'file:///frames/duty.md', body('2025年度个人述职报告', '## xyb'));
  const item = items.find((i) => i.label === 'xybdx');
  assert.ok(item, `xybdx offered among ${items.map((i) => i.label).join(' ')}`);
  const edit = item.textEdit as TextEdit;
  assert.match(edit.newText, /^## 三、\$\{1:今后努力方向\}/);
  assert.equal(item.filterText, '## xybdx');
  assert.deepEqual(edit.range.start, { line: 12, character: 0 });
  assert.equal(await client.shutdown(), 0);
});

test('completion: a client without snippet support gets the frame as plain text, every tab stop at its default', async (t) => {
  const client = new LspTestClient({ capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } } });
  t.after(() => client.kill());
  await client.initialize();
  const items = await itemsAt(client, 'file:///frames/plain.md', body('区档案馆2025年工作总结', '存在'));
  const item = items.find((i) => i.label === '存在问题');
  assert.ok(item, `存在问题 offered among ${items.map((i) => i.label).join(' ')}`);
  assert.equal(item.insertTextFormat, 1, 'plain text');
  assert.equal((item.textEdit as TextEdit).newText, '## 三、存在的问题和不足\n\n一是【待补充：问题及其原因】；二是【待补充】。');
  assert.equal(await client.shutdown(), 0);
});
