// Which encoding a file's bytes are in, decided from evidence; decoding, and encoding back the
// same way. Pure (bytes in, text out, no file system), so that the command line and the language
// server can share it.
//
// A BOM decides (UTF-8, UTF-16 LE/BE). An encoding the user states (--encoding, the `encoding`
// setting) is trusted. Otherwise each candidate (UTF-8, GB18030, Big5, Shift_JIS) decodes a
// bounded sample, and each reading is scored by the share of its non-ASCII characters that are
// what such files hold: common hanzi (the 3755 of GB2312 level 1, common-hanzi-data.ts, in
// either script), kana in runs, CJK and general punctuation, letters of other scripts
// beside letters of their own script. A wrong reading turns into rare characters, private-use
// code points, scripts changing every character (GBK 学习 read as UTF-8 is ѧϰ), half-width
// katakana, or bytes that do not decode at all. The most plausible reading wins; valid UTF-8 wins
// unless another reading is clearly more plausible. When another reading comes close, or there
// is too little text to tell, the decision is weak: check with it, but do not write the file back.

import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { EncodingName } from '../engine/encoding-names.js';
import { SIMPLIFIED, TRADITIONAL } from '../engine/model/script-fold-data.js';
import { GB2312_LEVEL1 } from './common-hanzi-data.js';

export { parseEncodingName, STATED_ENCODINGS, type EncodingName } from '../engine/encoding-names.js';

export interface Encoding {
  name: EncodingName;
  bom: boolean;
}

/** Why a detected encoding is not sure enough to write the file back in it. */
export type WeakReason =
  /** Another encoding's reading is nearly as plausible. */
  | { kind: 'close'; alternative: EncodingName }
  /** Too little non-ASCII text to tell. */
  | { kind: 'little' }
  /** No candidate's reading looks like ordinary text. */
  | { kind: 'implausible' };

/** How the encoding was decided. */
export type Evidence =
  | { kind: 'bom' }
  /** Stated by the user; `mismatch` when its reading does not look like text and the bytes plainly are another encoding. */
  | { kind: 'stated'; mismatch?: EncodingName }
  /** Nothing but ASCII: every candidate reads it the same; UTF-8 is used. */
  | { kind: 'ascii' }
  /** `plausibility`: share (0–1) of the chosen reading's non-ASCII characters that are ordinary text; `weak` when not sure. */
  | { kind: 'detected'; plausibility: number; weak?: WeakReason };

/** The first bytes that do not decode in the chosen encoding. */
export interface InvalidBytes {
  /** Byte offset in the file, from 0 (a BOM counts). */
  offset: number;
  /** 1-based line of that offset. */
  line: number;
  /** Up to four bytes from the offset. */
  bytes: number[];
}

export type Decoded =
  | {
      kind: 'text';
      text: string;
      encoding: Encoding;
      /** encode(text) gives back the very bytes read. */
      lossless: boolean;
      evidence: Evidence;
      /** Where decoding failed, when it did (`lossless` is then false). */
      invalid?: InvalidBytes;
    }
  | { kind: 'binary' };

const BOMS: Record<EncodingName, Buffer> = {
  'utf-8': Buffer.from([0xef, 0xbb, 0xbf]),
  'utf-16le': Buffer.from([0xff, 0xfe]),
  'utf-16be': Buffer.from([0xfe, 0xff]),
  gb18030: Buffer.alloc(0),
  big5: Buffer.alloc(0),
  shift_jis: Buffer.alloc(0),
};

const CANDIDATES = ['utf-8', 'gb18030', 'big5', 'shift_jis'] as const;
type Candidate = (typeof CANDIDATES)[number];

/** Bytes of a file that are scored; validity is still checked on the whole file. */
export const SAMPLE_BYTES = 64 * 1024;
/** A sure decision: the chosen reading is this much more plausible than the next one… */
const MIN_MARGIN = 0.25;
/** …and this share of its non-ASCII characters are ordinary… */
const MIN_PLAUSIBILITY = 0.6;
/** …and it has this many non-ASCII characters (fewer do when all are ordinary and no other reading is); valid UTF-8 with twice as many is sure. */
const MIN_CHARACTERS = 4;

