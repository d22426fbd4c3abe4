// The package of a .docx: a ZIP archive (unzipped with fflate) of XML parts, found through the
// relationships (`_rels/.rels` → the main document → its styles, numbering, footnotes, footers…).
// Only the parts the reader needs are inflated, each within a size limit.

import { strFromU8, unzipSync } from 'fflate';
import { WordReadError } from './errors.js';
import { parseXml, childrenNamed, type XmlElement } from './xml.js';

/** The largest part inflated (bytes): a 300-page report's document.xml is a few MB. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** The most bytes inflated from one package in all. */
const MAX_TOTAL_BYTES = 192 * 1024 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface Relationship {
  id: string;
  type: string;
  /** The target as a part name without the leading slash (`word/styles.xml`); external targets are left out. */
  target: string;
}

export interface WordPackage {
  /** The main document part's name, e.g. `word/document.xml`. */
  main: string;
  /** A part's XML tree, parsed once; undefined when the package has no such part. */
  xml(name: string): XmlElement | undefined;
  /** The relationships of a part, by id. */
  rels(name: string): Map<string, Relationship>;
  /** The first relationship of a part with a type ending in `/kind` (`styles`, `numbering`…). */
  related(name: string, kind: string): string | undefined;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Whether a compound file holds an encrypted OOXML package (its stream `EncryptedPackage`, named in UTF-16). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const limit = Math.min(bytes.length, 1 << 20);
  outer: for (let i = 0; i + name.length * 2 <= limit; i++) {
    for (let k = 0; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** `word/document.xml` + `../media/a.png` → `word/media/a.png`; `/word/x.xml` stays absolute. */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

function relsName(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export function openPackage(bytes: Uint8Array): WordPackage {
  if (startsWith(bytes, OLE_MAGIC)) throw new WordReadError(isEncryptedPackage(bytes) ? 'encrypted' : 'oldFormat');
  if (!(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new WordReadError('notZip');
  let files: Record<string, Uint8Array>;
  let total = 0;
  let tooLarge: string | undefined;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name.endsWith('.xml') || f.name.endsWith('.rels');
        if (!wanted) return false;
        total += f.originalSize;
        if (f.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
          tooLarge ??= f.name;
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    throw new WordReadError('notZip', { detail: (e as Error)?.message });
  }
  if (tooLarge) throw new WordReadError('tooLarge', { part: tooLarge });
  // Part names are case-insensitive (OPC); keep a lower-case index.
  const byName = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    // A lying size header: what was inflated is what counts.
    if (data.length > MAX_PART_BYTES) throw new WordReadError('tooLarge', { part: name });
    byName.set(name.replace(/^\//, '').toLowerCase(), data);
  }
  const parsed = new Map<string, XmlElement | undefined>();
  const xml = (name: string): XmlElement | undefined => {
    const key = name.toLowerCase();
    if (parsed.has(key)) return parsed.get(key);
    const data = byName.get(key);
    let tree: XmlElement | undefined;
    if (data) {
      let text = strFromU8(data);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      tree = parseXml(text, name);
    }
    parsed.set(key, tree);
    return tree;
  };
  const relsCache = new Map<string, Map<string, Relationship>>();
  const rels = (name: string): Map<string, Relationship> => {
    let map = relsCache.get(name);
    if (map) return map;
    map = new Map();
    const tree = xml(relsName(name));
    for (const r of tree ? childrenNamed(tree, 'rel:Relationship') : []) {
      if (r.attrs.TargetMode === 'External' || !r.attrs.Id || !r.attrs.Target) continue;
      map.set(r.attrs.Id, { id: r.attrs.Id, type: r.attrs.Type ?? '', target: resolveTarget(name, r.attrs.Target) });
    }
    relsCache.set(name, map);
    return map;
  };
  const related = (name: string, kind: string): string | undefined => {
    for (const r of rels(name).values()) if (r.type.endsWith(`/${kind}`)) return r.target;
    return undefined;
  };
  // The main document: the package's officeDocument relationship, else the usual name.
  const main = related('', 'officeDocument') ?? (byName.has('word/document.xml') ? 'word/document.xml' : undefined);
  if (!main || !byName.has(main.toLowerCase())) throw new WordReadError('notWord');
  return { main, xml, rels, related };
}
