// Scenario: the quick fix for a skipped section number, from the editor: cursor on 「四、」,
// Control+. , the preferred fix (titled 修复… / Fix…), and the line now reads 「三、」.
import assert from 'node:assert/strict';
import { fixturePosition, scenario, waitFor } from './harness.mjs';

const skipped = fixturePosition('draft.md', /四、/);

scenario('quick-fix', async (vs) => {
  await vs.openFile('draft.md');
  await vs.waitForProblems('the numbering-sequence diagnostic', (rows) => rows.some((r) => r.includes('numbering-sequence')));
  await vs.goToLine(skipped.line, skipped.column);

  const preferred = /^(修复：|Fix: )/; // the rule's own fix (isPreferred); 「修复本文件中所有…」 fixes a whole rule
  await vs.openQuickFixes(preferred);
  await vs.screenshot('quick-fix.menu');
  await vs.applyQuickFix(preferred);

  const expected = skipped.text.replace('四、', '三、');
  await waitFor(`line ${skipped.line} to read ${JSON.stringify(expected)}`, async () => (await vs.editorLines())[skipped.line - 1] === expected, { timeout: 15_000 });
  await vs.waitForProblems('no numbering-sequence diagnostic once fixed', (rows) => !rows.some((r) => r.includes('numbering-sequence')), 30_000);

  await vs.save();
  const saved = (await vs.readWorkspaceFile('draft.md')).split(/\r?\n/);
  assert.equal(saved[skipped.line - 1], expected);
  assert.ok(!saved.some((l) => /^#*\s*四、/.test(l)), 'no 四、 left');
});
