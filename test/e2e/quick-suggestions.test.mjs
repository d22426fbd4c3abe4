// Scenario (issue 13, item 1): the report frames are offered as they are typed — no Control+Space
// (the input-method toggle on Chinese Windows). gongwen's configuration defaults turn quick
// suggestions on for Markdown (VS Code's Markdown support turns them off), turn word suggestions
// off, and leave Enter a line break: a heading that ends in a snippet prefix (「三、下一步打算」)
// followed by Enter inserts no frame; Tab accepts a suggestion.
import assert from 'node:assert/strict';
import { scenario, waitFor } from './harness.mjs';

const FILE = 'new-report.md';

scenario('quick-suggestions', { files: [{ name: FILE, text: '' }, 'draft.md'] }, async (vs) => {
  await vs.openFile(FILE);
  await vs.focusEditor();

  for (const [prefix, name] of [['gzzj', 'gzzj'], ['工作总结', 'gongzuozongjie'], ['cmwt', 'cmwt'], ['xybdx', 'xybdx']]) {
    await vs.page.keyboard.type(prefix, { delay: 60 });
    const labels = await waitFor(`the suggest widget to offer ${prefix} as it is typed (no Control+Space)`, async () => {
      const l = await vs.suggestionLabels();
      return l.some((x) => x === prefix) && l;
    }, { timeout: 10_000 });
    assert.ok(labels.length > 0);
    await vs.screenshot(`quick-suggestions.${name}`);
    await vs.page.keyboard.press('Escape');
    await vs.page.keyboard.press('Shift+Home');
    await vs.page.keyboard.press('Backspace');
    await waitFor('the line to be empty again', async () => (await vs.editorText()).trim() === '', { timeout: 5_000 });
  }

  // Enter after a heading ending in a prefix: a line break, not the 下一步打算 frame.
  await vs.page.keyboard.type('## 三、下一步打算', { delay: 60 });
  // (The section frames are the server's, offered only where a line starts with their prefix; a
  // suggestion shown here anyway must not be taken by Enter.)
  await vs.page.waitForTimeout(1000);
  await vs.page.keyboard.press('Enter');
  await vs.page.keyboard.type('正文');
  await waitFor('the heading, then a new line', async () => {
    const lines = await vs.editorLines();
    return lines[0] === '## 三、下一步打算' && lines[1] === '正文';
  }, { timeout: 10_000 }).catch(async (e) => {
    throw new Error(`${e.message}; the editor reads ${JSON.stringify(await vs.editorText())}`);
  });
  assert.doesNotMatch(await vs.editorText(), /【待补充/, 'no frame inserted');
  await vs.page.keyboard.press('Escape');
  await vs.page.keyboard.press('Control+A');
  await vs.page.keyboard.press('Backspace');

  // gzzj, then Tab: the whole 工作总结 frame.
  await vs.page.keyboard.type('gzzj', { delay: 60 });
  await vs.acceptSuggestion(/^gzzj$/, { invoke: false });
  await waitFor('the frame in the editor (存在…问题, 下一步…)', async () => {
    const text = await vs.editorText();
    return text.includes('存在') && text.includes('下一步') && text;
  }, { timeout: 15_000 });
  await vs.page.keyboard.press('Escape');
  await vs.save();
  const saved = await vs.readWorkspaceFile(FILE);
  assert.ok(!saved.includes('gzzj'), `the prefix is replaced:\n${saved}`);
  assert.match(saved, /工作总结/);
  assert.ok(saved.split('\n').length >= 5, `a whole-document frame:\n${saved}`);
});
