// Checks (and with --fix fixes) one file and says what happened as plain data, so that the same
// function serves the main thread and the child processes of a large batch (parallel-check.ts).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, fixText, type CheckOptions, type CheckResult } from '../engine/check.js';
import type { Diagnostic, Locale } from '../engine/types.js';
import type { ConfigLookup } from './config-lookup.js';
import { decode, encode, encodingLabel, unencodable, type Decoded, type EncodingName } from '../host/encoding.js';
import { errorReason, type FileEntry } from './files.js';
import type { StructureSetting, UserConfig } from '../engine/config.js';
import { MESSAGES, type CliMessages } from './messages.js';
import { formatFile, formatProblem, type FileOutput, type OutputFormat } from './output.js';
import { FileChangedError, ReadOnlyError, stampOf, writeFileAtomic, type ReadStamp } from './write-atomic.js';
import { hasExtension, OLD_WORD_EXTENSIONS, WORD_EXTENSIONS } from '../word/import.js';
import { checkWordBytes } from './word-file.js';

export interface FileSettings {
  fix: boolean;
  format: OutputFormat;
  type?: string;
  structure?: StructureSetting;
  /** `--encoding`: wins over the configuration's `encoding`; a BOM wins over both. */
  encoding?: EncodingName;
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
  /** Lines for stderr that change nothing (a binary file skipped, an encoding not certain while nothing is written). */
  notes: string[];
}

export function checkFile(file: FileEntry, settings: FileSettings, configs: ConfigLookup): FileOutcome {
  const m = MESSAGES[settings.locale];
  const outcome: FileOutcome = { display: file.display, fixed: 0, troubles: [], notes: [] };
  if (hasExtension(file.absolute, OLD_WORD_EXTENSIONS)) {
    outcome.troubles.push(m.wordOldFormat(file.display));
    return outcome;
  }
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
    const config = configs.forFile(file.absolute);
    // A term pack's problems name the pack's file (its path as given relative to the working directory).
    const where = (p: { path?: string }) => (p.path !== undefined && p.path !== config.file ? path.relative(settings.cwd, p.path) || p.path : (config.display ?? file.display));
    if (config.firstUse) for (const p of config.problems) outcome.troubles.push(formatProblem(p, where(p), settings.locale));
    if (hasExtension(file.absolute, WORD_EXTENSIONS)) {
      const word = checkWordBytes(bytes, file.display, { config: config.layers, type: settings.type, structure: settings.structure }, settings.format, settings.locale, m);
      if (word.unreadable) {
        outcome.troubles.push(word.unreadable);
        return outcome;
      }
      if (settings.fix) outcome.troubles.push(m.wordFixRefused(file.display));
      for (const f of word.failures) outcome.troubles.push(m.ruleFailed(file.display, f.rule, f.error.split('\n')[0]));
      for (const p of word.problems) {
        const where = p.path !== undefined ? path.relative(settings.cwd, p.path) || p.path : file.display;
        outcome.troubles.push(formatProblem(p, where, settings.locale));
      }
      outcome.output = word.output;
      return outcome;
    }
    const decoded = decode(bytes, settings.encoding ?? statedEncoding(config.layers));
    if (decoded.kind === 'binary') {
      outcome.notes.push(m.binarySkipped(file.display)); // not a failure: the exit code stays
      return outcome;
    }
    const options: CheckOptions = { config: config.layers, type: settings.type, structure: settings.structure };
    const text = decoded.text;

    let result: CheckResult;
    const attempt = settings.fix ? fixText(text, options) : undefined;
    if (attempt && attempt.text !== text) {
      result = attempt.result;
      // Written back only in the encoding it was surely read in, and only if it holds every character.
      const doubt = doubtOf(decoded, file.display, m, true);
      const missing = doubt === undefined ? unencodable(attempt.text, decoded.encoding) : undefined;
      if (doubt !== undefined || missing !== undefined) {
        outcome.troubles.push(doubt ?? m.notEncodable(file.display, missing!, encodingLabel(decoded.encoding)));
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
    } else {
      result = attempt ? attempt.result : checkText(text, options);
      // Nothing is written: a doubt about the encoding is only said.
      const doubt = doubtOf(decoded, file.display, m, false);
      if (doubt !== undefined) outcome.notes.push(doubt);
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

/** The encoding the configuration states (the last layer that states one wins). */
function statedEncoding(layers: UserConfig[]): EncodingName | undefined {
  let name: EncodingName | undefined;
  for (const layer of layers) if (layer.encoding) name = layer.encoding;
  return name;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Why the file should not be written back in the encoding it was read in, in words; undefined
 * when it may be. `fix`: the words of a refusal (else of a note, as nothing is written).
 */
function doubtOf(decoded: Extract<Decoded, { kind: 'text' }>, display: string, m: CliMessages, fix: boolean): string | undefined {
  const label = encodingLabel(decoded.encoding);
  const { evidence, invalid } = decoded;
  // The likely cause first: a stated encoding that is not the file's.
  if (evidence.kind === 'stated' && evidence.mismatch) return m.encodingMismatch(display, label, encodingLabel(evidence.mismatch), fix);
  if (invalid) return m.invalidBytes(display, invalid.line, invalid.offset, hex(invalid.bytes[0]), label, fix);
  if (!decoded.lossless) return fix ? m.notRoundTrip(display, label) : undefined;
  if (evidence.kind === 'detected' && evidence.weak) {
    const weak = evidence.weak;
    return m.encodingUnsure(display, label, weak.kind === 'close' ? { kind: 'close', alternative: encodingLabel(weak.alternative) } : weak, fix);
  }
  return undefined;
}
