// word-lines-per-page: in a Word document, a page holds 22 lines of body text (GB/T 9704-2012
// 5.2.3). The line height is what the body paragraphs get: an exact line spacing, or with the
// document's line grid (`w:docGrid` lines) the grid pitch times the spacing in lines. Where the
// height depends on the font alone (single spacing without a grid) it is not known here, and
// nothing is said. The most common line height among the section's body paragraphs counts.

import { defineRule, localized } from '../rule.js';
import type { WordParagraphLayout, WordSectionLayout } from '../word.js';
import { bodyParagraphs, shown } from './word-common.js';

/** A body paragraph's line height in points, when the layout fixes it. */
function lineHeight(p: WordParagraphLayout, s: WordSectionLayout): number | undefined {
  const grid = s.grid && (s.grid.type === 'lines' || s.grid.type === 'linesAndChars') && s.grid.linePitch ? s.grid.linePitch / 20 : undefined;
  const ls = p.lineSpacing ?? { rule: 'auto' as const, value: 1 };
  if (ls.rule === 'exact') return ls.value;
  const pitch = p.snapToGrid ? grid : undefined;
  if (ls.rule === 'atLeast') return pitch !== undefined ? Math.max(ls.value, pitch) : undefined;
  return pitch !== undefined ? pitch * ls.value : undefined;
}

export const wordLinesPerPage = defineRule({
  meta: {
    id: 'word-lines-per-page',
    name: localized('每页行数', 'lines per page'),
    description: localized('Word 文件：每页排 22 行（GB/T 9704—2012 5.2.3）', 'Word documents: 22 lines to a page (GB/T 9704-2012 5.2.3)'),
    category: 'word',
    defaultSeverity: 'warning',
    docs: 'docs/rules/word-lines-per-page.md',
    fixable: false,
    fixNote: localized('在 Word 的「页面设置—文档网格」中设为每页 22 行', 'set 22 lines a page in Word’s Page Setup, Document Grid'),
    input: 'word',
    messages: {
      lines: { 'zh-CN': '每页应排 22 行，按此处 {height} 磅的行距每页排 {lines} 行', en: 'A page holds 22 lines; with this line height of {height} pt it holds {lines}' },
    },
  },
  check({ model, report }) {
    const word = model.word;
    if (!word) return;
    const body = bodyParagraphs(model);
    word.sections.forEach((s, index) => {
      if (s.landscape || s.pageHeight === undefined || s.margins.top === undefined || s.margins.bottom === undefined) return;
      const counts = new Map<number, { n: number; first: WordParagraphLayout }>();
      for (const p of body) {
        if (p.section !== index) continue;
        const h = lineHeight(p, s);
        if (h === undefined || h <= 0) continue;
        const key = Math.round(h * 100) / 100;
        const c = counts.get(key);
        if (c) c.n++;
        else counts.set(key, { n: 1, first: p });
      }
      let best: [number, { n: number; first: WordParagraphLayout }] | undefined;
      for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
      if (!best) return;
      const [height, { first }] = best;
      const gutter = word.gutterAtTop ? (s.margins.gutter ?? 0) : 0;
      const textHeight = (s.pageHeight - s.margins.top - s.margins.bottom - gutter) / 20;
      // A line that ends within a hundredth of a point of the bottom still fits.
      const lines = Math.floor(textHeight / height + 0.01);
      if (lines === 22) return;
      const line = model.lines[model.index.lineIndexAt(first.start)];
      report({ start: first.start, end: Math.min(line.end, first.end), messageId: 'lines', data: { height: shown(height), lines } });
    });
  },
});
