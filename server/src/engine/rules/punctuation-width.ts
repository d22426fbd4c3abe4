// punctuation-width: half-width , ; : ? ! ( ) in Chinese text, where GB/T 15834-2011 wants the
// full-width marks ，；：？！（）. Numbers (1,200), times (10:30), ratios (3:2), English passages,
// code, URLs, Markdown syntax and the section markers owned by numbering-format are left alone.

import { HAN, isCn, isCnClose, isCnOpen, isDigit, isEnglishLine, isHan, isLatin, markerSpans, TextMask } from '../model/chars.js';
import { defineRule, localized, type OffsetEdit } from '../rule.js';
import type { Localized } from '../types.js';
import { proseLinesWith, type LineInfo } from '../model/report-model.js';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const NAME: Record<string, Localized> = {
  ',': localized('逗号', 'comma'),
  ';': localized('分号', 'semicolon'),
  ':': localized('冒号', 'colon'),
  '?': localized('问号', 'question mark'),
  '!': localized('叹号', 'exclamation mark'),
  '(': localized('括号', 'parenthesis'),
  ')': localized('括号', 'parenthesis'),
};
const CLAUSE: Record<string, string> = { ',': '4.4', ';': '4.6', ':': '4.7', '?': '4.2', '!': '4.3', '(': '4.9', ')': '4.9' };
/** Bracketed notes that the placeholder rule reports as a whole: `(此处填写……)`. */
const PLACEHOLDER_NOTE = /^(?:此处|请在此|请填|待补充|待填写)/;
const MAX_PAIR = 200;
const HAS_MARK = /[,;:?!()]/g;
const PAIRED = 1;
const WIDENED = 2;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** Steps through a line's half-width marks, and through its brackets (see `nextIn`). */
const MARK = /[,;:?!()]/g;
const BRACKET = /[()]/g;

/** The offset of the first character at or after `from` on the line that `re` (global, one
 * character) matches, or -1: the loops below visit only the marks, not every character. */
function nextIn(line: LineInfo, re: RegExp, from: number): number {
  re.lastIndex = from - line.start;
  return re.test(line.text) ? line.start + re.lastIndex - 1 : -1;
}

/** One half-width mark (or pair) found, before the findings are grouped. */
interface Found {
  start: number;
  end: number;
  key: string;
  edits: OffsetEdit[];
}

/** A document gets one finding for all its half-width marks when it has at least this many… */
const DOCUMENT_MIN = 20;
/** …and they are at least this share of its clause marks. */
const DOCUMENT_SHARE = 0.6;
const FULL_MARK = /[，；：？！（）]/g;

function fullWidthMarks(text: string): number {
  let n = 0;
  FULL_MARK.lastIndex = 0;
  while (FULL_MARK.test(text)) n++;
  return n;
}

interface MarkData {
  finding: { name: Localized; mark: string; full: string; clause: string };
  title: { full: string };
}

const MARK_DATA = new Map<string, MarkData>();

/** The data of the finding and fix title for a mark (or `()` for a pair), made once. */
function markData(key: string): MarkData {
  let d = MARK_DATA.get(key);
  if (!d) {
    const mark = key === '()' ? '(' : key;
    const full = key === '()' ? '（ ）' : FULL[mark];
    d = { finding: { name: NAME[mark], mark: key === '()' ? '( )' : mark, full, clause: CLAUSE[mark] }, title: { full } };
    MARK_DATA.set(key, d);
  }
  return d;
}

