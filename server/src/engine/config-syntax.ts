// A configuration file that is not valid JSON, explained in words: what is wrong and where.
// The slips a Chinese input method makes (full-width quotes, commas, colons, braces and brackets,
// 、 or ； between entries, a full-width space, a `#` comment) are found in one pass over the text
// outside strings and comments, and repaired in a copy of the same length, so offsets hold. The
// copy is then parsed: what is left (a missing comma, a missing brace…) is a problem of its own,
// not the echo of a slip. Each problem is reported once, at its offset.

import { createScanner, parse as parseJsonc, ParseErrorCode, printParseErrorCode, SyntaxKind, type ParseError } from 'jsonc-parser';
import type { ConfigMessageKey } from './core-messages.js';
import { LineIndex } from './line-index.js';
import type { Localized, MessageData } from './types.js';

export interface SyntaxProblem {
  /** UTF-16 offset into the text. */
  offset: number;
  key: ConfigMessageKey;
  data: MessageData;
}

/** Quotation marks an input method gives instead of `"`. */
const QUOTES = new Set(['“', '”', '‘', '’', '＂', '＇']);

/** Full-width punctuation that stands for JSON's own: the ASCII mark and its name. */
const FULL_WIDTH: Readonly<Record<string, { ascii: string; name: Localized }>> = {
  '，': { ascii: ',', name: { 'zh-CN': '逗号', en: 'comma' } },
  '：': { ascii: ':', name: { 'zh-CN': '冒号', en: 'colon' } },
  '｛': { ascii: '{', name: { 'zh-CN': '花括号', en: 'brace' } },
  '｝': { ascii: '}', name: { 'zh-CN': '花括号', en: 'brace' } },
  '［': { ascii: '[', name: { 'zh-CN': '方括号', en: 'bracket' } },
  '］': { ascii: ']', name: { 'zh-CN': '方括号', en: 'bracket' } },
};

/** Marks written between entries where JSON has a comma. */
const SEPARATORS = new Set(['、', '；', ';']);

const IDEOGRAPHIC_SPACE = '\u3000';

/** Parser options: the same as for the configuration itself. */
const OPTIONS = { allowTrailingComma: true, disallowComments: false };

