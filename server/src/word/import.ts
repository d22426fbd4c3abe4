// A .docx as the checks and `gongwen import` see it: read (docx-read.ts), then written as
// Markdown with its layout and a locator (to-markdown.ts). The one entry point of server/src/word
// for the CLI and the language server.

import { readDocx } from './docx-read.js';
import { wordToMarkdown, type WordMarkdown } from './to-markdown.js';

export type { WordLocation, WordMarkdown } from './to-markdown.js';
export { WordReadError, type WordReadProblem } from './errors.js';

/** The file extensions read as Word documents (OOXML): documents and templates, with or without macros. */
export const WORD_EXTENSIONS = ['.docx', '.docm', '.dotx', '.dotm'];
/** Older word-processor formats that must be saved as .docx first. */
export const OLD_WORD_EXTENSIONS = ['.doc', '.wps', '.dot', '.wpt', '.rtf'];

export function hasExtension(file: string, extensions: readonly string[]): boolean {
  const lower = file.toLowerCase();
  return extensions.some((e) => lower.endsWith(e));
}

/** Reads a .docx and writes it as Markdown. Throws `WordReadError` for a file it cannot read. */
export function importDocx(bytes: Uint8Array): WordMarkdown {
  return wordToMarkdown(readDocx(bytes));
}
