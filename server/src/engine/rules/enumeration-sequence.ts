// enumeration-sequence: inline ordinals (一是 二是…, 第一， 第二，…, 其一 其二…) count in order
// within their section, without gap or repeat (GB/T 15834-2011 B.3.7 and B.3.1).

import { formatChineseNumeral } from '../model/numerals.js';
import type { InlineOrdinal } from '../model/report-model.js';
import { msg, type OffsetEdit, type Rule } from '../rule.js';
import { sequenceSteps, stepsToRenumber } from './sequence.js';
import { anyBetween } from '../model/omission.js';

export const enumerationSequence: Rule = {
  meta: {
    id: 'enumeration-sequence',
    description: msg('同一层次内的“一是、二是……”“第一、第二……”应依次递增，不跳、不重', 'Inline ordinals (一是 二是…, 第一 第二…) count in order within their section'),
    defaultSeverity: 'warning',
    docs: 'docs/rules/enumeration-sequence.md',
    fixable: true,
  },
  check({ model, report }) {
    const runs = new Map<string, InlineOrdinal[]>();
    for (const o of model.ordinals) {
      const key = `${o.scope}|${o.style}`;
      const list = runs.get(key);
      if (list) list.push(o);
      else runs.set(key, [o]);
    }
    const omissions = model.omissions;
    for (const run of runs.values()) for (const [list, startAfter] of splitAtOmissions(omissions, run)) {
      // Starting again at 一 begins a new run: writers often open a second list in a section.
      // A run that does not start at 一 is reported only when it has at least two members:
      // a lone 二是 may continue a list interrupted by a sub-list.
      const steps = sequenceSteps(list, { valueOf: (o) => o.value, mayRestart: () => true, acceptLoneStart: true, startAfter });
      steps.forEach((step, i) => {
        if (!step.isBreak) return;
        const { item: o, expected, prev } = step;
        const edits: OffsetEdit[] = stepsToRenumber(steps, i).map((s) => ({ start: s.item.numeralStart, end: s.item.numeralEnd, text: formatChineseNumeral(s.expected) }));
        const written = o.written.replace(/[，,、：:]$/, '');
        const want = written.replace(/[一二三四五六七八九十]+/, formatChineseNumeral(expected));
        const zhPrev = formatChineseNumeral(prev);
        const kind =
          prev === 0
            ? msg(`前面没有「${written.replace(/[一二三四五六七八九十]+/, '一')}」`, `has no "${written.replace(/[一二三四五六七八九十]+/, '一')}" before it`)
            : o.value === prev
              ? msg('与上一项重复', 'repeats the previous one')
              : o.value < prev
                ? msg(`排在「${zhPrev}」之后却更小`, `comes after ${zhPrev} but is smaller`)
                : msg(`跳过了「${formatChineseNumeral(prev + 1)}」`, `skips ${formatChineseNumeral(prev + 1)}`);
        const after = expected === prev + 1 ? msg('此处应为', 'expected') : msg('依次重排后此处应为', 'in order this becomes');
        report({
          start: o.start,
          end: o.end,
          message: msg(`「${written}」${kind['zh-CN']}，${after['zh-CN']}「${want}」`, `"${written}" ${kind.en}; ${after.en} "${want}"`),
          fix: edits.length ? { title: msg('依次重排本段的序数词', 'Renumber the ordinals of this section'), edits } : undefined,
        });
      });
    }
  },
};

/**
 * A site's omission marker (……略……, ……此处隐藏N个字……) between two ordinals means text is
 * missing there: the ordinals after it start a run of their own that counts on from wherever
 * they start. Returns the parts of a run with the value each continues from.
 */
function splitAtOmissions(omissions: readonly number[], run: InlineOrdinal[]): [InlineOrdinal[], number][] {
  if (omissions.length === 0) return [[run, 0]];
  const parts: [InlineOrdinal[], number][] = [];
  let part: InlineOrdinal[] = [];
  let startAfter = 0;
  for (let i = 0; i < run.length; i++) {
    if (i > 0 && anyBetween(omissions, run[i - 1].end - 1, run[i].start)) {
      parts.push([part, startAfter]);
      part = [];
      startAfter = run[i].value - 1;
    }
    part.push(run[i]);
  }
  parts.push([part, startAfter]);
  return parts;
}
