// Expands the command line's paths into the files to check: files as given, directories walked
// for Markdown files (skipping node_modules and dot folders), and globs. Each file once, sorted.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];

export interface FileEntry {
  /** The path shown in the output: relative to the working directory when given relative. */
  display: string;
  absolute: string;
}

export type PathError =
  | { kind: 'not-found'; path: string }
  | { kind: 'no-match'; path: string }
  | { kind: 'dir-unreadable'; path: string; reason: string }
  | { kind: 'not-a-file'; path: string };

export interface Expansion {
  files: FileEntry[];
  errors: PathError[];
}

function isSkippedDir(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function isMarkdown(name: string): boolean {
  const lower = name.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Walks a directory for Markdown files. Symbolic links to files are followed, to directories not. */
function walk(dir: string, display: string, out: string[], errors: PathError[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    errors.push({ kind: 'dir-unreadable', path: display, reason: errorReason(e) });
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const shown = path.join(display, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedDir(entry.name)) walk(full, shown, out, errors);
    } else if (isMarkdown(entry.name)) {
      if (entry.isFile()) out.push(shown);
      else if (entry.isSymbolicLink()) {
        try {
          if (fs.statSync(full).isFile()) out.push(shown);
        } catch {
          out.push(shown); // a broken link: reading it reports the error
        }
      }
    }
  }
}

export function errorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? err?.message ?? String(e);
}

/** Expands paths (files, directories, globs) relative to `cwd`. */
export function expandPaths(inputs: string[], cwd: string): Expansion {
  const errors: PathError[] = [];
  const byAbsolute = new Map<string, FileEntry>();
  const add = (display: string) => {
    const absolute = path.resolve(cwd, display);
    if (!byAbsolute.has(absolute)) byAbsolute.set(absolute, { display: path.normalize(display), absolute });
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    let missing = false;
    try {
      stat = fs.statSync(absolute);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      missing = code === 'ENOENT' || code === 'ENOTDIR';
    }
    if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(absolute, input, found, errors);
      found.forEach(add);
    } else if (stat && !stat.isFile()) {
      // A device, a FIFO or a socket (/dev/zero, a named pipe): never read, it may not end.
      errors.push({ kind: 'not-a-file', path: input });
    } else if (stat || !missing) {
      add(input); // a file, or a path that exists but cannot be examined: reading it reports why
    } else if (isDynamicPattern(input)) {
      const matches = globSync(input, {
        cwd,
        absolute: path.isAbsolute(input),
        dot: false,
        onlyFiles: true,
        expandDirectories: false,
        ignore: ['**/node_modules/**'],
      });
      if (matches.length === 0) errors.push({ kind: 'no-match', path: input });
      matches.forEach(add);
    } else {
      errors.push({ kind: 'not-found', path: input });
    }
  }
  const files = [...byAbsolute.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, errors };
}
