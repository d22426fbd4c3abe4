// placeholder: blanks left from a template — X, XX, ×× (X市, 3月X日, 20XX年), runs of * (also
// where CommonMark read them as emphasis), 某某, ○○, □□, empty 【】 and notes such as 【待补充】.

import { inSpans, type EmphasisInfo } from '../model/markdown.js';
import { proseLines, proseLinesWith, type ReportModel } from '../model/report-model.js';
import { msg, type Rule } from '../rule.js';
import { trimEndWhere, trimStartWhere } from '../model/trim.js';
import type { Message } from '../types.js';

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

/** What the blank stands for, read from the words around it. */
export function describeBlank(text: string, start: number, end: number): Message {
  const after = text.slice(end, end + 4);
  const before = text.slice(Math.max(0, start - 2), start);
  if (/^年/.test(after)) return msg('年份', 'a year');
  if (/^月/.test(after)) return msg('月份', 'a month');
  if (/^[日号]/.test(after)) return msg('日期', 'a day');
  if (/^(同志|书记|局长|主任|部长|县长|市长|镇长|乡长|村长|科长|处长|厅长|院长|校长|经理|老师|先生|女士)/.test(after)) return msg('人名', 'a name');
  if (
    /^(人次|余|多|个|人|名|次|项|件|万|亿|千|百|元|平方|米|册|篇|本|期|家|户|场|条|份|所|批|天|小时|公里|亩|吨|%|％|倍|届|支|座|台|辆|套|张|例|起|位|年度|周|轮|课时|学时)/.test(after) ||
    /[0-9０-９]$/.test(before) ||
    (/(共|约|近|达|超|逾|计|第|了|过)$/.test(before) && !/中共$/.test(before))
  ) {
    return msg('数字', 'a number');
  }
  if (/^(省|市|县|区|镇|乡|村|州|局|街道|社区|公司|单位|部门|委|办|厅|处|科|股|室|中心|医院|学校|小学|中学|大学|集团|银行|路|街|高速|基地|园|厂|企业|协会|学院|支部|党委|党组)/.test(after)) {
    return msg('名称（地名或单位名）', 'a place or unit name');
  }
  return msg('内容', 'the missing text');
}

const X_RUN = /[XＸ×]+/g;
const STAR_RUN = /\*+/g;
const FULL_STAR = /＊+/g;
const MOUMOU = /某某+/g;
const BOXES = /[○□]{2,}/g;
const BRACKET_EMPTY = /【[ \t\u3000]*】/g;
const BRACKET_NOTE = /【[^】\r\n]{0,30}?(待补充|待填|待定|填写|此处|请输入|请填|插入|补充完整)[^】\r\n]{0,30}】/g;
const PAREN_NOTE = /[（(](此处|请在此|请填|待补充|待填写)[^）)\r\n]{0,40}[）)]/g;
const URL = /(https?:\/\/|www\.)[^\s，。；）)】」]+/g;
/** The first characters of every built-in blank below. */
const BLANK_STARTS = /[XＸ×＊*某○□【（(]/g;

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    description: msg('未填写的模板占位符：X、XX、***、某某、X月X日、【待补充】等', 'Unfilled template placeholders: X, XX, ***, 某某, X月X日, 【待补充】…'),
    defaultSeverity: 'error',
    docs: 'docs/rules/placeholder.md',
    fixable: false,
  },
  check({ model, config, report }) {
    const hits = findPlaceholders(model, config.placeholders.extra, config.placeholders.allow);
    for (const h of hits) {
      const written = model.text.slice(h.start, h.end);
      const what = describeBlank(model.text, h.start, h.end);
      report({
        start: h.start,
        end: h.end,
        message: msg(`未填写的占位符「${written}」：此处应填写${what['zh-CN']}`, `Unfilled placeholder "${written}": fill in ${what.en}`),
      });
    }
  },
};

