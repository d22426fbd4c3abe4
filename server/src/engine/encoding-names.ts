// The encodings a user may state (--encoding, the `encoding` setting), by name. Apart from
// encoding.ts so that reading a configuration does not load the code tables.

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'shift_jis';

/** The names a user may state, each with the encoding it means (GBK and GB2312 are subsets of GB18030). */
const NAMES: Record<string, EncodingName> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** The names documented for `--encoding` and the `encoding` setting. */
export const STATED_ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'gb2312', 'big5', 'shift_jis', 'utf-16le', 'utf-16be'] as const;

/** The encoding a user's name stands for (case-insensitive), if any. */
export function parseEncodingName(name: string): EncodingName | undefined {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(NAMES, key) ? NAMES[key] : undefined;
}