function startsWith(bytes: Uint8Array, prefix: Buffer): boolean {
  return prefix.length > 0 && bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function decodeAs(body: Buffer, name: EncodingName): string {
  if (name === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  return iconv.decode(body, name, { stripBOM: false });
}

/** Decodes with the encoding a BOM names, else the one the user states, else the one detected; the BOM is not part of the text. */
export function decode(bytes: Uint8Array, stated?: EncodingName): Decoded {
  const all = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let encoding: Encoding | undefined;
  let evidence: Evidence | undefined;
  // A BOM is the file's own statement: it wins over a setting made for many files.
  for (const name of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
    if (startsWith(all, BOMS[name])) {
      encoding = { name, bom: true };
      evidence = { kind: 'bom' };
    }
  }
  const utf16 = stated === 'utf-16le' || stated === 'utf-16be';
  // NUL bytes without a BOM mean a binary file, unless the user says UTF-16.
  if (!encoding && !utf16 && all.includes(0)) return { kind: 'binary' };
  if (!encoding && stated) {
    encoding = { name: stated, bom: false };
    evidence = { kind: 'stated' };
    const mismatch = utf16 ? undefined : mismatchOf(all, stated);
    if (mismatch) evidence.mismatch = mismatch;
  }
  if (!encoding || !evidence) {
    const detected = detectEncoding(all);
    encoding = { name: detected.name, bom: false };
    evidence = detected.evidence;
  }
  const text = decodeAs(all.subarray(BOMS[encoding.name].length * Number(encoding.bom)), encoding.name);
  // Valid UTF-8 always encodes back to the bytes it came from; other encodings are checked.
  const again = encoding.name === 'utf-8' && isUtf8(all) ? undefined : encode(text, encoding);
  const lossless = again === undefined || again.equals(all);
  const decoded: Decoded = { kind: 'text', text, encoding, lossless, evidence };
  if (!lossless && again) decoded.invalid = firstDifference(all, again, text, encoding);
  return decoded;
}

/** Encodes text in the given encoding, with the BOM if the original had one. */
export function encode(text: string, encoding: Encoding): Buffer {
  const body = encodeBodyOf(text, encoding.name);
  return encoding.bom ? Buffer.concat([BOMS[encoding.name], body]) : body;
}

const LABELS: Record<EncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
  big5: 'Big5',
  shift_jis: 'Shift_JIS',
};

export function encodingLabel(encoding: Encoding | EncodingName): string {
  if (typeof encoding === 'string') return LABELS[encoding];
  return encoding.bom ? `${LABELS[encoding.name]} (BOM)` : LABELS[encoding.name];
}

/** Where the bytes read and the bytes their text encodes back to first differ: the bytes that did not decode. */
function firstDifference(read: Buffer, again: Buffer, text: string, encoding: Encoding): InvalidBytes {
  let offset = 0;
  const n = Math.min(read.length, again.length);
  while (offset < n && read[offset] === again[offset]) offset++;
  let line = 1;
  if (encoding.name === 'utf-16le' || encoding.name === 'utf-16be') {
    // Two bytes a code unit: the text up to the offset holds the line feeds before it.
    const units = Math.max(0, (offset - (encoding.bom ? 2 : 0)) >> 1);
    for (let i = 0; i < units && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  } else {
    // A line feed byte is never part of a multi-byte character in these encodings.
    for (let i = 0; i < offset; i++) if (read[i] === 0x0a) line++;
  }
  return { offset, line, bytes: [...read.subarray(offset, offset + 4)] };
}

// ---- Detection ----

export interface Reading {
  name: Candidate;
  /** Non-ASCII characters that look like ordinary text. */
  plain: number;
  /** Non-ASCII characters that do not (rare, private use, undecodable…). */
  odd: number;
  /** plain / (plain + odd); 1 when there are neither. */
  plausibility: number;
}

/**
 * Each candidate's reading of the sample, UTF-8 first. `wholeIsUtf8`: the whole file is valid
 * UTF-8, and the other readings are skipped when the UTF-8 one is sure whatever they are (the
 * common case, which then costs one decoding of the sample).
 */
function readingsOf(bytes: Buffer, wholeIsUtf8 = false): Reading[] | undefined {
  const sample = sampleOf(bytes);
  if (sample === undefined) return undefined;
  const readings: Reading[] = [];
  for (const name of CANDIDATES) {
    const { plain, odd } = score(decodeAs(sample.bytes, name), sample.cut, name === 'shift_jis' ? japanese() : common());
    const reading = { name, plain, odd, plausibility: plain + odd === 0 ? 1 : plain / (plain + odd) };
    readings.push(reading);
    if (wholeIsUtf8 && name === 'utf-8' && reading.plausibility > 1 - MIN_MARGIN && plain + odd >= 2 * MIN_CHARACTERS) break;
  }
  return readings;
}

/** The encoding of bytes without a BOM, with the evidence for it and each candidate's reading (most plausible first). */
export function detectEncoding(bytes: Buffer, given?: Reading[]): { name: EncodingName; evidence: Evidence; readings: Reading[] } {
  // Valid UTF-8 with multi-byte sequences is itself evidence (the bytes of other encodings seldom
  // are): another reading has to be clearly more plausible to win over it.
  const wholeIsUtf8 = isUtf8(bytes);
  const readings = given ?? readingsOf(bytes, wholeIsUtf8);
  if (readings === undefined) return { name: 'utf-8', evidence: { kind: 'ascii' }, readings: [] };
  // Most plausible first; on a tie the order of CANDIDATES (UTF-8 first, then GB18030) decides.
  const ranked = [...readings].sort((a, b) => b.plausibility - a.plausibility || CANDIDATES.indexOf(a.name) - CANDIDATES.indexOf(b.name));
  const utf8 = readings[0];
  if (wholeIsUtf8 && ranked[0] !== utf8 && ranked[0].plausibility - utf8.plausibility < MIN_MARGIN) {
    ranked.splice(ranked.indexOf(utf8), 1);
    ranked.unshift(utf8);
  }
  const [best, next = best] = ranked;
  const characters = best.plain + best.odd;
  let weak: WeakReason | undefined;
  if (best.plausibility < MIN_PLAUSIBILITY) weak = { kind: 'implausible' };
  else if (wholeIsUtf8 && best === utf8 && characters >= 2 * MIN_CHARACTERS) weak = undefined; // sure whatever the next reading
  else if (characters < 2 || (characters < MIN_CHARACTERS && (best.plausibility < 1 || next.plausibility >= 0.5))) weak = { kind: 'little' };
  else if (best.plausibility - next.plausibility < MIN_MARGIN) weak = { kind: 'close', alternative: next.name };
  const evidence: Evidence = { kind: 'detected', plausibility: best.plausibility };
  if (weak) evidence.weak = weak;
  return { name: best.name, evidence, readings: ranked };
}

/** The encoding the bytes plainly are, when the stated one reads as no ordinary text. */
function mismatchOf(bytes: Buffer, stated: Candidate): EncodingName | undefined {
  const readings = readingsOf(bytes);
  const own = readings?.find((r) => r.name === stated);
  if (!readings || !own || own.plausibility >= MIN_PLAUSIBILITY || own.plain + own.odd < MIN_CHARACTERS) return undefined;
  const detected = detectEncoding(bytes, readings);
  return detected.name !== stated && detected.evidence.kind === 'detected' && !detected.evidence.weak ? detected.name : undefined;
}

/**
 * The bytes that are scored: the first SAMPLE_BYTES, or as many from the first non-ASCII byte
 * when the start is all ASCII (a character starts there in every candidate), cut after a line
 * feed where there is one. Undefined when the file is all ASCII.
 */
function sampleOf(bytes: Buffer): { bytes: Buffer; cut: boolean } | undefined {
  let first = 0;
  while (first < bytes.length && bytes[first] < 0x80) first++;
  if (first === bytes.length) return undefined;
  const start = first < SAMPLE_BYTES ? 0 : first;
  let end = start + SAMPLE_BYTES;
  if (end >= bytes.length) return { bytes: bytes.subarray(start), cut: false };
  const newline = bytes.lastIndexOf(0x0a, end - 1);
  if (newline > first) end = newline + 1;
  // Cut inside a line, the last character may be cut too: it is not scored.
  return { bytes: bytes.subarray(start, end), cut: bytes[end - 1] !== 0x0a };
}

let commonHanzi: Uint8Array | undefined;

/**
 * Bit per code point U+4E00–U+9FFF: the GB2312 level 1 characters (the 3755 most used simplified
 * ones, common-hanzi-data.ts), and the traditional characters that fold to one of them (the OpenCC
 * table of script-fold-data.ts). Big5 level 1 as a whole would not do: GB2312 text read as Big5
 * lands in it, but seldom on characters whose simplified forms are common. No code table is built
 * for it, so a UTF-8 file is read without one.
 */
function common(): Uint8Array {
  if (commonHanzi) return commonHanzi;
  const table = new Uint8Array(0xa000 - 0x4e00);
  for (let i = 0; i < GB2312_LEVEL1.length; i++) table[GB2312_LEVEL1.charCodeAt(i) - 0x4e00] = 1;
  for (let i = 0; i < TRADITIONAL.length; i++) {
    const t = TRADITIONAL.charCodeAt(i);
    const s = SIMPLIFIED.charCodeAt(i);
    if (t >= 0x4e00 && t < 0xa000 && s >= 0x4e00 && s < 0xa000 && table[s - 0x4e00]) table[t - 0x4e00] = 1;
  }
  commonHanzi = table;
  return table;
}

let commonKanji: Uint8Array | undefined;

/** The same for a Shift_JIS reading: JIS X 0208 level 1, the 2965 common kanji (0x889F–0x9872), and the hanzi above. */
function japanese(): Uint8Array {
  if (commonKanji) return commonKanji;
  const table = common().slice();
  const pairs: number[] = [];
  for (let hi = 0x88; hi <= 0x98; hi++) {
    for (let lo = hi === 0x88 ? 0x9f : 0x40; lo <= (hi === 0x98 ? 0x72 : 0xfc); lo++) if (lo !== 0x7f) pairs.push(hi, lo);
  }
  for (const ch of iconv.decode(Buffer.from(pairs), 'shift_jis')) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x4e00 && c < 0xa000) table[c - 0x4e00] = 1;
  }
  commonKanji = table;
  return table;
}

