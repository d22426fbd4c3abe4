// The .docx reader (server/src/word): what a reader sees of a Word document, on small packages
// built here from XML strings. Files made by a real word processor are tested in the e2e suite.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { importDocx, WordReadError } from '../server/src/word/import.js';
import { formatNumber } from '../server/src/word/numbering.js';
import { checkText } from '../server/src/engine/check.js';
import { diagnosticMessage } from '../server/src/engine/messages.js';
import { buildDocx, CHINESE_LEVELS, lvl, np, p, type DocxParts } from './docx-builder.js';

/** The Markdown's non-blank lines. */
function lines(parts: DocxParts): string[] {
  return importDocx(buildDocx(parts)).markdown.split('\n').filter((l) => l.length > 0);
}

const oneList = (levels: string, nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>') => `<w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum>${nums}`;

test('multi-level Chinese numbering becomes the numbers a reader sees, each level restarting under its parent', () => {
  const body = np(1, 0, '总体情况') + np(1, 1, '加强学习') + np(1, 1, '抓好落实') + np(1, 2, '建立台账') + np(1, 3, '按月更新') + np(1, 2, '定期通报') + np(1, 0, '存在问题') + np(1, 1, '推进不平衡');
  assert.deepEqual(lines({ body, numbering: oneList(CHINESE_LEVELS) }), [
    '一、总体情况', '（一）加强学习', '（二）抓好落实', '1.建立台账', '（1）按月更新', '2.定期通报', '二、存在问题', '（一）推进不平衡',
  ]);
});

test('number formats: chineseCounting, chineseCountingThousand, ideographTraditional, decimalEnclosedCircle, letters, Roman, full-width', () => {
  assert.equal(formatNumber(11, 'chineseCounting'), '十一');
  assert.equal(formatNumber(20, 'chineseCountingThousand'), '二十');
  assert.equal(formatNumber(3, 'ideographTraditional'), '丙');
  assert.equal(formatNumber(12, 'ideographTraditional'), '乙');
  assert.equal(formatNumber(2, 'decimalEnclosedCircle'), '②');
  assert.equal(formatNumber(21, 'decimalEnclosedCircle'), '21');
  assert.equal(formatNumber(28, 'upperLetter'), 'BB');
  assert.equal(formatNumber(4, 'lowerRoman'), 'iv');
  assert.equal(formatNumber(7, 'decimalZero'), '07');
  assert.equal(formatNumber(12, 'decimalFullWidth'), '１２');
  assert.equal(formatNumber(3, 'decimalEnclosedParen'), '⑶');
  assert.equal(formatNumber(5, 'none'), '');
  const levels = lvl(0, 'ideographTraditional', '%1、') + lvl(1, 'decimalEnclosedCircle', '%2') + lvl(2, 'chineseCountingThousand', '第%3条');
  assert.deepEqual(lines({ body: np(1, 0, '甲项') + np(1, 1, '子项') + np(1, 1, '子项') + np(1, 2, '规定') + np(1, 0, '乙项'), numbering: oneList(levels) }), ['甲、甲项', '①子项', '②子项', '第一条规定', '乙、乙项']);
});

test('w:start, and instances of one list: they go on from each other; a startOverride counts on its own', () => {
  const levels = lvl(0, 'chineseCounting', '%1、', '', 3);
  const nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
  assert.deepEqual(lines({ body: np(1, 0, '甲') + np(2, 0, '乙') + np(3, 0, '丙') + np(3, 0, '丁') + np(1, 0, '戊'), numbering: oneList(levels, nums) }), ['三、甲', '四、乙', '一、丙', '二、丁', '五、戊']);
});

test('lvlRestart 0 keeps a level counting across its parents; a whole w:lvl in an override replaces the level', () => {
  const levels = lvl(0, 'chineseCounting', '%1、') + lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>');
  assert.deepEqual(lines({ body: np(1, 0, '甲') + np(1, 1, '子') + np(1, 0, '乙') + np(1, 1, '丑'), numbering: oneList(levels) }), ['一、甲', '1.子', '二、乙', '2.丑']);
  const nums = `<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">${lvl(0, 'decimal', '（%1）')}</w:lvlOverride></w:num>`;
  assert.deepEqual(lines({ body: np(1, 0, '甲') + np(1, 0, '乙'), numbering: oneList(lvl(0, 'chineseCounting', '%1、'), nums) }), ['（1）甲', '（2）乙']);
});

test('numbering from the paragraph style, through basedOn and a level linked to the style; numId 0 on the paragraph turns it off', () => {
  const styles =
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="L1"><w:name w:val="一级"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="L1b"><w:name w:val="一级加粗"/><w:basedOn w:val="L1"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="L2"><w:name w:val="二级"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
  const levels = lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="L1"/>') + lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="L2"/>');
  const st = (id: string, text: string, extra = '') => p(text, { pPr: `<w:pStyle w:val="${id}"/>${extra}` });
  const body = st('L1', '甲') + st('L2', '子') + st('L1b', '乙') + st('L1', '不编号', '<w:numPr><w:numId w:val="0"/></w:numPr>') + st('L1', '丙');
  assert.deepEqual(lines({ body, styles, numbering: oneList(levels) }), ['一、甲', '（一）子', '二、乙', '不编号', '三、丙']);
});

