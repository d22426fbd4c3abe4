// Regular expressions that come from a user (.gongwen.jsonc, front matter, rule options) run in
// re2js, a linear-time engine: no pattern on any input can hang the CLI or the language server,
// as (a+)+$ on a line of a's would in JavaScript's backtracking engine. Syntax it cannot take
// (lookaround, backreferences) is a configuration problem that names the pattern.
// Built-in patterns stay native; the adversarial bench covers them.

import { RE2JS } from 're2js';
import type { MessageRef, Pattern, PatternMatch } from './types.js';

export type { Pattern, PatternMatch } from './types.js';


/** Longest user pattern accepted: longer ones are configuration problems, not compiled. */
const MAX_SOURCE = 2000;

const COMPILED = new Map<string, Pattern>();

class UserPattern implements Pattern {
  constructor(
    readonly source: string,
    private readonly re: RE2JS,
  ) {}

  exec(text: string, from = 0): PatternMatch | null {
    const m = this.re.matcher(text);
    if (!m.find(from)) return null;
    return { index: m.start(), end: m.end() };
  }
}

/** A user's pattern, compiled once per source; or the problem, as a message naming it. */
export function compileUserPattern(source: unknown): { pattern: Pattern } | { error: MessageRef } {
  if (typeof source !== 'string') return { error: { id: 'config/patternNotString', data: { value: String(source) } } };
  if (source.length === 0) return { error: { id: 'config/patternEmpty' } };
  const cached = COMPILED.get(source);
  if (cached) return { pattern: cached };
  if (source.length > MAX_SOURCE) return { error: { id: 'config/patternTooLong', data: { max: MAX_SOURCE, start: source.slice(0, 40) } } };
  try {
    const pattern = new UserPattern(source, RE2JS.compile(source));
    if (COMPILED.size < 1000) COMPILED.set(source, pattern);
    return { pattern };
  } catch (e) {
    return { error: { id: 'config/patternInvalid', data: { source, reason: (e as Error)?.message ?? String(e) } } };
  }
}

/** A built-in pattern (trusted, native) with the same interface. */
export function nativePattern(re: RegExp): Pattern {
  const sticky = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g');
  return {
    source: re.source,
    exec(text: string, from = 0) {
      sticky.lastIndex = from;
      const m = sticky.exec(text);
      return m ? { index: m.index, end: m.index + m[0].length } : null;
    },
  };
}

/** Every non-empty match of `pattern` in `text`, in order. */
export function* allMatches(pattern: Pattern, text: string): Generator<PatternMatch> {
  let from = 0;
  while (from <= text.length) {
    const m = pattern.exec(text, from);
    if (!m) return;
    if (m.end > m.index) yield m;
    from = m.end > m.index ? m.end : m.index + 1;
  }
}
