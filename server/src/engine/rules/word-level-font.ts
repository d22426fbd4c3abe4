// word-level-font: in a Word document, the heading part of each level is set in its font
// (GB/T 9704-2012 7.3.3): 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋. A run-in heading
// （一）加强组织领导。全局…… takes the level's font up to its 。 only; the body after it is body
// text (word-body-font). Font names of one family are one font (仿宋_GB2312 is 仿宋).

import { defineRule, localized } from '../rule.js';
import { FAMILY_NAMES, fontFamily, type FontFamily } from '../word-fonts.js';
import type { Level } from '../model/markers.js';
import { hanRuns, headingEnd, numberedOf } from './word-common.js';

const EXPECTED: Partial<Record<Level, FontFamily>> = { 1: 'hei', 2: 'kai', 3: 'fangsong', 4: 'fangsong' };
const LEVEL_NAMES: Record<number, { 'zh-CN': string; en: string }> = {
  1: localized('一级标题（一、）', 'A level-1 heading (一、)'),
  2: localized('二级标题（（一））', 'A level-2 heading (（一）)'),
  3: localized('三级标题（1.）', 'A level-3 heading (1.)'),
  4: localized('四级标题（（1））', 'A level-4 heading (（1）)'),
};

export const wordLevelFont = defineRule({
  meta: {
    id: 'word-level-font',
    name: localized('各级标题字体', 'heading fonts by level'),
    description: localized(
      'Word 文件：一级标题用黑体，二级标题用楷体，三级、四级标题用仿宋（GB/T 9704—2012 7.3.3）',
      'Word documents: level-1 headings in 黑体, level 2 in 楷体, levels 3 and 4 in 仿宋 (GB/T 9704-2012 7.3.3)',
    ),
    category: 'word',
    defaultSeverity: 'warning',
    docs: 'docs/rules/word-level-font.md',
    fixable: false,
    fixNote: localized('在 Word 中改字体，或导出时由 gongwen 设置', 'change the font in Word, or let the export set it'),
    input: 'word',
    messages: {
      font: { 'zh-CN': '{level}应使用{expected}，此处为「{found}」', en: '{level} is set in {expected}; here it is "{found}"' },
    },
  },
  check({ model, report }) {
    const word = model.word;
    if (!word) return;
    for (const p of word.paragraphs) {
      if (p.where !== 'body') continue;
      const n = numberedOf(model, p);
      if (!n) continue;
      const expected = EXPECTED[n.level];
      if (!expected) continue;
      const end = headingEnd(model, n, p);
      const wrong = hanRuns(model, p, n.marker.start, end).find((r) => {
        const family = fontFamily(r.eastAsia);
        return family !== undefined && family !== expected;
      });
      if (!wrong) continue;
      report({
        start: Math.max(wrong.start, n.marker.start),
        end: Math.min(wrong.end, end),
        messageId: 'font',
        data: { level: LEVEL_NAMES[n.level], expected: FAMILY_NAMES[expected], found: wrong.eastAsia! },
      });
    }
  },
});
