// numbering-sequence: sibling section markers count 一 二 三… (1 2 3…) from the first,
// without gap, repeat or regression; each parent restarts its children (GB/T 9704-2012 7.3.3).

import { formatNumeral, standardMarker } from '../model/markers.js';
import type { MarkerScope, NumberedLine } from '../model/report-model.js';
import { defineRule, localized, type OffsetEdit } from '../rule.js';
import { sequenceSteps, stepsToRenumber } from './sequence.js';
import { anyBetween } from '../model/omission.js';

/** Groups siblings: same scope, same parent, same level, in document order. */
export function siblingGroups(numbered: readonly NumberedLine[]): NumberedLine[][] {
  // Keyed by the parent node itself, then by scope and level: no key string is built per line.
  const byParent = new Map<object, Map<MarkerScope, NumberedLine[][]>>();
  const groups: NumberedLine[][] = [];
  for (const n of numbered) {
    const parent: object = n.parent ?? ROOT;
    let byScope = byParent.get(parent);
    if (!byScope) byParent.set(parent, (byScope = new Map()));
    let byLevel = byScope.get(n.scope);
    if (!byLevel) byScope.set(n.scope, (byLevel = []));
    let g = byLevel[n.level];
    if (!g) {
      g = byLevel[n.level] = [];
      groups.push(g);
    }
    g.push(n);
  }
  return groups;
}

const ROOT = {};

/**
 * Headings count among headings. Where Markdown headings and paragraph lines share a level, the
 * headings form one run and each stretch of paragraph lines between them a run of its own, which
 * starts at 1 or goes on from the heading above it: so a fix for a paragraph line never
 * renumbers a heading, and a heading is renumbered only when it is out of order among headings.
 */
function byHeadings(group: NumberedLine[]): [NumberedLine[], number][] {
  let headings = 0;
  for (const n of group) if (n.heading) headings++;
  if (headings === 0 || headings === group.length) return [[group, 0]];
  const out: [NumberedLine[], number][] = [[group.filter((n) => n.heading), 0]];
  let above: NumberedLine | undefined;
  let run: NumberedLine[] = [];
  const flush = () => {
    if (run.length === 0) return;
    out.push([run, above && run[0].value !== 1 ? above.value : 0]);
    run = [];
  };
  for (const n of group) {
    if (n.heading) {
      flush();
      above = n;
    } else run.push(n);
  }
  flush();
  return out;
}

function show(n: NumberedLine, value: number): string {
  return formatNumeral(n.level, value);
}

/** The edit that gives a marker a new number. A marker read as other than it is written (一． a
 * level down, 三 without its 、) is written out whole, so that the renumber also writes it as it
 * is read and no other fix on it is needed. */
function renumbered(n: NumberedLine, value: number): OffsetEdit {
  const m = n.marker;
  if (m.demoted || m.missing) return { start: m.start, end: m.end, text: standardMarker(n.level, show(n, value)) };
  return { start: m.numeralStart, end: m.numeralEnd, text: show(n, value) };
}

export const numberingSequence = defineRule({
  meta: {
    id: 'numbering-sequence',
    name: localized('序号连续', 'section number sequence'),
    description: localized('同级序号应从一（1）起依次递增，不跳号、不重号、不倒序', 'Sibling section numbers count up from 一 (1) without gaps, repeats or going back'),
    category: 'numbering',
    defaultSeverity: 'error',
    docs: 'docs/rules/numbering-sequence.md',
    fixable: true,
    fixNote: localized('重新编排出错处及其后的同级序号', 'renumbers the marker and the siblings after it'),
    messages: {
      gap: { 'zh-CN': '序号「{marker}」跳过了「{skipped}」，此处应为「{expected}」', en: 'Section number "{marker}" skips {skipped}; expected {expected}' },
      gapReordered: { 'zh-CN': '序号「{marker}」跳过了「{skipped}」，依次重排后此处应为「{expected}」', en: 'Section number "{marker}" skips {skipped}; in order this becomes {expected}' },
      repeat: { 'zh-CN': '序号「{marker}」与上一个序号重复，此处应为「{expected}」', en: 'Section number "{marker}" repeats the previous number; expected {expected}' },
      repeatReordered: { 'zh-CN': '序号「{marker}」与上一个序号重复，依次重排后此处应为「{expected}」', en: 'Section number "{marker}" repeats the previous number; in order this becomes {expected}' },
      back: { 'zh-CN': '序号「{marker}」比上一个序号「{previous}」小，此处应为「{expected}」', en: 'Section number "{marker}" goes back from {previous}; expected {expected}' },
      backReordered: { 'zh-CN': '序号「{marker}」比上一个序号「{previous}」小，依次重排后此处应为「{expected}」', en: 'Section number "{marker}" goes back from {previous}; in order this becomes {expected}' },
      start: { 'zh-CN': '序号「{marker}」应从「{first}」开始，此处应为「{expected}」', en: 'Section number "{marker}" should start at {first}; expected {expected}' },
      startReordered: { 'zh-CN': '序号「{marker}」应从「{first}」开始，依次重排后此处应为「{expected}」', en: 'Section number "{marker}" should start at {first}; in order this becomes {expected}' },
      renumber: { 'zh-CN': '重新编排此处及其后的同级序号', en: 'Renumber this and the following siblings' },
    },
  },
  check({ model, report }) {
    const omitted = model.omissions;
    for (const [group, startAfter] of siblingGroups(model.numbered).flatMap(byHeadings)) {
      // Arabic and circled lists (levels 3–5) may start a new run at 1 under the same parent.
      const steps = sequenceSteps(group, { valueOf: (n) => n.value, mayRestart: (n) => n.level >= 3, startAfter });
      steps.forEach((step, i) => {
        if (!step.isBreak) return;
        const { item: n, expected, prev } = step;
        // A marker read without its punctuation, first of its run: nothing shows where it starts.
        if (prev === 0 && n.marker.missing) return;
        // Text cut out by a site (……此处隐藏……) since the sibling before: the count cannot be judged.
        if (i > 0 && omitted.length > 0 && anyBetween(omitted, steps[i - 1].item.marker.end, n.marker.start)) return;
        const edits: OffsetEdit[] = stepsToRenumber(steps, i).map((s) => renumbered(s.item, s.expected));
        const written = n.marker.written;
        const want = show(n, expected);
        // After an earlier break the right value follows the position, not the written predecessor.
        const reordered = expected !== prev + 1;
        const fix = edits.length ? { messageId: 'renumber' as const, edits } : undefined;
        const where = { start: n.marker.start, end: n.marker.end, fix };
        if (prev === 0) report({ ...where, messageId: reordered ? 'startReordered' : 'start', data: { marker: written, first: show(n, 1), expected: want } });
        else if (n.value === prev) report({ ...where, messageId: reordered ? 'repeatReordered' : 'repeat', data: { marker: written, expected: want } });
        else if (n.value < prev) report({ ...where, messageId: reordered ? 'backReordered' : 'back', data: { marker: written, previous: show(n, prev), expected: want } });
        else report({ ...where, messageId: reordered ? 'gapReordered' : 'gap', data: { marker: written, skipped: show(n, prev + 1), expected: want } });
      });
    }
  },
});
