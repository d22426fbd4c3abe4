// Scenario (issue 13): a finding's rule link opens the rule's page rendered, in the Markdown
// preview, not as an editable file of the extension's folder; the page gets no squiggles of its own.
import assert from 'node:assert/strict';
import { scenario, waitFor } from './harness.mjs';

scenario('rule-docs', { files: ['draft.md'] }, async (vs) => {
  await vs.openFile('draft.md');
  await vs.waitForProblems('the draft\'s findings', (rows) => rows.some((r) => r.includes('placeholder')));
  // The code of a placeholder finding is a link (source(code)); click it.
  const link = vs.page.locator('.markers-panel .monaco-tl-contents a', { hasText: /^placeholder$/ }).first();
  await link.waitFor({ state: 'visible', timeout: 15_000 });
  await link.click();
  const tabs = () => vs.page.locator('.tabs-container .tab').allInnerTexts();
  const opened = await waitFor('a preview tab of the rule page', async () => {
    const t = await tabs();
    return t.some((x) => /placeholder\.md/.test(x) && /预览|Preview/.test(x)) && t;
  }, { timeout: 20_000 }).catch(async (e) => {
    await vs.screenshot('rule-docs.failed');
    throw new Error(`${e.message}; tabs: ${JSON.stringify(await tabs())}`);
  });
  // The text tab it came through is closed: no editable copy of the page stays open.
  await waitFor('no text tab of the page', async () => !(await tabs()).some((x) => /placeholder\.md/.test(x) && !/预览|Preview/.test(x)), { timeout: 10_000 });
  // The rendered page shows its heading.
  const frame = vs.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await waitFor('the rendered rule page', async () => (await frame.locator('h1').first().innerText().catch(() => '')).includes('placeholder'), { timeout: 20_000 });
  await vs.screenshot('rule-docs.preview');
  // No findings for the rule page itself (it holds the defects it describes).
  const rows = await vs.problemRows();
  assert.ok(!rows.some((r) => /placeholder\.md/.test(r)), `no findings on the page: ${JSON.stringify(rows)}`);
  assert.ok(opened.some((x) => /placeholder\.md/.test(x)));
});
