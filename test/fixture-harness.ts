// Reads rule fixtures: Markdown files with their expectations written inside them.
//   <!-- fixture: rules=numbering-sequence,placeholder type=述职报告 -->   (first line; optional)
//   some line <!-- expect: rule-id/key@column … -->                       (one per diagnostic starting on that line:
//                                                                         its message id and 1-based UTF-16 column)
// When fixing changes the text, the fixed text is kept beside it as <name>.fixed.md (a snapshot);
// a fixture without one is one where fixing changes nothing.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSetting } from '../server/src/engine/config.js';
import { RULES } from '../server/src/engine/rules/index.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

export interface Fixture {
  name: string;
  file: string;
  text: string;
  /** Rule settings: only the fixture's rules on, the rest off. */
  rules: Record<string, RuleSetting>;
  type?: string;
  /** Sorted `line:column:messageId` strings. */
  expected: string[];
}

/** A fixture's first-line header `<!-- fixture: rules=a,b type=述职报告 -->` (Markdown and Word
 * fixtures alike): the rule settings (only the named rules on; all when none are named) and the type. */
export function fixtureHeader(text: string): { rules: Record<string, RuleSetting>; type?: string } {
  const header = /^<!--\s*fixture:([^>]*)-->/.exec(text);
  const settings = new Map<string, string>();
  for (const part of (header?.[1] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const [k, v] = part.split('=');
    settings.set(k, v ?? '');
  }
  const on = settings.has('rules') ? settings.get('rules')!.split(',') : RULES.map((r) => r.meta.id);
  const rules: Record<string, RuleSetting> = {};
  for (const r of RULES) rules[r.meta.id] = on.includes(r.meta.id) ? r.meta.defaultSeverity : 'off';
  return { rules, type: settings.get('type') };
}

export function readFixture(file: string): Fixture {
  const text = fs.readFileSync(file, 'utf8');
  const { rules, type } = fixtureHeader(text);
  const expected: string[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*expect:([^>]*)-->/g)) {
      for (const item of m[1].trim().split(/[\s,]+/).filter(Boolean)) {
        const e = /^([a-z-]+\/[A-Za-z0-9]+)@([0-9]+)$/.exec(item);
        if (!e) throw new Error(`${path.basename(file)}:${i + 1}: expectation "${item}" is not rule-id/key@column`);
        expected.push(`${i + 1}:${e[2]}:${e[1]}`);
      }
    }
  });
  return { name: path.basename(file, '.md'), file, text, rules, type, expected: expected.sort(cmp) };
}

/** Orders `line:column:messageId` (or `line:rule`) strings by line, then column, then the rest. */
export function cmp(a: string, b: string): number {
  const pa = a.split(':');
  const pb = b.split(':');
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = Number(pa[i]);
    const y = Number(pb[i]);
    const c = Number.isNaN(x) || Number.isNaN(y) ? pa[i].localeCompare(pb[i]) : x - y;
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

/** A finding as a fixture expects it. */
export function expectation(d: { range: { start: { line: number; column: number } }; messageId: string }): string {
  return `${d.range.start.line}:${d.range.start.column}:${d.messageId}`;
}

export function listFixtures(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** mulberry32: a small seeded generator, so that a failing seeded test can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What `damage` inserts: markers, placeholders, Markdown syntax, line breaks of every kind. */
const PIECES = [
  '一、', '（一）', '(二)', '1.', '2、', '（1）', '3)', '①', '十一、', '一是', '二是，', '第三，', '其二', 'X', 'XX', '***', '**', '*', '＊',
  '某某', '【', '】', '【待补充】', '（', '）', '#', '## ', '> ', '- ', '\n', '\r\n', '\r', '\n\n', '```', '`', '<!--', '-->', '<!-- gongwen-disable -->',
  '<!-- gongwen-disable-next-line placeholder -->', '|', '| --- |', '---\n', '存在问题', '下一步，我们将', '𠀀', '\uFEFF', '\u3000', ' ', '。', '',
];

/** Damages a text at random: inserts Markdown and report pieces, deletes, duplicates, inserts odd characters. */
export function damage(text: string, random: () => number): string {
  let t = text;
  const steps = 1 + Math.floor(random() * 8);
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(random() * (t.length + 1));
    const op = random();
    if (op < 0.4) t = t.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + t.slice(at);
    else if (op < 0.7) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(random() * 20));
    else if (op < 0.85) {
      const from = Math.floor(random() * t.length);
      t = t.slice(0, at) + t.slice(from, from + 1 + Math.floor(random() * 30)) + t.slice(at);
    } else t = t.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + t.slice(at);
  }
  return t;
}
