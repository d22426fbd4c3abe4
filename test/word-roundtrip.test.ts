// The Word round trip (issue 14, "Proof"): every Markdown fixture exported as a GB/T 9704 .docx
// (forced past its error findings) and imported back must give (a) the same visible text, line for
// line, and (b) the same findings — same message id on the same text. What may differ is stated
// here, not tolerated silently: the normalisation in `visibleLines` (what is Markdown syntax, not
// text), the rules in MARKDOWN_ONLY_RULES (they judge syntax that a Word file cannot carry), and the
// fixtures in EXPECTED, each with its exact difference and the reason. A new loss fails the test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, type CheckOptions } from '../server/src/engine/check.js';
import { findPlaceholders } from '../server/src/engine/rules/placeholder.js';
import { exportReport } from '../server/src/word/export.js';
import { importDocx } from '../server/src/word/import.js';
import { FIXTURES, REPO_ROOT, readFixture } from './fixture-harness.js';

/**
 * The text a reader sees in a Markdown report, one entry per non-blank line, for comparing a draft
 * with what comes back from Word. Left out, because they are Markdown syntax and not text:
 * - front matter (configuration, not text) and HTML comments (`<!-- expect: … -->`, directives);
 * - emphasis and strong delimiters where the report model reads them as formatting (`**重点**` →
 *   重点); runs the model reads as placeholders (`全市***个`) are text and stay;
 * - a line's block prefix: ATX heading `#`s, `>` quote marks, a bullet `- `, the space after an
 *   ordered-list number (`1. 抓好` → `1.抓好`, as GB/T 9704 writes it), table pipes and the
 *   delimiter row (cells are joined by ` | `), code fences;
 * - link and image syntax (`[文字](url)` → 文字: Word shows the text), autolink brackets, backslash
 *   escapes, code-span backticks, HTML tags (`<br>` is a line break);
 * - spaces at a line's ends (the writer's own `　　` indent: Word indents the first line itself).
 * Every other character is compared as it is.
 */
export function visibleLines(markdown: string, options: CheckOptions = {}): string[] {
  const model = checkText(markdown, { ...options, rules: { ...options.rules } }).model;
  const drop = new Uint8Array(markdown.length);
  const dropSpan = (s: number, e: number) => drop.fill(1, s, e);
  const fm = model.md.frontMatter;
  if (fm) dropSpan(fm.start, fm.end);
  for (const m of markdown.matchAll(/<!--[\s\S]*?-->/g)) dropSpan(m.index, m.index + m[0].length);
  const blanks = findPlaceholders(model);
  const isBlank = (o: number) => blanks.some((b) => b.start <= o && o < b.end);
  for (const e of model.md.emphasis) {
    for (let i = 0; i < e.size; i++) {
      if (!isBlank(e.start + i)) drop[e.start + i] = 1;
      if (!isBlank(e.end - 1 - i)) drop[e.end - 1 - i] = 1;
    }
  }
  let kept = '';
  for (let i = 0; i < markdown.length; i++) if (!drop[i]) kept += markdown[i];
  return normaliseLines(kept);
}

/** The per-line part of `visibleLines`, also applied to a finding's text. */
function normaliseLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/<br\s*\/?>/gi, '\n').split(/\r\n|\n|\r/)) {
    let line = raw.replace(/^[ \t\u3000]*(?:>[ \t]?)*/, '');
    // Code fences, thematic breaks (*** alone on a line), table delimiter rows: no text.
    if (/^(?:```|~~~)/.test(line) || /^(?:[-*_][ \t]*){3,}$/.test(line) || /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/.test(line)) continue;
    line = line
      .replace(/^#{1,6}(?:[ \t]+|$)/, '')
      .replace(/^[-+*][ \t]+/, '')
      .replace(/^([0-9]{1,9}[.)])[ \t]+/, '$1');
    if (/^\|/.test(line)) {
      line = line
        .replace(/^\|/, '')
        .replace(/(?<!\\)\|[ \t]*$/, '')
        .split(/(?<!\\)\|/)
        .map((c) => c.trim())
        .join(' | ');
    }
    line = line
      .replace(/!?\[([^\]]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]*)>/g, '$1')
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .replace(/`+/g, '')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
      .trim();
    if (line.length > 0) out.push(line);
  }
  return out;
}

/**
 * Rules about Markdown syntax itself, which a Word file cannot carry: their findings are not
 * compared. heading-depth judges the count of `#` before a marker (`### 一、`); a .docx has
 * outline levels instead, and the importer writes `#`s from them.
 */
