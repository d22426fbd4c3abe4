// One check per document version: the engine's result (model and diagnostics) cached for the
// version it was made for, so diagnostics, code actions, symbols, folding and hovers share it.

import * as path from 'node:path';
import { URI } from './uri.js';
import { checkText, type CheckResult } from '../engine/check.js';
import { MarkdownCache } from '../engine/model/markdown.js';
import type { RuleSetting } from '../engine/types.js';
import { NearestConfigs, type LoadedConfigFile } from '../host/config-files.js';
import type { GongwenSettings } from '../protocol.js';
import { NegotiatedEncoding, type LspPositions } from './position-encoding.js';
import { decodingDamage } from './decoding-damage.js';
import { FileFilter } from './file-filter.js';

export interface CheckedVersion {
  uri: string;
  version: number;
  /** The text that was checked (for `run: onSave`, the last saved text). */
  text: string;
  result: CheckResult;
  settings: GongwenSettings;
  /** Set when the document is larger than `maxFileSize`: it was not checked. */
  pausedForSize?: number;
  /** Set when the text shows that the editor decoded the file with the wrong encoding (a GBK
   * file opened as UTF-8): it was not checked; line (0-based) of the first damage. */
  decodingDamage?: { line: number };
  /** Positions of the checked text in the encoding negotiated with the client. */
  positions: LspPositions;
  /** Set when the document gets no findings: it does not read as a report (its model is still
   * made, for the outline), or it is excluded (`gongwen.files.exclude`, the extension's folder: not checked). */
  notChecked?: 'not-report' | 'excluded';
}

type ConfigEntry = LoadedConfigFile;

/** A document that is no file (untitled:) has no configuration file. */
const NO_CONFIG: ConfigEntry = { config: {}, problems: [] };

export class DocumentChecks {
  private readonly cache = new Map<string, CheckedVersion>();
  /** Per document: the Markdown blocks of its last checked version, so an edit parses only its block. */
  private readonly parses = new Map<string, MarkdownCache>();
  private readonly configs = new NearestConfigs();
  /** Per document: the configuration its cached check was made with. */
  private readonly configUsed = new Map<string, ConfigEntry>();

  /** For an editor that does not watch files for the server: every check looks for the nearest
   * `.gongwen.jsonc` again and re-reads it when its modification time changed (one stat per
   * folder level); a document whose configuration changed is checked again. */
  set revalidateConfigs(on: boolean) {
    this.configs.revalidate = on;
  }

  /** `encoding`: the position encoding chosen at initialize (UTF-16 until then); `files`: which
   * documents are checked (workspace folders are set at initialize). */
  constructor(
    private readonly encoding: NegotiatedEncoding = new NegotiatedEncoding(),
    readonly files: FileFilter = new FileFilter(),
  ) {}

  /** The cached check of `uri` at `version`, or a new one. */
  get(uri: string, version: number, text: string, settings: GongwenSettings): CheckedVersion {
    const hit = this.cache.get(uri);
    const config = this.configFor(uri);
    if (hit && hit.version === version && hit.text === text && hit.settings === settings && this.configUsed.get(uri) === config) return hit;
    const choice = this.files.choose(URI.toFsPath(uri), settings.files);
    if (choice === 'exclude') {
      const result = checkText('');
      const entry: CheckedVersion = { uri, version, text, result, settings, notChecked: 'excluded', positions: this.encoding.positions(result.model.index) };
      this.cache.set(uri, entry);
      this.configUsed.set(uri, config);
      return entry;
    }
    const size = Buffer.byteLength(text, 'utf8');
    if (size > settings.maxFileSize) {
      const result = checkText('');
      const entry: CheckedVersion = { uri, version, text, result, settings, pausedForSize: size, positions: this.encoding.positions(result.model.index) };
      this.cache.set(uri, entry);
      this.configUsed.set(uri, config);
      return entry;
    }
    const damage = decodingDamage(text);
    if (damage) {
      const result = checkText('');
      let line = 0;
      for (let i = text.indexOf('\n'); i >= 0 && i < damage.first; i = text.indexOf('\n', i + 1)) line++;
      const entry: CheckedVersion = { uri, version, text, result, settings, decodingDamage: { line }, positions: this.encoding.positions(result.model.index) };
      this.cache.set(uri, entry);
      this.configUsed.set(uri, config);
      return entry;
    }
    const result = checkText(text, {
      config: config.file ? [config.config] : [],
      // The editor's type is a default: front matter, .gongwen.jsonc and the title win over it.
      defaultType: settings.reportType || undefined,
      structure: settings.structure === 'always' ? 'always' : undefined,
      rules: settingsRules(settings),
      markdownCache: this.parseCache(uri),
    });
    const entry: CheckedVersion = { uri, version, text, result, settings, positions: this.encoding.positions(result.model.index) };
    if (choice !== 'include' && !result.reportLike) entry.notChecked = 'not-report';
    this.cache.set(uri, entry);
    this.configUsed.set(uri, config);
    return entry;
  }

  peek(uri: string): CheckedVersion | undefined {
    return this.cache.get(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.parses.delete(uri);
    this.configUsed.delete(uri);
  }

  private parseCache(uri: string): MarkdownCache {
    let c = this.parses.get(uri);
    if (!c) {
      c = new MarkdownCache();
      this.parses.set(uri, c);
    }
    return c;
  }

  /** Drops every cached check and configuration (settings or `.gongwen.jsonc` changed). */
  clear(): void {
    this.cache.clear();
    this.configUsed.clear();
    this.configs.clear();
  }

  /** The configuration file that applies to a document, with its problems. */
  configFor(uri: string): ConfigEntry {
    const fsPath = URI.toFsPath(uri);
    return fsPath ? this.configs.forFolder(path.dirname(fsPath)) : NO_CONFIG;
  }

  /** Configuration files in use, with their problems. */
  configFiles(): ConfigEntry[] {
    return this.configs.files();
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

function settingsRules(settings: GongwenSettings): Record<string, RuleSetting> | undefined {
  const out: Record<string, RuleSetting> = {};
  for (const [id, sev] of Object.entries(settings.rules ?? {})) {
    if (typeof sev === 'string' && SEVERITIES.has(sev)) out[id] = sev as RuleSetting;
  }
  return Object.keys(out).length ? out : undefined;
}
