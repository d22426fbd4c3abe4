// A plan (plan.ts) into a .docx. Every run names its font in every slot (ascii, hAnsi, eastAsia,
// cs) with w:hint="eastAsia", so “ ” ‘ ’ —— …… take the Chinese font, and no theme font is ever
// named (a theme font wins over an explicit one: 黑体 became 等线).
//
// The `docx` package makes the package: its parts, relationships and content types, the
// footnotes, the document's properties. document.xml — nearly all of a report — and the footers
// are written here as text (wordml.ts), exactly as the package writes the same options, and given
// to the package in place of its own: building and writing the package's object for every run was
// two thirds of the export's time. styles.xml is written here too (stylesXml).

import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  FootnoteReferenceRun,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
  docPropertiesUniqueNumericId,
  hashedId,
  type ParagraphChild,
} from 'docx';
import type { ExportStyle } from '../engine/export-settings.js';
import type { Level } from '../engine/model/markers.js';
import type { MessageRef } from '../engine/types.js';
import { fitted, loadImage, type LoadedImage } from './images.js';
import { pageLayout, mm, type PageLayout } from './layout.js';
import type { Block, ImagePiece, Piece, Plan } from './plan.js';
import { textWidth } from './text.js';
import { exportRef } from './messages.js';
import { zipParts } from './zip.js';
import {
  documentXml,
  footerXml,
  footnoteReferenceRun,
  imageRun,
  pageNumberRuns,
  paragraph,
  paragraphProperties,
  runProperties,
  sectionProperties,
  tabRun,
  table,
  textRun,
  type BorderSpec,
  type Fonts,
  type ParagraphProps,
  type RunProps,
} from './wordml.js';

export interface Warning {
  /** 1-based source line, when the warning is about one. */
  line?: number;
  message: MessageRef;
}

export interface WriteOptions {
  style: ExportStyle;
  /** The draft's folder, for relative image paths (undefined: an unsaved document). */
  baseDir?: string;
  /** Document title (the file's properties). */
  title?: string;
  /** Called now and then while blocks are laid out: done of total. */
  onBlock?: (done: number, total: number) => void;
}

function fontSlots(name: string, latin: string): Fonts {
  const l = latin || name;
  return { ascii: l, hAnsi: l, eastAsia: name, cs: name, hint: 'eastAsia' };
}

const NO_GRID_SPACING = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
// w:jc values.
const JUSTIFIED = 'both';
const LEFT = 'left';
const CENTER = 'center';
const RIGHT = 'right';

/** A run before it is written: the body's runs become text (wordml.ts), a footnote's the package's objects. */
type RunItem =
  | { kind: 'text'; text: string; props: RunProps }
  | { kind: 'image'; image: LoadedImage; width: number; height: number; alt: string; docPrId: number }
  | { kind: 'note'; id: number };

/** An image of the body: its drawing names its relationship by a placeholder until the package's document exists. */
interface BodyImage {
  /** The package's key for the image (its media part is found by it). */
  key: string;
  image: LoadedImage;
  /** Its size where first used (EMUs). */
  cx: number;
  cy: number;
}

/** Stands for the relationship id of the body's nth image: control characters never reach the XML otherwise (esc drops them). */
const imageRef = (n: number) => `\u0001${n}\u0001`;
const IMAGE_REFS = /\u0001(\d+)\u0001/g;

class Writer {
  readonly L: PageLayout;
  readonly warnings: Warning[] = [];
  private readonly noteIds = new Map<string, number>();
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  /** The body's XML, a paragraph or table at a time. */
  readonly body: string[] = [];
  /** The body's images, each once, in order of first use. */
  readonly images: BodyImage[] = [];
  private readonly rPrs = new Map<string, string>();
  private readonly fonts = new Map<string, Fonts>();

  constructor(
    private readonly style: ExportStyle,
    private readonly plan: Plan,
    private readonly baseDir: string | undefined,
  ) {
    this.L = pageLayout(style);
  }

  font(name: string): Fonts {
    let f = this.fonts.get(name);
    if (!f) this.fonts.set(name, (f = fontSlots(name, this.style.fonts.latin)));
    return f;
  }

