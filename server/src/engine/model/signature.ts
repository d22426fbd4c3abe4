// The closing signature block (落款) of a report: the unit's name or the signer, then the date.
// Inserted sections go before it, and the last section's outline ends above it.

import type { LineInfo } from './model-types.js';

/** A date as a signature block writes it: 2025年12月1日, 二〇二五年十二月一日, 2025-12-01, 2025.12.1. */
const DATE_LINE = /^[\s\u3000]*(?:日期[：:]?[\s\u3000]*)?(?:(?:19|20)[0-9]{2}[年.\-/][0-9]{1,2}[月.\-/][0-9]{1,2}日?|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)[\s\u3000]*$/;
/** A line above the date that signs the report: the unit's name, or 述职人：某某. Short, no sentence. */
const SIGNER_LINE = /^[\s\u3000]*[^\s\u3000，,。；;！？!?]{2,30}[\s\u3000]*$/;

/**
 * The index (0-based) of the first line of the closing signature block: a date line last, and
 * right above it up to two short lines that name the unit or the signer (县农业农村局, 述职人：张某).
 * Undefined when the document does not end with a date line.
 */
export function signatureStart(text: string, lines: readonly LineInfo[]): number | undefined {
  let last = lines.length - 1;
  while (last > 0 && lines[last].kind === 'blank') last--;
  if (last < 0) return undefined;
  const lineText = (i: number) => text.slice(lines[i].contentStart, lines[i].end);
  const l = lines[last];
  if (l.kind !== 'text' || l.numbered || !DATE_LINE.test(lineText(last))) return undefined;
  let start = last;
  for (let k = 0; k < 2; k++) {
    let i = start - 1;
    while (i >= 0 && lines[i].kind === 'blank') i--;
    if (i < 0 || i !== start - 1) break;
    const above = lines[i];
    if (above.kind !== 'text' || above.numbered || above.heading || !SIGNER_LINE.test(lineText(i))) break;
    start = i;
  }
  return start;
}
