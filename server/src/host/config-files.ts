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

/** The configuration that applies in each folder: each folder looked up once, each file read
 * once, until `clear()`. */
export class NearestConfigs {
  private readonly byFolder = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, LoadedConfigFile>();

  /** The configuration file that applies to files in `folder`. */
  forFolder(folder: string): LoadedConfigFile {
    if (!this.byFolder.has(folder)) this.byFolder.set(folder, findConfigFile(folder));
    const file = this.byFolder.get(folder);
    return file === undefined ? { config: {}, problems: [] } : this.forConfigFile(file);
  }

  /** A given configuration file (`--config`), read once. */
  forConfigFile(file: string): LoadedConfigFile {
    let entry = this.byFile.get(file);
    if (!entry) {
      entry = { file, ...loadConfigFile(file) };
      this.byFile.set(file, entry);
    }
    return entry;
  }

  /** Every configuration file read so far. */
  files(): LoadedConfigFile[] {
    return [...this.byFile.values()];
  }

  clear(): void {
    this.byFolder.clear();
    this.byFile.clear();
  }
}
