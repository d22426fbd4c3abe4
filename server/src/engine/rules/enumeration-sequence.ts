// enumeration-sequence: inline ordinals (一是 二是…, 第一， 第二，…, 其一 其二…) count in order
// within their section, without gap or repeat (GB/T 15834-2011 B.3.7 and B.3.1).

import { formatChineseNumeral } from '../model/numerals.js';
import type { InlineOrdinal, OrdinalScope, OrdinalStyle } from '../model/report-model.js';
import { defineRule, localized, type OffsetEdit } from '../rule.js';
import { sequenceSteps, stepsToRenumber } from './sequence.js';
import { anyBetween } from '../model/omission.js';

export const enumerationSequence = defineRule({
  meta: {
    id: 'enumeration-sequence',
    name: localized('“一是、二是”顺序', 'inline ordinal sequence'),
    description: localized('同一层次内的“一是、二是……”“第一、第二……”应依次递增，不跳、不重', 'Inline ordinals (一是 二是…, 第一 第二…) count in order within their section'),
    category: 'numbering',
    defaultSeverity: 'warning',
    docs: 'docs/rules/enumeration-sequence.md',
    fixable: true,
    fixNote: localized('依次重排本部分的序数词', 'renumbers the ordinals of the run'),
    messages: {
      start: { 'zh-CN': '「{ordinal}」前面没有「{first}」，此处应为「{expected}」', en: '"{ordinal}" has no "{first}" before it; expected "{expected}"' },
      startReordered: { 'zh-CN': '「{ordinal}」前面没有「{first}」，依次重排后此处应为「{expected}」', en: '"{ordinal}" has no "{first}" before it; in order this becomes "{expected}"' },
      repeat: { 'zh-CN': '「{ordinal}」与上一项重复，此处应为「{expected}」', en: '"{ordinal}" repeats the previous one; expected "{expected}"' },
      repeatReordered: { 'zh-CN': '「{ordinal}」与上一项重复，依次重排后此处应为「{expected}」', en: '"{ordinal}" repeats the previous one; in order this becomes "{expected}"' },
      back: { 'zh-CN': '「{ordinal}」排在「{previous}」之后却更小，此处应为「{expected}」', en: '"{ordinal}" comes after {previous} but is smaller; expected "{expected}"' },
      backReordered: { 'zh-CN': '「{ordinal}」排在「{previous}」之后却更小，依次重排后此处应为「{expected}」', en: '"{ordinal}" comes after {previous} but is smaller; in order this becomes "{expected}"' },
      gap: { 'zh-CN': '「{ordinal}」跳过了「{skipped}」，此处应为「{expected}」', en: '"{ordinal}" skips {skipped}; expected "{expected}"' },
      gapReordered: { 'zh-CN': '「{ordinal}」跳过了「{skipped}」，依次重排后此处应为「{expected}」', en: '"{ordinal}" skips {skipped}; in order this becomes "{expected}"' },
      renumber: { 'zh-CN': '依次重排本段的序数词', en: 'Renumber the ordinals of this section' },
    },
  },
  check({ model, report }) {
    // Runs: the ordinals of one style in one scope (scopes are shared objects), in order.
    const byScope = new Map<OrdinalScope, Map<OrdinalStyle, InlineOrdinal[]>>();
    const runs: InlineOrdinal[][] = [];
    for (const o of model.ordinals) {
      let styles = byScope.get(o.scope);
      if (!styles) byScope.set(o.scope, (styles = new Map()));
      const list = styles.get(o.style);
      if (list) list.push(o);
      else {
        const run = [o];
        styles.set(o.style, run);
        runs.push(run);
      }
    }
    const omissions = model.omissions;
    for (const run of runs) for (const [list, startAfter] of splitAtOmissions(omissions, run)) {
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
        // After an earlier break the right value follows the position, not the written predecessor.
        const reordered = expected !== prev + 1;
        const fix = edits.length ? { messageId: 'renumber' as const, edits } : undefined;
        const where = { start: o.start, end: o.end, fix };
        if (prev === 0) report({ ...where, messageId: reordered ? 'startReordered' : 'start', data: { ordinal: written, first: written.replace(/[一二三四五六七八九十]+/, '一'), expected: want } });
        else if (o.value === prev) report({ ...where, messageId: reordered ? 'repeatReordered' : 'repeat', data: { ordinal: written, expected: want } });
        else if (o.value < prev) report({ ...where, messageId: reordered ? 'backReordered' : 'back', data: { ordinal: written, previous: formatChineseNumeral(prev), expected: want } });
        else report({ ...where, messageId: reordered ? 'gapReordered' : 'gap', data: { ordinal: written, skipped: formatChineseNumeral(prev + 1), expected: want } });
      });
    }
  },
});

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
