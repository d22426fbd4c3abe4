// Position encodings (LSP 3.17): the unit a client counts a position's `character` in, UTF-16
// code units (the default), UTF-8 bytes or UTF-32 code points. The engine counts in UTF-16
// (JavaScript's strings); every position the server sends is turned into the negotiated
// encoding here, and every position it receives is turned back, on the text it is about.

import type { Position as LspPosition, Range as LspRange, TextDocumentContentChangeEvent, TextDocumentsConfiguration, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../engine/line-index.js';
import type { ConfigProblem, Position, Range, TextEdit } from '../engine/types.js';

export type PositionEncoding = 'utf-8' | 'utf-16' | 'utf-32';

const SUPPORTED: readonly PositionEncoding[] = ['utf-8', 'utf-16', 'utf-32'];

/** The client's first choice among those the server supports; UTF-16 when it offers none (LSP:
 * a client that says nothing counts in UTF-16, and every client supports it). */
export function chooseEncoding(offered: readonly string[] | undefined): PositionEncoding {
  for (const e of Array.isArray(offered) ? offered : []) {
    const name = typeof e === 'string' ? e.toLowerCase() : '';
    if ((SUPPORTED as readonly string[]).includes(name)) return name as PositionEncoding;
  }
  return 'utf-16';
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The code units of `encoding` that `text[from, to)` takes. A surrogate pair is one code point
 * (4 bytes in UTF-8); an unpaired surrogate is U+FFFD (3 bytes), as UTF-8 encoders write it. */
export function unitsIn(text: string, from: number, to: number, encoding: PositionEncoding): number {
  if (encoding === 'utf-16') return to - from;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && i + 1 < to && isLow(text.charCodeAt(i + 1))) {
      n += encoding === 'utf-8' ? 4 : 1;
      i++;
    } else {
      n += encoding === 'utf-32' || c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
  }
  return n;
}

/** The UTF-16 offset `units` code units of `encoding` after `from`, not past `to`. A count that
 * ends inside a character (a byte in the middle of a Chinese character) stops before it. */
export function offsetAfter(text: string, from: number, to: number, units: number, encoding: PositionEncoding): number {
  if (encoding === 'utf-16') return Math.min(from + Math.max(0, units), to);
  let n = 0;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const pair = isHigh(c) && i + 1 < to && isLow(text.charCodeAt(i + 1));
    const size = encoding === 'utf-32' ? 1 : pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (n + size > units) break;
    n += size;
    i += pair ? 2 : 1;
  }
  return i;
}

/**
 * Positions of one checked text, between the engine's (1-based line, UTF-16 column) and LSP's in
 * the negotiated encoding. Findings come mostly in the order of the text: the counts of the last
 * four lines asked about are kept, so a long line with many findings is counted once.
 */
export class LspPositions {
  private cache: { line: number; prefix: Uint32Array | undefined }[] = [];

  constructor(
    readonly encoding: PositionEncoding,
    private readonly index: LineIndex,
  ) {}

  /** For each UTF-16 column of a 1-based line, the units before it; undefined when they are the same. */
  private prefix(line: number): Uint32Array | undefined {
    for (const c of this.cache) if (c.line === line) return c.prefix;
    const text = this.index.lines[line - 1]?.text ?? '';
    let prefix: Uint32Array | undefined;
    const special = this.encoding === 'utf-8' ? /[^\x00-\x7f]/ : /[\ud800-\udfff]/;
    if (special.test(text)) {
      prefix = new Uint32Array(text.length + 1);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
          // The column between the two halves counts as the one before the pair.
          prefix[i + 1] = prefix[i];
          prefix[i + 2] = prefix[i] + (this.encoding === 'utf-8' ? 4 : 1);
          i++;
        } else {
          prefix[i + 1] = prefix[i] + (this.encoding === 'utf-32' || c < 0x80 ? 1 : c < 0x800 ? 2 : 3);
        }
      }
    }
    this.cache.unshift({ line, prefix });
    if (this.cache.length > 4) this.cache.pop();
    return prefix;
  }

  /** The LSP character of a 0-based UTF-16 character on a 1-based line. */
  character(line: number, utf16: number): number {
    if (this.encoding === 'utf-16') return utf16;
    const prefix = this.prefix(line);
    if (!prefix) return utf16;
    return prefix[Math.max(0, Math.min(utf16, prefix.length - 1))];
  }

  /** The 0-based UTF-16 character of an LSP character on a 0-based line; past the line's end, its end. */
  utf16Character(line: number, character: number): number {
    if (this.encoding === 'utf-16') return character;
    const l = this.index.lines[line];
    if (!l) return character;
    const prefix = this.prefix(line + 1);
    if (!prefix) return Math.min(Math.max(0, character), l.text.length);
    // The last column whose count is not past `character`.
    let lo = 0;
    let hi = prefix.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (prefix[mid] <= character) lo = mid;
      else hi = mid - 1;
    }
    // Not between the halves of a pair.
    if (lo > 0 && isLow(l.text.charCodeAt(lo)) && isHigh(l.text.charCodeAt(lo - 1))) lo--;
    return lo;
  }

  /** The LSP character of the end of a 1-based line. */
  lineEnd(line: number): number {
    return this.character(line, this.index.lines[line - 1]?.text.length ?? 0);
  }

  position(p: Position): LspPosition {
    return { line: p.line - 1, character: this.character(p.line, p.column - 1) };
  }

  range(r: Range): LspRange {
    return { start: this.position(r.start), end: this.position(r.end) };
  }

  edit(e: TextEdit): LspTextEdit {
    return { range: this.range(e.range), newText: e.text };
  }
}

