// Limits on what goes into the parser: inputs whose parse time grows faster than linearly
// (thousands of delimiters, setext underlines, deep quotes or nesting in one block) are read
// as plain text from the limit on, so that no text can stall a check.

import { blockStarts } from './markdown-blocks.js';

/** Characters that make the parser's resolution of a paragraph's text costly (its time grows
 * with their square) when thousands stand in one block: emphasis, strikethrough and link
 * delimiters, the starts of HTML, character references and images, backticks and backslashes. */
const COSTLY: { chars: RegExp }[] = [{ chars: /[*_]/g }, { chars: /~/g }, { chars: /[[\]]/g }, { chars: /</g }, { chars: /&/g }, { chars: /!/g }, { chars: /`/g }, { chars: /\\/g }];
/** More delimiters of one kind than this in one block are read as plain text. */
export const DELIMITER_LIMIT = 2000;
/** More lines of only `=` or `-` (setext heading underlines) than this in one block are read as
 * text: the parser's cost grows with their square (2,000 such headings took a second). */
export const UNDERLINE_LIMIT = 300;
const UNDERLINE = /^[ \t>]*(?:=+|-+)[ \t]*$/gm;

/**
 * The text handed to the parser: the source itself, except that in a block (text between blank
 * lines) holding more than DELIMITER_LIMIT of one kind of COSTLY characters those characters are
 * replaced one for one (offsets unchanged), so that pathological input costs linear
 * time. The rules still read the source; such runs simply count as literal text.
 */
export function parserInput(text: string): string {
  const source = limitNesting(limitQuoteDepth(text));
  const totals = COSTLY.map(({ chars }) => (source.match(chars)?.length ?? 0));
  const underlines = source.match(UNDERLINE)?.length ?? 0;
  if (totals.every((n) => n <= DELIMITER_LIMIT) && underlines <= UNDERLINE_LIMIT) return source;
  const blocks = source.split(/(\n[ \t]*\r?\n)/);
  return blocks
    .map((block) => {
      let out = block;
      for (const { chars } of COSTLY) {
        const count = out.match(chars)?.length ?? 0;
        if (count > DELIMITER_LIMIT) out = out.replace(chars, 'x');
      }
      if ((out.match(UNDERLINE)?.length ?? 0) > UNDERLINE_LIMIT) out = out.replace(UNDERLINE, (line) => line.replace(/[=-]/g, 'x'));
      return out;
    })
    .join('');
}

/** Block quotes nested deeper than this on one line are read as text from there on. */
export const QUOTE_DEPTH_LIMIT = 32;
const DEEP_QUOTE = new RegExp(`^((?:[ \\t]*>){${QUOTE_DEPTH_LIMIT}})([ \\t>]*)`, 'gm');

/** `> > > …` thousands deep costs the parser quadratic time: keep 32 levels, the rest is text. */
function limitQuoteDepth(text: string): string {
  if (!text.includes('>')) return text;
  return text.replace(DEEP_QUOTE, (_all, kept: string, rest: string) => kept + rest.replace(/>/g, 'x'));
}

/**
 * More lines than this in one parse that open a container inside a list item (a nested list item,
 * a quote in an item) or go on lazily after a quote line are read as text: the parser's cost grows
 * with their square (4,000 nested items took 10 s). Reports seldom nest lists at all.
 */
export const NESTING_LIMIT = 200;

/** Marker of a list item at `p` (`-` `*` `+` or 1–9 digits and `.`/`)`, then a space, tab or the
 * line's end): its length, or 0. */
function listMarkerAt(line: string, p: number): number {
  let q = p;
  const c = line.charCodeAt(q);
  if (c === 45 || c === 42 || c === 43) q++;
  else {
    while (q < line.length && q - p < 9 && line.charCodeAt(q) >= 48 && line.charCodeAt(q) <= 57) q++;
    if (q === p || (line[q] !== '.' && line[q] !== ')')) return 0;
    q++;
  }
  return q === line.length || line[q] === ' ' || line[q] === '\t' ? q - p : 0;
}

/** Where a line's costly nesting is: the offset and length of the container marker to read as
 * text, or undefined. `afterQuote`: the line before was a quote line (this one may be lazy). */
function nestedMarker(line: string, afterQuote: boolean): { at: number; length: number } | undefined {
  let p = 0;
  while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
  if (p === line.length) return undefined;
  if (line[p] === '>') return undefined;
  const first = listMarkerAt(line, p);
  // An indented list marker: an item nested in another.
  if (first > 0 && p > 0) return { at: p, length: first };
  if (first > 0) {
    let q = p + first;
    while (q < line.length && (line[q] === ' ' || line[q] === '\t')) q++;
    if (line[q] === '>') return { at: q, length: 1 };
    const inner = q < line.length ? listMarkerAt(line, q) : 0;
    if (inner > 0) return { at: q, length: inner };
    return undefined;
  }
  // A lazy line after a quote line: the quote's marker is what costs; see limitNesting.
  return afterQuote ? { at: -1, length: 0 } : undefined;
}

/** How many lines of `text` nest costly (see nestedMarker). */
function nestingCount(text: string): number {
  let count = 0;
  let afterQuote = false;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (nestedMarker(line, afterQuote)) count++;
    afterQuote = /^[ \t]*>/.test(line);
  }
  return count;
}

/**
 * Reads as text the nesting of each block (see blockStarts) that has more than NESTING_LIMIT
 * nesting lines, so that the outcome does not depend on how blocks are grouped into one parse.
 */
function limitNesting(text: string): string {
  if (nestingCount(text) <= NESTING_LIMIT) return text;
  const starts = blockStarts(text);
  return starts
    .map((start, i) => {
      const block = text.slice(start, starts[i + 1] ?? text.length);
      return nestingCount(block) > NESTING_LIMIT ? flattenNesting(block) : block;
    })
    .join('');
}

export function flattenNesting(block: string): string {
  const lines = block.split(/(\r\n|\n|\r)/);
  let afterQuote = false;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i];
    const isQuote = /^[ \t]*>/.test(line);
    const nested = nestedMarker(line, afterQuote);
    if (nested && nested.at >= 0) lines[i] = line.slice(0, nested.at) + 'x'.repeat(nested.length) + line.slice(nested.at + nested.length);
    // A quote followed by a lazy line: its marker is read as text.
    if (isQuote && i + 2 < lines.length && !/^[ \t]*(?:>|$)/.test(lines[i + 2])) lines[i] = lines[i].replace(/>/, 'x');
    afterQuote = isQuote;
  }
  return lines.join('');
}

/** Replaces every Markdown punctuation character one for one: a flat text of paragraphs. */
export function flatten(text: string): string {
  return text.replace(/[>*_~`#[\]<\-+|!=]/g, 'x');
}
