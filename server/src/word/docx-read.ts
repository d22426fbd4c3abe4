// Reads a .docx into the paragraphs a reader sees, in order, with what the Word-only checks need:
// the text of each paragraph with Word's automatic numbering resolved into visible numbers, the
// fonts, size and weight of every run, the paragraph's indentation, alignment and line spacing,
// and each section's page size, margins, line grid and footers (with their page-number field).
//
// What a reader sees: deleted text (`w:del`, `w:moveFrom`) and hidden text (`w:vanish`) are left
// out, inserted text (`w:ins`, `w:moveTo`) is kept; fields show their result (`w:fldSimple`, and a
// complex field's runs after `separate`), except a table of contents, whose lines repeat the
// headings; tables, text boxes (the `mc:Choice` of a drawing, not its VML fallback twice) and
// footnotes and endnotes are read. Paragraphs are numbered as they open in the document
// (table cells and text boxes included), so that `第12段` is the twelfth paragraph of the file.

import { WordReadError } from './errors.js';
import { Numbering } from './numbering.js';
import { openPackage, type WordPackage } from './package.js';
import { readThemeFonts, Styles, type Indent, type ParaProps, type RunProps } from './styles.js';
import { child, childrenNamed, elements, num, onOff, textOf, val, type XmlElement } from './xml.js';

export type { Indent, ParaProps, RunProps } from './styles.js';

export interface WordRun {
  text: string;
  props: RunProps;
  /** `number`: made by automatic numbering; `noteRef`: a footnote or endnote reference (`text` is empty). */
  kind: 'text' | 'number' | 'noteRef';
  note?: { part: 'footnote' | 'endnote'; number: number };
}

export interface ReadParagraph {
  kind: 'paragraph';
  /** 1-based, in the order paragraphs open in their part (the body, or one note). */
  index: number;
  where: 'body' | 'table' | 'textbox' | 'footnote' | 'endnote';
  runs: WordRun[];
  /** The number automatic numbering gave the paragraph, if any. */
  number?: { text: string; numId: string; ilvl: number; format: string; bullet: boolean; value: number };
  props: ParaProps;
  /** The paragraph mark's run properties: the size and font of an empty paragraph, and of its number. */
  mark: RunProps;
  styleName?: string;
  /** Outline level (0 = level 1) from the paragraph, its style, or a built-in heading style. */
  heading?: number;
  /** The paragraph has the Title style. */
  title: boolean;
  /** Index into `WordDocument.sections`. */
  section: number;
  /** Text boxes anchored in the paragraph, read after it. */
  boxes: Block[];
}

export interface ReadCell {
  blocks: Block[];
  /** Grid columns the cell spans (`w:gridSpan`). */
  span: number;
  /** Continues the cell above (`w:vMerge` without `restart`). */
  merged: boolean;
}

export interface ReadTable {
  kind: 'table';
  rows: { cells: ReadCell[] }[];
}

export type Block = ReadParagraph | ReadTable;

export interface ReadFooter {
  /** The footer's text, each paragraph a line; the page-number field shows as `{PAGE}`. */
  pattern: string;
  hasPageField: boolean;
  /** Alignment of the paragraph holding the page number (or of the first paragraph). */
  align?: string;
  /** Fonts and size of the page number's text. */
  props?: RunProps;
}

export interface ReadSection {
  pageWidth?: number;
  pageHeight?: number;
  orient?: string;
  /** Twips. */
  margins: { top?: number; bottom?: number; left?: number; right?: number; gutter?: number; header?: number; footer?: number };
  grid?: { type: string; linePitch?: number; charSpace?: number };
  pageNumberFormat?: string;
  titlePage: boolean;
  footers: { default?: ReadFooter; even?: ReadFooter; first?: ReadFooter };
}

export interface ReadNote {
  part: 'footnote' | 'endnote';
  /** Its number as shown (in the order of the references). */
  number: number;
  paragraphs: ReadParagraph[];
}

