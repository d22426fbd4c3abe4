// placeholder: blanks left from a template — X, XX, ×× (X市, 3月X日, 20XX年), runs of * (also
// where CommonMark read them as emphasis), 某某, ○○, □□, empty 【】 and notes such as 【待补充】.

import { allMatches, type Pattern } from '../user-pattern.js';
import { inSpans, type EmphasisInfo } from '../model/markdown.js';
import { proseLines, proseLinesWith, type LineInfo, type ReportModel } from '../model/report-model.js';
import { defineRule, localized } from '../rule.js';
import { trimEndWhere, trimStartWhere } from '../model/trim.js';
import { bareUrls, HAN_RANGES } from '../model/chars.js';

interface Hit {
  start: number;
  end: number;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CHINESE_PUNCT = /[\u3000-\u303f\uff00-\uffef“”‘’…—]/;
const DIGIT = /[0-9０-９]/;
const LATIN = /[A-Za-zＡ-Ｚａ-ｚ]/;
/** Words that start with X and are not blanks: X射线, X光, X线, X轴, X型, X染色体. */
const X_WORDS = ['射线', '光', '线', '轴', '型', '染色体'];

function isCjk(c: string | undefined): boolean {
  return c !== undefined && CJK.test(c);
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && DIGIT.test(c);
}

/** What a blank stands for; each kind is the id of the message that names it. */
type BlankKind = 'documentNumber' | 'year' | 'month' | 'day' | 'name' | 'number' | 'place' | 'content';

/** What the blank stands for, read from the words around it. */
function blankKind(text: string, start: number, end: number): BlankKind {
  if (inDocumentNumber(text, start, end)) return 'documentNumber';
  // Across spaces (`XX 公司`) and the rest of a joined blank (`x.x万`, `x-x月`).
  // A form's `______` is followed by the next field's label, not by what it stands for.
  let e = end;
  if (text[start] !== '_') while (e < text.length && (text[e] === ' ' || text[e] === '\u3000')) e++;
  const joined = /^[.\-~～][xXＸ×_#＊*]+/.exec(text.slice(e, e + 8));
  if (joined) e += joined[0].length;
  const after = text.slice(e, e + 4);
  const before = text.slice(Math.max(0, start - 2), start);
  if (/^年/.test(after)) return 'year';
  if (/^月/.test(after)) return 'month';
  if (/^[日号]/.test(after)) return 'day';
  if (/^(同志|书记|局长|主任|部长|县长|市长|镇长|乡长|村长|科长|处长|厅长|院长|校长|经理|老师|先生|女士)/.test(after)) return 'name';
  if (
    /^(人次|余|多|个|人|名|次|项|件|万|亿|千|百|元|平方|米|册|篇|本|期|家|户|场|条|份|所|批|天|小时|公里|亩|吨|%|％|倍|届|支|座|台|辆|套|张|例|起|位|年度|周|轮|课时|学时)/.test(after) ||
    /[0-9０-９]$/.test(before) ||
    (/(共|约|近|达|超|逾|计|第|了|过)$/.test(before) && !/中共$/.test(before))
  ) {
    return 'number';
  }
  if (/^(省|市|县|区|镇|乡|村|州|局|街道|社区|公司|分公司|分行|支行|单位|部门|委|办|厅|处|科|股|室|中心|医院|学校|小学|中学|大学|集团|银行|路|街|高速|基地|园|厂|企业|协会|学院|支部|党委|党组)/.test(after)) {
    return 'place';
  }
  return 'content';
}

/** A document number such as x发〔20××〕5号 or 〔2023〕x号, blanks included. */
const DOCUMENT_NUMBER = new RegExp(`[${HAN_RANGES}xXＸ×]{0,8}[〔\\[［][0-9０-９xXＸ×_]{2,4}[〕\\]］][0-9０-９xXＸ×_]{1,5}号`, 'g');

/** Whether [start, end) lies inside a document number (文号): its blank is the number, not a date. */
function inDocumentNumber(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 16);
  const window = text.slice(from, Math.min(text.length, end + 16));
  if (!window.includes('号')) return false;
  DOCUMENT_NUMBER.lastIndex = 0;
  for (const m of window.matchAll(DOCUMENT_NUMBER)) {
    if (from + m.index <= start && end <= from + m.index + m[0].length) return true;
  }
  return false;
}

const X_RUN = /[XＸ×]+/g;
/** Lowercase blanks: x, xx, xxx (20xx年, x月x日, xx区, x.x个百分点). */
const LOWER_X_RUN = /x+/g;
const UNDERSCORE_RUN = /_+/g;
const HASH_RUN = /#+/g;
/** Operators around a lowercase x that make it a variable (3x+1, y=2x), not a blank. */
const MATH_OPERATOR = /[+=^*/<>]/;
const STAR_RUN = /\*+/g;
const FULL_STAR = /＊+/g;
const MOUMOU = /某某+/g;
const BOXES = /[○□]{2,}/g;
const BRACKET_EMPTY = /【[ \t\u3000]*】/g;
const BRACKET_NOTE = /【[^】\r\n]{0,30}?(待补充|待填|待定|填写|此处|请输入|请填|插入|补充完整)[^】\r\n]{0,30}】/g;
const PAREN_NOTE = /[（(](此处|请在此|请填|待补充|待填写)[^）)\r\n]{0,40}[）)]/g;
/** The first characters of every built-in blank below. */
const BLANK_STARTS = /[XＸ×x_#＊*某○□【（(]/g;

export const placeholder = defineRule({
  meta: {
    id: 'placeholder',
    name: localized('占位符', 'placeholder'),
    description: localized('未填写的模板占位符：X、XX、***、某某、X月X日、【待补充】等', 'Unfilled template placeholders: X, XX, ***, 某某, X月X日, 【待补充】…'),
    category: 'blank',
    defaultSeverity: 'error',
    docs: 'docs/rules/placeholder.md',
    fixable: false,
    fixNote: localized('应填写什么，只有作者知道', 'only the writer knows what goes there'),
    // One message per kind of blank (blankKind), each naming what to fill in.
    messages: {
      documentNumber: { 'zh-CN': '未填写的占位符「{blank}」：此处应填写文号（机关代字、年份或序号）', en: 'Unfilled placeholder "{blank}": fill in the document number (issuer code, year or serial number)' },
      year: { 'zh-CN': '未填写的占位符「{blank}」：此处应填写年份', en: 'Unfilled placeholder "{blank}": fill in a year' },
      month: { 'zh-CN': '未填写的占位符「{blank}」：此处应填写月份', en: 'Unfilled placeholder "{blank}": fill in a month' },
      day: { 'zh-CN': '未填写的占位符「{blank}」：此处应填写日期', en: 'Unfilled placeholder "{blank}": fill in a day' },
      name: { 'zh-CN': '未填写的占位符「{blank}」：此处应填写人名', en: 'Unfilled placeholder "{blank}": fill in a name' },
      number: { 'zh-CN': '未填写的占位符「{blank}」：此处应填写数字', en: 'Unfilled placeholder "{blank}": fill in a number' },
      place: { 'zh-CN': '未填写的占位符「{blank}」：此处应填写名称（地名或单位名）', en: 'Unfilled placeholder "{blank}": fill in a place or unit name' },
      content: { 'zh-CN': '未填写的占位符「{blank}」：此处应填写内容', en: 'Unfilled placeholder "{blank}": fill in the missing text' },
    },
  },
  check({ model, config, report }) {
    const text = model.text;
    for (const h of findPlaceholders(model, config.placeholders.extra, config.placeholders.allow)) {
      report({ start: h.start, end: h.end, messageId: blankKind(text, h.start, h.end), data: { blank: text.slice(h.start, h.end) } });
    }
  },
});

export function findPlaceholders(model: ReportModel, extra: readonly Pattern[] = [], allow: readonly string[] = []): Hit[] {
  const { text, md } = model;
  const delimiters = delimiterMap(md.emphasis);
  const formatting = new Map<EmphasisInfo, boolean>();
  const hits: Hit[] = [];
  const found: Hit[] = [];
  const add = (start: number, end: number) => found.push({ start, end });
  // Without configured patterns, only lines holding a character a blank starts with can hold one.
  const candidates = extra.length > 0 ? proseLines(model) : proseLinesWith(model, BLANK_STARTS);
  for (const line of candidates) {
    const s = line.text;
    const base = line.start;
    found.length = 0;

    // Most lines hold none of the characters a blank is written with: each scan runs only on a
    // line that has its first character.
    if (s.includes('X') || s.includes('Ｘ') || s.includes('×')) {
      for (const m of s.matchAll(X_RUN)) {
        const start = base + m.index;
        const end = start + m[0].length;
        const before = text[start - 1];
        const after = text[end];
        if (LATIN.test(before ?? '') || LATIN.test(after ?? '')) continue;
        // 3×4 is a product, not a blank; 〔20××〕 is a blank.
        if (m[0] === '×' && isDigit(nonSpaceBefore(text, start)) && isDigit(nonSpaceAfter(text, end))) continue;
        if (!nearBlankText(text, start, end) && !inDateBlank(text, start, end)) continue;
        if (m[0].length === 1 && X_WORDS.some((w) => text.startsWith(w, end))) continue;
        add(start, end);
      }
    }
    if (s.includes('x')) {
      for (const m of s.matchAll(LOWER_X_RUN)) {
        const start = base + m.index;
        const end = start + m[0].length;
        if (isLowerXBlank(text, start, end)) add(start, end);
      }
    }
    if (s.includes('_')) {
      let marks: MarkLine | undefined;
      for (const m of s.matchAll(UNDERSCORE_RUN)) {
        const start = base + m.index;
        const end = start + m[0].length;
        const before = text[start - 1];
        const after = text[end];
        // snake_case, file_name.md
        if (LATIN.test(before ?? '') || LATIN.test(after ?? '') || isDigit(before) && LATIN.test(nonSpaceAfter(text, end) ?? '')) continue;
        marks ??= markLine(text, line.start, line.contentStart, line.end, '_');
        if (isMarkPlaceholder(model, marks, start, end, delimiters, formatting, '_')) add(start, end);
      }
    }
    if (s.includes('#')) {
      for (const m of s.matchAll(HASH_RUN)) {
        const start = base + m.index;
        const end = start + m[0].length;
        if (isHashBlank(text, line, start, end)) add(start, end);
      }
    }
    if (s.includes('＊')) for (const m of s.matchAll(FULL_STAR)) add(base + m.index, base + m.index + m[0].length);
    if (s.includes('*')) {
      let stars: MarkLine | undefined;
      for (const m of s.matchAll(STAR_RUN)) {
        const start = base + m.index;
        const end = start + m[0].length;
        // x**2, 2**10: a power between Latin letters or digits.
        const b = text[start - 1];
        const a = text[end];
        if ((LATIN.test(b ?? '') || isDigit(b)) && (LATIN.test(a ?? '') || isDigit(a))) continue;
        stars ??= markLine(text, line.start, line.contentStart, line.end, '*');
        if (isMarkPlaceholder(model, stars, start, end, delimiters, formatting, '*')) add(start, end);
      }
    }
    if (s.includes('某某')) for (const m of s.matchAll(MOUMOU)) add(base + m.index, base + m.index + m[0].length);
    if (s.includes('○') || s.includes('□')) {
      for (const m of s.matchAll(BOXES)) {
        const start = base + m.index;
        const end = start + m[0].length;
        // 二○○八年: ○ used for 〇 in a date.
        if (m[0].includes('○') && (/[一二三四五六七八九〇零○]/.test(text[start - 1] ?? '') || /^[一二三四五六七八九〇零○]*年/.test(text.slice(end, end + 5)))) continue;
        add(start, end);
      }
    }
    if (s.includes('【')) {
      for (const m of s.matchAll(BRACKET_EMPTY)) add(base + m.index, base + m.index + m[0].length);
      for (const m of s.matchAll(BRACKET_NOTE)) add(base + m.index, base + m.index + m[0].length);
    }
    if (s.includes('（') || s.includes('(')) for (const m of s.matchAll(PAREN_NOTE)) add(base + m.index, base + m.index + m[0].length);
    for (const p of extra) for (const m of allMatches(p, s)) add(base + m.index, base + m.end);

    if (found.length === 0) continue;
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const allowedSpans = allowedIn(s, base, allow);
    let lastEnd = -1;
    for (const h of found) {
      if (h.start < lastEnd) continue;
      if (inSpans(md.excluded, h.start) || inSpans(md.urls, h.start) || inSpans(bareUrls(model), h.start)) continue;
      if (allowedSpans.length > 0 && allowedSpans.some((a) => a.start <= h.start && h.end <= a.end)) continue;
      hits.push(h);
      lastEnd = h.end;
    }
  }
  return hits;
}

/** Where the allowed words stand in a line (each word found once per occurrence). */
function allowedIn(line: string, base: number, allow: readonly string[]): Hit[] {
  const spans: Hit[] = [];
  for (const word of allow) {
    if (!word) continue;
    for (let i = line.indexOf(word); i >= 0; i = line.indexOf(word, i + 1)) spans.push({ start: base + i, end: base + i + word.length });
  }
  return spans;
}

/** Offsets of emphasis delimiter characters → the node they belong to. */
function delimiterMap(emphasis: readonly EmphasisInfo[]): Map<number, EmphasisInfo> {
  const map = new Map<number, EmphasisInfo>();
  for (const e of emphasis) {
    for (let i = 0; i < e.size; i++) {
      map.set(e.start + i, e);
      map.set(e.end - 1 - i, e);
    }
  }
  return map;
}

const SENTENCE_PUNCT = /[。！？；!?;]/;
/** Clause marks inside an emphasis that a writer's bold of a short phrase does not hold. */
const CLAUSE_PUNCT = /[，,：:；;、]/;
/** Measure words and units a number blank stands before (宣讲**场, 群众**余人). */
const MEASURE_AFTER = /^(余|多|个|名|人|次|场|项|件|家|户|万|亿|千|百|元|%|％|篇|期|批|所|条|份|支|座|台|套|张|例|起|位|天|亩|吨|公里|平方|倍|届|轮|课时|学时|人次)/;

/** Place and unit characters a censored name ends with. */
const PLACE_CHAR = /[省市县区镇乡村局委州]/;

/** The same after a closing run, where a writer's bold may also be followed by 人, 名, 家…: fewer. */
const MEASURE_AFTER_CLOSE = /^(余|个|人次|场|项|万|亿|元|%|％|篇|期|批|次)/;

function nonSpaceBefore(text: string, offset: number): string | undefined {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u3000')) i--;
  return i >= 0 ? text[i] : undefined;
}
function nonSpaceAfter(text: string, offset: number): string | undefined {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\u3000')) i++;
  return text[i];
}

const nearText = (c: string | undefined) => isCjk(c) || isDigit(c) || (c !== undefined && CHINESE_PUNCT.test(c));

/** A blank's neighbours are Chinese text, digits or Chinese punctuation, directly or across a
 * space (`XX 公司 XX 分公司`); a Latin letter on either side, across a space too, makes it a word
 * (`iPhone X 和`). */
function nearBlankText(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  if (nearText(before) || nearText(after)) return true;
  const spacedBefore = nonSpaceBefore(text, start);
  const spacedAfter = nonSpaceAfter(text, end);
  if (LATIN.test(spacedBefore ?? '') || LATIN.test(spacedAfter ?? '')) return false;
  const spaced = (c: string | undefined) => c === ' ' || c === '\u3000';
  return (spaced(before) && isCjk(spacedBefore)) || (spaced(after) && isCjk(spacedAfter));
}

/** A blank between the separators of a date: 201X/X/XX, 20XX-X-X. */
function inDateBlank(text: string, start: number, end: number): boolean {
  const part = (c: string | undefined) => isDigit(c) || c === 'X' || c === 'Ｘ' || c === '×';
  const sep = (c: string | undefined) => c === '/' || c === '-' || c === '.';
  return (sep(text[start - 1]) && part(text[start - 2])) || (sep(text[end]) && part(text[end + 1]));
}

/**
 * Lowercase x as a blank: `20xx年`, `x月x日`, `营收xx万元`, `x.x个百分点`, `x-x月`, `GDPxxxx万元`.
 * Not a blank: a Latin word (`box`, `index`, `xlsx`), `x86`, a product `3x4`, a variable in a
 * formula (`3x+1`, `y=2x`), `x光`.
 */
function isLowerXBlank(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  const runLength = end - start;
  if (LATIN.test(after ?? '')) return false;
  if (LATIN.test(before ?? '')) {
    // An upper-case abbreviation before a run of blanks: GDPxxxx万元.
    if (runLength < 2 || !/[A-Z]/.test(before ?? '') || !(isCjk(after) || isDigit(after) || after === '%')) return false;
    let a = start - 1;
    while (a > 0 && /[A-Z]/.test(text[a - 1])) a--;
    if (a > 0 && LATIN.test(text[a - 1])) return false;
  }
  if (isDigit(after)) return false;
  if (isDigit(before) && runLength === 1 && !isCjk(after)) return false;
  // xxx**市**: a run of blanks beside a ** blank or bold place word, not x**2.
  const starsBefore = before === '*' && text[start - 2] === '*' && isCjk(text[start - 3]);
  const starsAfter = after === '*' && text[end + 1] === '*' && isCjk(text[end + 2]) && !isDigit(before) && !LATIN.test(before ?? '');
  if ((MATH_OPERATOR.test(before ?? '') && !starsBefore) || (MATH_OPERATOR.test(after ?? '') && !starsAfter)) return false;
  // x-x月 and x.x万: a blank on each side of the mark.
  const joined = (c: string | undefined, next: string | undefined) => (c === '-' || c === '.' || c === '~' || c === '～') && next === 'x';
  if (before === '-' || before === '.') {
    if (text[start - 2] !== 'x') return false;
  }
  if (after === '-' || after === '.') {
    if (!joined(after, text[end + 1]) && !isCjk(before) && !isDigit(before)) return false;
  }
  if (!starsBefore && !starsAfter && !nearBlankText(text, start, end) && !joined(after, text[end + 1]) && !(before === '-' || before === '.')) return false;
  if (runLength === 1 && X_WORDS.some((w) => text.startsWith(w, end))) return false;
  return true;
}

/**
 * `#` inside a line as a blank: `由##主任主持`, `在##社区`. Not: the opening or closing run of an
 * ATX heading, `C#`, `3#楼`, `#1`, a topic tag `#两会#`, and a line-start run that only looks
 * like a heading written without its space, unless the words after it name what is missing.
 */
function isHashBlank(text: string, line: LineInfo, start: number, end: number): boolean {
  if (line.heading && start < line.contentStart) return false;
  const before = text[start - 1];
  const after = text[end];
  if (LATIN.test(before ?? '') || LATIN.test(after ?? '') || before === '&') return false;
  if (end - start === 1 && (isDigit(before) || isDigit(after))) return false;
  if (!(nearText(before) || nearText(after))) return false;
  if (end - start === 1) {
    // #两会#: a topic tag between two single #.
    const close = text.indexOf('#', end);
    if (close > end && close - end <= 15 && close < line.end && text[close + 1] !== '#' && !/[\s#]/.test(text.slice(end, close))) return false;
    const open = text.lastIndexOf('#', start - 1);
    if (open >= line.start && start - open <= 16 && text[open - 1] !== '#' && !/[\s#]/.test(text.slice(open + 1, start))) return false;
  }
  // At the start of a line, `##标题` may be a heading without its space.
  let first = line.contentStart;
  while (first < line.end && (text[first] === ' ' || text[first] === '\t' || text[first] === '\u3000')) first++;
  if (start <= first) return blankKind(text, start, end) !== 'content';
  return true;
}

/** What the test of a `*` or `_` run needs of its line, computed once per line that has one. */
interface MarkLine {
  lineStart: number;
  contentStart: number;
  /** The line is a thematic break (`***`, `* * *`, `___`). */
  thematic: boolean;
  /** The line's text from its opening `**` on, trimmed, without outer marks. */
  bare: string;
  /** Offsets of the two `**` of a bold CommonMark cannot close (`**（一）加强学习。**今年`). */
  unclosedBold: number[];
}

/** Per mark: the bold CommonMark cannot close at a line start, and a thematic break line. */
const MARK_PATTERNS = {
  // The bold may open a heading's text too (`### **（一）加强学习。**今年…`, as a Word import writes an outline level).
  '*': { unclosed: /^([ \t\u3000>]*(?:#{1,6}[ \t]+)?)\*\*([^*\r\n]{1,40}?[。：:！？；，、）”])\*\*/, thematic: /^[ \t>]*(\*[ \t]*){3,}$/, isMark: (c: string) => c === '*' },
  _: { unclosed: /^([ \t\u3000>]*(?:#{1,6}[ \t]+)?)__([^_\r\n]{1,40}?[。：:！？；，、）”])__/, thematic: /^[ \t>]*(_[ \t]*){3,}$/, isMark: (c: string) => c === '_' },
};

function markLine(text: string, lineStart: number, contentStart: number, lineEnd: number, mark: '*' | '_'): MarkLine {
  const line = text.slice(lineStart, lineEnd);
  const { unclosed, thematic, isMark } = MARK_PATTERNS[mark];
  const from = contentStart - (text.startsWith(mark + mark, contentStart - 2) ? 2 : 0);
  const unclosedBold: number[] = [];
  const m = unclosed.exec(line);
  if (m) {
    const open = lineStart + m[1].length;
    if (open <= contentStart) unclosedBold.push(open, open + 2 + m[2].length);
  }
  return {
    lineStart,
    contentStart,
    thematic: thematic.test(line),
    bare: trimStartWhere(trimEndWhere(text.slice(from, lineEnd).trim(), isMark), isMark),
    unclosedBold,
  };
}

/**
 * A run of `*` or `_` is a placeholder unless it is Markdown emphasis that looks like formatting:
 * `**重点**` (a short phrase), not `全市***个党组织……党员***名` nor a pair of `**` that
 * CommonMark matched across sentences (`中共**县……提供**力量`) or around a blank
 * (`宣讲**场，覆盖群众**余人`).
 */
function isMarkPlaceholder(model: ReportModel, line: MarkLine, start: number, end: number, delimiters: Map<number, EmphasisInfo>, formatting: Map<EmphasisInfo, boolean>, mark: '*' | '_'): boolean {
  const text = model.text;
  const before = text[start - 1];
  const after = text[end];
  // A thematic break or a bullet marker.
  if (line.thematic) return false;
  if (mark === '*' && model.md.bulletItemStarts.has(start) && (after === ' ' || after === '\t')) return false;
  if (!nearText(before) && !nearText(after)) {
    // A form's blank between spaces (`撰写人: ______`).
    if (mark === '_') {
      if (!isFormBlank(text, start, end)) return false;
    } else if (start > line.contentStart) {
      // `**一、总述**` at a line start: the run sits before the content.
      return false;
    }
  }
  const nodes = new Set<EmphasisInfo>();
  let covered = 0;
  for (let o = start; o < end; o++) {
    const node = delimiters.get(o);
    if (node) {
      nodes.add(node);
      covered++;
    }
  }
  // Literal marks are blanks, except the two of a bold CommonMark could not close, and a
  // `__加粗__` the writer meant as bold between Chinese words (CommonMark reads `_` inside words
  // literally), unless the words around a run name what is missing (`__村位于__镇南部`).
  if (covered < end - start) {
    if (end - start === 2 && line.unclosedBold.includes(start)) return false;
    if (mark === '_' && end - start >= 2 && meantAsBold(text, start, end)) return false;
    return true;
  }
  for (const node of nodes) {
    let plausible = formatting.get(node);
    if (plausible === undefined) {
      plausible = looksLikeFormatting(text, node, line, mark);
      formatting.set(node, plausible);
    }
    if (!plausible) return true;
    // ***…*** is formatting only around a whole line (a bold-italic heading).
    if (end - start >= 3 && line.bare !== text.slice(node.start, node.end).replace(/[*_]+/g, '')) return true;
  }
  return false;
}

/** A form's blank: three or more `_` after a label across spaces (`撰写人: ______ 日期: ______`). */
function isFormBlank(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const b = nonSpaceBefore(text, start);
  return b === ':' || b === '：' || (isCjk(b) && (text[start - 1] === ' ' || text[start - 1] === '\u3000'));
}

/** `__加粗__`: two equal runs of `_` around a short phrase without punctuation, in one line, where
 * neither run reads as a blank from the words beside it. */
function meantAsBold(text: string, start: number, end: number): boolean {
  const size = end - start;
  const pair = (open: number, close: number) => {
    const inner = text.slice(open + size, close);
    if (inner.length === 0 || inner.length > 20 || /[\r\n_]/.test(inner) || CLAUSE_PUNCT.test(inner) || SENTENCE_PUNCT.test(inner)) return false;
    if (markRunLength(text, open, '_') !== size || markRunLength(text, close, '_') !== size) return false;
    return blankKind(text, open, open + size) === 'content' && blankKind(text, close, close + size) === 'content';
  };
  const next = text.indexOf('_'.repeat(size), end);
  if (next > end && next - end <= 20 && pair(start, next)) return true;
  const prev = text.lastIndexOf('_'.repeat(size), start - 1);
  if (prev >= 0 && start - prev - size <= 20 && prev + size <= start && pair(prev, start)) return true;
  return false;
}

/** Whether an emphasis node reads as a writer's formatting of a short phrase. */
function looksLikeFormatting(text: string, node: EmphasisInfo, line: MarkLine, mark: '*' | '_'): boolean {
  // `**县***工作`: delimiter runs of unequal length around a node are not a writer's formatting.
  if (markRunLength(text, node.start, mark) !== markRunLength(text, node.end - 1, mark)) return false;
  if (node.end - node.start > 80) return false;
  const inner = text.slice(node.start + node.size, node.end - node.size);
  if (/[\r\n]/.test(inner)) return false;
  const body = inner.replace(/[*_]+/g, '');
  if (SENTENCE_PUNCT.test(body.slice(0, -1)) || body.length > 30) return false;
  if (node.size === 1 && CJK.test(body)) {
    // Italics do not exist in Chinese typesetting: *期* between Chinese words is a blank.
    if (isCjk(text[node.start - 1]) || isCjk(text[node.end])) return false;
  }
  const before = text[node.start - 1];
  const after = text[node.end];
  // One place character in bold before more Chinese (**县**镇党委): two blanks, not emphasis.
  if (body.length === 1 && PLACE_CHAR.test(body) && isCjk(after)) return false;
  // The marks stand where a number was: 开展宣讲**场 (a measure word right after the opening
  // run, mid-word) or 覆盖群众**余人 (one right after the closing run).
  if (isCjk(before) && MEASURE_AFTER.test(body)) return false;
  if (isCjk(body[body.length - 1]) && MEASURE_AFTER_CLOSE.test(text.slice(node.end, node.end + 2))) return false;
  // Mid-word on both sides around a clause break: 开展**员活动：组织各类**员活动.
  if (isCjk(after) && isCjk(body[body.length - 1]) && CLAUSE_PUNCT.test(body.slice(1, -1)) && (isCjk(before) || node.start <= line.contentStart)) return false;
  return true;
}

/** Length of the run of `mark` that holds `offset`. */
function markRunLength(text: string, offset: number, mark: string): number {
  let a = offset;
  let b = offset;
  while (a > 0 && text[a - 1] === mark) a--;
  while (b < text.length && text[b] === mark) b++;
  return b - a;
}
