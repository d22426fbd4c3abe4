// What a check knows of a Word document's layout, as plain data: the front-end that read the
// .docx (server/src/word) fills it, with offsets into the Markdown text it made of the document;
// the engine never sees the file, its ZIP archive or its XML. Checks of Markdown have none, and
// the rules that need it (the `word-*` rules, `meta.input: 'word'`) say nothing there.
// Lengths are in twips (1/20 pt) as Word writes them; font sizes in points.

import type { MessageTable } from './types.js';

export interface WordIndent {
  /** Twips (1/20 pt). */
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
  /** Hundredths of a character (`w:firstLineChars="200"` is two characters); they win over twips. */
  leftChars?: number;
  rightChars?: number;
  firstLineChars?: number;
  hangingChars?: number;
}

export interface WordRunLayout {
  /** Offsets of the run's text in the Markdown. */
  start: number;
  end: number;
  /** The fonts of the run per slot: Han characters are set in `eastAsia`. */
  eastAsia?: string;
  ascii?: string;
  hAnsi?: string;
  hint?: string;
  /** Points (`w:sz` / 2). */
  size?: number;
  bold?: boolean;
  /** The run is a number made by Word's automatic numbering. */
  automatic?: boolean;
}

export type WordPlace = 'body' | 'table' | 'textbox' | 'footnote' | 'endnote';

export interface WordParagraphLayout {
  /** 1-based number of the paragraph in its part, as the front-ends show it (第12段). */
  paragraph: number;
  where: WordPlace;
  /** Offsets of the paragraph's text in the Markdown (after any Markdown prefix such as `# `). */
  start: number;
  end: number;
  /** Index into `WordLayout.sections`. */
  section: number;
  /** `w:jc`: left, center, right, both, distribute (start/end read as left/right). */
  align?: string;
  indent: WordIndent;
  /** `w:spacing`: auto — in lines (1 is single); exact and atLeast — in points. */
  lineSpacing?: { rule: 'auto' | 'exact' | 'atLeast'; value: number };
  snapToGrid: boolean;
  /** Outline level, 0 for level 1, from the paragraph or its style. */
  heading?: number;
  style?: string;
  title: boolean;
  /** Size of the paragraph mark (points). */
  markSize?: number;
  runs: WordRunLayout[];
  /** The number Word's automatic numbering put at the start of the paragraph. */
  automatic?: { start: number; end: number; format: string; numId: string; level: number };
}

export interface WordFooterLayout {
  kind: 'default' | 'even' | 'first';
  /** The footer's text with the page-number field as `{PAGE}`. */
  pattern: string;
  hasPageField: boolean;
  align?: string;
  size?: number;
  eastAsia?: string;
  ascii?: string;
}

export interface WordSectionLayout {
  /** Offset in the Markdown of the section's first paragraph with text (where its findings stand). */
  start: number;
  /** Twips. */
  pageWidth?: number;
  pageHeight?: number;
  landscape: boolean;
  margins: { top?: number; bottom?: number; left?: number; right?: number; gutter?: number };
  grid?: { type: string; linePitch?: number; charSpace?: number };
  /** `w:pgNumType w:fmt` (decimal when absent). */
  pageNumberFormat?: string;
  titlePage: boolean;
  footers: WordFooterLayout[];
}

export interface WordLayout {
  paragraphs: WordParagraphLayout[];
  sections: WordSectionLayout[];
  /** `w:evenAndOddHeaders`: even pages have footers of their own. */
  evenAndOddFooters: boolean;
  gutterAtTop: boolean;
}

/** The engine's messages about Word documents, under ids `word/<key>`. */
export const WORD_MESSAGES = {
  // Appended to a finding on a number that Word's automatic numbering made.
  automaticNumbering: { 'zh-CN': '（自动编号）', en: ' (automatic numbering)' },
} as const satisfies MessageTable;

/** Twips in a millimetre. */
export const TWIPS_PER_MM = 1440 / 25.4;

/** The paragraph whose automatic number holds `offset`, by binary search over the paragraphs (in offset order). */
export function automaticNumberAt(word: WordLayout, offset: number): WordParagraphLayout | undefined {
  const p = paragraphAt(word, offset);
  return p?.automatic && p.automatic.start <= offset && offset < p.automatic.end ? p : undefined;
}

/** The paragraph whose text holds `offset` (or that starts last before it). */
export function paragraphAt(word: WordLayout, offset: number): WordParagraphLayout | undefined {
  const ps = word.paragraphs;
  let lo = 0;
  let hi = ps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? ps[found] : undefined;
}
