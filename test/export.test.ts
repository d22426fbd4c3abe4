// The Word export, read back as a reader's software reads it: the .docx unzipped and its XML
// asserted on — page, margins and 版心, the line grid, fonts per run (the run-in heading split
// included), every font slot with hint eastAsia and no theme font, footers even/odd, the
// signature and attachment layout, tables, images, presets and their validation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportReport } from '../server/src/word/export.js';
import { importDocx } from '../server/src/word/import.js';
import { parseConfigText } from '../server/src/engine/config.js';
import { checkText } from '../server/src/engine/check.js';
import { RULES_BY_ID } from '../server/src/engine/rules/index.js';
import { renderMessage } from '../server/src/engine/messages.js';
import { exportMessage } from '../server/src/word/messages.js';
import { normalizeDate } from '../server/src/word/text.js';
import type { UserConfig } from '../server/src/engine/config.js';
import { docxParts, element, paragraphs, tinyPng, type ParagraphInfo } from './docx-harness.js';
import { FIXTURES } from './fixture-harness.js';

const REPORT = fs.readFileSync(path.join(FIXTURES, 'export', 'report.md'), 'utf8');
const TWIPS_PER_MM = 1440 / 25.4;

async function exported(text: string, config: UserConfig[] = [], options: { preset?: string; baseDir?: string } = {}) {
  const r = await exportReport(text, { config }, options);
  const parts = docxParts(r.bytes);
  return { ...r, parts, doc: parts['word/document.xml'], paras: paragraphs(parts['word/document.xml']) };
}

const find = (paras: ParagraphInfo[], start: string) => {
  const p = paras.find((x) => x.text.startsWith(start));
  assert.ok(p, `a paragraph starting with ${start}`);
  return p;
};

test('A4, margins top 37 mm and left 28 mm, a 版心 of 156 × 225 mm', async () => {
  const { doc } = await exported(REPORT);
  const size = element(doc, 'pgSz')!;
  assert.deepEqual([Number(size.w), Number(size.h)], [11906, 16838]);
  const m = element(doc, 'pgMar')!;
  const [top, bottom, left, right] = [m.top, m.bottom, m.left, m.right].map(Number);
  assert.ok(Math.abs(top / TWIPS_PER_MM - 37) < 0.1, `top ${top}`);
  assert.ok(Math.abs(left / TWIPS_PER_MM - 28) < 0.1, `left ${left}`);
  assert.ok(Math.abs((11906 - left - right) / TWIPS_PER_MM - 156) < 0.1);
  assert.ok(Math.abs((16838 - top - bottom) / TWIPS_PER_MM - 225) < 0.1);
});

test('a line grid of 22 lines on the 版心 and run spacing that fits 28 三号 characters on a line', async () => {
  const { doc, paras } = await exported(REPORT);
  const grid = element(doc, 'docGrid')!;
  assert.equal(grid.type, 'lines');
  const pitch = Number(grid.linePitch);
  const m = element(doc, 'pgMar')!;
  const height = 16838 - Number(m.top) - Number(m.bottom);
  assert.ok(22 * pitch <= height && 23 * pitch > height, `pitch ${pitch} gives 22 lines in ${height}`);
  assert.ok(!/linesAndChars|w:charSpace/.test(doc), 'no character grid');
  const body = find(paras, '今年以来');
  const width = 11906 - Number(m.left) - Number(m.right);
  for (const r of body.runs) {
    assert.equal(r.size, 32, '3号 = 16 pt');
    const advance = 16 * 20 + (r.spacing ?? 0);
    assert.ok(28 * advance <= width && 29 * advance > width, `28 characters of ${advance} twips fill ${width}`);
  }
  // First-line indent: two characters of that advance; justified.
  assert.equal(element(body.pPr, 'ind')!.firstLine, String(2 * (320 + (body.runs[0].spacing ?? 0))));
  assert.equal(element(body.pPr, 'jc')!.val, 'both');
});

