// Scenario (issue 13, item 6): with a report open, the status bar shows gongwen's item — 字数 and
// the number of problems — and a click on it opens the Problems view; without one, it is hidden.
// The output channel says that the checker started.
import assert from 'node:assert/strict';
import { isZh, scenario, waitFor } from './harness.mjs';

scenario('status-bar', async (vs) => {
  await vs.openFile('draft.md');
  const item = vs.page.locator('.statusbar-item').filter({ hasText: isZh() ? /字数 \d+ · 问题 \d+/ : /\d+ characters · \d+ problems/ });
  await item.first().waitFor({ state: 'visible', timeout: 30_000 });
  const text = await waitFor('the problem count of the draft (6 findings)', async () => {
    const t = await item.first().innerText();
    return /问题 [1-9]|[1-9]\d* problems/.test(t) && t;
  }, { timeout: 30_000 });
  assert.match(text, isZh() ? /字数 \d{3,}/ : /\d{3,} characters/);
  assert.equal(await vs.page.locator('.markers-panel').isVisible(), false);
  await item.first().click();
  await vs.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
  await vs.screenshot('status-bar.clicked');

  await vs.runCommand('gongwen: 显示输出', 'gongwen: Show Output');
  const output = vs.page.locator('.part.panel .monaco-editor .view-lines');
  await waitFor('the start line in the gongwen output', async () => {
    const t = (await output.first().innerText().catch(() => '')).replace(/\u00a0/g, ' ');
    return (isZh() ? /gongwen 0\.1\.0 已启动：gongwen-language-server 0\.1\.0，诊断方式 pull/ : /gongwen 0\.1\.0 started: gongwen-language-server 0\.1\.0, diagnostics by pull/).test(t);
  }, { timeout: 15_000 });
  await vs.screenshot('status-bar.output');

  await vs.runCommand('View: Close All Editors', '查看: 关闭所有编辑器');
  await waitFor('the item hidden once no report is open', async () => (await item.count()) === 0 || !(await item.first().isVisible()), { timeout: 15_000 });
});
