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

function firstFolded(text: string, map: Uint16Array): number {
  for (let i = 0; i < text.length; i++) if (map[text.charCodeAt(i)] !== 0) return i;
  return -1;
}

/** The text with every traditional character of the table replaced by its simplified form;
 * the text itself when it holds none (most texts: one pass of array lookups). */
export function foldScript(text: string): string {
  const map = (table ??= build());
  if (firstFolded(text, map) < 0) return text;
  const units = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    units[k] = map[c] || c;
  }
  return new TextDecoder('utf-16le').decode(units);
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
