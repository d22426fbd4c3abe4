// A Word document as the Markdown the checks read: one Markdown paragraph per Word paragraph, in
// order, each numbered paragraph starting with the number a reader sees (automatic numbers
// written out as text); headings (outline levels, heading and Title styles) as `#` headings;
// tables as GFM tables; text boxes after the paragraph they are anchored in; footnotes and
// endnotes as Markdown footnotes at the end. Characters that Markdown would read as syntax are
// escaped only where they would change what is read (a `#` or `>` at a line start, `<tag`, a
// backtick), so the text stays the document's.
//
// Beside the text: the layout the Word-only rules read (engine/word.ts), with offsets into the
// Markdown, and `locate`, which turns a Markdown offset back into a paragraph and column of the
// document, for the findings the front-ends show (report.docx:第12段:5).

import type { WordFooterLayout, WordLayout, WordParagraphLayout, WordPlace, WordRunLayout, WordSectionLayout } from '../engine/word.js';
import type { Block, ReadFooter, ReadParagraph, ReadSection, ReadTable, RunProps, WordDocument } from './docx-read.js';

export interface WordLocation {
  /** `body`: a paragraph of the document (table cells and text boxes included); `footnote`/`endnote`: a note, by its number. */
  part: 'body' | 'footnote' | 'endnote';
  /** 1-based: the paragraph's number in the body, or the note's number. */
  paragraph: number;
  /** 1-based column in the paragraph's text as a reader sees it (its automatic number included), in UTF-16 code units. */
  column: number;
}

export interface WordMarkdown {
  markdown: string;
  layout: WordLayout;
  /** The place in the document of a Markdown offset. */
  locate(offset: number): WordLocation;
  /** Paragraphs in the document, and numbers made by automatic numbering. */
  stats: { paragraphs: number; automaticNumbers: number };
}

