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

/** One pass: applies every fix carried by `diagnostics` that does not conflict with a fix
 * taken before it (in the diagnostics' order). Used by the CLI and by the language server. */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): ApplyResult {
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const d of diagnostics) {
    const fix = d.fix;
    if (!fix || fix.edits.length === 0) continue;
    const clash =
      fix.edits.some((e, i) => fix.edits.some((o, j) => j > i && conflicts(e, o))) ||
      fix.edits.some((e) => taken.some((t) => conflicts(e, t)));
    if (clash) {
      skipped.push(fix);
      continue;
    }
    taken.push(...fix.edits);
    applied.push(fix);
  }
  return { text: taken.length ? applyEdits(text, taken) : text, applied, skipped };
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
