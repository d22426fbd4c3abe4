// A plan (plan.ts) into a .docx, with the `docx` package. Every run names its font in every slot
// (ascii, hAnsi, eastAsia, cs) with w:hint="eastAsia", so “ ” ‘ ’ —— …… take the Chinese font,
// and no theme font is ever named (a theme font wins over an explicit one: 黑体 became 等线).

import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  FootnoteReferenceRun,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { ExportStyle } from '../engine/export-settings.js';
import type { Level } from '../engine/model/markers.js';
import type { MessageRef } from '../engine/types.js';
import { fitted, loadImage } from './images.js';
import { pageLayout, mm, type PageLayout } from './layout.js';
import type { Block, ImagePiece, Piece, Plan } from './plan.js';
import { textWidth } from './text.js';
import { exportRef } from './messages.js';

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

type Fonts = { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint: string };

function fontSlots(name: string, latin: string): Fonts {
  const l = latin || name;
  return { ascii: l, hAnsi: l, eastAsia: name, cs: name, hint: 'eastAsia' };
}

const NO_GRID_SPACING = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

class Writer {
  readonly L: PageLayout;
  readonly warnings: Warning[] = [];
  private readonly noteIds = new Map<string, number>();
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};

  constructor(
    private readonly style: ExportStyle,
    private readonly plan: Plan,
    private readonly baseDir: string | undefined,
  ) {
    this.L = pageLayout(style);
  }

  font(name: string): Fonts {
    return fontSlots(name, this.style.fonts.latin);
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

  /** Runs of body-size text: the level's font for the heading part, bold per the style. */
  runs(pieces: readonly Piece[], level: Level | undefined, size: number, spacing: number, baseFont: string, line?: number): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const p of pieces) {
      if (p.kind === 'text') {
        const boldAsFont = p.bold && this.style.bold === 'font';
        const name = p.heading ? this.levelFont(level) : boldAsFont ? this.style.fonts.bold : baseFont;
        const options: IRunOptions = {
          text: p.text,
          font: this.font(name),
          size,
          characterSpacing: spacing || undefined,
          bold: p.bold && !boldAsFont ? true : undefined,
          strike: p.strike || undefined,
        };
        out.push(new TextRun(options));
      } else if (p.kind === 'image') {
        out.push(this.image(p, size, spacing, baseFont) ?? new TextRun({ text: p.alt || '图', font: this.font(baseFont), size }));
      } else {
        const id = this.note(p.label, line);
        if (id !== undefined) out.push(new FootnoteReferenceRun(id));
      }
    }
    return out;
  }

  image(p: ImagePiece, size: number, spacing: number, baseFont: string): ParagraphChild | undefined {
    const loaded = loadImage(p.src, this.baseDir);
    if ('id' in loaded) {
      this.warnings.push({ line: p.line, message: loaded });
      return new TextRun({ text: p.alt ? `〔${p.alt}〕` : '〔图〕', font: this.font(baseFont), size, characterSpacing: spacing || undefined });
    }
    const { width, height } = fitted(loaded, this.L.textWidth, Math.floor(this.L.textHeight * 0.9));
    return new ImageRun({ type: loaded.type, data: loaded.data, transformation: { width, height }, altText: p.alt ? { name: p.alt, description: p.alt, title: p.alt } : undefined });
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
      children: paragraphs.map((pieces) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: NO_GRID_SPACING, children: this.runs(pieces, undefined, size, 0, this.style.fonts.body) })),
    };
    return id;
  }

  bodyParagraph(pieces: readonly Piece[], level: Level | undefined, extra: Partial<IParagraphOptions> = {}, line?: number): Paragraph {
    const s = this.style;
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: this.L.bodyChar * 2 },
      ...extra,
      children: this.runs(pieces, level, s.sizes.body * 2, this.L.bodySpacing, s.fonts.body, line),
    });
  }

  blank(): Paragraph {
    return new Paragraph({ children: [] });
  }

  block(b: Block): (Paragraph | Table)[] {
    const s = this.style;
    const L = this.L;
    const bodySize = s.sizes.body * 2;
    const text = (t: string, font: string, size = bodySize, spacing = L.bodySpacing, more: Partial<IRunOptions> = {}) =>
      new TextRun({ text: t, font: this.font(font), size, characterSpacing: spacing || undefined, ...more });
    switch (b.kind) {
      case 'title':
        return [
          new Paragraph({
            // The Title style (no formatting of its own: the runs say it all) tells Word's style list,
            // and a reader such as `gongwen import`, that this is the title wherever it stands.
            style: TITLE_STYLE,
            alignment: AlignmentType.CENTER,
            children: b.lines.map((l, i) => new TextRun({ text: l, font: this.font(s.fonts.title), size: s.sizes.title * 2, break: i > 0 ? 1 : undefined })),
          }),
        ];
      case 'blank':
        return [this.blank()];
      case 'addressee':
        return [this.bodyParagraph(b.pieces, undefined, { indent: { firstLine: 0 } })];
      case 'paragraph': {
        if (b.plain) return [this.bodyParagraph(b.pieces, undefined, { alignment: AlignmentType.LEFT })];
        const level = b.level ?? (b.headingDepth !== undefined ? (Math.min(4, Math.max(1, b.headingDepth - 1)) as Level) : undefined);
        const outline = !b.outline ? undefined : b.level !== undefined && b.level <= 4 ? b.level - 1 : b.headingDepth !== undefined ? Math.min(8, Math.max(0, b.headingDepth - 2)) : undefined;
        return [this.bodyParagraph(b.pieces, level, outline !== undefined ? { outlineLevel: outline } : {})];
      }
      case 'image': {
        const run = this.image(b.image, bodySize, L.bodySpacing, s.fonts.body);
        return [new Paragraph({ alignment: AlignmentType.CENTER, children: run ? [run] : [] })];
      }
      case 'table':
        return [this.table(b)];
      case 'attachments': {
        const label = b.label;
        const labelW = this.width(label, bodySize, L.bodySpacing);
        const two = L.bodyChar * 2;
        if (b.items.length <= 1) {
          return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { left: two + labelW, hanging: labelW }, children: [text(label + (b.items[0] ?? ''), s.fonts.body)] })];
        }
        return b.items.map((item, i) => {
          const number = /^[0-9０-９]{1,2}[.．、]/.exec(item)?.[0] ?? '';
          const numberW = this.width(number, bodySize, L.bodySpacing);
          // 7.3.4: wrapped lines line up with the first character of the name.
          return new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { left: two + labelW + numberW, hanging: numberW + (i === 0 ? labelW : 0) },
            children: [text((i === 0 ? label : '') + item, s.fonts.body)],
          });
        });
      }
      case 'signature': {
        // 7.3.5: the date 右空四字; the signer centred over the date (at least 右空二字).
        const dateW = b.date ? this.width(b.date, bodySize, L.bodySpacing) : 0;
        const widest = Math.max(0, ...b.signers.map((l) => this.width(l, bodySize, L.bodySpacing)));
        let dateRight = L.bodyChar * 4;
        if (b.date && dateRight + (dateW - widest) / 2 < L.bodyChar * 2) dateRight = L.bodyChar * 2 + (widest - dateW) / 2;
        const out = b.signers.map((l) => {
          const w = this.width(l, bodySize, L.bodySpacing);
          const right = b.date ? Math.round(dateRight + (dateW - w) / 2) : dateRight;
          return new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.max(0, right) }, children: [text(l, s.fonts.body)] });
        });
        if (b.date) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(dateRight) }, children: [text(b.date, s.fonts.body)] }));
        return out;
      }
      case 'letterhead': {
        const out: Paragraph[] = [];
        if (b.organ) {
          // 7.2.4: red 小标宋, centred, as large as fits one line (at most 初号, 42 pt); 35 mm below the 版心's top.
          const pt = Math.max(22, Math.min(42, Math.floor((L.textWidth / 20 / Math.max(1, textWidth(b.organ))) * 0.9)));
          out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: mm(35) }, children: [new TextRun({ text: b.organ, font: this.font(s.fonts.title), size: pt * 2, color: 'FF0000' })] }));
          out.push(this.blank(), this.blank());
        }
        // 7.2.6: the red separator 4 mm below the 发文字号, as wide as the 版心.
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 11 } },
            children: b.number ? [text(b.number, s.fonts.body)] : [],
          }),
        );
        out.push(this.blank(), this.blank());
        return out;
      }
      case 'imprint': {
        // 7.4: 4号仿宋, 左右各空一字; lines as wide as the 版心, the first and last thick.
        const size = s.sizes.table * 2;
        const one = size * 10;
        const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
        const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
        const out: Paragraph[] = [];
        if (b.cc) {
          const cc = /[。.]$/.test(b.cc) ? b.cc : `${b.cc}。`;
          const labelW = this.width('抄送：', size, 0);
          out.push(
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              indent: { left: one + labelW, hanging: labelW, right: one },
              border: { top: thick, bottom: b.printer || b.printDate ? thin : thick },
              children: [text(`抄送：${cc}`, s.fonts.body, size, 0)],
            }),
          );
        }
        if (b.printer || b.printDate) {
          out.push(
            new Paragraph({
              indent: { left: one, right: one },
              tabStops: [{ type: TabStopType.RIGHT, position: L.textWidth - one * 2 }],
              border: { top: b.cc ? undefined : thick, bottom: thick },
              children: [text(b.printer ?? '', s.fonts.body, size, 0), new TextRun({ children: [new Tab()], font: this.font(s.fonts.body), size }), text(b.printDate ? `${b.printDate}印发` : '', s.fonts.body, size, 0)],
            }),
          );
        }
        return out;
      }
    }
  }

  table(b: Extract<Block, { kind: 'table' }>): Table {
    const s = this.style;
    const L = this.L;
    const columns = Math.max(1, ...b.rows.map((r) => r.cells.length));
    const size = s.sizes.table * 2;
    const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    const align = (i: number, header: boolean) => {
      const a = b.align[i];
      if (header || a === 'center') return AlignmentType.CENTER;
      if (a === 'right') return AlignmentType.RIGHT;
      return AlignmentType.LEFT;
    };
    const width = Math.floor(L.textWidth / columns);
    return new Table({
      width: { size: width * columns, type: WidthType.DXA },
      columnWidths: Array.from({ length: columns }, () => width),
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: b.rows.map(
        (row) =>
          new TableRow({
            tableHeader: row.header || undefined,
            children: Array.from({ length: columns }, (_, i) => {
              const paragraphs = row.cells[i] ?? [[]];
              return new TableCell({
                width: { size: width, type: WidthType.DXA },
                margins: { left: 80, right: 80, top: 40, bottom: 40 },
                children: paragraphs.map(
                  (pieces) =>
                    new Paragraph({
                      alignment: align(i, row.header),
                      // No fixed line height in tables: single spacing, off the page's line grid.
                      style: NO_GRID_STYLE,
                      spacing: NO_GRID_SPACING,
                      children: this.runs(pieces, undefined, size, 0, row.header ? s.fonts.tableHeader : s.fonts.table),
                    }),
                ),
              });
            }),
          }),
      ),
    });
  }

  footer(align: 'left' | 'right' | 'center'): Footer {
    const s = this.style;
    const [before, after] = splitFormat(s.pageNumber.format);
    const size = s.sizes.pageNumber * 2;
    const side = Math.round(s.pageNumber.sideSpace * this.L.pageNumberChar);
    const font = this.font(s.fonts.pageNumber);
    return new Footer({
      children: [
        new Paragraph({
          style: NO_GRID_STYLE,
          alignment: align === 'left' ? AlignmentType.LEFT : align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
          indent: align === 'left' ? { left: side } : align === 'right' ? { right: side } : undefined,
          spacing: NO_GRID_SPACING,
          children: [new TextRun({ children: [before, PageNumber.CURRENT, after], font, size })],
        }),
      ],
    });
  }
}

