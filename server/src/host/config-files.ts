// The Node host's side of configuration, shared by the CLI and the language server: finding the
// nearest `.gongwen.jsonc` / `.gongwen.json` above a folder, and reading it. The engine parses
// and validates text only; the file system stays out of it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfigText, type UserConfig } from '../engine/config.js';
import { RULES_BY_ID } from '../engine/rules/index.js';
import type { ConfigProblem } from '../engine/types.js';

export const CONFIG_FILE_NAMES = ['.gongwen.jsonc', '.gongwen.json'];

/** The nearest configuration file at or above `dir`, if any. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Reads and parses a configuration file; an unreadable file is a problem, not a crash. `text`
 * is what was read (the language server positions the problems on it). */
export function loadConfigFile(filePath: string): { config: UserConfig; problems: ConfigProblem[]; text?: string } {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return { config: {}, problems: [{ path: filePath, line: 0, column: 0, message: { id: 'config/cannotRead', data: { reason } } }] };
  }
  return { ...parseConfigText(text, RULES_BY_ID, filePath), text };
}

export interface LoadedConfigFile {
  /** Absolute path; undefined when no file applies (the defaults). */
  file?: string;
  config: UserConfig;
  problems: ConfigProblem[];
  /** The file's text, when it was read. */
  text?: string;
}

/** The defaults, when no file applies: one object, so that "the same configuration" is identity. */
const NO_CONFIG_FILE: LoadedConfigFile = Object.freeze({ config: Object.freeze({}), problems: Object.freeze([]) as unknown as ConfigProblem[] });

/** What tells a file's versions apart without reading it. */
function stamp(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.ctimeMs}:${s.size}:${s.ino}`;
  } catch (e) {
    return `missing:${(e as NodeJS.ErrnoException).code ?? ''}`;
  }
}

/** The configuration that applies in each folder: each folder looked up once, each file read
 * once, until `clear()`. With `revalidate` (a language server whose editor does not watch files
 * for it), every lookup looks for the nearest file again and re-reads a file whose modification
 * time, size or inode changed; an unchanged file is the same entry as before. */
export class NearestConfigs {
  private readonly byFolder = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, LoadedConfigFile>();
  private readonly stamps = new Map<string, string>();
  revalidate = false;

  /** The configuration file that applies to files in `folder`. */
  forFolder(folder: string): LoadedConfigFile {
    if (this.revalidate || !this.byFolder.has(folder)) this.byFolder.set(folder, findConfigFile(folder));
    const file = this.byFolder.get(folder);
    return file === undefined ? NO_CONFIG_FILE : this.forConfigFile(file);
  }

  /** A given configuration file (`--config`), read once (with `revalidate`, again when it changed). */
  forConfigFile(file: string): LoadedConfigFile {
    let entry = this.byFile.get(file);
    if (entry && this.revalidate && stamp(file) !== this.stamps.get(file)) entry = undefined;
    if (!entry) {
      // Stamped before reading: a write in between is read now and noticed again next time.
      if (this.revalidate) this.stamps.set(file, stamp(file));
      entry = { file, ...loadConfigFile(file) };
      this.byFile.set(file, entry);
    }
    return entry;
  }

  /** Every configuration file read so far (with `revalidate`: that some folder still uses). */
  files(): LoadedConfigFile[] {
    if (!this.revalidate) return [...this.byFile.values()];
    const used = new Set(this.byFolder.values());
    return [...this.byFile.values()].filter((e) => used.has(e.file));
  }

  clear(): void {
    this.byFolder.clear();
    this.byFile.clear();
    this.stamps.clear();
  }
}
