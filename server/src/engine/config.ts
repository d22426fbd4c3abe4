// Configuration: the text of `.gongwen.jsonc` / `.gongwen.json` (found and read by the host,
// host/config-files.ts),
// front matter `gongwen: { type: …, rules: … }` per document, and command-line overrides.
// A broken configuration is reported with its path and position; defaults are used instead.

import { compileUserPattern, type Pattern } from './user-pattern.js';
import { parse as parseJsonc, visit as visitJsonc, type ParseError } from 'jsonc-parser';
import { syntaxProblems } from './config-syntax.js';
import { LineIndex } from './line-index.js';
import { Composer, isScalar, LineCounter, Parser, visit, YAMLParseError, type CST, type Document } from 'yaml';
import { BUILTIN_ROLES, BUILTIN_TYPES, DEFAULT_TYPE, type ReportType, type RoleDefinition } from './report-types.js';
import type { ConfigProblem, Localized, MessageData, MessageRef, OptionsSchema, ResolvedConfig, RuleConfig, RuleSetting, Severity, SeveritySetting, StructureSetting } from './types.js';
import type { ConfigMessageKey } from './core-messages.js';
import { optionsProblem } from './options.js';
import { parseEncodingName, STATED_ENCODINGS, type EncodingName } from './encoding-names.js';
import { exportSettingsProblem, type UserExportSettings } from './export-settings.js';
import { validateEntries } from './terms/pack.js';
import { specFailures } from './terms/matcher.js';
import type { TermEntry, TermPack } from './terms/types.js';

export type { ConfigProblem, ResolvedConfig, RuleConfig, RuleSetting, StructureSetting } from './types.js';

/** What configuration checking needs to know of the rules: their ids and options schemas. */
export type RuleCatalogue = ReadonlyMap<string, { readonly meta: { readonly options?: OptionsSchema } }>;

function cm(key: ConfigMessageKey, data?: MessageData): MessageRef {
  return data ? { id: `config/${key}`, data } : { id: `config/${key}` };
}


export interface UserRole {
  name?: string | { 'zh-CN'?: string; en?: string };
  headings?: string[];
  paragraphs?: string[];
  frame?: { heading?: string; body?: string; paragraph?: string };
}

export interface UserType {
  required?: string[];
  roles?: Record<string, UserRole>;
}

/** The shape of `.gongwen.jsonc` (see schemas/gongwen.schema.json). */
export interface UserConfig {
  type?: string;
  /** `always`: check required sections and their order in any Markdown file; `auto` (default): only in a Chinese report. */
  structure?: StructureSetting;
  rules?: Record<string, RuleSetting>;
  types?: Record<string, UserType>;
  placeholders?: { extra?: string[]; allow?: string[] };
  /** The encoding of the files without a BOM (command line; the editor opens files itself). */
  encoding?: EncodingName;
  /** How the Word export lays the report out (export-settings.ts). */
  export?: UserExportSettings;
  /** The terms rule's own packs: `files` (paths relative to the configuration file, read by the
   * host into `packs`), `entries` written inline (the pack `custom`), and `allow`ed words. */
  terms?: UserTerms;
}

export interface UserTerms {
  files?: string[];
  entries?: TermEntry[];
  allow?: string[];
  /** The packs read from `files`, by the host (the engine reads no file). */
  packs?: TermPack[];
}

/** The pack that the entries written in the configuration (`terms.entries`) make. */
export const INLINE_PACK = 'custom';



const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Parses the text of a configuration file. Syntax errors come back as problems with positions. */
export function parseConfigText(text: string, registry: RuleCatalogue, filePath?: string): { config: UserConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // An empty file (or one with only comments) is an empty configuration.
  if (body.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() === '') return { config: {}, problems: [] };
  // The parser recurses per level: a file nested deeper than any configuration needs is refused
  // before it is parsed, as a problem of this file (the defaults apply).
  const deep = nestingTooDeep(body);
  if (deep !== undefined) {
    const { line, column } = new LineIndex(body).position(deep);
    return { config: {}, problems: [{ path: filePath, line, column, message: cm('tooDeep', { max: MAX_NESTING }) }] };
  }
  const value = parseJsonc(body, errors, { allowTrailingComma: true, disallowComments: false });
  // Problems are positioned with one line index (binary search), and settings by one pass over
  // the file: searching the text once per problem grew with problems × file size.
  // Each problem once, in words, at its position (config-syntax.ts); the whole file is ignored.
  if (errors.length > 0) {
    const index = new LineIndex(body);
    const problems: ConfigProblem[] = syntaxProblems(body).map((p) => {
      const { line, column } = index.position(p.offset);
      return { path: filePath, line, column, message: cm(p.key, { ...p.data, line, column }) };
    });
    return { config: {}, problems };
  }
  let settings: Map<string, { line: number; column: number }> | undefined;
  return validateConfig(value, registry, filePath, (key, parent) => {
    settings ??= settingPositions(body);
    return settings.get(`${parent ?? ''}\u0000${key}`) ?? { line: 1, column: 1 };
  });
}

