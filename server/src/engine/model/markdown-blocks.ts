// Cutting a document into blocks that parse the same alone as inside the whole text, and
// telling the blocks without any Markdown syntax (plain paragraphs, not parsed at all).

import { LineIndex, type SourceLine } from '../line-index.js';

/** Characters that may make Markdown syntax anywhere in a line: code, strikethrough, HTML and
 * autolinks, emphasis, links and footnotes, table pipes. */
const SYNTAX_ANYWHERE = /[`~<*_[\]|]/;

/**
 * Whether the block from `lines[first]` to `end` holds no Markdown syntax at all, so that it can
 * only be a paragraph of plain text: none of SYNTAX_ANYWHERE, and no line that starts (after any
 * ordered-list markers `1.` `2)`) with indentation, `-`, `+`, `=`, `#` or `>`. Ordered-list markers
 * followed by two spaces or more (maybe indented code) count as syntax too.
 */
export function isPlainBlock(text: string, lines: readonly SourceLine[], first: number, end: number): boolean {
  if (first >= lines.length) return true;
  if (SYNTAX_ANYWHERE.test(text.slice(lines[first].start, end))) return false;
  for (let i = first; i < lines.length && lines[i].start < end; i++) {
    if (!plainLineStart(text, lines[i].start, lines[i].end)) return false;
  }
  return true;
}

function plainLineStart(text: string, start: number, end: number): boolean {
  let p = text.charCodeAt(start) === 0xfeff ? start + 1 : start;
  for (;;) {
    if (p >= end) return true;
    const c = text.charCodeAt(p);
    // indentation, bullets, setext underlines, headings, quotes
    if (c === 32 || c === 9 || c === 45 || c === 43 || c === 61 || c === 35 || c === 62) return false;
    let q = p;
    while (q < end && q - p < 9 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
    if (q === p || q >= end) return true;
    const mark = text.charCodeAt(q);
    if (mark !== 46 /* . */ && mark !== 41 /* ) */) return true;
    q++;
    if (q >= end) return true;
    const w = text.charCodeAt(q);
    if (w !== 32 && w !== 9) return true; // 1.5 is a number, not a marker
    const w2 = text.charCodeAt(q + 1);
    if (q + 1 < end && (w2 === 32 || w2 === 9)) return false;
    p = q + 1; // what follows an ordered-list marker starts a line of its own
  }
}

/**
 * Offsets where the document can be cut into blocks that parse the same on their own as inside
 * the whole text: before a line that starts at the margin after a blank line. There CommonMark has
 * closed every open block (paragraphs, quotes, tables, indented code). Lines that `mayOpenBlock`
 * rules out are never cuts, nor is anything inside the front matter. Constructs that may hold
 * blank lines or reach across the document make the whole text one block: fenced code, HTML
 * blocks other than a one-line comment, link and footnote definitions (`]:`). Reports seldom have
 * them. The first block starts at 0.
 */
export function blockStarts(text: string, lines: readonly SourceLine[] = new LineIndex(text).lines): number[] {
  const whole = [0];
  if (text.includes(']:') || text.includes('```') || text.includes('~~~')) return whole;
  const starts = [0];
  let from = 0;
  const fm = /^(?:\uFEFF)?(---|\+\+\+)[ \t]*(?:\r?\n|\r|$)/.exec(text);
  if (fm) {
    // Nothing inside the front matter is a cut.
    const close = fm[1];
    from = lines.findIndex((l, i) => i > 0 && l.text.trimEnd() === close) + 1;
    if (from === 0) return whole;
  }
  // Lines holding a `<`, found by the native search (they are few): only they may open HTML.
  let nextLt = text.indexOf('<', lines[from]?.start ?? text.length);
  let previousBlank = from > 0 && isBlankLine(lines[from - 1].text);
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (nextLt >= 0 && nextLt < line.end) {
      if (opensHtmlBlock(line.text)) return whole;
      nextLt = text.indexOf('<', line.end);
    }
    const c0 = text.charCodeAt(line.start);
    const blank = line.start === line.end || ((c0 === 32 || c0 === 9) && isBlankLine(line.text));
    if (previousBlank && !blank && mayOpenBlock(c0)) starts.push(line.start);
    previousBlank = blank;
  }
  return starts;
}

/**
 * Whether a line starting with this character may open a block: not indentation, not a byte order
 * mark (the parser drops it only at the start of a text), and not a list marker or `---`/`+++`
 * (after indented code the parser reads `-` or `2.` as if it interrupted a paragraph; a list may
 * also go on after a blank line; a block must not open as front matter).
 */
function mayOpenBlock(c0: number): boolean {
  const listOrRule = c0 === 45 /* - */ || c0 === 43 /* + */ || c0 === 42 /* * */ || (c0 >= 48 && c0 <= 57);
  return c0 !== 32 && c0 !== 9 && c0 !== 0xfeff && !listOrRule;
}

function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Whether a line may open an HTML block (after any quote and list markers): `<` first, unless it
 * is a comment that closes on the same line. */
function opensHtmlBlock(line: string): boolean {
  const lt = line.indexOf('<');
  if (lt < 0) return false;
  let p = 0;
  for (;;) {
    // A byte order mark counts as nothing here: the parser drops it at the start of the text.
    while (p < line.length && (line[p] === ' ' || line[p] === '\t' || line[p] === '>' || line[p] === '\uFEFF')) p++;
    const marker = /^(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(p, p + 11));
    if (!marker) break;
    p += marker[0].length;
  }
  if (p !== lt) return false;
  return !(line.startsWith('<!--', p) && line.indexOf('-->', p + 4) >= 0);
}
