// Which reports get structure findings, and which type they are checked as when nothing declares one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../server/src/engine/check.js';
import { typeFromTitle } from '../server/src/engine/report-types.js';

test('the type comes from how the title ends', () => {
  assert.equal(typeFromTitle('县卫生院2025年安全生产自查报告'), '自查报告');
  assert.equal(typeFromTitle('关于公务用车管理情况的自查报告'), '自查报告');
  assert.equal(typeFromTitle('2025年度个人述职述廉报告'), '述职报告');
  assert.equal(typeFromTitle('## 区教育局2025年上半年工作总结'), '半年总结');
  assert.equal(typeFromTitle('镇机关党支部2025年党建工作总结'), '党建工作总结');
  assert.equal(typeFromTitle('某局2025年工作总结'), undefined);
  assert.equal(typeFromTitle('关于开展自查报告培训的通知'), undefined);
});

test('a declared type wins over the title; the title wins over the default', () => {
  const text = '# 县卫生院2025年安全生产自查报告\n\n今年，全院开展了安全生产自查。\n';
  assert.equal(checkText(text).config.typeName, '自查报告');
  assert.equal(checkText(text).config.typeSource, 'title');
  assert.equal(checkText('---\ngongwen:\n  type: 工作总结\n---\n' + text).config.typeName, '工作总结');
  assert.equal(checkText(text, { type: '述职报告' }).config.typeName, '述职报告');
});

test('structure is checked in Chinese reports only, unless structure is always', () => {
  const readme = '# 使用说明\n\nThis extension checks Chinese work reports written in Markdown. Open a draft and the problems appear as you type.\n';
  const structural = (t: string, o = {}) => checkText(t, o).diagnostics.filter((d) => d.rule === 'required-section' || d.rule === 'section-order').length;
  assert.equal(structural(readme), 0);
  assert.equal(structural(readme, { structure: 'always' }), 2);
  // A report pasted as one paragraph has no title line, but names itself in its first words.
  assert.equal(structural('2025年上半年某乡政府工作总结 今年以来，我乡围绕中心工作，完成了各项任务。\n'), 2);
  // A Chinese document that is not a report (its title ends otherwise) is left alone.
  assert.equal(structural('# 会议纪要\n\n会议听取了各部门的情况汇报。\n'), 0);
});

test('the closing signature block is outside the last section, and a missing section goes before it', async () => {
  const { buildOutline } = await import('../server/src/engine/outline.js');
  const text = ['# 县档案馆2025年工作总结', '', '一、主要工作', '', '全年接收档案一千卷。', '', '二、存在的问题', '', '库房面积不足。', '', '县档案馆', '2025年12月20日', ''].join('\n');
  const result = checkText(text);
  assert.deepEqual(result.model.signature, { startLine: 11 });
  const outline = buildOutline(result.model);
  assert.deepEqual([outline[0].line, outline[0].endLine], [1, 9], 'the title heading ends above the signature');
  assert.deepEqual(outline[0].children.map((o) => [o.line, o.endLine]), [[3, 5], [7, 9]]);
  const fixed = checkText(text).diagnostics.find((d) => d.rule === 'required-section')?.fix?.edits[0];
  assert.equal(fixed?.range.start.line, 9, 'inserted after the last body line, above the signature');
  // A text that ends with a sentence has no signature block.
  assert.equal(checkText('# 县档案馆2025年工作总结\n\n全年接收档案一千卷。\n').model.signature, undefined);
});
