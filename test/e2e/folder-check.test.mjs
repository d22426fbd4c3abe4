// Scenario (issue 13, item 4): 「gongwen: 检查整个文件夹」 fills the Problems view for every report
// of the workspace — the open one and those never opened (in a subfolder too) — and skips
// node_modules and dot folders; no editor is opened for them; a notification sums up.
import assert from 'node:assert/strict';
import { fixturePosition, isZh, scenario, waitFor } from './harness.mjs';

const skipped = fixturePosition('draft.md', /四、/);

const DEFECTIVE = '# 某局2025年度工作总结\n\n## 一、主要工作\n\n内容。\n\n## 三、存在的问题\n\n内容。\n\n## 四、下一步打算\n\n内容。\n';

scenario('folder-check', {
  files: [
    'draft.md',
    { name: 'reports/second.md', text: DEFECTIVE },
    { name: 'reports/third.markdown', text: DEFECTIVE.replace('某局', '某县') },
    { name: 'node_modules/pkg/README.md', text: DEFECTIVE },
    { name: '.history/old.md', text: DEFECTIVE },
  ],
}, async (vs) => {
  await vs.openProblems();
  await vs.runCommand('gongwen: 检查整个文件夹', 'gongwen: Check the Whole Folder');
  const toast = vs.page.locator('.notifications-toasts .notification-toast').filter({ hasText: isZh() ? /已检查 3 篇报告/ : /Checked 3 reports/ });
  await toast.first().waitFor({ state: 'visible', timeout: 60_000 });
  const rows = await vs.waitForProblems('rows for second.md, third.markdown and draft.md', (rows) =>
    ['second.md', 'third.markdown', 'draft.md'].every((f) => rows.some((r) => r.includes(f))) && rows.filter((r) => r.includes('numbering-sequence')).length >= 3,
  );
  await vs.screenshot('folder-check.problems');
  assert.ok(!rows.some((r) => /README\.md|old\.md/.test(r)), `node_modules and .history are skipped: ${JSON.stringify(rows)}`);
  assert.equal(await vs.page.locator('.tabs-container .tab').count(), 0, 'no editor opened');
  assert.match(await toast.first().innerText(), isZh() ? /其中 3 篇共有 \d+ 个问题/ : /problems in 3 of them/);

  // Opening a checked file: its problems once (the editor's own), not twice.
  await vs.openFile('draft.md');
  await waitFor('draft.md\'s numbering-sequence row once', async () => {
    const r = await vs.problemRows();
    return r.filter((x) => x.includes('numbering-sequence') && new RegExp(`\\[(?:Ln|行) ${skipped.line}, `).test(x)).length === 1;
  }, { timeout: 20_000 });
});
