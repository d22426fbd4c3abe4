// The status item names the category with most problems beside the count (client/src/status-text.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { leadingCategory } from '../client/src/status-text.js';

test('status item: the category with most problems (the server sorts them) is named beside the count; none without problems or counts', () => {
  const counts = [{ name: '错别字', count: 3 }, { name: '数字用法', count: 2 }];
  assert.deepEqual(leadingCategory(counts, 12), { name: '错别字', count: 3 });
  assert.equal(leadingCategory(counts, 0), undefined);
  assert.equal(leadingCategory([], 4), undefined);
  assert.equal(leadingCategory(undefined, 4), undefined);
  assert.equal(leadingCategory([{ name: '错别字', count: 0 }], 4), undefined);
});

test('status item: the text with a category is translated and stays short (字数 N · 问题 N（类别 N）)', () => {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const zh = bundle['{0} characters · {1} problems ({2} {3})'];
  assert.equal(zh, '字数 {0} · 问题 {1}（{2} {3}）');
  // The e2e harness waits for 字数 N · 问题 N: the longer text still holds it.
  const shown = zh.replace('{0}', '3250').replace('{1}', '12').replace('{2}', '错别字').replace('{3}', '3');
  assert.match(shown, /字数 \d+ · 问题 \d+/);
  assert.ok(shown.length <= 24, shown);
  const extension = fs.readFileSync(path.join(root, 'client', 'src', 'extension.ts'), 'utf8');
  assert.match(extension, /leadingCategory\(stats\.categories, problems\)/);
});
