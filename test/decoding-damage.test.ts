// A GBK file opened as UTF-8 is recognised by its replacement characters; correct text, and one
// stray U+FFFD in a pasted line, are not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodingDamage } from '../server/src/lsp/decoding-damage.js';

const DRAFT = '# 某镇2025年上半年工作总结\n\n一、主要工作\n\n今年以来，全镇上下齐心协力，完成了各项目标任务。\n';

test('a GBK file decoded as UTF-8 shows decoding damage, from its first broken character', () => {
  const asUtf8 = new TextDecoder('utf-8').decode(iconv.encode(DRAFT, 'gbk'));
  const damage = decodingDamage(asUtf8);
  assert.ok(damage, asUtf8);
  assert.ok(damage.replacements >= 10);
  assert.equal(asUtf8[damage.first], '\ufffd');
  assert.ok(damage.first < asUtf8.indexOf('\n'), 'the first damage is on the title line');
});

test('correct text, and a stray replacement character or two, are not damage', () => {
  assert.equal(decodingDamage(DRAFT), undefined);
  assert.equal(decodingDamage(DRAFT + '附件\ufffd见后。\n'), undefined);
  assert.equal(decodingDamage(DRAFT.repeat(20) + '\ufffd\ufffd\ufffd\n'), undefined, 'three among thousands of characters');
  assert.equal(decodingDamage(''), undefined);
});