/**
 * A document addressed in UTF-8 or UTF-32: `positionAt`, `offsetAt`, `getText(range)` and the
 * ranges of incremental changes count in that encoding, as the client does; offsets stay UTF-16
 * (indexes into the text). The text and its lines are kept by the library's document.
 */
class EncodedDocument implements TextDocument {
  constructor(
    private readonly inner: TextDocument,
    readonly encoding: 'utf-8' | 'utf-32',
  ) {}

  get uri(): string {
    return this.inner.uri;
  }

  get languageId(): string {
    return this.inner.languageId;
  }

  get version(): number {
    return this.inner.version;
  }

  get lineCount(): number {
    return this.inner.lineCount;
  }

  getText(range?: LspRange): string {
    const text = this.inner.getText();
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  getLineRange(line: number): LspRange {
    const r = this.inner.getLineRange(line);
    const start = this.inner.offsetAt(r.start);
    return { start: r.start, end: { line: r.end.line, character: unitsIn(this.inner.getText(), start, start + r.end.character, this.encoding) } };
  }

  getEOLCharacters(line: number): string {
    return this.inner.getEOLCharacters(line);
  }

  positionAt(offset: number): LspPosition {
    const p = this.inner.positionAt(offset);
    const start = this.inner.offsetAt({ line: p.line, character: 0 });
    return { line: p.line, character: unitsIn(this.inner.getText(), start, start + p.character, this.encoding) };
  }

  offsetAt(position: LspPosition): number {
    if (position.line < 0) return 0;
    if (position.line >= this.inner.lineCount) return this.inner.getText().length;
    const start = this.inner.offsetAt({ line: position.line, character: 0 });
    // The library's document clamps a character past the line's end to the end, before its break.
    const end = this.inner.offsetAt({ line: position.line, character: Number.MAX_SAFE_INTEGER });
    return offsetAfter(this.inner.getText(), start, end, position.character, this.encoding);
  }

  /** Applies changes whose ranges count in this document's encoding, one after another (each
   * range is about the text the ones before it left). */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    if (changes.length === 0) TextDocument.update(this.inner, [], version);
    for (const change of changes) {
      if ('range' in change && change.range) {
        const start = this.inner.positionAt(this.offsetAt(change.range.start));
        const end = this.inner.positionAt(this.offsetAt(change.range.end));
        TextDocument.update(this.inner, [{ range: { start, end }, text: change.text }], version);
      } else {
        TextDocument.update(this.inner, [{ text: change.text }], version);
      }
    }
  }
}

/**
 * The encoding chosen at `initialize`, for the documents and the checks of one server: created
 * before it is chosen (UTF-16 until then), read when a document is opened or a check is made.
 */
export class NegotiatedEncoding {
  kind: PositionEncoding = 'utf-16';

  /** Chooses from the client's `general.positionEncodings`; the result is the server's `capabilities.positionEncoding`. */
  negotiate(offered: readonly string[] | undefined): PositionEncoding {
    this.kind = chooseEncoding(offered);
    return this.kind;
  }

  /** For `TextDocuments`: documents whose positions count in the negotiated encoding. */
  readonly documents: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      const doc = TextDocument.create(uri, languageId, version, content);
      return this.kind === 'utf-16' ? doc : new EncodedDocument(doc, this.kind);
    },
    update: (doc, changes, version) => {
      if (doc instanceof EncodedDocument) doc.update(changes, version);
      else TextDocument.update(doc, changes, version);
      return doc;
    },
  };

  /** Positions of a checked text (its line index), in the negotiated encoding. */
  positions(index: LineIndex): LspPositions {
    return new LspPositions(this.kind, index);
  }

  /** The range a configuration file's problem is shown on: its character, in the encoding of the
   * file's text (without a BOM, as the editor shows it); at the line's start without a position. */
  configProblemRange(p: ConfigProblem, text: string | undefined): LspRange {
    const line = Math.max(0, p.line - 1);
    const column = Math.max(0, p.column - 1);
    if (text === undefined) return { start: { line, character: column }, end: { line, character: column + 1 } };
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const lineText = new LineIndex(body).lines[line]?.text ?? '';
    const at = Math.min(column, lineText.length);
    // The whole character: both halves of a surrogate pair.
    const next = Math.min(lineText.length, at + (isHigh(lineText.charCodeAt(at)) && isLow(lineText.charCodeAt(at + 1)) ? 2 : 1));
    const start = unitsIn(lineText, 0, at, this.kind);
    const width = unitsIn(lineText, at, next, this.kind) || 1;
    return { start: { line, character: start }, end: { line, character: start + width } };
  }
}
