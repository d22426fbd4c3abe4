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
  tree: Root;
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

/** Delimiters that make CommonMark's resolution costly when thousands stand in one block. */
const COSTLY: { chars: RegExp; test: RegExp }[] = [
  { chars: /[*_]/g, test: /[*_]/ },
  { chars: /~/g, test: /~/ },
  { chars: /[[\]]/g, test: /[[\]]/ },
];
/** More delimiters of one kind than this in one block are read as plain text. */
export const DELIMITER_LIMIT = 2000;

/**
 * The text handed to the parser: the source itself, except that in a block (text between blank
 * lines) holding more than DELIMITER_LIMIT emphasis, strikethrough or bracket characters those
 * characters are replaced one for one (offsets unchanged), so that pathological input costs linear
 * time. The rules still read the source; such runs simply count as literal text.
 */
export function parserInput(text: string): string {
  const source = limitQuoteDepth(text);
  const totals = COSTLY.map(({ chars }) => (source.match(chars)?.length ?? 0));
  if (totals.every((n) => n <= DELIMITER_LIMIT)) return source;
  const blocks = source.split(/(\n[ \t]*\r?\n)/);
  return blocks
    .map((block) => {
      let out = block;
      for (const { chars } of COSTLY) {
        const count = out.match(chars)?.length ?? 0;
        if (count > DELIMITER_LIMIT) out = out.replace(chars, 'x');
      }
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

/** Replaces every Markdown punctuation character one for one: a flat text of paragraphs. */
function flatten(text: string): string {
  return text.replace(/[>*_~`#[\]<\-+|!=]/g, 'x');
}

export function parseMarkdown(text: string): MarkdownFacts {
  let tree: Root;
  try {
    tree = processor.parse(parserInput(text)) as Root;
  } catch {
    // Pathological nesting (thousands of `>` or list markers) exhausts the parser's stack:
    // read the document as plain paragraphs rather than fail.
    tree = processor.parse(flatten(text)) as Root;
  }
  const facts: MarkdownFacts = {
    tree,
    excluded: [],
    urls: [],
    headings: [],
    bulletItemStarts: new Set(),
    tableCells: [],
    tables: [],
    emphasis: [],
    html: [],
  };

  // Iterative, so that deep nesting cannot exhaust the stack.
  const stack: [Nodes, Parents | undefined][] = [[tree, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    visitNode(node, parent);
  }

  function visitNode(node: Nodes, parent: Parents | undefined): void {
    const pos = node.position;
    const start = pos?.start.offset ?? 0;
    const end = pos?.end.offset ?? start;
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
        const first = text.charCodeAt(start);
        const kind = first === 35 /* # */ ? 'atx' : 'setext';
        let contentStart = start;
        if (kind === 'atx') {
          while (text.charCodeAt(contentStart) === 35) contentStart++;
          while (text[contentStart] === ' ' || text[contentStart] === '\t') contentStart++;
        }
        facts.headings.push({ start, end, depth: node.depth, kind, contentStart });
        break;
      }
      case 'listItem':
        if (parent && parent.type === 'list' && !parent.ordered) facts.bulletItemStarts.add(start);
        break;
      case 'table': {
        facts.tables.push({ start, end });
        node.children.forEach((row) => {
          row.children.forEach((cell, column) => {
            const cs = cell.position?.start.offset ?? start;
            const ce = cell.position?.end.offset ?? cs;
            let contentStart = cs;
            let contentEnd = ce;
            if (text[contentStart] === '|') contentStart++;
            if (text[contentEnd - 1] === '|') contentEnd--;
            while (contentStart < contentEnd && /[ \t\u3000]/.test(text[contentStart])) contentStart++;
            while (contentEnd > contentStart && /[ \t\u3000]/.test(text[contentEnd - 1])) contentEnd--;
            facts.tableCells.push({ start: cs, end: ce, contentStart, contentEnd, tableStart: start, column });
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
          const firstKid = kids[0].position?.start.offset ?? start;
          const lastKid = kids[kids.length - 1].position?.end.offset ?? end;
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
  facts.excluded.sort((a, b) => a.start - b.start);
  facts.urls.sort((a, b) => a.start - b.start);
  facts.emphasis.sort((a, b) => a.start - b.start);
  return facts;
}

/** Whether `offset` lies inside one of the sorted, non-nested `spans`. */
export function inSpans(spans: readonly Span[], offset: number): boolean {
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