test('level fonts: 一、 黑体, （一） 楷体 up to its closing 。 only, 1. 仿宋; the body after a run-in heading stays 仿宋', async () => {
  const { paras } = await exported(REPORT);
  const level1 = find(paras, '一、主要工作及成效');
  assert.ok(level1.runs.every((r) => r.fonts.eastAsia === '黑体'));
  const runIn = find(paras, '（一）粮食生产稳住基本盘。');
  const heading = runIn.runs.filter((r) => r.fonts.eastAsia === '楷体').map((r) => r.text).join('');
  const rest = runIn.runs.filter((r) => r.fonts.eastAsia === '仿宋').map((r) => r.text).join('');
  assert.equal(heading, '（一）粮食生产稳住基本盘。');
  assert.ok(rest.startsWith('全县落实春播面积'), rest);
  assert.equal(heading + rest, runIn.text);
  const level3 = find(paras, '1.抓好技术服务。');
  assert.ok(level3.runs.every((r) => r.fonts.eastAsia === '仿宋'));
  // A line without its own end mark is a heading throughout.
  const whole = await exported('# 某局工作总结\n\n（一）加强组织领导\n\n全局上下形成合力。\n');
  assert.ok(find(whole.paras, '（一）加强组织领导').runs.every((r) => r.fonts.eastAsia === '楷体'));
  assert.ok(find(whole.paras, '全局上下').runs.every((r) => r.fonts.eastAsia === '仿宋'));
});

test('levels come from the report model, not the Markdown heading depth: 一、 under ### is 黑体, （一） under ## is 楷体', async () => {
  const { paras } = await exported('# 某局工作总结\n\n### 一、基本情况\n\n## （一）抓学习。全年组织学习十二次。\n');
  assert.ok(find(paras, '一、基本情况').runs.every((r) => r.fonts.eastAsia === '黑体'));
  assert.equal(find(paras, '（一）抓学习。').runs[0].fonts.eastAsia, '楷体');
  assert.equal(find(paras, '（一）抓学习。').runs.at(-1)!.fonts.eastAsia, '仿宋');
});

test('every run sets every font slot with hint eastAsia; no theme font attribute anywhere in the package', async () => {
  const { parts } = await exported(REPORT);
  for (const [name, xml] of Object.entries(parts)) {
    assert.doesNotMatch(xml, /w:(ascii|hAnsi|eastAsia|cs)Theme=/, `${name} names a theme font`);
    if (!name.startsWith('word/') || !name.endsWith('.xml')) continue;
    for (const m of xml.matchAll(/<w:rFonts\b[^>]*\/>/g)) {
      for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) assert.match(m[0], new RegExp(`w:${slot}="[^"]+"`), `${name}: ${m[0]}`);
      assert.match(m[0], /w:hint="eastAsia"/, `${name}: ${m[0]}`);
    }
  }
  // Quotation marks are in runs of the Chinese font.
  const quoted = paragraphs(parts['word/document.xml']).flatMap((p) => p.runs).find((r) => r.text.includes('“'));
  assert.equal(quoted?.fonts.eastAsia, '仿宋');
  assert.equal(quoted?.fonts.hint, 'eastAsia');
});

test('the title: 2号 小标宋, centred, broken where the Markdown breaks', async () => {
  const { paras } = await exported(REPORT);
  const title = paras[0];
  assert.equal(element(title.pPr, 'jc')!.val, 'center');
  assert.deepEqual(title.runs.map((r) => r.text), ['云溪县农业农村局', '2025年上半年工作总结']);
  assert.ok(title.runs[1].xml.includes('<w:br/>'));
  assert.ok(title.runs.every((r) => r.fonts.eastAsia === '方正小标宋简体' && r.size === 44));
});

test('page numbers: 4号 宋体 — n —, odd pages right and even pages left with one character of space (even/odd footers)', async () => {
  const { parts, doc } = await exported(REPORT);
  assert.match(parts['word/settings.xml'], /<w:evenAndOddHeaders(?: w:val="(?:true|1)")?\/>/);
  const refs = [...doc.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(refs.map((r) => r[0]).sort(), ['default', 'even']);
  const rels = parts['word/_rels/document.xml.rels'];
  const footerOf = (type: string) => {
    const id = refs.find((r) => r[0] === type)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    return parts[`word/${target}`];
  };
  for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
    const xml = footerOf(type);
    const [p] = paragraphs(xml);
    assert.equal(element(p.pPr, 'jc')!.val, side);
    assert.equal(element(p.pPr, 'ind')![side], '280', 'one 4号 character');
    assert.match(xml, /PAGE/);
    // The number is a PAGE field; the text around it is "— " and " —".
    assert.equal(p.text, '—  —', `the text around the number: ${p.text}`);
    assert.ok(p.runs.every((r) => r.fonts.eastAsia === '宋体' && r.size === 28));
  }
});

