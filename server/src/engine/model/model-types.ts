// The report model's shapes: what one parse of a document tells every rule (built by
// report-model.ts). Types only, so that the model's helpers can name them without a cycle.

import type { LineIndex, SourceLine } from '../line-index.js';
import type { HeadingInfo, MarkdownFacts } from './markdown.js';
import type { Level, Marker } from './markers.js';
import type { WordLayout } from '../word.js';

export type LineKind = 'blank' | 'text' | 'excluded' | 'table';

export interface LineInfo extends SourceLine {
  kind: LineKind;
  /** Offset of the first character after container prefixes (quote, heading #, bullet, indentation, opening `**`). */
  contentStart: number;
  heading?: HeadingInfo;
  numbered?: NumberedLine;
}

/** A Markdown heading without a section marker: it closes sections like one. */
export interface PlainHeading {
  kind: 'heading';
  line: number;
  heading: HeadingInfo;
  title: string;
  parent?: SectionNode;
  /** True when no numbered section encloses this heading. */
  outermost: boolean;
}

export interface NumberedLine {
  kind: 'numbered';
  /** Position in `model.numbered`. */
  index: number;
  line: number;
  marker: Marker;
  level: Level;
  value: number;
  /** Set when the marker opens a Markdown heading. */
  heading?: HeadingInfo;
  /** Where it counts among its siblings: the body, or one column of one table. */
  scope: MarkerScope;
  /** The enclosing section; undefined at the top. */
  parent?: SectionNode;
  /** Words after the marker up to the first sentence end: the section's heading text. */
  title: string;
  /** True when no numbered section encloses this one (it may stand under plain headings such as the title). */
  outermost: boolean;
}

export type SectionNode = NumberedLine | PlainHeading;

/** Where a numbered line counts among its siblings: the body, one column of one table (each
 * table column counts on its own), or one 附件 list (附件：1.… 2.…, GB/T 9704-2012 7.3.4: its items
 * count from the 1. after 附件：, and are not sections of the report). One object per scope, so
 * scopes compare by identity. */
export type MarkerScope =
  | { readonly kind: 'body' }
  | { readonly kind: 'table'; readonly tableStart: number; readonly column: number }
  | { readonly kind: 'attachments'; readonly line: number };

/** Where inline ordinals count: the section they stand under (by the line that opens it; 0
 * before the first), or one table cell. One object per scope, so scopes compare by identity. */
export type OrdinalScope = { readonly kind: 'section'; readonly line: number } | { readonly kind: 'cell'; readonly cellStart: number };

export type OrdinalStyle = 'shi' | 'di' | 'qi';

/** An inline ordinal such as 一是, 第二，, 其三. */
export interface InlineOrdinal {
  style: OrdinalStyle;
  value: number;
  written: string;
  start: number;
  end: number;
  numeralStart: number;
  numeralEnd: number;
  line: number;
  /** Ordinals count within one scope: the section (numbered line or heading) they stand under, or one table cell. */
  scope: OrdinalScope;
}

export interface RoleOccurrence {
  role: string;
  line: number;
  offset: number;
  source: 'heading' | 'paragraph';
  /** The occurrence speaks for the whole report: an outermost section's heading (not nested under
   * a numbered section), or a closing paragraph. */
  reportLevel: boolean;
}

export interface ReportModel {
  text: string;
  index: LineIndex<LineInfo>;
  eol: string;
  md: MarkdownFacts;
  lines: LineInfo[];
  numbered: NumberedLine[];
  headings: PlainHeading[];
  ordinals: InlineOrdinal[];
  title?: { line: number; start: number; end: number; text: string };
  /** Line numbers of the opening paragraph (总述), if any. */
  opening?: { startLine: number; endLine: number };
  roles: RoleOccurrence[];
  /** True when the body has numbered top-level sections. */
  numberedSections: boolean;
  /** The level of the report's outermost numbered sections (1 in most reports). */
  sectionLevel?: Level;
  /** The closing signature block (落款: the unit or signer, then the date), if the text ends with one. */
  signature?: { startLine: number };
  /** Where a site's omission markers start (……此处隐藏N个字……, ……略……), in order. */
  omissions: number[];
  /** The layout of the Word document the text was read from (a .docx check); undefined for Markdown. */
  word?: WordLayout;
}
