// paired-punctuation: a “ ” ‘ ’ 《 》 （ ） 【 】 without its partner in the same line
// (GB/T 15834-2011 4.8 引号, 4.9 括号, 4.15 书名号). Reported on the orphan mark; no fix, since
// only the writer knows where the partner belongs.

import { isCn, isDigit, isDigitCode, isLatin, isLatinCode, markerSpans, TextMask } from '../model/chars.js';
import { proseLinesWith, type LineInfo } from '../model/report-model.js';
import { defineRule, localized } from '../rule.js';

type Kind = 'dq' | 'sq' | 'book' | 'paren' | 'lent';

const OPENERS: Record<string, Kind> = { '“': 'dq', '‘': 'sq', '《': 'book', '（': 'paren', '(': 'paren', '【': 'lent' };
const CLOSERS: Record<string, Kind> = { '”': 'dq', '’': 'sq', '》': 'book', '）': 'paren', ')': 'paren', '】': 'lent' };
const PARTNER: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】', '”': '“', '’': '‘', '》': '《', '）': '（', '】': '【' };
const CLAUSE: Record<Kind, string> = { dq: '4.8', sq: '4.8', book: '4.15', paren: '4.9', lent: '4.9' };
/** The paired marks, one character each: `test` with lastIndex steps from one to the next. */
const MARKS = /[“”‘’《》（）()【】]/g;
/** The same marks, for finding the lines that hold one (a regular expression of its own: MARKS keeps its place in a line). */
const LINES_WITH_MARKS = /[“”‘’《》（）()【】]/g;
/** Kind and side of each paired mark by code unit (a lookup that makes no one-character strings). */
const MARK_BY_CODE = new Map<number, { char: string; kind: Kind; opens: boolean }>([
  ...Object.entries(OPENERS).map(([c, kind]) => [c.charCodeAt(0), { char: c, kind, opens: true }] as const),
  ...Object.entries(CLOSERS).map(([c, kind]) => [c.charCodeAt(0), { char: c, kind, opens: false }] as const),
]);
const NONE: Mark[] = [];
const KINDS: readonly Kind[] = ['dq', 'sq', 'book', 'paren', 'lent'];
const ENUM_BOUNDARY = new Set([...'：:；;，,。、 \t\u3000（(']);
const ENUM_NUMERALS = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

interface Mark {
  at: number;
  char: string;
  kind: Kind;
}

interface LineResult {
  line: LineInfo;
  /** Openers left open at the end of the line, in order. */
  open: Mark[];
  /** Closers without an opener, in order. */
  orphanClose: Mark[];
}

type MarkData = { mark: string; partner: string; clause: string };

const MARK_DATA = new Map<string, MarkData>();

/** The data of the message for an orphan mark, made once per mark. */
function markData(m: Mark): MarkData {
  let d = MARK_DATA.get(m.char);
  if (!d) MARK_DATA.set(m.char, (d = { mark: m.char, partner: PARTNER[m.char], clause: CLAUSE[m.kind] }));
  return d;
}

