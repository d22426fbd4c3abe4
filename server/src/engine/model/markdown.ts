// The one remark parse of a document, and the facts about its Markdown structure that the
// report model needs. Everything is in absolute UTF-16 offsets into the source.

import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { Root, Nodes, Parents } from 'mdast';
import { LineIndex, type SourceLine } from '../line-index.js';

/**
 * The GFM parts a report uses: tables, strikethrough and footnotes. GFM's literal autolinks
 * (`www.…` in running text) are left out: their scan costs about a tenth of the whole parse, and
 * bare URLs are found by one regular expression over the text instead (`bareUrls` in chars.ts).
 */
function remarkReportGfm(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown());
}

/** The one Markdown parser of the engine (exported for the benchmark, which times it alone). */
export const markdownProcessor = unified().use(remarkParse).use(remarkReportGfm).use(remarkFrontmatter, ['yaml', 'toml']);
const processor = markdownProcessor;

export interface Span {
  start: number;
  end: number;
}

export interface HeadingInfo extends Span {
  depth: number;
  kind: 'atx' | 'setext';
  /** Start of the heading's text (after `#`s and spaces) for ATX headings. */
  contentStart: number;
}

export interface TableCellInfo extends Span {
  /** Offset of the cell's first content character. */
  contentStart: number;
  contentEnd: number;
  tableStart: number;
  column: number;
}

export interface EmphasisInfo extends Span {
  /** Delimiter length: 1 for emphasis, 2 for strong. */
  size: 1 | 2;
}

export interface HtmlInfo extends Span {
  value: string;
}

export interface MarkdownFacts {
  /** Code blocks, code spans, HTML, front matter: never checked as report text. Sorted by start. */
  excluded: Span[];
  /** Link and image destinations and autolinks: URLs, never checked as text. Sorted. */
  urls: Span[];
  headings: HeadingInfo[];
  /** Start offsets of bullet list items (their marker is a container prefix, not a section marker). */
  bulletItemStarts: Set<number>;
  tableCells: TableCellInfo[];
  tables: Span[];
  emphasis: EmphasisInfo[];
  html: HtmlInfo[];
  frontMatter?: { start: number; end: number; value: string; lang: 'yaml' | 'toml' };
}

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

