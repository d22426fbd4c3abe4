// punctuation-form: marks written in a wrong form (GB/T 15834-2011): 破折号 as - -- ― －－ or a
// lone — between Chinese words (4.10: ——); 省略号 as ... 。。。 or a lone … (4.11: ……); …… together
// with 等/等等 (A.9.2); doubled ，， 。。 、、 ；； ：：; a range of numbers joined by a hyphen
// (4.13.3.2: 3—5月 for a span of time, 20万～30万元 for a range of values).

import type { Span } from '../model/markdown.js';
import { isCnClose, isCnOpen, isCn, isEnglishLine, isHan, isLatin, isDigit, TextMask } from '../model/chars.js';
import { defineRule, localized, type OffsetEdit, type RuleReport } from '../rule.js';
import { proseLinesWith } from '../model/report-model.js';

/** A line can hold a finding only with a dash, an ellipsis or two marks in a row (... 。。 ，，):
 * the test that lets most lines of a report be skipped. */
const HAS_MARK = /[-－―—–─…]|[.。，、；：]{2}/g;
const DASH_RUN = /[-－―—–─]+/g;
const DOT_RUN = /\.{3,}/g;
const JU_RUN = /。{2,}/g;
const ELLIPSIS_RUN = /…+/g;
const DOUBLED = /，{2,}|、{2,}|；{2,}|：{2,}/g;

/** Dash runs that can only be a 破折号 when they stand between Chinese words. */
const SURE_DASH = /^(?:-{2,4}|－{2}|―{1,2}|─{2}|–{2})$/;
/** Runs that are a dash or a connector (GB/T 15834-2011 4.13: `—` joins ranges and places). */
const MAYBE_DASH = /^[-－—]$/;
/** A hyphen between Chinese words: a connector in a chain of items, else left alone. */
const HYPHEN = /^[-－]$/;
/** Longest item of a chain (排查-整改-验收) on either side of a hyphen. */
const CHAIN_ITEM_MAX = 8;
const NUMERALS = /^[〇零一二三四五六七八九十百千万两]+$/;
/** Words that begin with 等 (等待, 等级, 等于 …): `……等待` is not `……等`. */
const DENG_WORDS = new Set([...'待候级于同到额量价号式比距分边腰闲身效值差高宽长重位第次']);
/** Words that end with 等 (平等, 同等, 高等 …). */
const DENG_ENDINGS = new Set([...'平同对高中初均相一二三优特头上下次何劣超坐苦久不彼此']);
/** What may follow a mark at the end of a clause. */
const CLAUSE_END = /[，。；：！？、）”’》」』]/;

/** Two numbers joined by a hyphen (- － –), each with an optional 万 亿 %: 3-5月, 20-30万元, 10%-20%.
 * Not a part of a longer code: no digit, letter, point, slash or connector before it (2025-06-30,
 * 3-2-11室, GB/T 15834-2011, COVID-19 keep their hyphens: GB/T 15834-2011 4.13.3.1). */