test('落款: right-aligned, the date 右空四字 and without leading zeros, the unit centred over it', async () => {
  const { paras } = await exported(REPORT);
  const date = find(paras, '2025年7月8日');
  assert.ok(!paras.some((p) => p.text.includes('07月')));
  assert.equal(element(date.pPr, 'jc')!.val, 'right');
  const char = 320 + (date.runs[0].spacing ?? 0);
  assert.equal(Number(element(date.pPr, 'ind')!.right), 4 * char);
  const unit = find(paras, '云溪县农业农村局');
  const unitRight = Number(element(paras.filter((p) => p.text === '云溪县农业农村局').at(-1)!.pPr, 'ind')!.right);
  assert.equal(element(unit.pPr, 'jc')!.val, 'center'); // the title's first line
  // 8 characters over "2025年7月8日" (3 full-width + 6 half-width): centred on the date.
  const dateWidth = 3 * char + 6 * (160 + (date.runs[0].spacing ?? 0));
  assert.equal(unitRight, Math.round(4 * char + (dateWidth - 8 * char) / 2));
});

test('dates of the signature block as 7.3.5 writes them', () => {
  assert.equal(normalizeDate('2025年03月05日'), '2025年3月5日');
  assert.equal(normalizeDate('2025-12-01'), '2025年12月1日');
  assert.equal(normalizeDate('2025.1.9'), '2025年1月9日');
  assert.equal(normalizeDate('二〇二五年十二月三十一日'), '2025年12月31日');
  assert.equal(normalizeDate('日期：2025年01月02日'), '日期：2025年1月2日');
  assert.equal(normalizeDate('县农业农村局'), '县农业农村局');
});

test('附件 (7.3.4): two characters in, the names after 附件： with a hanging indent that lines wrapped text up with the first name', async () => {
  const { paras } = await exported(REPORT);
  const first = find(paras, '附件：1.');
  const second = find(paras, '2.云溪县高标准农田');
  const char = 320 + (first.runs[0].spacing ?? 0);
  const half = 160 + (first.runs[0].spacing ?? 0);
  const i1 = element(first.pPr, 'ind')!;
  const i2 = element(second.pPr, 'ind')!;
  // 附件：1.名称: the first line starts two characters in; wrapped lines under the name.
  assert.equal(Number(i1.left) - Number(i1.hanging), 2 * char);
  assert.equal(Number(i1.left), 2 * char + 3 * char + 2 * half);
  // 2.名称 starts under 1., its wrapped lines under its name.
  assert.equal(Number(i2.left) - Number(i2.hanging), 2 * char + 3 * char);
  assert.equal(Number(i2.left), Number(i1.left));
  // The same with the names on the 附件： line.
  const inline = await exported('# 某局工作总结\n\n正文一段。\n\n附件：1.甲表\n2.乙表\n');
  assert.equal(Number(element(find(inline.paras, '2.乙表').pPr, 'ind')!.left), Number(element(find(inline.paras, '附件：1.甲表').pPr, 'ind')!.left));
});

test('附件 (7.3.4): a long name the draft wraps onto an indented line is one name, one paragraph', async () => {
  const { paras } = await exported('# 某局工作总结\n\n正文一段。\n\n附件：1.甲表\n      2.乙单位各科室人员分工及\n        联系方式\n      3.丙表\n');
  const texts = paras.map((p) => p.text);
  assert.ok(texts.includes('2.乙单位各科室人员分工及联系方式'), texts.join(' | '));
  assert.ok(!texts.some((t) => t.trim() === '联系方式'));
  assert.equal(Number(element(find(paras, '2.乙单位').pPr, 'ind')!.left), Number(element(find(paras, '3.丙表').pPr, 'ind')!.left));
});

