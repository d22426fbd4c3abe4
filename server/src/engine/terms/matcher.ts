// One matcher for every active pack: an Aho–Corasick automaton over all literal strings (the
// patterns, the entries' exceptions and the allowed words), so a text is read once whatever the
// number of entries. A `/regex/` pattern runs in the linear-time engine (re2js), and only where
// its literal prefix occurs; one without such a prefix (a user's `[A-Z]+公司`) is searched for
// on its own. A match inside an entry's exception or an allowed word is no finding; of
// overlapping matches the leftmost, then the longest, is kept.

import { RE2JS } from 're2js';
import type { TermEntry, TermPack } from './types.js';
import { LiteralAutomaton } from '../model/literal-automaton.js';
import { topLevelAlternatives } from '../model/regex-source.js';

export interface Segment {
  start: number;
  end: number;
}

/** A finding: the text `[start, end)` should be `replacement`. */
export interface TermHit {
  start: number;
  end: number;
  found: string;
  replacement: string;
  pack: TermPack;
  entry: TermEntry;
  /** Whether the finding carries a fix (the pack's and the entry's `fix`, and a replacement that differs). */
  fixable: boolean;
  /** The smallest edit that makes `found` the replacement: only the characters that differ. */
  edit: { start: number; end: number; text: string };
}

const KIND_PATTERN = 0;
const KIND_EXCEPTION = 1;
const KIND_ALLOW = 2;
const KIND_ANCHOR = 3;

interface Literal {
  text: string;
  kind: number;
  /** Index into `entries` (patterns, exceptions, anchors). */
  entry: number;
  /** Index into `regexes` (anchors). */
  regex: number;
}

interface EntryRef {
  pack: TermPack;
  entry: TermEntry;
  fixable: boolean;
  /** Length of the entry's longest exception (0: none). */
  maxException: number;
}

interface RegexPattern {
  entry: number;
  /** The pattern anchored at its start: `^(?:source)` (a user's pattern, in re2js). */
  anchored?: RE2JS;
  /** Unanchored, for a user's pattern without a literal prefix. */
  free?: RE2JS;
  /** A built-in pattern: trusted, native and sticky (test/terms.test.ts checks each is linear-safe and valid RE2 too). */
  native?: RegExp;
  prefix: string;
}

/** Longest text a regular-expression pattern may match, from its start. */
const MAX_REGEX_MATCH = 200;

export class CompiledTerms {
  readonly entries: EntryRef[] = [];
  readonly regexes: RegexPattern[] = [];
  readonly literals: Literal[] = [];
  /** Every literal string (patterns, exceptions, allowed words, anchors), by the index of `literals`. */
  private readonly automaton = new LiteralAutomaton();
  /** Regex patterns with no literal prefix: searched for on their own. */
  readonly freeRegexes: number[] = [];
  maxException = 0;
  maxAllow = 0;

  constructor(packs: readonly TermPack[], allow: readonly string[]) {
    for (const pack of packs) {
      for (const entry of pack.rules) {
        const e = this.entries.length;
        this.entries.push({ pack, entry, fixable: pack.fix && entry.fix !== false, maxException: Math.max(0, ...(entry.exceptions ?? []).map((x) => x.length)) });
        for (const p of entry.patterns) {
          const source = p.length > 2 && p.startsWith('/') && p.endsWith('/') ? p.slice(1, -1) : undefined;
          if (source === undefined) {
            this.add({ text: p, kind: KIND_PATTERN, entry: e, regex: -1 });
            continue;
          }
          const prefix = literalPrefix(source);
          const r = this.regexes.length;
          if (pack.builtin) this.regexes.push({ entry: e, native: new RegExp(source, prefix ? 'y' : 'g'), prefix });
          else this.regexes.push({ entry: e, anchored: RE2JS.compile(`^(?:${source})`), free: RE2JS.compile(source), prefix });
          if (prefix) this.add({ text: prefix, kind: KIND_ANCHOR, entry: e, regex: r });
          else this.freeRegexes.push(r);
        }
        for (const x of entry.exceptions ?? []) {
          this.add({ text: x, kind: KIND_EXCEPTION, entry: e, regex: -1 });
          this.maxException = Math.max(this.maxException, x.length);
        }
      }
    }
    for (const w of allow) {
      if (w === '') continue;
      this.add({ text: w, kind: KIND_ALLOW, entry: -1, regex: -1 });
      this.maxAllow = Math.max(this.maxAllow, w.length);
    }
  }

