// Scenario (issue 14): 「gongwen: 导出为 Word（公文格式）」 on the draft with placeholders (XX县, X月X日):
// a modal lists the error-level findings with 仍然导出 / 去修改; 去修改 leaves nothing written and
// puts the cursor on the first finding; 仍然导出 then the save dialog (VS Code's own, proposing
// draft.docx beside the draft) writes a .docx there; run again onto the same file, the dialog asks
// before replacing it, and "no" leaves the file as it was.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isZh, scenario, waitFor } from './harness.mjs';

const TITLES = ['gongwen: 导出为 Word（公文格式）', 'gongwen: Export to Word (GB/T 9704)'];

scenario('export-docx', async (vs) => {
  await vs.openFile('draft.md');
  await vs.waitForProblems('the placeholder findings', (rows) => rows.some((r) => /XX/.test(r)));
  const dialog = vs.page.locator('.monaco-dialog-box');
  const button = (zh, en) => dialog.locator('.monaco-button', { hasText: isZh() ? zh : en }).first();
  const target = path.join(vs.workspace, 'draft.docx');

  // 去修改: nothing is written, the cursor goes to the first finding (line 1, XX县).
  await vs.runCommand(...TITLES);
  await dialog.waitFor({ state: 'visible', timeout: 30_000 });
  const shown = await dialog.innerText();
  assert.match(shown, isZh() ? /个错误级别的问题/ : /error-level problems/);
  assert.match(shown, isZh() ? /第 1 行第 3 列：未填写的占位符「XX」/ : /Line 1, column 3: .*XX/);
  assert.match(shown, /X月X日|「X」/);
  await vs.screenshot('export-docx.modal');
  await button('去修改', 'Go and Fix').click();
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  await waitFor('the cursor at the first finding (line 1, column 3)', async () => (await vs.page.locator('.statusbar-item').filter({ hasText: /^(Ln 1, Col 3|行 1，列 3)$/ }).count()) > 0, { timeout: 10_000 });
  assert.ok(!existsSync(target), 'nothing exported');

  // 仍然导出 and the save dialog.
  await vs.runCommand(...TITLES);
  await dialog.waitFor({ state: 'visible', timeout: 30_000 });
  await button('仍然导出', 'Export Anyway').click();
  const input = vs.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  // The simple dialog fills its path in a moment after it opens.
  const proposed = await waitFor('the save dialog to propose draft.docx', async () => {
    const v = await input.inputValue();
    return /draft\.docx$/.test(v) ? v : false;
  }, { timeout: 15_000 });
  assert.equal(proposed, path.join(vs.workspace, 'draft.docx'));
  await vs.screenshot('export-docx.save');
  await vs.page.keyboard.press('Enter');
  await waitFor('draft.docx to be written', () => existsSync(target) && statSync(target).size > 1000, { timeout: 30_000 });
  const bytes = readFileSync(target);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip package');
  assert.ok(bytes.includes(Buffer.from('word/document.xml')));
  await vs.page.locator('.notifications-toasts .notification-toast').filter({ hasText: isZh() ? /已导出/ : /Exported/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await vs.screenshot('export-docx.done');

  // Again onto the same file: the dialog asks before replacing it; "no" keeps the file.
  const before = statSync(target).mtimeMs;
  await vs.runCommand(...TITLES);
  await dialog.waitFor({ state: 'visible', timeout: 30_000 });
  await button('仍然导出', 'Export Anyway').click();
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await vs.page.keyboard.press('Enter');
  const ask = vs.page.locator('.quick-input-widget, .monaco-dialog-box').filter({ hasText: /already exists|已存在|overwrite|replace|覆盖|替换/i }).first();
  await ask.waitFor({ state: 'visible', timeout: 15_000 });
  await vs.screenshot('export-docx.replace');
  await vs.page.keyboard.press('Escape');
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(statSync(target).mtimeMs, before, 'not replaced');
});
