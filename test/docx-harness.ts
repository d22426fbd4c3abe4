// Reading an exported .docx the way a test needs it: its parts unzipped (fflate), its paragraphs
// and runs with their text and run properties read from the WordprocessingML.

import { strFromU8, unzipSync, zlibSync } from 'fflate';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Every part of the package: path → XML text (binary parts as latin1). */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) out[name] = /\.(xml|rels)$/.test(name) ? strFromU8(data) : strFromU8(data, true);
  return out;
}

export interface RunInfo {
  text: string;
  /** w:rFonts attributes, by name without the w: prefix. */
  fonts: Record<string, string>;
  size?: number;
  bold: boolean;
  spacing?: number;
  xml: string;
}

export interface ParagraphInfo {
  text: string;
  xml: string;
  pPr: string;
  runs: RunInfo[];
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/w:([A-Za-z]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The paragraphs of a part (document.xml, a footer), in order, tables' included. */
export function paragraphs(xml: string): ParagraphInfo[] {
  const out: ParagraphInfo[] = [];
  for (const m of xml.matchAll(/<w:p\b(?:[^>]*\/>|[^>]*>([\s\S]*?)<\/w:p>)/g)) {
    const inner = m[1] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const runs: RunInfo[] = [];
    for (const r of inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
      const rxml = r[1];
      const text = [...rxml.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => decodeXml(t[1])).join('');
      const fontsTag = /<w:rFonts\b[^>]*\/>/.exec(rxml)?.[0];
      const size = /<w:sz w:val="(\d+)"/.exec(rxml)?.[1];
      const spacing = /<w:spacing w:val="(-?\d+)"/.exec(rxml)?.[1];
      runs.push({ text, fonts: fontsTag ? attrs(fontsTag) : {}, size: size ? Number(size) : undefined, bold: /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(rxml), spacing: spacing ? Number(spacing) : undefined, xml: rxml });
    }
    out.push({ text: runs.map((r) => r.text).join(''), xml: m[0], pPr, runs });
  }
  return out;
}

/** The attributes of the first `<w:NAME …/>` in an XML text. */
export function element(xml: string, name: string): Record<string, string> | undefined {
  const m = new RegExp(`<w:${name}\\b[^>]*?/?>`).exec(xml);
  return m ? attrs(m[0]) : undefined;
}

/** A PNG of the given size (one grey pixel row repeated), made here so no binary fixture is needed. */
export function tinyPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const raw = new Uint8Array((width + 1) * height).fill(0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array())];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const png = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    png.set(p, at);
    at += p.length;
  }
  return png;
}
