import type { Position, Range } from './types.js';

/** One source line: `start` is the offset of its first character, `end` the offset of its
 * line break (or the end of the text); `text` excludes the break. */
export interface SourceLine {
  /** 1-based line number. */
  number: number;
  start: number;
  end: number;
  text: string;
}

/** Makes the object for one line: a `SourceLine`, or a richer record built on one (the report
 * model's lines), so that each line is one object. */
export type LineMaker<L extends SourceLine> = (number: number, start: number, end: number, text: string) => L;

const sourceLine: LineMaker<SourceLine> = (number, start, end, text) => ({ number, start, end, text });

/** Maps UTF-16 offsets to 1-based line/column and back. Line breaks are \r\n, \n or \r. */
export class LineIndex<L extends SourceLine = SourceLine> {
  readonly lines: L[] = [];
  /** The document's dominant line break, used for text that fixes insert. */
  readonly eol: string;

  constructor(
    readonly text: string,
    makeLine: LineMaker<L> = sourceLine as LineMaker<L>,
  ) {
    const n = text.length;
    let start = 0;
    if (!text.includes('\r')) {
      // Only \n breaks: let the native search find them.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        this.lines.push(makeLine(this.lines.length + 1, start, i, text.slice(start, i)));
        start = i + 1;
      }
      this.lines.push(makeLine(this.lines.length + 1, start, n, text.slice(start, n)));
      this.eol = '\n';
      return;
    }
    let crlf = 0;
    let lf = 0;
    let cr = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.lines.push(makeLine(this.lines.length + 1, start, i, text.slice(start, i)));
        if (c === 13 && text.charCodeAt(i + 1) === 10) {
          i++;
          crlf++;
        } else if (c === 13) {
          cr++;
        } else {
          lf++;
        }
        start = i + 1;
      }
    }
    this.lines.push(makeLine(this.lines.length + 1, start, n, text.slice(start, n)));
    this.eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf ? '\r' : '\n';
  }

  /** The line found last: findings come mostly in document order, often on the same line. */
  private hint = 0;

  /** The 0-based index into `lines` of the line holding `offset`. */
  lineIndexAt(offset: number): number {
    const lines = this.lines;
    const h = this.hint;
    if (h < lines.length && lines[h].start <= offset) {
      if (h + 1 === lines.length || lines[h + 1].start > offset) return h;
      if (h + 2 === lines.length || (h + 2 < lines.length && lines[h + 2].start > offset)) return (this.hint = h + 1);
    }
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo;
  }

  /** The last two positions made: a finding's range and its fix's range often share an end.
   * Positions are never changed once made, so one object can serve both. */
  private last: Position | undefined;
  private beforeLast: Position | undefined;

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    if (this.last?.offset === clamped) return this.last;
    if (this.beforeLast?.offset === clamped) return this.beforeLast;
    const line = this.lines[this.lineIndexAt(clamped)];
    // An offset inside a \r\n pair maps to the end of the line.
    const column = Math.min(clamped, line.end) - line.start + 1;
    const made = { offset: clamped, line: line.number, column };
    this.beforeLast = this.last;
    this.last = made;
    return made;
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset of a 1-based line and column; columns past the line's end clamp to it. */
  offsetAt(line: number, column: number): number {
    if (line < 1) return 0;
    if (line > this.lines.length) return this.text.length;
    const l = this.lines[line - 1];
    return Math.min(l.start + Math.max(0, column - 1), l.end);
  }
}
