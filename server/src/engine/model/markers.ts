// Recognises a section marker (序次语) at the start of a line's content, in its standard
// form (GB/T 15834-2011 B.3) or in one of its common off-standard spellings.

import { formatChineseNumeral, formatCircled, isCircled, parseArabic, parseChineseNumeral, parseCircled } from './numerals.js';

/** GB/T 9704-2012 7.3.3 rank: 一、 = 1, （一） = 2, 1. = 3, （1） = 4; ① = 5 (common below （1）). */
export type Level = 1 | 2 | 3 | 4 | 5;

export interface Marker {
  level: Level;
  value: number;
  /** The marker as written, e.g. `(一)` or `1、`. */
  written: string;
  /** Offsets (absolute) of the whole marker, of its numeral part. */
  start: number;
  end: number;
  numeralStart: number;
  numeralEnd: number;
  /** The standard spelling of this marker, e.g. `（一）`. */
  standard: string;
  /** True when `written` differs from `standard` only by the numeral (never: standard is built from the numeral as written). */
  isStandard: boolean;
  /** Written without its punctuation (三以…, 7健全…, （三加强…): read as a marker because it fits the sibling sequence. */
  missing?: boolean;
  /** The level it is written at, when it restarts at 一 inside a section of that level and so belongs one level down. */
  demoted?: Level;
}

const ZH_NUM = /^[零〇一二三四五六七八九十百]{1,4}/;
const ARABIC = /^[0-9０-９]{1,2}/;

function isDigitChar(c: string | undefined): boolean {
  return c !== undefined && /[0-9０-９]/.test(c);
}

/** Text of a numeral in the marker's own system. */
export function formatNumeral(level: Level, value: number): string {
  if (level === 1 || level === 2) return formatChineseNumeral(value);
  if (level === 5) return formatCircled(value);
  return String(value);
}

export function standardMarker(level: Level, numeral: string): string {
  switch (level) {
    case 1:
      return `${numeral}、`;
    case 2:
    case 4:
      return `（${numeral}）`;
    case 3:
      return `${numeral}.`;
    case 5:
      return numeral;
  }
}

const TRAILING_PUNCT = /^[、.．，,]/;

/**
 * Reads a marker at `at` in `text` (absolute offsets; `lineEnd` bounds the search).
 * Returns undefined when the line does not start with a marker.
 */
export function readMarker(text: string, at: number, lineEnd: number): Marker | undefined {
  const s = text.slice(at, Math.min(lineEnd, at + 16));
  if (s.length === 0) return undefined;
  const first = s[0];

  // Circled numbers: ①, optionally followed by punctuation (off-standard).
  if (isCircled(first)) {
    let len = 1;
    if (TRAILING_PUNCT.test(s.slice(1)) && !isDigitChar(s[2])) len = 2;
    const value = parseCircled(first);
    const numeral = first;
    return build(5, value, at, len, at, at + 1, numeral, text);
  }

  // Bracketed: （一） (一) （1） (1), with optional spaces inside and punctuation after.
  if (first === '（' || first === '(') {
    const m = /^[（(][ \t]?([零〇一二三四五六七八九十百]{1,4}|[0-9０-９]{1,2})[ \t]?[）)]/.exec(s);
    if (!m) return undefined;
    const numeral = m[1];
    const chinese = !/^[0-9０-９]/.test(numeral);
    const value = chinese ? parseChineseNumeral(numeral) : parseArabic(numeral);
    if (!value) return undefined;
    let len = m[0].length;
    const rest = s.slice(len);
    if (TRAILING_PUNCT.test(rest) && !isDigitChar(rest[1])) len += 1;
    const numeralStart = at + m[0].indexOf(numeral);
    return build(chinese ? 2 : 4, value, at, len, numeralStart, numeralStart + numeral.length, numeral, text);
  }

  // Chinese numeral followed by 、 . ． ， , or a closing bracket.
  const zh = ZH_NUM.exec(s);
  if (zh) {
    const numeral = zh[0];
    const after = s[numeral.length];
    const value = parseChineseNumeral(numeral);
    if (!value || after === undefined) return undefined;
    if (after === '、' || after === '.' || after === '．' || after === '，' || after === ',') {
      // 一、2025年工作回顾 is a heading; 一.5 is not a marker.
      if (after !== '、' && isDigitChar(s[numeral.length + 1])) return undefined;
      return build(1, value, at, numeral.length + 1, at, at + numeral.length, numeral, text);
    }
    if (after === '）' || after === ')') {
      return build(2, value, at, numeral.length + 1, at, at + numeral.length, numeral, text);
    }
    return undefined;
  }

  // Arabic numeral followed by . ． 、 ， , or a closing bracket; never a decimal (1.5) or 1,200.
  const ar = ARABIC.exec(s);
  if (ar) {
    const numeral = ar[0];
    const after = s[numeral.length];
    if (after === undefined || isDigitChar(s[numeral.length + 1])) return undefined;
    const value = parseArabic(numeral);
    if (value === 0) return undefined;
    if (after === '.' || after === '．' || after === '、' || after === '，' || after === ',') {
      return build(3, value, at, numeral.length + 1, at, at + numeral.length, numeral, text);
    }
    if (after === '）' || after === ')') {
      return build(4, value, at, numeral.length + 1, at, at + numeral.length, numeral, text);
    }
  }
  return undefined;
}

/** Marks that cannot follow a marker: `2、，一提纳税服务` is a document site's chunk number before a clause's end. */
const NOT_AFTER_MARKER = new Set(['，', ',', '。', '；', ';', '、']);

function build(level: Level, value: number, start: number, len: number, numeralStart: number, numeralEnd: number, numeral: string, text: string): Marker | undefined {
  if (NOT_AFTER_MARKER.has(text[start + len])) return undefined;
  const written = text.slice(start, start + len);
  // Full-width digits are off-standard too: the standard form is written with ASCII digits.
  const standardNumeral = level === 3 || level === 4 ? String(value) : numeral;
  const standard = standardMarker(level, standardNumeral);
  return {
    level,
    value,
    written,
    start,
    end: start + len,
    numeralStart,
    numeralEnd,
    standard,
    isStandard: written === standard,
  };
}
