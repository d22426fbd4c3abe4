// Seeded property test: randomly damaged fixtures never make the engine throw, every range
// lies inside its document, and fixing twice equals fixing once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, fixText } from '../server/src/engine/check.js';
import { LineIndex } from '../server/src/engine/line-index.js';
import type { Range } from '../server/src/engine/types.js';
import { FIXTURES, damage, listFixtures, rng } from './fixture-harness.js';


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
