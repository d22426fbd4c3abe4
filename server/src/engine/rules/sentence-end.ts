// sentence-end: a body paragraph that ends without closing punctuation (句号, 问号, 叹号), as when
// a draft's last sentence was cut or a paragraph lost its 。 in copying.
//
// Lines that end without one by their form are not paragraphs: headings (Markdown or numbered
// lines that read as headings), the title, the signature and date lines, table rows, list items
// that are short phrases, a salutation or lead-in ending in ：, labels (联系人：……), quotes,
// English lines, and the names of a 附件 list (附件：1.…, GB/T 9704-2012 7.3.4: no mark after them). A paragraph here is a run of text lines; only its last line ends it.
// Hint severity: a writer may end a line so on purpose. No fix: which mark belongs there (。 or ：)
// is the writer's choice.

import { isCnPunctCode, isEnglishLine, isHanCode, TextMask } from '../model/chars.js';
import type { LineInfo, ReportModel } from '../model/report-model.js';
import { defineRule, localized } from '../rule.js';

/** Marks that close a paragraph, in either width, and the brackets and quotes that may follow them. */
const CLOSING = /[。！？!?…；;．.]/;
const CLOSER = /[」』”’）)】》〉〕"'\]]/;
/** Inside a paragraph, marks that show it is a sentence, not a heading. */
const SENTENCE_INSIDE = /[。！？!?；;]/;
const CLAUSE_INSIDE = /[，,、]/;
/** Endings no heading has: a particle or a preposition left hanging (……领会到两会的, ……并把).
 * Most such characters also end words (需要, 方向, 参与, 明了): only these few, without 目的 有的. */
const CANNOT_END = /(?<![目有标])[的并把被]$/;
/** A date line (2025年12月1日, 二〇二五年十二月), which signs or dates a report. */
const DATE_ONLY = /^[\s\u3000]*(?:日期[：:]?[\s\u3000]*)?(?:(?:19|20)[0-9]{2}[年.\-/](?:[0-9]{1,2}[月.\-/]?(?:[0-9]{1,2}日?)?)?|[〇零一二三四五六七八九]{4}年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)?)[\s\u3000]*$/;
/** A label with its value (联系人：张某, 时间：2025年3月): a form's field, not a sentence. */
const LABEL = /^[^，,。；;：:！？!?]{1,10}[：:]/;
/** Longest heading-like phrase, in characters. */
const HEADING_LENGTH = 24;

export const sentenceEnd = defineRule({
  meta: {
    id: 'sentence-end',
    name: localized('段末标点', 'sentence end'),
    description: localized('正文段落末尾缺少句号等句末标点；标题、落款、日期、表格、列表短语不算', 'A body paragraph ends without closing punctuation; headings, signatures, dates, tables and list phrases are exempt'),
    category: 'punctuation',
    defaultSeverity: 'hint',
    docs: 'docs/rules/sentence-end.md',
    fixable: false,
    fixNote: localized('用句号还是冒号，由作者决定', 'the writer chooses the mark (。 or ：)'),
    messages: {
      noEnd: { 'zh-CN': '段落末尾「{tail}」缺少句末标点（句号、问号或叹号；引出下文时用冒号）', en: 'The paragraph ends "{tail}" without closing punctuation (。, ？ or ！; ： before what it leads to)' },
    },
  },
  check({ model, report }) {
    const text = model.text;
    const mask = new TextMask(model);
    const title = model.title?.line;
    const signature = model.signature?.startLine ?? Infinity;
    paragraphs(model, mask, (first, last, lines, end) => {
      if (first.heading || (title !== undefined && first.number <= title && last.number >= title)) return;
      if (title !== undefined && last.number < title) return;
      if (last.number >= signature) return;
      if (end === undefined || isQuote(text, first)) return;
      const c = text.charCodeAt(end - 1);
      const ch = text[end - 1];
      if (CLOSING.test(ch) || CLOSER.test(ch) || ch === '：' || ch === ':') return;
      // Han, digits, letters and % end a clause in the middle; other marks are left to the punctuation rules.
      if (isCnPunctCode(c) || !(isHanCode(c) || /[0-9A-Za-z%％]/.test(ch))) return;
      if (!isBody(model, mask, first, last, lines, end)) return;
      const from = Math.max(last.contentStart, end - 6);
      report({ start: end - 1, end, messageId: 'noEnd', data: { tail: text.slice(from, end) } });
    });
  },
});

