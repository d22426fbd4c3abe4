// The block-wise parse that lets the language server re-parse only the block an edit touched:
// a block parsed on its own gives the same facts as inside the whole text, and a cache carried
// across edits always gives what a fresh parse gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MarkdownCache, blockStarts, parseMarkdown, parseWholeText } from '../server/src/engine/model/markdown.js';
import { checkText } from '../server/src/engine/check.js';
import { FIXTURES, damage, listFixtures, rng } from './fixture-harness.js';

const SOURCES = [
  ...listFixtures(path.join(FIXTURES, 'rules')),
  ...listFixtures(path.join(FIXTURES, 'corpus')),
  ...listFixtures(path.join(FIXTURES, 'cli')),
  ...listFixtures(path.join(FIXTURES, 'grammar')),
].map((f) => fs.readFileSync(f, 'utf8'));

function blocksOf(text: string): string[] {
  const starts = blockStarts(text);
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
}

/** A cache holding every block of `text` parsed alone, as if each came from an earlier version. */
function cacheOfLoneBlocks(text: string): MarkdownCache {
  const combined = new MarkdownCache();
  for (const block of blocksOf(text)) {
    const alone = new MarkdownCache();
    parseMarkdown(block, alone);
    for (const [k, v] of alone.blocks) combined.blocks.set(k, v);
  }
  return combined;
}

test('blocks of the fixtures and of damaged fixtures parse alone as they do in the whole text (seeded)', () => {
  const random = rng(Number(process.env.GONGWEN_SEED ?? 20261122));
  const texts = [
    ...SOURCES,
    ...Array.from({ length: 150 }, () => damage(SOURCES[Math.floor(random() * SOURCES.length)], random)),
    ...Array.from({ length: 100 }, () => withBlockSyntax(SOURCES[Math.floor(random() * SOURCES.length)], random)),
  ];
  let split = 0;
  for (const [i, text] of texts.entries()) {
    const starts = blockStarts(text);
    if (starts.length > 1) split++;
    const cache = cacheOfLoneBlocks(text);
    assert.deepEqual(parseMarkdown(text, cache), parseWholeText(text), `text ${i} (${starts.length} blocks), cached`);
    assert.deepEqual(parseMarkdown(text), parseWholeText(text), `text ${i} (${starts.length} blocks)`);
  }
  // The test means something only if most texts do have several blocks.
  assert.ok(split > texts.length / 3, `${split} of ${texts.length} texts have several blocks`);
});

test('a cache carried across random edits gives what a fresh parse gives, and the same diagnostics (seeded)', () => {
  const random = rng(Number(process.env.GONGWEN_SEED ?? 20261122) + 1);
  const corpus = listFixtures(path.join(FIXTURES, 'corpus')).map((f) => fs.readFileSync(f, 'utf8'));
  let text = corpus.join('\n\n');
  const cache = new MarkdownCache();
  let reused = 0;
  for (let i = 0; i < 60; i++) {
    const before = new Set(cache.blocks.keys());
    assert.deepEqual(parseMarkdown(text, cache), parseWholeText(text), `edit ${i}`);
    reused += [...cache.blocks.keys()].filter((k) => before.has(k)).length;
    assert.deepEqual(checkText(text, { markdownCache: cache }).diagnostics, checkText(text).diagnostics, `edit ${i}: diagnostics`);
    text = i % 10 === 9 ? damage(text, random) : typeAt(text, random);
  }
  assert.ok(reused > 0, 'blocks were reused from earlier versions');
});

/** Block-level syntax put at line starts: what could make a cut unsafe if it were missed. */
const BLOCK_PIECES = ['    ', '\t', '> ', '- ', '1. ', '10) ', '* ', '+ ', '# ', '===\n', '---\n', '+++\n', '***\n', '| a | b |\n| - | - |\n', '<div>\n', '<pre>\n\n', '<!-- ', ' -->\n', '<?x\n\n', '\uFEFF', '\n', '\n\n', '\r\n\r\n', '\r\r', '[a]\n', '$$\n', '1.     ', '2)\t\t', '1. - ', '1. # ', '3. > ', '1. 2. + ', '1.5 ', '1234567890. ', '\\', '&#42;', '&lt;', '=\n', '- - -\n'];