export const pairedPunctuation = defineRule({
  meta: {
    id: 'paired-punctuation',
    name: localized('成对标点', 'paired punctuation'),
    description: localized('成对的标点应配对：“ ”‘ ’《 》（ ）【 】', 'Paired marks must pair: “ ” ‘ ’ 《 》 （ ） 【 】'),
    category: 'punctuation',
    defaultSeverity: 'warning',
    docs: 'docs/rules/paired-punctuation.md',
    fixable: false,
    fixNote: localized('缺的一半应补在哪里，只有作者知道', 'only the writer knows where the missing half goes'),
    messages: {
      unclosed: { 'zh-CN': '「{mark}」在本段中没有配对的「{partner}」（GB/T 15834—2011 {clause}）', en: '"{mark}" has no matching "{partner}" in this paragraph (GB/T 15834-2011 {clause})' },
      unopened: { 'zh-CN': '「{mark}」前面没有配对的「{partner}」（GB/T 15834—2011 {clause}）', en: '"{mark}" has no matching "{partner}" before it in this paragraph (GB/T 15834-2011 {clause})' },
    },
  },
  check({ model, report }) {
    const text = model.text;
    const markers = markerSpans(model);
    const mask = new TextMask(model, markers);
    const results: LineResult[] = [];
    const stacks: Record<Kind, Mark[]> = { dq: [], sq: [], book: [], paren: [], lent: [] };
    // Only lines holding a paired mark can leave one unpaired: one search of the whole text finds them.
    for (const line of proseLinesWith(model, LINES_WITH_MARKS)) {
      const result = scanLine(line);
      if (result) results.push(result);
    }

    /** The marks a line leaves unpaired, or undefined when everything pairs. */
    function scanLine(line: LineInfo): LineResult | undefined {
      // Stacks left non-empty by the previous line were handed over with its result.
      for (const k of KINDS) if (stacks[k].length > 0) stacks[k] = [];
      let orphanClose: Mark[] = NONE;
      /** Enumerator-like closers (`1）`): they close a bracket only if one is left open. */
      let optional: number[] | undefined;
      const s = line.text;
      /** Whether the mask can skip anything on this line: asked at the first mark. */
      let masked: boolean | undefined;
      // Only the paired marks are visited (the regular expression skips the rest natively).
      MARKS.lastIndex = 0;
      while (MARKS.test(s)) {
        const i = line.start + MARKS.lastIndex - 1;
        const { char: c, kind, opens } = MARK_BY_CODE.get(s.charCodeAt(MARKS.lastIndex - 1))!;
        if ((masked ??= mask.touches(line.start, line.end)) && mask.skip(i)) continue;
        if (opens) {
          stacks[kind].push({ at: i, char: c, kind });
          continue;
        }
        const stack = stacks[kind];
        if (kind === 'paren' && isEnumerator(i, line, stack)) {
          (optional ??= []).push(i);
          continue;
        }
        if (stack.length > 0) {
          stack.pop();
          continue;
        }
        // An apostrophe: don’t, students’.
        if (kind === 'sq' && (isLatin(text[i - 1]) || isDigit(text[i - 1]))) continue;
        if (orphanClose === NONE) orphanClose = [];
        orphanClose.push({ at: i, char: c, kind });
      }
      // `（见表、1）`: a bracket left open takes the first enumerator-like closer after it.
      const parens = stacks.paren;
      if (parens.length > 0 && optional) {
        const closed = new Set<Mark>();
        let k = optional.length - 1;
        for (let p = parens.length - 1; p >= 0 && k >= 0; p--) {
          if (optional[k] > parens[p].at) {
            closed.add(parens[p]);
            k--;
          }
        }
        stacks.paren = parens.filter((m) => !closed.has(m));
      }
      if (orphanClose.length === 0 && allClosed()) return undefined;
      const left = [stacks.dq, stacks.sq, stacks.book, stacks.paren, stacks.lent].filter((st) => st.length > 0);
      const open = left.length === 0 ? NONE : left.length === 1 ? left[0] : left.flat().sort((a, b) => a.at - b.at);
      return { line, open, orphanClose };
    }

    function allClosed(): boolean {
      return stacks.dq.length === 0 && stacks.sq.length === 0 && stacks.book.length === 0 && stacks.paren.length === 0 && stacks.lent.length === 0;
    }

    /** `1）` `a)` `一）` after a clause boundary: an inline enumerator, not half of a pair. */
    function isEnumerator(at: number, line: LineInfo, stack: Mark[]): boolean {
      // One or two digits, one Latin letter, or one Chinese numeral.
      let s = at - 1;
      if (isDigitCode(text.charCodeAt(s))) {
        s--;
        if (isDigitCode(text.charCodeAt(s))) s--;
      } else if (isLatinCode(text.charCodeAt(s)) || ENUM_NUMERALS.has(text.charCodeAt(s))) {
        s--;
      } else {
        return false;
      }
      // `（1）` written whole is a bracketed number, not an enumerator.
      if (stack.length > 0 && stack[stack.length - 1].at === s) return false;
      return s < line.start || s < line.contentStart || ENUM_BOUNDARY.has(text[s]);
    }

    // A mark left open at the end of a line may be closed at the start of the next line of the
    // same Markdown paragraph (hard-wrapped text).
    for (let r = 0; r + 1 < results.length; r++) {
      const a = results[r];
      const b = results[r + 1];
      if (b.line.number !== a.line.number + 1 || a.line.kind !== 'text' || b.line.kind !== 'text') continue;
      if (b.line.numbered || b.line.heading || a.line.heading) continue;
      for (const kind of KINDS) {
        const opens = a.open.filter((m) => m.kind === kind);
        const closes = b.orphanClose.filter((m) => m.kind === kind);
        const n = Math.min(opens.length, closes.length);
        if (n === 0) continue;
        const used = new Set<Mark>([...opens.slice(opens.length - n), ...closes.slice(0, n)]);
        a.open = a.open.filter((m) => !used.has(m));
        b.orphanClose = b.orphanClose.filter((m) => !used.has(m));
      }
    }

    for (let r = 0; r < results.length; r++) {
      const { line, open, orphanClose } = results[r];
      for (const m of open) {
        if (m.char === '(') continue;
        if (m.kind === 'sq' && !(isCn(text[m.at - 1]) || isCn(text[m.at + 1]))) continue;
        if (m.kind === 'sq' && isDigit(text[m.at + 1])) continue;
        // A quotation of several paragraphs opens each paragraph and closes only the last
        // (GB/T 15834-2011 4.8): “ at the start of a line, and the next paragraph opens with “ too.
        if (m.char === '“' && m.at === firstContent(line) && nextOpensWithQuote(r)) continue;
        report({ start: m.at, end: m.at + 1, messageId: 'unclosed', data: markData(m) });
      }
      for (const m of orphanClose) {
        if (m.char === ')') continue;
        if (m.kind === 'sq' && !(isCn(text[m.at - 1]) || isCn(text[m.at + 1]))) continue;
        report({ start: m.at, end: m.at + 1, messageId: 'unopened', data: markData(m) });
      }
    }

    function firstContent(line: LineInfo): number {
      let p = line.kind === 'table' ? line.start : line.contentStart;
      while (p < line.end && /[ \t\u3000*_]/.test(text[p])) p++;
      return p;
    }

    function nextOpensWithQuote(r: number): boolean {
      const cur = results[r].line;
      for (let k = cur.number; k < model.lines.length; k++) {
        const l = model.lines[k];
        if (l.kind === 'blank') continue;
        if (l.kind !== 'text') return false;
        return text[firstContent(l)] === '“';
      }
      return false;
    }
  },
});