function flattenNesting(block: string): string {
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
function flatten(text: string): string {
  return text.replace(/[>*_~`#[\]<\-+|!=]/g, 'x');
}

function emptyFacts(): MarkdownFacts {
  return { excluded: [], urls: [], headings: [], bulletItemStarts: new Set(), tableCells: [], tables: [], emphasis: [], html: [] };
}

/** The facts of a text from one parse of the whole text: the reference the block-wise parse must equal. */
export function parseWholeText(text: string): MarkdownFacts {
  const facts = emptyFacts();
  factsOfRun(text, 0, facts);
  return facts;
}

const NO_FACTS: MarkdownFacts = emptyFacts();

/** A run of blocks parsed together holds at most this many blocks, and stops growing past this
 * many characters. */
const RUN_BLOCKS = 16;
const RUN_CHARS = 16_384;

/**
 * The Markdown facts of a document, block by block (see `blockStarts`): a block without any
 * Markdown syntax (`isPlainBlock`) is a paragraph that yields no facts and is not parsed; the other
 * blocks are parsed, consecutive ones together in one run. Given the cache of the document's
 * previous version, blocks seen there are not parsed again.
 */
export function parseMarkdown(text: string, cache?: MarkdownCache, lines: readonly SourceLine[] = new LineIndex(text).lines): MarkdownFacts {
  const facts = emptyFacts();
  const starts = blockStarts(text, lines);
  const endOf = (b: number) => (b + 1 < starts.length ? starts[b + 1] : text.length);
  const next = new Map<string, MarkdownFacts>();
  let runFrom = -1;
  let runLength = 0;
  const flushRun = (toBlock: number) => {
    if (runFrom < 0) return;
    const runStart = starts[runFrom];
    const runEnd = endOf(toBlock - 1);
    const runFacts = emptyFacts();
    factsOfRun(text.slice(runStart, runEnd), runStart, runFacts);
    appendFacts(facts, runFacts, 0);
    if (cache) for (let b = runFrom; b < toBlock; b++) next.set(text.slice(starts[b], endOf(b)), blockFacts(runFacts, starts[b], endOf(b)));
    runFrom = -1;
  };
  let line = 0;
  for (let b = 0; b < starts.length; b++) {
    const start = starts[b];
    const end = endOf(b);
    while (line < lines.length && lines[line].start < start) line++;
    const key = cache ? text.slice(start, end) : '';
    const known = cache ? (cache.blocks.get(key) ?? next.get(key)) : undefined;
    if (known) {
      flushRun(b);
      appendFacts(facts, known, start);
      next.set(key, known);
    } else if (isPlainBlock(text, lines, line, end)) {
      flushRun(b);
      if (cache) next.set(key, NO_FACTS);
    } else {
      // The parser's cost grows faster than linearly with the number of headings or quotes in
      // one parse: runs are kept short (blocks parse the same in any grouping).
      if (runFrom >= 0 && (b - runFrom >= RUN_BLOCKS || runLength >= RUN_CHARS)) flushRun(b);
      if (runFrom < 0) {
        runFrom = b;
        runLength = 0;
      }
      runLength += end - start;
    }
  }
  flushRun(starts.length);
  if (cache) cache.blocks = next;
  return facts;
}

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
 * What `parseMarkdown` keeps of a document's previous version: the facts of each block, keyed by
 * the block's text, with offsets relative to the block. Only the last version's blocks are kept.
 */
export class MarkdownCache {
  blocks = new Map<string, MarkdownFacts>();
}

/** Appends `from`'s facts to `to`, shifted by `shift`. Both are in document order. */
function appendFacts(to: MarkdownFacts, from: MarkdownFacts, shift: number): void {
  const span = (x: Span) => ({ start: x.start + shift, end: x.end + shift });
  for (const x of from.excluded) to.excluded.push(span(x));
  for (const x of from.urls) to.urls.push(span(x));
  for (const x of from.headings) to.headings.push({ ...x, start: x.start + shift, end: x.end + shift, contentStart: x.contentStart + shift });
  for (const x of from.bulletItemStarts) to.bulletItemStarts.add(x + shift);
  for (const x of from.tableCells) {
    to.tableCells.push({ ...x, start: x.start + shift, end: x.end + shift, contentStart: x.contentStart + shift, contentEnd: x.contentEnd + shift, tableStart: x.tableStart + shift });
  }
  for (const x of from.tables) to.tables.push(span(x));
  for (const x of from.emphasis) to.emphasis.push({ start: x.start + shift, end: x.end + shift, size: x.size });
  for (const x of from.html) to.html.push({ start: x.start + shift, end: x.end + shift, value: x.value });
  if (from.frontMatter && !to.frontMatter) to.frontMatter = { ...from.frontMatter, start: from.frontMatter.start + shift, end: from.frontMatter.end + shift };
}

/** The facts of a run that start in `[start, end)`, relative to `start`. */
function blockFacts(run: MarkdownFacts, start: number, end: number): MarkdownFacts {
  const inside = (x: { start: number }) => x.start >= start && x.start < end;
  const only = emptyFacts();
  appendFacts(
    only,
    {
      excluded: run.excluded.filter(inside),
      urls: run.urls.filter(inside),
      headings: run.headings.filter(inside),
      bulletItemStarts: new Set([...run.bulletItemStarts].filter((x) => x >= start && x < end)),
      tableCells: run.tableCells.filter(inside),
      tables: run.tables.filter(inside),
      emphasis: run.emphasis.filter(inside),
      html: run.html.filter(inside),
      frontMatter: run.frontMatter && inside(run.frontMatter) ? run.frontMatter : undefined,
    },
    -start,
  );
  return only;
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

/**
 * Facts of one run of text parsed on its own. `text` is the run; every offset pushed into `facts`
 * is shifted by `base`, the run's offset in the document.
 */
function factsOfRun(text: string, base: number, facts: MarkdownFacts): void {
  // The parser drops a leading byte order mark and counts offsets without it: parse what follows.
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    base += 1;
  }
  let tree: Root;
  try {
    tree = processor.parse(parserInput(text)) as Root;
  } catch {
    // Pathological nesting (thousands of `>` or list markers) exhausts the parser's stack:
    // read the document as plain paragraphs rather than fail.
    tree = processor.parse(flatten(text)) as Root;
  }

  // Iterative, so that deep nesting cannot exhaust the stack.
  const stack: [Nodes, Parents | undefined][] = [[tree, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    visitNode(node, parent);
  }

  function visitNode(node: Nodes, parent: Parents | undefined): void {
    const pos = node.position;
    const rel = pos?.start.offset ?? 0;
    const start = rel + base;
    const end = (pos?.end.offset ?? rel) + base;
    // TOML front matter is not in mdast's node union.
    if ((node.type as string) === 'toml') {
      facts.excluded.push({ start, end });
      return;
    }
    switch (node.type) {
      case 'code':
      case 'inlineCode':
        facts.excluded.push({ start, end });
        return;
      case 'html':
        facts.excluded.push({ start, end });
        facts.html.push({ start, end, value: node.value });
        return;
      case 'yaml':
        facts.excluded.push({ start, end });
        if (!facts.frontMatter) facts.frontMatter = { start, end, value: node.value, lang: 'yaml' };
        return;
      case 'heading': {
        const first = text.charCodeAt(rel);
        const kind = first === 35 /* # */ ? 'atx' : 'setext';
        let contentStart = rel;
        if (kind === 'atx') {
          while (text.charCodeAt(contentStart) === 35) contentStart++;
          while (text[contentStart] === ' ' || text[contentStart] === '\t') contentStart++;
        }
        facts.headings.push({ start, end, depth: node.depth, kind, contentStart: contentStart + base });
        break;
      }
      case 'listItem':
        if (parent && parent.type === 'list' && !parent.ordered) facts.bulletItemStarts.add(start);
        break;
      case 'table': {
        facts.tables.push({ start, end });
        node.children.forEach((row) => {
          row.children.forEach((cell, column) => {
            const cs = cell.position?.start.offset ?? rel;
            const ce = cell.position?.end.offset ?? cs;
            let contentStart = cs;
            let contentEnd = ce;
            if (text[contentStart] === '|') contentStart++;
            if (text[contentEnd - 1] === '|') contentEnd--;
            while (contentStart < contentEnd && /[ \t\u3000]/.test(text[contentStart])) contentStart++;
            while (contentEnd > contentStart && /[ \t\u3000]/.test(text[contentEnd - 1])) contentEnd--;
            facts.tableCells.push({ start: cs + base, end: ce + base, contentStart: contentStart + base, contentEnd: contentEnd + base, tableStart: start, column });
          });
        });
        break;
      }
      case 'link':
      case 'image':
      case 'linkReference':
      case 'imageReference':
      case 'definition': {
        // The URL part is what lies outside the children's text.
        const kids = 'children' in node ? node.children : [];
        if (kids.length === 0) {
          if (node.type === 'link' || node.type === 'image' || node.type === 'definition') facts.urls.push({ start, end });
        } else {
          const firstKid = (kids[0].position?.start.offset ?? rel) + base;
          const lastKid = (kids[kids.length - 1].position?.end.offset ?? end - base) + base;
          if (firstKid === start) {
            // autolink literal: the whole node is the URL
            facts.urls.push({ start, end });
            return;
          }
          if (lastKid < end) facts.urls.push({ start: lastKid, end });
        }
        break;
      }
      case 'emphasis':
      case 'strong':
        facts.emphasis.push({ start, end, size: node.type === 'strong' ? 2 : 1 });
        break;
    }
    if ('children' in node) {
      const kids = node.children as Nodes[];
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], node as Parents]);
    }
  }
}

/** The last span starting at or before `offset` (spans sorted by start), or -1. */
export function lastStartingAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether `offset` lies inside one of the sorted, non-nested `spans`. */
export function inSpans(spans: readonly Span[], offset: number): boolean {
  const found = lastStartingAt(spans, offset);
  // Spans may nest (a code span inside an excluded block): look back a little.
  for (let i = found; i >= 0 && i > found - 4; i--) {
    if (spans[i].start <= offset && offset < spans[i].end) return true;
  }
  return false;
}

/** Whether `[start, end)` overlaps a span. */
export function overlapsSpans(spans: readonly Span[], start: number, end: number): boolean {
  for (let o = start; o < end; o++) if (inSpans(spans, o)) return true;
  return false;
}
