// Folding traditional script to simplified for matching: one code unit for one, so offsets hold;
// the table is generated from opencc-js and checked in (this test fails when it drifts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { foldScript } from '../server/src/engine/model/script-fold.js';
import { REPO_ROOT } from './fixture-harness.js';

test('foldScript: traditional characters become simplified, everything else stays, offset for offset', () => {
  assert.equal(foldScript('基層司法所工作總結_第2頁，已閱讀5頁'), '基层司法所工作总结_第2页，已阅读5页');
  const mixed = '𠮷 emoji 😀, Latin, ４２, \ud800 lone, 總';
  const folded = foldScript(mixed);
  assert.equal(folded.length, mixed.length);
  // A lone surrogate stays too (it was once decoded to U+FFFD).
  assert.equal(folded.slice(0, -1), mixed.slice(0, -1));
  assert.equal(folded.at(-1), '总');
});

test('foldScript: a text without traditional characters is returned as it is', () => {
  const text = '区档案馆2025年工作总结：完成数字化12万卷。';
  assert.equal(foldScript(text), text);
  // Characters that simplified text writes as they are, though Taiwan reads them otherwise (么 as 幺).
  for (const word of ['怎么写', '什么', '这么', '多么', '团委工作总结怎么写']) assert.equal(foldScript(word), word);
});

test('the fold table is what scripts/gen-script-fold.mjs makes from opencc-js', () => {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'gen-script-fold.mjs'), '--check'], { stdio: 'pipe' });
});
