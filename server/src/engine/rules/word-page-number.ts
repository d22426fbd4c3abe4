// word-page-number: in a Word document, page numbers are Arabic digits with a 一字线 on each
// side, `— 1 —`, in 4号 (14 pt) half-width 宋体; with different odd and even footers, odd pages
// right and even pages left (GB/T 9704-2012 7.5). Checked in each footer that has the page-number
// field, once per distinct footer; a document whose footers have no page number at all gets
// one finding. The findings stand on the first paragraph of the section.

import { defineRule, localized } from '../rule.js';
import type { WordFooterLayout } from '../word.js';
import { shown } from './word-common.js';

/** — 1 — with an em dash (U+2014) or a horizontal bar (U+2015) on each side, spaces optional. */
const STANDARD = /^[—―][ \u00a0\u3000]?\{PAGE\}[ \u00a0\u3000]?[—―]$/;

/** The footer's text as a reader sees it on page 1 (or 2): the field as the number. */
function rendered(f: WordFooterLayout, page: number, format: string | undefined): string {
  const n = format === 'chineseCounting' || format === 'chineseCountingThousand' ? '一二'[page - 1] : format === 'upperRoman' ? 'I'.repeat(page) : format === 'lowerRoman' ? 'i'.repeat(page) : String(page);
  return f.pattern.split('{PAGE}').join(n).replace(/\s*\n\s*/g, ' ').trim();
}

export const wordPageNumber = defineRule({
  meta: {
    id: 'word-page-number',
    name: localized('页码格式', 'page-number format'),
    description: localized(
      'Word 文件：页码用4号阿拉伯数字，两侧各一条一字线「— 1 —」，单页居右、双页居左（GB/T 9704—2012 7.5）',
      'Word documents: page numbers in 14 pt Arabic digits between dashes, “— 1 —”, odd pages right and even pages left (GB/T 9704-2012 7.5)',
    ),
    category: 'word',
    defaultSeverity: 'warning',
    docs: 'docs/rules/word-page-number.md',
    fixable: false,
    fixNote: localized('在 Word 的页脚中修改', 'change the footer in Word'),
    input: 'word',
    messages: {
      missing: { 'zh-CN': '页脚中没有页码：公文的页码写作「— 1 —」', en: 'The footers have no page number; it is written “— 1 —”' },
      format: { 'zh-CN': '页码应写作「— 1 —」（数字两侧各一条一字线），此处为「{found}」', en: 'Page numbers are written “— 1 —” (a dash on each side); here it is “{found}”' },
      size: { 'zh-CN': '页码应使用4号字（14磅），此处为 {size} 磅', en: 'Page numbers are 四号 (14 pt); here they are {size} pt' },
      oddPlace: { 'zh-CN': '单页页码应居右（右空一字），此处为{align}', en: 'Odd-page numbers stand on the right (one character in); here: {align}' },
      evenPlace: { 'zh-CN': '双页页码应居左（左空一字），此处为{align}', en: 'Even-page numbers stand on the left (one character in); here: {align}' },
    },
  },
  check({ model, report }) {
    const word = model.word;
    if (!word || word.sections.length === 0) return;
    const at = (start: number) => {
      const line = model.lines[model.index.lineIndexAt(start)];
      return { start: Math.max(start, line.contentStart), end: line.end };
    };
    const anyPage = word.sections.some((s) => s.footers.some((f) => f.hasPageField));
    if (!anyPage) {
      if (model.text.trim().length > 0) report({ ...at(word.sections[0].start), messageId: 'missing' });
      return;
    }
    const seen = new Set<string>();
    const ALIGN: Record<string, { 'zh-CN': string; en: string }> = {
      center: localized('居中', 'centred'),
      left: localized('居左', 'left'),
      right: localized('居右', 'right'),
      both: localized('两端对齐', 'justified'),
    };
    for (const s of word.sections) {
      for (const f of s.footers) {
        if (!f.hasPageField || (f.kind === 'even' && !word.evenAndOddFooters) || (f.kind === 'first' && !s.titlePage)) continue;
        const key = `${f.kind}\u0000${f.pattern}\u0000${f.size}\u0000${f.align}\u0000${s.pageNumberFormat}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const where = at(s.start);
        const format = s.pageNumberFormat;
        const digits = format === undefined || format === 'decimal' || format === 'decimalHalfWidth';
        if (!STANDARD.test(f.pattern.trim()) || !digits) report({ ...where, messageId: 'format', data: { found: rendered(f, f.kind === 'even' ? 2 : 1, format) } });
        if (f.size !== undefined && Math.abs(f.size - 14) >= 0.25) report({ ...where, messageId: 'size', data: { size: shown(f.size) } });
        if (word.evenAndOddFooters && f.kind !== 'first') {
          const align = f.align ?? 'left';
          if (f.kind === 'default' && align !== 'right') report({ ...where, messageId: 'oddPlace', data: { align: ALIGN[align] ?? align } });
          if (f.kind === 'even' && align !== 'left') report({ ...where, messageId: 'evenPlace', data: { align: ALIGN[align] ?? align } });
        }
      }
    }
  },
});
