// Character classes and "is this offset report text?" helpers shared by the punctuation,
// date and copy-residue rules. Everything works on UTF-16 code units of the source.

import { lastStartingAt, type Span } from './markdown.js';
import type { LineInfo, ReportModel } from './model-types.js';

/** Han characters: the unified ideographs, extension A and the compatibility ideographs, as a
 * character-class body for building patterns. */
export const HAN_RANGES = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
export const HAN = new RegExp(`[${HAN_RANGES}]`);
/** Chinese (full-width) punctuation and marks of any kind. */
const CN_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\uff3b-\uff40\uff5b-\uff65“”‘’…—·]/;
const CN_OPEN = new Set('“‘（《【「『〈〔〖'.split(''));
const CN_CLOSE = new Set('”’）》】」』〉〕〗'.split(''));
const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9]/;

// The predicates below take one UTF-16 code unit (from charCodeAt; NaN past the text's ends
// matches nothing). Hot loops use them instead of one-character strings and regex tests.

export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}
/** Same set as CN_PUNCT: the CJK marks block, the full-width forms other than letters, digits and ＠, and “”‘’…—·. */
export function isCnPunctCode(c: number): boolean {
  if (c >= 0x3000 && c <= 0x303f) return true;
  if (c >= 0xff01 && c <= 0xff65) return !((c >= 0xff10 && c <= 0xff19) || (c >= 0xff20 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a));
  return c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014 || c === 0xb7;
}
export function isCnCode(c: number): boolean {
  return isHanCode(c) || isCnPunctCode(c);
}
export function isLatinCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

// The string predicates answer for one character (a single code unit, as `text[i]` gives);
// longer strings keep the old meaning of "any code unit matches".

/** A string predicate from its code-unit test, and the pattern for longer strings. */
function charPredicate(codeTest: (c: number) => boolean, pattern: RegExp): (c: string | undefined) => boolean {
  return (c) => c !== undefined && (c.length === 1 ? codeTest(c.charCodeAt(0)) : pattern.test(c));
}

export const isHan = charPredicate(isHanCode, HAN);
export const isCnPunct = charPredicate(isCnPunctCode, CN_PUNCT);
/** A Chinese character or a Chinese punctuation mark. */
export function isCn(c: string | undefined): boolean {
  return isHan(c) || isCnPunct(c);
}
export function isCnOpen(c: string | undefined): boolean {
  return c !== undefined && CN_OPEN.has(c);
}
export function isCnClose(c: string | undefined): boolean {
  return c !== undefined && CN_CLOSE.has(c);
}
export const isLatin = charPredicate(isLatinCode, LATIN);
export const isDigit = charPredicate(isDigitCode, DIGIT);

/** Bare URLs and e-mail addresses written as plain text (GFM does not always link them). */
const BARE_URL = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s，。；、！？）)】」>”]+|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;

const urlCache = new WeakMap<ReportModel, Span[]>();

/** Bare URLs of the whole text (they never cross a line break), computed once per model. */
export function bareUrls(model: ReportModel): Span[] {
  let spans = urlCache.get(model);
  if (!spans) {
    spans = [];
    BARE_URL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = BARE_URL.exec(model.text))) spans.push({ start: m.index, end: m.index + m[0].length });
    urlCache.set(model, spans);
  }
  return spans;
}

/** The lines whose words are report text: paragraphs, headings and table rows. */
export function textLines(model: ReportModel): LineInfo[] {
  return model.lines.filter((l) => l.kind === 'text' || l.kind === 'table');
}

/** The line holding `offset`, if it is report text (a paragraph, heading or table row). */
export function textLineAt(model: ReportModel, offset: number): LineInfo | undefined {
  const line = model.lines[model.index.lineIndexAt(offset)];
  return line && (line.kind === 'text' || line.kind === 'table') ? line : undefined;
}

/** Answers "is this offset outside report text?": code, HTML, link destinations, bare URLs,
 * and (optionally) section markers that the numbering rules own. */