const enum Kind {
  Ascii,
  /** Ordinary non-ASCII text: common hanzi, hangul, CJK and general punctuation, common signs, emoji. */
  Plain,
  /** Not counted either way (spaces and format characters). */
  Neutral,
  /** A letter of another script: ordinary when a neighbour is of its script (or CJK). */
  Letter,
  /** Ordinary beside kana: Japanese writes kana in runs; a lone kana among hanzi is mostly a misreading (of GBK as Big5). */
  Kana,
  Odd,
}

/** The script of a non-CJK letter, as a small number; 0 when the code point is not such a letter. */
function letterScript(c: number): number {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 1; // ASCII letters are Latin
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return 1;
  if (c >= 0x370 && c <= 0x3ff) return 2; // Greek
  if (c >= 0x400 && c <= 0x52f) return 3; // Cyrillic
  if (c >= 0x530 && c <= 0x58f) return 4; // Armenian
  if (c >= 0x590 && c <= 0x5ff) return 5; // Hebrew
  if (c >= 0x600 && c <= 0x6ff) return 6; // Arabic
  if (c >= 0x900 && c <= 0x97f) return 7; // Devanagari
  if (c >= 0xe00 && c <= 0xe7f) return 8; // Thai
  return 0;
}

const LATIN1_PLAIN = new Set([0xa0, 0xa7, 0xa9, 0xab, 0xae, 0xb0, 0xb1, 0xb7, 0xbb, 0xd7, 0xf7]);