/** The paragraph style of text off the line grid (tables, footers): w:snapToGrid off (stylesXml). */
export const NO_GRID_STYLE = 'GongwenNoGrid';
export const TITLE_STYLE = 'Title';

function splitFormat(format: string): [string, string] {
  const at = format.indexOf('{n}');
  return at < 0 ? [format, ''] : [format.slice(0, at), format.slice(at + 3)];
}

/** The .docx bytes of a plan, and what could not be placed. */
export async function writeDocx(plan: Plan, options: WriteOptions): Promise<{ bytes: Uint8Array; warnings: Warning[] }> {
  const s = options.style;
  const w = new Writer(s, plan, options.baseDir);
  const L = w.L;
  const children: (Paragraph | Table)[] = [];
  const total = plan.blocks.length;
  plan.blocks.forEach((b, i) => {
    for (const x of w.block(b)) children.push(x);
    if (options.onBlock && (i % 200 === 199 || i === total - 1)) options.onBlock(i + 1, total);
  });
  const position = s.pageNumber.position;
  const footers =
    position === 'none' ? undefined : position === 'outside' ? { default: w.footer('right'), even: w.footer('left') } : { default: w.footer(position === 'center' ? 'center' : 'right') };
  const bodyFont = w.font(s.fonts.body);
  const doc = new Document({
    title: options.title,
    creator: 'gongwen',
    evenAndOddHeaderAndFooters: position === 'outside',
    footnotes: w.footnotes,
    sections: [
      {
        properties: {
          page: {
            size: { width: L.width, height: L.height },
            margin: { top: L.top, bottom: L.bottom, left: L.left, right: L.right, header: L.header, footer: L.footer, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: L.linePitch },
        },
        footers,
        children,
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc, false, [{ path: 'word/styles.xml', data: stylesXml(s, bodyFont) }]);
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), warnings: w.warnings };
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
