// Reads LSP frames (`Content-Length: N\r\n\r\n` + N bytes of JSON) from a byte stream and passes
// on only whole, well-formed ones, so that one bad frame cannot wedge the reader behind it.
//
// vscode-jsonrpc's StreamMessageReader trusts every frame: after a header whose Content-Length is
// not a number, or a frame whose Content-Length is shorter than its body, the bytes left over are
// read as the next header, and every later frame is misread in turn — the server stays alive but
// answers nothing. This guard stands between stdin and that reader:
//
// - A well-formed frame is passed on byte for byte, as soon as its last byte arrives.
// - A frame is broken when its header is not `Name: value` lines with one numeric Content-Length,
//   or its body is not one JSON object or array of exactly that length. JSON cannot hold a raw
//   line break inside a string, nor a bare letter such as the C of `Content-Length` outside one,
//   so a body that runs into the next header is noticed at that header's first byte.
// - A broken frame is dropped, and reading resumes at the next `Content-Length:` header (searched
//   from the start of the broken frame's body); bytes before it are skipped. A body that is one
//   complete JSON value followed by something else (a Content-Length longer than the body) is
//   passed on with its own length, and reading resumes right after it.
// - What is dropped is reported through `onDrop`, once per resynchronisation; a frame whose body
//   is not JSON is also reported at once, through `onBadBody` (the server answers it with a
//   parse error, -32700).

import { Transform, type TransformCallback } from 'node:stream';

/** What was dropped, for the log. */
export interface FrameDrop {
  /** Bytes of input not passed on. */
  bytes: number;
  reason: 'not-a-header' | 'bad-content-length' | 'body-shorter-than-content-length' | 'body-longer-than-content-length' | 'body-not-json';
}

/** Longest header block accepted (vscode-jsonrpc writes about 25 bytes). */
const MAX_HEADER = 8192;
/** Largest Content-Length accepted (a Buffer cannot be much larger). */
const MAX_LENGTH = 0x7fffffff;
const CONTENT_LENGTH = Buffer.from('content-length:');

const CR = 13;
const LF = 10;

const enum Mode {
  /** At a frame boundary or inside a header block. */
  Header,
  /** Inside a body of known length. */
  Body,
  /** Hunting for the next `Content-Length:` after broken input. */
  Skip,
}

/** Bytes that may stand outside JSON strings: white space, structure, numbers, true/false/null. */
const JSON_OUTSIDE = new Uint8Array(256);
for (const c of ' \t\r\n{}[],:"0123456789+-.eEtrufalsn') JSON_OUTSIDE[c.charCodeAt(0)] = 1;
const isSpace = (b: number) => b === 32 || b === 9 || b === CR || b === LF;

export class FrameGuard extends Transform {
  private mode = Mode.Header;
  // Header block being read.
  private header: number[] = [];
  private lineStart = 0;
  private nameLength = 0;
  private sawColon = false;
  // Body being read: its chunks (views of the input, not copies), its claimed length, bytes read.
  private frame: Buffer[] = [];
  private headerBytes: Buffer = Buffer.alloc(0);
  private need = 0;
  private got = 0;
  // The body's JSON, followed byte by byte: depth, inside a string, after a backslash, started, ended.
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  /** Body offset just past the end of the JSON value, or -1 while it has not ended. */
  private valueEnd = -1;
  // Skip mode: how much of `content-length:` has matched.
  private matched = 0;
  /** Bytes dropped since the last well-formed header, and why the first of them were: reported
   * when the next well-formed header block is complete, so one resynchronisation is one report. */
  private dropped: FrameDrop | undefined;

