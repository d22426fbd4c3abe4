// numbering-sequence: sibling section markers count 一 二 三… (1 2 3…) from the first,
// without gap, repeat or regression; each parent restarts its children (GB/T 9704-2012 7.3.3).

import { formatNumeral, standardMarker } from '../model/markers.js';
import type { NumberedLine } from '../model/report-model.js';
import { msg, type OffsetEdit, type Rule } from '../rule.js';
import { sequenceSteps, stepsToRenumber } from './sequence.js';
import { anyBetween } from '../model/omission.js';

/** Groups siblings: same scope, same parent, same level, in document order. */
export function siblingGroups(numbered: readonly NumberedLine[]): NumberedLine[][] {
  // Keyed by the parent node itself, then by scope and level: no key string is built per line.
  const byParent = new Map<object, Map<string, NumberedLine[][]>>();
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

const RENUMBER = msg('重新编排此处及其后的同级序号', 'Renumber this and the following siblings');

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

export const numberingSequence: Rule = {
  meta: {
    id: 'numbering-sequence',
    description: msg('同级序号应从一（1）起依次递增，不跳号、不重号、不倒序', 'Sibling section numbers count up from 一 (1) without gaps, repeats or going back'),
    defaultSeverity: 'error',
    docs: 'docs/rules/numbering-sequence.md',
    fixable: true,
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
        // Worded straight into one string per language (tens of thousands of findings are possible).
        let kindZh: string;
        let kindEn: string;
        if (prev === 0) {
          const first = show(n, 1);
          kindZh = `应从「${first}」开始`;
          kindEn = `should start at ${first}`;
        } else if (n.value === prev) {
          kindZh = '与上一个序号重复';
          kindEn = 'repeats the previous number';
        } else if (n.value < prev) {
          const previous = show(n, prev);
          kindZh = `比上一个序号「${previous}」小`;
          kindEn = `goes back from ${previous}`;
        } else {
          const skipped = show(n, prev + 1);
          kindZh = `跳过了「${skipped}」`;
          kindEn = `skips ${skipped}`;
        }
        // After an earlier break the right value follows the position, not the written predecessor.
        const inOrder = expected === prev + 1;
        const message = msg(
          `序号「${written}」${kindZh}，${inOrder ? '此处应为' : '依次重排后此处应为'}「${want}」`,
          `Section number "${written}" ${kindEn}; ${inOrder ? 'expected' : 'in order this becomes'} ${want}`,
        );
        report({
          start: n.marker.start,
          end: n.marker.end,
          message,
          fix: edits.length ? { title: RENUMBER, edits } : undefined,
        });
      });
    }
  },
};