  /** A run's properties as XML, written once for each distinct set. */
  rPr(p: RunProps): string {
    const key = `${p.font.eastAsia}\u0000${p.font.ascii}\u0000${p.size}\u0000${p.spacing ?? 0}\u0000${p.bold ? 1 : 0}${p.strike ? 1 : 0}\u0000${p.color ?? ''}`;
    let x = this.rPrs.get(key);
    if (x === undefined) this.rPrs.set(key, (x = runProperties(p)));
    return x;
  }

  /** Twips of a text at a size (half-points), with a character spacing: full-width characters take the size, half-width half. */
  width(s: string, halfPoints: number, spacing: number): number {
    let full = 0;
    let half = 0;
    for (const ch of s) {
      if (textWidth(ch) === 1) full++;
      else half++;
    }
    return full * (halfPoints * 10 + spacing) + half * (halfPoints * 5 + spacing);
  }

  levelFont(level: Level | undefined): string {
    const f = this.style.fonts;
    switch (level) {
      case 1:
        return f.level1;
      case 2:
        return f.level2;
      case 3:
        return f.level3;
      case 4:
        return f.level4;
      default:
        return f.body;
    }
  }

  /** The runs of body-size text: the level's font for the heading part, bold per the style. */
  runs(pieces: readonly Piece[], level: Level | undefined, size: number, spacing: number, baseFont: string, line?: number): RunItem[] {
    const out: RunItem[] = [];
    for (const p of pieces) {
      if (p.kind === 'text') {
        const boldAsFont = p.bold && this.style.bold === 'font';
        const name = p.heading ? this.levelFont(level) : boldAsFont ? this.style.fonts.bold : baseFont;
        out.push({ kind: 'text', text: p.text, props: { font: this.font(name), size, spacing: spacing || undefined, bold: p.bold && !boldAsFont ? true : undefined, strike: p.strike || undefined } });
      } else if (p.kind === 'image') {
        out.push(this.image(p, size, spacing, baseFont));
      } else {
        const id = this.note(p.label, line);
        if (id !== undefined) out.push({ kind: 'note', id });
      }
    }
    return out;
  }

  /** An image, fitted to the 版心; when it cannot be placed, a warning and its alt text. */
  image(p: ImagePiece, size: number, spacing: number, baseFont: string): RunItem {
    const loaded = loadImage(p.src, this.baseDir);
    if ('id' in loaded) {
      this.warnings.push({ line: p.line, message: loaded });
      return { kind: 'text', text: p.alt ? `〔${p.alt}〕` : '〔图〕', props: { font: this.font(baseFont), size, spacing: spacing || undefined } };
    }
    const { width, height } = fitted(loaded, this.L.textWidth, Math.floor(this.L.textHeight * 0.9));
    // The drawing's id, from the package's counter, taken where the package's ImageRun took it.
    return { kind: 'image', image: loaded, width, height, alt: p.alt, docPrId: docPropertiesUniqueNumericId() };
  }