function kindOf(c: number, table: Uint8Array): Kind {
  if (c < 0x80) return Kind.Ascii;
  if (c >= 0x4e00 && c < 0xa000) return table[c - 0x4e00] ? Kind.Plain : Kind.Odd;
  if (letterScript(c)) return Kind.Letter;
  if (c <= 0xbf) return LATIN1_PLAIN.has(c) ? Kind.Plain : Kind.Odd; // C1 controls and most Latin-1 signs are odd
  if (c >= 0x3000 && c <= 0x303f) return Kind.Plain; // CJK punctuation
  if (c >= 0x3041 && c <= 0x30ff) return Kind.Kana;
  if (c >= 0xff01 && c <= 0xff5e) return Kind.Plain; // full-width ASCII
  if (c >= 0xffe0 && c <= 0xffe6) return Kind.Plain; // full-width signs
  if (c >= 0xac00 && c <= 0xd7a3) return Kind.Plain; // hangul syllables
  if (c >= 0x2010 && c <= 0x203b) return Kind.Plain; // dashes, quotes, ellipsis, ‰, ※
  if (c >= 0x2000 && c <= 0x200f) return Kind.Neutral; // spaces, zero-width characters
  if (c === 0x2103 || c === 0x2116 || (c >= 0x2160 && c <= 0x217f) || (c >= 0x2190 && c <= 0x2193)) return Kind.Plain; // ℃ № Ⅰ →
  if (c >= 0x2200 && c <= 0x22ff) return Kind.Plain; // ≤ ≥ ≠ ∶ …
  if (c >= 0x2460 && c <= 0x24ff) return Kind.Plain; // ① ⑴ ⒈
  if (c >= 0x25a0 && c <= 0x25ff) return Kind.Plain; // ■ □ ▲ ○ ● ◆
  if (c === 0x2605 || c === 0x2606 || c === 0x2714) return Kind.Plain; // ★ ☆ ✔
  if (c >= 0x1f300 && c <= 0x1faff) return Kind.Plain; // emoji
  if (c === 0xfeff) return Kind.Neutral;
  return Kind.Odd; // rare hanzi, private use, replacement characters, half-width katakana, box drawing…
}

