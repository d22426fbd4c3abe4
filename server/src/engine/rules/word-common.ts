// What the Word-only rules share: which paragraphs are body text, where a numbered paragraph's
// heading part ends, stretches of paragraphs with one deviation, units.

import type { ReportModel } from '../model/report-model.js';
import type { NumberedLine } from '../model/model-types.js';
import { paragraphAt, TWIPS_PER_MM, type WordParagraphLayout, type WordRunLayout } from '../word.js';
import { hasHan } from '../word-fonts.js';

/** The model's numbered line of a Word paragraph, if its text opens with a marker. */
export function numberedOf(model: ReportModel, p: WordParagraphLayout): NumberedLine | undefined {
  const line = model.lines[model.index.lineIndexAt(p.start)];
  const n = line.numbered;
  return n && n.marker.start >= p.start && n.marker.start < p.end ? n : undefined;
}

/** Where the heading part of a numbered paragraph ends: after its first sentence end (`（一）加强领导。`), or the paragraph's end. */
export function headingEnd(model: ReportModel, n: NumberedLine, p: WordParagraphLayout): number {
  const text = model.text;
  for (let i = n.marker.end; i < p.end; i++) {
    const c = text[i];
    if (c === '。' || c === '！' || c === '？' || c === '；' || c === '\n') return c === '\n' ? i : i + 1;
  }
  return p.end;
}

/**
 * Paragraphs of body text, as 7.3.3 sets them: in the body (not tables, notes or text boxes), not
 * the title, not centred or right-aligned (subtitles, the signature), not an unnumbered heading
 * (附件, a heading style), with Han characters.
 */
export function bodyParagraphs(model: ReportModel): WordParagraphLayout[] {
  const word = model.word;
  if (!word) return [];
  const titleLine = model.title?.line;
  const signatureFrom = model.signature?.startLine ?? Infinity;
  return word.paragraphs.filter((p) => {
    if (p.where !== 'body' || p.title) return false;
    if (p.align === 'center' || p.align === 'right') return false;
    const line = model.lines[model.index.lineIndexAt(p.start)];
    if (line.number === titleLine || line.number >= signatureFrom) return false;
    if (line.heading && !line.numbered) return false;
    return hasHan(model.text.slice(p.start, p.end));
  });
}

/** The runs of a paragraph that overlap `[from, to)` and hold Han characters there. */
export function hanRuns(model: ReportModel, p: WordParagraphLayout, from = p.start, to = p.end): WordRunLayout[] {
  return p.runs.filter((r) => r.end > from && r.start < to && hasHan(model.text.slice(Math.max(r.start, from), Math.min(r.end, to))));
}

/** Consecutive items (paragraph after paragraph) with the same key, as one stretch each. */
export function stretches<T>(items: readonly T[], key: (item: T) => string | undefined, consecutive: (a: T, b: T) => boolean): { first: T; count: number; key: string }[] {
  const out: { first: T; count: number; key: string }[] = [];
  let last: T | undefined;
  for (const item of items) {
    const k = key(item);
    const top = out[out.length - 1];
    if (k !== undefined && top && top.key === k && last !== undefined && consecutive(last, item)) top.count++;
    else if (k !== undefined) out.push({ first: item, count: 1, key: k });
    last = k === undefined ? undefined : item;
  }
  return out;
}

/** Whether two body paragraphs follow each other in the document. */
export function adjacent(a: WordParagraphLayout, b: WordParagraphLayout): boolean {
  return b.paragraph === a.paragraph + 1 && b.where === a.where;
}

export function mm(twips: number): number {
  return twips / TWIPS_PER_MM;
}

/** A number for a message: at most one decimal, none when whole. */
export function shown(value: number): string {
  const r = Math.round(value * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

export { paragraphAt };