/** Where each setting's name is (its first occurrence), in one pass: a top-level key under `\0key`, a key of a top-level object under `parent\0key`. */
function settingPositions(text: string): Map<string, { line: number; column: number }> {
  const at = new Map<string, { line: number; column: number }>();
  const add = (key: string, line: number, column: number) => {
    if (!at.has(key)) at.set(key, { line, column });
  };
  visitJsonc(
    text,
    {
      onObjectProperty(property, _offset, _length, startLine, startCharacter, pathSupplier) {
        const path = pathSupplier();
        if (path.length === 0) add(`\u0000${property}`, startLine + 1, startCharacter + 1);
        else if (path.length === 1 && typeof path[0] === 'string') add(`${path[0]}\u0000${property}`, startLine + 1, startCharacter + 1);
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return at;
}

/** Deepest nesting of objects and arrays a configuration may have. */
const MAX_NESTING = 64;

/** The offset where JSONC text first nests deeper than MAX_NESTING, outside strings and comments; one pass. */
function nestingTooDeep(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '{' || c === '[') {
      if (++depth > MAX_NESTING) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return undefined;
}

/** Checks the shape of a parsed configuration; keeps what is valid. */
export function validateConfig(
  value: unknown,
  registry: RuleCatalogue,
  filePath: string | undefined,
  /** Where setting `key` (of the top-level object `parent`, if given) is written. */
  where: (key: string, parent?: string) => { line: number; column: number } = () => ({ line: 0, column: 0 }),
  source: 'file' | 'front matter' = 'file',
): { config: UserConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const problem = (key: string, message: MessageRef, parent?: string) => problems.push({ path: filePath, ...where(key, parent), message });
  const config: UserConfig = {};
  if (value === undefined || value === null) return { config, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ path: filePath, line: 1, column: 1, message: cm('notObject') });
    return { config, problems };
  }
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (!['type', 'structure', 'rules', 'types', 'placeholders', 'encoding', 'export', 'terms', '$schema'].includes(key)) {
      problem(key, cm('unknownSetting', { key }));
    }
  }
  if (v.type !== undefined) {
    if (typeof v.type === 'string') config.type = v.type;
    else problem('type', cm('badType'));
  }
  if (v.structure !== undefined) {
    if (v.structure === 'auto' || v.structure === 'always') config.structure = v.structure;
    else problem('structure', cm('badStructure'));
  }
  if (v.encoding !== undefined) {
    const name = typeof v.encoding === 'string' ? parseEncodingName(v.encoding) : undefined;
    if (source === 'front matter') problem('encoding', cm('encodingInFrontMatter'));
    else if (name) config.encoding = name;
    else problem('encoding', cm('badEncoding', { names: [...STATED_ENCODINGS] }));
  }
  if (v.export !== undefined) {
    const invalid = exportSettingsProblem(v.export);
    if (invalid) problem('export', cm('badExport', { problem: invalid }));
    else config.export = v.export as UserExportSettings;
  }
  if (v.rules !== undefined) {
    if (typeof v.rules !== 'object' || v.rules === null || Array.isArray(v.rules)) {
      problem('rules', cm('badRules'));
    } else {
      config.rules = {};
      let knownRules: string[] | undefined;
      for (const [id, setting] of Object.entries(v.rules as Record<string, unknown>)) {
        if (id === '__proto__') {
          problem(id, cm('unknownRule', { rule: id }), 'rules');
          continue;
        }
        const sev = Array.isArray(setting) ? setting[0] : setting;
        const opts = Array.isArray(setting) ? setting[1] : undefined;
        if (filePath !== undefined && !registry.has(id)) {
          problem(id, cm('unknownRuleKnown', { rule: id, known: (knownRules ??= [...registry.keys()]) }), 'rules');
          continue;
        }
        if (typeof sev !== 'string' || !SEVERITIES.has(sev)) {
          problem(id, cm('badSeverity', { rule: id }), 'rules');
          continue;
        }
        if (opts !== undefined && (typeof opts !== 'object' || opts === null || Array.isArray(opts))) {
          problem(id, cm('optionsNotObject', { rule: id }), 'rules');
          continue;
        }
        const schema = registry.get(id)?.meta.options;
        const invalid = opts !== undefined && schema ? optionsProblem(opts, schema) : undefined;
        if (invalid) {
          problem(id, cm('badOptions', { rule: id, problem: invalid }), 'rules');
          continue;
        }
        config.rules[id] = opts ? [sev as SeveritySetting, opts as Record<string, unknown>] : (sev as SeveritySetting);
      }
    }
  }
  if (v.types !== undefined) {
    if (typeof v.types !== 'object' || v.types === null || Array.isArray(v.types)) {
      problem('types', cm('badTypes'));
    } else {
      config.types = {};
      for (const [name, def] of Object.entries(v.types as Record<string, unknown>)) {
        if (name === '__proto__') {
          problem(name, cm('protoType'), 'types');
          continue;
        }
        const t = def as UserType;
        if (typeof def !== 'object' || def === null || (t.required !== undefined && (!Array.isArray(t.required) || t.required.some((r) => typeof r !== 'string')))) {
          problem(name, cm('badTypeDefinition', { type: name }), 'types');
          continue;
        }
        const bad = Object.values(t.roles ?? {})
          .flatMap((r) => [...(r.headings ?? []), ...(r.paragraphs ?? [])])
          .map(patternProblem)
          .find((x) => x !== undefined);
        if (bad) {
          problem(name, cm('typePattern', { type: name, problem: bad }), 'types');
          continue;
        }
        config.types[name] = t;
      }
    }
  }
  if (v.placeholders !== undefined) {
    const p = v.placeholders as { extra?: unknown; allow?: unknown };
    const strings = (x: unknown) => x === undefined || (Array.isArray(x) && x.every((s) => typeof s === 'string'));
    if (typeof p !== 'object' || p === null || !strings(p.extra) || !strings(p.allow)) {
      problem('placeholders', cm('badPlaceholders'));
    } else {
      const bad = (p.extra as string[] | undefined)?.map(patternProblem).find((x) => x !== undefined);
      if (bad) problem('extra', cm('placeholderPattern', { problem: bad }), 'placeholders');
      else config.placeholders = { extra: p.extra as string[] | undefined, allow: p.allow as string[] | undefined };
    }
  }
  if (v.terms !== undefined) {
    const t = v.terms as Record<string, unknown>;
    const strings = (x: unknown) => x === undefined || (Array.isArray(x) && x.every((s) => typeof s === 'string' && s !== ''));
    if (typeof t !== 'object' || t === null || Array.isArray(t) || Object.keys(t).some((k) => !['files', 'entries', 'allow'].includes(k)) || !strings(t.files) || !strings(t.allow)) {
      problem('terms', cm('badTerms'));
    } else {
      const terms: UserTerms = {};
      if (t.files !== undefined) {
        if (source === 'front matter') problem('terms', cm('termsFilesInFrontMatter'));
        else terms.files = t.files as string[];
      }
      if (t.allow !== undefined) terms.allow = t.allow as string[];
      if (t.entries !== undefined) {
        const at = where('entries', 'terms');
        terms.entries = validateEntries(t.entries, ['terms', 'entries'], problems, () => at, filePath);
        // The entries' own examples, run as when a pack file is read.
        for (const f of specFailures({ name: INLINE_PACK, fix: true, rules: terms.entries })) {
          const name = `terms.entries[${f.entry}].specs[${f.spec}]`;
          problems.push({ path: filePath, ...at, message: cm(f.kind, { name, from: f.from, to: f.to, got: f.got }) });
        }
      }
      config.terms = terms;
    }
  }
  // A configuration file knows every type it may name: the built-in ones and its own.
  if (filePath !== undefined && config.type !== undefined && !own(BUILTIN_TYPES, config.type) && !(config.types && own(config.types, config.type))) {
    const known = [...Object.keys(BUILTIN_TYPES), ...Object.keys(config.types ?? {})];
    problem('type', cm('unknownTypeKnown', { type: config.type, known }));
    delete config.type;
  }
  return { config, problems };
}

