// Issue 11, item 5 (front matter): front matter larger than 16,384 characters is one problem at
// its first line and is not parsed (30,000 keys took seconds, on every keystroke); duplicate keys
// are found in one pass; front matter nested deeper than 64 levels is one problem at the place,
// and is not handed to the YAML composer, whose recursion ran the stack out (a regular expression
// compiled at that depth aborted the process). The document is checked in every case.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { checkText } from '../../server/src/engine/check.js';
import { MAX_FRONT_MATTER } from '../../server/src/engine/config.js';
import { renderMessage } from '../../server/src/engine/messages.js';
import { REPO_ROOT } from '../fixture-harness.js';

const DRAFT = '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n';
const withFront = (yaml: string) => `---\n${yaml}\n---\n${DRAFT}`;
const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n');

test('front matter of 30,000 keys is one problem at its first line; the document is still checked', { timeout: 20_000 }, () => {
  const r = checkText(withFront('gongwen:\n  type: 述职报告\n' + keys(30_000)));
  assert.equal(r.problems.length, 1, JSON.stringify(r.problems.slice(0, 3)));
  assert.deepEqual([r.problems[0].line, r.problems[0].column], [1, 1]);
  assert.match(renderMessage(r.problems[0].message, 'zh-CN'), /YAML 元数据过大（超过 16384 个字符）/);
  assert.match(renderMessage(r.problems[0].message, 'en'), /larger than 16384 characters/);
  // Its settings are not used (the type stays the one the title names), and the rules run.
  assert.equal(r.config.typeName, '工作总结');
  assert.ok(r.diagnostics.some((d) => d.rule === 'numbering-sequence'));
  // Large front matter that cannot hold gongwen settings is no problem.
  assert.deepEqual(checkText(withFront(keys(30_000))).problems, []);
});

test('a duplicate key is found in front matter of any size up to the limit, where the YAML library puts it', { timeout: 20_000 }, () => {
  const many = keys(1400);
  assert.ok(many.length < MAX_FRONT_MATTER);
  const r = checkText(withFront(`gongwen:\n  type: 述职报告\n${many}\nk7: again`));
  assert.equal(r.problems.length, 1);
  assert.deepEqual([r.problems[0].line, r.problems[0].column], [1 + 3 + 1400, 1]);
  assert.match(renderMessage(r.problems[0].message, 'en'), /syntax error in the YAML front matter/);
  const inner = checkText(withFront('gongwen:\n  type: 述职报告\n  rules: {placeholder: off, placeholder: info}'));
  assert.deepEqual([inner.problems[0].line, inner.problems[0].column], [4, 29]);
  // Keys that differ are fine: 1 and "1" are different keys, as for the library.
  assert.deepEqual(checkText(withFront('1: a\n"1": b\ngongwen:\n  type: 述职报告')).problems, []);
});

test('front matter nested 1,000 deep is one problem at the place where it passes 64 levels', { timeout: 20_000 }, () => {
  const r = checkText(withFront('gongwen: ' + '['.repeat(1000) + ']'.repeat(1000)));
  assert.equal(r.problems.length, 1);
  // gongwen: is level 1; the 64th [ is level 65.
  assert.deepEqual([r.problems[0].line, r.problems[0].column], [2, 'gongwen: '.length + 64]);
  assert.match(renderMessage(r.problems[0].message, 'zh-CN'), /嵌套过深（超过 64 层）/);
  assert.ok(r.diagnostics.some((d) => d.rule === 'numbering-sequence'));
  // Nesting a real configuration needs is read.
  const roles = checkText(withFront('gongwen:\n  types:\n    自定:\n      required: [a]\n      roles:\n        a: {headings: [甲乙]}\n  type: 自定'));
  assert.deepEqual(roles.problems, []);
  assert.equal(roles.config.typeName, '自定');
});

test('checking deeply nested front matter again and again does not abort the process', { timeout: 60_000 }, () => {
  // This sequence aborted node 20 with "RegExpCompiler Allocation failed" (no exception to catch).
  const script = `
    const { checkText } = await import(${JSON.stringify(path.join(REPO_ROOT, 'out/server/src/engine/check.js'))});
    const body = ${JSON.stringify(DRAFT)};
    for (const n of [1000, 2000, 4000]) {
      for (const fm of ['a: ' + '['.repeat(n), 'a: ' + '['.repeat(n) + ']'.repeat(n)]) {
        for (let r = 0; r < 5; r++) checkText('---\\n' + fm + '\\n---\\n' + body);
      }
    }
    console.log('done');`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 55_000 });
  assert.equal(run.signal, null, `the process was killed by ${run.signal}: ${run.stderr.slice(0, 300)}`);
  assert.equal(run.status, 0, run.stderr.slice(0, 300));
  assert.equal(run.stdout.trim(), 'done');
});
