// The report model's shapes: what one parse of a document tells every rule (built by
// report-model.ts). Types only, so that the model's helpers can name them without a cycle.

import type { LineIndex, SourceLine } from '../line-index.js';
import type { HeadingInfo, MarkdownFacts } from './markdown.js';
import type { Level, Marker } from './markers.js';

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
  top: boolean;
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
  /** `body`, or `table:<start>:<column>` for markers inside table cells (each column counts on its own). */
  scope: string;
  /** The enclosing section; undefined at the top. */
  parent?: SectionNode;
  /** Words after the marker up to the first sentence end: the section's heading text. */
  title: string;
  /** True when no numbered section encloses this one (it may stand under plain headings such as the title). */
  top: boolean;
}

export type SectionNode = NumberedLine | PlainHeading;

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
  scope: string;
}

export interface RoleOccurrence {
  role: string;
  line: number;
  offset: number;
  source: 'heading' | 'paragraph';
  /** A top-level section heading (not nested under a numbered section), or a closing paragraph. */
  topLevel: boolean;
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
  /** The level of the report's top numbered sections (1 in most reports). */
  topLevel?: Level;
  /** The closing signature block (落款: the unit or signer, then the date), if the text ends with one. */
  signature?: { startLine: number };
  /** Where a site's omission markers start (……此处隐藏N个字……, ……略……), in order. */
  omissions: number[];
}
