// Scenario (issue 13): the section frames come from the server, which knows the numbering. In a
// report with 一、 and 二、, typing `cmwt` on a new line and accepting inserts 三、存在的问题和不足,
// not a fixed numeral; in a 述职报告, `xybdx` inserts the 今后努力方向 section.
import assert from 'node:assert/strict';
import { scenario, waitFor } from './harness.mjs';

const REPORT = ['# 区档案馆2025年工作总结', '', '今年以来，馆里扎实推进各项工作。现将有关情况总结如下：', '', '## 一、抓好基础工作', '', '全年完成目录整理。', '', '## 二、提升服务水平', '', '延长了开放时间。', '', ''].join('\n');
const DUTY = REPORT.replace('# 区档案馆2025年工作总结', '# 2025年度个人述职报告');

scenario('section-frames', { files: [{ name: 'report.md', text: REPORT }, { name: 'duty.md', text: DUTY }] }, async (vs) => {
  for (const [file, prefix, expected, shot] of [
    ['report.md', 'cmwt', '## 三、存在的问题和不足', 'section-frames.cmwt'],
    ['duty.md', 'xybdx', '## 三、今后努力方向', 'section-frames.duty-xybdx'],
  ]) {
    await vs.openFile(file);
    await vs.waitForChecked();
    await vs.focusEditor();
    await vs.page.keyboard.press('Control+End');
    await vs.page.keyboard.type(prefix, { delay: 60 });
    await waitFor(`the suggest widget to offer ${prefix}`, async () => (await vs.suggestionLabels()).includes(prefix), { timeout: 15_000 });
    await vs.screenshot(shot);
    await vs.acceptSuggestion(new RegExp(`^${prefix}$`), { invoke: false });
    await waitFor(`${expected} in the editor`, async () => (await vs.editorText()).includes(expected), { timeout: 15_000 }).catch(async (e) => {
      throw new Error(`${e.message}; the editor reads ${JSON.stringify(await vs.editorText())}`);
    });
    await vs.page.keyboard.press('Escape');
    await vs.save();
    const saved = await vs.readWorkspaceFile(file);
    assert.ok(saved.includes(expected), saved);
    assert.ok(!saved.includes(prefix), `the prefix is replaced:\n${saved}`);
  }
});
