// Chinese, Arabic (ASCII and full-width) and circled numerals used in section markers.

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Characters that may form a Chinese numeral in a marker. */
export const CHINESE_NUMERAL_CHARS = '零〇一二三四五六七八九十百';

/** Value of a Chinese numeral from 1 to 999 (一, 十一, 二十, 一百零五…), or undefined. */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0 || s.length > 6) return undefined;
  let total = 0;
  let pending = -1; // digit waiting for a unit, -1 when none
  let lastUnit = 1000;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (pending >= 0 && !(pending === 0)) return undefined; // two digits in a row (一二)
      pending = DIGIT[ch];
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      if (unit >= lastUnit) return undefined;
      const d = pending < 0 ? (unit === 10 && total === 0 ? 1 : -1) : pending;
      if (d <= 0) return undefined;
      total += d * unit;
      lastUnit = unit;
      pending = -1;
    } else {
      return undefined;
    }
  }
  if (pending > 0) {
    // 二百五 style is not used in markers; a trailing digit adds units.
    total += pending;
  }
  return total > 0 ? total : undefined;
}

const ZH = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五. */
export function formatChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 999) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = '';
  if (h) s += ZH[h] + '百';
  if (t) s += (t === 1 && !h ? '' : ZH[t]) + '十';
  else if (h && u) s += '零';
  if (u) s += ZH[u];
  return s;
}

/** Value of ASCII or full-width decimal digits. */
export function parseArabic(s: string): number {
  let v = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    v = v * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  return v;
}

export function isCircled(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x2460 && c <= 0x2473;
}

/** ① → 1 … ⑳ → 20. */
export function parseCircled(ch: string): number {
  return ch.charCodeAt(0) - 0x2460 + 1;
}

export function formatCircled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `(${n})`;
}
