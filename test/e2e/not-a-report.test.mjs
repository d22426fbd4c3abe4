// Scenario (issue 13): only report-like files are checked. An English README (with the XX and
// half-width commas that a report would be flagged for) gets no findings, and the status bar says
// it is not checked (the draft opened before it was).
import assert from 'node:assert/strict';
import { isZh, scenario } from './harness.mjs';

const README = ['# Archive tools', '', 'Run the script, then check XX in the output, and the log, too.', ''].join('\n');

scenario('not-a-report', { files: [{ name: 'README.md', text: README }, 'draft.md'] }, async (vs) => {
  await vs.openFile('draft.md');
  await vs.waitForProblems('the draft\'s findings', (rows) => rows.some((r) => r.includes('placeholder')));
  await vs.openFile('README.md');
  const item = vs.page.locator('.statusbar-item').filter({ hasText: isZh() ? /gongwen：未检查/ : /gongwen: not checked/ });
  await item.waitFor({ state: 'visible', timeout: 20_000 });
  await vs.screenshot('not-a-report.status');
  const rows = await vs.problemRows();
  assert.ok(!rows.some((r) => /^README\.md/.test(r)), `no findings on the README: ${JSON.stringify(rows)}`);
});
