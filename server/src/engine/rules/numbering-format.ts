// numbering-format: section markers and inline ordinals in the standard form of
// GB/T 15834-2011 appendix B.3: 一、 （一） 1. （1）, 一是 without a comma, 第一，.

import type { Level } from '../model/markers.js';
import { defineRule, localized, type OffsetEdit } from '../rule.js';

const CLAUSE: Record<Level, string> = {
  1: 'B.3.2',
  2: 'B.3.4',
  3: 'B.3.3',
  4: 'B.3.4',
  5: 'B.3.4',
};

export const numberingFormat = defineRule({
  meta: {
    id: 'numbering-format',
    name: localized('序号写法', 'section number form'),
    description: localized('序号应使用标准写法：一、（一）1.（1），“一是”后不加逗号', 'Section markers are written in the standard form 一、 （一） 1. （1）; no comma after 一是'),
    category: 'numbering',
    defaultSeverity: 'warning',
    docs: 'docs/rules/numbering-format.md',
    fixable: true,
    fixNote: localized('改为标准写法', 'rewrites the marker in the standard form'),
    messages: {
      nonStandard: { 'zh-CN': '序号「{marker}」应写作「{standard}」（GB/T 15834—2011 {clause}）', en: 'Section marker "{marker}" should be written "{standard}" (GB/T 15834-2011 {clause})' },
      missingMark: { 'zh-CN': '序号「{marker}」后缺少「{mark}」，应写作「{standard}」（GB/T 15834—2011 {clause}）', en: 'Section marker "{marker}" lacks its "{mark}": write "{standard}" (GB/T 15834-2011 {clause})' },
      demoted: {
        'zh-CN': '序号「{marker}」所在的一组在「{parent}」部分之内从一重新编号，是下一级序号，应写作「{standard}」（GB/T 9704—2012 7.3.3）',
        en: 'Section marker "{marker}" is in a run that starts again at 1 inside section "{parent}": it is the next level down, "{standard}" (GB/T 9704-2012 7.3.3)',
      },
      demotedAbove: {
        'zh-CN': '序号「{marker}」所在的一组在上一部分之内从一重新编号，是下一级序号，应写作「{standard}」（GB/T 9704—2012 7.3.3）',
        en: 'Section marker "{marker}" is in a run that starts again at 1 inside the section above: it is the next level down, "{standard}" (GB/T 9704-2012 7.3.3)',
      },
      // {quoted}: the zh text quotes the ordinal with its mark (「一是，」), the en one without ("一是").
      markAfterShi: { 'zh-CN': '「{quoted}」后不加标点，应写作「{word}」（GB/T 15834—2011 B.3.7）', en: 'No punctuation after "{quoted}": write "{word}" (GB/T 15834-2011 B.3.7)' },
      ordinalComma: { 'zh-CN': '「{word}」作序次语时后面用逗号，应写作「{word}，」（GB/T 15834—2011 B.3.1）', en: '"{word}" as an ordinal takes a comma: "{word}，" (GB/T 15834-2011 B.3.1)' },
      changeTo: { 'zh-CN': '改为「{text}」', en: 'Change to "{text}"' },
      removeMark: { 'zh-CN': '删去「{word}」后的「{mark}」', en: 'Remove "{mark}" after "{word}"' },
    },
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
      if (m.missing) {
        // A marker without its mark (三以……) is written out whole, as numbering-sequence's renumber
        // writes it: an insertion at its end would not conflict with that renumber, and both would
        // land (三、、).
        edits.push({ start: m.start, end: m.end, text: m.standard });
      } else {
        if (model.text.slice(m.start, m.numeralStart) !== wantPrefix) edits.push({ start: m.start, end: m.numeralStart, text: wantPrefix });
        if (numeralText !== standardNumeral) edits.push({ start: m.numeralStart, end: m.numeralEnd, text: standardNumeral });
        if (model.text.slice(m.numeralEnd, m.end) !== wantSuffix) edits.push({ start: m.numeralEnd, end: m.end, text: wantSuffix });
      }
      const where = { start: m.start, end: m.end, fix: { messageId: 'changeTo' as const, data: { text: m.standard }, edits } };
      const marker = m.written;
      const standard = m.standard;
      if (m.missing) {
        const mark = m.standard.slice(m.standard.indexOf(standardNumeral) + standardNumeral.length);
        report({ ...where, messageId: 'missingMark', data: { marker, mark, standard, clause: CLAUSE[m.level] } });
      } else if (m.demoted) {
        const parent = n.parent?.kind === 'numbered' ? n.parent.marker.written : '';
        if (parent) report({ ...where, messageId: 'demoted', data: { marker, parent, standard } });
        else report({ ...where, messageId: 'demotedAbove', data: { marker, standard } });
      } else {
        report({ ...where, messageId: 'nonStandard', data: { marker, standard, clause: CLAUSE[m.level] } });
      }
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
            messageId: 'markAfterShi',
            data: { quoted: localized(`${word}${next}`, word), word },
            fix: { messageId: 'removeMark', data: { word, mark: next }, edits: [{ start: o.end, end: o.end + 1, text: '' }] },
          });
        }
      } else if (text[o.end] === '、') {
        const word = text.slice(o.start, o.end);
        report({
          start: o.start,
          end: o.end + 1,
          messageId: 'ordinalComma',
          data: { word },
          fix: { messageId: 'changeTo', data: { text: `${word}，` }, edits: [{ start: o.end, end: o.end + 1, text: '，' }] },
        });
      }
    }
  },
});
