import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChineseNumeral, formatChineseNumeral } from '../server/src/engine/model/numerals.js';
import { readMarker } from '../server/src/engine/model/markers.js';
import { buildReportModel } from '../server/src/engine/model/report-model.js';
import { BUILTIN_ROLES } from '../server/src/engine/report-types.js';
import { LineIndex } from '../server/src/engine/line-index.js';

const model = (text: string) => buildReportModel(text, { roles: Object.values(BUILTIN_ROLES) });

test('Chinese numerals parse and format both ways from 1 to 999', () => {
  for (let n = 1; n <= 999; n++) assert.equal(parseChineseNumeral(formatChineseNumeral(n)), n, String(n));
  assert.equal(formatChineseNumeral(10), '十');
  assert.equal(formatChineseNumeral(21), '二十一');
  assert.equal(formatChineseNumeral(105), '一百零五');
  assert.equal(parseChineseNumeral('一二'), undefined);
  assert.equal(parseChineseNumeral('十十'), undefined);
});

test('markers: levels, values and standard forms', () => {
  const read = (s: string) => readMarker(s, 0, s.length);
  assert.deepEqual([read('一、甲')?.level, read('一、甲')?.isStandard], [1, true]);
  assert.deepEqual([read('十二、甲')?.value, read('十二、甲')?.level], [12, 1]);
  assert.deepEqual([read('(三)甲')?.level, read('(三)甲')?.standard], [2, '（三）']);
  assert.deepEqual([read('3、甲')?.level, read('3、甲')?.standard], [3, '3.']);
  assert.deepEqual([read('1) 甲')?.level, read('1) 甲')?.standard], [4, '（1）']);
  assert.deepEqual([read('②甲')?.level, read('②甲')?.value], [5, 2]);
  for (const notMarker of ['1.5亿元', '2022年', '1,200人', '一是抓学习', '十分重要', '10:30', '2.0版本', '一']) {
    assert.equal(read(notMarker), undefined, notMarker);
  }
});

test('positions are 1-based lines and UTF-16 columns, across CRLF', () => {
  const text = '甲𠀀乙\r\n第二行\r\n';
  const index = new LineIndex(text);
  assert.equal(index.eol, '\r\n');
  assert.deepEqual(index.position(text.indexOf('乙')), { offset: 3, line: 1, column: 4 }, 'a non-BMP character counts two');
  assert.deepEqual(index.position(text.indexOf('第')), { offset: 6, line: 2, column: 1 });
  assert.equal(index.offsetAt(2, 2), text.indexOf('二'));
});

test('section tree: parents by level, skips accepted, plain headings close sections', () => {
  const m = model(['# 标题', '## 一、甲', '（一）子', '1. 孙', '## 二、乙', '1. 直接用第三级', '## 附件', '（一）附件下的新序列'].join('\n'));
  const byLine = new Map(m.numbered.map((n) => [n.line, n]));
  assert.equal(byLine.get(3)?.parent?.line, 2);
  assert.equal(byLine.get(4)?.parent?.line, 3);
  assert.equal(byLine.get(6)?.parent?.line, 5, '1. directly under 二、');
  assert.equal(byLine.get(8)?.parent?.kind, 'heading');
  assert.equal(byLine.get(8)?.parent?.line, 7);
  assert.equal(m.numberedSections, true);
  assert.equal(m.sectionLevel, 1);
});

test('a pasted report as one paragraph: every line is a candidate', () => {
  const m = model('某局工作总结\n今年以来，我们做了以下工作。\n一、抓学习\n（一）学原文。一是读原著，二是写心得。\n二、抓落实');
  assert.deepEqual(m.numbered.map((n) => `${n.line}:${n.level}:${n.value}`), ['3:1:1', '4:2:1', '5:1:2']);
  assert.deepEqual(m.ordinals.map((o) => `${o.line}:${o.value}:${JSON.stringify(o.scope)}`), ['4:1:{"kind":"section","line":4}', '4:2:{"kind":"section","line":4}']);
  assert.equal(m.ordinals[0].scope, m.ordinals[1].scope, 'one scope object per section');
  assert.equal(m.title?.line, 1);
  assert.deepEqual(m.opening, { startLine: 2, endLine: 2 });
});

test('an 附件 list (7.3.4) is a scope of its own, from the 1. after 附件：; it holds no sections and ends at the first line not of it', () => {
  const m = model(['# 标题', '一、甲', '1.正文的第一项', '', '附件：1.甲表', '      2.乙表名称较长', '        回行', '', '　　　3.丙表', '附件：', '1.丁表', '2.戊表', '二、乙', '2.正文的项'].join('\n'));
  const at = (line: number) => m.numbered.find((n) => n.line === line)!;
  const list = at(5).scope;
  assert.deepEqual(list, { kind: 'attachments', line: 5 });
  assert.deepEqual([at(5).value, at(5).marker.written, at(6).scope, at(9).scope], [1, '1.', list, list]);
  assert.equal(m.lines[6].numbered, undefined, 'a wrapped name is no item');
  assert.deepEqual([at(11).scope, at(12).scope], [{ kind: 'attachments', line: 10 }, at(11).scope], 'a bare 附件： opens a list too');
  assert.notEqual(at(11).scope, list);
  assert.deepEqual([at(13).scope.kind, at(14).scope.kind, at(14).parent?.line], ['body', 'body', 13], 'the body goes on after the list');
  assert.equal(at(6).parent, undefined, 'an item is no section');
  assert.deepEqual(m.numbered.filter((n) => n.scope.kind === 'body').map((n) => n.line), [2, 3, 13, 14]);
});

test('code, HTML comments and front matter hold no numbered lines', () => {
  const m = model(['---', 'title: 一、不算', '---', '```', '二、不算', '```', '<!-- 三、不算 -->', '`四、不算`', '一、算'].join('\n'));
  assert.deepEqual(m.numbered.map((n) => n.line), [9]);
});

test('inline ordinals: words that contain 一是 or 第一 are not ordinals', () => {
  const m = model('唯一是这样。统一是共识。第一书记第一时间到场，是第一责任人。一是甲；二是乙。第一，丙；第二，丁。其一，戊；其二，己。');
  assert.deepEqual(m.ordinals.map((o) => `${o.style}${o.value}`), ['shi1', 'shi2', 'di1', 'di2', 'qi1', 'qi2']);
});

test('roles from headings and from closing paragraphs after the body', () => {
  const m = model(['# 某局工作总结', '## 一、主要工作', '（一）下一步，还要细化分工。', '## 二、亮点', '全年总体顺利。但也存在一些不足和问题。', '新的一年，我们将继续努力。'].join('\n'));
  // 下一步 inside a body item is noted, but not as a top-level section.
  assert.deepEqual(m.roles.filter((r) => r.reportLevel).map((r) => `${r.role}@${r.line}:${r.source}`), ['problems@5:paragraph', 'plans@6:paragraph']);
  assert.deepEqual(m.roles.filter((r) => !r.reportLevel).map((r) => `${r.role}@${r.line}`), ['plans@3']);
});