  private add(lit: Literal): void {
    this.literals.push(lit);
    this.automaton.add(lit.text);
  }

  /** Every literal occurrence in `[start, end)`, as (literal id, end offset) pairs. */
  scan(text: string, start: number, end: number, emit: (literal: number, endOffset: number) => void): void {
    this.automaton.scan(text, start, end, emit);
  }
}

/** The literal characters a regular expression starts with (`截止(\d|目前)` → 截止). */
export function literalPrefix(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if ('\\^$.|?*+()[]{}'.includes(c)) {
      // A quantifier applies to the character before it: that one is not certain.
      if ((c === '?' || c === '*' || c === '{') && out) out = out.slice(0, -1);
      // An alternation at the top may start another way.
      if (c === '|') return '';
      if (c === '(' || c === '[') return out && !hasTopLevelBar(source) ? out : '';
      return hasTopLevelBar(source) ? '' : out;
    }
    out += c;
  }
  return out;
}

function hasTopLevelBar(source: string): boolean {
  return topLevelAlternatives(source).length > 1;
}

/** `$1`…`$99` and `$$` in a replacement, from a match's groups. */
function expand(template: string, group: (n: number) => string | null, groups: number): string {
  return template.replace(/\$(\$|\d{1,2})/g, (all, g: string) => {
    if (g === '$') return '$';
    let n = Number(g);
    if (n > groups && g.length === 2) n = Number(g[0]);
    if (n < 1 || n > groups) return all;
    return (group(n) ?? '') + (String(n).length < g.length ? g.slice(String(n).length) : '');
  });
}