/** The problems of a text that does not parse, each once, in the order of the text. */
export function syntaxProblems(text: string): SyntaxProblem[] {
  const slips = findSlips(text);
  const errors: ParseError[] = [];
  parseJsonc(slips.repaired, errors, OPTIONS);
  const problems = [...slips.problems, ...explainErrors(slips.repaired, errors)];
  problems.sort((a, b) => a.offset - b.offset);
  return problems.filter((p, i) => i === 0 || p.offset !== problems[i - 1].offset);
}

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/** Input-method slips outside strings and comments, and the text with each one replaced. */
function findSlips(text: string): { problems: SyntaxProblem[]; repaired: string } {
  const n = text.length;
  const problems: SyntaxProblem[] = [];
  let chars: string[] | undefined;
  const replace = (at: number, c: string) => {
    chars ??= text.split('');
    chars[at] = c;
  };
  const lineEnd = (from: number) => {
    let e = from;
    while (e < n && !isBreak(text[e])) e++;
    return e;
  };
  /** Whether what follows `at` (past spaces) can come right after a string: `:` `,` `}` `]`, a comment or the line's end. */
  const closesHere = (at: number) => {
    let p = at;
    while (p < n && (text[p] === ' ' || text[p] === '\t' || text[p] === IDEOGRAPHIC_SPACE)) p++;
    const c = text[p];
    return p >= n || isBreak(c) || ':,}]#'.includes(c) || c in FULL_WIDTH || SEPARATORS.has(c) || (c === '/' && (text[p + 1] === '/' || text[p + 1] === '*'));
  };
  const quote = (at: number, quotes: string, straight: string) => problems.push({ offset: at, key: 'syntaxQuote', data: { quotes, straight } });

  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      // A string opened with ". Where it does not end well (no closing " on the line, or something
      // other than : , } ] after it), a Chinese quote inside followed by : , } ] is its real end.
      let j = i + 1;
      while (j < n && text[j] !== '"' && !isBreak(text[j])) j += text[j] === '\\' ? 2 : 1;
      const closed = j < n && text[j] === '"';
      let end = closed ? j + 1 : Math.min(j, n);
      if (!closed || !closesHere(j + 1)) {
        for (let k = i + 1; k < j; k += text[k] === '\\' ? 2 : 1) {
          if (QUOTES.has(text[k]) && closesHere(k + 1)) {
            quote(k, text[k], '"');
            replace(k, '"');
            end = k + 1;
            break;
          }
        }
      }
      i = end;
    } else if (c === '/' && text[i + 1] === '/') {
      i = lineEnd(i);
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
    } else if (QUOTES.has(c)) {
      // A string opened with a Chinese quote: it ends at the next quote of either kind on the line.
      let j = i + 1;
      while (j < n && text[j] !== '"' && !QUOTES.has(text[j]) && !isBreak(text[j])) j += text[j] === '\\' ? 2 : 1;
      replace(i, '"');
      if (j < n && QUOTES.has(text[j])) {
        quote(i, `${c}…${text[j]}`, '"…"');
        replace(j, '"');
      } else {
        quote(i, c, '"');
      }
      i = j < n && !isBreak(text[j]) ? j + 1 : j;
    } else if (c === "'") {
      // A string in single quotes, as other languages write them.
      let j = i + 1;
      while (j < n && text[j] !== "'" && !isBreak(text[j])) j += text[j] === '\\' ? 2 : 1;
      if (j < n && text[j] === "'") {
        problems.push({ offset: i, key: 'syntaxSingleQuote', data: {} });
        replace(i, '"');
        replace(j, '"');
        i = j + 1;
      } else {
        i++;
      }
    } else if (c === '#') {
      const e = lineEnd(i);
      problems.push({ offset: i, key: 'syntaxHashComment', data: {} });
      for (let k = i; k < e; k++) replace(k, ' ');
      i = e;
    } else if (c in FULL_WIDTH) {
      const { ascii, name } = FULL_WIDTH[c];
      problems.push({ offset: i, key: 'syntaxFullWidth', data: { char: c, ascii, name } });
      replace(i, ascii);
      i++;
    } else if (SEPARATORS.has(c)) {
      problems.push({ offset: i, key: 'syntaxSeparator', data: { char: c } });
      replace(i, ',');
      i++;
    } else if (c === IDEOGRAPHIC_SPACE) {
      // A run of full-width spaces is one problem.
      problems.push({ offset: i, key: 'syntaxFullWidthSpace', data: {} });
      while (i < n && text[i] === IDEOGRAPHIC_SPACE) replace(i++, ' ');
    } else {
      i++;
    }
  }
  return { problems, repaired: chars ? chars.join('') : text };
}

/** Errors that do not throw the parser off: each is a problem of its own wherever it is. */
const INDEPENDENT = new Set<ParseErrorCode>([ParseErrorCode.InvalidEscapeCharacter, ParseErrorCode.InvalidCharacter, ParseErrorCode.InvalidUnicode]);

/**
 * The parser's errors in words, each problem once. Errors at one offset are one problem. After
 * most errors the parser skips ahead, and what it then finds wrong on the same line, at the start
 * of the next, or at the end of the text (the braces left open by the skip) is the echo of that
 * error, not a problem of its own. A missing comma does not throw the parser off (it reads on as
 * if the comma were there), nor does a bad escape in a string.
 */
function explainErrors(text: string, errors: ParseError[]): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  let tokens: { starts: number[]; ends: number[] } | undefined;
  /** The end of the last token before `offset` (where a missing comma or colon goes). */
  const endBefore = (offset: number) => {
    const { starts, ends } = (tokens ??= scanTokens(text));
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? offset : ends[found];
  };
  let index: LineIndex | undefined;
  const lineOf = (offset: number) => (index ??= new LineIndex(text)).position(offset).line;
  const startsLine = (offset: number) => {
    const l = (index ??= new LineIndex(text)).lines[lineOf(offset) - 1];
    return /^[ \t]*$/.test(text.slice(l.start, offset));
  };
  // Where the text's closing marks and spaces at its end begin: past it, the parser only finds
  // the braces its skip left open.
  let tail = text.length;
  while (tail > 0 && /[\s}\]]/.test(text[tail - 1])) tail--;
  const atEnd = (offset: number) => offset >= tail;
  let derailedAt = 0;
  let lastOffset = -1;
  for (const e of errors) {
    if (e.offset === lastOffset) continue;
    lastOffset = e.offset;
    const independent = INDEPENDENT.has(e.error);
    if (!independent && derailedAt > 0) {
      const line = lineOf(e.offset);
      if (line === derailedAt || (line === derailedAt + 1 && startsLine(e.offset)) || atEnd(e.offset)) continue;
    }
    const problem = explainError(text, e, endBefore);
    out.push(problem);
    if (!independent && problem.key !== 'syntaxMissingComma') derailedAt = lineOf(e.offset);
  }
  return out;
}