const HYPHEN_RANGE = /(?<![0-9A-Za-z.．_/\\:#@+~～\-－–—])([0-9]+(?:\.[0-9]+)?)(万亿|亿|万|%|‰)?[-－–]([0-9]+(?:\.[0-9]+)?)(万亿|亿|万|%|‰)?/g;
/** Units of time after a range of points in time (3-5月, 2020-2025年, 8-10时): the connector is —. */
const TIME_UNIT = /^(?:年|学年|月|日|时|点|季度|年代|世纪)/;
/** Units of quantity after a range of values (3-5人, 10-20万元, 1-2年): the connector is ～. Not
 * numbers of things counted in order (号 期 届 级 班 层 楼 栋 页 条 章 节), whose ranges stay as written. */
const QUANTITY_UNIT = /^(?:元|人次|人|名|个|家|户|项|次|天|岁|倍|平方米|平方公里|米|公里|千米|亩|公顷|吨|公斤|千克|克|斤|小时|分钟|周|年|分|只|头|株|台|辆|件|篇|本|份|张|间|座|所|场|度|℃)/;

const MESSAGES = {
  connector: { 'zh-CN': '连接几个项目的连接号应写作「—」，不用「{written}」（GB/T 15834—2011 4.13）', en: 'The connector between items is written "—", not "{written}" (GB/T 15834-2011 4.13)' },
  dash: { 'zh-CN': '破折号应写作「——」，不用「{written}」（GB/T 15834—2011 4.10）', en: 'A dash is written "——", not "{written}" (GB/T 15834-2011 4.10)' },
  ellipsis: { 'zh-CN': '省略号应写作「……」，不用「{written}」（GB/T 15834—2011 4.11）', en: 'An ellipsis is written "……", not "{written}" (GB/T 15834-2011 4.11)' },
  doubled: { 'zh-CN': '标点「{mark}」重复：「{written}」只保留一个', en: 'Doubled mark "{written}": keep one "{mark}"' },
  ellipsisWithDeng: { 'zh-CN': '省略号「……」与「等」「等等」不能同时使用，保留其一（GB/T 15834—2011 A.9.2）', en: 'An ellipsis "……" is not combined with 等 or 等等: keep one of them (GB/T 15834-2011 A.9.2)' },
  rangeTime: {
    'zh-CN': '时间的起止「{written}」用一字线「—」连接，不用短横线「{hyphen}」，应写作「{correct}」（GB/T 15834—2011 4.13.3.2）',
    en: 'A span of time "{written}" is joined by "—", not the hyphen "{hyphen}": write "{correct}" (GB/T 15834-2011 4.13.3.2)',
  },
  rangeNumber: {
    'zh-CN': '数值范围「{written}」用浪纹线「～」连接，不用短横线「{hyphen}」，应写作「{correct}」（GB/T 15834—2011 4.13.3.2）',
    en: 'A range of values "{written}" is joined by "～", not the hyphen "{hyphen}": write "{correct}" (GB/T 15834-2011 4.13.3.2)',
  },
  changeTo: { 'zh-CN': '改为「{text}」', en: 'Change to "{text}"' },
  removeDeng: { 'zh-CN': '删去「{word}」', en: 'Remove "{word}"' },
} as const;

/** A finding, gathered per line and reported in order. */
type Finding = RuleReport<typeof MESSAGES>;

const TO_CONNECTOR = { text: '—' };
const TO_DASH = { text: '——' };
const TO_ELLIPSIS = { text: '……' };

export const punctuationForm = defineRule({
  meta: {
    id: 'punctuation-form',
    name: localized('标点写法', 'punctuation form'),
    description: localized('破折号写作“——”，省略号写作“……”且不与“等”连用，标点不重复，数字的起止范围不用短横线“-”', 'Dashes are ——, ellipses are …… and not combined with 等; no doubled marks; no hyphen in a range of numbers'),
    category: 'punctuation',
    defaultSeverity: 'warning',
    docs: 'docs/rules/punctuation-form.md',
    fixable: true,
    fixNote: localized('写法明确时改为 `——` `……`，删去重复的标点，范围中的 `-` 改为 `—`（时间）或 `～`（数值）；省略号与“等”连用时，能确定的情况下删去“等”', 'where the right form is unambiguous: rewrites as `——` `……`, removes the doubled mark, joins ranges with `—` (time) or `～` (values), and drops 等 after an ellipsis when that is certain'),
    messages: MESSAGES,
  },
  check({ model, report }) {
    const text = model.text;
    const mask = new TextMask(model);
    for (const line of proseLinesWith(model, HAS_MARK)) {
      const base = line.start;
      const s = line.text;
      const found: Finding[] = [];
      // 《…》 spans, found only when a lone - or — needs them.
      let books: Span[] | undefined;
      // In an English sentence, ... and a lone … are English ellipses even next to a Chinese word.
      let english: boolean | undefined;
      const inEnglish = () => (english ??= isEnglishLine(model, line, mask));
      let bookAt = 0;

      for (const m of s.matchAll(DASH_RUN)) {
        const start = base + m.index;
        const end = start + m[0].length;
        const run = m[0];
        if (run === '——' || mask.skip(start)) continue;
        const left = text[start - 1];
        const right = text[end];
        if (!(isHan(left) || isCnClose(left)) || !(isHan(right) || isCnOpen(right))) continue;
        if (!SURE_DASH.test(run)) {
          if (!MAYBE_DASH.test(run) || !isHan(left) || !isHan(right)) continue;
          // 排查-整改-验收, 宣传—培训—考核: items in a chain take the connector — (4.13), never
          // ——. A hyphen there is reported as the connector; a — there is right.
          if (inChain(text, start, end, line.start, line.end)) {
            if (HYPHEN.test(run)) {
              found.push({
                start,
                end,
                messageId: 'connector',
                data: { written: run },
                fix: { messageId: 'changeTo', data: TO_CONNECTOR, edits: [{ start, end, text: '—' }] },
              });
            }
            continue;
          }
          // A single - or — is also the connector of ranges and places (北京—上海, 一-三): a — only
          // between longer phrases is the dash, a hyphen only inside a book title (《主标题-副标题》).
          books ??= bookSpans(s, base);
          while (bookAt < books.length && books[bookAt].end <= start) bookAt++;
          const inBook = bookAt < books.length && books[bookAt].start < start;
          // A lone hyphen may be a dash or a connector: only in a book title is it the dash.
          if (HYPHEN.test(run) && !inBook) continue;
          // Outside a title, six characters a side: 开通北京—上海线路 (four) joins two places.
          const need = inBook ? 3 : 6;
          const l = hanRun(text, start - 1, -1, line.start);
          const r = hanRun(text, end, 1, line.end);
          if (l.length < need || r.length < need || NUMERALS.test(l) || NUMERALS.test(r)) continue;
        }
        found.push({
          start,
          end,
          messageId: 'dash',
          data: { written: run },
          fix: { messageId: 'changeTo', data: TO_DASH, edits: [{ start, end, text: '——' }] },
        });
      }

      const ellipsis = (start: number, end: number, fix: boolean) => {
        const run = text.slice(start, end);
        found.push({
          start,
          end,
          messageId: 'ellipsis',
          data: { written: run },
          fix: fix ? { messageId: 'changeTo', data: TO_ELLIPSIS, edits: [{ start, end, text: '……' }] } : undefined,
        });
      };
      for (const m of s.matchAll(DOT_RUN)) {
        const start = base + m.index;
        const end = start + m[0].length;
        if (mask.skip(start)) continue;
        const left = text[start - 1];
        const right = text[end];
        if (!(isCn(left) || isCn(right))) continue;
        if ((isLatin(left) || isDigit(left)) && (isLatin(right) || isDigit(right))) continue;
        if (inEnglish()) continue;
        ellipsis(start, end, true);
      }
      for (const m of s.matchAll(JU_RUN)) {
        const start = base + m.index;
        const end = start + m[0].length;
        if (mask.skip(start)) continue;
        if (m[0].length >= 3) ellipsis(start, end, true);
        else doubled(start, end, '。');
      }
      for (const m of s.matchAll(ELLIPSIS_RUN)) {
        const start = base + m.index;
        const end = start + m[0].length;
        if (mask.skip(start)) continue;
        const len = m[0].length;
        if (len % 2 === 1) {
          // A lone … is the English ellipsis: only Chinese text wants ……
          if (len === 1 && !(isCn(text[start - 1]) || isCn(text[end]))) continue;
          if (len === 1 && (isLatin(text[start - 1]) || inEnglish())) continue;
          ellipsis(start, end, len === 1);
          continue;
        }
        withDeng(start, end);
      }
      for (const m of s.matchAll(HYPHEN_RANGE)) rangeWithHyphen(m);
      for (const m of s.matchAll(DOUBLED)) {
        const start = base + m.index;
        if (mask.skip(start)) continue;
        doubled(start, start + m[0].length, m[0][0]);
      }

      function doubled(start: number, end: number, mark: string) {
        const run = text.slice(start, end);
        found.push({
          start,
          end,
          messageId: 'doubled',
          data: { mark, written: run },
          fix: { messageId: 'changeTo', data: { text: mark }, edits: [{ start, end, text: mark }] },
        });
      }

      /** 3-5月 → 3—5月, 20-30万元 → 20万～30万元 (GB/T 15834-2011 4.13.3.2). */
      function rangeWithHyphen(m: RegExpMatchArray) {
        const start = base + m.index!;
        const [whole, first, firstUnit, second, secondUnit] = m;
        const hyphenAt = start + first.length + (firstUnit?.length ?? 0);
        const end = start + whole.length;
        const a = Number(first);
        const b = Number(second);
        if (!(a < b) || mask.skip(start) || mask.skip(end - 1)) return;
        // 第3-5名 is a range of ranks; GB/T 15834-2011 is a standard's number.
        const before = text[start - 1];
        if (before === '第' || (before === ' ' && /[A-Za-z0-9]/.test(text[start - 2] ?? ''))) return;
        books ??= bookSpans(s, base);
        if (books.some((b) => b.start < start && start < b.end)) return;
        const rest = text.slice(end, Math.min(line.end, end + 4));
        // 1-3年级 counts classes in order, like 号 and 届.
        if (rest.startsWith('年级')) return;
        const integers = /^[0-9]+$/.test(first) && /^[0-9]+$/.test(second);
        const years = integers && first.length === 4 && second.length === 4 && a >= 1900 && b <= 2100;
        let kind: 'rangeTime' | 'rangeNumber' | undefined;
        if (!firstUnit && !secondUnit && integers && TIME_UNIT.test(rest)) {
          const unit = rest[0];
          if (unit === '年' || rest.startsWith('学年') || rest.startsWith('年代') || rest.startsWith('世纪')) kind = years || rest.startsWith('年代') || rest.startsWith('世纪') ? 'rangeTime' : undefined;
          else if (unit === '月') kind = b <= 12 ? 'rangeTime' : undefined;
          else if (unit === '日') kind = b <= 31 ? 'rangeTime' : undefined;
          else if (unit === '时' || unit === '点') kind = b <= 24 ? 'rangeTime' : undefined;
          else kind = 'rangeTime';
          // 1-2年 is a length of time, a range of values.
          if (!kind && unit === '年' && !years && first.length <= 2 && second.length <= 2) kind = 'rangeNumber';
        } else if (secondUnit && (!firstUnit || firstUnit === secondUnit)) {
          kind = 'rangeNumber';
        } else if (!firstUnit && !secondUnit && QUANTITY_UNIT.test(rest)) {
          kind = 'rangeNumber';
        }
        if (!kind) return;
        const hyphen = text[hyphenAt];
        const connector = kind === 'rangeTime' ? '—' : `${secondUnit && !firstUnit ? secondUnit : ''}～`;
        const unitWord = wordAfter(rest);
        const written = whole + unitWord;
        const correct = first + (firstUnit ?? '') + connector + second + (secondUnit ?? '') + unitWord;
        found.push({
          start,
          end,
          messageId: kind,
          data: { written, hyphen, correct },
          fix: { messageId: 'changeTo', data: { text: correct }, edits: [{ start: hyphenAt, end: hyphenAt + 1, text: connector }] },
        });
      }

      /** …… next to 等 / 等等: one of them goes (GB/T 15834-2011 A.9.2). */
      function withDeng(start: number, end: number) {
        const closes = (at: number) => at >= line.end || CLAUSE_END.test(text[at]) || mask.restIsEmpty(at, line.end);
        let from = -1;
        let to = -1;
        let edit: OffsetEdit | undefined;
        if (text[end] === '等') {
          const double = text[end + 1] === '等';
          const after = end + (double ? 2 : 1);
          if (!double && DENG_WORDS.has(text[after])) return;
          from = start;
          to = after;
          if (closes(after)) edit = { start: end, end: after, text: '' };
        } else if (text[start - 1] === '等') {
          const double = text[start - 2] === '等';
          const wordStart = start - (double ? 2 : 1);
          if (!double) {
            if (DENG_ENDINGS.has(text[wordStart - 1])) return;
            // 等 closing a list: a 、 earlier in the same clause.
            let k = wordStart - 1;
            let list = false;
            while (k >= line.start && wordStart - k < 80 && !/[，。；：！？,;:!?]/.test(text[k])) {
              if (text[k] === '、') list = true;
              k--;
            }
            if (!list) return;
          }
          from = wordStart;
          to = end;
          if (closes(end)) edit = { start: wordStart, end: start, text: '' };
        } else {
          return;
        }
        if (mask.skip(from)) return;
        const deng = edit ? text.slice(edit.start, edit.end) : '等';
        found.push({
          start: from,
          end: to,
          messageId: 'ellipsisWithDeng',
          fix: edit ? { messageId: 'removeDeng', data: { word: deng }, edits: [edit] } : undefined,
        });
      }

      found.sort((a, b) => a.start - b.start);
      for (const f of found) report(f);
    }
  },
});

/** The unit word a range ends with, for its message: 月 in 3-5月份 is enough (at most 2 characters). */
function wordAfter(rest: string): string {
  const m = /^(?:万元|亿元|平方米|平方公里|[年月日时点元人名个家户项次天岁倍米亩吨克斤周分只头株台辆件篇本份张间座所场度℃]|季度|学年|年代|世纪|公里|千米|公顷|公斤|千克|小时|分钟)/.exec(rest);
  return m ? m[0] : '';
}

/** The hyphen at [start, end) joins items of a chain: a short Chinese item on each side, and
 * another hyphen beyond one of them joining one more. */
function inChain(text: string, start: number, end: number, lineStart: number, lineEnd: number): boolean {
  const l = hanRun(text, start - 1, -1, lineStart);
  const r = hanRun(text, end, 1, lineEnd);
  if (l.length > CHAIN_ITEM_MAX || r.length > CHAIN_ITEM_MAX) return false;
  const joins = (at: number, step: 1 | -1) => {
    const c = text[at];
    if (c !== '-' && c !== '－' && c !== '—') return false;
    const next = text[at + step];
    const far = text[at + 2 * step];
    return isHan(next) && far !== c && hanRun(text, at + step, step, step > 0 ? lineEnd : lineStart).length <= CHAIN_ITEM_MAX;
  };
  return joins(start - 1 - l.length, -1) || joins(end + r.length, 1);
}

/** The run of Chinese characters next to `from`, read in `step` direction (at most 12). */
function hanRun(text: string, from: number, step: 1 | -1, limit: number): string {
  let out = '';
  for (let k = from; step > 0 ? k < limit : k >= limit; k += step) {
    if (!isHan(text[k]) || out.length >= 12) break;
    out = step > 0 ? out + text[k] : text[k] + out;
  }
  return out;
}

/** 《…》 spans of a line, outermost pairs only. */
function bookSpans(s: string, base: number): Span[] {
  const spans: Span[] = [];
  let open = -1;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x300a /* 《 */) {
      if (depth === 0) open = i;
      depth++;
    } else if (c === 0x300b /* 》 */ && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ start: base + open, end: base + i + 1 });
    }
  }
  return spans;
}
