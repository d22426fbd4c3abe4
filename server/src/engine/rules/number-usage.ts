// number-usage: the mechanical rules of GB/T 15835-2011 (出版物上数字用法) and the 二/两 choice:
// no 顿号 between the two numerals of an approximate number (七、八个 → 七八个); one number is not
// written half in Arabic digits and half in Chinese numerals (3千 → 3000 or 三千), 万 and 亿 and
// the SI prefix 千 of 千米 千克 … aside; a range repeats 万 亿 % on its first number (5～8亿 →
// 5亿～8亿); a pure decimal keeps its 0 (.5 → 0.5); digits are half-width (２０ → 20); a year
// written in Chinese numerals writes its zero 〇 (二零二三年 → 二〇二三年, 5.2.5); 两, not 二,
// before a measure word (二个 → 两个). Ranges written with a hyphen are punctuation-form's.

import { isHanCode, markerSpans, TextMask } from '../model/chars.js';
import { defineRule, localized, type RuleReport } from '../rule.js';
import { proseLinesWith } from '../model/report-model.js';

/** A line can hold a finding only with one of these: the test that lets most lines be skipped.
 * Each branch is a class followed by a class or word: no lookaround, no empty match, no line break
 * (a decimal point counts only after a character that cannot end a number; a zero look-alike only
 * next to a Chinese digit). */
const HAS_CANDIDATE = /[0-9][十百千]|[０-９]|[一二三四五六七八九十]、[一二两三四五六七八九]|[～~—][0-9]|[^0-9A-Za-z.．_…\\/\n\r]\.[0-9]|二[个名项家种件条张辆份户篇只间座天小年]|[一二三四五六七八九〇][零○Oo0０Ｏ]|[零○Oo0０Ｏ][一二三四五六七八九〇]/g;

const ZH_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** Characters of a Chinese numeral, and what may stand before one without making it a longer numeral or an ordinal. */
const NUMERAL_CHARS = new Set([...'〇零一二两三四五六七八九十百千万亿']);

// 七、八个: an approximate number. The numeral pair, then an optional 十/百/千/万 (三、四十人), then a measure word.
const APPROX = /((?:[一二三四五六七八九]?十)?[一二三四五六七八九])、([一二两三四五六七八九])(?![、])/g;
/** Measure words after which a numeral pair is a quantity (七、八个人), not a list of items (一、二类, 三、四中全会, 七、八月).
 * Words that also count places and units (三、四名 a ranking, 一、二所 two institutes, 一、二栋 two buildings) are left out. */
const APPROX_MEASURES = [
  '个', '人', '次', '遍', '回', '趟', '天', '岁', '家', '户', '项', '种', '件', '条', '张', '辆', '座', '间', '份',
  '本', '篇', '场', '块', '元', '斤', '公斤', '吨', '亩', '米', '里', '公里', '千米', '小时', '分钟', '周', '点',
  '倍', '成', '句', '页', '株', '头', '只',
];
/** 年 counts only as a quantity (三、四年); 一、二年级, 一、二年度 are lists. */
const YEAR_NOT_QUANTITY = /^[级度制]/;
/** Before the pair, besides a Chinese word: a clause mark or an opening bracket (，七、八个村; （三、四人）). */
const APPROX_AFTER_MARK = new Set([...'，；：。（(']);
/** Before the pair: an ordinal or a session (第一、二批, 十七届三、四中全会) makes it a list. */
const APPROX_NOT_AFTER = new Set([...'第届其初周期批号次级']);

// 3千, 1.5千万: Arabic digits with 十 百 千 as a multiplier. 千米 千克 千瓦 … are SI units (the
// prefix kilo-), 百分 is a percentage (5个百分点 has no digit right before 百).
const MIXED = /(?<![0-9A-Za-z.．_])([0-9]+(?:\.[0-9]+)?)([十百千])(?![米克瓦伏帕焦卡赫兆字分0-9])/g;
const MULTIPLIER: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

// 5～8亿, 20～30万元, 15～30%: the first number of a range without the 万 亿 % of the second.
const RANGE = /(?<![0-9A-Za-z.．_%‰万亿])([0-9]+(?:\.[0-9]+)?)([～~—])([0-9]+(?:\.[0-9]+)?)(万亿|亿|万|%|‰)/g;

// .5: a pure decimal without its 0. Not after a digit, letter, dot or x (x.5 is a blank).
const BARE_DECIMAL = /(?<![0-9A-Za-z_.．…\\/])\.([0-9]+)(?![0-9A-Za-z.．])/g;

// ２０２５: full-width digits (a decimal point between them is full-width too: ３．５).
const FULL_DIGITS = /[０-９]+(?:．[０-９]+)?/g;

