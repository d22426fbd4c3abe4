// The XML of a Word package as a small element tree, parsed by saxes (a conforming, non-validating
// parser: well-formedness errors come with a line and column; entities declared in a DTD are
// not expanded, so a document cannot blow up in memory through them). Names are resolved through
// their namespaces and written with the usual prefixes (w:, r:, mc:, wps:, v:, a:), whatever
// prefix the file itself uses; Strict OOXML's namespaces map to the same prefixes.

import { SaxesParser } from 'saxes';
import { WordReadError } from './errors.js';

export interface XmlElement {
  /** `prefix:local` with the canonical prefix of the element's namespace (`w:p`), or the local name. */
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup': 'wpg',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://www.w3.org/XML/1998/namespace': 'xml',
  'http://schemas.microsoft.com/office/word/2006/wordml': 'wne',
};

/** Elements whose whitespace-only text is text (a run of spaces in `w:t`); elsewhere it is layout. */
const TEXT_ELEMENTS = new Set(['w:t', 'w:delText', 'w:instrText', 'w:delInstrText']);

/** Elements nested deeper than this are refused: Word's own documents nest a few dozen levels, and
 * the reader walks the tree recursively. */
export const MAX_DEPTH = 256;

/** Prefix → canonical prefix (or `{uri}` for a namespace this file does not know), per scope;
 * `identity` when every prefix in scope is already the canonical one (the usual case: names are
 * then kept as they are, without a copy). */
interface Scope {
  readonly map: ReadonlyMap<string, string>;
  readonly identity: boolean;
}

const CANONICAL = new Set(Object.values(PREFIXES));

/** The prefix names of a namespace get: its canonical one; for a namespace not known here, its own
 * prefix, unless that is a canonical one (then `{uri}`, so that it is never taken for that namespace). */
function canonical(prefix: string, uri: string): string {
  const known = PREFIXES[uri];
  if (known) return known;
  return prefix !== '' && !CANONICAL.has(prefix) ? prefix : `{${uri}}`;
}

function resolve(name: string, scope: Scope, attribute: boolean): string {
  const colon = name.indexOf(':');
  if (colon < 0) {
    const dflt = attribute ? '' : (scope.map.get('') ?? '');
    return dflt === '' ? name : `${dflt}:${name}`;
  }
  const prefix = name.slice(0, colon);
  const mapped = scope.map.get(prefix);
  if (mapped === undefined || mapped === prefix) return name;
  return `${mapped}:${name.slice(colon + 1)}`;
}

function isDeclaration(name: string): boolean {
  return name.charCodeAt(0) === 120 /* x */ && (name === 'xmlns' || name.startsWith('xmlns:'));
}

/**
 * Parses one part of the package; a part that is not well-formed XML is a `WordReadError` naming it
 * and the position. Namespaces are resolved here from the `xmlns` attributes (saxes's own
 * namespace mode costs three times as much): an element's name is written with the canonical
 * prefix of its namespace.
 */
export function parseXml(text: string, part: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const scopes: Scope[] = [{ map: new Map([['xml', 'xml']]), identity: true }];
  let failure: WordReadError | undefined;
  parser.on('error', (e) => {
    failure ??= new WordReadError('badXml', { part, line: parser.line, column: parser.column, detail: e.message.replace(/^\d+:\d+:\s*/, '') });
  });
  parser.on('opentag', (tag) => {
    if (failure) return;
    let scope = scopes[scopes.length - 1];
    const raw = tag.attributes as Record<string, string>;
    const names = Object.keys(raw);
    let declares = false;
    for (const name of names) if (isDeclaration(name)) declares = true;
    if (declares) {
      const map = new Map(scope.map);
      for (const name of names) {
        if (name === 'xmlns') map.set('', raw[name] ? canonical('', raw[name]) : '');
        else if (isDeclaration(name)) map.set(name.slice(6), canonical(name.slice(6), raw[name]));
      }
      let identity = true;
      for (const [prefix, to] of map) if (prefix !== to && !(prefix === '' && to === '')) identity = false;
      scope = { map, identity };
    }
    let attrs: Record<string, string>;
    let name: string;
    if (!declares && scope.identity) {
      attrs = raw;
      name = tag.name;
    } else {
      attrs = {};
      for (const n of names) if (!isDeclaration(n)) attrs[resolve(n, scope, true)] = raw[n];
      name = resolve(tag.name, scope, false);
    }
    const el: XmlElement = { name, attrs, children: [] };
    if (stack.length > MAX_DEPTH) {
      failure ??= new WordReadError('tooDeep', { part, line: parser.line, column: parser.column });
      return;
    }
    stack[stack.length - 1].children.push(el);
    stack.push(el);
    scopes.push(scope);
  });
  parser.on('closetag', () => {
    if (failure) return;
    stack.pop();
    scopes.pop();
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (TEXT_ELEMENTS.has(top.name) || /\S/.test(t)) top.children.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  // Stop at the first error: what follows it is not read.
  const CHUNK = 1 << 20;
  for (let i = 0; i < text.length && !failure; i += CHUNK) parser.write(text.slice(i, i + CHUNK));
  if (!failure) parser.close();
  if (failure) throw failure;
  const doc = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!doc) throw new WordReadError('badXml', { part, line: 1, column: 1, detail: 'no root element' });
  return doc;
}

// Helpers for walking the tree.

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

export function elements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string') out.push(c);
  return out;
}

/** The text directly inside an element (`w:t`, `w:instrText`). */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (typeof c === 'string') s += c;
  return s;
}

/** `w:val` of a child element, e.g. `val(pPr, 'w:pStyle')`. */
export function val(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs['w:val'];
}

/** A number attribute; undefined when absent or not a number. */
export function num(el: XmlElement | undefined, attr: string): number | undefined {
  const v = el?.attrs[attr];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** An OOXML on/off property (`<w:b/>`, `<w:b w:val="false"/>`): undefined when the element is absent. */
export function onOff(el: XmlElement | undefined, name: string): boolean | undefined {
  const c = child(el, name);
  if (!c) return undefined;
  const v = c.attrs['w:val'];
  return !(v === 'false' || v === '0' || v === 'off');
}
