// Scenario (issue 13, item 3): the walkthrough 「gongwen：最初十分钟」 opens from Welcome: Open
// Walkthrough…, lists its steps in Chinese (its first, open a folder, only without a folder),
// and its 新建报告 button runs the command (a new report with the frame), which marks the step done.
import assert from 'node:assert/strict';
import { isZh, scenario, waitFor } from './harness.mjs';

scenario('walkthrough', async (vs) => {
  // Not runCommand: this command opens a second quick pick (the walkthroughs) in the same widget.
  await vs.openQuickInput();
  await vs.page.locator('.quick-input-widget .quick-input-box input').fill('>Welcome: Open Walkthrough...');
  await vs.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: /^Welcome: Open Walkthrough\.\.\./ }).first().click();
  const title = isZh() ? 'gongwen：最初十分钟' : 'gongwen: the first ten minutes';
  const row = vs.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: title });
  await row.first().waitFor({ state: 'visible', timeout: 15_000 });
  await row.first().click();
  const page = vs.page.locator('.gettingStartedContainer');
  await page.waitFor({ state: 'visible', timeout: 30_000 });
  const step = (id) => page.locator(`button.getting-started-step[data-step-id$="gongwen.${id}"]`);
  const titles = isZh() ? ['打开报告所在的文件夹', '新建报告', '查看问题', '一键修复', '检查整个文件夹', '为文件夹设置检查规则'] : ['Open the folder of your reports', 'New Report', 'Read the problems', 'Fix all', 'Check the whole folder', 'Settings for the folder'];
  const ids = ['openFolder', 'newReport', 'readProblems', 'fixAll', 'checkWorkspace', 'createConfig'];
  // A folder is open here: the first step (open a folder) is not shown, as VS Code's own walkthroughs do.
  assert.equal(await step(ids[0]).count(), 0, 'no open-folder step with a folder open');
  for (const [i, id] of ids.entries()) if (i > 0) assert.match(await step(id).innerText({ timeout: 10_000 }), new RegExp(titles[i]));
  // The media page (a webview) is the step's own Markdown page.
  await vs.screenshot('walkthrough.open');

  await step('newReport').click();
  await waitFor('the 新建报告 step to expand', async () => (await step('newReport').getAttribute('aria-expanded')) === 'true', { timeout: 10_000 });
  await step('newReport').locator('.button-link, a, button').filter({ hasText: isZh() ? /^新建报告$/ : /^New Report$/ }).first().click();
  const typeRow = vs.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: /^工作总结$/ });
  await typeRow.first().waitFor({ state: 'visible', timeout: 15_000 });
  await typeRow.first().click();
  await waitFor('a new report with the 工作总结 frame', async () => {
    const text = await vs.editorText();
    return text.includes('工作总结') && text.includes('下一步') && text;
  }, { timeout: 15_000 });
  await vs.screenshot('walkthrough.new-report');
  await vs.page.locator('.tabs-container .tab').filter({ hasText: /Walkthrough|演练/ }).first().click();
  await waitFor('the 新建报告 step to be checked', async () => (await step('newReport').getAttribute('aria-checked')) === 'true', { timeout: 15_000 });
});
