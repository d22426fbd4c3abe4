// Word-rule fixtures (test/fixtures/word/<id>.xml and <id>-negatives.xml): the Word-only rules
// (meta.input 'word') read a document's layout, which a Markdown fixture cannot carry. A fixture
// is the XML of the parts that matter, inside a document laid out to GB/T 9704 (the skeleton
// below: A4, 37/28 mm margins, a 22-line grid, 3号仿宋 body text with a two-character indent,
// — 1 — page numbers in odd and even footers), so that it shows only the deviation it tests:
//
//   <!-- fixture: rules=word-level-font -->             (first line, as in the Markdown fixtures)
//   <fixture>
//     <body> …w:p, w:tbl, and optionally the body's own w:sectPr… </body>
//     <styles> …w:style…, added after the skeleton's (a later style of the same id wins) </styles>
//     <numbering> …w:abstractNum, w:num… </numbering>
//     <footer id="rIdF1"> …the content of a w:ftr, referred to from a w:sectPr… </footer>
//     <settings> …replaces the skeleton's w:settings (w:evenAndOddHeaders)… </settings>
//   </fixture>
//
// Expectations are comments inside the paragraph a finding is located in:
// `<!-- expect: rule-id/key@column -->`, the column in the paragraph's text as a reader sees it
// (as `gongwen check report.docx` prints: 第N段:column). Paragraphs are numbered as they open in
// the body, the way the reader numbers them. The fixture is zipped into a real .docx and read by
// the same code as `gongwen check`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../server/src/engine/check.js';
import type { Diagnostic, RuleSetting } from '../server/src/engine/types.js';
import { importDocx } from '../server/src/word/import.js';
import { buildDocx } from './docx-builder.js';
import { cmp, fixtureHeader } from './fixture-harness.js';

export const GB_STYLES =
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman" w:hint="eastAsia"/><w:sz w:val="32"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>';

const footer = (align: string) =>
  `<w:p><w:pPr><w:jc w:val="${align}"/><w:ind w:firstLine="0"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>` +
  '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>' +
  '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r></w:p>';

export const GB_FOOTERS = { rIdGbOdd: footer('right'), rIdGbEven: footer('left') };

export const GB_SECTION =
  '<w:sectPr><w:footerReference w:type="default" r:id="rIdGbOdd"/><w:footerReference w:type="even" r:id="rIdGbEven"/><w:pgSz w:w="11906" w:h="16838"/>' +
  '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1247" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>';

const GB_SETTINGS = '<w:evenAndOddHeaders/><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>';

function region(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return m?.[1];
}

/** The .docx of a fixture's XML (a `<fixture>`, or only the content of its `<body>`). */
export function fixtureDocx(xml: string): Uint8Array {
  const whole = /<fixture>/.test(xml) ? xml : `<fixture><body>${xml}</body></fixture>`;
  let body = region(whole, 'body') ?? '';
  // The body's own section properties, if it ends with them; else the skeleton's.
  if (!/(?:<\/w:sectPr>|<w:sectPr\s*\/>)\s*(?:<!--[\s\S]*?-->\s*)*$/.test(body)) body += GB_SECTION;
  const footers: Record<string, string> = { ...GB_FOOTERS };
  for (const m of whole.matchAll(/<footer id="([^"]+)">([\s\S]*?)<\/footer>/g)) footers[m[1]] = m[2];
  return buildDocx({
    body,
    styles: GB_STYLES + (region(whole, 'styles') ?? ''),
    numbering: region(whole, 'numbering'),
    footers,
    settings: region(whole, 'settings') ?? GB_SETTINGS,
  });
}

export interface WordFixture {
  name: string;
  file: string;
  xml: string;
  rules: Record<string, RuleSetting>;
  type?: string;
  /** Sorted `paragraph:column:messageId` strings. */
  expected: string[];
}

/** The `expect` comments of a fixture, by the paragraph they stand in. */
export function expectationsOf(xml: string): string[] {
  const body = region(/<fixture>/.test(xml) ? xml : `<fixture><body>${xml}</body></fixture>`, 'body') ?? '';
  const out: string[] = [];
  const open: number[] = [];
  let count = 0;
  for (const m of body.matchAll(/<w:p(?=[\s>/])[^>]*>|<\/w:p>|<!--\s*expect:([^>]*)-->/g)) {
    const token = m[0];
    if (token === '</w:p>') open.pop();
    else if (token.startsWith('<w:p')) {
      count++;
      if (!token.endsWith('/>')) open.push(count);
    } else {
      const paragraph = open[open.length - 1];
      if (paragraph === undefined) throw new Error(`expectation outside a paragraph: ${token}`);
      for (const item of m[1].trim().split(/[\s,]+/).filter(Boolean)) {
        const e = /^([a-z-]+\/[A-Za-z0-9]+)@([0-9]+)$/.exec(item);
        if (!e) throw new Error(`expectation "${item}" is not rule-id/key@column`);
        out.push(`${paragraph}:${e[2]}:${e[1]}`);
      }
    }
  }
  return out.sort(cmp);
}

export function readWordFixture(file: string): WordFixture {
  const xml = fs.readFileSync(file, 'utf8');
  const { rules, type } = fixtureHeader(xml);
  return { name: path.basename(file, '.xml'), file, xml, rules, type, expected: expectationsOf(xml) };
}

/** Checks a fixture's document as `gongwen check` does; the findings with where they are in the document. */
export function checkWordXml(xml: string, options: { rules?: Record<string, RuleSetting>; type?: string; structure?: 'always' } = {}): { diagnostics: Diagnostic[]; places: string[] } {
  const imported = importDocx(fixtureDocx(xml));
  const { diagnostics } = checkText(imported.markdown, { ...options, word: imported.layout });
  const places = diagnostics.map((d) => {
    const at = imported.locate(d.range.start.offset);
    return `${at.part === 'body' ? '' : `${at.part}-`}${at.paragraph}:${at.column}:${d.messageId}`;
  });
  return { diagnostics, places: places.sort(cmp) };
}