  note(label: string, line?: number): number | undefined {
    let id = this.noteIds.get(label);
    if (id !== undefined) return id;
    const paragraphs = this.plan.notes.get(label);
    if (!paragraphs) {
      this.warnings.push({ line, message: exportRef('noteMissing', { label }) });
      return undefined;
    }
    id = this.noteIds.size + 1;
    this.noteIds.set(label, id);
    const size = this.style.sizes.table * 2;
    this.footnotes[id] = {
      children: paragraphs.map((pieces) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: NO_GRID_SPACING, children: this.runs(pieces, undefined, size, 0, this.style.fonts.body).map(packageRun) })),
    };
    return id;
  }

  /** Runs as XML. */
  runsXml(runs: readonly RunItem[]): string {
    let x = '';
    for (const r of runs) {
      if (r.kind === 'text') x += textRun(this.rPr(r.props), r.text);
      else if (r.kind === 'note') x += footnoteReferenceRun(r.id);
      else {
        const key = `${hashedId(r.image.data)}.${r.image.type}`;
        const cx = Math.round(r.width * EMU);
        const cy = Math.round(r.height * EMU);
        let n = this.images.findIndex((i) => i.key === key);
        if (n < 0) n = this.images.push({ key, image: r.image, cx, cy }) - 1;
        x += imageRun(cx, cy, imageRef(n), r.docPrId, r.alt);
      }
    }
    return x;
  }

  /** A paragraph of the body. */
  para(props: ParagraphProps, runs: readonly RunItem[] | string = ''): void {
    this.body.push(paragraph(paragraphProperties(props), typeof runs === 'string' ? runs : this.runsXml(runs)));
  }

  bodyParagraph(pieces: readonly Piece[], level: Level | undefined, extra: Partial<ParagraphProps> = {}, line?: number): void {
    const s = this.style;
    this.para({ alignment: JUSTIFIED, indent: { firstLine: this.L.bodyChar * 2 }, ...extra }, this.runs(pieces, level, s.sizes.body * 2, this.L.bodySpacing, s.fonts.body, line));
  }

  blank(): void {
    this.body.push('<w:p/>');
  }

  block(b: Block): void {
    const s = this.style;
    const L = this.L;
    const bodySize = s.sizes.body * 2;
    const text = (t: string, font: string, size = bodySize, spacing = L.bodySpacing) => textRun(this.rPr({ font: this.font(font), size, spacing: spacing || undefined }), t);
    switch (b.kind) {
      case 'title': {
        // The Title style (no formatting of its own: the runs say it all) tells Word's style list,
        // and a reader such as `gongwen import`, that this is the title wherever it stands.
        const rPr = this.rPr({ font: this.font(s.fonts.title), size: s.sizes.title * 2 });
        this.para({ style: TITLE_STYLE, alignment: CENTER }, b.lines.map((l, i) => textRun(rPr, l, i > 0 ? 1 : 0)).join(''));
        return;
      }
      case 'blank':
        this.blank();
        return;
      case 'addressee':
        this.bodyParagraph(b.pieces, undefined, { indent: { firstLine: 0 } });
        return;
      case 'paragraph': {
        if (b.plain) {
          this.bodyParagraph(b.pieces, undefined, { alignment: LEFT });
          return;
        }
        const level = b.level ?? (b.headingDepth !== undefined ? (Math.min(4, Math.max(1, b.headingDepth - 1)) as Level) : undefined);
        const outline = !b.outline ? undefined : b.level !== undefined && b.level <= 4 ? b.level - 1 : b.headingDepth !== undefined ? Math.min(8, Math.max(0, b.headingDepth - 2)) : undefined;
        this.bodyParagraph(b.pieces, level, outline !== undefined ? { outlineLevel: outline } : {});
        return;
      }
      case 'image':
        this.para({ alignment: CENTER }, [this.image(b.image, bodySize, L.bodySpacing, s.fonts.body)]);
        return;
      case 'table':
        this.table(b);
        return;
      case 'attachments': {
        const label = b.label;
        const labelW = this.width(label, bodySize, L.bodySpacing);
        const two = L.bodyChar * 2;
        if (b.items.length <= 1) {
          this.para({ alignment: JUSTIFIED, indent: { left: two + labelW, hanging: labelW } }, text(label + (b.items[0] ?? ''), s.fonts.body));
          return;
        }
        b.items.forEach((item, i) => {
          const number = /^[0-9０-９]{1,2}[.．、]/.exec(item)?.[0] ?? '';
          const numberW = this.width(number, bodySize, L.bodySpacing);
          // 7.3.4: wrapped lines line up with the first character of the name.
          this.para({ alignment: JUSTIFIED, indent: { left: two + labelW + numberW, hanging: numberW + (i === 0 ? labelW : 0) } }, text((i === 0 ? label : '') + item, s.fonts.body));
        });
        return;
      }
      case 'signature': {
        // 7.3.5: the date 右空四字; the signer centred over the date (at least 右空二字).
        const dateW = b.date ? this.width(b.date, bodySize, L.bodySpacing) : 0;
        const widest = Math.max(0, ...b.signers.map((l) => this.width(l, bodySize, L.bodySpacing)));
        let dateRight = L.bodyChar * 4;
        if (b.date && dateRight + (dateW - widest) / 2 < L.bodyChar * 2) dateRight = L.bodyChar * 2 + (widest - dateW) / 2;
        for (const l of b.signers) {
          const w = this.width(l, bodySize, L.bodySpacing);
          const right = b.date ? Math.round(dateRight + (dateW - w) / 2) : dateRight;
          this.para({ alignment: RIGHT, indent: { right: Math.max(0, right) } }, text(l, s.fonts.body));
        }
        if (b.date) this.para({ alignment: RIGHT, indent: { right: Math.round(dateRight) } }, text(b.date, s.fonts.body));
        return;
      }
      case 'letterhead': {
        if (b.organ) {
          // 7.2.4: red 小标宋, centred, as large as fits one line (at most 初号, 42 pt); 35 mm below the 版心's top.
          const pt = Math.max(22, Math.min(42, Math.floor((L.textWidth / 20 / Math.max(1, textWidth(b.organ))) * 0.9)));
          this.para({ alignment: CENTER, spacing: { before: mm(35) } }, textRun(this.rPr({ font: this.font(s.fonts.title), size: pt * 2, color: 'FF0000' }), b.organ));
          this.blank();
          this.blank();
        }
        // 7.2.6: the red separator 4 mm below the 发文字号, as wide as the 版心.
        this.para({ alignment: CENTER, border: { bottom: { style: SINGLE, size: 12, color: 'FF0000', space: 11 } } }, b.number ? text(b.number, s.fonts.body) : '');
        this.blank();
        this.blank();
        return;
      }
      case 'imprint': {
        // 7.4: 4号仿宋, 左右各空一字; lines as wide as the 版心, the first and last thick.
        const size = s.sizes.table * 2;
        const one = size * 10;
        const thick: BorderSpec = { style: SINGLE, size: 8, color: '000000', space: 1 };
        const thin: BorderSpec = { style: SINGLE, size: 6, color: '000000', space: 1 };
        if (b.cc) {
          const cc = /[。.]$/.test(b.cc) ? b.cc : `${b.cc}。`;
          const labelW = this.width('抄送：', size, 0);
          this.para(
            { alignment: JUSTIFIED, indent: { left: one + labelW, hanging: labelW, right: one }, border: { top: thick, bottom: b.printer || b.printDate ? thin : thick } },
            text(`抄送：${cc}`, s.fonts.body, size, 0),
          );
        }
        if (b.printer || b.printDate) {
          this.para(
            { indent: { left: one, right: one }, tabStops: [{ type: 'right', position: L.textWidth - one * 2 }], border: { top: b.cc ? undefined : thick, bottom: thick } },
            text(b.printer ?? '', s.fonts.body, size, 0) + tabRun(this.rPr({ font: this.font(s.fonts.body), size })) + text(b.printDate ? `${b.printDate}印发` : '', s.fonts.body, size, 0),
          );
        }
        return;
      }
    }
  }

  table(b: Extract<Block, { kind: 'table' }>): void {
    const s = this.style;
    const L = this.L;
    const columns = Math.max(1, ...b.rows.map((r) => r.cells.length));
    const size = s.sizes.table * 2;
    const align = (i: number, header: boolean) => {
      const a = b.align[i];
      if (header || a === 'center') return CENTER;
      if (a === 'right') return RIGHT;
      return LEFT;
    };
    // No fixed line height in tables: single spacing, off the page's line grid.
    const pPrs = [LEFT, CENTER, RIGHT].map((alignment) => [alignment, paragraphProperties({ style: NO_GRID_STYLE, spacing: NO_GRID_SPACING, alignment })]);
    const pPr = (alignment: string) => pPrs.find(([a]) => a === alignment)![1];
    this.body.push(
      table({
        columnWidth: Math.floor(L.textWidth / columns),
        columns,
        border: { style: SINGLE, size: 4, color: '000000' },
        cellMargins: { top: 40, left: 80, bottom: 40, right: 80 },
        rows: b.rows.map((row) => ({
          header: row.header,
          cells: Array.from({ length: columns }, (_, i) =>
            (row.cells[i] ?? [[]]).map((pieces) => paragraph(pPr(align(i, row.header)), this.runsXml(this.runs(pieces, undefined, size, 0, row.header ? s.fonts.tableHeader : s.fonts.table)))).join(''),
          ),
        })),
      }),
    );
  }

  /** A footer's XML: the page number (a PAGE field between the format's text), 一字 in from the edge on its side. */
  footer(align: 'left' | 'right' | 'center'): string {
    const s = this.style;
    const [before, after] = splitFormat(s.pageNumber.format);
    const side = Math.round(s.pageNumber.sideSpace * this.L.pageNumberChar);
    const rPr = this.rPr({ font: this.font(s.fonts.pageNumber), size: s.sizes.pageNumber * 2 });
    const pPr = paragraphProperties({
      style: NO_GRID_STYLE,
      spacing: NO_GRID_SPACING,
      indent: align === 'left' ? { left: side } : align === 'right' ? { right: side } : undefined,
      alignment: align,
    });
    return footerXml(paragraph(pPr, textRun(rPr, before) + pageNumberRuns(rPr) + textRun(rPr, after)));
  }
}

