// Decoding a file's bytes with encoding detection, and encoding text back the same way.
// UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, otherwise GB18030 when the bytes are not
// valid UTF-8. NUL bytes without a UTF-16 BOM mean a binary file.

import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Encoding {
  name: EncodingName;
  bom: boolean;
}

export type Decoded =
  | { kind: 'text'; text: string; encoding: Encoding; /** encode(text) gives back the very bytes read */ lossless: boolean }
  | { kind: 'binary' };

const BOMS: Record<EncodingName, Buffer> = {
  'utf-8': Buffer.from([0xef, 0xbb, 0xbf]),
  'utf-16le': Buffer.from([0xff, 0xfe]),
  'utf-16be': Buffer.from([0xfe, 0xff]),
  gb18030: Buffer.alloc(0),
};

function startsWith(bytes: Uint8Array, prefix: Buffer): boolean {
  return prefix.length > 0 && bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function decodeAs(body: Uint8Array, name: EncodingName): { text: string; valid: boolean } {
  if (name === 'utf-8') {
    if (isUtf8(body)) return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), valid: true };
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), valid: false };
  }
  return { text: iconv.decode(Buffer.from(body), name, { stripBOM: false }), valid: true };
}

/** Detects the encoding and decodes; the BOM is not part of the text. */
export function decode(bytes: Uint8Array): Decoded {
  let encoding: Encoding | undefined;
  for (const name of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
    if (startsWith(bytes, BOMS[name])) encoding = { name, bom: true };
  }
  if (!encoding) {
    if (bytes.includes(0)) return { kind: 'binary' };
    encoding = { name: isUtf8(bytes) ? 'utf-8' : 'gb18030', bom: false };
  }
  const body = bytes.subarray(encoding.bom ? BOMS[encoding.name].length : 0);
  const { text, valid } = decodeAs(body, encoding.name);
  // Valid UTF-8 always encodes back to the bytes it came from; other encodings are checked.
  const lossless = valid && (encoding.name === 'utf-8' || encode(text, encoding).equals(Buffer.from(bytes)));
  return { kind: 'text', text, encoding, lossless };
}

/** Encodes text in the given encoding, with the BOM if the original had one. */
export function encode(text: string, encoding: Encoding): Buffer {
  const body = encoding.name === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding.name, { addBOM: false });
  return encoding.bom ? Buffer.concat([BOMS[encoding.name], body]) : body;
}

export function encodingLabel(encoding: Encoding): string {
  const name = encoding.name === 'gb18030' ? 'GB18030' : encoding.name.toUpperCase();
  return encoding.bom ? `${name} (BOM)` : name;
}