/**
 * Paragraphs: runs of text lines that Markdown reads as one paragraph (a numbered line, a heading
 * or a list item starts a new one), cut also after a line that ends a sentence or a lead-in (。 ：),
 * since pasted drafts put one paragraph on each line. A line that ends mid-sentence goes on in
 * the next one.
 */
function paragraphs(model: ReportModel, mask: TextMask, visit: (first: LineInfo, last: LineInfo, lines: number, end: number | undefined) => void): void {
  let first: LineInfo | undefined;
  let last: LineInfo | undefined;
  let count = 0;
  let lastEnd: number | undefined;
  let ended = false;
  let point = false;
  for (const line of model.lines) {
    const item = line.kind === 'text' && isListItem(model, line);
    // After a numbered line or a list item, only an indented line goes on with it (a list item's
    // continuation); a pasted draft's next line is a paragraph of its own.
    const goesOn = !point || /^[ \t]/.test(line.text);
    const starts = line.kind !== 'text' || line.heading !== undefined || line.numbered !== undefined || item || ended || !goesOn || (last !== undefined && last.heading !== undefined);
    if (starts && first && last) {
      visit(first, last, count, lastEnd);
      first = last = undefined;
      count = 0;
    }
    if (line.kind !== 'text') continue;
    first ??= line;
    last = line;
    count++;
    if (line.numbered !== undefined || item) point = true;
    else if (starts) point = false;
    lastEnd = visibleEnd(model, mask, line);
    const ch = lastEnd === undefined ? undefined : model.text[lastEnd - 1];
    ended = ch === undefined || CLOSING.test(ch) || CLOSER.test(ch) || ch === '：' || ch === ':';
  }
  if (first && last) visit(first, last, count, lastEnd);
}

function isListItem(model: ReportModel, line: LineInfo): boolean {
  if (model.md.bulletItemStarts.size === 0) return false;
  let p = line.start;
  while (p < line.end && (model.text[p] === ' ' || model.text[p] === '\t' || model.text[p] === '>')) p++;
  return model.md.bulletItemStarts.has(p);
}

function isQuote(text: string, line: LineInfo): boolean {
  let p = line.start;
  while (p < line.end && (text[p] === ' ' || text[p] === '\t')) p++;
  return text[p] === '>';
}

/** The end of a line's visible words: trailing spaces, emphasis marks and HTML comments left
 * out; undefined when the line ends in code, a link or a URL (its own form), or holds nothing. */
function visibleEnd(model: ReportModel, mask: TextMask, line: LineInfo): number | undefined {
  const text = model.text;
  let e = line.end;
  for (;;) {
    while (e > line.contentStart && /[\s\u3000*_]/.test(text[e - 1])) e--;
    if (e <= line.contentStart) return undefined;
    if (!mask.skip(e - 1)) break;
    // An HTML comment at the end (<!-- … -->) is not text; code and links are. Searched in the
    // line alone, so that a line costs no more than its length.
    const open = text[e - 1] === '>' ? line.text.lastIndexOf('<!--', e - line.start) : -1;
    if (open < 0 || line.start + open < line.contentStart) return undefined;
    e = line.start + open;
  }
  return e;
}

/** Whether a paragraph is body text, not a heading, a list phrase or a form's field by its form. */
function isBody(model: ReportModel, mask: TextMask, first: LineInfo, last: LineInfo, lines: number, end: number): boolean {
  const text = model.text;
  // An attachment's name ends without a mark (7.3.4), however long and wrapped.
  if (first.numbered?.scope.kind === 'attachments') return false;
  const from = first.numbered ? first.numbered.marker.end : first.contentStart;
  const words = text.slice(from, end);
  const lastWords = text.slice(last === first ? from : last.contentStart, end);
  if (DATE_ONLY.test(lastWords) || LABEL.test(lastWords)) return false;
  // A whole line in bold is a heading by its form.
  if (lines === 1 && text.startsWith('**', first.contentStart - 2) && /\*\*\s*$/.test(text.slice(end, first.end))) return false;
  if (isEnglishLine(model, last, mask)) return false;
  if (SENTENCE_INSIDE.test(words)) return true;
  // A section line of the two upper levels (一、 （一）) is a heading however long (一、大力弘扬……，……).
  if (first.numbered && first.numbered.level <= 2) return false;
  if (!CLAUSE_INSIDE.test(words)) return false;
  // A phrase with commas reads as a heading (完善服务网络，扩大阅读覆盖面) unless long, or cut off
  // where no heading ends.
  return words.length > HEADING_LENGTH || (words.length >= 8 && CANNOT_END.test(words));
}
