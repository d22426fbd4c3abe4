// A document the editor decoded with the wrong encoding: a GBK (GB18030) file opened as UTF-8
// shows runs of U+FFFD (the bytes that are not UTF-8) where its Chinese text was. Checking such
// text reports nonsense, so the server says what happened instead, once, and offers to reopen it.

/** At least this many replacement characters, making at least this share of the non-ASCII text. */
const MIN_REPLACEMENTS = 3;
const MIN_SHARE = 0.05;

export interface DecodingDamage {
  /** UTF-16 offset of the first replacement character. */
  first: number;
  replacements: number;
}

/** The decoding damage in `text`, if it shows enough of it: one stray U+FFFD in a pasted line is
 * not a wrongly decoded file. Linear, one pass. */
export function decodingDamage(text: string): DecodingDamage | undefined {
  let first = -1;
  let replacements = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) {
      if (first < 0) first = i;
      replacements++;
    }
  }
  if (replacements < MIN_REPLACEMENTS || replacements < nonAscii * MIN_SHARE) return undefined;
  return { first, replacements };
}
