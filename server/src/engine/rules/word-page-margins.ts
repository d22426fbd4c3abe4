// word-page-margins: in a Word document, the page is A4 with a top margin (天头) of 37 mm and a
// left margin (订口) of 28 mm, and the type area (版心) is 156 × 225 mm (GB/T 9704-2012 5.1,
// 5.2.1), each within 1 mm. A gutter counts with the margin it widens. Landscape sections (a
// wide table in an attachment) are not checked. The findings stand on the section's first paragraph.

import { defineRule, localized } from '../rule.js';
import { mm, shown } from './word-common.js';

const TOLERANCE = 1;

export const wordPageMargins = defineRule({
  meta: {
    id: 'word-page-margins',
    name: localized('页边距与版心', 'margins and type area'),
    description: localized(
      'Word 文件：A4 纸，上白边 37 毫米、左白边 28 毫米，版心 156×225 毫米，误差 1 毫米（GB/T 9704—2012 5.2.1）',
      'Word documents: A4 paper, top margin 37 mm, left margin 28 mm, type area 156 × 225 mm, within 1 mm (GB/T 9704-2012 5.2.1)',
    ),
    category: 'word',
    defaultSeverity: 'warning',
    docs: 'docs/rules/word-page-margins.md',
    fixable: false,
    fixNote: localized('在 Word 的「页面设置」中修改', 'change it in Word’s Page Setup'),
    input: 'word',
    messages: {
      paper: { 'zh-CN': '纸张应为 A4（210×297 毫米），此处为 {width}×{height} 毫米', en: 'The paper is A4 (210 × 297 mm); here it is {width} × {height} mm' },
      top: { 'zh-CN': '上白边（天头）应为 37 毫米，此处为 {value} 毫米', en: 'The top margin is 37 mm; here it is {value} mm' },
      left: { 'zh-CN': '左白边（订口）应为 28 毫米，此处为 {value} 毫米', en: 'The left margin is 28 mm; here it is {value} mm' },
      width: { 'zh-CN': '版心宽度应为 156 毫米（左右白边之外），此处为 {value} 毫米', en: 'The type area is 156 mm wide (inside the margins); here it is {value} mm' },
      height: { 'zh-CN': '版心高度应为 225 毫米（上下白边之内），此处为 {value} 毫米', en: 'The type area is 225 mm high (inside the margins); here it is {value} mm' },
    },
  },
  check({ model, report }) {
    const word = model.word;
    if (!word) return;
    for (const s of word.sections) {
      if (s.landscape || s.pageWidth === undefined || s.pageHeight === undefined) continue;
      const line = model.lines[model.index.lineIndexAt(s.start)];
      const at = { start: Math.max(s.start, line.contentStart), end: line.end };
      const off = (value: number, want: number) => Math.abs(value - want) > TOLERANCE;
      const width = mm(s.pageWidth);
      const height = mm(s.pageHeight);
      if (off(width, 210) || off(height, 297)) {
        report({ ...at, messageId: 'paper', data: { width: shown(width), height: shown(height) } });
        continue; // margins on another paper say nothing more
      }
      const { top, bottom, left, right } = s.margins;
      if (top === undefined || bottom === undefined || left === undefined || right === undefined) continue;
      const gutter = s.margins.gutter ?? 0;
      const topAll = mm(top + (word.gutterAtTop ? gutter : 0));
      const leftAll = mm(left + (word.gutterAtTop ? 0 : gutter));
      const textWidth = width - leftAll - mm(right);
      const textHeight = height - topAll - mm(bottom);
      if (off(topAll, 37)) report({ ...at, messageId: 'top', data: { value: shown(topAll) } });
      if (off(leftAll, 28)) report({ ...at, messageId: 'left', data: { value: shown(leftAll) } });
      if (off(textWidth, 156)) report({ ...at, messageId: 'width', data: { value: shown(textWidth) } });
      if (off(textHeight, 225)) report({ ...at, messageId: 'height', data: { value: shown(textHeight) } });
    }
  },
});
