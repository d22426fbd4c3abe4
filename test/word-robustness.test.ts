// A damaged or hostile .docx never crashes the reader: it is read, or refused with a WordReadError
// (and `gongwen check` says why, naming the file). Seeded, so a failure can be replayed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { importDocx, WordReadError } from '../server/src/word/import.js';
import { checkText } from '../server/src/engine/check.js';
import { buildDocx, CHINESE_LEVELS, np, p } from './docx-builder.js';
import { rng } from './fixture-harness.js';

const numbering = `<w:abstractNum w:abstractNumId="0">${CHINESE_LEVELS}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
const BASE = buildDocx({
  body:
    p('某局工作总结') + np(1, 0, '主要工作') + np(1, 1, '强化学习') +
    '<w:tbl><w:tr><w:tc>' + p('表格') + '</w:tc></w:tr></w:tbl>' +
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
    np(1, 0, '存在问题') + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
  numbering,
  styles: '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:basedOn w:val="a"/></w:style>',
});
const PARTS = unzipSync(BASE);

const PIECES = ['<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>', '</w:t>', '<w:tbl>', '<w:tc>', '<w:numPr><w:numId w:val="1"/><w:ilvl w:val="7"/></w:numPr>', '<w:fldChar w:fldCharType="begin"/>', '<w:fldChar w:fldCharType="end"/>', '<w:del>', '<!--', '&amp;', '&#0;', '&bogus;', '<![CDATA[x]]>', '"', '<', '>', '/', 'w:', '\u0000', '\uFFFF', '一、'];

function damaged(xml: string, random: () => number): string {
  let s = xml;
  for (let i = 0, n = 1 + Math.floor(random() * 6); i < n; i++) {
    const at = Math.floor(random() * s.length);
    const op = random();
    if (op < 0.5) s = s.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + s.slice(at);
    else if (op < 0.8) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(random() * 30));
    else s = s.slice(0, at) + s.slice(Math.floor(random() * s.length)).slice(0, 40) + s.slice(at);
  }
  return s;
}

test('damaged document, numbering and styles parts: read or refused with a WordReadError, never another exception (300 seeds)', () => {
  const random = rng(20251202);
  let refused = 0;
  for (let i = 0; i < 300; i++) {
    const part = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'][i % 3];
    const files = { ...PARTS, [part]: strToU8(damaged(strFromU8(PARTS[part]), random)) };
    try {
      const { markdown, layout } = importDocx(zipSync(files));
      checkText(markdown, { word: layout });
    } catch (e) {
      assert.ok(e instanceof WordReadError, `seed step ${i} (${part}): ${(e as Error)?.stack}`);
      refused++;
    }
  }
  assert.ok(refused > 0 && refused < 300, `some damage is refused, some read (${refused} refused)`);
});

test('a truncated or bit-flipped archive is refused as not a ZIP, or read', () => {
  const random = rng(7);
  for (let i = 0; i < 100; i++) {
    const bytes = new Uint8Array(BASE);
    if (i % 2 === 0) {
      const cut = bytes.subarray(0, Math.floor(random() * bytes.length));
      assert.throws(() => importDocx(cut), (e) => e instanceof WordReadError);
    } else {
      for (let k = 0; k < 5; k++) bytes[Math.floor(random() * bytes.length)] ^= 1 << Math.floor(random() * 8);
      try {
        importDocx(bytes);
      } catch (e) {
        assert.ok(e instanceof WordReadError, String((e as Error)?.stack));
      }
    }
  }
});

test('elements nested 10,000 deep are refused as too deep, not a stack overflow', () => {
  const deep = '<w:sdt><w:sdtContent>'.repeat(10_000) + p('甲') + '</w:sdtContent></w:sdt>'.repeat(10_000);
  assert.throws(() => importDocx(buildDocx({ body: deep })), (e) => e instanceof WordReadError && e.problem === 'tooDeep' && e.where.part === 'word/document.xml');
  // 100 levels are read.
  const fine = '<w:sdt><w:sdtContent>'.repeat(100) + p('一、甲') + '</w:sdtContent></w:sdt>'.repeat(100);
  assert.equal(importDocx(buildDocx({ body: fine })).markdown, '一、甲\n');
});

test('a field left open in its paragraph does not hide the rest of the document', () => {
  const body = '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> AUTHOR </w:instrText></w:r></w:p>' + p('一、正文照常读出');
  assert.equal(importDocx(buildDocx({ body })).markdown, '一、正文照常读出\n');
});

test('a basedOn cycle, an unknown numId and a level beyond the list are read without numbers', () => {
  const styles = '<w:style w:type="paragraph" w:styleId="x"><w:name w:val="x"/><w:basedOn w:val="y"/></w:style><w:style w:type="paragraph" w:styleId="y"><w:name w:val="y"/><w:basedOn w:val="x"/></w:style>';
  const body = p('甲', { pPr: '<w:pStyle w:val="x"/>' }) + np(9, 0, '乙') + np(1, 8, '丙');
  assert.equal(importDocx(buildDocx({ body, styles, numbering })).markdown, '甲\n\n乙\n\n丙\n');
});