function withBlockSyntax(text: string, random: () => number): string {
  let t = text;
  for (let i = 0, n = 1 + Math.floor(random() * 6); i < n; i++) {
    const lineStarts = [0, ...[...t.matchAll(/\r\n?|\n/g)].map((m) => m.index + m[0].length)];
    const at = lineStarts[Math.floor(random() * lineStarts.length)];
    t = t.slice(0, at) + BLOCK_PIECES[Math.floor(random() * BLOCK_PIECES.length)] + t.slice(at);
  }
  return t;
}

/** One keystroke-sized edit: a character typed or deleted somewhere. */
function typeAt(text: string, random: () => number): string {
  const at = Math.floor(random() * text.length);
  const pieces = ['一', 'X', '，', '\n', '\n\n', '', '- ', '# ', '*'];
  const piece = pieces[Math.floor(random() * pieces.length)];
  return piece ? text.slice(0, at) + piece + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
}

test('block cuts: only before a line at the margin after a blank line, not before a list marker', () => {
  const text = '一、总述\n\n正文。\n  缩进\n\n    代码\n\n- 列表\n\n  续行\n\n（一）下文\r\n\r\n二、其后\r\r三、最后\n\n1. 甲\n\n2) 乙\n\n* 丙\n\n+ 丁\n\n# 标题';
  const cuts = blockStarts(text).map((s) => text.slice(s, s + 4));
  assert.deepEqual(cuts, ['一、总述', '正文。\n', '（一）下', '二、其后', '三、最后', '# 标题']);
});

test('block cuts: none inside front matter, before ---, or in texts with fences, HTML blocks or definitions', () => {
  const fm = '---\ntype: 工作总结\n\nrules: {}\n---\n\n一、甲\n\n---\n\n二、乙';
  assert.deepEqual(blockStarts(fm).map((s) => fm.slice(s, s + 3)), ['---', '一、甲', '二、乙']);
  for (const text of [
    '一、甲\n\n```\n代码\n\n正文\n```\n\n二、乙',
    '一、甲\n\n~~~\n\n~~~\n\n二、乙',
    '一、甲\n\n<div>\n\n</div>\n\n二、乙',
    '一、甲\n\n> <!--\n\n-->\n\n二、乙',
    '一、[甲][a]\n\n二、乙\n\n[a]: http://example.com',
    '一、甲[^1]\n\n二、乙\n\n[^1]: 注释',
  ]) {
    assert.deepEqual(blockStarts(text), [0], text);
  }
  const comment = '一、甲\n\n<!-- gongwen-disable placeholder -->\n\n二、乙';
  assert.equal(blockStarts(comment).length, 3, 'a one-line comment does not stop the cuts');
});

test('a byte order mark at the start does not shift the offsets of the Markdown facts', () => {
  const text = '\uFEFF# 标题\n\n- 甲\n\n`代码`';
  const facts = parseMarkdown(text);
  assert.equal(text.slice(facts.headings[0].start, facts.headings[0].end), '# 标题');
  assert.deepEqual([...facts.bulletItemStarts].map((s) => text[s]), ['-']);
  assert.equal(text.slice(facts.excluded[0].start, facts.excluded[0].end), '`代码`');
});

test('many small blocks with syntax, parsed in several short runs, give the facts of one whole parse (seeded)', () => {
  const random = rng(Number(process.env.GONGWEN_SEED ?? 20261122) + 2);
  const kinds = ['# 标题', '标题\n===', '> 引用\n> 续', '| 甲 | 乙 |\n| - | - |\n| X | **重点** |', '一是**加强**学习。', '正文`代码`正文', '~~删去~~的话', '普通的一段话。', '（一）小标题'];
  for (let round = 0; round < 20; round++) {
    const blocks = Array.from({ length: 40 + Math.floor(random() * 80) }, () => kinds[Math.floor(random() * kinds.length)]);
    const text = blocks.join('\n\n');
    assert.ok(blockStarts(text).length > 32, 'more blocks than one run holds');
    assert.deepEqual(parseMarkdown(text), parseWholeText(text), `round ${round}`);
  }
});
