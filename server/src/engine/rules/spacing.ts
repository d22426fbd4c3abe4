// spacing: stray spaces in Chinese text. Chinese is written without spaces between words, after a
// section marker (二、强化), around full-width punctuation (which carries its own spacing) or
// between a number and the Chinese word it belongs to (2023年, 5个). Spaces a Markdown source
// needs (indentation, `1. ` list items, headings, table padding, emphasis), spaces in English
// text, code and URLs, and a space between a Chinese word and a Latin one (使用 Word 软件, an
// accepted style) are left alone. Between two Chinese characters a space is also how titles,
// name lists and form labels are separated (姓 名, 张三 李四, 工作总结 一年来): it is reported only
// inside a sentence that goes on after it, in the middle of a clause, and not a few characters
// from another such space.

import { isCnClose, isCnOpen, isDigit, isEnglishLine, isHan, isLatin, markerSpans, TextMask } from '../model/chars.js';
import { inSpans } from '../model/markdown.js';
import { readMarker } from '../model/markers.js';
import { alternation, TITLE_WORDS } from '../model/words.js';
import { defineRule, localized } from '../rule.js';
import { proseLinesWith, type LineInfo } from '../model/report-model.js';

/** A line can hold a finding only with a space between two other characters. */
const HAS_SPACE = /[^\s][ \t\u00a0]+[^\s]/g;
const SPACE_RUN = /[ \t\u00a0]+/g;
/** Full-width marks inside a sentence, after which a space is stray (not 。！？: a space there is
 * often a paragraph break lost in copying, which removing it would not restore). */
const CLAUSE_MARKS = new Set([...'，、；：']);
/** Marks a space may not stand before. */
const MARKS_BEFORE = new Set([...'，、；：。？！…']);
const SENTENCE_END = new Set([...'。！？!?']);
/** Two spaces between Chinese characters closer than this separate the items of a list. */
const LIST_ITEM_MAX = 12;
const SENTENCE_CLOSE = new Set([...'。！？；!?;']);
const CLAUSE_ANY = new Set([...'，、；：,;:']);
const COLONS = new Set([...'：:']);
/** How a title ends: 工作总结, 述职报告, 工作计划 … (TITLE_WORDS), and other kinds of document. */
const TITLE_END = new RegExp(`(?:${alternation([...TITLE_WORDS, '方案', '意见', '材料', '通知', '纪要', '规划', '打算', '思路', '小结'])})$`);
/** Characters a number token runs over: 1,200 3.5 75%. */
const NUMBER_CHAR = /[0-9.,%‰]/;
/** Next to a number, these make it a code, date, time or version (2025-06-30 10:30, v2.0, #5). */
const CODE_NEIGHBOUR = new Set([...'-:/_.#@+=\\']);

const MESSAGES = {
  afterMarker: { 'zh-CN': '序号「{marker}」后不加空格', en: 'No space after the section marker "{marker}"' },
  betweenHan: { 'zh-CN': '中文行文中多了空格：「{written}」', en: 'Stray space in Chinese text: "{written}"' },
  aroundNumber: { 'zh-CN': '数字与汉字之间不加空格：「{written}」', en: 'No space between a number and the Chinese text: "{written}"' },
  aroundMark: { 'zh-CN': '全角标点前后不加空格：「{written}」', en: 'No space next to a full-width punctuation mark: "{written}"' },
  removeSpace: { 'zh-CN': '删去空格', en: 'Remove the space' },
} as const;

type Kind = 'afterMarker' | 'betweenHan' | 'aroundNumber' | 'aroundMark';

interface Found {
  start: number;
  end: number;
  kind: Kind;
  /** The marker (afterMarker) or the space with two characters either side. */
  written: string;
}

