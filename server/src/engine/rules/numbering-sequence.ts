// numbering-sequence: sibling section markers count 一 二 三… (1 2 3…) from the first,
// without gap, repeat or regression; each parent restarts its children (GB/T 9704-2012 7.3.3).

import { formatNumeral } from '../model/markers.js';
import type { NumberedLine } from '../model/report-model.js';
import { msg, type OffsetEdit, type Rule } from '../rule.js';

/** Groups siblings: same scope, same parent, same level, in document order. */
export function siblingGroups(numbered: readonly NumberedLine[]): NumberedLine[][] {
  const groups = new Map<string, NumberedLine[]>();
  for (const n of numbered) {
    const parentKey = n.parent ? `${n.parent.kind}:${n.parent.line}` : 'root';
    const key = `${n.scope}|${parentKey}|${n.level}`;
    const g = groups.get(key);
    if (g) g.push(n);
    else groups.set(key, [n]);
  }
  return [...groups.values()];
}

function show(n: NumberedLine, value: number): string {
  return formatNumeral(n.level, value);
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
    for (const group of siblingGroups(model.numbered)) {
      // First the right value of each sibling and where the breaks are.
      const steps: { n: NumberedLine; expected: number; prev: number; isBreak: boolean; restart: boolean }[] = [];
      let prev = 0; // the previous sibling's value as written
      let position = 0; // siblings of this run before this one: the right value is position + 1
      for (const n of group) {
        // Arabic and circled lists (levels 3–5) may start a new run at 1 under the same parent.
        if (n.value === 1 && n.level >= 3) {
          steps.push({ n, expected: 1, prev, isBreak: false, restart: true });
          prev = 1;
          position = 1;
          continue;
        }
        const expected = ++position;
        // In order after its predecessor, or already right once an earlier break is fixed.
        const isBreak = !(n.value === prev + 1 || n.value === expected);
        steps.push({ n, expected, prev, isBreak, restart: false });
        prev = n.value;
      }
      steps.forEach((step, i) => {
        if (!step.isBreak) return;
        const { n, expected, prev } = step;
        // The fix renumbers this marker and the siblings after it, up to the next break (which
        // carries its own fix), so that all fixes together renumber the run in one pass.
        const edits: OffsetEdit[] = [];
        for (let j = i; j < steps.length && (j === i || !(steps[j].isBreak || steps[j].restart)); j++) {
          const s = steps[j];
          if (s.n.value !== s.expected) edits.push({ start: s.n.marker.numeralStart, end: s.n.marker.numeralEnd, text: show(s.n, s.expected) });
        }
        const written = n.marker.written;
        const want = show(n, expected);
        const kind =
          prev === 0
            ? msg(`应从「${show(n, 1)}」开始`, `should start at ${show(n, 1)}`)
            : n.value === prev
              ? msg('与上一个序号重复', 'repeats the previous number')
              : n.value < prev
                ? msg(`比上一个序号「${show(n, prev)}」小`, `goes back from ${show(n, prev)}`)
                : msg(`跳过了「${show(n, prev + 1)}」`, `skips ${show(n, prev + 1)}`);
        // After an earlier break the right value follows the position, not the written predecessor.
        const after = expected === prev + 1 ? msg('此处应为', 'expected') : msg('依次重排后此处应为', 'in order this becomes');
        report({
          start: n.marker.start,
          end: n.marker.end,
          message: msg(`序号「${written}」${kind['zh-CN']}，${after['zh-CN']}「${want}」`, `Section number "${written}" ${kind.en}; ${after.en} ${want}`),
          fix: edits.length ? { title: msg('重新编排此处及其后的同级序号', 'Renumber this and the following siblings'), edits } : undefined,
        });
      });
    }
  },
};
