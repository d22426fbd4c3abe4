// Scenario: the 工作总结 whole-document frame, inserted in a new empty Markdown file by typing its
// prefix `gzzj` and accepting the suggestion.
import assert from 'node:assert/strict';
import { scenario, waitFor } from './harness.mjs';

const FILE = 'new-report.md';

scenario('snippet', { files: [{ name: FILE, text: '' }, 'draft.md'] }, async (vs) => {
  await vs.openFile(FILE);
  await vs.focusEditor();
  await vs.page.keyboard.type('gzzj');
  await vs.acceptSuggestion(/^gzzj\b/);

  await waitFor('the frame in the editor (存在…问题, 下一步…)', async () => {
    const text = await vs.editorText();
    return text.includes('存在') && text.includes('下一步') && text;
  }, { timeout: 15_000 });

  await vs.page.keyboard.press('Escape'); // leave snippet mode
  await vs.save();
  const saved = await vs.readWorkspaceFile(FILE);
  assert.ok(!saved.includes('gzzj'), `the prefix is replaced:\n${saved}`);
  assert.match(saved, /工作总结/);
  assert.match(saved, /存在/);
  assert.match(saved, /下一步/);
  assert.ok(saved.split('\n').length >= 5, `a whole-document frame, not one line:\n${saved}`);
});