test('附件 (7.3.4) read back: a .docx exported with two or more attachments has no numbering or word-* findings (2. is no list starting at 2, its hanging indent no wrong first line); a wrapped name stays one item', async () => {
  const drafts = [
    REPORT,
    [
      '# 石桥镇2025年度河道保洁工作总结',
      '',
      '一、主要工作',
      '',
      '全年清理河道垃圾四百余吨，聘用保洁员二十六名。',
      '',
      '二、存在问题',
      '',
      '雨季漂浮物多，清理不够及时。',
      '',
      '三、下一步打算',
      '',
      '明年将增配两艘保洁船，实行分段包干。',
      '',
      '附件：1.石桥镇河道保洁责任分段表',
      '      2.石桥镇河道保洁员名单及各分段保洁频次、',
      '        考核办法',
      '　　　3.石桥镇2025年河道保洁经费使用情况',
      '',
      '石桥镇人民政府',
      '2026年1月6日',
      '',
    ].join('\n'),
  ];
  for (const draft of drafts) {
    const { bytes } = await exported(draft);
    const imported = importDocx(bytes);
    assert.match(imported.markdown, /^附件：1\./m);
    assert.match(imported.markdown, /^2\./m);
    // A name wrapped onto an indented line is one attachment, one paragraph.
    if (draft !== REPORT) assert.match(imported.markdown, /^2\.石桥镇河道保洁员名单及各分段保洁频次、考核办法$/m);
    const found = checkText(imported.markdown, { word: imported.layout }).diagnostics.filter((d) => d.rule.startsWith('word-') || d.rule.startsWith('numbering-'));
    assert.deepEqual(found.map((d) => `${d.messageId} @${d.range.start.line}`), []);
  }
});

test('tables: thin borders, 仿宋 4号, header row 黑体, no fixed row height, off the line grid', async () => {
  const { doc, parts } = await exported(REPORT);
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)![0];
  const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(table)![1];
  for (const side of ['top', 'bottom', 'left', 'right', 'insideH', 'insideV']) {
    const b = element(borders, side)!;
    assert.equal(b.val, 'single');
    assert.equal(b.sz, '4', `${side}: ½ pt`);
  }
  assert.doesNotMatch(table, /<w:trHeight/);
  const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => paragraphs(m[0]));
  assert.ok(rows[0].flatMap((p) => p.runs).every((r) => r.fonts.eastAsia === '黑体' && r.size === 28));
  assert.ok(rows[1].flatMap((p) => p.runs).every((r) => r.fonts.eastAsia === '仿宋' && r.size === 28));
  assert.ok(rows[1].every((p) => /<w:pStyle w:val="GongwenNoGrid"\/>/.test(p.pPr)));
  assert.match(parts["word/styles.xml"], /<w:style w:type="paragraph"[^>]*w:styleId="GongwenNoGrid">[\s\S]*?<w:pPr><w:snapToGrid w:val="0"\/>/);
  // Widow control is off, so that every page holds its 22 lines.
  assert.match(parts['word/styles.xml'], /<w:pPrDefault><w:pPr><w:widowControl w:val="0"\/>/);
});

test('bold per preset: bold in its own font (gb), or 黑体 without bold', async () => {
  const gb = await exported(REPORT);
  const boldRun = gb.paras.flatMap((p) => p.runs).find((r) => r.text.startsWith('茶叶一季度'))!;
  assert.equal(boldRun.bold, true);
  assert.equal(boldRun.fonts.eastAsia, '仿宋');
  const font = await exported(REPORT, [{ export: { bold: 'font' } }]);
  const asFont = font.paras.flatMap((p) => p.runs).find((r) => r.text.startsWith('茶叶一季度'))!;
  assert.equal(asFont.bold, false);
  assert.equal(asFont.fonts.eastAsia, '黑体');
});

test('links are black text, code and HTML plain text; HTML comments (directives) are not exported', async () => {
  const { paras, doc } = await exported('# 某局工作总结\n\n详见[办公室通知](https://example.org/a)。<!-- gongwen-disable-line -->\n\n代码`npm test`照常。\n\n```\n原样的一行\n```\n\n<div>一段<b>网页</b>文字</div>\n');
  assert.ok(find(paras, '详见办公室通知。'));
  assert.doesNotMatch(doc, /w:hyperlink|gongwen-disable|example\.org|<w:color w:val="(?!000000)/);
  assert.ok(find(paras, '代码npm test照常。').runs.every((r) => r.fonts.eastAsia === '仿宋'));
  assert.ok(find(paras, '原样的一行'));
  assert.ok(find(paras, '一段网页文字'));
});

test('an ordered list keeps the numbers the writer wrote, not a renumbering: 1. 2. 4. 3. stays so', async () => {
  // The <!-- --> makes the block one the exporter parses (a plain block is taken line by line).
  const { paras } = await exported('# 某局工作总结\n\n一、存在的问题\n1. 库房面积不足。\n2. 人员偏少。\n4. 经费不稳。 <!-- 跳号 -->\n3. 宣传不够。\n\n5) 另一种写法。\n');
  const numbers = paras.map((p) => /^[0-9]+[.)]/.exec(p.text)?.[0]).filter(Boolean);
  assert.deepEqual(numbers, ['1.', '2.', '4.', '3.', '5)']);
  assert.ok(find(paras, '4.经费不稳。'));
});

