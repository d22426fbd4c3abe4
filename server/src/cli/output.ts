// Formatting of the results: text (one line per finding and a summary) and JSON (version 1).

import type { ConfigProblem } from '../engine/config.js';
import type { Diagnostic, Locale } from '../engine/types.js';
import { MESSAGES, type Counts } from './messages.js';

export interface FileReport {
  /** The path as shown (relative to the working directory when given relative). */
  path: string;
  diagnostics: Diagnostic[];
}

export interface JsonDiagnostic {
  rule: string;
  severity: Diagnostic['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}

export interface JsonReport {
  version: 1;
  files: { path: string; diagnostics: JsonDiagnostic[] }[];
}

export function countDiagnostics(files: FileReport[]): Counts {
  const counts: Counts = { total: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const file of files) {
    for (const d of file.diagnostics) {
      counts.total++;
      if (d.severity === 'error') counts.errors++;
      else if (d.severity === 'warning') counts.warnings++;
      else counts.infos++;
      if (d.fix) counts.fixable++;
    }
  }
  return counts;
}

/** `path:line:column  severity  message  rule` lines, then the summary line. */
export function formatText(files: FileReport[], locale: Locale, fixed?: number): string {
  const m = MESSAGES[locale];
  const lines: string[] = [];
  for (const file of files) {
    for (const d of file.diagnostics) {
      const { line, column } = d.range.start;
      lines.push(`${file.path}:${line}:${column}  ${m.severity(d.severity)}  ${d.message[locale]}  ${d.rule}`);
    }
  }
  const counts = countDiagnostics(files);
  let summary = counts.total === 0 ? m.noProblems : m.summary(counts);
  if (fixed !== undefined && fixed > 0) summary += (locale === 'en' ? ', ' : '，') + m.fixed(fixed);
  lines.push(summary);
  return lines.join('\n') + '\n';
}

export function toJsonReport(files: FileReport[], locale: Locale): JsonReport {
  return {
    version: 1,
    files: files.map((file) => ({
      path: file.path,
      diagnostics: file.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        message: d.message[locale],
        line: d.range.start.line,
        column: d.range.start.column,
        endLine: d.range.end.line,
        endColumn: d.range.end.column,
        fixable: d.fix !== undefined,
      })),
    })),
  };
}

export function formatJson(files: FileReport[], locale: Locale): string {
  return JSON.stringify(toJsonReport(files, locale)) + '\n';
}

/** `path:line:column: message`, or `path: message` when the problem has no position. */
export function formatProblem(problem: ConfigProblem, displayPath: string, locale: Locale): string {
  const where = problem.line > 0 ? `${displayPath}:${problem.line}:${problem.column}` : displayPath;
  return `${where}: ${problem.message[locale]}`;
}
