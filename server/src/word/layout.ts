// The page of GB/T 9704-2012 in Word's units (twips: 1/20 point, 1440 an inch), worked out from a
// style: A4, margins top 37 mm and left 28 mm, a 版心 of 156 × 225 mm (5.1, 5.2.1), and the grid
// that puts `linesPerPage` lines on a page and `charsPerLine` characters on a line (5.2.3).
//
// What renders 22 × 28 (checked in LibreOffice by test/e2e/export-render.test.mjs): a line grid
// (`w:docGrid w:type="lines"`) whose pitch is the 版心's height over the lines, and a character
// spacing on every body run that makes `charsPerLine` characters just fill the 版心's width
// (−0.25 pt for 3号 and 28). A character grid (`linesAndChars`) is not used: LibreOffice lays a
// 三号 character over two of its cells, 14 a line. Widow control is off, or a page ends a line
// short whenever a paragraph's last line would stand alone on the next page.

import type { ExportStyle } from '../engine/export-settings.js';

export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (x: number) => Math.round(x * TWIPS_PER_MM);

export interface PageLayout {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Distance of the footer from the page's bottom edge. */
  footer: number;
  header: number;
  textWidth: number;
  textHeight: number;
  linePitch: number;
  /** Character spacing of body runs, in twips (w:spacing w:val). */
  bodySpacing: number;
  /** One body character's advance, in twips: the unit of 空二字 and of the signature's 右空四字. */
  bodyChar: number;
  /** One page-number character (4号), for its side space. */
  pageNumberChar: number;
}

export function pageLayout(style: ExportStyle): PageLayout {
  const width = 11906;
  const height = 16838;
  const top = mm(37);
  const left = mm(28);
  const textWidth = mm(156);
  const textHeight = mm(225);
  const right = width - left - textWidth;
  const bottom = height - top - textHeight;
  const linePitch = Math.floor(textHeight / style.linesPerPage);
  const bodySize = style.sizes.body * 20;
  // The largest spacing (in whole twips) at which the characters still fit the line.
  const bodySpacing = Math.floor(textWidth / style.charsPerLine - bodySize);
  const pageNumberSize = style.sizes.pageNumber * 20;
  // 7.5: the page number's line 7 mm below the 版心 (its own height, single spacing, above the footer distance).
  const footer = Math.max(mm(5), bottom - mm(7) - Math.round(pageNumberSize * 1.2));
  return {
    width, height, top, bottom, left, right, footer, header: mm(15), textWidth, textHeight, linePitch,
    bodySpacing, bodyChar: bodySize + bodySpacing, pageNumberChar: pageNumberSize,
  };
}