export interface WordDocument {
  blocks: Block[];
  notes: ReadNote[];
  sections: ReadSection[];
  evenAndOddHeaders: boolean;
  gutterAtTop: boolean;
  /** Paragraphs in the body (table cells and text boxes included). */
  paragraphCount: number;
  /** Numbers made by automatic numbering. */
  automaticNumbers: number;
}

interface Field {
  instr: string;
  phase: 'instr' | 'result';
  /** A page-number field in a footer whose place is already marked. */
  marked?: boolean;
}

/** Where a footer's page-number field stands in its text. */
const PAGE_MARK = '\u0000PAGE\u0000';
const PAGE_FIELD = /^\s*PAGE\b/i;

/** Reads the bytes of a .docx. Throws `WordReadError` for anything that is not a readable Word document. */
export function readDocx(bytes: Uint8Array): WordDocument {
  const pkg = openPackage(bytes);
  return new Reader(pkg).read();
}

class Reader {
  private readonly styles: Styles;
  private readonly numbering: Numbering;
  private readonly settings?: XmlElement;
  private counter = 0;
  private section = 0;
  private automatic = 0;
  private fields: Field[] = [];
  private readonly noteNumbers = { footnote: new Map<string, number>(), endnote: new Map<string, number>() };
  private where: ReadParagraph['where'] = 'body';
  /** Reading a footer: a page-number field's result is replaced by PAGE_MARK. */
  private inFooter = false;

  constructor(private readonly pkg: WordPackage) {
    const main = pkg.main;
    const stylesPart = pkg.related(main, 'styles');
    this.settings = this.part(pkg.related(main, 'settings'));
    const lang = child(this.settings, 'w:themeFontLang')?.attrs['w:eastAsia'];
    const theme = readThemeFonts(this.part(pkg.related(main, 'theme')), lang);
    this.styles = new Styles(this.part(stylesPart), theme);
    this.numbering = new Numbering(this.part(pkg.related(main, 'numbering')), (id) => this.styles.numberingStyleNumId(id));
  }

  private part(name: string | undefined): XmlElement | undefined {
    return name ? this.pkg.xml(name) : undefined;
  }

  read(): WordDocument {
    const doc = this.pkg.xml(this.pkg.main)!;
    const body = child(doc, 'w:body');
    if (!body) throw new WordReadError('notWord', { part: this.pkg.main, detail: 'no w:body' });
    const sectionProps: XmlElement[] = [];
    const blocks = this.blocks(body, true, sectionProps);
    // The paragraphs after the last section break belong to the body's own w:sectPr.
    sectionProps.push(child(body, 'w:sectPr') ?? { name: 'w:sectPr', attrs: {}, children: [] });
    const paragraphCount = this.counter;
    const sections = this.sections(sectionProps);
    const notes = this.notes();
    return {
      blocks,
      notes,
      sections,
      evenAndOddHeaders: onOff(this.settings, 'w:evenAndOddHeaders') ?? false,
      gutterAtTop: onOff(this.settings, 'w:gutterAtTop') ?? false,
      paragraphCount,
      automaticNumbers: this.automatic,
    };
  }

  /** Block-level content: paragraphs and tables, through content controls and custom XML. */
  private blocks(container: XmlElement, top: boolean, sectionProps?: XmlElement[]): Block[] {
    const out: Block[] = [];
    const visit = (el: XmlElement) => {
      for (const c of elements(el)) {
        switch (c.name) {
          case 'w:p': {
            const p = this.paragraph(c);
            if (p) out.push(p);
            const sect = child(child(c, 'w:pPr'), 'w:sectPr');
            if (top && sect && sectionProps) {
              sectionProps.push(sect);
              this.section++;
            }
            break;
          }
          case 'w:tbl':
            out.push(this.table(c));
            break;
          case 'w:sdt':
            visit(child(c, 'w:sdtContent') ?? c);
            break;
          case 'w:customXml':
          case 'w:ins':
          case 'w:moveTo':
          case 'w:smartTag':
            visit(c);
            break;
          case 'mc:AlternateContent': {
            const choice = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback');
            if (choice) visit(choice);
            break;
          }
          default:
            break;
        }
      }
    };
    visit(container);
    return out;
  }

