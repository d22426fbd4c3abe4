// Regular expressions that come from a user (.gongwen.jsonc, front matter, rule options) run in
// re2js, a linear-time engine: no pattern on any input can hang the CLI or the language server,
// as (a+)+$ on a line of a's would in JavaScript's backtracking engine. Syntax it cannot take
// (lookaround, backreferences) is a configuration problem that names the pattern.
// Built-in patterns stay native; the adversarial bench covers them.

import { RE2JS } from 're2js';
import type { Message } from './types.js';

/** A match: where it starts and ends in the searched string (UTF-16 offsets, as JavaScript's). */
export interface PatternMatch {
  index: number;
  end: number;
}

/** What the engine needs of a pattern: the first match at or after an offset. */
export interface Pattern {
  readonly source: string;
  exec(text: string, from?: number): PatternMatch | null;
}

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

/** A user's pattern, compiled once per source; or the problem, in words, naming it. */
export function compileUserPattern(source: unknown): { pattern: Pattern } | { error: Message } {
  if (typeof source !== 'string') return { error: { 'zh-CN': `正则表达式必须是字符串：${String(source)}`, en: `a regular expression must be a string: ${String(source)}` } };
  const cached = COMPILED.get(source);
  if (cached) return { pattern: cached };
  if (source.length > MAX_SOURCE) {
    return { error: { 'zh-CN': `正则表达式过长（超过 ${MAX_SOURCE} 个字符）：${source.slice(0, 40)}…`, en: `regular expression longer than ${MAX_SOURCE} characters: ${source.slice(0, 40)}…` } };
  }
  try {
    const pattern = new UserPattern(source, RE2JS.compile(source));
    if (COMPILED.size < 1000) COMPILED.set(source, pattern);
    return { pattern };
  } catch (e) {
    const why = (e as Error)?.message ?? String(e);
    return {
      error: {
        'zh-CN': `正则表达式「${source}」无效：${why}（支持的写法见 docs/configuration.md：不支持前后查找 (?=…) (?<=…) 和反向引用 \\1）`,
        en: `invalid regular expression "${source}": ${why} (see docs/configuration.md for the syntax: no lookaround (?=…) (?<=…), no backreferences \\1)`,
      },
    };
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