/** `object[key]` when `key` is the object's own property (not one it inherits, such as constructor). */
export function own<T>(object: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Why a user's pattern cannot be used (empty, or syntax the linear-time engine does not take), if it cannot. */
function patternProblem(s: unknown): MessageRef | undefined {
  const compiled = compileUserPattern(s);
  return 'error' in compiled ? compiled.error : undefined;
}

/**
 * Largest front matter read, in characters. Real front matter is a few lines (title, author,
 * date, a `gongwen:` block of some settings or a type); 64 Ki characters holds any of that many
 * times over, and bounds what parsing it costs on every keystroke (30,000 keys took seconds).
 */
export const MAX_FRONT_MATTER = 16384;

/** Reads `gongwen:` settings from a document's YAML front matter; `startLine` is the line of its opening `---`. */
export function frontMatterConfig(yamlText: string, startLine: number, registry: RuleCatalogue): { config: UserConfig; problems: ConfigProblem[] } {
  if (yamlText.length > MAX_FRONT_MATTER) {
    // Front matter that cannot name gongwen has no settings to miss.
    if (!yamlText.includes('gongwen')) return { config: {}, problems: [] };
    const message = cm('frontMatterTooLarge', { max: MAX_FRONT_MATTER });
    return { config: {}, problems: [{ line: startLine, column: 1, message }] };
  }
  let data: unknown;
  try {
    data = parseFrontMatterYaml(yamlText);
  } catch (e) {
    if (e instanceof FrontMatterTooDeep) {
      const message = cm('frontMatterTooDeep', { max: MAX_NESTING });
      return { config: {}, problems: [{ line: startLine + e.linePos.line, column: e.linePos.col, message }] };
    }
    const pos = e instanceof YAMLParseError && e.linePos ? e.linePos[0] : { line: 1, col: 1 };
    return { config: {}, problems: [{ line: startLine + pos.line, column: pos.col, message: cm('frontMatterSyntax') }] };
  }
  if (!data || typeof data !== 'object' || !('gongwen' in data)) return { config: {}, problems: [] };
  const { config, problems } = validateConfig((data as Record<string, unknown>).gongwen, registry, undefined, () => ({ line: startLine + 1, column: 1 }), 'front matter');
  return { config, problems };
}

/** Front matter nested deeper than MAX_NESTING: not parsed further. */
class FrontMatterTooDeep extends Error {
  constructor(readonly linePos: { line: number; col: number }) {
    super('front matter nested too deep');
  }
}

/**
 * `yaml.parse`, made safe for any text:
 * - Nesting is measured on the library's syntax tree (built without recursion) before the tree
 *   is composed, which recurses per level: deep nesting ran the stack out, and a regular
 *   expression compiled at that depth aborted the whole process (no exception to catch).
 * - Duplicate keys are found in one pass: the library compares each key with every earlier key
 *   of its map, which grows with the square of the keys. Keys are compared as the library
 *   compares them (the same node, or scalars of equal value).
 * The first error in the text is thrown, as `parse` throws it.
 */
function parseFrontMatterYaml(text: string): unknown {
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = yamlTooDeep(tokens);
  if (deep !== undefined) throw new FrontMatterTooDeep(lineCounter.linePos(deep));
  let doc: Document.Parsed | undefined;
  for (const d of new Composer({ uniqueKeys: false }).compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  if (!doc) return undefined;
  let first: YAMLParseError | undefined = doc.errors[0];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (!seen.has(key.value)) {
          seen.add(key.value);
          continue;
        }
        const at = key.range?.[0] ?? 0;
        if (!first || at < first.pos[0]) first = new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
        break;
      }
    },
  });
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    first.linePos = [{ line: pos.line, col: pos.col }];
    throw first;
  }
  return doc.toJS();
}