const SINGLE = 'single';
const EMU = 9525;

/** A run of a footnote, as the package's object (the package writes footnotes.xml). */
function packageRun(r: RunItem): ParagraphChild {
  if (r.kind === 'text') {
    const p = r.props;
    return new TextRun({ text: r.text, font: p.font, size: p.size, characterSpacing: p.spacing, bold: p.bold, strike: p.strike });
  }
  if (r.kind === 'note') return new FootnoteReferenceRun(r.id);
  const alt = r.alt ? { name: r.alt, description: r.alt, title: r.alt } : {};
  return new ImageRun({ type: r.image.type, data: r.image.data, transformation: { width: r.width, height: r.height }, altText: { ...alt, id: String(r.docPrId) } });
}

/** The paragraph style of text off the line grid (tables, footers): w:snapToGrid off (stylesXml). */
export const NO_GRID_STYLE = 'GongwenNoGrid';
export const TITLE_STYLE = 'Title';

function splitFormat(format: string): [string, string] {
  const at = format.indexOf('{n}');
  return at < 0 ? [format, ''] : [format.slice(0, at), format.slice(at + 3)];
}

const IMAGE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** The .docx bytes of a plan, and what could not be placed. `compiler`: the package's (null: `Packer` packs; tests check it gives the same parts). */
export async function writeDocx(plan: Plan, options: WriteOptions, compiler: Compiler | null = PACKAGE_COMPILER): Promise<{ bytes: Uint8Array; warnings: Warning[] }> {
  const s = options.style;
  const w = new Writer(s, plan, options.baseDir);
  const L = w.L;
  const total = plan.blocks.length;
  plan.blocks.forEach((b, i) => {
    w.block(b);
    if (options.onBlock && (i % 200 === 199 || i === total - 1)) options.onBlock(i + 1, total);
  });
  const position = s.pageNumber.position;
  // The footers' XML, default then even (the package names them footer1.xml, footer2.xml in that
  // order); the package's own footers are empty, for its relationships and content types.
  const footerParts = position === 'none' ? [] : position === 'outside' ? [w.footer('right'), w.footer('left')] : [w.footer(position === 'center' ? 'center' : 'right')];
  const footers = footerParts.length === 0 ? undefined : { default: new Footer({ children: [] }), even: footerParts.length > 1 ? new Footer({ children: [] }) : undefined };
  const bodyFont = w.font(s.fonts.body);
  const page = {
    size: { width: L.width, height: L.height },
    margin: { top: L.top, bottom: L.bottom, left: L.left, right: L.right, header: L.header, footer: L.footer, gutter: 0 },
  };
  // The package's document has the section (its footers) but no content: document.xml is ours.
  const doc = new Document({
    title: options.title,
    creator: 'gongwen',
    evenAndOddHeaderAndFooters: position === 'outside',
    footnotes: w.footnotes,
    sections: [{ properties: { page, grid: { type: DocumentGridType.LINES, linePitch: L.linePitch } }, footers, children: [] }],
  });
  // The package's styles.xml is replaced by ours (stylesXml): its default styles, a third of the
  // time the package takes to write its parts, are not written at all.
  doc.Styles.prepForXml = () => ({ 'w:styles': {} });
  // The footers' relationships, in the order the package made them: default, then even.
  const footerIds = doc.Footers.map((f) => `rId${f.View.ReferenceId}`);
  const sectPr = sectionProperties({
    width: L.width,
    height: L.height,
    margin: page.margin,
    linePitch: L.linePitch,
    footers: footers ? { default: footerIds[0], even: footers.even ? footerIds[1] : undefined } : {},
  });
  let body = w.body.join('');
  if (w.images.length > 0) {
    // The body's images into the package, as the package adds an ImageRun's: its media part, and a
    // relationship of the document after the package's own (the font table's comes last).
    const rels = doc.Document.Relationships;
    const ids = w.images.map(({ key, image, cx, cy }) => {
      const transformation = { pixels: { x: Math.round(cx / EMU), y: Math.round(cy / EMU) }, emus: { x: cx, y: cy } };
      doc.Media.addImage(key, { type: image.type, fileName: key, data: image.data, transformation });
      const fileName = doc.Media.Entries.find(([k]) => k === key)![1].fileName;
      const id = rels.RelationshipCount + 1;
      rels.addRelationship(id, IMAGE_RELATIONSHIP, `media/${fileName}`);
      return `rId${id}`;
    });
    body = body.replace(IMAGE_REFS, (_, n: string) => ids[Number(n)]);
  }
  const bytes = await pack(doc, documentXml(body, sectPr), [{ path: 'word/styles.xml', data: stylesXml(s, bodyFont) }, ...footerParts.map((data, i) => ({ path: `word/footer${i + 1}.xml`, data }))], compiler);
  return { bytes, warnings: w.warnings };
}

