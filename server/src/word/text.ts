// Text helpers of the Word export: how wide a text is in characters (for the signature block and
// the attachment list), and dates as GB/T 9704-2012 7.3.5 writes them.

import { parseChineseNumeral } from '../engine/model/numerals.js';

/** Width in characters of the font size: full-width characters count one, half-width (ASCII, ½-width forms) half. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}

const DIGIT: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

const ARABIC_DATE = /((?:19|20)[0-9]{2})\s*(?:年|[.\-/．])\s*([0-9]{1,2})\s*(?:月|[.\-/．])\s*([0-9]{1,2})\s*日?/;
const CHINESE_DATE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/;

/**
 * A date line as 7.3.5 writes it: Arabic digits, the full year, no leading zero in month or day
 * (2025年3月5日). 2025年03月05日, 2025-03-05, 2025.3.5 and 二〇二五年三月五日 become 2025年3月5日; the
 * rest of the line (日期：) stays. A line without a date is returned as it is.
 */
export function normalizeDate(line: string): string {
  const a = ARABIC_DATE.exec(line);
  if (a) {
    const [m, d] = [Number(a[2]), Number(a[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return line.slice(0, a.index) + `${a[1]}年${m}月${d}日` + line.slice(a.index + a[0].length);
    return line;
  }
  const c = CHINESE_DATE.exec(line);
  if (c) {
    const year = [...c[1]].map((ch) => DIGIT[ch]).join('');
    const month = parseChineseNumeral(c[2]);
    const day = parseChineseNumeral(c[3]);
    if (month && day && month <= 12 && day <= 31) return line.slice(0, c.index) + `${year}年${month}月${day}日` + line.slice(c.index + c[0].length);
  }
  return line;
}
