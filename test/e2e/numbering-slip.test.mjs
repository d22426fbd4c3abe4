// Scenario: one slipped marker is one finding on its own line. A level-1 marker without its 顿号
// (三以…) and a restart inside a section (一． 二． under 四、) are reported by numbering-format on
// their lines; their correct neighbours get no numbering-sequence finding; the quick fix on 三
// adds the 、 and nothing else changes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES_DIR, fixturePosition, scenario, waitFor } from './harness.mjs';

const slipped = fixturePosition('slipped.md', /^三以/);
const restart = fixturePosition('slipped.md', /^一．/);

scenario('numbering-slip', { files: ['slipped.md'] }, async (vs) => {
  await vs.openFile('slipped.md');
  const rows = await vs.waitForProblems('numbering-format findings on the slipped lines', (rows) => rows.filter((r) => r.includes('numbering-format')).length >= 3);
  await vs.screenshot('numbering-slip');
  assert.ok(!rows.some((r) => r.includes('numbering-sequence')), `no cascade of numbering-sequence findings: ${JSON.stringify(rows)}`);
  assert.ok(rows.some((r) => r.includes('numbering-format') && new RegExp(`\\b${slipped.line}\\b`).test(r)), `a finding on line ${slipped.line}`);
  assert.ok(rows.some((r) => r.includes('numbering-format') && new RegExp(`\\b${restart.line}\\b`).test(r)), `a finding on line ${restart.line}`);

  await vs.goToLine(slipped.line, 1);
  const preferred = /^(修复：|Fix: )/;
  await vs.openQuickFixes(preferred);
  await vs.applyQuickFix(preferred);
  const expected = slipped.text.replace(/^三/, '三、');
  await waitFor(`line ${slipped.line} to read ${JSON.stringify(expected)}`, async () => (await vs.editorLines())[slipped.line - 1] === expected, { timeout: 15_000 });
  await vs.save();
  const saved = (await vs.readWorkspaceFile('slipped.md')).split(/\r?\n/);
  const original = readFileSync(path.join(FIXTURES_DIR, 'slipped.md'), 'utf8').split(/\r?\n/);
  assert.equal(saved.length, original.length);
  saved.forEach((l, i) => assert.equal(l, i === slipped.line - 1 ? expected : original[i], `line ${i + 1}`));
});
