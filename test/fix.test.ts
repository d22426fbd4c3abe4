import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, applyFixes, fixAll } from '../server/src/engine/fix.js';
import { LineIndex } from '../server/src/engine/line-index.js';
import { checkText } from '../server/src/engine/check.js';
import type { Diagnostic, TextEdit } from '../server/src/engine/types.js';

const text = '一二三四五六七八九十';
const index = new LineIndex(text);
const edit = (start: number, end: number, t: string): TextEdit => ({ range: index.range(start, end), text: t });
const diag = (...edits: TextEdit[]): Diagnostic => ({
  rule: 'x', severity: 'warning', category: 'punctuation', messageId: 'x/x', range: index.range(0, 0),
  fix: { title: { id: 'x/x' }, edits },
});

test('applyEdits changes only the edited ranges', () => {
  assert.equal(applyEdits(text, [edit(8, 10, 'X'), edit(0, 1, 'A'), edit(3, 3, '+')]), 'A二三+四五六七八X');
});

test('applyEdits refuses overlapping edits and two insertions at one point', () => {
  assert.throws(() => applyEdits(text, [edit(0, 3, 'a'), edit(2, 4, 'b')]), RangeError);
  assert.throws(() => applyEdits(text, [edit(2, 2, 'a'), edit(2, 2, 'b')]), RangeError);
  const beyond: TextEdit = { range: { start: index.position(5), end: { offset: 99, line: 1, column: 100 } }, text: 'a' };
  assert.throws(() => applyEdits(text, [beyond]), RangeError);
});

test('applyFixes takes fixes in order and leaves out those that clash with one taken', () => {
  const r = applyFixes(text, [diag(edit(0, 2, 'A')), diag(edit(1, 3, 'B')), diag(edit(4, 5, 'C'))]);
  assert.equal(r.text, 'A三四C六七八九十');
  assert.equal(r.applied.length, 2);
  assert.equal(r.skipped.length, 1);
});

test('fixAll lands conflicting fixes in later passes and stops when nothing is left', () => {
  // Two insertions at one point conflict: the first pass takes one, the second the other.
  const passes: string[] = [];
  const insertAt0 = (t: string, mark: string): Diagnostic[] => {
    if (t.includes(mark)) return [];
    const li = new LineIndex(t);
    return [{ ...diag(), fix: { title: { id: 'x/x' }, edits: [{ range: li.range(0, 0), text: mark }] } }];
  };
  const check = (t: string) => {
    passes.push(t);
    return [...insertAt0(t, 'X'), ...insertAt0(t, 'Y')];
  };
  const result = fixAll('正文\n', check);
  assert.equal(result.text, 'YX正文\n');
  assert.equal(result.passes, 2, 'the second fix lands in a second pass');
  assert.equal(result.fixed, 2);
  assert.deepEqual(passes, ['正文\n', 'X正文\n', 'YX正文\n'], 'checked again after each pass, and once more to see nothing is left');

  // The same with the engine's own fixes: renumbering and the marker's form touch one marker.
  const doc = '# 某局工作总结\n## 一、甲\n## 三、乙\n## 四、丙\n(一)丁\n';
  const engine = fixAll(doc, (t) => checkText(t).diagnostics);
  assert.ok(engine.text.includes('## 二、乙') && engine.text.includes('## 三、丙') && engine.text.includes('（一）丁'), engine.text);
  assert.deepEqual(checkText(engine.text).diagnostics.filter((d) => d.fix), []);
});

test('fixes keep CRLF line endings and insert with the document\'s own line break', () => {
  const doc = '# 某局工作总结\r\n## 一、甲\r\n（二）乙\r\n';
  const fixed = fixAll(doc, (t) => checkText(t).diagnostics).text;
  assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF');
  assert.ok(fixed.includes('（一）乙'));
  assert.ok(fixed.includes('存在的问题和不足'), 'frame inserted');
});

test('applyFixes takes exactly the fixes a pairwise check would take, on random fixes in any order', () => {
  const long = '甲乙丙丁戊己庚辛壬癸'.repeat(20);
  const li = new LineIndex(long);
  let seed = 11;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const overlap = (a: TextEdit, b: TextEdit) => {
    const a1 = a.range.start.offset, a2 = a.range.end.offset, b1 = b.range.start.offset, b2 = b.range.end.offset;
    return a1 === b1 || (a1 < b2 && b1 < a2);
  };
  for (let round = 0; round < 200; round++) {
    const diags: Diagnostic[] = [];
    for (let f = 0; f < 1 + rand(30); f++) {
      const edits: TextEdit[] = [];
      for (let k = 0; k < 1 + rand(3); k++) {
        const start = rand(long.length);
        const end = Math.min(long.length, start + rand(4));
        edits.push({ range: li.range(start, end), text: String(rand(10)) });
      }
      diags.push({ ...diag(), fix: { title: { id: 'x/x' }, edits } });
    }
    // The reference: every edit checked against every edit taken before, and within its fix.
    const taken: TextEdit[] = [];
    const expected: number[] = [];
    diags.forEach((d, i) => {
      const es = d.fix!.edits;
      const clash = es.some((e, a) => es.some((o, b) => b > a && overlap(e, o))) || es.some((e) => taken.some((t) => overlap(e, t)));
      if (clash) return;
      taken.push(...es);
      expected.push(i);
    });
    const result = applyFixes(long, diags);
    assert.deepEqual(result.applied.map((f) => diags.findIndex((d) => d.fix === f)), expected, `round ${round}`);
    assert.equal(result.text, taken.length ? applyEdits(long, taken) : long);
  }
});
