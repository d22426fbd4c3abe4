// Reading term packs: the shape checked field by field, each problem at its position in the
// file (YAML or JSON), and the pack's own examples (`specs`) run as tests when it is loaded, as
// prh does: a pack whose example does not hold says so. Text only; the host reads the files.

import { parse as parseJsonc, parseTree, findNodeAtLocation, type ParseError } from 'jsonc-parser';
import { Composer, LineCounter, Parser, type Document } from 'yaml';
import { LineIndex } from '../line-index.js';
import { compileUserPattern } from '../user-pattern.js';
import type { ConfigProblem, Localized, MessageData, MessageRef } from '../types.js';
import type { ConfigMessageKey } from '../core-messages.js';
import type { TermEntry, TermPack } from './types.js';
import { specFailures } from './matcher.js';

export type PathPart = string | number;
/** Where the value at a path is written (1-based line and column; 0 when unknown). */
export type Where = (path: readonly PathPart[]) => { line: number; column: number };

/** Largest pack file read, in characters (a pack of 20,000 entries fits). */
export const MAX_PACK_TEXT = 4_000_000;
const MAX_NESTING = 64;

const ENTRY_KEYS = new Set(['expected', 'pattern', 'patterns', 'note', 'source', 'date', 'exceptions', 'firstMention', 'fix', 'specs']);
const PACK_KEYS = new Set(['$schema', 'version', 'name', 'title', 'note', 'source', 'date', 'fix', 'rules']);
const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

function cm(key: ConfigMessageKey, data?: MessageData): MessageRef {
  return data ? { id: `config/${key}`, data } : { id: `config/${key}` };
}