export class TextMask {
  private readonly urls: Span[];
  // Rules ask about offsets mostly in text order: each list remembers where its last answer was.
  private readonly excludedAt: SpanCursor;
  private readonly mdUrlsAt: SpanCursor;
  private readonly urlsAt: SpanCursor;
  private readonly markersAt: SpanCursor;
  constructor(
    private readonly model: ReportModel,
    private readonly markers: readonly Span[] = [],
  ) {
    this.urls = bareUrls(model);
    this.excludedAt = new SpanCursor(model.md.excluded);
    this.mdUrlsAt = new SpanCursor(model.md.urls);
    this.urlsAt = new SpanCursor(this.urls);
    this.markersAt = new SpanCursor(markers);
  }

  skip(offset: number): boolean {
    return this.excludedAt.has(offset) || this.mdUrlsAt.has(offset) || this.urlsAt.has(offset) || this.markersAt.has(offset);
  }

  /** False when `skip` is false everywhere in `[start, end)`: loops over a line then need not
   * ask offset by offset (most lines hold no code, HTML or URL). */
  touches(start: number, end: number): boolean {
    const md = this.model.md;
    return mayHit(md.excluded, start, end) || mayHit(md.urls, start, end) || mayHit(this.urls, start, end) || mayHit(this.markers, start, end);
  }

  /** True when nothing but spaces and skipped text lies in `[offset, lineEnd)`. */
  restIsEmpty(offset: number, lineEnd: number): boolean {
    const text = this.model.text;
    const masked = this.touches(offset, lineEnd);
    for (let o = offset; o < lineEnd; o++) {
      const c = text.charCodeAt(o);
      if (c === 32 || c === 9 || c === 0x3000) continue;
      if (masked && this.skip(o)) continue;
      return false;
    }
    return true;
  }
}

/** `inSpans` for offsets asked mostly in increasing order: it starts from the span found last
 * and steps forward a little before it falls back to a binary search. Same answers. */
class SpanCursor {
  private found = -1;
  constructor(private readonly spans: readonly Span[]) {}

  has(offset: number): boolean {
    const spans = this.spans;
    if (spans.length === 0) return false;
    let found = this.found;
    if (found >= 0 && spans[found].start <= offset) {
      for (let steps = 0; found + 1 < spans.length && spans[found + 1].start <= offset; steps++) {
        if (steps === 8) {
          found = lastStartingAt(spans, offset);
          break;
        }
        found++;
      }
    } else {
      found = lastStartingAt(spans, offset);
    }
    this.found = found;
    // Spans may nest: look back a little, as inSpans does.
    for (let i = found; i >= 0 && i > found - 4; i--) {
      if (spans[i].start <= offset && offset < spans[i].end) return true;
    }
    return false;
  }
}

/** Whether `inSpans(spans, o)` can be true for some o in `[start, end)`. It looks at the last
 * span starting at or before o and the three before that, so only those spans are checked. */
function mayHit(spans: readonly Span[], start: number, end: number): boolean {
  if (spans.length === 0 || start >= end) return false;
  const last = lastStartingAt(spans, end - 1);
  for (let i = Math.max(0, lastStartingAt(spans, start) - 3); i <= last; i++) {
    if (spans[i].start < end && spans[i].end > start) return true;
  }
  return false;
}

/** A line written mostly in English (more Latin letters than Chinese characters, code and
 * URLs not counted), such as an English sentence that quotes Chinese terms. */
export function isEnglishLine(model: ReportModel, line: LineInfo, mask: TextMask): boolean {
  const text = model.text;
  const masked = mask.touches(line.start, line.end);
  let latin = 0;
  let han = 0;
  for (let o = line.start; o < line.end; o++) {
    const c = text.charCodeAt(o);
    const latinCode = isLatinCode(c);
    if (!latinCode && !isHanCode(c)) continue;
    if (masked && mask.skip(o)) continue;
    if (latinCode) latin++;
    else han++;
  }
  return latin > han;
}

const markerCache = new WeakMap<ReportModel, readonly Span[]>();

/** Spans of the section markers (一、 （一） 1. （1） ①) that the numbering rules own, computed
 * once per model (callers only read them). */
export function markerSpans(model: ReportModel): readonly Span[] {
  let spans = markerCache.get(model);
  if (!spans) {
    spans = model.numbered.map((n) => ({ start: n.marker.start, end: n.marker.end })).sort((a, b) => a.start - b.start);
    markerCache.set(model, spans);
  }
  return spans;
}
