// 输入时保持安静 / Quiet while typing (client/src/quiet.ts): the line being typed gets no new
// findings until a pause or until the cursor leaves it; findings shown before stay; other lines
// and other documents are untouched. The clock is passed in: no timing here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUIET_PAUSE_MS, QuietWhileTyping, quietModeOf, type QuietDiagnostic, type QuietMode } from '../client/src/quiet.js';

const A = 'file:///a.md';
const B = 'file:///b.md';
const d = (line: number, rule: string, message = `${rule}@${line}`): QuietDiagnostic => ({ startLine: line, endLine: line, rule, message });
const rules = (ds: QuietDiagnostic[]) => ds.map((x) => `${x.rule}@${x.startLine}`);

function quiet(mode: QuietMode = 'placeholder') {
  return new QuietWhileTyping(() => mode);
}

test('quiet while typing: a new placeholder finding on the line being typed waits for the pause', () => {
  const q = quiet();
  const before = [d(2, 'numbering-sequence')];
  q.typed(A, 5, 0, before);
  const after = [d(2, 'numbering-sequence'), d(5, 'placeholder', '未填写的占位符「X」')];
  assert.deepEqual(rules(q.filter(A, after, 100)), ['numbering-sequence@2'], 'held back while typing');
  q.typed(A, 5, 1000, []); // another keystroke prolongs the burst
  assert.deepEqual(rules(q.filter(A, after, 1000 + QUIET_PAUSE_MS - 1)), ['numbering-sequence@2']);
  assert.equal(q.tick(1000 + QUIET_PAUSE_MS - 1), false, 'not paused yet');
  assert.equal(q.tick(1000 + QUIET_PAUSE_MS), true, 'the pause ends the burst, which held something back: refresh');
  assert.deepEqual(rules(q.filter(A, after, 1000 + QUIET_PAUSE_MS)), ['numbering-sequence@2', 'placeholder@5']);
});

test('quiet while typing: the cursor leaving the line shows its findings at once', () => {
  const q = quiet();
  q.typed(A, 5, 0, []);
  const after = [d(5, 'placeholder')];
  assert.deepEqual(q.filter(A, after, 10), []);
  assert.equal(q.moved(A, 5, ), false, 'moving along the same line keeps the burst');
  assert.deepEqual(q.filter(A, after, 20), []);
  assert.equal(q.moved(A, 6), true, 'leaving the line ends the burst: refresh');
  assert.deepEqual(rules(q.filter(A, after, 30)), ['placeholder@5']);
});

test('quiet while typing: another editor, or typing on another line, ends the burst', () => {
  const q = quiet();
  q.typed(A, 5, 0, []);
  q.filter(A, [d(5, 'placeholder')], 1);
  assert.equal(q.moved(undefined, -1), true, 'no report in the editor');
  q.typed(A, 5, 100, []);
  q.filter(A, [d(5, 'placeholder')], 101);
  assert.equal(q.typed(A, 7, 200, []), true, 'a keystroke on line 7 ends the burst of line 5');
  assert.deepEqual(rules(q.filter(A, [d(5, 'placeholder'), d(7, 'placeholder')], 201)), ['placeholder@5']);
});

test('quiet while typing: findings shown on the line before the burst stay shown', () => {
  const q = quiet();
  const existing = d(5, 'placeholder', '未填写的占位符「X月X日」');
  q.typed(A, 5, 0, [existing, d(4, 'placeholder')]);
  const now = [{ ...existing }, d(5, 'placeholder', '未填写的占位符「XX」')];
  assert.deepEqual(q.filter(A, now, 10).map((x) => x.message), ['未填写的占位符「X月X日」']);
});

test('quiet while typing: placeholder mode holds back placeholder findings only; on holds back all; off none', () => {
  const line = [d(5, 'placeholder'), d(5, 'numbering-sequence'), d(5, 'punctuation-width')];
  const shownWith = (mode: QuietMode) => {
    const q = quiet(mode);
    q.typed(A, 5, 0, []);
    return rules(q.filter(A, line, 10));
  };
  assert.deepEqual(shownWith('placeholder'), ['numbering-sequence@5', 'punctuation-width@5']);
  assert.deepEqual(shownWith('on'), []);
  assert.deepEqual(shownWith('off'), ['placeholder@5', 'numbering-sequence@5', 'punctuation-width@5']);
});

test('quiet while typing: other lines, other documents and multi-line findings', () => {
  const q = quiet('on');
  q.typed(A, 5, 0, []);
  const spanning: QuietDiagnostic = { startLine: 3, endLine: 6, rule: 'paired-punctuation', message: 'm' };
  assert.deepEqual(rules(q.filter(A, [d(4, 'placeholder'), d(6, 'placeholder'), spanning], 10)), ['placeholder@4', 'placeholder@6'], 'a finding spanning the line counts as on it');
  assert.deepEqual(rules(q.filter(B, [d(5, 'placeholder')], 10)), ['placeholder@5'], 'another document');
});

test('quiet while typing: a burst that held nothing back needs no refresh', () => {
  const q = quiet();
  q.typed(A, 5, 0, []);
  assert.deepEqual(rules(q.filter(A, [d(2, 'placeholder')], 10)), ['placeholder@2']);
  assert.equal(q.tick(QUIET_PAUSE_MS), false);
  assert.equal(q.typing, undefined, 'the burst is over all the same');
});

test('quiet while typing: the setting falls back to placeholder for unknown values', () => {
  assert.equal(quietModeOf('on'), 'on');
  assert.equal(quietModeOf('off'), 'off');
  assert.equal(quietModeOf(undefined), 'placeholder');
  assert.equal(quietModeOf('sometimes'), 'placeholder');
});