/** The smallest edit turning `found` (at `start`) into `replacement`: the common head and tail kept, a surrogate pair never split. */
export function minimalEdit(found: string, replacement: string, start: number): { start: number; end: number; text: string } {
  let head = 0;
  const max = Math.min(found.length, replacement.length);
  while (head < max && found.charCodeAt(head) === replacement.charCodeAt(head)) head++;
  if (head > 0 && isHigh(found.charCodeAt(head - 1))) head--;
  let tail = 0;
  while (tail < max - head && found.charCodeAt(found.length - 1 - tail) === replacement.charCodeAt(replacement.length - 1 - tail)) tail++;
  if (tail > 0 && isLow(found.charCodeAt(found.length - tail))) tail--;
  return { start: start + head, end: start + found.length - tail, text: replacement.slice(head, replacement.length - tail) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

interface Candidate {
  start: number;
  end: number;
  entry: number;
  replacement: string;
}

/**
 * The findings in the segments of `text` (lines of report text, or a whole example). `skip`:
 * whether `[start, end)` touches text that is not report text (code, a URL); such a match is dropped.
 */
export function findTerms(c: CompiledTerms, text: string, segments: Iterable<Segment>, skip?: (start: number, end: number) => boolean): TermHit[] {
  const candidates: Candidate[] = [];
  /** Per entry: exception occurrences, start → furthest end. */
  const exceptions = new Map<number, Map<number, number>>();
  const allowed = new Map<number, number>();
  const { literals, entries, regexes } = c;
  for (const seg of segments) {
    c.scan(text, seg.start, seg.end, (id, endOffset) => {
      const lit = literals[id];
      const start = endOffset - lit.text.length;
      switch (lit.kind) {
        case KIND_PATTERN:
          candidates.push({ start, end: endOffset, entry: lit.entry, replacement: entries[lit.entry].entry.expected });
          break;
        case KIND_EXCEPTION: {
          let m = exceptions.get(lit.entry);
          if (!m) exceptions.set(lit.entry, (m = new Map()));
          m.set(start, Math.max(m.get(start) ?? 0, endOffset));
          break;
        }
        case KIND_ALLOW:
          allowed.set(start, Math.max(allowed.get(start) ?? 0, endOffset));
          break;
        case KIND_ANCHOR: {
          const r = regexes[lit.regex];
          if (r.native) {
            r.native.lastIndex = start;
            const m = r.native.exec(text);
            if (m && m[0].length > 0 && start + m[0].length <= seg.end) {
              candidates.push({ start, end: start + m[0].length, entry: r.entry, replacement: expand(entries[r.entry].entry.expected, (n) => m[n] ?? null, m.length - 1) });
            }
            break;
          }
          const slice = text.slice(start, Math.min(seg.end, start + MAX_REGEX_MATCH));
          const m = r.anchored!.matcher(slice);
          if (m.lookingAt() && m.end() > 0) {
            const groups = m.groupCount();
            candidates.push({ start, end: start + m.end(), entry: r.entry, replacement: expand(entries[r.entry].entry.expected, (n) => m.group(n), groups) });
          }
          break;
        }
      }
    });
    for (const ri of c.freeRegexes) {
      const r = regexes[ri];
      const segText = text.slice(seg.start, seg.end);
      if (r.native) {
        for (const m of segText.matchAll(r.native)) {
          if (m[0].length > 0) candidates.push({ start: seg.start + m.index, end: seg.start + m.index + m[0].length, entry: r.entry, replacement: expand(entries[r.entry].entry.expected, (n) => m[n] ?? null, m.length - 1) });
        }
        continue;
      }
      const m = r.free!.matcher(segText);
      let from = 0;
      while (from <= segText.length && m.find(from)) {
        const s = m.start();
        const e = m.end();
        if (e > s) candidates.push({ start: seg.start + s, end: seg.start + e, entry: r.entry, replacement: expand(entries[r.entry].entry.expected, (n) => m.group(n), m.groupCount()) });
        from = e > s ? e : s + 1;
      }
    }
  }
  const covered = (cand: Candidate): boolean => {
    const ex = exceptions.get(cand.entry);
    if (ex) for (let s = cand.start, min = cand.end - entries[cand.entry].maxException; s >= min && s >= 0; s--) if ((ex.get(s) ?? -1) >= cand.end) return true;
    if (allowed.size > 0) for (let s = cand.start; s >= cand.end - c.maxAllow && s >= 0; s--) if ((allowed.get(s) ?? -1) >= cand.end) return true;
    return false;
  };
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const firstSeen = new Set<number>();
  const hits: TermHit[] = [];
  let reach = -1;
  for (const cand of candidates) {
    const ref = entries[cand.entry];
    if (ref.entry.firstMention) {
      // Only the first mention counts, written rightly (an exception) or not.
      if (firstSeen.has(cand.entry)) continue;
      firstSeen.add(cand.entry);
    }
    if (covered(cand)) continue;
    if (cand.start < reach) continue;
    const found = text.slice(cand.start, cand.end);
    if (found === cand.replacement) continue;
    if (skip && skip(cand.start, cand.end)) continue;
    reach = cand.end;
    hits.push({
      start: cand.start,
      end: cand.end,
      found,
      replacement: cand.replacement,
      pack: ref.pack,
      entry: ref.entry,
      fixable: ref.fixable,
      edit: minimalEdit(found, cand.replacement, cand.start),
    });
  }
  return hits;
}

/** `text` with the fixes of `hits` applied (they do not overlap). */
export function applyHits(text: string, hits: readonly TermHit[]): string {
  let out = '';
  let at = 0;
  for (const h of hits) {
    if (!h.fixable) continue;
    out += text.slice(at, h.edit.start) + h.edit.text;
    at = h.edit.end;
  }
  return out + text.slice(at);
}

export interface SpecFailure {
  entry: number;
  spec: number;
  kind: 'termsSpecFailed' | 'termsSpecNotReported' | 'termsSpecReported';
  from: string;
  to: string;
  got: string;
}

/** The examples of a pack that do not hold, checked with the pack alone. */
export function specFailures(pack: TermPack): SpecFailure[] {
  const out: SpecFailure[] = [];
  if (!pack.rules.some((e) => e.specs && e.specs.length > 0)) return out;
  const compiled = new CompiledTerms([pack], []);
  const run = (t: string) => findTerms(compiled, t, [{ start: 0, end: t.length }]);
  pack.rules.forEach((entry, i) => {
    (entry.specs ?? []).forEach((spec, j) => {
      const fail = (kind: SpecFailure['kind'], got: string) => out.push({ entry: i, spec: j, kind, from: spec.from, to: spec.to, got });
      const hits = run(spec.from);
      const fixable = pack.fix && entry.fix !== false;
      if (spec.from === spec.to) {
        if (hits.length > 0) fail('termsSpecReported', hits[0].found);
        return;
      }
      if (fixable) {
        const got = applyHits(spec.from, hits);
        if (got !== spec.to) fail('termsSpecFailed', got);
        return;
      }
      if (hits.length === 0) return fail('termsSpecNotReported', '');
      const after = run(spec.to);
      if (after.length > 0) fail('termsSpecReported', after[0].found);
    });
  });
  return out;
}
