// The three real drafts from the corpus, as they circulate (copied unchanged into
// test/fixtures/corpus). Expectations come from the corpus notes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../server/src/engine/check.js';
import type { Diagnostic } from '../server/src/engine/types.js';
import { FIXTURES } from './fixture-harness.js';
import { diagnosticMessage } from '../server/src/engine/messages.js';

const read = (name: string) => fs.readFileSync(path.join(FIXTURES, 'corpus', name), 'utf8');
const NUMBERING_RULES = ['numbering-sequence', 'numbering-format', 'enumeration-sequence', 'heading-depth', 'section-order'];

/** The placeholder texts found, each with a little context after it: `X|余本`. */
function placeholders(text: string, diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.rule === 'placeholder')
    .map((d) => text.slice(d.range.start.offset, d.range.end.offset) + '|' + text.slice(d.range.end.offset, d.range.end.offset + 2));
}

/** Placeholder findings next to a word (copy-residue findings span whole ad lines, QQ included). */
function around(text: string, diagnostics: Diagnostic[], word: string): Diagnostic[] {
  return diagnostics.filter((d) => {
    if (d.rule !== 'placeholder') return false;
    const s = Math.max(0, d.range.start.offset - word.length);
    return text.slice(s, d.range.end.offset + word.length).includes(word);
  });
}

for (const name of ['000_5ec81dc1912d0272.txt', '001_17a6a86398cf71ce.txt', '003_56c7eb5890fe722a.txt']) {
  test(`${name}: no numbering finding on a draft whose numbering is right`, () => {
    const { diagnostics } = checkText(read(name));
    assert.deepEqual(
      diagnostics.filter((d) => NUMBERING_RULES.includes(d.rule)).map((d) => `${d.range.start.line}:${d.rule}`),
      [],
    );
  });
}

test('000: X placeholders are found; no 存在问题 and no 下一步 section', () => {
  const text = read('000_5ec81dc1912d0272.txt');
  const { diagnostics, model } = checkText(text);
  const found = placeholders(text, diagnostics);
  assert.ok(found.includes('X|余本'), 'X余本');
  assert.ok(found.includes('XX|县民'), 'XX县');
  assert.ok(found.includes('X|日，'), '3月X日');
  assert.equal(model.title?.text, '创建2018年度学习型党组织工作总结', 'the watermark line is not taken for the title');
  const missing = diagnostics.filter((d) => d.rule === 'required-section');
  assert.deepEqual(missing.map((d) => d.range.start.line), [2, 2], 'two missing roles, reported on the title line');
  assert.ok(diagnosticMessage(missing[0], 'zh-CN').includes('存在问题') && diagnosticMessage(missing[1], 'zh-CN').includes('下一步打算'));
  // 一是…三是 runs inside the paragraphs of （一） and （二） are found, each in its own section.
  const runs = model.ordinals.filter((o) => o.style === 'shi');
  assert.ok(runs.length >= 6);
  assert.equal(new Set(runs.map((o) => o.scope)).size, 2);
});

test('001: X市, X同志, X次 are placeholders; QQ and APP are not; problems and plans present', () => {
  const text = read('001_17a6a86398cf71ce.txt');
  const { diagnostics, model } = checkText(text);
  const found = placeholders(text, diagnostics);
  assert.ok(found.includes('X|市民'), 'X市');
  assert.ok(found.includes('X|同志'), 'X同志');
  assert.ok(found.includes('X|次。'), 'X次');
  assert.deepEqual(around(text, diagnostics, 'QQ'), [], 'QQ is a word');
  assert.deepEqual(around(text, diagnostics, 'APP'), [], 'APP is a word');
  assert.deepEqual(diagnostics.filter((d) => d.rule === 'required-section'), []);
  assert.deepEqual(
    model.roles.filter((r) => r.source === 'heading').map((r) => `${r.role}@${r.line}`),
    ['problems@24', 'plans@31'],
  );
  // Under 存在问题, 一是/二是 start their own lines and restart under each （一）/（二）.
  const underProblems = model.ordinals.filter((o) => o.line > 24 && o.line < 31);
  assert.deepEqual(underProblems.map((o) => o.value), [1, 2, 1, 2]);
  assert.equal(new Set(underProblems.map((o) => o.scope)).size, 2);
});

test('003: ** runs parsed as emphasis are still placeholders; LED is not; 1. directly under 一、 is accepted', () => {
  const text = read('003_56c7eb5890fe722a.txt');
  const { diagnostics, model } = checkText(text);
  const found = placeholders(text, diagnostics);
  assert.ok(found.includes('**|县工'), '**县');
  assert.ok(found.includes('***|局以'), '***局');
  assert.ok(found.includes('****|帮扶'), '****帮扶活动');
  assert.ok(found.includes('**|县*'), '推动**县');
  assert.deepEqual(around(text, diagnostics, 'LED'), [], 'LED is a word');
  assert.deepEqual(diagnostics.filter((d) => d.rule === 'required-section'), []);
  const arabic = model.numbered.filter((n) => n.level === 3);
  assert.ok(arabic.length >= 5);
  for (const n of arabic) assert.equal(n.parent?.kind === 'numbered' && n.parent.level, 1, `line ${n.line} stands under a level-1 section`);
});