export const spacing = defineRule({
  meta: {
    id: 'spacing',
    name: localized('多余空格', 'stray spaces'),
    description: localized(
      '中文行文中不加空格：汉字之间、序号后、全角标点前后、数字与汉字之间（中文与英文单词之间的空格不报告）',
      'No spaces in Chinese text: between Chinese characters, after section markers, next to full-width marks, between numbers and Chinese words (a space next to a Latin word is accepted)',
    ),
    category: 'spacing',
    defaultSeverity: 'warning',
    docs: 'docs/rules/spacing.md',
    fixable: true,
    fixNote: localized('删去空格', 'removes the space'),
    messages: MESSAGES,
  },
  check({ model, report }) {
    const text = model.text;
    const mask = new TextMask(model);
    const markers = markerSpans(model);
    /** A site's omission marker (……此处隐藏N个字……) starts here: the space before it is the site's. */
    const omissions = new Set(model.omissions);
    /** Where section markers end, and the marker: a space there is stray unless it is Markdown's own (`1. ` opens a list item). */
    const markerEnds = new Map<number, string>();
    for (const n of model.numbered) {
      if (n.marker.missing) continue;
      if (/^[0-9]+[.)]$/.test(n.marker.written)) continue;
      markerEnds.set(n.marker.end, n.marker.written);
    }
    // One finding per space, each with its own fix: a line's findings are not grouped, so that a
    // site's residue on the same line (which copy-residue owns) drops only the findings inside it.
    for (const line of proseLinesWith(model, HAS_SPACE)) for (const f of checkLine(line)) reportOne(f);

    /** An omission marker starts at `at`, or just after the …… that opens it (……此处隐藏N个字……). */
    function beforeOmission(at: number): boolean {
      let p = at;
      while (p < at + 6 && (text[p] === '…' || text[p] === '.')) p++;
      return omissions.has(at) || omissions.has(p);
    }

    function reportOne(f: Found): void {
      const fix = { messageId: 'removeSpace' as const, edits: [{ start: f.start, end: f.end, text: '' }] };
      if (f.kind === 'afterMarker') report({ start: f.start, end: f.end, messageId: 'afterMarker', data: { marker: f.written }, fix });
      else report({ start: f.start, end: f.end, messageId: f.kind, data: { written: f.written }, fix });
    }

    function checkLine(line: LineInfo): Found[] {
      const from = line.kind === 'table' ? line.start : line.contentStart;
      const out: Found[] = [];
      const masked = mask.touches(line.start, line.end);
      let english: boolean | undefined;
      const inEnglish = () => (english ??= isEnglishLine(model, line, mask));
      const runs: [number, number][] = [];
      SPACE_RUN.lastIndex = from - line.start;
      let m: RegExpExecArray | null;
      while ((m = SPACE_RUN.exec(line.text))) runs.push([line.start + m.index, line.start + m.index + m[0].length]);
      /** Spaces before a number that only count when the line also spaces a number from its unit (2014 年 7 月). */
      const deferred: Found[] = [];
      let spacedNumbers = false;
      // Several spaces between Chinese characters a few characters apart separate items (名单, a
      // site's menu: 张三 李四 王五); far apart, in running sentences, they are where a PDF broke
      // its lines (工作部 署，……同 比下降).
      let listLike = false;
      let lastGap = -Infinity;
      for (const [s, e] of runs) {
        if (!isHan(text[s - 1]) || !isHan(text[e])) continue;
        if (s - lastGap < LIST_ITEM_MAX) listLike = true;
        lastGap = e;
      }

      const sentences = new SentenceCursor(text, from);
      for (const [s, e] of runs) {
        if (s <= from || e >= line.end) continue;
        if (masked && (mask.skip(s) || mask.skip(s - 1) || mask.skip(e))) continue;
        const l = text[s - 1];
        const r = text[e];
        const single = e - s === 1 && text[s] !== '\t';
        const marker = markerEnds.get(s);
        if (marker !== undefined) {
          out.push({ start: s, end: e, kind: 'afterMarker', written: marker });
          continue;
        }
        const written = (): string => text.slice(Math.max(from, s - 2), Math.min(line.end, e + 2));
        // Spaces inside a marker (（ 一）) are numbering-format's.
        if (markers.length > 0 && inSpans(markers, s)) continue;
        if (omissions.size > 0 && beforeOmission(e)) continue;
        if (CLAUSE_MARKS.has(l) || isCnClose(l) || isCnOpen(l)) {
          // 填报人：      日期： leaves a blank to fill in.
          if (COLONS.has(l) && !single) continue;
          if (isHan(r) || isDigit(r) || isCnOpen(r) || MARKS_BEFORE.has(r) || isCnClose(r) || (isLatin(r) && !inEnglish())) {
            out.push({ start: s, end: e, kind: 'aroundMark', written: written() });
          }
          continue;
        }
        if (MARKS_BEFORE.has(r) || isCnClose(r) || isCnOpen(r)) {
          if (isHan(l) || isDigit(l) || l === '%' || l === '‰' || (isLatin(l) && !isCnOpen(r) && !inEnglish())) out.push({ start: s, end: e, kind: 'aroundMark', written: written() });
          continue;
        }
        if (!single) continue;
        const numberBefore = (isDigit(l) || l === '%' || l === '‰') && isHan(r);
        const numberAfter = isHan(l) && isDigit(r);
        if (numberBefore || numberAfter) {
          if (numberBefore ? !plainNumberBefore(text, s, from) : !plainNumberAfter(text, e, line.end)) continue;
          // 开展 2018年 inside a sentence; at the start of a line the space may end a title run
          // into the text (2025年工作总结 2025年，我局……), unless the line spaces its numbers anyway.
          if (numberAfter && !insideSentence(line, from, s, e, sentences, false)) {
            deferred.push({ start: s, end: e, kind: 'aroundNumber', written: written() });
            continue;
          }
          if (numberBefore) spacedNumbers = true;
          out.push({ start: s, end: e, kind: 'aroundNumber', written: written() });
          continue;
        }
        if (isHan(l) && isHan(r)) {
          if (line.kind === 'table' || listLike) continue;
          // 日 期, 姓 名: a label spaced out letter by letter.
          if (!isHan(text[s - 2]) && !isHan(text[e + 1])) continue;
          if (!insideSentence(line, from, s, e, sentences, true, true) || !midClause(line, from, s, e)) continue;
          out.push({ start: s, end: e, kind: 'betweenHan', written: written() });
        }
      }
      if (spacedNumbers && deferred.length > 0) {
        out.push(...deferred);
        out.sort((a, b) => a.start - b.start);
      }
      return out;
    }

    /** The space [s, e) stands inside a sentence (given `needEnd`, one that ends with its mark
     * later on the line), and the sentence does not open with a section marker or ordinal (a
     * heading run into its text: 一、基本情况 我单位现有……) nor, at the line's start, without any
     * clause mark before the space (a title run into the text: 2025年工作总结 2025年，……) — given
     * `titleEnds`, only when the words before the space end like a title. */
    function insideSentence(line: LineInfo, from: number, s: number, e: number, at: SentenceCursor, needEnd: boolean, titleEnds = false): boolean {
      const { start: ss, clauseMark } = at.sentenceAt(s);
      if (needEnd) {
        let se = e;
        while (se < line.end && !SENTENCE_CLOSE.has(text[se])) se++;
        if (se >= line.end) return false;
      }
      let p = ss;
      while (p < s && (text[p] === ' ' || text[p] === '\u3000' || text[p] === '*')) p++;
      if (readMarker(text, p, line.end) || /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、,]|其[一二三四五六七八九十])/.test(text.slice(p, p + 6))) return false;
      // A heading run into its text after a space or a colon: 如下： 一、基本情况 全区……
      if (titleEnds && markerAfterBreak(ss, s, line.end)) return false;
      // Words that end like a title (……工作总结 一年来，……): a title run into the text.
      if (titleEnds && TITLE_END.test(text.slice(Math.max(from, s - 4), s))) return false;
      return ss > from || clauseMark || titleEnds;
    }

    /** A section marker starts in [from, to) right after a space or a colon. */
    function markerAfterBreak(from: number, to: number, lineEnd: number): boolean {
      for (let k = from + 1; k < to; k++) {
        const c = text[k - 1];
        if ((c === ' ' || c === '\u3000' || c === ':' || c === '：') && readMarker(text, k, lineEnd)) return true;
      }
      return false;
    }

    /** The space [s, e) is in the middle of a clause: not right after a label's colon (联系人：张三
     * 电话：……), not before one, and not inside quotation marks, brackets or a title (“历史名城
     * 文明家园”, （张三 李四）, 《…》), where a space can separate parts on purpose. */
    function midClause(line: LineInfo, from: number, s: number, e: number): boolean {
      for (let k = s - 1; k >= from && !SENTENCE_END.has(text[k]); k--) {
        if (COLONS.has(text[k])) return false;
        if (CLAUSE_ANY.has(text[k])) break;
      }
      for (let k = e; k < line.end && !SENTENCE_CLOSE.has(text[k]); k++) {
        if (COLONS.has(text[k])) return false;
        if (CLAUSE_ANY.has(text[k])) break;
      }
      let depth = 0;
      for (let k = from; k < s; k++) {
        const c = text[k];
        if (c === '“' || c === '《' || c === '（' || c === '(' || c === '「' || c === '【') depth++;
        else if ((c === '”' || c === '》' || c === '）' || c === ')' || c === '」' || c === '】') && depth > 0) depth--;
      }
      return depth === 0;
    }
  },
});

