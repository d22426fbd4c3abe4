// Checks (and with --fix fixes) one file and says what happened as plain data, so that the same
// function serves the main thread and the child processes of a large batch (parallel-check.ts).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, fixText, type CheckOptions, type CheckResult } from '../engine/check.js';
import type { Diagnostic, Locale } from '../engine/types.js';
import type { ConfigLookup } from './config-lookup.js';
import { decode, encode, encodingLabel } from './encoding.js';
import { errorReason, type FileEntry } from './files.js';
import type { StructureSetting } from '../engine/config.js';
import { MESSAGES } from './messages.js';
import { formatFile, formatProblem, type FileOutput, type OutputFormat } from './output.js';
import { FileChangedError, ReadOnlyError, stampOf, writeFileAtomic, type ReadStamp } from './write-atomic.js';

export interface FileSettings {
  fix: boolean;
  format: OutputFormat;
  type?: string;
  structure?: StructureSetting;
  cwd: string;
  locale: Locale;
}

export interface FileOutcome {
  display: string;
  /** The file's part of the output; undefined when the file was not checked (unreadable or binary). */
  output?: FileOutput;
  fixed: number;
  /** Lines for stderr that make the exit code 2 (unreadable, unwritable, configuration problems). */
  troubles: string[];
  /** Lines for stderr that change nothing (a binary file skipped). */
  notes: string[];
}

export function checkFile(file: FileEntry, settings: FileSettings, configs: ConfigLookup): FileOutcome {
  const m = MESSAGES[settings.locale];
  const outcome: FileOutcome = { display: file.display, fixed: 0, troubles: [], notes: [] };
  try {
    let bytes: Buffer;
    let stamp: ReadStamp | undefined;
    try {
      const before = stampOf(file.absolute);
      bytes = fs.readFileSync(before.realpath);
      // Read as a whole from one file: the stamp taken before reading still holds after.
      const after = stampOf(file.absolute);
      if (after.ino === before.ino && after.size === before.size && after.mtimeMs === before.mtimeMs && after.realpath === before.realpath) stamp = before;
    } catch (e) {
      outcome.troubles.push(m.cannotRead(file.display, errorReason(e)));
      return outcome;
    }
    const decoded = decode(bytes);
    if (decoded.kind === 'binary') {
      outcome.notes.push(m.binarySkipped(file.display)); // not a failure: the exit code stays
      return outcome;
    }
    const config = configs.forFile(file.absolute);
    if (config.firstUse) for (const p of config.problems) outcome.troubles.push(formatProblem(p, config.display ?? file.display, settings.locale));
    const options: CheckOptions = { config: config.layers, type: settings.type, structure: settings.structure };
    const text = decoded.text;

    let result: CheckResult;
    if (settings.fix) {
      const attempt = fixText(text, options);
      result = attempt.result;
      if (attempt.text !== text) {
        if (!decoded.lossless) {
          outcome.troubles.push(m.notRoundTrip(file.display, encodingLabel(decoded.encoding)));
          result = checkText(text, options);
        } else {
          try {
            if (!stamp) throw new FileChangedError('the file changed while it was being read');
            writeFileAtomic(file.absolute, encode(attempt.text, decoded.encoding), stamp);
            outcome.fixed = attempt.fixed;
          } catch (e) {
            outcome.troubles.push(
              e instanceof FileChangedError ? m.changedWhileChecking(file.display) : e instanceof ReadOnlyError ? m.readOnly(file.display) : m.cannotWrite(file.display, errorReason(e)),
            );
            result = checkText(text, options);
          }
        }
      }
    } else {
      result = checkText(text, options);
    }
    for (const f of result.failures) outcome.troubles.push(m.ruleFailed(file.display, f.rule, f.error.split('\n')[0]));
    for (const p of result.problems) {
      const where = p.path !== undefined ? path.relative(settings.cwd, p.path) || p.path : file.display;
      outcome.troubles.push(formatProblem(p, where, settings.locale));
    }
    outcome.output = formatFile({ path: file.display, diagnostics: result.diagnostics }, settings.format, settings.locale);
  } catch (e) {
    outcome.troubles.push(m.internalError(file.display, (e as Error)?.message ?? String(e)));
  }
  return outcome;
}