export const punctuationWidth = defineRule({
  meta: {
    id: 'punctuation-width',
    name: localized('全角标点', 'full-width punctuation'),
    description: localized('中文行文中应使用全角标点：，；：？！（），不用半角 , ; : ? ! ( )', 'Chinese text uses full-width ，；：？！（）, not half-width , ; : ? ! ( )'),
    category: 'punctuation',
    defaultSeverity: 'warning',
    docs: 'docs/rules/punctuation-width.md',
    fixable: true,
    fixNote: localized('改为全角标点', 'changes the mark to its full-width form'),
    messages: {
      halfWidth: {
        'zh-CN': '中文行文中的半角{name}「{mark}」应为全角「{full}」（GB/T 15834—2011 {clause}）',
        en: 'Half-width {name} "{mark}" in Chinese text: use the full-width "{full}" (GB/T 15834-2011 {clause})',
      },
      halfWidthLine: {
        'zh-CN': '这一行有 {count} 处半角标点（{marks}），中文行文中应为全角（GB/T 15834—2011 4.2—4.9）',
        en: '{count} half-width marks ({marks}) on this line of Chinese text: use full-width ones (GB/T 15834-2011 4.2-4.9)',
      },
      halfWidthDocument: {
        'zh-CN': '全文有 {count} 处中文行文中的半角标点（, ; : ? ! ( )），应为全角（GB/T 15834—2011 4.2—4.9）',
        en: '{count} half-width marks (, ; : ? ! ( )) in the Chinese text: use full-width ones (GB/T 15834-2011 4.2-4.9)',
      },
      toFullWidth: { 'zh-CN': '改为全角「{full}」', en: 'Change to full-width "{full}"' },
      lineToFullWidth: { 'zh-CN': '本行 {count} 处改为全角', en: 'Change these {count} to full width' },
      documentToFullWidth: { 'zh-CN': '全文 {count} 处改为全角', en: 'Change all {count} to full width' },
    },
  },
  check({ model, report }) {
    const text = model.text;
    const lines = proseLinesWith(model, HAS_MARK);
    // Most reports have no half-width mark in their text lines: nothing below is needed then.
    if (lines.length === 0) return;
    const markers = markerSpans(model);
    // A marker is masked, but a mark may stand before one on its line (附件:1.甲): there it is a digit.
    const markerStarts = new Set(markers.map((m) => m.start));
    // `一是,` is numbering-format's finding (no mark at all after 一是), not a width problem.
    const ordinalMarks = new Set<number>();
    for (const o of model.ordinals) if (o.style === 'shi') ordinalMarks.add(o.end);

    // Findings are gathered per line: a line with several half-width marks gets one finding
    // whose fix converts them all, and a document written mostly with them gets one.
    const all: Found[] = [];
    const fixOne = (start: number, end: number, mark: string, why: 'mark' | 'pair', closeAt?: number) => {
      const pair = why === 'pair' && closeAt !== undefined;
      const edits: OffsetEdit[] = [{ start, end, text: FULL[mark] }];
      if (pair) edits.push({ start: closeAt, end: closeAt + 1, text: '）' });
      all.push({ start, end: pair ? closeAt + 1 : start + 1, key: pair ? '()' : mark, edits });
    };

    /** A `)` whose opening bracket on the line is the full-width `（`: （含兼职)42名. */
    const closesFullWidth = (at: number): boolean => {
      const start = model.index.lines[model.index.lineIndexAt(at)].start;
      for (let k = at - 1; k >= start; k--) {
        const c = text[k];
        if (c === '（') return true;
        if (c === '）' || c === '(' || c === ')') return false;
      }
      return false;
    };

    const mask = new TextMask(model, markers);
    /** Per line with findings: where its findings start and end in `all`. */
    const perLine: [number, number][] = [];
    for (const line of lines) {
      const before = all.length;
      checkLine(line);
      if (all.length > before) perLine.push([before, all.length]);
    }
    if (all.length === 0) return;
    if (all.length >= DOCUMENT_MIN && all.length >= DOCUMENT_SHARE * (all.length + fullWidthMarks(text))) {
      // A paste from a site that stores every mark half-width: one finding, one fix for all.
      const at = model.title ? { start: model.title.start, end: model.title.end } : { start: all[0].start, end: all[0].end };
      report({
        start: at.start,
        end: at.end,
        messageId: 'halfWidthDocument',
        data: { count: all.length },
        fix: { messageId: 'documentToFullWidth', data: { count: all.length }, edits: all.flatMap((f) => f.edits) },
      });
      return;
    }
    for (const [a, b] of perLine) {
      const found = all.slice(a, b);
      if (found.length === 1) {
        const f = found[0];
        const d = markData(f.key);
        report({ start: f.start, end: f.end, messageId: 'halfWidth', data: d.finding, fix: { messageId: 'toFullWidth', data: d.title, edits: f.edits } });
        continue;
      }
      const first = found[0];
      const last = found[found.length - 1];
      // Joined by spaces in both languages, not as a list.
      const marks = [...new Set(found.map((f) => (f.key === '()' ? '( )' : f.key)))].join(' ');
      report({
        start: first.start,
        end: last.end,
        messageId: 'halfWidthLine',
        data: { count: found.length, marks },
        fix: { messageId: 'lineToFullWidth', data: { count: found.length }, edits: found.flatMap((f) => f.edits) },
      });
    }

    function checkLine(line: LineInfo): void {
      const from = line.kind === 'table' ? line.start : line.contentStart;
      const end = line.end;
      /** Per offset of the line (`flags[i - from]`): PAIRED for brackets of a half-width pair,
       * WIDENED for brackets this rule turns full-width (they count as Chinese marks for their
       * neighbours). */
      const flags = new Uint8Array(Math.max(0, end - from) + 1);
      // An English sentence quoting Chinese terms keeps its own punctuation: (工作总结, 述职报告).
      if (isEnglishLine(model, line, mask)) return;
      // Parentheses first: a half-width pair around Chinese text is one finding.
      let open = -1;
      for (let i = nextIn(line, BRACKET, from); i >= 0; i = nextIn(line, BRACKET, i + 1)) {
        const code = text.charCodeAt(i);
        if (mask.skip(i)) {
          open = -1;
          continue;
        }
        if (code === 40) {
          open = i;
          continue;
        }
        if (open < 0 || i - open > MAX_PAIR) {
          open = -1;
          continue;
        }
        const o = open;
        open = -1;
        flags[o - from] |= PAIRED;
        flags[i - from] |= PAIRED;
        const inner = text.slice(o + 1, i);
        if (!HAN.test(inner) || PLACEHOLDER_NOTE.test(inner)) continue;
        let skipped = false;
        for (let k = o + 1; k < i && !skipped; k++) if (mask.skip(k)) skipped = true;
        if (skipped) continue;
        const before = o > from ? text[o - 1] : undefined;
        const after = i + 1 < end ? text[i + 1] : undefined;
        const wholeLine = before === undefined && mask.restIsEmpty(i + 1, end);
        if (isCn(before) || isCn(after) || wholeLine) {
          fixOne(o, o + 1, '(', 'pair', i);
          flags[o - from] |= WIDENED;
          flags[i - from] |= WIDENED;
        }
      }

      for (let i = nextIn(line, MARK, from); i >= 0; i = nextIn(line, MARK, i + 1)) {
        if (flags[i - from] & PAIRED) continue;
        const c = text[i];
        if (mask.skip(i) || ordinalMarks.has(i)) continue;
        // The neighbours, looking through emphasis delimiters (`**重点**:`).
        let p = i - 1;
        while (p >= from && (text[p] === '*' || text[p] === '_')) p--;
        const prev = p >= from ? (flags[p - from] & WIDENED ? FULL[text[p]] : text[p]) : undefined;
        let n = i + 1;
        while (n < end && isSpace(text[n])) n++;
        const spaced = n > i + 1;
        let q = n;
        while (q < end && (text[q] === '*' || text[q] === '_')) q++;
        const next = q < end && (!mask.skip(q) || markerStarts.has(q)) ? (flags[q - from] & WIDENED ? FULL[text[q]] : text[q]) : undefined;
        const atEnd = next === undefined && mask.restIsEmpty(i + 1, end);

        let hit = false;
        if (c === '(') {
          hit = isHan(prev) && isHan(next) && !spaced;
        } else if (c === ')') {
          hit = isHan(prev) && !spaced && (isHan(next) || (isCn(next) && !isCnOpen(next)) || atEnd || closesFullWidth(i));
        } else if (isHan(prev) || isCnClose(prev)) {
          hit = isHan(next) || isCnOpen(next) || isDigit(next) || atEnd;
        } else if ((c === ',' || c === ';') && (isDigit(prev) || isLatin(prev) || prev === '%') && !spaced) {
          hit = isHan(next);
        }
        if (!hit) continue;
        if (c === '(' || c === ')') flags[i - from] |= WIDENED;
        // Spaces typed after a half-width mark go with it (not at the line end: a hard break).
        fixOne(i, atEnd || !spaced ? i + 1 : n, c, 'mark');
      }
    }
  },
});
