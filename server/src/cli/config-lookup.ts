// Which configuration applies to a checked file: the `--config` file, or the nearest
// `.gongwen.jsonc` / `.gongwen.json` above the file. Each folder is looked up once and each
// configuration file loaded once, so its problems are reported once.

import * as path from 'node:path';
import type { UserConfig } from '../engine/config.js';
import type { ConfigProblem } from '../engine/types.js';
import { NearestConfigs } from '../host/config-files.js';

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
  private readonly configs = new NearestConfigs();
  /** Configuration files already handed out (their problems are reported the first time only). */
  private readonly used = new Set<string>();

  /** `explicit`: the `--config` file as given on the command line, used for every file. */
  constructor(
    private readonly cwd: string,
    private readonly explicit?: string,
  ) {}

  forFile(absoluteFile: string): LoadedConfig {
    const loaded = this.explicit !== undefined ? this.configs.forConfigFile(path.resolve(this.cwd, this.explicit)) : this.configs.forFolder(path.dirname(absoluteFile));
    const file = loaded.file;
    if (file === undefined) return { layers: [], problems: [], firstUse: false };
    const display = this.explicit ?? (path.relative(this.cwd, file) || file);
    const firstUse = !this.used.has(file);
    this.used.add(file);
    // Like the language server: a syntax error gives the defaults, an invalid setting is dropped.
    return { file, display, layers: [loaded.config], problems: loaded.problems, firstUse };
  }
}