test('tracked changes: deleted and moved-away text is left out, inserted text kept; hidden text is left out', () => {
  const body =
    '<w:p><w:r><w:t>一、</w:t></w:r><w:del w:id="1" w:author="甲"><w:r><w:delText>旧的说法</w:delText></w:r></w:del><w:ins w:id="2" w:author="甲"><w:r><w:t>新的说法</w:t></w:r></w:ins>' +
    '<w:moveFrom w:id="3" w:author="甲"><w:r><w:t>挪走的</w:t></w:r></w:moveFrom><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的</w:t></w:r><w:r><w:t>。</w:t></w:r></w:p>';
  assert.deepEqual(lines({ body }), ['一、新的说法。']);
});

test('fields show their results (simple and complex); a table of contents is left out', () => {
  const body =
    '<w:p><w:r><w:t>共</w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>5</w:t></w:r></w:fldSimple><w:r><w:t>页，</w:t></w:r>' +
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2025年3月1日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、总体情况……1</w:t></w:r></w:p>' +
    p('二、存在问题……2') +
    '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
    p('一、总体情况');
  assert.deepEqual(lines({ body }), ['共5页，2025年3月1日', '二、存在问题……2', '一、总体情况'].filter((l) => l !== '二、存在问题……2'));
});

test('tables become GFM tables, a merged cell empty; paragraphs inside cells are counted and located', () => {
  const cell = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text)}</w:tc>`;
  const body =
    p('表前') +
    `<w:tbl><w:tr>${cell('项目')}${cell('完成情况')}</w:tr><w:tr>${cell('一、道路', '<w:vMerge w:val="restart"/>')}${cell('已完成 | 验收')}</w:tr><w:tr>${cell('', '<w:vMerge/>')}${cell('二、桥梁')}</w:tr></w:tbl>` +
    p('表后XX');
  const imported = importDocx(buildDocx({ body }));
  assert.deepEqual(imported.markdown.split('\n').filter(Boolean), ['表前', '| 项目 | 完成情况 |', '| --- | --- |', '| 一、道路 | 已完成 \\| 验收 |', '|  | 二、桥梁 |', '表后XX']);
  const at = imported.markdown.indexOf('桥梁');
  assert.deepEqual(imported.locate(at), { part: 'body', paragraph: 7, column: 3 });
  // Eight paragraphs in all: 表前, six cells, 表后 — the merged cell's paragraph counts too.
  assert.deepEqual(imported.locate(imported.markdown.indexOf('XX')), { part: 'body', paragraph: 8, column: 3 });
});

test('footnotes become Markdown footnotes; a finding in one is located in the note', () => {
  const body = '<w:p><w:r><w:t>全年完成投资</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r><w:r><w:t>。</w:t></w:r></w:p>';
  const footnotes = '<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 数据截至X月底。</w:t></w:r></w:p></w:footnote>';
  const imported = importDocx(buildDocx({ body, footnotes }));
  assert.deepEqual(imported.markdown.split('\n').filter(Boolean), ['全年完成投资[^1]。', '[^1]: 数据截至X月底。']);
  assert.deepEqual(imported.locate(imported.markdown.indexOf('X月')), { part: 'footnote', paragraph: 1, column: 6 });
  assert.deepEqual(imported.locate(imported.markdown.indexOf('。')), { part: 'body', paragraph: 1, column: 7 });
});

test('a text box is read once (its mc:Choice, not the VML fallback), after the paragraph it is anchored in', () => {
  const box = (t: string) => `<w:txbxContent>${p(t)}</w:txbxContent>`;
  const body =
    '<w:p><w:r><w:t>正文在前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>' +
    box('框中的话') +
    '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>' +
    box('框中的话') +
    '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>，正文在后。</w:t></w:r></w:p>' +
    p('下一段');
  const imported = importDocx(buildDocx({ body }));
  assert.deepEqual(imported.markdown.split('\n').filter(Boolean), ['正文在前，正文在后。', '框中的话', '下一段']);
  assert.equal(imported.locate(imported.markdown.indexOf('框')).paragraph, 2);
  assert.equal(imported.locate(imported.markdown.indexOf('下一段')).paragraph, 3);
});

test('text that Markdown would read as syntax is escaped, and located where it is in the paragraph', () => {
  const imported = importDocx(buildDocx({ body: p('# 不是标题') + p('- 不是列表') + p('  两个空格后&lt;b&gt;不是标签&lt;/b&gt;`x`') + p('---') }));
  assert.deepEqual(imported.markdown.split('\n').filter(Boolean), ['\\# 不是标题', '\\- 不是列表', '两个空格后\\<b>不是标签\\</b>\\`x\\`', '\\---']);
  const md = imported.markdown;
  assert.deepEqual(imported.locate(md.indexOf('不是标签')), { part: 'body', paragraph: 3, column: 11 });
  assert.deepEqual(imported.locate(md.indexOf('不是标题')), { part: 'body', paragraph: 1, column: 3 });
  const model = checkText(md).model;
  assert.equal(model.headings.length, 0, 'no paragraph became a heading');
  assert.equal(model.md.html.length, 0, 'no paragraph became HTML');
});

test('headings: heading styles and outline levels get #, the Title style and a centred large first paragraph a single #', () => {
  const styles =
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="T"><w:name w:val="Title"/></w:style>';
  assert.deepEqual(lines({ body: p('标题', { pPr: '<w:pStyle w:val="T"/>' }) + p('一、总体情况', { pPr: '<w:pStyle w:val="1"/>' }) + p('（一）做法', { pPr: '<w:outlineLvl w:val="1"/>' }), styles }), ['# 标题', '## 一、总体情况', '### （一）做法']);
  assert.deepEqual(lines({ body: p('某局工作总结', { pPr: '<w:jc w:val="center"/>', rPr: '<w:sz w:val="44"/>' }) + p('正文。') }), ['# 某局工作总结', '正文。']);
  assert.deepEqual(lines({ body: p('居中但小', { pPr: '<w:jc w:val="center"/>', rPr: '<w:sz w:val="32"/>' }) }), ['居中但小']);
});

test('run fonts: document defaults, styles, character styles and theme fonts (minorEastAsia → the theme’s Hans font)', () => {
  const theme =
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme name="x"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont>' +
    '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>';
  const styles =
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="body"><w:name w:val="正文仿宋"/><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="hei"><w:name w:val="黑体字"/><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr></w:style>';
  const body =
    p('默认字体') +
    '<w:p><w:pPr><w:pStyle w:val="body"/></w:pPr><w:r><w:rPr><w:rStyle w:val="hei"/></w:rPr><w:t>一、</w:t></w:r><w:r><w:t>正文</w:t></w:r><w:r><w:rPr><w:rFonts w:eastAsia="楷体" w:eastAsiaTheme="minorEastAsia"/></w:rPr><w:t>主题胜出</w:t></w:r></w:p>';
  const { layout } = importDocx(buildDocx({ body, styles, theme, settings: '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>' }));
  assert.deepEqual(layout.paragraphs[0].runs.map((r) => [r.eastAsia, r.ascii, r.size]), [['等线', 'Calibri', 10.5]]);
  assert.deepEqual(layout.paragraphs[1].runs.map((r) => [r.eastAsia, r.size, r.bold ?? false]), [['黑体', 16, true], ['仿宋_GB2312', 16, false], ['等线', 16, false]]);
});

test('sections: page size, margins, line grid, page-number format and footers (the page-number field as {PAGE}), inherited by a later section', () => {
  const footer = `<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>`;
  const even = `<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>`;
  const sect1 = '<w:sectPr><w:footerReference w:type="default" r:id="rIdF1"/><w:footerReference w:type="even" r:id="rIdF2"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:gutter="0"/><w:pgNumType w:fmt="decimal"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>';
  const body = `${p('第一节', { pPr: sect1 })}${p('第二节')}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`;
  const { layout } = importDocx(buildDocx({ body, footers: { rIdF1: footer, rIdF2: even }, settings: '<w:evenAndOddHeaders/>' }));
  assert.equal(layout.sections.length, 2);
  const [a, b] = layout.sections;
  assert.deepEqual([a.pageWidth, a.pageHeight, a.margins.top, a.margins.left, a.margins.right, a.margins.bottom, a.grid?.type, a.grid?.linePitch, a.landscape], [11906, 16838, 2098, 1588, 1474, 1984, 'lines', 579, false]);
  assert.deepEqual(a.footers.map((f) => [f.kind, f.pattern, f.hasPageField, f.align ?? '']), [['default', '— {PAGE} —', true, 'right'], ['even', '{PAGE}', true, '']]);
  assert.equal(a.footers[0].size, 14);
  assert.equal(layout.evenAndOddFooters, true);
  assert.equal(b.landscape, true);
  assert.deepEqual(b.footers.map((f) => f.pattern), ['— {PAGE} —', '{PAGE}'], 'footers are inherited');
  assert.equal(layout.paragraphs[1].section, 1);
});

test('a finding on an automatic number says so; on a typed one it does not', () => {
  const levels = lvl(0, 'chineseCounting', '%1、');
  const body = p('某局工作总结') + np(1, 0, '总体情况') + np(1, 0, '存在问题') + p('二、下一步打算') + p('四、其他');
  const imported = importDocx(buildDocx({ body, numbering: oneList(levels) }));
  const found = checkText(imported.markdown, { word: imported.layout }).diagnostics.filter((d) => d.rule === 'numbering-sequence');
  // 二、 typed after an automatic 二、: a repeat, on the typed number (四、 is then in order).
  assert.deepEqual(found.map((d) => [imported.locate(d.range.start.offset).paragraph, d.note?.id ?? '']), [[4, '']]);
  const body2 = p('某局工作总结') + p('一、总体情况') + np(1, 0, '存在问题');
  const imported2 = importDocx(buildDocx({ body: body2, numbering: oneList(levels) }));
  const [repeat] = checkText(imported2.markdown, { word: imported2.layout }).diagnostics.filter((d) => d.rule === 'numbering-sequence');
  assert.equal(repeat.note?.id, 'word/automaticNumbering');
  assert.match(diagnosticMessage(repeat, 'zh-CN'), /「一、」与上一个序号重复.*（自动编号）$/);
  assert.match(diagnosticMessage(repeat, 'en'), / \(automatic numbering\)$/);
  assert.equal(checkText(imported2.markdown).diagnostics.find((d) => d.rule === 'numbering-sequence')?.note, undefined, 'the same text checked as Markdown has no note');
});

test('another prefix for the WordprocessingML namespace reads the same', () => {
  assert.deepEqual(lines({ body: p('一、甲') + p('二、乙'), prefix: 'x' }), ['一、甲', '二、乙']);
});

test('files that are not readable Word documents: not a ZIP, an old .doc, a ZIP without a document, XML that is not well-formed', () => {
  const problem = (bytes: Uint8Array) => {
    try {
      importDocx(bytes);
    } catch (e) {
      assert.ok(e instanceof WordReadError, String(e));
      return e;
    }
    assert.fail('no error');
  };
  assert.equal(problem(strToU8('一、总体情况')).problem, 'notZip');
  assert.equal(problem(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])).problem, 'notZip');
  assert.equal(problem(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])).problem, 'oldFormat');
  assert.equal(problem(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })).problem, 'notWord');
  const broken = buildDocx({ body: p('甲') });
  const bad = zipSync({ ...unzipAll(broken), 'word/document.xml': strToU8('<?xml version="1.0"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body></w:document>') });
  const e = problem(bad);
  assert.equal(e.problem, 'badXml');
  assert.equal(e.where.part, 'word/document.xml');
  assert.equal(e.where.line, 2);
});

import { unzipSync } from 'fflate';
function unzipAll(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}