/** The number that ends at `s` is a plain number (2023 年), not part of a code, date, time or a
 * Latin phrase (2025-06-30 发布, 10:30 开会, GB/T 15834 标准, Windows 10 系统). */
function plainNumberBefore(text: string, s: number, from: number): boolean {
  let t = s - 1;
  while (t >= from && NUMBER_CHAR.test(text[t])) t--;
  const before = text[t];
  if (t < from) return true;
  // A connector after a word or bracket joins a range (10万(含)-50 万元); after a digit or letter it is part of a code.
  if ((before === '-' || before === '－') && !isDigit(text[t - 1]) && !isLatin(text[t - 1])) return true;
  if (isLatin(before) || CODE_NEIGHBOUR.has(before)) return false;
  if (before === ' ' && (isLatin(text[t - 1]) || isDigit(text[t - 1]))) return false;
  return true;
}

/** The number that starts at `e` is a plain number (开展 2018年), not a code, a Latin unit or an item's
 * number (5G, 2025-06-30, 10:30, 5 kg, 1、). */
function plainNumberAfter(text: string, e: number, lineEnd: number): boolean {
  let t = e;
  while (t < lineEnd && NUMBER_CHAR.test(text[t])) t++;
  const after = text[t];
  // 1、 1． 1） start a numbered item: the space before it separates, as a line break would.
  if (after === '、' || after === '．' || after === '）' || after === ')') return false;
  if (isLatin(after) || CODE_NEIGHBOUR.has(after)) return false;
  if (after === ' ' && isLatin(text[t + 1])) return false;
  return true;
}

/** Where the sentence holding an offset starts, and whether a clause mark (not a colon) stands
 * between its start and the offset, for offsets asked in increasing order: one pass over the line
 * however many spaces it holds. */
class SentenceCursor {
  private at: number;
  private start: number;
  private clauseMark = false;
  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.at = from;
    this.start = from;
  }

  sentenceAt(offset: number): { start: number; clauseMark: boolean } {
    for (; this.at < offset; this.at++) {
      const c = this.text[this.at];
      if (SENTENCE_END.has(c)) {
        this.start = this.at + 1;
        this.clauseMark = false;
      } else if (CLAUSE_ANY.has(c) && !COLONS.has(c)) {
        this.clauseMark = true;
      }
    }
    return { start: this.start, clauseMark: this.clauseMark };
  }
}
