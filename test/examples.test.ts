// The examples the README points newcomers to say what they claim.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, fixText } from '../server/src/engine/check.js';
import { REPO_ROOT } from './fixture-harness.js';

const read = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');

for (const name of ['clean-report.md', 'shuzhi-report.md']) {
  test(`examples/${name} is clean`, () => {
    const r = checkText(read(name));
    assert.deepEqual(r.diagnostics.map((d) => `${d.range.start.line}:${d.rule}`), []);
    assert.deepEqual(r.problems, []);
  });
}

test('examples/draft-with-defects.md shows each kind of defect, and --fix leaves only the blanks to fill', () => {
  const text = read('draft-with-defects.md');
  const rules = new Set(checkText(text).diagnostics.map((d) => d.rule));
  for (const rule of ['copy-residue', 'required-section', 'numbering-format', 'placeholder', 'enumeration-sequence', 'numbering-sequence', 'date-format', 'punctuation-width']) {
    assert.ok(rules.has(rule), rule);
  }
  const fixed = fixText(text);
  assert.deepEqual([...new Set(fixed.result.diagnostics.map((d) => d.rule))], ['placeholder']);
});
