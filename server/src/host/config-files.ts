// The Node host's side of configuration, shared by the CLI and the language server: finding the
// nearest `.gongwen.jsonc` / `.gongwen.json` above a folder, and reading it. The engine parses
// and validates text only; the file system stays out of it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { parseConfigText, type UserConfig } from '../engine/config.js';
import { LineIndex } from '../engine/line-index.js';
import { RULES_BY_ID } from '../engine/rules/index.js';
import { MAX_PACK_TEXT, parsePackText } from '../engine/terms/pack.js';
import type { TermPack } from '../engine/terms/types.js';
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

/** A term pack file that a configuration names (`terms.files`), as read. */
export interface PackFile {
  file: string;
  /** Its text, when it was read (the language server positions its problems on it). */
  text?: string;
}

/** Reads and parses a configuration file; an unreadable file is a problem, not a crash. `text`
 * is what was read (the language server positions the problems on it). The term packs it names
 * (`terms.files`, relative to the file) are read too: their problems name the pack's file. */
export function loadConfigFile(filePath: string): { config: UserConfig; problems: ConfigProblem[]; text?: string; packFiles?: PackFile[] } {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return { config: {}, problems: [{ path: filePath, line: 0, column: 0, message: { id: 'config/cannotRead', data: { reason } } }] };
  }
  const parsed = parseConfigText(text, RULES_BY_ID, filePath);
  const files = parsed.config.terms?.files;
  if (!files || files.length === 0) return { ...parsed, text };
  const packFiles = loadTermPacks(filePath, text, parsed.config, parsed.problems, files);
  return { ...parsed, text, packFiles };
}

/** Reads the packs of `terms.files` into `config.terms.packs`; each problem at its file and position. */
function loadTermPacks(configPath: string, configText: string, config: UserConfig, problems: ConfigProblem[], files: string[]): PackFile[] {
  const dir = path.dirname(configPath);
  const packs: TermPack[] = [];
  const read: PackFile[] = [];
  const body = configText.charCodeAt(0) === 0xfeff ? configText.slice(1) : configText;
  let tree: ReturnType<typeof parseTree> | undefined;
  let index: LineIndex | undefined;
  const positionOf = (i: number) => {
    tree ??= parseTree(body, [], { allowTrailingComma: true, disallowComments: false });
    index ??= new LineIndex(body);
    const node = tree && findNodeAtLocation(tree, ['terms', 'files', i]);
    return node ? index.position(node.offset) : { line: 1, column: 1 };
  };
  files.forEach((name, i) => {
    const file = path.resolve(dir, name);
    let text: string;
    try {
      const size = fs.statSync(file).size;
      if (size > MAX_PACK_TEXT * 4) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? String(e);
      problems.push({ path: configPath, ...positionOf(i), message: { id: 'config/termsCannotRead', data: { file: name, reason } } });
      read.push({ file });
      return;
    }
    read.push({ file, text });
    const result = parsePackText(text, file);
    problems.push(...result.problems);
    if (result.pack) packs.push(result.pack);
  });
  config.terms = { ...config.terms, packs };
  return read;
}

export interface LoadedConfigFile {
  /** Absolute path; undefined when no file applies (the defaults). */
  file?: string;
  config: UserConfig;
  problems: ConfigProblem[];
  /** The file's text, when it was read. */
  text?: string;
  /** The term pack files it names, as read. */
  packFiles?: PackFile[];
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

/** What tells the versions of a configuration's pack files apart. */
function packStamp(files: readonly PackFile[]): string {
  return files.map((f) => stamp(f.file)).join('|');
}

/** The configuration that applies in each folder: each folder looked up once, each file read
 * once, until `clear()`. With `revalidate` (a language server whose editor does not watch files
 * for it), every lookup looks for the nearest file again and re-reads a file whose modification
 * time, size or inode changed; an unchanged file is the same entry as before. */
export class NearestConfigs {
  private readonly byFolder = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, LoadedConfigFile>();
  private readonly stamps = new Map<string, string>();
  private readonly packStamps = new Map<string, string>();
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
    // The term packs a file names are not watched by editors: each is stamped and read again when it changes.
    if (entry?.packFiles && packStamp(entry.packFiles) !== this.packStamps.get(file)) entry = undefined;
    if (!entry) {
      // Stamped before reading: a write in between is read now and noticed again next time.
      if (this.revalidate) this.stamps.set(file, stamp(file));
      entry = { file, ...loadConfigFile(file) };
      if (entry.packFiles) this.packStamps.set(file, packStamp(entry.packFiles));
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
    this.packStamps.clear();
  }
}
