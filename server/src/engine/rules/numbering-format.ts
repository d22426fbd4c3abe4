// numbering-format: section markers and inline ordinals in the standard form of
// GB/T 15834-2011 appendix B.3: 一、 （一） 1. （1）, 一是 without a comma, 第一，.

import type { Level } from '../model/markers.js';
import { msg, type OffsetEdit, type Rule } from '../rule.js';

const CLAUSE: Record<Level, string> = {
  1: 'B.3.2',
  2: 'B.3.4',
  3: 'B.3.3',
  4: 'B.3.4',
  5: 'B.3.4',
};

export const numberingFormat: Rule = {
  meta: {
    id: 'numbering-format',
    description: msg('序号应使用标准写法：一、（一）1.（1），“一是”后不加逗号', 'Section markers are written in the standard form 一、 （一） 1. （1）; no comma after 一是'),
    defaultSeverity: 'warning',
    docs: 'docs/rules/numbering-format.md',
    fixable: true,
  },
  check({ model, report }) {
    for (const n of model.numbered) {
      const m = n.marker;
      if (m.isStandard) continue;
      const numeralText = model.text.slice(m.numeralStart, m.numeralEnd);
      const standardNumeral = m.level === 3 || m.level === 4 ? String(m.value) : numeralText;
      const at = m.standard.indexOf(standardNumeral);
      const wantPrefix = m.standard.slice(0, at);
      const wantSuffix = m.standard.slice(at + standardNumeral.length);
      const edits: OffsetEdit[] = [];
      if (model.text.slice(m.start, m.numeralStart) !== wantPrefix) edits.push({ start: m.start, end: m.numeralStart, text: wantPrefix });
      if (numeralText !== standardNumeral) edits.push({ start: m.numeralStart, end: m.numeralEnd, text: standardNumeral });
      if (model.text.slice(m.numeralEnd, m.end) !== wantSuffix) edits.push({ start: m.numeralEnd, end: m.end, text: wantSuffix });
      const clause = CLAUSE[m.level];
      let message;
      if (m.missing) {
        const mark = m.standard.slice(m.standard.indexOf(standardNumeral) + standardNumeral.length);
        message = msg(
          `序号「${m.written}」后缺少「${mark}」，应写作「${m.standard}」（GB/T 15834—2011 ${clause}）`,
          `Section marker "${m.written}" lacks its "${mark}": write "${m.standard}" (GB/T 15834-2011 ${clause})`,
        );
      } else if (m.demoted) {
        const parent = n.parent?.kind === 'numbered' ? n.parent.marker.written : '';
        message = msg(
          `序号「${m.written}」所在的一组在${parent ? `「${parent}」部分` : '上一部分'}之内从一重新编号，是下一级序号，应写作「${m.standard}」（GB/T 9704—2012 7.3.3）`,
          `Section marker "${m.written}" is in a run that starts again at 1 inside ${parent ? `section "${parent}"` : 'the section above'}: it is the next level down, "${m.standard}" (GB/T 9704-2012 7.3.3)`,
        );
      } else {
        message = msg(
          `序号「${m.written}」应写作「${m.standard}」（GB/T 15834—2011 ${clause}）`,
          `Section marker "${m.written}" should be written "${m.standard}" (GB/T 15834-2011 ${clause})`,
        );
      }
      report({
        start: m.start,
        end: m.end,
        message,
        fix: { title: msg(`改为「${m.standard}」`, `Change to "${m.standard}"`), edits },
      });
    }
    const text = model.text;
    for (const o of model.ordinals) {
      if (o.style === 'shi') {
        const next = text[o.end];
        if (next === '，' || next === ',' || next === '、') {
          const word = text.slice(o.start, o.end);
          report({
            start: o.start,
            end: o.end + 1,
            message: msg(
              `「${word}${next}」后不加标点，应写作「${word}」（GB/T 15834—2011 B.3.7）`,
              `No punctuation after "${word}": write "${word}" (GB/T 15834-2011 B.3.7)`,
            ),
            fix: { title: msg(`删去「${word}」后的「${next}」`, `Remove "${next}" after "${word}"`), edits: [{ start: o.end, end: o.end + 1, text: '' }] },
          });
        }
      } else if (text[o.end] === '、') {
        const word = text.slice(o.start, o.end);
        report({
          start: o.start,
          end: o.end + 1,
          message: msg(`「${word}」作序次语时后面用逗号，应写作「${word}，」（GB/T 15834—2011 B.3.1）`, `"${word}" as an ordinal takes a comma: "${word}，" (GB/T 15834-2011 B.3.1)`),
          fix: { title: msg(`改为「${word}，」`, `Change to "${word}，"`), edits: [{ start: o.end, end: o.end + 1, text: '，' }] },
        });
      }
    }
  },
};
