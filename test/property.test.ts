// Seeded property test: randomly damaged fixtures never make the engine throw, every range
// lies inside its document, and fixing twice equals fixing once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, fixText } from '../server/src/engine/check.js';
import { LineIndex } from '../server/src/engine/line-index.js';
import type { Range } from '../server/src/engine/types.js';
import { FIXTURES, listFixtures, rng } from './fixture-harness.js';


const PIECES = [
  '一、', '（一）', '(二)', '1.', '2、', '（1）', '3)', '①', '十一、', '一是', '二是，', '第三，', '其二', 'X', 'XX', '***', '**', '*', '＊',
  '某某', '【', '】', '【待补充】', '（', '）', '#', '## ', '> ', '- ', '\n', '\r\n', '\r', '\n\n', '```', '`', '<!--', '-->', '<!-- gongwen-disable -->',
  '<!-- gongwen-disable-next-line placeholder -->', '|', '| --- |', '---\n', '存在问题', '下一步，我们将', '𠀀', '\uFEFF', '\u3000', ' ', '。', '',
];

function damage(text: string, random: () => number): string {
  let t = text;
  const steps = 1 + Math.floor(random() * 8);
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(random() * (t.length + 1));
    const op = random();
    if (op < 0.4) t = t.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + t.slice(at);
    else if (op < 0.7) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(random() * 20));
    else if (op < 0.85) {
      const from = Math.floor(random() * t.length);
      t = t.slice(0, at) + t.slice(from, from + 1 + Math.floor(random() * 30)) + t.slice(at);
    } else t = t.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + t.slice(at);
  }
  return t;
}

function assertInside(range: Range, text: string, index: LineIndex, what: string): void {
  assert.ok(range.start.offset >= 0 && range.start.offset <= range.end.offset && range.end.offset <= text.length, `${what}: offsets inside`);
  for (const p of [range.start, range.end]) {
    assert.deepEqual(index.position(p.offset), p, `${what}: line/column agree with the offset`);
  }
}

test('damaged fixtures: no throw, ranges inside, fixing is idempotent (seeded)', () => {
  const sources = [...listFixtures(path.join(FIXTURES, 'rules')), ...fs.readdirSync(path.join(FIXTURES, 'corpus')).map((f) => path.join(FIXTURES, 'corpus', f))].map((f) => fs.readFileSync(f, 'utf8'));
  const seed = Number(process.env.GONGWEN_SEED ?? 20261122);
  const random = rng(seed);
  const rounds = 250;
  for (let i = 0; i < rounds; i++) {
    const base = sources[Math.floor(random() * sources.length)];
    const text = damage(base, random);
    const label = `seed ${seed}, round ${i}`;
    // GONGWEN_DUMP=file keeps the text of the round being checked, to replay a failure.
    if (process.env.GONGWEN_DUMP) fs.writeFileSync(process.env.GONGWEN_DUMP, text);
    const result = checkText(text);
    const index = new LineIndex(text);
    for (const d of result.diagnostics) {
      assertInside(d.range, text, index, `${label} ${d.rule}`);
      for (const e of d.fix?.edits ?? []) assertInside(e.range, text, index, `${label} ${d.rule} fix`);
    }
    const once = fixText(text).text;
    assert.equal(fixText(once).text, once, `${label}: fixing twice equals fixing once`);
  }
});
