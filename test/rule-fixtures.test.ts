import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, fixText } from '../server/src/engine/check.js';
import { FIXTURES, cmp, expectation, listFixtures, readFixture } from './fixture-harness.js';
import { diagnosticMessage } from '../server/src/engine/messages.js';

const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

for (const file of listFixtures(path.join(FIXTURES, 'rules'))) {
  const fx = readFixture(file);
  const options = { rules: fx.rules, type: fx.type };

  test(`${fx.name}: finds exactly the expected diagnostics`, () => {
    const { diagnostics } = checkText(fx.text, options);
    const actual = diagnostics.map(expectation).sort(cmp);
    assert.deepEqual(actual, fx.expected);
    for (const d of diagnostics) {
      assert.ok(diagnosticMessage(d, 'zh-CN').length > 0 && diagnosticMessage(d, 'en').length > 0, 'message in both languages');
      assert.ok(d.range.start.offset <= d.range.end.offset && d.range.end.offset <= fx.text.length, 'range inside the document');
    }
  });

  test(`${fx.name}: fixed text matches its snapshot (no snapshot: nothing changes), and fixing again changes nothing`, () => {
    const fixed = fixText(fx.text, options);
    const snapshot = file.replace(/\.md$/, '.fixed.md');
    if (UPDATE) {
      if (fixed.text === fx.text) fs.rmSync(snapshot, { force: true });
      else fs.writeFileSync(snapshot, fixed.text);
    }
    if (fs.existsSync(snapshot)) {
      const expected = fs.readFileSync(snapshot, 'utf8');
      assert.notEqual(expected, fx.text, `${path.basename(snapshot)} is the fixture itself: remove it (no snapshot means nothing changes)`);
      assert.equal(fixed.text, expected);
    } else {
      assert.equal(fixed.text, fx.text, `fixing changes the text: add ${path.basename(snapshot)} (UPDATE_SNAPSHOTS=1)`);
    }
    assert.deepEqual(
      fixed.result.diagnostics.filter((d) => d.fix).map((d) => `${d.range.start.line}:${d.rule}`),
      [],
      'nothing fixable is left after fixing',
    );
    assert.equal(fixText(fixed.text, options).text, fixed.text, 'fixing twice equals fixing once');
  });
}