test('placeholders written with * or _ that CommonMark reads as emphasis are exported as typed; bold formatting stays bold', async () => {
  const { paras } = await exported('# 某局工作总结\n\n全市***个党组织……党员***名参加。\n__村地处_镇东部。\n填报人签字：______\n\n全年宣讲**场，覆盖居民**余人。\n\n今年要把**重点任务**抓实。\n');
  assert.ok(find(paras, '全市***个党组织……党员***名参加。'));
  assert.ok(find(paras, '__村地处_镇东部。'));
  assert.ok(find(paras, '填报人签字：______'));
  const blanks = find(paras, '全年宣讲**场，覆盖居民**余人。');
  assert.ok(blanks.runs.every((r) => !r.bold), 'a pair of blanks is not bold');
  const bold = find(paras, '今年要把重点任务抓实。');
  assert.deepEqual(bold.runs.filter((r) => r.bold).map((r) => r.text), ['重点任务']);
});

test('a table row has the header row\'s columns: cells beyond them (a trailing comment) are not a column', async () => {
  const { doc } = await exported('# 某局工作总结\n\n| 项目 | 完成情况 |\n| --- | --- |\n| 培训 | 已完成 | <!-- 备注 -->\n| 宣传 | 进行中 | 多余 |\n');
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)![0];
  assert.equal([...table.matchAll(/<w:gridCol\b/g)].length, 2);
  for (const row of table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!) assert.equal([...row.matchAll(/<w:tc>/g)].length, 2);
  assert.doesNotMatch(table, /多余|备注/);
});

