// Scenario (issue 13, item 5): 「gongwen: 创建配置文件」 writes a commented .gongwen.jsonc with
// $schema at the workspace root and opens it; the schema resolves (a bad value of a setting,
// once uncommented, is flagged by VS Code's JSON support); a second run refuses to overwrite.
import assert from 'node:assert/strict';
import { isZh, scenario, waitFor } from './harness.mjs';

scenario('create-config', async (vs) => {
  await vs.runCommand('gongwen: 创建配置文件', 'gongwen: Create Configuration File');
  await vs.activeTab('.gongwen.jsonc').waitFor({ state: 'visible', timeout: 30_000 });
  const created = await vs.readWorkspaceFile('.gongwen.jsonc');
  assert.match(created, /"\$schema": "gongwen:\/\/schemas\/gongwen\.schema\.json"/);
  assert.match(created, /^\/\/ gongwen 配置文件/);
  assert.match(created, /numbering-sequence/);

  // Uncomment "structure" and give it a value the schema does not allow.
  const lines = created.split('\n');
  const at = lines.findIndex((l) => l.includes('// "structure": "auto"'));
  assert.ok(at >= 0);
  await vs.goToLine(at + 1, lines[at].indexOf('//') + 1);
  for (let i = 0; i < 3; i++) await vs.page.keyboard.press('Delete');
  const now = lines[at].replace('// ', '');
  await vs.goToLine(at + 1, now.indexOf('auto') + 5);
  for (let i = 0; i < 4; i++) await vs.page.keyboard.press('Backspace');
  await vs.page.keyboard.type('sometimes');
  const rows = await vs.waitForProblems('the schema\'s complaint about "sometimes"', (rows) => rows.some((r) => /auto/.test(r) && /always/.test(r)), 30_000);
  assert.ok(!rows.some((r) => /Unable to load schema|无法.*架构/.test(r)), `the $schema resolves: ${JSON.stringify(rows)}`);
  await vs.screenshot('create-config.schema');
  await vs.save();
  const edited = await vs.readWorkspaceFile('.gongwen.jsonc');
  assert.match(edited, /"structure": "sometimes"/);

  // A second run: refused, the file is opened as it is.
  await vs.runCommand('gongwen: 创建配置文件', 'gongwen: Create Configuration File');
  await vs.page.locator('.notifications-toasts .notification-toast').filter({ hasText: isZh() ? /已存在：已将其打开，未覆盖/ : /already exists: it is opened, not overwritten/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await vs.screenshot('create-config.refused');
  assert.equal(await vs.readWorkspaceFile('.gongwen.jsonc'), edited, 'not overwritten');
  await waitFor('the existing file to be the active editor', async () => (await vs.activeTab('.gongwen.jsonc').count()) === 1, { timeout: 10_000 });
});