/** The offset of the first collection in a YAML syntax tree nested deeper than MAX_NESTING. */
function yamlTooDeep(tokens: CST.Token[]): number | undefined {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') stack.push([token.value, depth]);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_NESTING) return token.offset;
      for (const item of token.items) {
        if ('key' in item) stack.push([item.key, depth + 1]);
        stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

export interface ResolveOptions {
  /** Overrides the type from files and front matter (e.g. `--type`). */
  type?: string;
  /** The type when nothing more particular names one (a user-wide editor setting): files,
   * front matter and the report's own title win over it. */
  defaultType?: string;
  /** Extra rule settings that win over the files (e.g. editor settings). */
  rules?: Record<string, RuleSetting>;
  /** Overrides `structure` from files and front matter. */
  structure?: StructureSetting;
}

/** Merges configurations, later ones winning, and resolves the report type and its roles. */
export function resolveConfig(layers: UserConfig[], defaults: Record<string, Severity>, options: ResolveOptions = {}): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  let typeName = options.defaultType || DEFAULT_TYPE;
  let typeSource: ResolvedConfig['typeSource'] = options.defaultType ? 'setting' : 'default';
  let structure: StructureSetting = 'auto';
  const rules: Record<string, RuleConfig> = Object.create(null);
  for (const [id, severity] of Object.entries(defaults)) rules[id] = { severity, options: {} };
  const userTypes: Record<string, UserType> = Object.create(null);
  const extra: Pattern[] = [];
  const allow: string[] = [];
  /** User packs by name: a later layer's pack of the same name replaces an earlier one. */
  const termPacks = new Map<string, TermPack>();
  const termsAllow: string[] = [];
  const apply = (rulesIn: Record<string, RuleSetting> | undefined) => {
    for (const [id, setting] of Object.entries(rulesIn ?? {})) {
      if (!Object.hasOwn(defaults, id)) {
        problems.push({ line: 0, column: 0, message: cm('unknownRule', { rule: id }) });
        continue;
      }
      if (Array.isArray(setting)) rules[id] = { severity: setting[0], options: setting[1] ?? {} };
      else rules[id] = { severity: setting, options: rules[id].options };
    }
  };
  for (const layer of layers) {
    if (layer.type) {
      typeName = layer.type;
      typeSource = 'file';
    }
    if (layer.structure) structure = layer.structure;
    apply(layer.rules);
    Object.assign(userTypes, layer.types ?? {});
    for (const p of layer.placeholders?.extra ?? []) {
      const compiled = compileUserPattern(p);
      if ('pattern' in compiled) extra.push(compiled.pattern);
    }
    for (const word of layer.placeholders?.allow ?? []) allow.push(word);
    for (const pack of layer.terms?.packs ?? []) termPacks.set(pack.name, pack);
    if (layer.terms?.entries && layer.terms.entries.length > 0) termPacks.set(INLINE_PACK, inlinePack(layer.terms.entries));
    for (const word of layer.terms?.allow ?? []) termsAllow.push(word);
  }
  apply(options.rules);
  if (options.type) {
    typeName = options.type;
    typeSource = 'option';
  }
  if (options.structure) structure = options.structure;

  const roles: Record<string, RoleDefinition> = Object.assign(Object.create(null), BUILTIN_ROLES);
  // Names a user gives (constructor, __proto__, toString) are looked up as own keys only.
  let type: ReportType | undefined = own(BUILTIN_TYPES, typeName);
  const user = own(userTypes, typeName);
  if (user) {
    for (const [id, r] of Object.entries(user.roles ?? {})) roles[id] = mergeRole(id, own(roles, id), r);
    type = { name: typeName, required: user.required ?? type?.required ?? [] };
  }
  if (!type) {
    const known = [...Object.keys(BUILTIN_TYPES), ...Object.keys(userTypes)];
    problems.push({ line: 0, column: 0, message: cm('unknownTypeDefault', { type: typeName, fallback: DEFAULT_TYPE, known }) });
    typeName = DEFAULT_TYPE;
    type = BUILTIN_TYPES[DEFAULT_TYPE];
    typeSource = 'default';
  }
  for (const id of type.required) {
    if (!own(roles, id)) {
      problems.push({ line: 0, column: 0, message: cm('undefinedRole', { type: typeName, role: id }) });
    }
  }
  type = { ...type, required: type.required.filter((id) => own(roles, id) !== undefined) };
  return { config: { typeName, type, typeSource, structure, checkStructure: true, roles, rules, placeholders: { extra, allow }, terms: { packs: [...termPacks.values()], allow: termsAllow } }, problems };
}

/** The pack of a configuration's inline entries, one per entries array (so its matcher is made once). */
const INLINE_PACKS = new WeakMap<TermEntry[], TermPack>();
function inlinePack(entries: TermEntry[]): TermPack {
  let pack = INLINE_PACKS.get(entries);
  if (!pack) INLINE_PACKS.set(entries, (pack = { name: INLINE_PACK, fix: true, rules: entries }));
  return pack;
}

function mergeRole(id: string, base: RoleDefinition | undefined, user: UserRole): RoleDefinition {
  const name: Localized = typeof user.name === 'string' ? { 'zh-CN': user.name, en: user.name } : { 'zh-CN': user.name?.['zh-CN'] ?? base?.name['zh-CN'] ?? id, en: user.name?.en ?? base?.name.en ?? id };
  const title = name['zh-CN'];
  return {
    id,
    name,
    headings: [...(base?.headings ?? []), ...(user.headings ?? [])],
    paragraphs: [...(base?.paragraphs ?? []), ...(user.paragraphs ?? [])],
    frameHeading: user.frame?.heading ?? base?.frameHeading ?? title,
    frameBody: user.frame?.body ?? base?.frameBody ?? '【待补充】',
    frameParagraph: user.frame?.paragraph ?? base?.frameParagraph ?? `${title}：【待补充】。`,
  };
}