  constructor(
    private readonly onDrop: (drop: FrameDrop) => void = () => undefined,
    private readonly onBadBody: () => void = () => undefined,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.feed(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      callback();
    } catch (e) {
      callback(e as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    // A frame cut off by the end of input is dropped, as the library would drop it.
    if (this.mode === Mode.Body) this.addDrop('body-shorter-than-content-length', this.headerBytes.length + this.got);
    else if (this.header.length > 0) this.addDrop('not-a-header', this.header.length);
    this.reportDrop();
    callback();
  }

  /** Bytes to read next, first to last; a resynchronisation puts bytes back at the front. */
  private queue: Buffer[] = [];

  private feed(input: Buffer): void {
    this.queue.push(input);
    while (this.queue.length > 0) {
      const buf = this.queue.shift()!;
      this.consume(buf);
    }
  }

  /** Reads `buf` until it ends or the mode's reading puts bytes back (then returns). */
  private consume(buf: Buffer): void {
    let i = 0;
    const n = buf.length;
    while (i < n) {
      if (this.mode === Mode.Body) {
        const start = i;
        const stop = Math.min(n, start + (this.need - this.got));
        const bad = this.scanJson(buf, start, stop);
        if (bad >= 0) {
          // A byte no JSON body can hold here: the frame is broken (or its value ended early).
          this.frame.push(buf.subarray(start, bad));
          this.got += bad - start;
          this.brokenBody(buf.subarray(bad));
          return;
        }
        this.frame.push(buf.subarray(start, stop));
        this.got += stop - start;
        i = stop;
        if (this.got === this.need && !this.endOfBody(buf.subarray(i))) return;
        continue;
      }
      if (this.mode === Mode.Skip) {
        i = this.skip(buf, i);
        continue;
      }
      // Header mode, byte by byte (header blocks are short).
      const b = buf[i++];
      if (this.header.length === 0 && isSpace(b)) continue; // stray white space between frames
      const result = this.headerByte(b);
      if (result === 'bad') {
        const rest = buf.subarray(i);
        // Search again from the second byte of the header read so far: the real header may start inside it.
        const retry = Buffer.from(this.header.slice(1));
        this.resetHeader();
        this.startSkip('not-a-header', 1);
        this.queue.unshift(retry, rest);
        return;
      }
      if (result === 'done') {
        const length = this.contentLength();
        if (length === undefined || length === 0) {
          const rest = buf.subarray(i);
          const retry = Buffer.from(this.header.slice(1));
          this.resetHeader();
          this.startSkip('bad-content-length', 1);
          this.queue.unshift(retry, rest);
          return;
        }
        this.headerBytes = Buffer.from(this.header);
        this.resetHeader();
        this.reportDrop();
        this.startBody(length);
      }
    }
  }

  private resetHeader(): void {
    this.header = [];
    this.lineStart = 0;
    this.nameLength = 0;
    this.sawColon = false;
  }

  /** One header byte: 'more' to go on, 'done' at the empty line ending the block, 'bad' when no header looks so. */
  private headerByte(b: number): 'more' | 'done' | 'bad' {
    const h = this.header;
    h.push(b);
    if (h.length > MAX_HEADER) return 'bad';
    const prev = h.length > 1 ? h[h.length - 2] : -1;
    if (prev === CR && b !== LF) return 'bad';
    if (b === LF) {
      if (prev !== CR) return 'bad';
      const lineLength = h.length - 2 - this.lineStart;
      if (lineLength === 0) return this.lineStart === 0 ? 'bad' : 'done';
      if (!this.sawColon) return 'bad';
      this.lineStart = h.length;
      this.nameLength = 0;
      this.sawColon = false;
      return 'more';
    }
    if (b === CR) return 'more';
    if (!this.sawColon) {
      if (b === 58 /* : */) {
        if (this.nameLength === 0) return 'bad';
        this.sawColon = true;
      } else if (b > 32 && b < 127) this.nameLength++;
      else return 'bad';
      return 'more';
    }
    return b === 9 || (b >= 32 && b < 127) ? 'more' : 'bad';
  }

  /** The header block's Content-Length, if it has exactly one numeric value. */
  private contentLength(): number | undefined {
    const lines = Buffer.from(this.header).toString('latin1').split('\r\n');
    let length: number | undefined;
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
      const value = line.slice(colon + 1).trim();
      if (!/^\d{1,10}$/.test(value)) return undefined;
      const n = Number(value);
      if (n > MAX_LENGTH || (length !== undefined && length !== n)) return undefined;
      length = n;
    }
    return length;
  }

  private startBody(length: number): void {
    this.mode = Mode.Body;
    this.need = length;
    this.got = 0;
    this.frame = [];
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.started = false;
    this.valueEnd = -1;
  }

  /**
   * Follows the body's JSON over buf[from, to); returns the index of the first byte that no
   * well-formed body can hold at that point, or -1.
   */
  private scanJson(buf: Buffer, from: number, to: number): number {
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    let started = this.started;
    let valueEnd = this.valueEnd;
    const base = this.got - from;
    let bad = -1;
    for (let i = from; i < to; i++) {
      let b = buf[i];
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        // The common case, most of a document's text: plain string bytes.
        while (b !== 34 && b !== 92 && b >= 32 && i + 1 < to) b = buf[++i];
        if (b === 92 /* \ */) escaped = true;
        else if (b === 34 /* " */) inString = false;
        else if (b < 32) {
          bad = i;
          break;
        }
        continue;
      }
      if (valueEnd >= 0) {
        if (isSpace(b)) continue;
        bad = i;
        break;
      }
      if (!started) {
        if (isSpace(b)) continue;
        // A byte order mark before the value (the library's decoder drops it).
        if ((b === 0xef || b === 0xbb || b === 0xbf) && base + i < 3) continue;
        if (b !== 123 /* { */ && b !== 91 /* [ */) {
          bad = i;
          break;
        }
        started = true;
        depth = 1;
        continue;
      }
      if (!JSON_OUTSIDE[b]) {
        bad = i;
        break;
      }
      if (b === 34) inString = true;
      else if (b === 123 || b === 91) depth++;
      else if (b === 125 || b === 93) {
        if (--depth === 0) valueEnd = base + i + 1;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.started = started;
    this.valueEnd = valueEnd;
    return bad;
  }

  /**
   * The body reached its Content-Length: passed on if it is one whole JSON value (true: reading
   * goes on with `rest`), else dropped (false: the bytes to read next, `rest` last, are queued).
   */
  private endOfBody(rest: Buffer): boolean {
    const body = this.frame;
    this.frame = [];
    this.mode = Mode.Header;
    if (this.valueEnd >= 0) {
      this.push(Buffer.concat([this.headerBytes, ...body]));
      return true;
    }
    // Shorter than its body: what follows is the body's rest. Hunt for the next header, from
    // the body's second byte (it may itself have been a header, after a truncated frame).
    this.dropBody(Buffer.concat(body), rest);
    return false;
  }

  /** Drops the frame read so far, and hunts for a header from the second byte of its body on. */
  private dropBody(body: Buffer, rest: Buffer): void {
    this.onBadBody();
    this.startSkip(this.started ? 'body-shorter-than-content-length' : 'body-not-json', this.headerBytes.length + Math.min(1, body.length));
    this.queue.unshift(body.subarray(1), rest);
  }

  /** A byte the body cannot hold, at the start of `rest`. */
  private brokenBody(rest: Buffer): void {
    const body = Buffer.concat(this.frame);
    this.frame = [];
    this.mode = Mode.Header;
    if (this.valueEnd >= 0) {
      // One whole value, then more: the Content-Length was longer than the body. The value is
      // passed on with its own length; reading goes on right after it.
      const value = body.subarray(0, this.valueEnd);
      this.push(Buffer.concat([Buffer.from(`Content-Length: ${value.length}\r\n\r\n`, 'ascii'), value]));
      this.addDrop('body-longer-than-content-length', this.headerBytes.length + body.length - value.length);
      this.queue.unshift(body.subarray(this.valueEnd), rest);
      return;
    }
    this.dropBody(body, rest);
  }

  private startSkip(reason: FrameDrop['reason'], alreadySkipped: number): void {
    this.mode = Mode.Skip;
    this.matched = 0;
    this.addDrop(reason, alreadySkipped);
  }

  private addDrop(reason: FrameDrop['reason'], bytes: number): void {
    if (this.dropped) this.dropped.bytes += bytes;
    else this.dropped = { bytes, reason };
  }

  private reportDrop(): void {
    const d = this.dropped;
    this.dropped = undefined;
    if (d && d.bytes > 0) this.onDrop(d);
  }

  /** Skips bytes up to the next `Content-Length:` (any case); returns where reading goes on. */
  private skip(buf: Buffer, from: number): number {
    for (let i = from; i < buf.length; i++) {
      let b = buf[i];
      if (b >= 65 && b <= 90) b += 32;
      if (b === CONTENT_LENGTH[this.matched]) this.matched++;
      else this.matched = b === CONTENT_LENGTH[0] ? 1 : 0;
      if (this.matched === CONTENT_LENGTH.length) {
        const headerStart = i + 1 - CONTENT_LENGTH.length;
        // The header's first bytes may have come in an earlier chunk (then counted as dropped):
        // they are put back as read.
        this.addDrop('not-a-header', i + 1 - from - CONTENT_LENGTH.length);
        this.matched = 0;
        this.mode = Mode.Header;
        this.resetHeader();
        if (headerStart >= from) this.queue.unshift(buf.subarray(headerStart));
        else this.queue.unshift(Buffer.from('Content-Length:', 'ascii'), buf.subarray(i + 1));
        return buf.length;
      }
    }
    this.addDrop('not-a-header', buf.length - from);
    return buf.length;
  }
}
