// word-body-font: in a Word document, body text is 3号仿宋, 16 pt (GB/T 9704-2012 5.2.2, 7.3.3).
// Body text: the paragraphs of the body (not the title, tables, notes, text boxes, centred or
// right-aligned lines, unnumbered headings), less the heading part of level-1 and level-2
// headings, which word-level-font checks. Paragraphs in a row with the same deviation are one
// finding, on the first of them.

import { defineRule, localized } from '../rule.js';
import { FAMILY_NAMES, fontFamily } from '../word-fonts.js';
import type { WordParagraphLayout, WordRunLayout } from '../word.js';
import type { ReportModel } from '../model/report-model.js';
import { bodyParagraphs, hanRuns, headingEnd, numberedOf, shown, stretches } from './word-common.js';

const BODY_SIZE = 16;

/** The part of a paragraph that is body text: after the heading part of a level-1 or level-2 heading. */
function bodyFrom(model: ReportModel, p: WordParagraphLayout): number {
  const n = numberedOf(model, p);
  return n && (n.level === 1 || n.level === 2) ? headingEnd(model, n, p) : p.start;
}

function firstWrongFont(model: ReportModel, p: WordParagraphLayout): WordRunLayout | undefined {
  return hanRuns(model, p, bodyFrom(model, p)).find((r) => {
    const f = fontFamily(r.eastAsia);
    return f !== undefined && f !== 'fangsong';
  });
}

function firstWrongSize(model: ReportModel, p: WordParagraphLayout): WordRunLayout | undefined {
  const from = bodyFrom(model, p);
  return p.runs.find((r) => r.end > from && r.size !== undefined && Math.abs(r.size - BODY_SIZE) >= 0.25 && /\S/.test(model.text.slice(Math.max(r.start, from), r.end)));
}

export const wordBodyFont = defineRule({
  meta: {
    id: 'word-body-font',
    name: localized('正文字体字号', 'body font and size'),
    description: localized('Word 文件：正文用3号仿宋（16磅）（GB/T 9704—2012 5.2.2、7.3.3）', 'Word documents: body text in 仿宋, 三号 (16 pt) (GB/T 9704-2012 5.2.2, 7.3.3)'),
    category: 'word',
    defaultSeverity: 'warning',
    docs: 'docs/rules/word-body-font.md',
    fixable: false,
    fixNote: localized('在 Word 中改正文样式，或导出时由 gongwen 设置', 'change the body style in Word, or let the export set it'),
    input: 'word',
    messages: {
      font: { 'zh-CN': '正文应使用{expected}，此处为「{found}」', en: 'Body text is set in {expected}; here it is "{found}"' },
      fontMany: { 'zh-CN': '正文应使用{expected}，此处起连续 {count} 段为「{found}」', en: 'Body text is set in {expected}; from here {count} paragraphs in a row are "{found}"' },
      size: { 'zh-CN': '正文应使用3号字（16磅），此处为 {size} 磅', en: 'Body text is 三号 (16 pt); here it is {size} pt' },
      sizeMany: { 'zh-CN': '正文应使用3号字（16磅），此处起连续 {count} 段为 {size} 磅', en: 'Body text is 三号 (16 pt); from here {count} paragraphs in a row are {size} pt' },
    },
  },
  check({ model, report }) {
    if (!model.word) return;
    const body = bodyParagraphs(model);
    const always = () => true;
    const fonts = new Map<WordParagraphLayout, WordRunLayout>();
    for (const s of stretches(body, (p) => {
      const r = firstWrongFont(model, p);
      if (r) fonts.set(p, r);
      return r?.eastAsia;
    }, always)) {
      const r = fonts.get(s.first)!;
      const data = { expected: FAMILY_NAMES.fangsong, found: s.key };
      if (s.count > 1) report({ start: r.start, end: r.end, messageId: 'fontMany', data: { ...data, count: s.count } });
      else report({ start: r.start, end: r.end, messageId: 'font', data });
    }
    const sizes = new Map<WordParagraphLayout, WordRunLayout>();
    for (const s of stretches(body, (p) => {
      const r = firstWrongSize(model, p);
      if (r) sizes.set(p, r);
      return r ? shown(r.size!) : undefined;
    }, always)) {
      const r = sizes.get(s.first)!;
      if (s.count > 1) report({ start: r.start, end: r.end, messageId: 'sizeMany', data: { size: s.key, count: s.count } });
      else report({ start: r.start, end: r.end, messageId: 'size', data: { size: s.key } });
    }
  },
});