/** What `Packer` zips: the package's parts by path, in order (`Packer.compiler`, outside the package's typed API). */
interface Compiler {
  compile(file: Document, prettify: undefined, overrides: readonly { path: string; data: string }[]): Map<string, string | Uint8Array | ArrayBuffer>;
}

/** The compiler `Packer` packs with, when the package still has it where this version keeps it. */
export const PACKAGE_COMPILER: Compiler | null = ((c) => (typeof c?.compile === 'function' ? c : null))((Packer as unknown as { compiler?: Compiler }).compiler);

/**
 * The .docx of a document with our document.xml and other parts: the package's parts zipped by
 * `zipParts` (zlib's deflate, half the time of the package's own zip); by `Packer` itself should
 * its compiler be gone.
 */
async function pack(doc: Document, documentPart: string, overrides: readonly { path: string; data: string }[], compiler: Compiler | null): Promise<Uint8Array> {
  const all = [{ path: 'word/document.xml', data: documentPart }, ...overrides];
  if (!compiler) {
    const b = await Packer.toBuffer(doc, false, all);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  const parts = new Map<string, Uint8Array>();
  for (const [path, data] of compiler.compile(doc, undefined, all)) {
    parts.set(path, typeof data === 'string' ? Buffer.from(data, 'utf8') : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));
  }
  return zipParts(parts);
}

const xmlAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The package's styles.xml, written here (an override of the one the package makes) for what the
 * package cannot say: widow control off in the document defaults (every page holds its full
 * number of lines), and w:snapToGrid off in the style of tables and footers (no line of the page
 * grid inside them); the Title style, without formatting of its own. No theme font, no coloured
 * heading styles: only the styles the document uses.
 */
function stylesXml(style: ExportStyle, fonts: Fonts): string {
  const f = `<w:rFonts w:ascii="${xmlAttr(fonts.ascii)}" w:hAnsi="${xmlAttr(fonts.hAnsi)}" w:eastAsia="${xmlAttr(fonts.eastAsia)}" w:cs="${xmlAttr(fonts.cs)}" w:hint="eastAsia"/>`;
  const size = style.sizes.body * 2;
  const small = style.sizes.table * 2;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:docDefaults><w:rPrDefault><w:rPr>${f}<w:color w:val="000000"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    `<w:style w:type="paragraph" w:styleId="${TITLE_STYLE}"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/></w:style>` +
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${NO_GRID_STYLE}"><w:name w:val="gongwen: off the line grid"/><w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="${small}"/><w:szCs w:val="${small}"/></w:rPr></w:style>` +
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>' +
    '</w:styles>'
  );
}