/** Kind of each BMP code point for one table of common characters, computed once. */
const kindTables = new Map<Uint8Array, Uint8Array>();

function kindsFor(table: Uint8Array): Uint8Array {
  let kinds = kindTables.get(table);
  if (!kinds) {
    kinds = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) kinds[c] = kindOf(c, table);
    kindTables.set(table, kinds);
  }
  return kinds;
}

let scripts: Uint8Array | undefined;

/** letterScript of each BMP code point, computed once. */
function scriptTable(): Uint8Array {
  if (!scripts) {
    scripts = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) scripts[c] = letterScript(c);
  }
  return scripts;
}

/** Counts the plain and odd non-ASCII characters of a reading (the last one not, when the sample was cut). */
function score(text: string, cut: boolean, table: Uint8Array): { plain: number; odd: number } {
  const kinds = kindsFor(table);
  const script = scriptTable();
  // Code points, with supplementary ones as Plain (emoji) or Odd (rare hanzi…) stand-ins: 0xE000 is private use.
  const points = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < text.length) {
      const c = text.codePointAt(i)!;
      i++;
      points[n++] = kindOf(c, table) === Kind.Plain ? 0x3001 : 0xe000;
    } else points[n++] = u;
  }
  if (cut && n > 0) n--;
  let plain = 0;
  let odd = 0;
  const isKana = (c: number) => kinds[c] === Kind.Kana;
  const isCjk = (c: number) => c >= 0x3000 && (kinds[c] === Kind.Plain || kinds[c] === Kind.Kana);
  for (let i = 0; i < n; i++) {
    const c = points[i];
    const kind = kinds[c];
    if (kind === Kind.Ascii || kind === Kind.Neutral) continue;
    if (kind === Kind.Plain) plain++;
    else if (kind === Kind.Odd) odd++;
    else {
      const before = i > 0 ? points[i - 1] : -1;
      const after = i + 1 < n ? points[i + 1] : -1;
      let ok: boolean;
      if (kind === Kind.Kana) {
        ok = (before >= 0 && isKana(before)) || (after >= 0 && isKana(after));
      } else {
        // A letter among letters of its script (café, Москва) or beside CJK text (β受体) is
        // ordinary; one whose neighbours are of other scripts (ѧϰ, read from GBK 学习) is not.
        const own = script[c];
        ok = (before >= 0 && (script[before] === own || isCjk(before))) || (after >= 0 && (script[after] === own || isCjk(after)));
      }
      if (ok) plain++;
      else odd++;
    }
  }
  return { plain, odd };
}

/** The first character of `text` that `encoding` cannot hold (encoding it would change it), if any. */
export function unencodable(text: string, encoding: Encoding): string | undefined {
  const again = decodeAs(encodeBodyOf(text, encoding.name), encoding.name);
  if (again === text) return undefined;
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === again.charCodeAt(i)) i++;
  if (i > 0 && /[\udc00-\udfff]/.test(text[i] ?? '') && /[\ud800-\udbff]/.test(text[i - 1])) i--; // the whole surrogate pair
  return String.fromCodePoint(text.codePointAt(i) ?? 0xfffd);
}

function encodeBodyOf(text: string, name: EncodingName): Buffer {
  return name === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, name, { addBOM: false });
}
