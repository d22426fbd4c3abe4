// Issue 15 (presentation): each message starts with its rule's category in words (【标点】…,
// [Punctuation] …), so that one kind reads together in the Problems view and its filter finds it;
// the status item's figures count problems per category.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lsp-client.js';

const DRAFT = ['# 区档案馆2025年工作总结', '', '## 一、夯实基础工作', '', '全年整理档案X卷,新增目录,完成数字化。', '', '## 三、下一步打算', '', '继续做好工作。', ''].join('\n');

for (const [locale, expected] of [
  ['zh-cn', { placeholder: '【未填内容】', 'punctuation-width': '【标点】', 'numbering-sequence': '【序号】', names: ['标点', '未填内容', '序号'] }],
  ['en', { placeholder: '[Blanks] ', 'punctuation-width': '[Punctuation] ', 'numbering-sequence': '[Numbering] ', names: ['Punctuation', 'Blanks', 'Numbering'] }],
] as const) {
  test(`${locale}: messages start with the category; the stats count problems per category, most first`, async (t) => {
    const client = new LspTestClient({ pull: true, locale });
    t.after(() => client.kill());
    await client.initialize();
    const uri = `untitled:categories-${locale}`;
    await client.open(uri, DRAFT);
    const { items } = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    for (const rule of ['placeholder', 'punctuation-width', 'numbering-sequence'] as const) {
      const d = items.find((x) => x.code === rule);
      assert.ok(d, rule);
      const message = String(d.message);
      assert.ok(message.startsWith(expected[rule]), `${rule}: ${message}`);
      assert.ok(!message.slice(expected[rule].length).startsWith(expected[rule].trim()), 'once');
    }
    const stats = await client.request<{ categories: { name: string; count: number }[]; problems: number }>('gongwen/documentStats', { uri });
    // Every category named in a message, counted as the messages count it, most first.
    const byPrefix = new Map<string, number>();
    for (const d of items) {
      const name = /^(?:【([^】]+)】|\[([^\]]+)\] )/.exec(String(d.message));
      assert.ok(name, String(d.message));
      byPrefix.set(name[1] ?? name[2], (byPrefix.get(name[1] ?? name[2]) ?? 0) + 1);
    }
    assert.deepEqual(new Map(stats.categories.map((c) => [c.name, c.count])), byPrefix);
    for (const name of expected.names) assert.ok(byPrefix.has(name), name);
    assert.deepEqual(stats.categories.map((c) => c.count), [...stats.categories.map((c) => c.count)].sort((a, b) => b - a));
    assert.equal(stats.categories.reduce((n, c) => n + c.count, 0), stats.problems);
    assert.equal(await client.shutdown(), 0);
  });
}
