// `gongwen export DRAFT.md [-o FILE.docx] [--force] [--overwrite] [--preset NAME]`: checks the draft,
// refuses to export while it has error-severity findings (unless --force), and writes the .docx
// atomically. An existing output file is never replaced without asking: in a terminal the user is
// asked; otherwise --overwrite must say so.
// Exit code: 0 exported; 1 error findings, not exported; 2 bad usage, unreadable draft, output
// exists (and may not be replaced) or cannot be written, an unknown preset.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../engine/types.js';
import { decode, type EncodingName } from '../host/encoding.js';
import type { ExportProgress } from '../word/export.js';
import { ConfigLookup } from './config-lookup.js';
import { errorReason } from './files.js';
import { MESSAGES } from './messages.js';
import { formatFile, formatProblem } from './output.js';
import { createFileAtomic, FileExistsError, ReadOnlyError, writeFileAtomic } from './write-atomic.js';

export interface ExportIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Asks a yes/no question in the terminal; undefined when there is none to ask in. */
  ask?: (question: string) => Promise<boolean>;
  /** Progress goes to a terminal only. */
  progress?: (line: string) => void;
}

export interface ExportArgs {
  input: string;
  output?: string;
  force: boolean;
  overwrite: boolean;
  preset?: string;
  config?: string;
  type?: string;
  encoding?: EncodingName;
  locale: Locale;
}

const EXIT_OK = 0;
const EXIT_BLOCKED = 1;
const EXIT_TROUBLE = 2;

/** The output's default name: the draft's, with .docx for .md/.markdown (or added). */
export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  return (/^\.(md|markdown|txt)$/i.test(ext) ? input.slice(0, -ext.length) : input) + '.docx';
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

function stated(layers: { encoding?: EncodingName }[]): EncodingName | undefined {
  let name: EncodingName | undefined;
  for (const l of layers) if (l.encoding) name = l.encoding;
  return name;
}

export async function runExport(args: ExportArgs, io: ExportIo): Promise<number> {
  const m = MESSAGES[args.locale];
  const say = (line: string) => io.stderr(line + '\n');
  const display = args.input;
  const absolute = path.resolve(io.cwd, args.input);
  const outDisplay = args.output ?? defaultOutput(args.input);
  const outAbsolute = path.resolve(io.cwd, outDisplay);

  // The draft.
  let bytes: Buffer;
  try {
    const st = fs.statSync(absolute);
    if (!st.isFile()) {
      say(st.isDirectory() ? m.exportOneFile : m.notAFile(display));
      return EXIT_TROUBLE;
    }
    bytes = fs.readFileSync(absolute);
  } catch (e) {
    say((e as NodeJS.ErrnoException)?.code === 'ENOENT' ? m.pathNotFound(display) : m.cannotRead(display, errorReason(e)));
    return EXIT_TROUBLE;
  }
  if (fs.existsSync(outAbsolute) && sameFile(absolute, outAbsolute)) {
    say(m.outputIsInput(display));
    return EXIT_TROUBLE;
  }
  const configs = new ConfigLookup(io.cwd, args.config);
  const config = configs.forFile(absolute);
  for (const p of config.problems) say(formatProblem(p, config.display ?? display, args.locale));
  const decoded = decode(bytes, args.encoding ?? stated(config.layers));
  if (decoded.kind === 'binary') {
    say(m.binarySkipped(display));
    return EXIT_TROUBLE;
  }
  const text = decoded.text;

  // The Word writer (the docx package, about 1 MB bundled) is loaded only when a file is exported.
  const { buildDocx, exportMessage, prepareExport } = await import('../word/export.js');
  // Check first.
  const progress = (p: ExportProgress) => io.progress?.(m.progress(display, p.stage, Math.round((100 * p.done) / Math.max(1, p.total))));
  progress({ stage: 'check', done: 0, total: 1 });
  const prepared = prepareExport(text, { config: config.layers, type: args.type }, args.preset);
  for (const p of prepared.result.problems) {
    const where = p.path !== undefined ? path.relative(io.cwd, p.path) || p.path : display;
    say(formatProblem(p, where, args.locale));
  }
  if (prepared.presetProblem) {
    say(`${config.display ?? display}: ${exportMessage(prepared.presetProblem, args.locale)}`);
    return EXIT_TROUBLE;
  }
  if (prepared.blocking.length > 0) {
    const list = formatFile({ path: display, diagnostics: prepared.blocking }, 'text', args.locale).part;
    if (!args.force) {
      say(m.exportBlocked(display, prepared.blocking.length));
      io.stderr(list);
      return EXIT_BLOCKED;
    }
    say(m.exportForced(display, prepared.blocking.length));
    io.stderr(list);
  }

  // Never replace without asking.
  const exists = fs.existsSync(outAbsolute);
  if (exists && !args.overwrite) {
    if (!io.ask) {
      say(m.outputExists(outDisplay));
      return EXIT_TROUBLE;
    }
    if (!(await io.ask(m.askOverwrite(outDisplay)))) {
      say(m.notOverwritten(outDisplay));
      return EXIT_TROUBLE;
    }
  }

  const { bytes: docx, warnings } = await buildDocx(prepared, { baseDir: path.dirname(absolute), onProgress: progress });
  for (const w of warnings) say(`${display}${w.line ? `:${w.line}` : ''}: ${exportMessage(w.message, args.locale)}`);
  try {
    if (exists) writeFileAtomic(outAbsolute, docx);
    else createFileAtomic(outAbsolute, docx);
  } catch (e) {
    if (e instanceof FileExistsError) say(m.outputExists(outDisplay));
    else if (e instanceof ReadOnlyError) say(m.readOnlyOutput(outDisplay));
    else say(m.cannotWriteOutput(outDisplay, errorReason(e)));
    return EXIT_TROUBLE;
  }
  io.stdout(m.exportDone(outDisplay) + '\n');
  return EXIT_OK;
}
