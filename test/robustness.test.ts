// Pathological input: the engine answers (no throw, no stack overflow) and still finds what it should.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../server/src/engine/check.js';
import { DELIMITER_LIMIT, NESTING_LIMIT, QUOTE_DEPTH_LIMIT, UNDERLINE_LIMIT, parseMarkdown, parseWholeText, parserInput } from '../server/src/engine/model/markdown.js';
import { RUN_ADVERSARIAL } from './adversarial-inputs.js';

test('thousands of nested quotes do not exhaust the stack; markers after them are still read', () => {
  const text = '>'.repeat(20000) + ' 一、甲\n' + '> '.repeat(20000) + '\n\n一、乙\n三、丙\n';
  const r = checkText(text);
  assert.ok(r.diagnostics.some((d) => d.rule === 'numbering-sequence'));
  assert.equal(parserInput('> '.repeat(QUOTE_DEPTH_LIMIT + 5)).split('>').length - 1, QUOTE_DEPTH_LIMIT);
});

test('a block with more emphasis delimiters than the limit is read literally: its star runs are blanks', () => {
  const block = '全市*个单位'.repeat(DELIMITER_LIMIT + 1);
  const input = parserInput(block + '\n\n**重点**工作');
  assert.equal(input.length, block.length + '\n\n**重点**工作'.length, 'offsets unchanged');
  assert.ok(!input.slice(0, block.length).includes('*'));
  assert.ok(input.endsWith('**重点**工作'), 'other blocks untouched');
  const r = checkText(block);
  assert.equal(r.diagnostics.filter((d) => d.rule === 'placeholder').length, DELIMITER_LIMIT + 1);
});

test('brackets, tildes and underscores by the thousand are answered', () => {
  for (const text of ['[a]'.repeat(20000), '~a'.repeat(20000), '_a'.repeat(20000), '（'.repeat(50000), '一是，'.repeat(20000)]) {
    const r = checkText(text);
    assert.ok(Array.isArray(r.diagnostics));
    for (const d of r.diagnostics) assert.ok(d.range.end.offset <= text.length);
  }
});

test('a rule that throws is skipped; the others still report', async () => {
  const { RULES_BY_ID } = await import('../server/src/engine/rules/index.js');
  const rule = RULES_BY_ID.get('placeholder')!;
  const original = rule.check;
  rule.check = () => {
    throw new Error('boom');
  };
  try {
    const r = checkText('# 某局工作总结\n一、甲\n三、乙\nX市\n');
    assert.deepEqual(r.failures.map((f) => f.rule), ['placeholder']);
    assert.ok(r.diagnostics.some((d) => d.rule === 'numbering-sequence'));
    assert.ok(!r.diagnostics.some((d) => d.rule === 'placeholder'));
  } finally {
    rule.check = original;
  }
});

// A hang guard, not a speed test (`npm run bench -- adversarial` times these): a trimming pattern
// that searched a run again from each of its characters took minutes on a million of them.
test('a million spaces, colons, stars or underscores in one line are checked to the end', { timeout: 60_000 }, () => {
  for (const [name, text] of Object.entries(RUN_ADVERSARIAL(1_000_000))) {
    const { diagnostics } = checkText(text);
    for (const d of diagnostics) assert.ok(d.range.end.offset <= text.length, name);
  }
});

test('a block with more setext underlines than the limit reads them as text; headings in many small blocks are all found', () => {
  const within = '标题\n===\n'.repeat(UNDERLINE_LIMIT);
  assert.equal(parserInput(within), within);
  const over = '标题\n===\n'.repeat(UNDERLINE_LIMIT + 1);
  assert.equal(parserInput(over), over.replace(/=/g, 'x'));
  assert.equal(parseMarkdown(over).headings.length, 0);
  // Separated by blank lines, each heading is a block of its own: parsed in short runs, every one found.
  const separate = '标题\n===\n\n'.repeat(UNDERLINE_LIMIT * 4);
  assert.equal(parseMarkdown(separate).headings.length, UNDERLINE_LIMIT * 4);
});

test('more nested list items or lazy quote lines than the limit in one block are read as text; fewer are parsed as written', () => {
  const nested = (n: number) => '- 甲\n  - 乙\n'.repeat(n);
  const within = nested(NESTING_LIMIT);
  assert.equal(parserInput(within), within);
  assert.equal(parseMarkdown(within).bulletItemStarts.size, NESTING_LIMIT * 2);
  const over = nested(NESTING_LIMIT + 1);
  // Only the outer items stay items; the nested markers are text of their parent item.
  assert.equal(parseMarkdown(over).bulletItemStarts.size, NESTING_LIMIT + 1);
  const lazy = '> 引用\n接续\n'.repeat(NESTING_LIMIT + 1);
  assert.equal(parserInput(lazy), lazy.replace(/>/g, 'x'));
  // Limits apply block by block, so a block-wise parse equals one parse of the whole text.
  const mixed = `一、总述\n\n${over}\n二、其他\n\n${within}\n三、再其他\n\n${lazy}`;
  assert.deepEqual(parseMarkdown(mixed), parseWholeText(mixed));
});

test('more HTML starts, references, image marks, backticks or backslashes than the limit in one block are read as text', () => {
  for (const c of ['<', '&', '!', '`', '\\']) {
    const within = `一、${c}\n`.repeat(DELIMITER_LIMIT);
    assert.equal(parserInput(within), within, c);
    const over = `一、${c}\n`.repeat(DELIMITER_LIMIT + 1);
    assert.equal(parserInput(over), over.split(c).join('x'), c);
  }
});