/** `rules[2].patterns[0]`, as problems name a field. */
export function pathName(path: readonly PathPart[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '…';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TYPE_STRING = cm('typeString');

class Problems {
  constructor(
    readonly out: ConfigProblem[],
    readonly where: Where,
    readonly file: string | undefined,
    /** Compile each `/regex/` pattern to report its errors (not for the built-in packs: test/terms.test.ts compiles theirs). */
    readonly compilePatterns = true,
  ) {}
  add(path: readonly PathPart[], message: MessageRef): void {
    this.out.push({ path: this.file, ...this.where(path), message });
  }
  type(path: readonly PathPart[], expected: MessageRef): void {
    this.add(path, cm('termsField', { name: pathName(path), problem: cm('optionType', { name: pathName(path), expected }) }));
  }
}

function localizedText(v: unknown): string | Localized | undefined {
  if (typeof v === 'string') return v;
  if (isObject(v) && typeof v['zh-CN'] === 'string' && typeof v.en === 'string' && Object.keys(v).length === 2) return { 'zh-CN': v['zh-CN'], en: v.en };
  return undefined;
}

function strings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

/** One entry, checked; undefined (with problems) when it cannot be used. */
function entryOf(v: unknown, at: PathPart[], p: Problems): TermEntry | undefined {
  if (!isObject(v)) {
    p.type(at, cm('typeObject'));
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(v)) {
    if (!ENTRY_KEYS.has(key)) {
      p.add([...at, key], cm('termsUnknownField', { name: pathName([...at, key]) }));
      ok = false;
    }
  }
  if (typeof v.expected !== 'string') {
    if (v.expected === undefined) p.add(at, cm('termsMissing', { name: pathName(at), field: 'expected' }));
    else p.type([...at, 'expected'], TYPE_STRING);
    ok = false;
  }
  const patterns: string[] = [];
  if (v.pattern !== undefined) {
    if (typeof v.pattern === 'string') patterns.push(v.pattern);
    else {
      p.type([...at, 'pattern'], TYPE_STRING);
      ok = false;
    }
  }
  if (v.patterns !== undefined) {
    if (strings(v.patterns)) patterns.push(...v.patterns);
    else {
      p.type([...at, 'patterns'], cm('typeArray'));
      ok = false;
    }
  }
  if (v.pattern === undefined && v.patterns === undefined) {
    p.add(at, cm('termsMissing', { name: pathName(at), field: 'patterns' }));
    ok = false;
  }
  patterns.forEach((pattern, i) => {
    const where: PathPart[] = v.pattern !== undefined && i === 0 ? [...at, 'pattern'] : [...at, 'patterns', v.pattern !== undefined ? i - 1 : i];
    if (pattern === '' || pattern === '//') {
      p.add(where, cm('termsEmptyPattern', { name: pathName(where) }));
      ok = false;
      return;
    }
    const regex = p.compilePatterns ? regexSource(pattern) : undefined;
    if (regex !== undefined) {
      const compiled = compileUserPattern(regex);
      if ('error' in compiled) {
        p.add(where, cm('termsField', { name: pathName(where), problem: compiled.error }));
        ok = false;
      }
    }
  });
  const note = v.note === undefined ? undefined : localizedText(v.note);
  if (v.note !== undefined && note === undefined) {
    p.type([...at, 'note'], TYPE_STRING);
    ok = false;
  }
  for (const key of ['source', 'date'] as const) {
    if (v[key] !== undefined && typeof v[key] !== 'string') {
      p.type([...at, key], TYPE_STRING);
      ok = false;
    }
  }
  if (typeof v.date === 'string' && !DATE.test(v.date)) {
    p.add([...at, 'date'], cm('termsBadDate', { name: pathName([...at, 'date']) }));
    ok = false;
  }
  if (v.exceptions !== undefined && (!strings(v.exceptions) || v.exceptions.some((s) => s === ''))) {
    p.type([...at, 'exceptions'], cm('typeArray'));
    ok = false;
  }
  for (const key of ['firstMention', 'fix'] as const) {
    if (v[key] !== undefined && typeof v[key] !== 'boolean') {
      p.type([...at, key], cm('typeBoolean'));
      ok = false;
    }
  }
  let specs: { from: string; to: string }[] | undefined;
  if (v.specs !== undefined) {
    if (!Array.isArray(v.specs)) {
      p.type([...at, 'specs'], cm('typeArray'));
      ok = false;
    } else {
      specs = [];
      v.specs.forEach((s, i) => {
        if (isObject(s) && typeof s.from === 'string' && typeof s.to === 'string' && Object.keys(s).length === 2) specs!.push({ from: s.from, to: s.to });
        else {
          p.add([...at, 'specs', i], cm('termsMissing', { name: pathName([...at, 'specs', i]), field: 'from / to' }));
          ok = false;
        }
      });
    }
  }
  if (!ok) return undefined;
  const entry: TermEntry = { expected: v.expected as string, patterns };
  if (note !== undefined) entry.note = note;
  if (typeof v.source === 'string') entry.source = v.source;
  if (typeof v.date === 'string') entry.date = v.date;
  if (v.exceptions !== undefined) entry.exceptions = v.exceptions as string[];
  if (v.firstMention !== undefined) entry.firstMention = v.firstMention as boolean;
  if (v.fix !== undefined) entry.fix = v.fix as boolean;
  if (specs) entry.specs = specs;
  return entry;
}

/** The inner source of a `/regex/` pattern; undefined for a literal one. */
export function regexSource(pattern: string): string | undefined {
  return pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/') ? pattern.slice(1, -1) : undefined;
}

/** A list of entries (a pack's `rules`, or `terms.entries` in the configuration); entries with problems are left out. */
export function validateEntries(value: unknown, at: PathPart[], problems: ConfigProblem[], where: Where, file?: string, origin: number[] = [], builtin = false): TermEntry[] {
  const p = new Problems(problems, where, file, !builtin);
  if (!Array.isArray(value)) {
    p.type(at, cm('typeArray'));
    return [];
  }
  const out: TermEntry[] = [];
  value.forEach((v, i) => {
    const e = entryOf(v, [...at, i], p);
    if (e) {
      out.push(e);
      origin.push(i);
    }
  });
  return out;
}

/** A parsed pack, checked. `name` is the pack's id unless the pack names itself. Its examples are
 * run and its `/regex/` patterns compiled, except for a `builtin` pack, loaded at every start:
 * test/terms.test.ts checks the built-in packs in full. */
export function validatePack(value: unknown, name: string, problems: ConfigProblem[], where: Where, file?: string, builtin = false): TermPack | undefined {
  const p = new Problems(problems, where, file);
  if (!isObject(value)) {
    p.add([], cm('termsNotObject'));
    return undefined;
  }
  for (const key of Object.keys(value)) if (!PACK_KEYS.has(key)) p.add([key], cm('termsUnknownField', { name: key }));
  if (value.version !== undefined && value.version !== 1) p.add(['version'], cm('termsField', { name: 'version', problem: cm('optionEnum', { name: 'version', allowed: ['1'] }) }));
  let packName = name;
  if (value.name !== undefined) {
    if (typeof value.name !== 'string' || value.name.trim() === '' || value.name === '__proto__') p.add(['name'], cm('termsBadName', { name: 'name' }));
    else packName = value.name;
  }
  const pack: TermPack = { name: packName, fix: true, rules: [] };
  if (file !== undefined) pack.file = file;
  if (value.title !== undefined) {
    const t = localizedText(value.title);
    if (t === undefined) p.type(['title'], TYPE_STRING);
    else pack.title = typeof t === 'string' ? { 'zh-CN': t, en: t } : t;
  }
  if (value.note !== undefined) {
    const n = localizedText(value.note);
    if (n === undefined) p.type(['note'], TYPE_STRING);
    else pack.note = n;
  }
  for (const key of ['source', 'date'] as const) {
    if (value[key] === undefined) continue;
    if (typeof value[key] !== 'string') p.type([key], TYPE_STRING);
    else pack[key] = value[key] as string;
  }
  if (typeof value.date === 'string' && !DATE.test(value.date)) p.add(['date'], cm('termsBadDate', { name: 'date' }));
  if (value.fix !== undefined) {
    if (typeof value.fix !== 'boolean') p.type(['fix'], cm('typeBoolean'));
    else pack.fix = value.fix;
  }
  if (value.rules === undefined) {
    p.add([], cm('termsMissing', { name: packName, field: 'rules' }));
    return undefined;
  }
  const origin: number[] = [];
  pack.rules = validateEntries(value.rules, ['rules'], problems, where, file, origin, builtin);
  for (const f of builtin ? [] : specFailures(pack)) {
    const at: PathPart[] = ['rules', origin[f.entry], 'specs', f.spec];
    p.add(at, cm(f.kind, { name: pathName(at), from: f.from, to: f.to, got: f.got }));
  }
  return pack;
}

/** The id of a pack file: its name without folder and extension (单位名称.yml → 单位名称). */
export function packNameOf(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  return base.replace(/\.(ya?ml|jsonc?)$/i, '') || base;
}

/** Reads a pack file's text: JSON (`.json`, `.jsonc`) or YAML (anything else, as prh's files are). */
export function parsePackText(text: string, filePath: string): { pack?: TermPack; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const at = (line: number, column: number, message: MessageRef): { problems: ConfigProblem[] } => ({ problems: [{ path: filePath, line, column, message }] });
  if (text.length > MAX_PACK_TEXT) return at(0, 0, cm('termsTooLarge', { max: MAX_PACK_TEXT }));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const name = packNameOf(filePath);
  if (/\.jsonc?$/i.test(filePath)) {
    const errors: ParseError[] = [];
    const index = new LineIndex(body);
    if (tooDeepJson(body)) return at(1, 1, cm('termsTooDeep', { max: MAX_NESTING }));
    const value = parseJsonc(body, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length > 0) {
      const { line, column } = index.position(errors[0].offset);
      return at(line, column, cm('termsSyntax', { reason: `JSON ${errors[0].error}` }));
    }
    const tree = parseTree(body, [], { allowTrailingComma: true, disallowComments: false });
    const where: Where = (path) => {
      const node = tree && findNodeAtLocation(tree, [...path]);
      const offset = node ? (node.parent?.type === 'property' ? node.parent.offset : node.offset) : 0;
      return index.position(offset);
    };
    const pack = validatePack(value, name, problems, where, filePath);
    return { pack, problems };
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed | undefined;
  try {
    const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(body));
    if (yamlTooDeep(tokens)) return at(1, 1, cm('termsTooDeep', { max: MAX_NESTING }));
    for (const d of new Composer().compose(tokens, true, body.length)) {
      doc ??= d;
    }
  } catch (e) {
    return at(1, 1, cm('termsSyntax', { reason: (e as Error)?.message ?? String(e) }));
  }
  if (!doc) return at(1, 1, cm('termsNotObject'));
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    return at(pos.line, pos.col, cm('termsSyntax', { reason: e.code }));
  }
  const where: Where = (path) => {
    const node = doc!.getIn([...path], true) as { range?: [number, number] } | undefined;
    if (!node?.range) return { line: 1, column: 1 };
    const pos = lineCounter.linePos(node.range[0]);
    return { line: pos.line, column: pos.col };
  };
  const pack = validatePack(doc.toJS({ maxAliasCount: 100 }), name, problems, where, filePath);
  return { pack, problems };
}

/** Whether JSON text nests deeper than MAX_NESTING (outside strings), in one pass. */
function tooDeepJson(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') {
      if (++depth > MAX_NESTING) return true;
    } else if (c === '}' || c === ']') depth--;
  }
  return false;
}

/** Whether a YAML syntax tree nests deeper than MAX_NESTING (measured without recursion). */
function yamlTooDeep(tokens: unknown[]): boolean {
  type Tok = { type?: string; value?: Tok; items?: { key?: Tok; value?: Tok }[] } | null | undefined;
  const stack: [Tok, number][] = tokens.map((t) => [t as Tok, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') stack.push([token.value, depth]);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_NESTING) return true;
      for (const item of token.items ?? []) {
        if (item.key) stack.push([item.key, depth + 1]);
        stack.push([item.value, depth + 1]);
      }
    }
  }
  return false;
}
