// The `gongwen` command: arguments, orchestration and exit code.
//   gongwen check [--format text|json] [--fix] [--config FILE] [--type TYPE] [--encoding NAME] [--locale zh-CN|en] PATH…
//   gongwen import FILE.docx… [-o FILE.md | -o -] [--overwrite]
// Exit code: 0 no error-severity finding; 1 some; 2 bad usage, unreadable path or configuration
// problem (2 wins over 1); 128 + the signal's number when SIGINT/SIGTERM/SIGHUP stops it (signals.ts).
// Every file is checked even when another one fails.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '../engine/types.js';
import { ConfigLookup } from './config-lookup.js';
import { expandPaths, type FileEntry } from './files.js';
import { checkFile, type FileOutcome, type FileSettings } from './check-file.js';
import type { StructureSetting } from '../engine/config.js';
import { parseEncodingName, type EncodingName } from '../host/encoding.js';
import { checkInParallel, PARALLEL_THRESHOLD } from './parallel-check.js';
import { MESSAGES, isLocale, type CliMessages } from './messages.js';
import { OutputStream, type OutputFormat } from './output.js';
import { exitOnSignals, signalPoint } from './signals.js';
import { importFile } from './import-file.js';
import { runExport, type ExportIo } from './export-command.js';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_TROUBLE = 2;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** A yes/no question in the terminal (gongwen export's overwrite); absent when there is no terminal. */
  ask?: (question: string) => Promise<boolean>;
  /** A progress line in the terminal, replacing the last one; absent when there is no terminal. */
  progress?: (line: string) => void;
}

const interactive = () => Boolean(process.stdin.isTTY && process.stderr.isTTY);

const processIo: CliIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  cwd: process.cwd(),
  ask: async (question) => {
    if (!interactive()) return false;
    const readline = await import('node:readline/promises');
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^(y|yes|是|覆盖)$/i.test((await rl.question(question)).trim());
    } finally {
      rl.close();
    }
  },
  progress: (line) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
  },
};

const OPTIONS = {
  format: { type: 'string' },
  fix: { type: 'boolean' },
  config: { type: 'string' },
  type: { type: 'string' },
  structure: { type: 'string' },
  locale: { type: 'string' },
  jobs: { type: 'string' },
  encoding: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  overwrite: { type: 'boolean' },
  preset: { type: 'string' },
} as const;

/** Options of `gongwen export` and `gongwen import`, refused for check. */
const EXPORT_OPTIONS = ['output', 'force', 'overwrite', 'preset'];

interface Args {
  command?: string;
  paths: string[];
  format: string;
  fix: boolean;
  config?: string;
  type?: string;
  structure?: string;
  locale: string;
  /** `--encoding NAME`, as given. */
  encoding?: string;
  /** Child processes for large batches (`--jobs N`); 1 checks everything on the main thread. */
  jobs: number;
  help: boolean;
  version: boolean;
  /** import, export: `-o FILE`. */
  output?: string;
  /** export: despite error findings. */
  force: boolean;
  /** import, export: replace an existing output file. */
  overwrite: boolean;
  preset?: string;
  /** The export-only options given, as written (refused for check). */
  exportOptions: string[];
  /** Usage errors, already in words. */
  errors: string[];
}

function parse(argv: string[], m: CliMessages): Args {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const args: Args = { paths: [], format: 'text', fix: false, locale: 'zh-CN', jobs: os.availableParallelism(), help: false, version: false, force: false, overwrite: false, exportOptions: [], errors: [] };
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[token.name];
    if (spec && EXPORT_OPTIONS.includes(token.name)) args.exportOptions.push(token.rawName);
    if (!spec || !Object.hasOwn(OPTIONS, token.name)) {
      args.errors.push(m.unknownOption(token.rawName));
    } else if (spec.type === 'string') {
      if (token.value === undefined) args.errors.push(m.missingValue(token.rawName));
      else if (token.name === 'jobs') {
        const n = Number(token.value);
        if (Number.isInteger(n) && n >= 1 && n <= 256) args.jobs = n;
        else args.errors.push(m.badJobs(token.value));
      } else (args as unknown as Record<string, string>)[token.name] = token.value;
    } else if (token.inlineValue) {
      args.errors.push(m.unexpectedValue(token.rawName));
    } else {
      (args as unknown as Record<string, boolean>)[token.name] = true;
    }
  }
  [args.command, ...args.paths] = positionals;
  return args;
}

