// WordprocessingML as text: the parts the export writes itself — document.xml's paragraphs, runs,
// tables, inline images and section properties, and the footers — byte for byte as the `docx`
// package writes the same options (its element and attribute order, its numbers floored to
// integers, its escaping, which also drops the control characters XML 1.0 cannot hold). The
// package builds an object for every element and property and walks them twice to write them; for
// a 30-page report that was most of the export's time. The package still makes the rest of the
// .docx (docx-writer.ts).

const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const SPECIALS = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text or an attribute value escaped as the package escapes both (control characters dropped). */
export function esc(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ENTITY[c] ?? '') : s;
}

// The package's measure conversions: a number is floored; some may not be negative.
function signed(v: number): number {
  if (!Number.isFinite(v)) throw new Error(`Invalid value '${v}' specified. Must be an integer.`);
  return Math.floor(v);
}
function unsigned(v: number): number {
  const n = signed(v);
  if (n < 0) throw new Error(`Invalid value '${v}' specified. Must be a positive integer.`);
  return n;
}

/** `name="value"` for each defined value, in the order given. */
function attrs(pairs: readonly (readonly [string, string | number | undefined])[]): string {
  let s = '';
  for (const [k, v] of pairs) if (v !== undefined) s += ` ${k}="${typeof v === 'string' ? esc(v) : v}"`;
  return s;
}

export interface Fonts {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
  hint: string;
}

export interface RunProps {
  font: Fonts;
  /** Half-points. */
  size: number;
  /** Character spacing in twips; 0 or undefined: none. */
  spacing?: number;
  bold?: true;
  strike?: true;
  /** Hex RGB. */
  color?: string;
}

/** A run's `w:rPr` (rStyle, rFonts, b, bCs, strike, color, spacing, sz, szCs: the package's order). */
export function runProperties(p: RunProps): string {
  const f = p.font;
  let s = `<w:rPr><w:rFonts${attrs([['w:ascii', f.ascii], ['w:cs', f.cs], ['w:eastAsia', f.eastAsia], ['w:hAnsi', f.hAnsi], ['w:hint', f.hint]])}/>`;
  if (p.bold) s += '<w:b/><w:bCs/>';
  if (p.strike) s += '<w:strike/>';
  if (p.color) s += `<w:color w:val="${esc(p.color)}"/>`;
  if (p.spacing) s += `<w:spacing w:val="${signed(p.spacing)}"/>`;
  const size = unsigned(p.size);
  s += `<w:sz w:val="${size}"/>`;
  if (p.size) s += `<w:szCs w:val="${size}"/>`;
  return s + '</w:rPr>';
}