// 二零二三年, 二0二三年, 二○二三年: a year read digit by digit, with its zero written otherwise than 〇.
const ZH_YEAR = /(?<![〇零一二两三四五六七八九十百千万亿0-9０-９OoＯ○])([〇零○Oo0０Ｏ一二三四五六七八九]{4})(?=年)/g;
const ZERO_LOOKALIKE = /[零○Oo0０Ｏ]/g;

// 二个: 两 before a measure word. Only measure words that never make 二 an ordinal or a name
// (二台 a TV channel, 二处 an office, 二本 a university tier, 二套房, 二级, 二类, 二次创业 are left).
const ER = /二(?=[个名项家种件条张辆份户篇只间座天]|小时|年(?:来|多|间|内|以来|前|后|左右|时间))/g;
/** Before 二: a numeral (十二个, 一二个), an ordinal (第二个, 其二, 初二), 之 (三分之二个), a word ending in 二 (不二, 唯二). */
const ER_NOT_AFTER = new Set([...'〇零一二两三四五六七八九十百千万亿第其初周之不唯无老小阿礼拜期']);

const MESSAGES = {
  approxComma: {
    'zh-CN': '「{written}」表示概数，相邻的两个数字之间不用顿号，应写作「{correct}」（GB/T 15835—2011）',
    en: '"{written}" is an approximate number: no 顿号 between the two numerals, write "{correct}" (GB/T 15835-2011)',
  },
  mixedTwo: {
    'zh-CN': '「{written}」中阿拉伯数字与汉字数字混用，应写作「{arabic}」或「{chinese}」（GB/T 15835—2011）',
    en: '"{written}" mixes Arabic digits and Chinese numerals: write "{arabic}" or "{chinese}" (GB/T 15835-2011)',
  },
  mixedOne: {
    'zh-CN': '「{written}」中阿拉伯数字与汉字数字混用，应写作「{arabic}」（GB/T 15835—2011）',
    en: '"{written}" mixes Arabic digits and Chinese numerals: write "{arabic}" (GB/T 15835-2011)',
  },
  rangeUnit: {
    'zh-CN': '数值范围「{written}」的前一个数值不能省略「{unit}」，应写作「{correct}」（GB/T 15835—2011）',
    en: 'In the range "{written}" the first number keeps its "{unit}": write "{correct}" (GB/T 15835-2011)',
  },
  bareDecimal: {
    'zh-CN': '纯小数「{written}」应写出小数点前的「0」，写作「{correct}」（GB/T 15835—2011）',
    en: 'The decimal "{written}" is written with its leading 0: "{correct}" (GB/T 15835-2011)',
  },
  fullWidthDigits: {
    'zh-CN': '阿拉伯数字「{written}」应使用半角，写作「{correct}」',
    en: 'Write the digits "{written}" half-width: "{correct}"',
  },
  yearZero: {
    'zh-CN': '用汉字数字写年份时，「0」写作「〇」：「{written}」应写作「{correct}」（GB/T 15835—2011 5.2.5）',
    en: 'A year in Chinese numerals writes 0 as 〇: "{written}" should be "{correct}" (GB/T 15835-2011 5.2.5)',
  },
  erBeforeMeasure: {
    'zh-CN': '量词前的数目“2”用「两」，「{written}」应写作「{correct}」',
    en: 'Before a measure word the number 2 is 两: "{written}" should be "{correct}"',
  },
  changeTo: { 'zh-CN': '改为「{correct}」', en: 'Change to "{correct}"' },
} as const;

type Finding = RuleReport<typeof MESSAGES>;