interface Entry {
  mdStart: number;
  part: WordLocation['part'];
  paragraph: number;
  /** Markdown offset (relative to mdStart) of each character of the paragraph's visible text, and of its end. */
  map: Int32Array;
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/** A paragraph's visible text, its runs' spans in it, and its note references (at text offsets). */
function visible(p: ReadParagraph): { text: string; spans: { from: number; to: number; props: RunProps; automatic: boolean }[]; refs: { at: number; label: string }[] } {
  let text = '';
  const spans: { from: number; to: number; props: RunProps; automatic: boolean }[] = [];
  const refs: { at: number; label: string }[] = [];
  for (const r of p.runs) {
    if (r.kind === 'noteRef' && r.note) {
      refs.push({ at: text.length, label: r.note.part === 'footnote' ? String(r.note.number) : `e${r.note.number}` });
      continue;
    }
    if (r.text.length === 0) continue;
    spans.push({ from: text.length, to: text.length + r.text.length, props: r.props, automatic: r.kind === 'number' });
    text += r.text;
  }
  return { text, spans, refs };
}

/** Whether a line (from `i` in `s` to `end`) would be read as Markdown block syntax at its start. */
function needsLineEscape(s: string, i: number, end: number): boolean {
  const c = s[i];
  const next = s[i + 1];
  if (c === '#' || c === '>') return true;
  if ((c === '-' || c === '+' || c === '*') && (i + 1 >= end || next === ' ' || next === '\t')) return true;
  const line = s.slice(i, end);
  if (/^(?:`{3,}|~{3,})/.test(line)) return true;
  // Setext underlines and thematic breaks: === , ---, ***, ___ (with spaces).
  if (/^=+[ \t]*$/.test(line) || /^(?:[-*_][ \t]*){3,}$/.test(line)) return true;
  return false;
}

class Writer {
  out = '';
  readonly entries: Entry[] = [];

  write(s: string): void {
    this.out += s;
  }

  /**
   * Writes a paragraph's visible text as Markdown and returns, for each character of it, its
   * Markdown offset. `inTable`: line breaks become `<br>` and `|` is escaped. `linePrefix`: written
   * after each line break (the indentation of a footnote's continuation).
   */
  text(text: string, refs: { at: number; label: string }[], part: WordLocation['part'], paragraph: number, inTable: boolean, linePrefix = ''): Int32Array {
    const mdStart = this.out.length;
    const map = new Int32Array(text.length + 1);
    let m = '';
    let r = 0;
    // The last character that is not trailing whitespace of its line is found per line.
    let lineStart = true;
    let lineEnd = text.indexOf('\n');
    if (lineEnd < 0) lineEnd = text.length;
    let contentEnd = lineEnd;
    while (contentEnd > 0 && /[ \t]/.test(text[contentEnd - 1])) contentEnd--;
    for (let i = 0; i < text.length; i++) {
      while (r < refs.length && refs[r].at === i) m += `[^${refs[r++].label}]`;
      map[i] = m.length;
      const c = text[i];
      if (c === '\n') {
        m += inTable ? '<br>' : '\n' + linePrefix;
        lineStart = true;
        lineEnd = text.indexOf('\n', i + 1);
        if (lineEnd < 0) lineEnd = text.length;
        contentEnd = lineEnd;
        while (contentEnd > i + 1 && /[ \t]/.test(text[contentEnd - 1])) contentEnd--;
        continue;
      }
      if (i >= contentEnd) continue; // trailing spaces: a hard break in Markdown, and nothing a reader sees
      if (lineStart) {
        // Leading spaces would make an indented code block: left out.
        if (c === ' ' || c === '\t') continue;
        lineStart = false;
        if (needsLineEscape(text, i, contentEnd)) m += '\\';
      }
      if (c === '`' || (c === '<' && /[A-Za-z!/?]/.test(text[i + 1] ?? '')) || (c === '\\' && ASCII_PUNCT.test(text[i + 1] ?? '')) || (c === '~' && (text[i + 1] === '~' || text[i - 1] === '~'))) m += '\\';
      else if (inTable && c === '|') m += '\\';
      m += c;
    }
    while (r < refs.length) m += `[^${refs[r++].label}]`;
    map[text.length] = m.length;
    this.entries.push({ mdStart, part, paragraph, map });
    this.out += m;
    return map;
  }
}

function points(halfPoints: number | undefined): number | undefined {
  return halfPoints === undefined ? undefined : halfPoints / 2;
}

function runLayout(start: number, end: number, props: RunProps, automatic: boolean): WordRunLayout {
  const r: WordRunLayout = { start, end };
  if (props.eastAsia !== undefined) r.eastAsia = props.eastAsia;
  if (props.ascii !== undefined) r.ascii = props.ascii;
  if (props.hAnsi !== undefined) r.hAnsi = props.hAnsi;
  if (props.hint !== undefined) r.hint = props.hint;
  if (props.size !== undefined) r.size = props.size / 2;
  if (props.bold) r.bold = true;
  if (automatic) r.automatic = true;
  return r;
}

function align(jc: string | undefined): string | undefined {
  if (jc === 'start') return 'left';
  if (jc === 'end') return 'right';
  return jc;
}

function lineSpacing(p: ReadParagraph): WordParagraphLayout['lineSpacing'] {
  const { line, lineRule } = p.props;
  if (line === undefined) return undefined;
  if (lineRule === 'exact' || lineRule === 'atLeast') return { rule: lineRule, value: line / 20 };
  return { rule: 'auto', value: line / 240 };
}

export function wordToMarkdown(doc: WordDocument): WordMarkdown {
  const w = new Writer();
  const paragraphs: WordParagraphLayout[] = [];
  let first = true;
  let titleSeen = false;

  const separate = () => {
    if (w.out.length > 0) w.write('\n\n');
  };

  const layoutOf = (p: ReadParagraph, where: WordPlace, mdStart: number, map: Int32Array, spans: ReturnType<typeof visible>['spans']): WordParagraphLayout => {
    const runs: WordRunLayout[] = spans.map((s) => runLayout(mdStart + map[s.from], mdStart + map[s.to], s.props, s.automatic));
    const layout: WordParagraphLayout = {
      paragraph: p.index,
      where,
      start: mdStart,
      end: mdStart + map[map.length - 1],
      section: p.section,
      indent: { ...p.props.ind },
      snapToGrid: p.props.snapToGrid ?? true,
      title: p.title,
      runs,
    };
    const a = align(p.props.jc);
    if (a !== undefined) layout.align = a;
    const ls = lineSpacing(p);
    if (ls) layout.lineSpacing = ls;
    if (p.heading !== undefined) layout.heading = p.heading;
    if (p.styleName !== undefined) layout.style = p.styleName;
    const mark = points(p.mark.size);
    if (mark !== undefined) layout.markSize = mark;
    if (p.number && spans[0]?.automatic) {
      layout.automatic = { start: runs[0].start, end: runs[0].end, format: p.number.format, numId: p.number.numId, level: p.number.ilvl };
    }
    return layout;
  };

  const paragraph = (p: ReadParagraph) => {
    const v = visible(p);
    if (v.text.trim().length > 0 || v.refs.length > 0) {
      separate();
      const where: WordPlace = p.where === 'table' ? 'body' : p.where;
      // Headings: outline levels and heading styles, the Title style; and the document's first
      // paragraph when it is centred and set large (a title, 二号 22 pt and the like).
      const size = v.spans.find((s) => /\S/.test(v.text.slice(s.from, s.to)))?.props.size;
      const looksLikeTitle = first && !titleSeen && p.props.jc === 'center' && size !== undefined && size >= 36 && p.number === undefined;
      // Below a title, outline level 1 (一、) is ##.
      let depth = p.title || looksLikeTitle ? 1 : p.heading !== undefined && p.heading < 5 ? p.heading + (titleSeen ? 2 : 1) : 0;
      if (where !== 'body') depth = 0;
      if (depth === 1) titleSeen = titleSeen || p.title || looksLikeTitle;
      if (depth > 0) w.write('#'.repeat(depth) + ' ');
      const mdStart = w.out.length;
      const map = w.text(v.text, v.refs, 'body', p.index, false);
      paragraphs.push(layoutOf(p, where, mdStart, map, v.spans));
      first = false;
    }
    for (const b of p.boxes) block(b);
  };

  /** The paragraphs of a cell, its text boxes and nested tables flattened, in reading order. */
  const cellParagraphs = (blocks: Block[], out: ReadParagraph[]) => {
    for (const b of blocks) {
      if (b.kind === 'paragraph') {
        out.push(b);
        cellParagraphs(b.boxes, out);
      } else for (const r of b.rows) for (const c of r.cells) cellParagraphs(c.blocks, out);
    }
  };

  const table = (t: ReadTable) => {
    const rows = t.rows.filter((r) => r.cells.length > 0);
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.cells.reduce((n, c) => n + c.span, 0)));
    separate();
    first = false;
    rows.forEach((row, ri) => {
      if (ri > 0) w.write('\n');
      let columns = 0;
      for (const cell of row.cells) {
        w.write(columns === 0 ? '| ' : ' | ');
        if (!cell.merged) {
          const ps: ReadParagraph[] = [];
          cellParagraphs(cell.blocks, ps);
          let wrote = false;
          for (const p of ps) {
            const v = visible(p);
            if (v.text.trim().length === 0 && v.refs.length === 0) continue;
            if (wrote) w.write('<br>');
            const mdStart = w.out.length;
            const map = w.text(v.text, v.refs, 'body', p.index, true);
            paragraphs.push(layoutOf(p, 'table', mdStart, map, v.spans));
            wrote = true;
          }
        }
        columns += cell.span;
        for (let k = 1; k < cell.span; k++) w.write(' |');
      }
      for (; columns < width; columns++) w.write(columns === 0 ? '| ' : ' | ');
      w.write(' |');
      if (ri === 0) w.write('\n' + '|' + ' --- |'.repeat(width));
    });
  };

  const block = (b: Block) => (b.kind === 'paragraph' ? paragraph(b) : table(b));
  for (const b of doc.blocks) block(b);

  // Notes at the end, in the order they are referred to.
  for (const note of doc.notes) {
    const label = note.part === 'footnote' ? String(note.number) : `e${note.number}`;
    separate();
    w.write(`[^${label}]: `);
    let firstPara = true;
    for (const p of note.paragraphs) {
      const v = visible(p);
      if (v.text.trim().length === 0) continue;
      if (!firstPara) w.write('\n\n    ');
      const mdStart = w.out.length;
      const entriesBefore = w.entries.length;
      const map = w.text(v.text, [], note.part, note.number, false, '    ');
      w.entries[entriesBefore].paragraph = note.number;
      paragraphs.push(layoutOf(p, note.part, mdStart, map, v.spans));
      firstPara = false;
    }
  }
  if (w.out.length > 0) w.write('\n');

  const sections = doc.sections.map((s, i) => sectionLayout(s, i, paragraphs));
  const layout: WordLayout = { paragraphs, sections, evenAndOddFooters: doc.evenAndOddHeaders, gutterAtTop: doc.gutterAtTop };
  const entries = w.entries;
  const locate = (offset: number): WordLocation => locateIn(entries, offset);
  return { markdown: w.out, layout, locate, stats: { paragraphs: doc.paragraphCount, automaticNumbers: doc.automaticNumbers } };
}