  private table(tbl: XmlElement): ReadTable {
    const rows: ReadTable['rows'] = [];
    const outer = this.where;
    for (const tr of this.rowsOf(tbl)) {
      const cells: ReadCell[] = [];
      for (const tc of this.cellsOf(tr)) {
        const tcPr = child(tc, 'w:tcPr');
        const vMerge = child(tcPr, 'w:vMerge');
        if (this.where === 'body') this.where = 'table';
        const blocks = this.blocks(tc, false);
        this.where = outer === 'body' ? 'body' : outer;
        cells.push({ blocks, span: Math.max(1, num(child(tcPr, 'w:gridSpan'), 'w:val') ?? 1), merged: vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart' });
      }
      rows.push({ cells });
    }
    return { kind: 'table', rows };
  }

  private rowsOf(tbl: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    const visit = (el: XmlElement) => {
      for (const c of elements(el)) {
        if (c.name === 'w:tr') out.push(c);
        else if (c.name === 'w:sdt') visit(child(c, 'w:sdtContent') ?? c);
        else if (c.name === 'w:customXml' || c.name === 'w:ins') visit(c);
      }
    };
    visit(tbl);
    return out;
  }

  private cellsOf(tr: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    const visit = (el: XmlElement) => {
      for (const c of elements(el)) {
        if (c.name === 'w:tc') out.push(c);
        else if (c.name === 'w:sdt') visit(child(c, 'w:sdtContent') ?? c);
        else if (c.name === 'w:customXml') visit(c);
      }
    };
    visit(tr);
    return out;
  }

  private paragraph(p: XmlElement): ReadParagraph {
    const index = ++this.counter;
    const pPr = child(p, 'w:pPr');
    const styleId = this.styles.paragraphStyle(val(pPr, 'w:pStyle'));
    // The numbering: the paragraph's own numPr, else its style's.
    const own = child(pPr, 'w:numPr');
    const fromStyle = this.styles.styleNumbering(styleId);
    const numId = val(own, 'w:numId') ?? fromStyle.numId;
    let ilvl = num(child(own, 'w:ilvl'), 'w:val') ?? (val(own, 'w:numId') === undefined ? fromStyle.ilvl : undefined);
    if (ilvl === undefined && numId !== undefined && styleId !== undefined) ilvl = this.numbering.levelForStyle(numId, styleId);
    ilvl ??= 0;
    const level = numId !== undefined && numId !== '0' ? this.numbering.level(numId, ilvl) : undefined;
    const props = this.styles.paragraphProps(styleId, level?.pPr, pPr);
    const mark = this.styles.runProps(styleId, child(pPr, 'w:rPr'));
    const paragraph: ReadParagraph = {
      kind: 'paragraph',
      index,
      where: this.where,
      runs: [],
      props,
      mark,
      styleName: this.styles.name(styleId),
      title: this.styles.isTitleStyle(styleId),
      section: this.section,
      boxes: [],
    };
    const heading = props.outlineLevel !== undefined && props.outlineLevel < 9 ? props.outlineLevel : this.styles.headingLevel(styleId);
    if (heading !== undefined) paragraph.heading = heading;
    this.inline(p, paragraph, styleId);
    // A field's instructions end within their paragraph: a field left open there (a damaged
    // file) must not hide the rest of the document. Results (a table of contents) go on.
    while (this.fields.length > 0 && this.fields[this.fields.length - 1].phase === 'instr') this.fields.pop();
    // A number is shown only on a paragraph that shows something; Word numbers an empty
    // paragraph too, so it counts either way.
    if (numId !== undefined && level) {
      const n = this.numbering.next(numId, ilvl);
      if (n && n.text.length > 0 && !this.hiddenParagraph(paragraph)) {
        paragraph.number = { text: n.text, numId, ilvl, format: n.level.format, bullet: n.bullet, value: n.value };
        const numberProps = this.styles.runProps(styleId, child(pPr, 'w:rPr'), n.level.rPr);
        paragraph.runs.unshift({ text: n.text, props: numberProps, kind: 'number' });
        this.automatic++;
      }
    }
    return paragraph;
  }

  private hiddenParagraph(p: ReadParagraph): boolean {
    return p.mark.hidden === true && p.runs.every((r) => r.text.length === 0);
  }

  /** Inline content: runs, through insertions, hyperlinks, fields, content controls; deletions skipped. */
  private inline(el: XmlElement, p: ReadParagraph, styleId: string | undefined): void {
    for (const c of elements(el)) {
      switch (c.name) {
        case 'w:r':
          this.run(c, p, styleId);
          break;
        case 'w:ins':
        case 'w:moveTo':
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:dir':
        case 'w:bdo':
          this.inline(c, p, styleId);
          break;
        case 'w:sdt':
          this.inline(child(c, 'w:sdtContent') ?? c, p, styleId);
          break;
        case 'w:fldSimple': {
          const field: Field = { instr: c.attrs['w:instr'] ?? '', phase: 'result' };
          this.fields.push(field);
          this.inline(c, p, styleId);
          if (this.inFooter && PAGE_FIELD.test(field.instr) && !field.marked) p.runs.push({ text: PAGE_MARK, props: this.styles.runProps(styleId, undefined), kind: 'text' });
          this.fields.pop();
          break;
        }
        case 'mc:AlternateContent': {
          const choice = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback');
          if (choice) this.inline(choice, p, styleId);
          break;
        }
        default:
          // w:del, w:moveFrom, w:pPr, bookmarks, proofing marks, comments, math: nothing a check reads.
          break;
      }
    }
  }

  /** In a footer, the page-number field whose result is being read. */
  private pageField(): Field | undefined {
    if (!this.inFooter) return undefined;
    const top = this.fields[this.fields.length - 1];
    return top && top.phase === 'result' && PAGE_FIELD.test(top.instr) ? top : undefined;
  }

  /** Whether text is shown now: outside fields' instructions, and not in a table of contents. */
  private showing(): boolean {
    for (const f of this.fields) {
      if (f.phase === 'instr') return false;
      if (/^\s*TOC\b/i.test(f.instr)) return false;
    }
    return true;
  }

  private run(r: XmlElement, p: ReadParagraph, styleId: string | undefined): void {
    const rPr = child(r, 'w:rPr');
    let props: RunProps | undefined;
    const propsOf = () => (props ??= this.styles.runProps(styleId, rPr));
    let text = '';
    const flush = () => {
      if (text.length === 0) return;
      const pr = propsOf();
      const page = this.pageField();
      if (page) {
        text = page.marked ? '' : PAGE_MARK;
        page.marked = true;
      }
      if (text.length > 0 && !pr.hidden && this.showing()) {
        const last = p.runs[p.runs.length - 1];
        if (last && last.kind === 'text' && last.props === pr) last.text += text;
        else p.runs.push({ text, props: pr, kind: 'text' });
      }
      text = '';
    };
    for (const c of elements(r)) {
      switch (c.name) {
        case 'w:t':
          text += textOf(c);
          break;
        case 'w:tab':
        case 'w:ptab':
          text += '\t';
          break;
        case 'w:br': {
          const type = c.attrs['w:type'];
          if (type !== 'page' && type !== 'column') text += '\n';
          break;
        }
        case 'w:cr':
          text += '\n';
          break;
        case 'w:noBreakHyphen':
          text += '-';
          break;
        case 'w:sym': {
          const code = parseInt(c.attrs['w:char'] ?? '', 16);
          if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) text += String.fromCodePoint(code);
          break;
        }
        case 'w:fldChar': {
          flush();
          const type = c.attrs['w:fldCharType'];
          if (type === 'begin') this.fields.push({ instr: '', phase: 'instr' });
          else if (type === 'separate') {
            const top = this.fields[this.fields.length - 1];
            if (top) top.phase = 'result';
          } else if (type === 'end') {
            // A page-number field without a cached result still shows the number.
            const top = this.fields[this.fields.length - 1];
            if (this.inFooter && top && PAGE_FIELD.test(top.instr) && !top.marked) {
              top.phase = 'result';
              text = PAGE_MARK;
              flush();
            }
            this.fields.pop();
          }
          break;
        }
        case 'w:instrText': {
          const top = this.fields[this.fields.length - 1];
          if (top && top.phase === 'instr') top.instr += textOf(c);
          break;
        }
        case 'w:footnoteReference':
        case 'w:endnoteReference': {
          flush();
          const part = c.name === 'w:footnoteReference' ? 'footnote' : 'endnote';
          const id = c.attrs['w:id'];
          if (id !== undefined && this.showing()) {
            const numbers = this.noteNumbers[part];
            let n = numbers.get(id);
            if (n === undefined) numbers.set(id, (n = numbers.size + 1));
            p.runs.push({ text: '', props: propsOf(), kind: 'noteRef', note: { part, number: n } });
          }
          break;
        }
        case 'w:drawing':
        case 'w:pict':
        case 'mc:AlternateContent':
        case 'w:object':
          flush();
          this.textBoxes(c, p);
          break;
        case 'w:ruby': {
          const base = child(c, 'w:rubyBase');
          for (const inner of childrenNamed(base, 'w:r')) {
            flush();
            this.run(inner, p, styleId);
          }
          break;
        }
        default:
          // w:rPr, w:delText, w:footnoteRef (the note's own mark), w:lastRenderedPageBreak…
          break;
      }
    }
    flush();
  }

  /** The text boxes inside a drawing or picture: `w:txbxContent`, once (the `mc:Choice`, not the VML fallback too). */
  private textBoxes(el: XmlElement, p: ReadParagraph): void {
    const found: XmlElement[] = [];
    const visit = (e: XmlElement) => {
      for (const c of elements(e)) {
        if (c.name === 'w:txbxContent') found.push(c);
        else if (c.name === 'mc:AlternateContent') {
          const choice = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback');
          if (choice) visit(choice);
        } else visit(c);
      }
    };
    if (el.name === 'mc:AlternateContent') {
      const choice = child(el, 'mc:Choice') ?? child(el, 'mc:Fallback');
      if (choice) visit(choice);
    } else visit(el);
    if (found.length === 0) return;
    const outer = this.where;
    const fields = this.fields;
    this.fields = [];
    this.where = outer === 'footnote' || outer === 'endnote' ? outer : 'textbox';
    for (const box of found) p.boxes.push(...this.blocks(box, false));
    this.where = outer;
    this.fields = fields;
  }

  private sections(props: XmlElement[]): ReadSection[] {
    let inherited: ReadSection['footers'] = {};
    return props.map((s) => {
      const pgSz = child(s, 'w:pgSz');
      const pgMar = child(s, 'w:pgMar');
      const grid = child(s, 'w:docGrid');
      const pgNum = child(s, 'w:pgNumType');
      const footers: ReadSection['footers'] = { ...inherited };
      for (const ref of childrenNamed(s, 'w:footerReference')) {
        const type = ref.attrs['w:type'] ?? 'default';
        const target = ref.attrs['r:id'] !== undefined ? this.pkg.rels(this.pkg.main).get(ref.attrs['r:id']) : undefined;
        const footer = target ? this.footer(target.target) : undefined;
        if (footer && (type === 'default' || type === 'even' || type === 'first')) footers[type] = footer;
      }
      inherited = footers;
      const abs = (v: number | undefined) => (v === undefined ? undefined : Math.abs(v));
      return {
        pageWidth: num(pgSz, 'w:w'),
        pageHeight: num(pgSz, 'w:h'),
        orient: pgSz?.attrs['w:orient'],
        margins: {
          top: abs(num(pgMar, 'w:top')),
          bottom: abs(num(pgMar, 'w:bottom')),
          left: num(pgMar, 'w:left'),
          right: num(pgMar, 'w:right'),
          gutter: num(pgMar, 'w:gutter'),
          header: num(pgMar, 'w:header'),
          footer: num(pgMar, 'w:footer'),
        },
        grid: grid ? { type: grid.attrs['w:type'] ?? 'default', linePitch: num(grid, 'w:linePitch'), charSpace: num(grid, 'w:charSpace') } : undefined,
        pageNumberFormat: pgNum?.attrs['w:fmt'],
        titlePage: onOff(s, 'w:titlePg') ?? false,
        footers,
      };
    });
  }

  private footer(name: string): ReadFooter | undefined {
    const root = this.pkg.xml(name);
    if (!root) return undefined;
    const lines: string[] = [];
    let hasPageField = false;
    let align: string | undefined;
    let props: RunProps | undefined;
    const outerWhere = this.where;
    const outerFields = this.fields;
    this.where = 'body';
    this.fields = [];
    this.inFooter = true;
    // Footer paragraphs are not body paragraphs: read them with a counter of their own.
    const counter = this.counter;
    for (const block of this.blocks(root, false)) {
      const paragraphs = block.kind === 'paragraph' ? [block] : block.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.filter((b): b is ReadParagraph => b.kind === 'paragraph')));
      for (const p of paragraphs) {
        const line = p.runs.map((r) => r.text).join('');
        if (line.includes(PAGE_MARK)) {
          hasPageField = true;
          align = p.props.jc;
          props = p.runs.find((r) => r.text.includes(PAGE_MARK))?.props;
        }
        if (line.trim().length > 0) {
          lines.push(line.split(PAGE_MARK).join('{PAGE}'));
          align ??= p.props.jc;
        }
      }
    }
    this.counter = counter;
    this.where = outerWhere;
    this.fields = outerFields;
    this.inFooter = false;
    return { pattern: lines.join('\n'), hasPageField, align, props };
  }

  private notes(): ReadNote[] {
    const out: ReadNote[] = [];
    for (const part of ['footnote', 'endnote'] as const) {
      const numbers = this.noteNumbers[part];
      if (numbers.size === 0) continue;
      const root = this.part(this.pkg.related(this.pkg.main, part === 'footnote' ? 'footnotes' : 'endnotes'));
      if (!root) continue;
      const byId = new Map<string, XmlElement>();
      for (const n of childrenNamed(root, part === 'footnote' ? 'w:footnote' : 'w:endnote')) {
        const type = n.attrs['w:type'];
        if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
        if (n.attrs['w:id'] !== undefined) byId.set(n.attrs['w:id'], n);
      }
      const ordered = [...numbers.entries()].sort((a, b) => a[1] - b[1]);
      for (const [id, number] of ordered) {
        const el = byId.get(id);
        if (!el) continue;
        const counter = this.counter;
        this.counter = 0;
        this.where = part;
        const blocks = this.blocks(el, false);
        this.where = 'body';
        this.counter = counter;
        const paragraphs: ReadParagraph[] = [];
        const flat = (bs: Block[]) => {
          for (const b of bs) {
            if (b.kind === 'paragraph') {
              paragraphs.push(b);
              flat(b.boxes);
            } else for (const r of b.rows) for (const c of r.cells) flat(c.blocks);
          }
        };
        flat(blocks);
        out.push({ part, number, paragraphs });
      }
    }
    return out;
  }
}
