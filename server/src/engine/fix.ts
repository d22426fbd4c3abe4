import type { Diagnostic, Fix, TextEdit } from './types.js';

/** Two edits conflict when their ranges overlap, or when both touch the same point
 * (two insertions at one offset, or an insertion at the start of a replacement). */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  const a1 = a.range.start.offset;
  const a2 = a.range.end.offset;
  const b1 = b.range.start.offset;
  const b2 = b.range.end.offset;
  if (a1 === b1) return true;
  return a1 < b2 && b1 < a2;
}

/** Applies edits that do not conflict with each other; throws if they do.
 * No character outside an edit's range changes. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((x, y) => x.range.start.offset - y.range.start.offset || x.range.end.offset - y.range.end.offset);
  let out = '';
  let cursor = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    const start = e.range.start.offset;
    const end = e.range.end.offset;
    if (start < cursor || end < start || end > text.length || (i > 0 && conflicts(sorted[i - 1], e))) {
      throw new RangeError(`gongwen: conflicting or out-of-range text edit at offset ${start}`);
    }
    out += text.slice(cursor, start) + e.text;
    cursor = end;
  }
  return out + text.slice(cursor);
}

export interface ApplyResult {
  text: string;
  /** The fixes applied in this pass. */
  applied: Fix[];
  /** Fixes left out because they conflicted with one applied before them. */
  skipped: Fix[];
}

/** The edits taken so far in a pass, disjoint and in text order: a conflict check is one binary
 * search, and edits arriving in text order (the usual case) are appended. */
class TakenEdits {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  readonly edits: TextEdit[] = [];

  /** Whether [start, end) conflicts with an edit taken before (see `conflicts`). */
  clashes(start: number, end: number): boolean {
    const i = this.lowerBound(start);
    if (i < this.starts.length && (this.starts[i] === start || this.starts[i] < end)) return true;
    return i > 0 && this.ends[i - 1] > start;
  }

  add(e: TextEdit): void {
    const start = e.range.start.offset;
    const i = this.lowerBound(start);
    if (i === this.starts.length) {
      this.starts.push(start);
      this.ends.push(e.range.end.offset);
      this.edits.push(e);
    } else {
      this.starts.splice(i, 0, start);
      this.ends.splice(i, 0, e.range.end.offset);
      this.edits.splice(i, 0, e);
    }
  }

  /** The first index whose start is at or after `offset`. */
  private lowerBound(offset: number): number {
    const s = this.starts;
    if (s.length === 0 || s[s.length - 1] < offset) return s.length;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Whether the edits of one fix conflict among themselves: sorted, each against the next. */
function selfConflicting(edits: readonly TextEdit[]): boolean {
  if (edits.length < 2) return false;
  const sorted = [...edits].sort((x, y) => x.range.start.offset - y.range.start.offset || x.range.end.offset - y.range.end.offset);
  for (let i = 1; i < sorted.length; i++) if (conflicts(sorted[i - 1], sorted[i])) return true;
  return false;
}

/** One pass: applies every fix carried by `diagnostics` that does not conflict with a fix
 * taken before it (in the diagnostics' order). Used by the CLI and by the language server.
 * Each fix costs a binary search per edit, so a pass is linear in the edits, up to a logarithm. */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): ApplyResult {
  const taken = new TakenEdits();
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const d of diagnostics) {
    const fix = d.fix;
    if (!fix || fix.edits.length === 0) continue;
    if (selfConflicting(fix.edits) || fix.edits.some((e) => taken.clashes(e.range.start.offset, e.range.end.offset))) {
      skipped.push(fix);
      continue;
    }
    for (const e of fix.edits) taken.add(e);
    applied.push(fix);
  }
  return { text: taken.edits.length ? applyEdits(text, taken.edits) : text, applied, skipped };
}

export interface FixAllResult {
  text: string;
  /** How many fixes were applied over all passes. */
  fixed: number;
  passes: number;
}

/** Applies fixes pass after pass (re-checking between passes) until none is left or
 * `maxPasses` is reached, so that fixes that conflicted in one pass land in the next. */
export function fixAll(text: string, check: (text: string) => Diagnostic[], maxPasses = 10): FixAllResult {
  let current = text;
  let fixed = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const result = applyFixes(current, check(current));
    if (result.applied.length === 0 || result.text === current) break;
    passes++;
    fixed += result.applied.length;
    current = result.text;
  }
  return { text: current, fixed, passes };
}
