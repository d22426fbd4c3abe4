// The rule registry: one file per rule; ids are public (config keys, CLI output, LSP code).

import type { Rule } from '../rule.js';
import type { Severity } from '../types.js';
import { numberingSequence } from './numbering-sequence.js';
import { numberingFormat } from './numbering-format.js';
import { enumerationSequence } from './enumeration-sequence.js';
import { headingDepth } from './heading-depth.js';
import { placeholder } from './placeholder.js';
import { requiredSection } from './required-section.js';
import { sectionOrder } from './section-order.js';
import { copyResidue } from './copy-residue.js';
import { punctuationWidth } from './punctuation-width.js';
import { pairedPunctuation } from './paired-punctuation.js';
import { punctuationForm } from './punctuation-form.js';
import { dateFormat } from './date-format.js';
import { numberUsage } from './number-usage.js';
import { spacing } from './spacing.js';
import { missingNumber } from './missing-number.js';
import { repeatedWord } from './repeated-word.js';
import { sentenceEnd } from './sentence-end.js';
import { emptySection } from './empty-section.js';
import { terms } from './terms.js';
import { wordNumberingMixed } from './word-numbering-mixed.js';
import { wordLevelFont } from './word-level-font.js';
import { wordBodyFont } from './word-body-font.js';
import { wordFirstLineIndent } from './word-first-line-indent.js';
import { wordPageMargins } from './word-page-margins.js';
import { wordLinesPerPage } from './word-lines-per-page.js';
import { wordPageNumber } from './word-page-number.js';

export const RULES: readonly Rule[] = [
  numberingSequence,
  numberingFormat,
  enumerationSequence,
  headingDepth,
  placeholder,
  requiredSection,
  sectionOrder,
  copyResidue,
  punctuationWidth,
  pairedPunctuation,
  punctuationForm,
  dateFormat,
  numberUsage,
  spacing,
  missingNumber,
  repeatedWord,
  sentenceEnd,
  emptySection,
  terms,
  // Word documents only (meta.input 'word'): they read the layout of a .docx.
  wordNumberingMixed,
  wordLevelFont,
  wordBodyFont,
  wordFirstLineIndent,
  wordPageMargins,
  wordLinesPerPage,
  wordPageNumber,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export const DEFAULT_SEVERITIES: Record<string, Severity> = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity]));