const MARKDOWN_ONLY_RULES = new Set(['heading-depth']);

interface Case {
  file: string;
  text: string;
  options: CheckOptions;
}

/**
 * The rule fixtures (not their `.fixed.md` snapshots: each is its fixture with the fixes applied, the same
 * constructs with fewer findings, so it would add run time and no case), the corpus texts, the examples,
 * and the export fixture. A fixture header's `type=` is given to both checks (the header is a comment).
 */
function cases(): Case[] {
  const out: Case[] = [];
  const rules = path.join(FIXTURES, 'rules');
  for (const f of fs.readdirSync(rules).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md')).sort()) {
    const fx = readFixture(path.join(rules, f));
    out.push({ file: `rules/${f}`, text: fx.text, options: fx.type ? { type: fx.type } : {} });
  }
  const corpus = path.join(FIXTURES, 'corpus');
  for (const f of fs.readdirSync(corpus).sort()) out.push({ file: `corpus/${f}`, text: fs.readFileSync(path.join(corpus, f), 'utf8'), options: {} });
  const examples = path.join(REPO_ROOT, 'examples');
  for (const f of fs.readdirSync(examples).filter((f) => f.endsWith('.md')).sort()) out.push({ file: `examples/${f}`, text: fs.readFileSync(path.join(examples, f), 'utf8'), options: {} });
  out.push({ file: 'export/report.md', text: fs.readFileSync(path.join(FIXTURES, 'export', 'report.md'), 'utf8'), options: {} });
  return out;
}

/** The draft's front matter, put back on the imported text: it configures the check (gongwen: type …), and Word does not carry it. */
function frontMatter(text: string, options: CheckOptions): string {
  const fm = checkText(text, options).model.md.frontMatter;
  return fm ? text.slice(fm.start, fm.end) + '\n' : '';
}

function findings(text: string, options: CheckOptions): string[] {
  return checkText(text, options)
    .diagnostics.filter((d) => !MARKDOWN_ONLY_RULES.has(d.rule))
    .map((d) => `${d.messageId} «${normaliseLines(text.slice(d.range.start.offset, d.range.end.offset).replace(/<!--[\s\S]*?-->/g, '')).join('⏎')}»`)
    .sort();
}

interface Difference {
  /** Lines only in the draft / only in what came back. */
  textLost: string[];
  textGained: string[];
  findingsLost: string[];
  findingsGained: string[];
}

function minus(a: string[], b: string[]): string[] {
  const rest = [...b];
  const out: string[] = [];
  for (const x of a) {
    const i = rest.indexOf(x);
    if (i >= 0) rest.splice(i, 1);
    else out.push(x);
  }
  return out;
}

async function roundTrip(c: Case): Promise<{ back: string; difference: Difference; sameOrder: boolean }> {
  const { bytes } = await exportReport(c.text, c.options);
  const back = frontMatter(c.text, c.options) + importDocx(bytes).markdown;
  const a = visibleLines(c.text, c.options);
  const b = visibleLines(back, c.options);
  const fa = findings(c.text, c.options);
  const fb = findings(back, c.options);
  return {
    back,
    // When the same lines come back, they come back in their order.
    sameOrder: minus(a, b).length > 0 || minus(b, a).length > 0 || JSON.stringify(a) === JSON.stringify(b),
    difference: { textLost: minus(a, b), textGained: minus(b, a), findingsLost: minus(fa, fb), findingsGained: minus(fb, fa) },
  };
}

const NONE: Difference = { textLost: [], textGained: [], findingsLost: [], findingsGained: [] };

// Why a fixture may differ. Each EXPECTED entry names its reasons and gives the exact difference.
/** Word has paragraphs, not Markdown's blocks: each source line is exported as its own paragraph (GB/T 9704 has no blank
 * lines, lists are opened up), and the importer writes each paragraph as a Markdown paragraph. Rules that read Markdown
 * blocks see other extents: copy-residue/block takes the lines between blank lines (or a list) together; required-section
 * takes the opening as the first block after the title, so lines that were in it become closing paragraphs. */
const BLOCKS = 'Markdown blocks (blank lines, lists) become one paragraph a line';
/** Code spans and code blocks are exported as plain text (issue 14: "Code and HTML: plain text"); Word has no code, so
 * the checker, which skips code in Markdown, reads those words on the way back. */
const CODE = 'code is plain text in Word';
/** The exporter writes the signature's date per GB/T 9704 7.3.5 (Arabic digits, no leading zeros): the date-format
 * finding on it is what the export corrects. */
