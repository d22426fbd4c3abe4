// Traditional-script characters folded to simplified ones, one UTF-16 code unit for one, so
// that offsets in the folded text are offsets in the source. Used for matching only: rules
// that recognise set phrases (copy-residue) match them on the folded text and show the source.

import { SIMPLIFIED, TRADITIONAL } from './script-fold-data.js';
import type { ReportModel } from './report-model.js';

/** Code unit → its simplified form, 0 where there is none: one array lookup per character. */
let table: Uint16Array | undefined;

function build(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let i = 0; i < TRADITIONAL.length; i++) t[TRADITIONAL.charCodeAt(i)] = SIMPLIFIED.charCodeAt(i);
  return t;
}

/** The text with every traditional character of the table replaced by its simplified form;
 * the text itself when it holds none (most texts: one pass of array lookups). The unchanged runs
 * between folded characters are kept as slices: a report with a few traditional characters costs
 * no copy of every character. */
export function foldScript(text: string): string {
  const map = (table ??= build());
  let out: string[] | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const s = map[text.charCodeAt(i)];
    if (s === 0) continue;
    (out ??= []).push(text.slice(from, i), String.fromCharCode(s));
    from = i + 1;
  }
  if (!out) return text;
  out.push(text.slice(from));
  return out.join('');
}

const cache = new WeakMap<ReportModel, string>();

/** The model's text folded to simplified script, computed once per model. */
export function foldedText(model: ReportModel): string {
  let folded = cache.get(model);
  if (folded === undefined) {
    folded = foldScript(model.text);
    cache.set(model, folded);
  }
  return folded;
}
