// Issue 11, item 4: names a user gives (constructor, toString, __proto__) are looked up as own
// keys only: an unknown type is reported as unknown, and required-section still runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, fixText } from '../../server/src/engine/check.js';
import { renderMessage } from '../../server/src/engine/messages.js';

const text = '# 某局2025年工作总结\n\n一、主要工作\n\n全年完成任务。\n';

for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
  test(`--type ${name} is an unknown type, checked as 工作总结`, () => {
    const r = checkText(text, { type: name });
    assert.equal(r.config.typeName, '工作总结');
    assert.ok(r.problems.some((p) => renderMessage(p.message, 'en').includes(`unknown report type "${name}"`)), JSON.stringify(r.problems));
    assert.ok(r.diagnostics.some((d) => d.rule === 'required-section'), 'required-section still runs');
  });
}

test('a type requiring an inherited role name inserts no undefined text', () => {
  const config = { type: '调研报告', types: { 调研报告: { required: ['constructor', 'toString'] } } };
  const r = checkText(text, { config: [config] });
  assert.equal(r.config.type.required.length, 0);
  assert.ok(r.problems.some((p) => renderMessage(p.message, 'en').includes('"constructor"')));
  const fixed = fixText(text, { config: [config] }).text;
  assert.ok(!fixed.includes('undefined'), fixed);
});

test('front matter keys named __proto__ do not reach the prototype', () => {
  const fm = '---\ngongwen:\n  types:\n    __proto__:\n      required: [problems]\n  rules:\n    __proto__: off\n---\n';
  const r = checkText(fm + text);
  assert.deepEqual(r.failures, []);
  assert.equal(({} as Record<string, unknown>).required, undefined);
  assert.ok(r.diagnostics.some((d) => d.rule === 'required-section'));
});