/** A run of text after its properties (`rPr`, from runProperties); `breaks` line breaks before the text. */
export function textRun(rPr: string, text: string, breaks = 0): string {
  return `<w:r>${rPr}${'<w:br/>'.repeat(breaks)}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

export function tabRun(rPr: string): string {
  return `<w:r>${rPr}<w:tab/></w:r>`;
}

export function footnoteReferenceRun(id: number): string {
  return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
}

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';

/** An inline picture (the package's ImageRun): `cx` × `cy` EMUs, its relationship, its drawing id and alt text. */
export function imageRun(cx: number, cy: number, rId: string, docPrId: number, alt: string): string {
  const docPr = alt ? attrs([['id', docPrId], ['name', alt], ['descr', alt], ['title', alt]]) : attrs([['id', docPrId], ['name', '']]);
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/><wp:docPr${docPr}/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}">` +
    `<pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

export interface BorderSpec {
  style: string;
  size: number;
  color: string;
  space?: number;
}

function border(name: string, b: BorderSpec): string {
  return `<${name}${attrs([['w:val', b.style], ['w:color', b.color], ['w:sz', unsigned(b.size)], ['w:space', b.space === undefined ? undefined : unsigned(b.space)]])}/>`;
}

export interface ParagraphProps {
  style?: string;
  border?: { top?: BorderSpec; bottom?: BorderSpec };
  tabStops?: readonly { type: string; position: number }[];
  spacing?: { after?: number; before?: number; line?: number; lineRule?: string };
  indent?: { left?: number; right?: number; hanging?: number; firstLine?: number };
  /** w:jc: left, center, right, both. */
  alignment?: string;
  outlineLevel?: number;
}

/** A paragraph's `w:pPr` (pStyle, pBdr, tabs, spacing, ind, jc, outlineLvl: the package's order); empty when it has none. */
export function paragraphProperties(p: ParagraphProps): string {
  let s = '';
  if (p.style) s += `<w:pStyle w:val="${esc(p.style)}"/>`;
  if (p.border) {
    let b = '';
    if (p.border.top) b += border('w:top', p.border.top);
    if (p.border.bottom) b += border('w:bottom', p.border.bottom);
    if (b) s += `<w:pBdr>${b}</w:pBdr>`;
  }
  if (p.tabStops && p.tabStops.length > 0) s += `<w:tabs>${p.tabStops.map((t) => `<w:tab${attrs([['w:val', t.type], ['w:pos', signed(t.position)]])}/>`).join('')}</w:tabs>`;
  const sp = p.spacing;
  if (sp) s += `<w:spacing${attrs([['w:after', sp.after], ['w:before', sp.before], ['w:line', sp.line], ['w:lineRule', sp.lineRule]])}/>`;
  const ind = p.indent;
  if (ind) {
    const u = (v: number | undefined) => (v === undefined ? undefined : unsigned(v));
    const g = (v: number | undefined) => (v === undefined ? undefined : signed(v));
    s += `<w:ind${attrs([['w:left', g(ind.left)], ['w:right', g(ind.right)], ['w:hanging', u(ind.hanging)], ['w:firstLine', u(ind.firstLine)]])}/>`;
  }
  if (p.alignment) s += `<w:jc w:val="${p.alignment}"/>`;
  if (p.outlineLevel !== undefined) s += `<w:outlineLvl w:val="${p.outlineLevel}"/>`;
  return s ? `<w:pPr>${s}</w:pPr>` : '';
}

/** A paragraph of its properties (from paragraphProperties) and runs. */
export function paragraph(pPr: string, runs: string): string {
  return pPr || runs ? `<w:p>${pPr}${runs}</w:p>` : '<w:p/>';
}

export interface TableSpec {
  /** Twips; every column the same width. */
  columnWidth: number;
  columns: number;
  border: BorderSpec;
  cellMargins: { top: number; left: number; bottom: number; right: number };
  /** Each row: whether it repeats as a header, and its cells' paragraphs (written). */
  rows: readonly { header: boolean; cells: readonly string[] }[];
}

function dxa(name: string, w: number): string {
  return `<${name} w:type="dxa" w:w="${signed(w)}"/>`;
}

export function table(t: TableSpec): string {
  const line = (name: string) => border(name, t.border);
  let s = `<w:tbl><w:tblPr>${dxa('w:tblW', t.columnWidth * t.columns)}<w:tblBorders>${line('w:top')}${line('w:left')}${line('w:bottom')}${line('w:right')}${line('w:insideH')}${line('w:insideV')}</w:tblBorders></w:tblPr>`;
  s += `<w:tblGrid>${`<w:gridCol w:w="${unsigned(t.columnWidth)}"/>`.repeat(t.columns)}</w:tblGrid>`;
  const m = t.cellMargins;
  const tcPr = `<w:tcPr>${dxa('w:tcW', t.columnWidth)}<w:tcMar>${dxa('w:top', m.top)}${dxa('w:left', m.left)}${dxa('w:bottom', m.bottom)}${dxa('w:right', m.right)}</w:tcMar></w:tcPr>`;
  for (const row of t.rows) {
    s += row.header ? '<w:tr><w:trPr><w:tblHeader/></w:trPr>' : '<w:tr>';
    for (const cell of row.cells) s += `<w:tc>${tcPr}${cell}</w:tc>`;
    s += '</w:tr>';
  }
  return s + '</w:tbl>';
}

export interface SectionSpec {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter: number };
  linePitch: number;
  /** Relationship ids of the footers, by type. */
  footers: { default?: string; even?: string };
}

/** The section's `w:sectPr` (footer references, page size and margins, page numbering, the line grid). */
export function sectionProperties(s: SectionSpec): string {
  let x = '<w:sectPr>';
  if (s.footers.default) x += `<w:footerReference w:type="default" r:id="${s.footers.default}"/>`;
  if (s.footers.even) x += `<w:footerReference w:type="even" r:id="${s.footers.even}"/>`;
  const m = s.margin;
  x += `<w:pgSz w:w="${unsigned(s.width)}" w:h="${unsigned(s.height)}" w:orient="portrait"/>`;
  x += `<w:pgMar w:top="${signed(m.top)}" w:right="${unsigned(m.right)}" w:bottom="${signed(m.bottom)}" w:left="${unsigned(m.left)}" w:header="${unsigned(m.header)}" w:footer="${unsigned(m.footer)}" w:gutter="${unsigned(m.gutter)}"/>`;
  return `${x}<w:pgNumType/><w:docGrid w:type="lines" w:linePitch="${signed(s.linePitch)}"/></w:sectPr>`;
}

/** The runs of a PAGE field (the page's number), each with the properties given. */
export function pageNumberRuns(rPr: string): string {
  return (
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve">PAGE</w:instrText></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`
  );
}

const FOOTER_OPEN =
  '<w:ftr xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">';

/** A footer part (footerN.xml) of its content. */
export function footerXml(content: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${FOOTER_OPEN}${content}</w:ftr>`;
}

/** The namespaces the package declares on w:document. */
const DOCUMENT_OPEN =
  '<w:document mc:Ignorable="w14 w15 wp14" xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex" xmlns:cx2="http://schemas.microsoft.com/office/drawing/2015/10/21/chartex" xmlns:cx3="http://schemas.microsoft.com/office/drawing/2016/5/9/chartex" xmlns:cx4="http://schemas.microsoft.com/office/drawing/2016/5/10/chartex" xmlns:cx5="http://schemas.microsoft.com/office/drawing/2016/5/11/chartex" xmlns:cx6="http://schemas.microsoft.com/office/drawing/2016/5/12/chartex" xmlns:cx7="http://schemas.microsoft.com/office/drawing/2016/5/13/chartex" xmlns:cx8="http://schemas.microsoft.com/office/drawing/2016/5/14/chartex" xmlns:aink="http://schemas.microsoft.com/office/drawing/2016/ink" xmlns:am3d="http://schemas.microsoft.com/office/drawing/2017/model3d" xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex" xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid" xmlns:w16="http://schemas.microsoft.com/office/word/2018/wordml" xmlns:w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash" xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex">';

/** The whole of document.xml: the body's content, then the section's properties. */
export function documentXml(body: string, sectPr: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${DOCUMENT_OPEN}<w:body>${body}${sectPr}</w:body></w:document>`;
}
