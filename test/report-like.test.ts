// CheckResult.reportLike: which texts read as a report (the editor checks only those, unless told).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../server/src/engine/check.js';

const like = (text: string, options = {}) => checkText(text, options).reportLike;

test('reports, report drafts and pasted pages read as reports', () => {
  assert.equal(like('# 区档案馆2025年工作总结\n\n今年以来，馆里推进各项工作。\n'), true);
  assert.equal(like('今年以来，我们围绕中心工作扎实推进各项任务，取得了一定成效。\n'), true, 'a draft with no title yet');
  // A site's breadcrumb or a 范文 heading as the title; the report words come later.
  assert.equal(like('# 首页 > 范文大全\n\n乡镇上半年工作总结\n\n今年以来，全镇上下齐心协力。\n'), true);
  assert.equal(like('# 【正文】\n\n## 一、主要做法\n\n抓好基础。\n'), true, 'numbered as reports are');
  assert.equal(like('# 鎮婦女工作年度總結\n\n一年來，全鎮婦女工作穩步推進。\n'), true, 'traditional characters');
});

test('an English README, a changelog and a Chinese manual without report words or numbering do not', () => {
  assert.equal(like('# Archive tools\n\nRun the script, then check the output (see 一、 in the manual).\n'), false);
  assert.equal(like('# Changelog\n\n## 0.2.0\n\n- Faster checks.\n'), false);
  assert.equal(like('# 使用说明\n\n## 安装\n\n把文件复制到文件夹中，然后双击运行。\n'), false);
  assert.equal(like(''), false);
});

test('a declared type or structure: always makes any text a report', () => {
  assert.equal(like('---\ngongwen:\n  type: 述职报告\n---\n# Notes\n\nSome text.\n'), true);
  assert.equal(like('# Notes\n\nSome text.\n', { type: '工作总结' }), true);
  assert.equal(like('# Notes\n\nSome text.\n', { structure: 'always' }), true);
  assert.equal(like('# Notes\n\nSome text.\n', { defaultType: '工作总结' }), false, 'the editor setting is only a default');
});
