// Formatting of the results: text (one line per finding and a summary) and JSON (version 1).

import type { ConfigProblem, Diagnostic, Locale } from '../engine/types.js';
import { diagnosticMessage, renderMessage } from '../engine/messages.js';
import { MESSAGES, type Counts } from './messages.js';
import type { WordLocation } from '../word/import.js';

export interface FileReport {
  /** The path as shown (relative to the working directory when given relative). */
  path: string;
  diagnostics: Diagnostic[];
  /** A Word document's: where a Markdown offset of the imported text is in the document. Its
   * findings are then shown by paragraph and column (report.docx:第12段:5). */
  locate?: (offset: number) => WordLocation;
}

export interface JsonDiagnostic {
  rule: string;
  severity: Diagnostic['severity'];
  /** `rule-id/key`: stable across versions and languages, for CI consumers. */
  messageId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}

/** A finding in a Word document: by paragraph (or note) and column instead of line and column. */
export interface JsonWordDiagnostic {
  rule: string;
  severity: Diagnostic['severity'];
  messageId: string;
  message: string;
  /** Absent for the body; `footnote` or `endnote`, where `paragraph` is the note's number. */
  part?: 'footnote' | 'endnote';
  paragraph: number;
  column: number;
  endParagraph: number;
  endColumn: number;
  fixable: false;
  /** The finding is on a number Word's automatic numbering made. */
  automaticNumbering?: true;
}

export interface JsonReport {
  version: 1;
  files: { path: string; diagnostics: (JsonDiagnostic | JsonWordDiagnostic)[] }[];
}

export type OutputFormat = 'text' | 'json';

/** One file's part of the output, made where the file was checked (in a child process in a large
 * batch) so that only text crosses between processes. */
export interface FileOutput {
  /** Text: the file's finding lines, each ending in a line break. JSON: the file's entry. */
  part: string;
  counts: Counts;
}

function emptyCounts(): Counts {
  return { total: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 };
}

function addCounts(to: Counts, from: Counts): void {
  to.total += from.total;
  to.errors += from.errors;
  to.warnings += from.warnings;
  to.infos += from.infos;
  to.fixable += from.fixable;
}

function countOf(diagnostics: readonly Diagnostic[]): Counts {
  const counts = emptyCounts();
  for (const d of diagnostics) {
    counts.total++;
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
    if (d.fix) counts.fixable++;
  }
  return counts;
}

/** One file's output in the given format, with its counts. */
export function formatFile(file: FileReport, format: OutputFormat, locale: Locale): FileOutput {
  const part = format === 'json' ? JSON.stringify(jsonEntry(file, locale)) : textLines(file, locale);
  return { part, counts: countOf(file.diagnostics) };
}

/** `path:line:column  severity  message  rule`, one line per finding. */
function textLines(file: FileReport, locale: Locale): string {
  const m = MESSAGES[locale];
  let out = '';
  for (const d of file.diagnostics) {
    let where: string;
    if (file.locate) {
      const at = file.locate(d.range.start.offset);
      where = `${m.wordPlace(at.part, at.paragraph)}:${at.column}`;
    } else where = `${d.range.start.line}:${d.range.start.column}`;
    out += `${file.path}:${where}  ${m.severity(d.severity)}  ${diagnosticMessage(d, locale)}  ${d.rule}\n`;
  }
  return out;
}

/** Text written to stdout in pieces of about this size: a batch's output is never held as one string. */
const CHUNK = 64 * 1024;

/**
 * The output written as the files are checked: each file's part as it comes, then the end (the
 * summary line, or JSON's closing brackets). What it writes, joined, is the whole output in the
 * given format (text with the summary line, or JSON version 1), whatever the pieces.
 */
export class OutputStream {
  private pending: string[] = [];
  private size = 0;
  private files = 0;
  private readonly counts = emptyCounts();

  constructor(
    private readonly write: (text: string) => void,
    private readonly format: OutputFormat,
    private readonly locale: Locale,
  ) {}

  add(part: FileOutput): void {
    addCounts(this.counts, part.counts);
    if (this.format === 'json') this.push(this.files === 0 ? '{"version":1,"files":[' : ',');
    this.files++;
    this.push(part.part);
  }

  end(fixed?: number): void {
    if (this.format === 'json') this.push(this.files === 0 ? '{"version":1,"files":[]}\n' : ']}\n');
    else {
      const m = MESSAGES[this.locale];
      let summary = this.counts.total === 0 ? m.noProblems : m.summary(this.counts);
      if (fixed !== undefined && fixed > 0) summary += (this.locale === 'en' ? ', ' : '，') + m.fixed(fixed);
      this.push(summary + '\n');
    }
    this.flush();
  }

  private push(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.size = 0;
    this.write(text);
  }
}

/** The whole output from the files' parts, in order, as one string (what OutputStream writes). */
export function joinOutput(parts: readonly FileOutput[], format: OutputFormat, locale: Locale, fixed?: number): string {
  const pieces: string[] = [];
  const out = new OutputStream((t) => pieces.push(t), format, locale);
  for (const p of parts) out.add(p);
  out.end(fixed);
  return pieces.join('');
}

function jsonEntry(file: FileReport, locale: Locale): JsonReport['files'][number] {
  const locate = file.locate;
  if (locate) {
    return {
      path: file.path,
      diagnostics: file.diagnostics.map((d) => {
        const start = locate(d.range.start.offset);
        const end = locate(d.range.end.offset);
        const out: JsonWordDiagnostic = {
          rule: d.rule,
          severity: d.severity,
          messageId: d.messageId,
          message: diagnosticMessage(d, locale),
          paragraph: start.paragraph,
          column: start.column,
          endParagraph: end.paragraph,
          endColumn: end.column,
          fixable: false,
        };
        if (start.part !== 'body') out.part = start.part;
        if (d.note?.id === 'word/automaticNumbering') out.automaticNumbering = true;
        return out;
      }),
    };
  }
  return {
    path: file.path,
    diagnostics: file.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      messageId: d.messageId,
      message: diagnosticMessage(d, locale),
      line: d.range.start.line,
      column: d.range.start.column,
      endLine: d.range.end.line,
      endColumn: d.range.end.column,
      fixable: d.fix !== undefined,
    })),
  };
}

/** `path:line:column: message`, or `path: message` when the problem has no position. */
export function formatProblem(problem: ConfigProblem, displayPath: string, locale: Locale): string {
  const where = problem.line > 0 ? `${displayPath}:${problem.line}:${problem.column}` : displayPath;
  return `${where}: ${renderMessage(problem.message, locale)}`;
}
