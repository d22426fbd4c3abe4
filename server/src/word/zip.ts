// A ZIP archive of a package's parts, each compressed with DEFLATE by Node's zlib, at zlib's
// default level (6, as the `docx` package's fflate zips them). The archive is laid out as fflate
// lays out one: a local header before each file, the central directory, its end record; no data
// descriptors, no extra fields, the modification time of now (local time, as fflate writes it). zlib's native deflate takes about
// half the time of fflate's JavaScript one; the parts inflate to the same bytes.

import * as zlib from 'node:zlib';

let table: Int32Array | undefined;

/** CRC-32 of the bytes by a table (for Node before 20.15, which has no zlib.crc32). */
export function tableCrc32(data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 255] ^ (c >>> 8);
  return ~c >>> 0;
}

const crc32 = typeof zlib.crc32 === 'function' ? (data: Uint8Array) => zlib.crc32(data) >>> 0 : tableCrc32;

/** The archive of the files, in the order given. */
export function zipParts(files: ReadonlyMap<string, Uint8Array>, now = new Date()): Uint8Array {
  const year = now.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new Error('the date cannot be written in a zip file');
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = (year << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  const entries: { name: Buffer; utf8: boolean; data: Uint8Array; compressed: Uint8Array; crc: number; offset: number }[] = [];
  let offset = 0;
  let central = 0;
  for (const [path, data] of files) {
    const name = Buffer.from(path, 'utf8');
    const compressed = zlib.deflateRawSync(data);
    entries.push({ name, utf8: name.length !== path.length, data, compressed, crc: crc32(data), offset });
    offset += 30 + name.length + compressed.length;
    central += 46 + name.length;
  }
  const out = Buffer.alloc(offset + central + 22);
  const header = (at: number, e: (typeof entries)[number], inDirectory: boolean): number => {
    out.writeUInt32LE(inDirectory ? 0x02014b50 : 0x04034b50, at);
    at += 4;
    if (inDirectory) out.writeUInt16LE(20, at), (at += 2); // made by: version 2.0
    out.writeUInt16LE(20, at); // needed to extract: version 2.0
    out.writeUInt16LE(e.utf8 ? 0x800 : 0, at + 2); // flags: the name is UTF-8
    out.writeUInt16LE(8, at + 4); // DEFLATE
    out.writeUInt16LE(time, at + 6);
    out.writeUInt16LE(date, at + 8);
    out.writeUInt32LE(e.crc, at + 10);
    out.writeUInt32LE(e.compressed.length, at + 14);
    out.writeUInt32LE(e.data.length, at + 18);
    out.writeUInt16LE(e.name.length, at + 22);
    out.writeUInt16LE(0, at + 24); // no extra field
    at += 26;
    if (inDirectory) {
      // Comment length, disk, internal and external attributes: 0; then the local header's offset.
      out.writeUInt32LE(e.offset, at + 10);
      at += 14;
    }
    out.set(e.name, at);
    return at + e.name.length;
  };
  for (const e of entries) out.set(e.compressed, header(e.offset, e, false));
  let at = offset;
  for (const e of entries) at = header(at, e, true);
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(central, at + 12);
  out.writeUInt32LE(offset, at + 16);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