function footerLayout(kind: WordFooterLayout['kind'], f: ReadFooter): WordFooterLayout {
  const out: WordFooterLayout = { kind, pattern: f.pattern, hasPageField: f.hasPageField };
  const a = align(f.align);
  if (a !== undefined) out.align = a;
  if (f.props?.size !== undefined) out.size = f.props.size / 2;
  if (f.props?.eastAsia !== undefined) out.eastAsia = f.props.eastAsia;
  if (f.props?.ascii !== undefined) out.ascii = f.props.ascii;
  return out;
}

function sectionLayout(s: ReadSection, index: number, paragraphs: WordParagraphLayout[]): WordSectionLayout {
  const firstOf = paragraphs.find((p) => p.section === index && (p.where === 'body' || p.where === 'table' || p.where === 'textbox'));
  // A section without text (a last empty one): its findings stand where the one before ends.
  const before = [...paragraphs].reverse().find((p) => p.section < index);
  const start = firstOf?.start ?? before?.start ?? 0;
  const footers: WordFooterLayout[] = [];
  for (const kind of ['default', 'even', 'first'] as const) {
    const f = s.footers[kind];
    if (f) footers.push(footerLayout(kind, f));
  }
  const out: WordSectionLayout = {
    start,
    landscape: s.orient === 'landscape' || (s.pageWidth !== undefined && s.pageHeight !== undefined && s.pageWidth > s.pageHeight),
    margins: { ...s.margins },
    titlePage: s.titlePage,
    footers,
  };
  if (s.pageWidth !== undefined) out.pageWidth = s.pageWidth;
  if (s.pageHeight !== undefined) out.pageHeight = s.pageHeight;
  if (s.grid) out.grid = { ...s.grid };
  if (s.pageNumberFormat !== undefined) out.pageNumberFormat = s.pageNumberFormat;
  return out;
}

function locateIn(entries: Entry[], offset: number): WordLocation {
  if (entries.length === 0) return { part: 'body', paragraph: 1, column: 1 };
  // The last entry starting at or before the offset; before the first, the first.
  let lo = 0;
  let hi = entries.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].mdStart <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const e = entries[found];
  const rel = offset - e.mdStart;
  // The last character whose Markdown offset is at or before the offset.
  const map = e.map;
  let a = 0;
  let b = map.length - 1;
  let at = 0;
  while (a <= b) {
    const mid = (a + b) >> 1;
    if (map[mid] <= rel) {
      at = mid;
      a = mid + 1;
    } else b = mid - 1;
  }
  return { part: e.part, paragraph: e.paragraph, column: at + 1 };
}