export const numberUsage = defineRule({
  meta: {
    id: 'number-usage',
    name: localized('数字用法', 'number usage'),
    description: localized(
      // No per-cent sign here: the description goes into package.json, where %…% names a localized string.
      '数字按 GB/T 15835—2011 书写：概数不用顿号，一个数不混用阿拉伯数字与汉字数字，数值范围不省略“万”“亿”和百分号，纯小数写出“0”，数字用半角，汉字年份用“〇”，量词前用“两”',
      'Numbers as GB/T 15835-2011 writes them: no 顿号 in approximate numbers, no mixed digits and numerals, ranges keep 万, 亿 and the per-cent sign on both numbers, a leading 0 on decimals, half-width digits, 〇 in Chinese-numeral years, 两 before measure words',
    ),
    category: 'number',
    defaultSeverity: 'warning',
    docs: 'docs/rules/number-usage.md',
    fixable: true,
    fixNote: localized(
      '写法唯一时改正（删去顿号、补“万”“亿”“%”或“0”、改为半角数字、“〇”、“两”）；混用的数字有两种写法，只报告',
      'where there is one right form: removes the 顿号, adds the 万 亿 % or 0, makes digits half-width, writes 〇 and 两; a mixed number has two right forms and is only reported',
    ),
    messages: MESSAGES,
  },
  check({ model, report }) {
    const text = model.text;
    // Section markers are numbering-format's (一、二 … at a line start, １．with full-width digits).
    const mask = new TextMask(model, markerSpans(model));
    for (const line of proseLinesWith(model, HAS_CANDIDATE)) {
      const found: Finding[] = [];
      const s = line.text;
      const base = line.start;
      const masked = mask.touches(line.start, line.end);
      // Titles in 《》 are quoted as their documents write them.
      const books = bookSpans(s);
      const inBook = (at: number) => books.length > 0 && books.some(([a, b]) => at - base > a && at - base < b);
      const skip = (start: number, end: number) => (masked && (mask.skip(start) || mask.skip(end - 1))) || inBook(start);
      const fixed = (start: number, end: number, correct: string, messageId: 'approxComma' | 'rangeUnit' | 'bareDecimal' | 'fullWidthDigits' | 'yearZero' | 'erBeforeMeasure', written: string, unit?: string) => {
        const data = messageId === 'rangeUnit' ? { written, correct, unit: unit ?? '' } : { written, correct };
        found.push({ start, end, messageId, data, fix: { messageId: 'changeTo', data: { correct }, edits: editsFor(text, start, end, correct) } } as Finding);
      };

      for (const m of s.matchAll(APPROX)) {
        const start = base + m.index;
        const end = start + m[0].length;
        const [, first, second] = m;
        const last = ZH_DIGIT[first[first.length - 1]];
        if (ZH_DIGIT[second] !== last + 1) continue;
        // After a Chinese word (配备七、八个), or a clause mark or an opening bracket (新建了活动室，七、八个村;
        // （三、四人）) inside the line; never at a line start, where 七、 or （七、 is a section number.
        const prev = text[start - 1];
        const afterWord = isHanCode(text.charCodeAt(start - 1)) && !NUMERAL_CHARS.has(prev) && !APPROX_NOT_AFTER.has(prev);
        const afterMark = APPROX_AFTER_MARK.has(prev) && start - 1 > line.contentStart;
        if (start <= line.contentStart || !(afterWord || afterMark)) continue;
        if (!approxMeasureAt(text, end, line.end)) continue;
        if (skip(start, end)) continue;
        // 一、二个 → 一两个 (两 before the measure word, as 一两个小时); 一、二十个 → 一二十个.
        const two = second === '二' && !'十百千万'.includes(text[end]) ? '两' : second;
        fixed(start, end, first + two, 'approxComma', m[0]);
      }

      for (const m of s.matchAll(MIXED)) {
        const start = base + m.index;
        const [, digits, unit] = m;
        // The number goes on while 万 or 亿 follow: 3千万 is 3000万.
        let end = start + m[0].length;
        let tail = '';
        while (end < line.end && (text[end] === '万' || text[end] === '亿')) tail += text[end++];
        if (skip(start, end)) continue;
        const written = text.slice(start, end);
        const arabic = scaled(digits, MULTIPLIER[unit]) + tail;
        // 两千, not 二千 (两 before 千 万 亿); 二十, 二百.
        const chinese = /^[1-9]$/.test(digits) ? (digits === '2' && unit === '千' ? '两' : '〇一二三四五六七八九'[Number(digits)]) + unit + tail : undefined;
        if (chinese) found.push({ start, end, messageId: 'mixedTwo', data: { written, arabic, chinese } });
        else found.push({ start, end, messageId: 'mixedOne', data: { written, arabic } });
      }

      for (const m of s.matchAll(RANGE)) {
        const start = base + m.index;
        const end = start + m[0].length;
        const [, first, dash, second, unit] = m;
        // 5～8千万 is a mixed number first (3千万 → 3000万); 5—8%—10% is not one range.
        if (skip(start, end)) continue;
        const correct = `${first}${unit}${dash}${second}${unit}`;
        const at = start + first.length;
        found.push({
          start,
          end,
          messageId: 'rangeUnit',
          data: { written: m[0], unit, correct },
          fix: { messageId: 'changeTo', data: { correct }, edits: [{ start: at, end: at, text: unit }] },
        });
      }

      for (const m of s.matchAll(BARE_DECIMAL)) {
        const start = base + m.index;
        const end = start + m[0].length;
        // Only in Chinese text: a Chinese character or mark (or a space) before the point.
        const before = text.charCodeAt(start - 1);
        if (start > line.contentStart && !isHanCode(before) && !isCnMark(before) && before !== 32) continue;
        if (skip(start, end)) continue;
        found.push({
          start,
          end,
          messageId: 'bareDecimal',
          data: { written: m[0], correct: `0${m[0]}` },
          fix: { messageId: 'changeTo', data: { correct: `0${m[0]}` }, edits: [{ start, end: start, text: '0' }] },
        });
      }

      for (const m of s.matchAll(FULL_DIGITS)) {
        const start = base + m.index;
        const end = start + m[0].length;
        if (skip(start, end)) continue;
        const correct = halfWidth(m[0]);
        fixed(start, end, correct, 'fullWidthDigits', m[0]);
      }

      for (const m of s.matchAll(ZH_YEAR)) {
        const year = m[1];
        // A year read digit by digit: at least two Chinese digits, and a zero written otherwise than 〇.
        let digits = 0;
        for (const c of year) if (c in ZH_DIGIT) digits++;
        ZERO_LOOKALIKE.lastIndex = 0;
        if (digits < 2 || !ZERO_LOOKALIKE.test(year)) continue;
        const start = base + m.index;
        const end = start + year.length;
        if (skip(start, end)) continue;
        fixed(start, end, year.replace(ZERO_LOOKALIKE, '〇'), 'yearZero', year);
      }

      for (const m of s.matchAll(ER)) {
        const start = base + m.index;
        if (ER_NOT_AFTER.has(text[start - 1]) || skip(start, start + 1)) continue;
        // 一、二个 is an approximate number: its finding writes 一两个.
        if (text[start - 1] === '、' && ZH_DIGIT[text[start - 2]] === 1) continue;
        // 星期二, 礼拜二 are days (二天 after them is not a count).
        if (text.startsWith('星期', start - 2)) continue;
        const unitEnd = start + 1 + (text.startsWith('小时', start + 1) ? 2 : 1);
        const written = text.slice(start, unitEnd);
        const correct = `两${written.slice(1)}`;
        found.push({
          start,
          end: unitEnd,
          messageId: 'erBeforeMeasure',
          data: { written, correct },
          fix: { messageId: 'changeTo', data: { correct }, edits: [{ start, end: start + 1, text: '两' }] },
        });
      }

      found.sort((a, b) => a.start - b.start || a.end - b.end);
      for (const f of found) report(f);
    }
  },
});