/** Where each token of the text (not whitespace, line breaks or comments) starts and ends. */
function scanTokens(text: string): { starts: number[]; ends: number[] } {
  const scanner = createScanner(text, true);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) continue;
    starts.push(scanner.getTokenOffset());
    ends.push(scanner.getTokenOffset() + scanner.getTokenLength());
  }
  return { starts, ends };
}

/** The last character before `offset` that is not a space or a line break. */
function previousMark(text: string, offset: number): string | undefined {
  let p = offset - 1;
  while (p >= 0 && /\s/.test(text[p])) p--;
  return p >= 0 ? text[p] : undefined;
}

/** How a name or a value begins. */
const VALUE_START = /^["{[\-0-9tfn]/;

/** The longest piece of text a message quotes. */
const QUOTED_MAX = 20;

function explainError(text: string, e: ParseError, endBefore: (offset: number) => number): SyntaxProblem {
  const at = e.offset;
  const token = text.slice(at, at + e.length);
  switch (e.error) {
    case ParseErrorCode.CommaExpected:
      // Where the parser wanted a comma but found a closing mark, the other closing mark is missing.
      if (token === '}') return { offset: at, key: 'syntaxCloseBracket', data: {} };
      if (token === ']') return { offset: at, key: 'syntaxCloseBrace', data: {} };
      // Before a name or a value, the comma between two entries is missing; before anything else
      // (a colon), the parser is lost, and the mark is only named.
      if (!VALUE_START.test(token)) return { offset: at, key: 'syntaxUnexpected', data: { text: token } };
      return { offset: endBefore(at), key: 'syntaxMissingComma', data: {} };
    case ParseErrorCode.CloseBraceExpected:
      return { offset: at, key: 'syntaxCloseBrace', data: {} };
    case ParseErrorCode.CloseBracketExpected:
      return { offset: at, key: 'syntaxCloseBracket', data: {} };
    case ParseErrorCode.ColonExpected:
      return { offset: endBefore(at), key: 'syntaxColon', data: {} };
    case ParseErrorCode.ValueExpected:
      // A comma where a value should be: a second comma, unless it follows a name's colon.
      return { offset: at, key: token === ',' && previousMark(text, at) !== ':' ? 'syntaxExtraComma' : 'syntaxValue', data: {} };
    case ParseErrorCode.PropertyNameExpected:
      return { offset: at, key: token === ',' ? 'syntaxExtraComma' : 'syntaxPropertyName', data: {} };
    case ParseErrorCode.EndOfFileExpected:
      return { offset: at, key: 'syntaxAfterEnd', data: {} };
    case ParseErrorCode.UnexpectedEndOfString:
      return { offset: at, key: 'syntaxUnterminatedString', data: {} };
    case ParseErrorCode.UnexpectedEndOfComment:
      return { offset: at, key: 'syntaxUnterminatedComment', data: {} };
    case ParseErrorCode.InvalidSymbol:
      return { offset: at, key: 'syntaxBareWord', data: { text: token.length > QUOTED_MAX ? `${token.slice(0, QUOTED_MAX)}…` : token } };
    case ParseErrorCode.InvalidEscapeCharacter: {
      // The error spans the string; the bad escape is the first backslash not followed by " \ / b f n r t u.
      const escape = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})|\\(.?)/g;
      for (let m = escape.exec(token); m; m = escape.exec(token)) {
        if (m[1] !== undefined) return { offset: at + m.index, key: 'syntaxEscape', data: { char: m[1] } };
      }
      return { offset: at, key: 'syntax', data: { code: printParseErrorCode(e.error) } };
    }
    default:
      return { offset: at, key: 'syntax', data: { code: printParseErrorCode(e.error) } };
  }
}
