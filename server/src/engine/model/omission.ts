// Where a template or document site cut text out and left a marker: ……略……, ……此处隐藏860个字……,
// （略）. Text is missing there, so no count runs across it (see enumeration-sequence and
// numbering-sequence), and no restart after it is read as a level error.

/** The markers, each tried only where its one rare character is: 此处, 略, or four …. Sticky,
 * from a start found by indexOf; every quantifier is bounded. */
const HIDDEN = /此处(?:隐藏|省略|已隐藏)[0-9０-９]{1,6}个?字/y;
const CUT = /(?:……|…|\.{3,6})[（(]?略[）)]?(?:……|…|\.{3,6})|[（(]略[）)]/y;

/** Where the text's omission markers start, in order. */
export function omissionStarts(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf('此处'); at >= 0; at = text.indexOf('此处', at + 2)) {
    HIDDEN.lastIndex = at;
    if (HIDDEN.test(text)) out.push(at);
  }
  for (let at = text.indexOf('略'); at >= 0; at = text.indexOf('略', at + 1)) {
    // The marker opens up to six characters before 略 (......略......).
    for (let from = Math.max(0, at - 7); from < at; from++) {
      CUT.lastIndex = from;
      if (CUT.test(text)) {
        out.push(from);
        break;
      }
    }
  }
  let run = text.indexOf('…………');
  while (run >= 0) {
    out.push(run);
    let end = run + 4;
    while (text[end] === '…') end++;
    run = text.indexOf('…………', end);
  }
  return out.length > 1 ? [...new Set(out)].sort((a, b) => a - b) : out;
}

/** Whether a sorted list holds a value in (from, to). */
export function anyBetween(sorted: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < to;
}