/** The `--locale` given, looked up before parsing so that parse errors are in that language. */
function localeOf(argv: string[]): Locale {
  let found: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--locale') found = argv[i + 1];
    else if (a.startsWith('--locale=')) found = a.slice('--locale='.length);
  });
  return found !== undefined && isLocale(found) ? found : 'zh-CN';
}

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL(import.meta.url.endsWith('.cjs') ? '../../package.json' : '../../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** A closed pipe (`gongwen check . | head`) ends the output quietly instead of with a stack trace. */
function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') return;
      // Output that cannot be written (> /dev/full): one line, exit 2, no stack trace.
      if (stream === process.stdout) {
        try {
          process.stderr.write(`gongwen: 无法写出结果 / cannot write the output (${e.code ?? e.message})\n`);
        } catch {
          // stderr is gone too
        }
      }
      process.exit(EXIT_TROUBLE);
    });
  }
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (io === processIo) ignoreClosedPipes();
  try {
    return await run(argv, io);
  } catch (e) {
    io.stderr(`gongwen: ${(e as Error)?.message ?? String(e)}\n`);
    return EXIT_TROUBLE;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let m = MESSAGES[localeOf(argv)];
  const args = parse(argv, m);
  const usageError = (...lines: string[]) => {
    io.stderr(`gongwen: ${lines.join('\n')}\n\n${m.usage(version())}\n`);
    return EXIT_TROUBLE;
  };
  if (args.errors.length > 0) return usageError(...args.errors);
  if (!isLocale(args.locale)) return usageError(m.badLocale(args.locale));
  const locale: Locale = args.locale;
  m = MESSAGES[locale];
  if (args.help || args.command === 'help') {
    io.stdout(m.usage(version()) + '\n');
    return EXIT_OK;
  }
  if (args.version) {
    io.stdout(version() + '\n');
    return EXIT_OK;
  }
  if (args.command === undefined) return usageError(m.noPath);
  if (args.command === 'import') {
    if (args.paths.length === 0) return usageError(m.noPath);
    if (args.output !== undefined && args.paths.length > 1) return usageError(m.importOneOutput);
    return importAll(args, locale, io);
  }
  if (args.command === 'export') return exportCommand(args, locale, io, usageError);
  if (args.command !== 'check') return usageError(m.unknownCommand(args.command));
  if (args.exportOptions.length > 0) return usageError(...args.exportOptions.map((o) => m.exportOnlyOption(o)));
  if (args.format !== 'text' && args.format !== 'json') return usageError(m.badFormat(args.format));
  if (args.structure !== undefined && args.structure !== 'auto' && args.structure !== 'always') return usageError(m.badStructure(args.structure));
  const encoding = args.encoding === undefined ? undefined : parseEncodingName(args.encoding);
  if (args.encoding !== undefined && encoding === undefined) return usageError(m.badEncoding(args.encoding));
  if (args.paths.length === 0) return usageError(m.noPath);
  if (args.config !== undefined && !isReadableFile(path.resolve(io.cwd, args.config))) {
    io.stderr(`gongwen: ${m.configNotFound(args.config)}\n`);
    return EXIT_TROUBLE;
  }
  return check(args, locale, encoding, io);
}

async function importAll(args: Args, locale: Locale, io: CliIo): Promise<number> {
  const m = MESSAGES[locale];
  if (io === processIo) exitOnSignals((signal) => io.stderr(`gongwen: ${m.interrupted(signal)}\n`));
  let trouble = false;
  for (const input of args.paths) {
    await signalPoint();
    const outcome = importFile({ input, absolute: path.resolve(io.cwd, input), output: args.output, overwrite: args.overwrite }, io.cwd, m);
    for (const line of outcome.troubles) io.stderr(line + '\n');
    for (const line of outcome.notes) io.stderr(line + '\n');
    if (outcome.stdout !== undefined) io.stdout(outcome.stdout);
    if (outcome.troubles.length > 0) trouble = true;
  }
  return trouble ? EXIT_TROUBLE : EXIT_OK;
}

