// Which configuration applies to a checked file: the `--config` file, or the nearest
// `.gongwen.jsonc` / `.gongwen.json` above the file. Each folder is looked up once and each
// configuration file loaded once, so its problems are reported once.

import * as path from 'node:path';
import { findConfigFile, loadConfigFile, type ConfigProblem, type UserConfig } from '../engine/config.js';

export interface LoadedConfig {
  /** Absolute path of the configuration file; undefined when none applies (defaults). */
  file?: string;
  /** The file's path as shown in messages. */
  display?: string;
  /** What is valid in the file (nothing after a syntax error: the defaults apply). */
  layers: UserConfig[];
  problems: ConfigProblem[];
  /** True the first time this configuration is handed out (its problems are then reported). */
  firstUse: boolean;
}

export class ConfigLookup {
  private readonly byFolder = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, { display: string; layers: UserConfig[]; problems: ConfigProblem[]; used: boolean }>();

  /** `explicit`: the `--config` file as given on the command line, used for every file. */
  constructor(
    private readonly cwd: string,
    private readonly explicit?: string,
  ) {}

  forFile(absoluteFile: string): LoadedConfig {
    let file: string | undefined;
    let display: string | undefined;
    if (this.explicit !== undefined) {
      file = path.resolve(this.cwd, this.explicit);
      display = this.explicit;
    } else {
      const folder = path.dirname(absoluteFile);
      if (!this.byFolder.has(folder)) this.byFolder.set(folder, findConfigFile(folder));
      file = this.byFolder.get(folder);
      if (file === undefined) return { layers: [], problems: [], firstUse: false };
      display = path.relative(this.cwd, file) || file;
    }
    let entry = this.byFile.get(file);
    if (!entry) {
      // Like the language server: a syntax error gives the defaults, an invalid setting is dropped.
      const loaded = loadConfigFile(file);
      entry = { display, layers: [loaded.config], problems: loaded.problems, used: false };
      this.byFile.set(file, entry);
    }
    const firstUse = !entry.used;
    entry.used = true;
    return { file, display: entry.display, layers: entry.layers, problems: entry.problems, firstUse };
  }
}
