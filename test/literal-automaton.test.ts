// The literal automaton (terms and copy-residue read texts through it) against a naive search.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiteralAutomaton } from '../server/src/engine/model/literal-automaton.js';
import { rng } from './fixture-harness.js';

function naive(literals: string[], text: string, start: number, end: number): string[] {
  const out: string[] = [];
  for (let e = start + 1; e <= end; e++) {
    literals.forEach((lit, id) => {
      if (e - lit.length >= start && text.startsWith(lit, e - lit.length)) out.push(`${id}@${e}`);
    });
  }
  return out;
}

test('LiteralAutomaton finds every occurrence of every literal (overlapping, nested, sharing prefixes and suffixes), as a naive search does', () => {
  const random = rng(7);
  const alphabet = ['甲', '乙', '丙', 'a', '\u3000', '𠀀'];
  const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  for (let round = 0; round < 300; round++) {
    const literals = [...new Set(Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(1 + Math.floor(random() * 4))))];
    const a = new LiteralAutomaton();
    literals.forEach((lit, i) => assert.equal(a.add(lit), i));
    const text = pick(Math.floor(random() * 60));
    const start = Math.floor(random() * (text.length / 2));
    const end = start + Math.floor(random() * (text.length - start + 1));
    const got: string[] = [];
    a.scan(text, start, end, (id, e) => got.push(`${id}@${e}`));
    const want = naive(literals, text, start, end);
    assert.deepEqual([...got].sort(), [...want].sort(), `${JSON.stringify(literals)} in ${JSON.stringify(text.slice(start, end))}`);
    // In order of their ends.
    assert.deepEqual(got.map((g) => Number(g.split('@')[1])), [...got.map((g) => Number(g.split('@')[1]))].sort((x, y) => x - y));
  }
});

test('LiteralAutomaton: no literal is added after the first scan', () => {
  const a = new LiteralAutomaton();
  a.add('总结');
  a.scan('工作总结', 0, 4, () => {});
  assert.throws(() => a.add('报告'), /after scan/);
});