const SIGNATURE_DATE = 'the 成文日期 is written per 7.3.5';
/** 7.3.4: the first attachment name stands on the 附件： line, so `附件：` and `1.…` come back as one line, and a long
 * name wrapped onto an indented line is one paragraph, so one line. The checker reads `附件：1.…` and the `2.…` under it
 * as one 附件 list counting from 1, so no finding differs. */
const ATTACHMENTS = 'the 附件 list laid out per 7.3.4';

/** Fixtures whose round trip is expected to differ: the exact difference, and why. */
const EXPECTED: Record<string, { why: string[] } & Partial<Difference>> = {
  'rules/copy-residue-compilation-tags.md': {
    why: [BLOCKS],
    findingsLost: ['copy-residue/block «0⏎12»', 'copy-residue/block «回首这一年，水务站的工作有苦有甜。小编准备了几篇水务站站长述职报告范文，希望给您参考。⏎水务站站长述职报告篇(1)»'],
    findingsGained: ['copy-residue/line «水务站站长述职报告篇(1)»', 'copy-residue/verify «小编准备»'],
  },
  'rules/copy-residue-doc-pages.md': {
    why: [SIGNATURE_DATE],
    textLost: ['日期：2025-03-02'],
    textGained: ['日期：2025年3月2日'],
    findingsLost: ['date-format/separators «2025-03-02»'],
  },
  'rules/copy-residue-negatives.md': { why: [BLOCKS, CODE], findingsGained: ['copy-residue/block «仅供学习 禁止外传 用后删除⏎文化惠民⏎文化强县»', 'spacing/betweenHan «»'] },
  'rules/date-format-negatives.md': { why: [CODE], findingsGained: ['date-format/separators «2025.01.05»', 'spacing/aroundNumber «»'] },
  'rules/enumeration-sequence-negatives.md': { why: [CODE], findingsGained: ['enumeration-sequence/gap «三是»'] },
  'rules/numbering-format-negatives.md': { why: [CODE], findingsGained: ['numbering-format/demoted «一.»', 'spacing/afterMarker «»'] },
  'rules/numbering-sequence-negatives.md': {
    // Its `---` block follows the fixture's comment line, so it is not front matter: CommonMark reads a setext heading
    // before the title, exported as a heading and imported as `#` lines before the Title paragraph; the first `#` is then
    // taken as the title, and the report is no longer a 工作总结 for required-section.
    why: [CODE, 'a setext heading before the title'],
    findingsLost: ['required-section/missing «区档案馆2025年度工作总结»', 'required-section/missing «区档案馆2025年度工作总结»'],
    findingsGained: ['empty-section/emptySection «note: 三、前言里的序号不算»', 'empty-section/emptySection «type: 工作总结»', 'numbering-sequence/backReordered «四、»', 'numbering-sequence/gap «五、»', 'numbering-sequence/gapReordered «七、»'],
  },
  'rules/paired-punctuation-negatives.md': {
    why: [CODE],
    findingsGained: ['paired-punctuation/unclosed «“»', 'paired-punctuation/unclosed «“»', 'paired-punctuation/unclosed «（»', 'paired-punctuation/unopened «”»', 'spacing/aroundMark «»', 'spacing/aroundMark «»', 'spacing/aroundMark «»', 'spacing/aroundMark «»', 'spacing/aroundMark «»'],
  },
  'rules/placeholder-negatives.md': {
    // `***一、加粗斜体的整行标题***`: the model reads no marker behind three stars, Word shows the 一、 in bold, and it
    // repeats the 一、 above it — a repeat a reader of the Word file sees.
    why: [CODE, 'a marker behind *** is read in Word'],
    findingsGained: ['numbering-sequence/repeat «一、»', 'placeholder/content «XX»', 'placeholder/place «XX»', 'spacing/betweenHan «»', 'spacing/betweenHan «»'],
  },
  'rules/punctuation-form-negatives.md': { why: [CODE], findingsGained: ['punctuation-form/ellipsis «...»', 'spacing/betweenHan «»'] },
  'rules/punctuation-form.md': { why: [BLOCKS], findingsLost: ['required-section/missing «县农业农村局2025年工作总结»'] },
  'rules/punctuation-width-negatives.md': { why: [CODE], findingsGained: ['punctuation-width/halfWidthLine «,逗号:»'] },
  'rules/terms-negatives.md': { why: [CODE], findingsGained: ['terms/replace «迫不急待»'] },
  'corpus/001_17a6a86398cf71ce.txt': {
    why: [BLOCKS],
    findingsLost: [
      'copy-residue/block «酷乐文行整理，其他任何途径获取的资料均不完整，获得完整版资料咨询唯一指定QQ206157060⏎酷乐文行⏎自建平台、实时分享⏎根据实际需求和形式任务不断迭代⏎现在订阅立享成立以来所有权益和资料⏎【打击倒卖活动】⏎举报倒卖会员资料的人，举报成功免费赠送一年会员材料！⏎会员群：                      免费QQ群：»',
    ],
    findingsGained: [
      'copy-residue/block «现在订阅立享成立以来所有权益和资料⏎【打击倒卖活动】⏎举报倒卖会员资料的人，举报成功免费赠送一年会员材料！⏎会员群：                      免费QQ群：»',
      'copy-residue/line «酷乐文行整理，其他任何途径获取的资料均不完整，获得完整版资料咨询唯一指定QQ206157060»',
    ],
  },
  'export/report.md': {
    why: [ATTACHMENTS, SIGNATURE_DATE],
    textLost: ['附件：', '1.云溪县2025年上半年农业主要指标完成情况表', '2025年07月08日'],
    textGained: ['附件：1.云溪县2025年上半年农业主要指标完成情况表', '2025年7月8日'],
    findingsLost: ['date-format/leadingZero «2025年07月08日»'],
  },
  'rules/numbering-attachments-negatives.md': {
    why: [ATTACHMENTS],
    textLost: ['2.青石镇老旧管网改造项目清单及各村组管网长度、户数和投资', '明细'],
    textGained: ['2.青石镇老旧管网改造项目清单及各村组管网长度、户数和投资明细'],
  },
  'rules/number-usage-negatives.md': { why: [CODE], findingsGained: ['number-usage/erBeforeMeasure «二个»', 'spacing/betweenHan «»'] },
  'rules/required-section-shuzhi.md': {
    // Its front matter follows the fixture's comment line, so it is read as a setext heading before the title; exported
    // as a heading and read back before the Title paragraph, it has nothing under it.
    why: ['a setext heading before the title'],
    findingsGained: ['empty-section/emptySection «type: 述职报告»'],
  },
  'rules/sentence-end-negatives.md': {
    // A sentence wrapped onto the next line is one paragraph in Markdown; in Word each line is a paragraph of its own, and
    // the first one does end without punctuation (what a reader of the Word file sees).
    why: [BLOCKS],
    findingsGained: ['sentence-end/noEnd «动»'],
  },
};