test('the title paragraph has the Title style (no formatting of its own), so an import reads it as the title wherever it stands', async () => {
  const { paras, parts, bytes } = await exported('本资料仅供参考\n\n# 某局2025年工作总结\n\n一、主要工作\n今年完成了任务。\n');
  assert.match(find(paras, '某局2025年工作总结').pPr, /<w:pStyle w:val="Title"\/>/);
  assert.match(parts['word/styles.xml'], /<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"\/>(?:(?!<\/w:style>)(?!<w:rPr>).)*<\/w:style>/);
  // A line before the title: the title is not the first paragraph, and still comes back as one.
  assert.match(importDocx(bytes).markdown, /^本资料仅供参考\n\n# 某局2025年工作总结\n/);
});

test('outline levels only on Markdown headings: a numbered paragraph stays a paragraph through Word', async () => {
  const md = '# 某局2025年工作总结\n\n## 一、主要工作\n\n（一）抓好学习。全年集中学习十二次。\n\n1.村里困难较多，我们逐一登记。\n\n二、存在的问题\n';
  const { paras, bytes } = await exported(md);
  assert.match(find(paras, '一、主要工作').pPr, /<w:outlineLvl w:val="0"\/>/);
  for (const start of ['（一）抓好学习。', '1.村里', '二、存在的问题']) assert.doesNotMatch(find(paras, start).pPr, /outlineLvl/, start);
  assert.deepEqual(importDocx(bytes).markdown.split('\n').filter(Boolean), ['# 某局2025年工作总结', '## 一、主要工作', '（一）抓好学习。全年集中学习十二次。', '1.村里困难较多，我们逐一登记。', '二、存在的问题']);
});

test('a line right after a table (no blank line) is the next paragraph, as the checker reads it, not a table row', async () => {
  const { doc, paras } = await exported('# 某局工作总结\n\n一、主要指标\n\n| 项目 | 完成 |\n| --- | --- |\n| 渠道 | 12公里 |\n二、存在的问题\n');
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)![0];
  assert.doesNotMatch(table, /存在的问题/);
  const p = find(paras, '二、存在的问题');
  assert.ok(p.runs.every((r) => r.fonts.eastAsia === '黑体'), 'a level-1 paragraph in 黑体');
});

test('images: scaled to fit the 版心; a missing image is a warning naming it, and its alt text stands in', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-export-img-'));
  try {
    fs.writeFileSync(path.join(dir, 'wide.png'), tinyPng(2000, 500));
    const { doc, parts, warnings, paras } = await exported('# 某局工作总结\n\n![示意图](wide.png)\n\n![现场照片](photos/missing.png)\n', [], { baseDir: dir });
    assert.ok(Object.keys(parts).some((n) => n.startsWith('word/media/')), 'the image is in the package');
    const m = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(doc);
    assert.ok(m, 'the image is placed');
    const widthMm = Number(m[1]) / 36000;
    assert.ok(widthMm <= 156.01 && widthMm > 150, `width ${widthMm} mm`);
    assert.ok(Math.abs(Number(m[1]) / Number(m[2]) - 4) < 0.05, 'aspect kept');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].line, 5);
    assert.match(exportMessage(warnings[0].message, 'zh-CN'), /photos\/missing\.png.*不存在/);
    assert.match(exportMessage(warnings[0].message, 'en'), /photos\/missing\.png" does not exist/);
    assert.ok(find(paras, '〔现场照片〕'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('presets: named presets in export.presets with extends, per-field overrides, --preset winning', async () => {
  const config: UserConfig = {
    export: {
      presets: { 本单位: { fonts: { body: '仿宋_GB2312', level2: '楷体_GB2312' }, linesPerPage: 20, pageNumber: { format: '-{n}-', position: 'center' } } },
      fonts: { title: '方正小标宋_GBK' },
    },
  };
  const plain = await exported(REPORT, [config]);
  assert.equal(plain.paras[0].runs[0].fonts.eastAsia, '方正小标宋_GBK', 'an override on the gb preset');
  assert.equal(find(plain.paras, '今年以来').runs[0].fonts.eastAsia, '仿宋');
  const chosen = await exported(REPORT, [config], { preset: '本单位' });
  assert.equal(find(chosen.paras, '今年以来').runs[0].fonts.eastAsia, '仿宋_GB2312');
  assert.equal(find(chosen.paras, '（一）粮食').runs[0].fonts.eastAsia, '楷体_GB2312');
  assert.equal(chosen.paras[0].runs[0].fonts.eastAsia, '方正小标宋_GBK', 'the overrides apply on top of the preset');
  assert.equal(element(chosen.doc, 'docGrid')!.linePitch, String(Math.floor(12756 / 20)));
  assert.doesNotMatch(chosen.parts['word/settings.xml'], /<w:evenAndOddHeaders(?: w:val="(?:true|1)")?\/>/);
  const footer = Object.entries(chosen.parts).find(([n]) => /footer\d*\.xml$/.test(n))![1];
  assert.equal(element(paragraphs(footer)[0].pPr, 'jc')!.val, 'center');
  assert.match(paragraphs(footer)[0].text, /^-\s*-$/);
  // The preset in the file, and an unknown one.
  const inFile = await exported(REPORT, [{ export: { ...config.export, preset: '本单位' } }]);
  assert.equal(find(inFile.paras, '今年以来').runs[0].fonts.eastAsia, '仿宋_GB2312');
  const unknown = await exported(REPORT, [config], { preset: '红头' });
  assert.ok(unknown.prepared.presetProblem);
  assert.match(exportMessage(unknown.prepared.presetProblem!, 'zh-CN'), /红头.*gb、本单位/);
});

test('the export section is validated: wrong types, ranges, a page format without {n} and unknown keys are problems at their line', () => {
  const problem = (json: string) => {
    const { config, problems } = parseConfigText(json, RULES_BY_ID, '/x/.gongwen.jsonc');
    return { config, messages: problems.map((p) => `${p.line}:${renderMessage(p.message, 'zh-CN')}`) };
  };
  assert.deepEqual(problem('{ "export": { "linesPerPage": 22, "fonts": { "body": "FangSong" } } }').messages, []);
  assert.match(problem('{\n  "export": { "linesPerPage": 100 }\n}').messages[0], /^2:.*export\.linesPerPage.*10 到 40/);
  assert.match(problem('{ "export": { "pageNumber": { "format": "第页" } } }').messages[0], /export\.pageNumber\.format.*\{n\}/);
  assert.match(problem('{ "export": { "fonts": { "heading": "黑体" } } }').messages[0], /未知的选项「export\.fonts\.heading」/);
  assert.match(problem('{ "export": { "presets": { "a": { "bold": "thick" } } } }').messages[0], /export\.presets\.a\.bold/);
  assert.equal(problem('{ "export": { "linesPerPage": 100 } }').config.export, undefined, 'an invalid section is dropped');
});

test('版头 and 版记 from the front matter, off by default', async () => {
  const text = ['---', '发文机关: 云溪县农业农村局文件', '发文字号: 云农〔2025〕3号', '主送机关: 县人民政府', '抄送: [县委办公室, 县政府办公室]', '印发机关: 云溪县农业农村局办公室', '印发日期: 2025-07-09', '---', '', '# 关于上半年工作情况的报告', '', '上半年各项工作进展顺利。', ''].join('\n');
  const off = await exported(text);
  assert.doesNotMatch(off.doc, /FF0000|抄送|〔2025〕/);
  const on = await exported(text, [{ export: { letterhead: true, imprint: true } }]);
  const organ = find(on.paras, '云溪县农业农村局文件');
  assert.match(organ.xml, /<w:color w:val="FF0000"\/>/);
  const number = find(on.paras, '云农〔2025〕3号');
  assert.match(number.pPr, /<w:bottom w:val="single" w:color="FF0000"/);
  const to = find(on.paras, '县人民政府：');
  assert.equal(element(to.pPr, 'ind')!.firstLine, '0');
  assert.ok(on.paras.indexOf(to) > on.paras.findIndex((p) => p.text.startsWith('关于上半年')));
  assert.ok(find(on.paras, '抄送：县委办公室，县政府办公室。'));
  const printed = find(on.paras, '云溪县农业农村局办公室');
  assert.match(printed.text, /2025年7月9日印发$/);
  // 印发机关 左空一字, 印发日期 右空一字: a right tab at the far side, and a real tab (w:tab) before the date.
  assert.match(printed.xml, /<w:tab\/>/);
  assert.match(printed.pPr, /<w:tab w:val="right" w:pos="\d+"\/>/);
});

test('blocking findings: error-severity ones (placeholders) are listed, warnings are not', async () => {
  const r = await exportReport('# 某局工作总结\n\n今年X月完成了XX项目。\n\n1.甲\n3.乙\n');
  const rules = r.prepared.blocking.map((d) => d.rule);
  assert.ok(rules.includes('placeholder'));
  assert.ok(r.prepared.blocking.every((d) => d.severity === 'error'));
  assert.ok(r.bytes.length > 1000, 'the bytes are made all the same (the front-end decides)');
});

test('export settings in the front matter (under gongwen:) win over the configuration file, for that document', async () => {
  const text = '---\ngongwen:\n  export:\n    fonts:\n      body: FangSong\n---\n\n# 某局工作总结\n\n全年工作平稳有序。\n';
  const { paras } = await exported(text, [{ export: { fonts: { body: '仿宋_GB2312' } } }]);
  assert.equal(find(paras, '全年工作').runs[0].fonts.eastAsia, 'FangSong');
  assert.ok(!paras.some((p) => p.text.includes('gongwen')), 'the front matter is not text');
});

test('every export message has both languages with the same placeholders', async () => {
  const { EXPORT_MESSAGES } = await import('../server/src/word/messages.js');
  const { placeholdersOf } = await import('../server/src/engine/i18n.js');
  for (const [key, m] of Object.entries(EXPORT_MESSAGES)) {
    assert.match(m['zh-CN'], /\p{Script=Han}/u, key);
    assert.deepEqual(placeholdersOf(m['zh-CN']).sort(), placeholdersOf(m.en).sort(), key);
  }
});

test('the package is zipped by zip.ts: each part inflates to its bytes, under its name, with its CRC-32 and sizes', async () => {
  const { zipParts } = await import('../server/src/word/zip.js');
  const { PACKAGE_COMPILER } = await import('../server/src/word/docx-writer.js');
  // The export packs the docx package's parts through its compiler; without it (a new version of
  // the package) it falls back to Packer.toBuffer, which is correct but slower: say so here.
  assert.ok(PACKAGE_COMPILER, 'docx still has Packer.compiler');
  // Packed by Packer itself (without the compiler), the package has the same parts, in the same order.
  const { prepareExport } = await import('../server/src/word/export.js');
  const { planReport } = await import('../server/src/word/plan.js');
  const { writeDocx } = await import('../server/src/word/docx-writer.js');
  const prepared = prepareExport(REPORT + '\n脚注[^1]。\n\n[^1]: 注释。\n');
  const plan = planReport(prepared.result, undefined, prepared.style, prepared.parsedRuns);
  const dated = (parts: Record<string, string>) => ({ ...parts, 'docProps/core.xml': parts['docProps/core.xml'].replace(/Z</g, '<').replace(/>[0-9T:.-]+</g, '><') });
  const ours = docxParts((await writeDocx(plan, { style: prepared.style })).bytes);
  const packers = docxParts((await writeDocx(plan, { style: prepared.style }, null)).bytes);
  assert.deepEqual(Object.keys(packers), Object.keys(ours));
  assert.deepEqual(dated(packers), dated(ours));
  const files = new Map<string, Uint8Array>([
    ['[Content_Types].xml', new TextEncoder().encode('<Types/>'.repeat(50))],
    ['word/media/空.png', new Uint8Array(0)],
    ['word/document.xml', new TextEncoder().encode('<w:p>一、总体情况</w:p>'.repeat(2000))],
  ]);
  const zip = zipParts(files, new Date(2025, 6, 8, 9, 30, 14));
  const { unzipSync } = await import('fflate');
  const back = unzipSync(zip);
  assert.deepEqual(Object.keys(back), [...files.keys()]);
  for (const [name, data] of files) assert.deepEqual(back[name], data, name);
  // The local headers, one after another: name, CRC-32, sizes, DOS time (9:30:14) and date (2025-07-08).
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const zlib = await import('node:zlib');
  let at = 0;
  for (const [name, data] of files) {
    assert.equal(view.getUint32(at, true), 0x04034b50);
    const nameLength = view.getUint16(at + 26, true);
    assert.equal(new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength)), name);
    assert.equal(view.getUint16(at + 6, true), /^[\x00-\x7f]*$/.test(name) ? 0 : 0x800, 'the UTF-8 flag on a non-ASCII name');
    assert.equal(view.getUint32(at + 14, true), zlib.crc32(data) >>> 0, name);
    assert.equal(view.getUint32(at + 22, true), data.length);
    assert.equal(view.getUint16(at + 10, true), (9 << 11) | (30 << 5) | 7);
    assert.equal(view.getUint16(at + 12, true), (45 << 9) | (7 << 5) | 8);
    at += 30 + nameLength + view.getUint32(at + 18, true);
  }
  assert.equal(view.getUint32(at, true), 0x02014b50, 'the central directory follows the last file');
  assert.equal(view.getUint32(zip.length - 22, true), 0x06054b50);
  assert.equal(view.getUint16(zip.length - 12, true), files.size);
  // The CRC of Node versions without zlib.crc32 (VS Code's Node 20.9).
  const { tableCrc32 } = await import('../server/src/word/zip.js');
  const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256);
  for (const data of [new Uint8Array(0), bytes, ...files.values()]) assert.equal(tableCrc32(data), zlib.crc32(data) >>> 0);
});

test('the layout read from the check\'s parse equals the layout of a parse of its own, for every Markdown fixture', async () => {
  const { prepareExport } = await import('../server/src/word/export.js');
  const { planReport } = await import('../server/src/word/plan.js');
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
  let reused = 0;
  const texts = walk(FIXTURES).map((f) => fs.readFileSync(f, 'utf8'));
  // Runs of several blocks, a table, a footnote, a BOM, and a run past a parser-input limit (not reused).
  texts.push('# 标题\n\n**一、**总体\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n二、~~删除~~\n\n正文[^1]。\n\n[^1]: 注释。\n', '\uFEFF# 标题\n\n*强调*\n', `# 标题\n\n${'*'.repeat(3000)}\n\n**加粗**\n`);
  for (const text of texts) {
    const p = prepareExport(text);
    reused += p.parsedRuns.length;
    assert.deepEqual(planReport(p.result, undefined, p.style, p.parsedRuns), planReport(p.result, undefined, p.style), text.slice(0, 40));
  }
  assert.ok(reused > 50, `${reused} runs reused`);
});