/** The edits that turn `[start, end)` into `correct`: only the characters that change (七、八 →
 * 七八 deletes the 顿号; 二零二三 → 二〇二三 replaces the 零). */
function editsFor(text: string, start: number, end: number, correct: string): { start: number; end: number; text: string }[] {
  const written = text.slice(start, end);
  let a = 0;
  while (a < written.length && a < correct.length && written[a] === correct[a]) a++;
  let b = 0;
  while (b < written.length - a && b < correct.length - a && written[written.length - 1 - b] === correct[correct.length - 1 - b]) b++;
  return [{ start: start + a, end: end - b, text: correct.slice(a, correct.length - b) }];
}

/** Whether a measure word (after an optional 十 百 千 万) starts at `at`: 七、八个, 三、四十人. */
function approxMeasureAt(text: string, at: number, lineEnd: number): boolean {
  let p = at;
  while (p < lineEnd && p < at + 2 && '十百千万'.includes(text[p])) p++;
  if (text[p] === '年') return !YEAR_NOT_QUANTITY.test(text[p + 1] ?? '');
  if (text.startsWith('个月', p)) return true;
  return APPROX_MEASURES.some((w) => text.startsWith(w, p));
}

/** `digits × factor` written in Arabic digits, without floating-point noise (3.47 × 1000 = 3470). */
function scaled(digits: string, factor: number): string {
  const [int, frac = ''] = digits.split('.');
  const zeros = String(factor).length - 1;
  const moved = frac.slice(0, zeros).padEnd(zeros, '0');
  const rest = frac.slice(zeros);
  const whole = (int + moved).replace(/^0+(?=[0-9])/, '');
  return rest ? `${whole}.${rest}` : whole;
}

function halfWidth(s: string): string {
  let out = '';
  for (const c of s) out += c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  return out;
}

/** A Chinese punctuation mark of the CJK block or the full-width forms, or “”‘’. */
function isCnMark(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff1f) || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}

/** 《…》 spans of a line (offsets in the line), outermost pairs only: titles are quoted as written. */
function bookSpans(s: string): [number, number][] {
  if (!s.includes('《')) return [];
  const out: [number, number][] = [];
  let open = -1;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '《') {
      if (depth === 0) open = i;
      depth++;
    } else if (s[i] === '》' && depth > 0 && --depth === 0) out.push([open, i]);
  }
  return out;
}

