// `gongwen check` of a Word document: the .docx is read as the Markdown `gongwen import` writes
// (server/src/word), checked with its layout, and its findings shown by paragraph and column.
// Nothing is ever written to it: fixes are made in the imported Markdown.

import type { CheckOptions } from '../engine/check.js';
import { checkText } from '../engine/check.js';
import type { Diagnostic } from '../engine/types.js';
import { importDocx, WordReadError } from '../word/import.js';
import type { CliMessages } from './messages.js';
import { formatFile, type FileOutput, type OutputFormat } from './output.js';
import type { Locale } from '../engine/types.js';

export interface WordCheck {
  output?: FileOutput;
  /** Rules that failed, for the caller's message. */
  failures: { rule: string; error: string }[];
  problems: ReturnType<typeof checkText>['problems'];
  /** Why the file could not be read, in words. */
  unreadable?: string;
}

export function checkWordBytes(bytes: Uint8Array, display: string, options: CheckOptions, format: OutputFormat, locale: Locale, m: CliMessages): WordCheck {
  let imported;
  try {
    imported = importDocx(bytes);
  } catch (e) {
    if (e instanceof WordReadError) return { failures: [], problems: [], unreadable: m.wordProblem(display, e.problem, e.where) };
    throw e;
  }
  const result = checkText(imported.markdown, { ...options, word: imported.layout });
  // Fixes are for the Markdown: a finding in the .docx offers none.
  const diagnostics: Diagnostic[] = result.diagnostics.map(({ fix: _fix, ...d }) => d);
  return {
    output: formatFile({ path: display, diagnostics, locate: imported.locate }, format, locale),
    failures: result.failures,
    problems: result.problems,
  };
}
