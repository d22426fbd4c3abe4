import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../server/src/engine/check.js';

const only = { rules: { 'required-section': 'off' as const } };
const lines = (text: string) => checkText(text, only).diagnostics.map((d) => `${d.range.start.line}:${d.rule}`);

test('disable and enable a rule for a stretch of the document', () => {
  const text = ['X市', '<!-- gongwen-disable placeholder -->', 'X县', '<!-- gongwen-enable placeholder -->', 'X镇'].join('\n');
  assert.deepEqual(lines(text), ['1:placeholder', '5:placeholder']);
});

test('disable with no rule turns everything off; enabling one rule keeps the others off', () => {
  const text = ['<!-- gongwen-disable -->', 'X市', '一、甲', '三、乙', '<!-- gongwen-enable placeholder -->', 'X县', '五、丙'].join('\n');
  assert.deepEqual(lines(text), ['6:placeholder']);
});

test('disable-next-line and disable-line', () => {
  const text = ['<!-- gongwen-disable-next-line placeholder -->', 'X市', 'X县 <!-- gongwen-disable-line -->', 'X镇', '<!-- gongwen-disable-next-line numbering-sequence -->', 'X乡'].join('\n');
  assert.deepEqual(lines(text), ['4:placeholder', '6:placeholder']);
});
