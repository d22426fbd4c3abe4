// Configuration: `.gongwen.jsonc` / `.gongwen.json` found by walking up from a file,
// front matter `gongwen: { type: …, rules: … }` per document, and command-line overrides.
// A broken configuration is reported with its path and position; defaults are used instead.

import { compileUserPattern, type Pattern } from './user-pattern.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { BUILTIN_ROLES, BUILTIN_TYPES, DEFAULT_TYPE, type ReportType, type RoleDefinition } from './report-types.js';
import type { Message, Severity, SeveritySetting } from './types.js';
import { msg } from './rule.js';
import { RULES_BY_ID } from './rules/index.js';
import { parseEncodingName, STATED_ENCODINGS, type EncodingName } from './encoding-names.js';

export const CONFIG_FILE_NAMES = ['.gongwen.jsonc', '.gongwen.json'];

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?];

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
}

export interface ConfigProblem {
  /** The file the problem is in; undefined for front matter or settings given in code. */
  path?: string;
  /** 1-based; 0 when the problem has no position. */
  line: number;
  column: number;
  message: Message;
}

export interface RuleConfig {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export type StructureSetting = 'auto' | 'always';

export interface ResolvedConfig {
  typeName: string;
  type: ReportType;
  /** Where the type came from: an option (`--type`, editor), a file or front matter, the report's title, or nothing. */
  typeSource: 'option' | 'file' | 'title' | 'default';
  structure: StructureSetting;
  /** Whether required sections and their order are checked: in a Chinese report, or always when `structure` says so. */
  checkStructure: boolean;
  roles: Record<string, RoleDefinition>;
  rules: Record<string, RuleConfig>;
  placeholders: { extra: Pattern[]; allow: string[] };
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses the text of a configuration file. Syntax errors come back as problems with positions. */
export function parseConfigText(text: string, filePath?: string): { config: UserConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // An empty file (or one with only comments) is an empty configuration.
  if (body.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() === '') return { config: {}, problems: [] };
  // The parser recurses per level: a file nested deeper than any configuration needs is refused
  // before it is parsed, as a problem of this file (the defaults apply).
  const deep = nestingTooDeep(body);
  if (deep !== undefined) {
    const { line, column } = lineColumn(body, deep);
    return { config: {}, problems: [{ path: filePath, line, column, message: msg(`配置文件嵌套过深（超过 ${MAX_NESTING} 层），已按默认设置检查`, `configuration nested deeper than ${MAX_NESTING} levels; the defaults are used`) }] };
  }
  const value = parseJsonc(body, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => {
    const { line, column } = lineColumn(body, e.offset);
    const code = printParseErrorCode(e.error);
    return { path: filePath, line, column, message: msg(`配置文件语法错误（${code}）`, `syntax error in configuration (${code})`) };
  });
  if (problems.length > 0) return { config: {}, problems };
  const checked = validateConfig(value, filePath, (key) => {
    const at = body.indexOf(`"${key}"`);
    return at >= 0 ? lineColumn(body, at) : { line: 1, column: 1 };
  });
  return checked;
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
  filePath: string | undefined,
  where: (key: string) => { line: number; column: number } = () => ({ line: 0, column: 0 }),
  source: 'file' | 'front matter' = 'file',
): { config: UserConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const problem = (key: string, zh: string, en: string) => problems.push({ path: filePath, ...where(key), message: msg(zh, en) });
  const config: UserConfig = {};
  if (value === undefined || value === null) return { config, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ path: filePath, line: 1, column: 1, message: msg('配置必须是一个 JSON 对象', 'the configuration must be a JSON object') });
    return { config, problems };
  }
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (!['type', 'structure', 'rules', 'types', 'placeholders', 'encoding', '$schema'].includes(key)) {
      problem(key, `未知的配置项「${key}」`, `unknown setting "${key}"`);
    }
  }
  if (v.type !== undefined) {
    if (typeof v.type === 'string') config.type = v.type;
    else problem('type', '「type」必须是报告类型名称（字符串）', '"type" must be a report type name (string)');
  }
  if (v.structure !== undefined) {
    if (v.structure === 'auto' || v.structure === 'always') config.structure = v.structure;
    else problem('structure', '「structure」必须是 "auto"（只检查中文报告的结构）或 "always"（任何文件都检查）', '"structure" must be "auto" (check the structure of Chinese reports only) or "always" (of any file)');
  }
  if (v.encoding !== undefined) {
    const name = typeof v.encoding === 'string' ? parseEncodingName(v.encoding) : undefined;
    if (source === 'front matter') problem('encoding', '「encoding」只能写在配置文件中（读文档之前就要知道它的编码），此处的设置已忽略', '"encoding" belongs in a configuration file (the encoding is needed before the document is read); ignored here');
    else if (name) config.encoding = name;
    else problem('encoding', `「encoding」必须是 ${STATED_ENCODINGS.join('、')} 之一（没有 BOM 的文件所用的编码）`, `"encoding" must be one of ${STATED_ENCODINGS.join(', ')} (the encoding of files without a BOM)`);
  }
  if (v.rules !== undefined) {
    if (typeof v.rules !== 'object' || v.rules === null || Array.isArray(v.rules)) {
      problem('rules', '「rules」必须是对象：规则编号 → 级别', '"rules" must be an object: rule id → severity');
    } else {
      config.rules = {};
      for (const [id, setting] of Object.entries(v.rules as Record<string, unknown>)) {
        if (id === '__proto__') {
          problem(id, '未知的规则「__proto__」', 'unknown rule "__proto__"');
          continue;
        }
        const sev = Array.isArray(setting) ? setting[0] : setting;
        const opts = Array.isArray(setting) ? setting[1] : undefined;
        if (filePath !== undefined && !RULES_BY_ID.has(id)) {
          problem(id, `未知的规则「${id}」；可用规则：${[...RULES_BY_ID.keys()].join('、')}`, `unknown rule "${id}"; known rules: ${[...RULES_BY_ID.keys()].join(', ')}`);
          continue;
        }
        if (typeof sev !== 'string' || !SEVERITIES.has(sev)) {
          problem(id, `规则「${id}」的级别必须是 error、warning、info、hint 或 off`, `the severity of rule "${id}" must be error, warning, info, hint or off`);
          continue;
        }
        if (opts !== undefined && (typeof opts !== 'object' || opts === null || Array.isArray(opts))) {
          problem(id, `规则「${id}」的选项必须是对象`, `the options of rule "${id}" must be an object`);
          continue;
        }
        const invalid = opts !== undefined ? RULES_BY_ID.get(id)?.validateOptions?.(opts as Record<string, unknown>) : undefined;
        if (invalid) {
          problem(id, invalid['zh-CN'], invalid.en);
          continue;
        }
        config.rules[id] = opts ? [sev as SeveritySetting, opts as Record<string, unknown>] : (sev as SeveritySetting);
      }
    }
  }
  if (v.types !== undefined) {
    if (typeof v.types !== 'object' || v.types === null || Array.isArray(v.types)) {
      problem('types', '「types」必须是对象：类型名称 → 定义', '"types" must be an object: type name → definition');
    } else {
      config.types = {};
      for (const [name, def] of Object.entries(v.types as Record<string, unknown>)) {
        if (name === '__proto__') {
          problem(name, '报告类型不能命名为「__proto__」', 'a report type cannot be named "__proto__"');
          continue;
        }
        const t = def as UserType;
        if (typeof def !== 'object' || def === null || (t.required !== undefined && (!Array.isArray(t.required) || t.required.some((r) => typeof r !== 'string')))) {
          problem(name, `报告类型「${name}」的定义无效：required 必须是章节角色编号的数组`, `report type "${name}" is invalid: "required" must be an array of role ids`);
          continue;
        }
        const bad = Object.values(t.roles ?? {})
          .flatMap((r) => [...(r.headings ?? []), ...(r.paragraphs ?? [])])
          .map(patternProblem)
          .find((x) => x !== undefined);
        if (bad) {
          problem(name, `报告类型「${name}」中的${bad['zh-CN']}`, `report type "${name}": ${bad.en}`);
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
      problem('placeholders', '「placeholders」必须形如 {"extra": [正则…], "allow": [词语…]}', '"placeholders" must look like {"extra": [regex…], "allow": [word…]}');
    } else {
      const bad = (p.extra as string[] | undefined)?.map(patternProblem).find((x) => x !== undefined);
      if (bad) problem('extra', `占位符的${bad['zh-CN']}`, `placeholder ${bad.en}`);
      else config.placeholders = { extra: p.extra as string[] | undefined, allow: p.allow as string[] | undefined };
    }
  }
  // A configuration file knows every type it may name: the built-in ones and its own.
  if (filePath !== undefined && config.type !== undefined && !own(BUILTIN_TYPES, config.type) && !(config.types && own(config.types, config.type))) {
    const known = [...Object.keys(BUILTIN_TYPES), ...Object.keys(config.types ?? {})].join('、');
    problem('type', `未知的报告类型「${config.type}」；可用类型：${known}`, `unknown report type "${config.type}"; known types: ${known}`);
    delete config.type;
  }
  return { config, problems };
}

/** `object[key]` when `key` is the object's own property (not one it inherits, such as constructor). */
export function own<T>(object: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Why a user's pattern cannot be used (empty, or syntax the linear-time engine does not take), if it cannot. */
function patternProblem(s: unknown): Message | undefined {
  if (typeof s === 'string' && s.length === 0) return { 'zh-CN': '正则表达式为空', en: 'empty regular expression' };
  const compiled = compileUserPattern(s);
  return 'error' in compiled ? compiled.error : undefined;
}

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

/** Reads and parses a configuration file; an unreadable file is a problem, not a crash. */
export function loadConfigFile(filePath: string): { config: UserConfig; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return { config: {}, problems: [{ path: filePath, line: 0, column: 0, message: msg(`无法读取配置文件（${reason}）`, `cannot read configuration file (${reason})`) }] };
  }
  return parseConfigText(text, filePath);
}

/** Reads `gongwen:` settings from a document's YAML front matter. */
export function frontMatterConfig(yamlText: string, startLine: number): { config: UserConfig; problems: ConfigProblem[] } {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (e) {
    const pos = e instanceof YAMLParseError && e.linePos ? e.linePos[0] : { line: 1, col: 1 };
    return { config: {}, problems: [{ line: startLine + pos.line, column: pos.col, message: msg('文档开头的 YAML 元数据有语法错误', 'syntax error in the YAML front matter') }] };
  }
  if (!data || typeof data !== 'object' || !('gongwen' in data)) return { config: {}, problems: [] };
  const { config, problems } = validateConfig((data as Record<string, unknown>).gongwen, undefined, () => ({ line: startLine + 1, column: 1 }), 'front matter');
  return { config, problems };
}

export interface ResolveOptions {
  /** Overrides the type from files and front matter (e.g. `--type`). */
  type?: string;
  /** Extra rule settings that win over the files (e.g. editor settings). */
  rules?: Record<string, RuleSetting>;
  /** Overrides `structure` from files and front matter. */
  structure?: StructureSetting;
}

/** Merges configurations, later ones winning, and resolves the report type and its roles. */
export function resolveConfig(layers: UserConfig[], defaults: Record<string, Severity>, options: ResolveOptions = {}): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  let typeName = DEFAULT_TYPE;
  let typeSource: ResolvedConfig['typeSource'] = 'default';
  let structure: StructureSetting = 'auto';
  const rules: Record<string, RuleConfig> = Object.create(null);
  for (const [id, severity] of Object.entries(defaults)) rules[id] = { severity, options: {} };
  const userTypes: Record<string, UserType> = Object.create(null);
  const extra: Pattern[] = [];
  const allow: string[] = [];
  const apply = (rulesIn: Record<string, RuleSetting> | undefined) => {
    for (const [id, setting] of Object.entries(rulesIn ?? {})) {
      if (!Object.hasOwn(defaults, id)) {
        problems.push({ line: 0, column: 0, message: msg(`未知的规则「${id}」`, `unknown rule "${id}"`) });
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
    const known = [...Object.keys(BUILTIN_TYPES), ...Object.keys(userTypes)].join('、');
    problems.push({ line: 0, column: 0, message: msg(`未知的报告类型「${typeName}」，已按「${DEFAULT_TYPE}」检查；可用类型：${known}`, `unknown report type "${typeName}", checked as "${DEFAULT_TYPE}"; known types: ${known}`) });
    typeName = DEFAULT_TYPE;
    type = BUILTIN_TYPES[DEFAULT_TYPE];
    typeSource = 'default';
  }
  for (const id of type.required) {
    if (!own(roles, id)) {
      problems.push({ line: 0, column: 0, message: msg(`报告类型「${typeName}」要求的章节「${id}」没有定义（在 types.${typeName}.roles 中给出它的 headings）`, `report type "${typeName}" requires section "${id}", which is not defined (give its headings in types.${typeName}.roles)`) });
    }
  }
  type = { ...type, required: type.required.filter((id) => own(roles, id) !== undefined) };
  return { config: { typeName, type, typeSource, structure, checkStructure: true, roles, rules, placeholders: { extra, allow } }, problems };
}

function mergeRole(id: string, base: RoleDefinition | undefined, user: UserRole): RoleDefinition {
  const name: Message = typeof user.name === 'string' ? { 'zh-CN': user.name, en: user.name } : { 'zh-CN': user.name?.['zh-CN'] ?? base?.name['zh-CN'] ?? id, en: user.name?.en ?? base?.name.en ?? id };
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
