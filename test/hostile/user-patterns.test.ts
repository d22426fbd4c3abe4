// Issue 11, item 1: every pattern that comes from a user runs in a linear-time engine. A
// catastrophic pattern on the input that makes a backtracking engine run for ever finishes at
// once (each test is bounded by its timeout, not timed), and syntax the engine cannot take is a
// configuration problem that names the pattern.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check.js';
import { validateConfig } from '../../server/src/engine/config.js';
import { RULES_BY_ID } from '../../server/src/engine/rules/index.js';
import { renderMessage } from '../../server/src/engine/messages.js';

const EVIL = '(a+)+$';
const LINE = 'a'.repeat(34) + '乙';
const BOUND = { timeout: 20_000 };

test('placeholders.extra: (a+)+$ on 34 a and one more character finishes; a matching pattern still finds its blank', BOUND, () => {
  const text = `# 某局2025年工作总结\n\n${LINE}\n\n全年完成任务，待填项目见附表。\n`;
  const r = checkText(text, { config: [{ placeholders: { extra: [EVIL, '待填项目'] } }] });
  assert.deepEqual(r.failures, []);
  assert.ok(r.diagnostics.some((d) => d.rule === 'placeholder' && text.slice(d.range.start.offset, d.range.end.offset) === '待填项目'));
});

test('copy-residue extra, from front matter: (a+)+$ finishes', BOUND, () => {
  const text = `---\ngongwen:\n  rules:\n    copy-residue: [warning, {extra: ["${EVIL}"]}]\n---\n# 某局2025年工作总结\n\n${LINE}\n`;
  const r = checkText(text);
  assert.deepEqual(r.failures, []);
  assert.deepEqual(r.problems, []);
});

test('custom report type roles: (a+)+$ in headings and paragraphs finishes', BOUND, () => {
  const config = { type: '调研报告', types: { 调研报告: { required: ['findings'], roles: { findings: { headings: [EVIL], paragraphs: [EVIL] } } } } };
  const text = `# 某局调研报告\n\n一、${LINE}\n\n${LINE}\n`;
  const r = checkText(text, { config: [config] });
  assert.deepEqual(r.failures, []);
  assert.ok(r.diagnostics.some((d) => d.rule === 'required-section'), 'the role is still checked');
});

test('lookbehind and backreferences are configuration problems naming the pattern', () => {
  const { problems } = validateConfig({ placeholders: { extra: ['(?<=第)X'] } }, RULES_BY_ID, 'cfg.jsonc', () => ({ line: 1, column: 1 }));
  assert.equal(problems.length, 1);
  assert.match(renderMessage(problems[0].message, 'zh-CN'), /\(\?<=第\)X/);
  assert.match(renderMessage(problems[0].message, 'en'), /invalid regular expression/);
  const roles = validateConfig({ types: { 调研报告: { roles: { findings: { headings: ['(调研)\\1'] } } } } }, RULES_BY_ID, 'cfg.jsonc', () => ({ line: 1, column: 1 }));
  assert.equal(roles.problems.length, 1);
  assert.match(renderMessage(roles.problems[0].message, 'en'), /\(调研\)\\1/);
});
