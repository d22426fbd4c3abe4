// date-format: dates in Chinese text are written 2025年1月5日 — Arabic numerals, year in full,
// month and day without a leading zero (GB/T 9704-2012 7.3.5.1, the form of 成文日期).
// Finds 2025年01月05日 and, inside Chinese prose, 2025.1.5 / 2025-01-05 / 2025/1/5.

import { isCn, TextMask } from '../model/chars.js';
import { defineRule, localized } from '../rule.js';
import { proseLinesWith } from '../model/report-model.js';

/** 年月日 with digits: month and day may carry a leading zero. */
const ZH_DATE = /(?<![0-9０-９])(?:([0-9]{4})年)?([0-9]{1,2})月(?:([0-9]{1,2})([日号]))?/g;
/** Year, month and day joined by one separator, not part of a longer token (v2025.1.5,
 * 2025-01-05T10:00, 2025.1.5.docx, 192.2025.1.5). */
const SEP_DATE = /(?<![0-9A-Za-z_./\\\-#@=&?~+])([0-9]{4})([./-])([0-9]{1,2})\2([0-9]{1,2})(?![0-9A-Za-z_./\\\-:%+年月日号])/g;
/** A file name: the token after the date ends in an extension. */
const FILE_TAIL = /^[^\s，。；：、！？（）《》“”]*\.[A-Za-z][A-Za-z0-9]{0,4}(?![A-Za-z0-9])/;

/** A line can hold a finding only with 2025. 2025- 2025/ or a two-digit month or day (01月,
 * 05日): the test that lets most lines be skipped. Both branches start with one digit class,
 * which V8 scans faster than two alternatives. */
const HAS_DATE = /[0-9](?:[0-9]{3}[./-]|[0-9][月日号])/g;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= DAYS[m - 1];
}

export const dateFormat = defineRule({
  meta: {
    id: 'date-format',
    name: localized('日期写法', 'date format'),
    description: localized('日期写作“2025年1月5日”：月、日不加“0”，中文行文中不用“2025.1.5”“2025-01-05”', 'Dates are written 2025年1月5日: no leading zeros, and not 2025.1.5 or 2025-01-05 in Chinese prose'),
    category: 'date',
    defaultSeverity: 'warning',
    docs: 'docs/rules/date-format.md',
    fixable: true,
    fixNote: localized('改为“2025年1月5日”的形式', 'rewrites the date as 2025年1月5日'),
    messages: {
      leadingZero: { 'zh-CN': '日期「{date}」中的月、日不加「0」，应写作「{correct}」（GB/T 9704—2012 7.3.5.1）', en: 'No leading zero in the month or day of "{date}": write "{correct}" (GB/T 9704-2012 7.3.5.1)' },
      separators: { 'zh-CN': '中文行文中的日期「{date}」应写作「{correct}」（GB/T 9704—2012 7.3.5.1）', en: 'Write the date "{date}" in Chinese text as "{correct}" (GB/T 9704-2012 7.3.5.1)' },
      changeTo: { 'zh-CN': '改为「{correct}」', en: 'Change to "{correct}"' },
    },
  },
  check({ model, report }) {
    const text = model.text;
    const mask = new TextMask(model);
    for (const line of proseLinesWith(model, HAS_DATE)) {
      const base = line.start;
      const s = line.text;

      for (const m of s.matchAll(ZH_DATE)) {
        const [whole, year, month, day, dayMark] = m;
        const start = base + m.index;
        const end = start + whole.length;
        const mv = Number(month);
        const dv = day === undefined ? undefined : Number(day);
        const zeroMonth = month.length === 2 && month[0] === '0';
        const zeroDay = day !== undefined && day.length === 2 && day[0] === '0';
        if (!zeroMonth && !zeroDay) continue;
        if (mv < 1 || mv > 12 || (dv !== undefined && (dv < 1 || dv > DAYS[mv - 1]))) continue;
        if (mask.skip(start) || mask.skip(end - 1)) continue;
        const right = `${year !== undefined ? `${year}年` : ''}${mv}月${dv !== undefined ? `${dv}${dayMark}` : ''}`;
        report({
          start,
          end,
          messageId: 'leadingZero',
          data: { date: whole, correct: right },
          fix: { messageId: 'changeTo', data: { correct: right }, edits: [{ start, end, text: right }] },
        });
      }

      for (const m of s.matchAll(SEP_DATE)) {
        const [whole, year, , month, day] = m;
        const start = base + m.index;
        const end = start + whole.length;
        const y = Number(year);
        const mv = Number(month);
        const dv = Number(day);
        if (!validDate(y, mv, dv)) continue;
        if (mask.skip(start) || mask.skip(end - 1)) continue;
        // Inside Chinese prose only: a Chinese character or mark next to the date, across spaces.
        let l = start - 1;
        while (l >= line.start && (text[l] === ' ' || text[l] === '\t')) l--;
        let r = end;
        while (r < line.end && (text[r] === ' ' || text[r] === '\t')) r++;
        const left = l >= line.start ? text[l] : undefined;
        const next = r < line.end ? text[r] : undefined;
        if (!isCn(left) && !isCn(next)) continue;
        // Not in a file name (会议纪要2025-01-05.pdf) nor a version (版本2025.1.5).
        if (FILE_TAIL.test(text.slice(end, Math.min(line.end, end + 60)))) continue;
        if (/(?:版本?|版本号|[Vv]er)$/.test(text.slice(Math.max(line.start, l - 3), l + 1))) continue;
        const right = `${y}年${mv}月${dv}日`;
        report({
          start,
          end,
          messageId: 'separators',
          data: { date: whole, correct: right },
          fix: { messageId: 'changeTo', data: { correct: right }, edits: [{ start, end, text: right }] },
        });
      }
    }
  },
});
