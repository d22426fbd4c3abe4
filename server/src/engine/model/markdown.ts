// The one remark parse of a document, block by block, into the facts about its Markdown
// structure that the report model needs (markdown-facts.ts). Block cutting, parser-input limits
// and the per-version cache are in markdown-blocks.ts, markdown-limits.ts and markdown-cache.ts.

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
import { emptyFacts, type MarkdownFacts } from './markdown-facts.js';
import { appendFacts, blockFacts, MarkdownCache } from './markdown-cache.js';
import { flatten, parserInput } from './markdown-limits.js';
import { blockStarts, isPlainBlock } from './markdown-blocks.js';

export type { EmphasisInfo, HeadingInfo, HtmlInfo, MarkdownFacts, Span, TableCellInfo } from './markdown-facts.js';
export { inSpans, lastStartingAt, overlapsSpans } from './markdown-facts.js';
export { MarkdownCache } from './markdown-cache.js';
export { DELIMITER_LIMIT, NESTING_LIMIT, QUOTE_DEPTH_LIMIT, UNDERLINE_LIMIT, parserInput } from './markdown-limits.js';
export { blockStarts, isPlainBlock } from './markdown-blocks.js';

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

/** The facts of a text from one parse of the whole text: the reference the block-wise parse must equal. */
export function parseWholeText(text: string): MarkdownFacts {
  const facts = emptyFacts();
  factsOfRun(text, 0, facts);
  return facts;
}

const NO_FACTS: MarkdownFacts = emptyFacts();

/** The tree of a run of blocks the parse read as written (`start`–`end` of the document; the
 * tree's offsets and lines count from `start`), for a caller that needs more than the facts. */
export interface ParsedRun {
  start: number;
  end: number;
  tree: Root;
}

/** A run of blocks parsed together holds at most this many blocks, and stops growing past this
 * many characters. */
const RUN_BLOCKS = 16;
const RUN_CHARS = 16_384;

/**
 * The Markdown facts of a document, block by block (see `blockStarts`): a block without any
 * Markdown syntax (`isPlainBlock`) is a paragraph that yields no facts and is not parsed; the other
 * blocks are parsed, consecutive ones together in one run. Given the cache of the document's
 * previous version, blocks seen there are not parsed again. Given `runs`, the trees of the runs
 * parsed as written (no parser-input limit reached, no byte order mark) are added to it.
 */
export function parseMarkdown(text: string, cache?: MarkdownCache, lines: readonly SourceLine[] = new LineIndex(text).lines, runs?: ParsedRun[]): MarkdownFacts {
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
    factsOfRun(text.slice(runStart, runEnd), runStart, runFacts, runs);
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

/**
 * Facts of one run of text parsed on its own. `text` is the run; every offset pushed into `facts`
 * is shifted by `base`, the run's offset in the document.
 */
function factsOfRun(text: string, base: number, facts: MarkdownFacts, runs?: ParsedRun[]): void {
  // The parser drops a leading byte order mark and counts offsets without it: parse what follows.
  let asWritten = true;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    base += 1;
    asWritten = false;
  }
  let tree: Root;
  try {
    const input = parserInput(text);
    asWritten &&= input === text;
    tree = processor.parse(input) as Root;
  } catch {
    // Pathological nesting (thousands of `>` or list markers) exhausts the parser's stack:
    // read the document as plain paragraphs rather than fail.
    tree = processor.parse(flatten(text)) as Root;
    asWritten = false;
  }
  if (runs && asWritten) runs.push({ start: base, end: base + text.length, tree });

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

