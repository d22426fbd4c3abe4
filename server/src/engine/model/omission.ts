// Where a template or document site cut text out and left a marker: ……略……, ……此处隐藏860个字……,
// （略）. Text is missing there, so no count runs across it (see enumeration-sequence and
// numbering-sequence), and no restart after it is read as a level error.

/** Global and sticky-free: set lastIndex, exec, and compare the match's index. Every quantifier is bounded. */
export const OMISSION = /此处(?:隐藏|省略|已隐藏)[0-9０-９]{1,6}个?字|(?:……|…|\.{3,6})[（(]?略[）)]?(?:……|…|\.{3,6})|[（(]略[）)]|…{4,12}/g;

/** Where the text's omission markers start, in order: one scan, only when the text has one's characters. */
export function omissionStarts(text: string): number[] {
  const out: number[] = [];
  if (!text.includes('略') && !text.includes('此处') && !text.includes('……')) return out;
  OMISSION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OMISSION.exec(text))) out.push(m.index);
  return out;
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