export function findPlaceholders(model: ReportModel, extra: readonly RegExp[] = [], allow: readonly string[] = []): Hit[] {
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
        // 3×4 is a product, not a blank.
        if (m[0].includes('×') && (isDigit(before) || isDigit(after))) continue;
        if (!(isCjk(before) || isCjk(after) || isDigit(before) || isDigit(after) || CHINESE_PUNCT.test(before ?? '') || CHINESE_PUNCT.test(after ?? ''))) continue;
        if (m[0].length === 1 && X_WORDS.some((w) => text.startsWith(w, end))) continue;
        add(start, end);
      }
    }
    if (s.includes('＊')) for (const m of s.matchAll(FULL_STAR)) add(base + m.index, base + m.index + m[0].length);
    if (s.includes('*')) {
      let stars: StarLine | undefined;
      for (const m of s.matchAll(STAR_RUN)) {
        const start = base + m.index;
        const end = start + m[0].length;
        stars ??= starLine(text, line.start, line.contentStart, line.end);
        if (isStarPlaceholder(model, stars, start, end, delimiters, formatting)) add(start, end);
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
    for (const re of extra) {
      const global = re.global ? re : new RegExp(re.source, re.flags + 'g');
      for (const m of s.matchAll(global)) if (m[0].length > 0) add(base + m.index, base + m.index + m[0].length);
    }

    if (found.length === 0) continue;
    const urls: Hit[] = [];
    for (const m of s.matchAll(URL)) urls.push({ start: base + m.index, end: base + m.index + m[0].length });
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const allowedSpans = allowedIn(s, base, allow);
    let lastEnd = -1;
    for (const h of found) {
      if (h.start < lastEnd) continue;
      if (inSpans(md.excluded, h.start) || inSpans(md.urls, h.start) || inSpans(urls, h.start)) continue;
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
const isStar = (c: string): boolean => c === '*';

/** What the star test needs of a line, computed once per line that has a `*`. */
interface StarLine {
  lineStart: number;
  contentStart: number;
  /** The line is a thematic break (`***`, `* * *`). */
  thematic: boolean;
  /** The line's text from its opening `**` on, trimmed, without outer stars. */
  bare: string;
  /** Offsets of the two `**` of a bold CommonMark cannot close (`**（一）加强学习。**今年`). */
  unclosedBold: number[];
}

function starLine(text: string, lineStart: number, contentStart: number, lineEnd: number): StarLine {
  const line = text.slice(lineStart, lineEnd);
  const from = contentStart - (text.startsWith('**', contentStart - 2) ? 2 : 0);
  const unclosedBold: number[] = [];
  const m = /^([ \t\u3000>]*)\*\*([^*\r\n]{1,40}?[。：:！？；，、）”])\*\*/.exec(line);
  if (m) {
    const open = lineStart + m[1].length;
    if (open <= contentStart) unclosedBold.push(open, open + 2 + m[2].length);
  }
  return {
    lineStart,
    contentStart,
    thematic: /^[ \t>]*(\*[ \t]*){3,}$/.test(line),
    bare: trimStartWhere(trimEndWhere(text.slice(from, lineEnd).trim(), isStar), isStar),
    unclosedBold,
  };
}

/**
 * A run of `*` is a placeholder unless it is Markdown emphasis that looks like formatting:
 * `**重点**` (a short phrase), not `全市***个党组织……党员***名` nor a pair of `**` that
 * CommonMark matched across sentences (`中共**县……提供**力量`).
 */
function isStarPlaceholder(model: ReportModel, line: StarLine, start: number, end: number, delimiters: Map<number, EmphasisInfo>, formatting: Map<EmphasisInfo, boolean>): boolean {
  const text = model.text;
  const before = text[start - 1];
  const after = text[end];
  // A thematic break or a bullet marker.
  if (line.thematic) return false;
  if (model.md.bulletItemStarts.has(start) && (after === ' ' || after === '\t')) return false;
  const nearText = (c: string | undefined) => isCjk(c) || isDigit(c) || (c !== undefined && CHINESE_PUNCT.test(c));
  // `**一、总述**` at a line start: the run sits before the content.
  if (!nearText(before) && !nearText(after) && start > line.contentStart) return false;
  const nodes = new Set<EmphasisInfo>();
  let covered = 0;
  for (let o = start; o < end; o++) {
    const node = delimiters.get(o);
    if (node) {
      nodes.add(node);
      covered++;
    }
  }
  // Literal stars are blanks, except the two of a bold CommonMark could not close.
  if (covered < end - start) return !(end - start === 2 && line.unclosedBold.includes(start));
  for (const node of nodes) {
    let plausible = formatting.get(node);
    if (plausible === undefined) {
      plausible = looksLikeFormatting(text, node);
      formatting.set(node, plausible);
    }
    if (!plausible) return true;
    // ***…*** is formatting only around a whole line (a bold-italic heading).
    if (end - start >= 3 && line.bare !== text.slice(node.start, node.end).replace(/[*_]+/g, '')) return true;
  }
  return false;
}

/** Whether an emphasis node reads as a writer's formatting of a short phrase. */
function looksLikeFormatting(text: string, node: EmphasisInfo): boolean {
  // `**县***工作`: delimiter runs of unequal length around a node are not a writer's formatting.
  if (starRunLength(text, node.start) !== starRunLength(text, node.end - 1)) return false;
  if (node.end - node.start > 80) return false;
  const inner = text.slice(node.start + node.size, node.end - node.size);
  if (/[\r\n]/.test(inner)) return false;
  const body = inner.replace(/[*_]+/g, '');
  if (SENTENCE_PUNCT.test(body.slice(0, -1)) || body.length > 30) return false;
  if (node.size === 1 && CJK.test(body)) {
    // Italics do not exist in Chinese typesetting: *期* between Chinese words is a blank.
    if (isCjk(text[node.start - 1]) || isCjk(text[node.end])) return false;
  }
  return true;
}

/** Length of the run of `*` that holds `offset`. */
function starRunLength(text: string, offset: number): number {
  let a = offset;
  let b = offset;
  while (a > 0 && text[a - 1] === '*') a--;
  while (b < text.length && text[b] === '*') b++;
  return b - a;
}
