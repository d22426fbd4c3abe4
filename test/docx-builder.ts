// Builds small .docx packages in tests from XML strings, zipped with fflate: the parts a test
// gives (the body, styles, numbering, notes, footers, settings, theme), with the content types
// and relationships a package needs around them. What Word itself writes is tested in the e2e
// suite, with files LibreOffice makes (test/e2e/word-import.test.mjs).

import { strToU8, zipSync } from 'fflate';

export const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml"';

export interface DocxParts {
  /** The content of `w:body` (paragraphs, tables, a final `w:sectPr`). */
  body: string;
  /** The content of `w:styles`. */
  styles?: string;
  /** The content of `w:numbering`. */
  numbering?: string;
  /** The content of `w:footnotes` (the notes, separators added). */
  footnotes?: string;
  endnotes?: string;
  /** Footers by relationship id (`rIdFooter1` …): the content of each `w:ftr`; refer to them from a `w:sectPr`. */
  footers?: Record<string, string>;
  /** The content of `w:settings`. */
  settings?: string;
  /** A whole theme part (`a:theme`). */
  theme?: string;
  /** Another prefix for the WordprocessingML namespace (names are resolved through namespaces). */
  prefix?: string;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function buildDocx(parts: DocxParts): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const rels: string[] = [];
  const overrides: string[] = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'];
  const add = (name: string, type: string, contentType: string, xml: string, id = `rId${name.replace(/\W/g, '')}`) => {
    files[`word/${name}`] = strToU8(XML + xml);
    rels.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${name}"/>`);
    overrides.push(`<Override PartName="/word/${name}" ContentType="${contentType}"/>`);
  };
  let body = parts.body;
  let ns = NS;
  let root = 'w';
  if (parts.prefix) {
    // The same document with another prefix for the main namespace.
    root = parts.prefix;
    ns = NS.replace('xmlns:w=', `xmlns:${root}=`);
    body = body.replace(/(<\/?)w:/g, `$1${root}:`).replace(/ w:/g, ` ${root}:`);
  }
  files['word/document.xml'] = strToU8(`${XML}<${root}:document ${ns}><${root}:body>${body}</${root}:body></${root}:document>`);
  if (parts.styles !== undefined) add('styles.xml', 'styles', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml', `<w:styles ${NS}>${parts.styles}</w:styles>`);
  if (parts.numbering !== undefined) add('numbering.xml', 'numbering', 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml', `<w:numbering ${NS}>${parts.numbering}</w:numbering>`);
  const separators = (tag: string) => `<w:${tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${tag}><w:${tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${tag}>`;
  if (parts.footnotes !== undefined) add('footnotes.xml', 'footnotes', 'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml', `<w:footnotes ${NS}>${separators('footnote')}${parts.footnotes}</w:footnotes>`);
  if (parts.endnotes !== undefined) add('endnotes.xml', 'endnotes', 'application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml', `<w:endnotes ${NS}>${separators('endnote')}${parts.endnotes}</w:endnotes>`);
  for (const [id, xml] of Object.entries(parts.footers ?? {})) {
    add(`footer-${id}.xml`, 'footer', 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml', `<w:ftr ${NS}>${xml}</w:ftr>`, id);
  }
  if (parts.settings !== undefined) add('settings.xml', 'settings', 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml', `<w:settings ${NS}>${parts.settings}</w:settings>`);
  if (parts.theme !== undefined) add('theme/theme1.xml', 'theme', 'application/vnd.openxmlformats-officedocument.theme+xml', parts.theme);
  files['word/_rels/document.xml.rels'] = strToU8(`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  files['_rels/.rels'] = strToU8(
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  files['[Content_Types].xml'] = strToU8(
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
  );
  return zipSync(files);
}

/** A paragraph: `p('正文')`, `p('正文', { pPr: '<w:jc w:val="center"/>', rPr: '<w:b/>' })`. */
export function p(text: string, o: { pPr?: string; rPr?: string } = {}): string {
  return `<w:p>${o.pPr ? `<w:pPr>${o.pPr}</w:pPr>` : ''}<w:r>${o.rPr ? `<w:rPr>${o.rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A numbered paragraph of list `numId` at level `ilvl`. */
export function np(numId: number, ilvl: number, text: string, pPr = ''): string {
  return p(text, { pPr: `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>${pPr}` });
}

/** A level of an abstract numbering. */
export function lvl(ilvl: number, format: string, text: string, extra = '', start = 1): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
}

/** The Chinese multi-level list of a report: 一、 （一） 1. （1）. */
export const CHINESE_LEVELS = lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）') + lvl(2, 'decimal', '%3.') + lvl(3, 'decimal', '（%4）');
