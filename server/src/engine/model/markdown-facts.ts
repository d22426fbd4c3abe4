// The facts about a document's Markdown structure that the report model needs, in absolute
// UTF-16 offsets, and lookups in sorted spans. Shapes only: markdown.ts parses, markdown-cache.ts
// keeps a version's facts per block.

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

/** Facts with nothing in them. */
export function emptyFacts(): MarkdownFacts {
  return { excluded: [], urls: [], headings: [], bulletItemStarts: new Set(), tableCells: [], tables: [], emphasis: [], html: [] };
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
