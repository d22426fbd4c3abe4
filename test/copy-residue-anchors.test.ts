// copy-residue looks for its families' patterns only on lines holding one of the family's anchor
// words; the literal words of all families are found in one pass. The lines found must be those
// on which each family's anchor expression matches.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorLines, anchorParts, FAMILIES } from '../server/src/engine/rules/copy-residue.js';
import { buildReportModel } from '../server/src/engine/model/report-model.js';
import { rng } from './fixture-harness.js';

/** The lines on which a family's anchor matches, each line on its own. */
function reference(text: string, lines: { number: number; start: number; end: number }[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  FAMILIES.forEach((family, f) => {
    const numbers = lines.filter((l) => new RegExp(family.anchor.source, family.anchor.flags.replace('g', '')).test(text.slice(l.start, l.end))).map((l) => l.number);
    if (numbers.length > 0) out.set(f, numbers);
  });
  return out;
}

test('anchor lines: one pass over the literal anchor words gives the lines each family\'s anchor expression matches', () => {
  const random = rng(21);
  const words = FAMILIES.flatMap((f) => [...f.examples, ...anchorParts(f.anchor).literals]);
  const filler = ['今年以来', '我局', '，', '。', ' ', '\u3000', '2025', '年', '1', '：', '.com', '>', '#', '- ', '工作总结', '报告'];
  for (let round = 0; round < 200; round++) {
    const lines: string[] = [];
    for (let l = 0; l < 1 + Math.floor(random() * 12); l++) {
      let line = '';
      for (let k = 0; k < Math.floor(random() * 6); k++) {
        const pool = random() < 0.4 ? words : filler;
        const w = pool[Math.floor(random() * pool.length)];
        // Sometimes only a piece of a word.
        line += random() < 0.2 ? w.slice(0, Math.max(1, Math.floor(w.length / 2))) : w;
      }
      lines.push(line);
    }
    const text = lines.join(random() < 0.5 ? '\n' : '\r\n');
    const model = buildReportModel(text, { roles: [] });
    assert.deepEqual(anchorLines(text, model.lines), reference(text, model.lines), JSON.stringify(text));
  }
});

test('anchor parts: a family\'s literal alternatives are taken apart from the rest, and nothing is lost', () => {
  const parts = anchorParts(/时间|[0-9]{4}|来源|\[NextPage/g);
  assert.deepEqual(parts.literals, ['时间', '来源', '[NextPage']);
  assert.equal(parts.rest?.source, '[0-9]{4}');
  assert.equal(anchorParts(/(?:甲|乙)丙/g).rest?.source, '(?:甲|乙)丙');
  assert.deepEqual(anchorParts(/甲|乙/gi).literals, []);
});