const ALL = cases();

for (const c of ALL) {
  test(`round trip through Word: ${c.file}`, async () => {
    const r = await roundTrip(c);
    const e = EXPECTED[c.file];
    const want: Difference = { ...NONE, ...(e ?? {}) };
    delete (want as Partial<{ why: string }>).why;
    assert.deepEqual(r.difference, want);
    assert.ok(r.sameOrder, 'the lines come back in their order');
  });
}

test('the exception list names only fixtures that exist, each with its reasons', () => {
  const files = new Set(ALL.map((c) => c.file));
  for (const [file, e] of Object.entries(EXPECTED)) {
    assert.ok(files.has(file), `${file} is a fixture`);
    assert.ok(e.why.length > 0, `${file} says why`);
  }
});

test('the normalisation: syntax goes, text stays — placeholders written with * included', () => {
  const md = [
    '---',
    'gongwen:',
    '  type: 工作总结',
    '---',
    '# 某局工作总结 <!-- expect: x -->',
    '',
    '## 一、主要工作',
    '今年把**重点任务**抓实，全市***个党组织参加。',
    '1. 库房面积不足。',
    '- 圆点一项',
    '> 引用的一行',
    '详见[通知](https://example.org/a(1))和`代码`，\\# 不是标题。<br>下一行',
    '',
    '| 项目 | 完成 |',
    '| --- | --- |',
    '| 培训 | 4期 |',
    '',
    '***',
    '　　县农业局',
  ].join('\n');
  assert.deepEqual(visibleLines(md), [
    '某局工作总结',
    '一、主要工作',
    '今年把重点任务抓实，全市***个党组织参加。',
    '1.库房面积不足。',
    '圆点一项',
    '引用的一行',
    '详见通知和代码，# 不是标题。',
    '下一行',
    '项目 | 完成',
    '培训 | 4期',
    '县农业局',
  ]);
});
