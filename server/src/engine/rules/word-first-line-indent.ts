// word-first-line-indent: in a Word document, each body paragraph's first line is indented two
// characters (GB/T 9704-2012 7.3.3), headings 一、 （一） included. The indent is what Word shows:
// the left indent plus the first-line indent (or less the hanging one), in characters of the
// paragraph's size, plus any full-width spaces typed at its start. Within a quarter of a character
// is two characters. Not checked: the title, centred and right-aligned lines, the signature, the
// line of the addressee (主送机关, flush left, ending in ：) and the 附件 list (附件：1.… and the
// 2.… 3.… paragraphs under it, set with a hanging indent that aligns the names, 7.3.4).

import { defineRule, localized } from '../rule.js';
import type { WordParagraphLayout } from '../word.js';
import type { ReportModel } from '../model/report-model.js';
import { bodyParagraphs, numberedOf, shown, stretches } from './word-common.js';

/** The indent of a paragraph's first line, in characters of its text's size. */
function indentChars(model: ReportModel, p: WordParagraphLayout): number {
  const size = p.runs.find((r) => r.size !== undefined && /\S/.test(model.text.slice(r.start, r.end)))?.size ?? p.markSize ?? 16;
  const char = size * 20; // twips in one character
  const ind = p.indent;
  const left = ind.leftChars ? (ind.leftChars / 100) * char : (ind.left ?? 0);
  const first = ind.firstLineChars ? (ind.firstLineChars / 100) * char : (ind.firstLine ?? 0);
  const hanging = ind.hangingChars ? (ind.hangingChars / 100) * char : (ind.hanging ?? 0);
  let typed = 0;
  // Spaces typed at the start: the Markdown left out the ASCII ones, so read the paragraph's own start.
  for (let i = p.start; i < p.end; i++) {
    const c = model.text[i];
    if (c === '\u3000') typed += 1;
    else break;
  }
  return (left + first - hanging) / char + typed;
}

/** The addressee line under the title: short, ending in a colon, before any section. */
function isAddressee(model: ReportModel, p: WordParagraphLayout, index: number): boolean {
  if (index > 0) return false;
  const text = model.text.slice(p.start, p.end).trim();
  return text.length <= 40 && /[：:]$/.test(text);
}

export const wordFirstLineIndent = defineRule({
  meta: {
    id: 'word-first-line-indent',
    name: localized('首行缩进', 'first-line indent'),
    description: localized('Word 文件：正文每段首行缩进两个字（GB/T 9704—2012 7.3.3）', 'Word documents: the first line of each body paragraph is indented two characters (GB/T 9704-2012 7.3.3)'),
    category: 'word',
    defaultSeverity: 'warning',
    docs: 'docs/rules/word-first-line-indent.md',
    fixable: false,
    fixNote: localized('在 Word 中设置「首行缩进 2 字符」', 'set a first-line indent of 2 characters in Word'),
    input: 'word',
    messages: {
      indent: { 'zh-CN': '段落首行应缩进两个字，此处缩进 {chars} 个字', en: 'The first line is indented two characters; here it is {chars}' },
      indentMany: { 'zh-CN': '段落首行应缩进两个字，此处起连续 {count} 段缩进 {chars} 个字', en: 'The first line is indented two characters; from here {count} paragraphs in a row are indented {chars}' },
    },
  },
  check({ model, report }) {
    if (!model.word) return;
    const inAttachments = (p: WordParagraphLayout) => numberedOf(model, p)?.scope.kind === 'attachments';
    const body = bodyParagraphs(model).filter((p, i) => !isAddressee(model, p, i) && !/^附\s*件/.test(model.text.slice(p.start, p.end)) && !inAttachments(p));
    const key = (p: WordParagraphLayout) => {
      const chars = indentChars(model, p);
      return Math.abs(chars - 2) <= 0.25 ? undefined : shown(chars);
    };
    for (const s of stretches(body, key, () => true)) {
      const line = model.lines[model.index.lineIndexAt(s.first.start)];
      const end = Math.min(line.end, s.first.end);
      if (s.count > 1) report({ start: s.first.start, end, messageId: 'indentMany', data: { chars: s.key, count: s.count } });
      else report({ start: s.first.start, end, messageId: 'indent', data: { chars: s.key } });
    }
  },
});
