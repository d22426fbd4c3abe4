// `gongwen import report.docx [-o report.md] [--overwrite]`: writes a Word document as Markdown, every
// numbered paragraph with its visible number as text (server/src/word). An existing file is never
// replaced without --overwrite; a new one is created whole or not at all (write-atomic.ts).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { importDocx, hasExtension, OLD_WORD_EXTENSIONS, WORD_EXTENSIONS, WordReadError } from '../word/import.js';
import { errorReason } from './files.js';
import type { CliMessages } from './messages.js';
import { createFileAtomic, FileExistsError, ReadOnlyError, writeFileAtomic } from './write-atomic.js';

export interface ImportRequest {
  /** As given (shown in messages). */
  input: string;
  absolute: string;
  /** As given; `-` for standard output; undefined: the input's name with `.md`. */
  output?: string;
  overwrite: boolean;
}

export interface ImportOutcome {
  /** Lines for stderr that make the exit code 2. */
  troubles: string[];
  /** What was done, for stderr. */
  notes: string[];
  /** The Markdown, when it goes to standard output. */
  stdout?: string;
}

/** The Markdown file next to the document: report.docx → report.md. */
export function markdownPathFor(input: string): string {
  const ext = path.extname(input);
  return (ext ? input.slice(0, -ext.length) : input) + '.md';
}

export function importFile(req: ImportRequest, cwd: string, m: CliMessages): ImportOutcome {
  const out: ImportOutcome = { troubles: [], notes: [] };
  if (hasExtension(req.absolute, OLD_WORD_EXTENSIONS)) {
    out.troubles.push(m.wordOldFormat(req.input));
    return out;
  }
  if (!hasExtension(req.absolute, WORD_EXTENSIONS)) {
    out.troubles.push(m.importNotWord(req.input));
    return out;
  }
  let bytes: Uint8Array;
  try {
    const st = fs.statSync(req.absolute);
    if (!st.isFile()) {
      out.troubles.push(st.isDirectory() ? m.importNotWord(req.input) : m.notAFile(req.input));
      return out;
    }
    bytes = fs.readFileSync(req.absolute);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    out.troubles.push(code === 'ENOENT' ? m.pathNotFound(req.input) : m.cannotRead(req.input, errorReason(e)));
    return out;
  }
  let markdown: string;
  let stats: { paragraphs: number; automaticNumbers: number };
  try {
    ({ markdown, stats } = importDocx(bytes));
  } catch (e) {
    if (e instanceof WordReadError) {
      out.troubles.push(m.wordProblem(req.input, e.problem, e.where));
      return out;
    }
    throw e;
  }
  if (req.output === '-') {
    out.stdout = markdown;
    return out;
  }
  const shown = req.output ?? markdownPathFor(req.input);
  const target = path.resolve(cwd, shown);
  const data = new TextEncoder().encode(markdown);
  try {
    if (fs.existsSync(target)) {
      if (!req.overwrite) {
        out.troubles.push(m.importExists(shown));
        return out;
      }
      writeFileAtomic(target, data);
    } else createFileAtomic(target, data);
  } catch (e) {
    if (e instanceof FileExistsError) out.troubles.push(m.importExists(shown));
    else if (e instanceof ReadOnlyError) out.troubles.push(m.readOnly(shown));
    else out.troubles.push(m.cannotWrite(shown, errorReason(e)));
    return out;
  }
  out.notes.push(m.importWrote(req.input, shown, stats.paragraphs, stats.automaticNumbers));
  return out;
}