async function exportCommand(args: Args, locale: Locale, io: CliIo, usageError: (...lines: string[]) => number): Promise<number> {
  const m = MESSAGES[locale];
  const encoding = args.encoding === undefined ? undefined : parseEncodingName(args.encoding);
  if (args.encoding !== undefined && encoding === undefined) return usageError(m.badEncoding(args.encoding));
  const checkOnly = [args.fix && '--fix', args.format !== 'text' && '--format', args.structure !== undefined && '--structure'].filter((o): o is string => typeof o === 'string');
  if (checkOnly.length > 0) return usageError(...checkOnly.map((o) => m.checkOnlyOption(o)));
  if (args.paths.length !== 1) return usageError(args.paths.length === 0 ? m.noPath : m.exportOneFile);
  if (args.config !== undefined && !isReadableFile(path.resolve(io.cwd, args.config))) {
    io.stderr(`gongwen: ${m.configNotFound(args.config)}\n`);
    return EXIT_TROUBLE;
  }
  // Ctrl-C stops without leaving a temporary or half-written file (signals.ts).
  if (io === processIo) exitOnSignals((signal) => io.stderr(`gongwen: ${m.interrupted(signal)}\n`));
  let shown = false;
  const exportIo: ExportIo = {
    stdout: (t) => {
      if (shown) io.progress?.('');
      shown = false;
      io.stdout(t);
    },
    stderr: (t) => {
      if (shown) io.progress?.('');
      shown = false;
      io.stderr(t);
    },
    cwd: io.cwd,
    ask: io === processIo ? (interactive() ? io.ask : undefined) : io.ask,
    progress: io.progress
      ? (line) => {
          shown = true;
          io.progress?.(line);
        }
      : undefined,
  };
  const code = await runExport(
    { input: args.paths[0], output: args.output, force: args.force, overwrite: args.overwrite, preset: args.preset, config: args.config, type: args.type, encoding, locale },
    exportIo,
  );
  if (shown) io.progress?.('');
  return code;
}

function isReadableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

async function check(args: Args, locale: Locale, encoding: EncodingName | undefined, io: CliIo): Promise<number> {
  const m = MESSAGES[locale];
  // Ctrl-C or a kill stops between files, never within a write (signals.ts).
  if (io === processIo) exitOnSignals((signal) => io.stderr(`gongwen: ${m.interrupted(signal)}\n`));
  let trouble = false;
  const reported = new Set<string>();
  const warn = (line: string) => {
    trouble = true;
    if (reported.has(line)) return;
    reported.add(line);
    io.stderr(line + '\n');
  };

  const { files, errors } = expandPaths(args.paths, io.cwd);
  const configs = new ConfigLookup(io.cwd, args.config);
  for (const e of errors) {
    if (e.kind === 'not-found') warn(m.pathNotFound(e.path));
    else if (e.kind === 'not-a-file') warn(m.notAFile(e.path));
    else if (e.kind === 'no-match') warn(m.noGlobMatch(e.path));
    else warn(m.cannotReadDir(e.path, e.reason));
  }

  const settings: FileSettings = { fix: args.fix, format: args.format as OutputFormat, type: args.type, structure: args.structure as StructureSetting | undefined, encoding, cwd: io.cwd, locale };
  // Each file's findings are written as soon as it is checked (in a large batch, as the child
  // processes' results come back): the output is never held as one string.
  const out = new OutputStream((t) => io.stdout(t), settings.format, locale);
  let fixed = 0;
  let errorCount = 0;
  const take = (outcome: FileOutcome) => {
    outcome.troubles.forEach(warn);
    outcome.notes.forEach((line) => io.stderr(line + '\n'));
    if (!outcome.output) return;
    fixed += outcome.fixed;
    errorCount += outcome.output.counts.errors;
    out.add(outcome.output);
  };
  if (args.jobs > 1 && files.length >= PARALLEL_THRESHOLD) {
    for (const outcome of await checkInParallel(files, settings, args.config, Math.min(args.jobs, Math.ceil(files.length / PARALLEL_THRESHOLD)), configs)) take(outcome);
  } else {
    for (const file of files) {
      await signalPoint();
      take(checkFile(file, settings, configs));
    }
  }
  out.end(args.fix ? fixed : undefined);
  if (trouble) return EXIT_TROUBLE;
  return errorCount > 0 ? EXIT_ERRORS : EXIT_OK;
}
