// What the parse of a document's previous version leaves for the next: the facts of each block,
// keyed by the block's text, so that an edit parses only the blocks it touched.

import { emptyFacts, type MarkdownFacts, type Span } from './markdown-facts.js';

/**
 * What `parseMarkdown` keeps of a document's previous version: the facts of each block, keyed by
 * the block's text, with offsets relative to the block. Only the last version's blocks are kept.
 */
export class MarkdownCache {
  blocks = new Map<string, MarkdownFacts>();
}

/** Appends `from`'s facts to `to`, shifted by `shift`. Both are in document order. */
export function appendFacts(to: MarkdownFacts, from: MarkdownFacts, shift: number): void {
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
export function blockFacts(run: MarkdownFacts, start: number, end: number): MarkdownFacts {
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
