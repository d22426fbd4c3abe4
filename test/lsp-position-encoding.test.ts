// Issue 13, item 1 (position encodings): the server offers utf-8 and utf-32 besides utf-16 (LSP
// 3.17 `general.positionEncodings` → `capabilities.positionEncoding`), takes the client's first
// choice among them, and every position it sends or receives counts in that encoding: diagnostics,
// quick-fix and fix-all edits, hovers, symbols, a configuration file's problems, and the ranges of
// incremental changes. Driven over stdio with text holding Chinese, 𠮷 (U+20BB7, a surrogate pair
// in UTF-16) and an emoji before the findings, so that the three encodings give three numbers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lsp-client.js';
import { minimalEdit } from '../server/src/lsp/convert.js';
import { offsetAfter, unitsIn } from '../server/src/lsp/position-encoding.js';

type Encoding = 'utf-8' | 'utf-16' | 'utf-32';

const LINE = '（一）𠮷镇😀书屋整理图书X册,新增借阅点。';
const DRAFT = [
  '# 𠮷镇文化站2025年度工作总结😀', // 0
  '', // 1
  '一年来，站里围绕中心工作扎实推进各项任务。现将主要情况总结如下：', // 2
  '', // 3
  '## 一、夯实𠮷镇基础工作😀', // 4
  LINE, // 5
  '（二）推进𠮷镇数字化。', // 6
  '## 二、存在问题', // 7
  '经费不足。', // 8
  '## 三、下一步打算', // 9
  '继续做好工作。', // 10
  '',
].join('\n');

/** Where the placeholder X and the half-width comma of LINE are, counted by hand in each encoding:
 * （一） is 3 characters of 3 bytes, 𠮷 and 😀 are 2 UTF-16 units, 4 bytes, 1 code point each. */
const X_AT: Record<Encoding, number> = { 'utf-16': 14, 'utf-8': 38, 'utf-32': 12 };
const COMMA_AT: Record<Encoding, number> = { 'utf-16': 16, 'utf-8': 42, 'utf-32': 14 };

// The test's own model of positions, independent of the server's: Buffer for UTF-8, the string
// iterator for code points.

/** The LSP character of a UTF-16 column of a line. */
function character(line: string, utf16: number, enc: Encoding): number {
  const before = line.slice(0, utf16);
  return enc === 'utf-16' ? utf16 : enc === 'utf-8' ? Buffer.byteLength(before, 'utf8') : [...before].length;
}

/** The UTF-16 offset into `text` of an LSP position in `enc`. */
function offsetOf(text: string, p: Position, enc: Encoding): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < p.line; i++) offset += lines[i].length + 1;
  let units = 0;
  let col = 0;
  for (const ch of lines[p.line]) {
    const size = enc === 'utf-16' ? ch.length : enc === 'utf-8' ? Buffer.byteLength(ch, 'utf8') : 1;
    if (units + size > p.character) break;
    units += size;
    col += ch.length;
  }
  assert.equal(units, p.character, `position ${JSON.stringify(p)} is not on a character boundary in ${enc}`);
  return offset + col;
}

function covered(text: string, r: Range, enc: Encoding): string {
  return text.slice(offsetOf(text, r.start, enc), offsetOf(text, r.end, enc));
}

function applyEdits(text: string, edits: TextEdit[], enc: Encoding): string {
  const sorted = edits.map((e) => ({ start: offsetOf(text, e.range.start, enc), end: offsetOf(text, e.range.end, enc), text: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

interface FullReport {
  items: Diagnostic[];
}

async function session(t: { after: (fn: () => void) => void }, positionEncodings: string[] | undefined) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-encoding-'));
  const client = new LspTestClient({ pull: true, locale: 'zh-cn', rootPath: dir, positionEncodings });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const init = await client.initialize();
  return { dir, client, encoding: init.capabilities.positionEncoding };
}

test('the client\'s first choice among utf-8, utf-16 and utf-32 is taken; utf-16 when it offers none of them, or nothing', async (t) => {
  const cases: [string[] | undefined, Encoding][] = [
    [['utf-32', 'utf-8'], 'utf-32'],
    [['utf-8', 'utf-16'], 'utf-8'],
    [['latin-1', 'utf-8'], 'utf-8'],
    [['latin-1'], 'utf-16'],
    [[], 'utf-16'],
    [undefined, 'utf-16'],
  ];
  for (const [offered, chosen] of cases) {
    const { client, encoding } = await session(t, offered);
    assert.equal(encoding, chosen, `offered ${JSON.stringify(offered)}`);
    await client.shutdown();
  }
});

for (const enc of ['utf-8', 'utf-16', 'utf-32'] as const) {
  test(`${enc}: diagnostics, a quick fix, fix all, hover, symbols, a config problem and incremental changes count in ${enc}`, { timeout: 30_000 }, async (t) => {
    const { dir, client, encoding } = await session(t, [enc]);
    assert.equal(encoding, enc);
    // A configuration file with a full-width comma after Chinese text and 𠮷: its problem is at the comma.
    const configLine = '  "type": "𠮷镇述职报告"，';
    fs.writeFileSync(path.join(dir, '.gongwen.jsonc'), `{\n${configLine}\n}\n`);
    const uri = pathToFileURL(path.join(dir, 'draft.md')).href;
    let text = DRAFT;
    await client.open(uri, text);

    // Diagnostics: the placeholder X and the half-width comma, at their characters in this encoding.
    const report = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });
    const blank = report.items.find((d) => d.code === 'placeholder');
    const comma = report.items.find((d) => d.code === 'punctuation-width');
    assert.ok(blank && comma, JSON.stringify(report.items));
    assert.deepEqual(blank.range, { start: { line: 5, character: X_AT[enc] }, end: { line: 5, character: X_AT[enc] + 1 } });
    assert.deepEqual(comma.range, { start: { line: 5, character: COMMA_AT[enc] }, end: { line: 5, character: COMMA_AT[enc] + 1 } });
    // Every range falls between characters in this encoding (offsetOf asserts it).
    for (const d of report.items) covered(text, d.range, enc);
    assert.equal(covered(text, blank.range, enc), 'X');

    // The quick fix's edit, applied in this encoding, changes the comma and nothing else.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: comma.range, context: { diagnostics: [comma] } });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(actions));
    assert.equal(applyEdits(text, fix.edit.changes[uri], enc), DRAFT.replace('X册,', 'X册，'));

    // Hover on the placeholder: found at its position in this encoding, its range in it.
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: X_AT[enc] } });
    assert.ok(hover?.range, 'a hover on the placeholder');
    assert.match(JSON.stringify(hover.contents), /此处应填写/);
    assert.equal(covered(text, hover.range, enc), 'X');
    // Just after the emoji (in UTF-16 that is two characters further than in UTF-32): no placeholder there.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: character(LINE, 8, enc) } }), null);

    // Symbols: the section heading's selection ends at its line's end, after 𠮷 and 😀.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const heading = (symbols[0].children ?? symbols).find((s) => s.name.startsWith('一、'));
    assert.ok(heading, JSON.stringify(symbols.map((s) => s.name)));
    const headingLine = DRAFT.split('\n')[4];
    assert.equal(heading.selectionRange.end.character, character(headingLine, headingLine.length, enc));
    assert.equal(covered(text, heading.selectionRange, enc), '一、夯实𠮷镇基础工作😀');
    // Its range ends at the end of the section's last line.
    const lastLine = DRAFT.split('\n')[6];
    assert.deepEqual(heading.range.end, { line: 6, character: character(lastLine, lastLine.length, enc) });

    // The configuration file's problem covers its full-width comma.
    const configUri = pathToFileURL(path.join(dir, '.gongwen.jsonc')).href;
    await client.waitFor(() => !!client.lastPublished(configUri), 'the configuration file\'s problems');
    const configProblem = client.lastPublished(configUri)!.diagnostics[0];
    assert.equal(covered(`{\n${configLine}\n}\n`, configProblem.range, enc), '，');

    // Incremental changes, in this encoding, one after another in one notification: X becomes 三百,
    // 余 goes after it (a position in the text the first change left), and the emoji is deleted.
    const xAt = X_AT[enc];
    const changes = [
      { range: { start: { line: 5, character: xAt }, end: { line: 5, character: xAt + 1 } }, text: '三百' },
      { range: { start: { line: 5, character: xAt + character('三百', 2, enc) }, end: { line: 5, character: xAt + character('三百', 2, enc) } }, text: '余' },
      { range: { start: { line: 5, character: character(LINE, 6, enc) }, end: { line: 5, character: character(LINE, 8, enc) } }, text: '' },
    ];
    for (const c of changes) text = applyEdits(text, [{ range: c.range, newText: c.text }], enc);
    assert.equal(text.split('\n')[5], '（一）𠮷镇书屋整理图书三百余册,新增借阅点。');
    await client.change(uri, changes);

    // The server's text is the client's: the placeholder is gone, the comma is where the client has
    // it, and fix-all's edit (computed on the server's text) turns the client's into the fixed one.
    const after = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(after.items.filter((d) => d.code === 'placeholder'), []);
    const comma2 = after.items.find((d) => d.code === 'punctuation-width');
    assert.ok(comma2);
    assert.equal(covered(text, comma2.range, enc), ',');
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.gongwen'] },
    });
    assert.equal(fixAll.length, 1);
    assert.equal(applyEdits(text, fixAll[0].edit!.changes![uri], enc), text.replace('余册,', '余册，'));

    // Completion on a new line indented with a full-width space, after a typed （ and before the
    // line's words: the item's edit replaces the （, from its character in this encoding to the cursor.
    const typed = '\u3000（';
    const at = { line: 6, character: character(typed, typed.length, enc) };
    await client.change(uri, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: typed + '工作\n' }]);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at });
    const item = items.find((i) => i.label === '（二）');
    assert.ok(item?.textEdit && 'range' in item.textEdit, JSON.stringify(items.map((i) => i.label)));
    assert.deepEqual(item.textEdit.range, { start: { line: 6, character: character(typed, 1, enc) }, end: at });

    assert.equal(await client.shutdown(), 0);
  });
}

test('positions between the bytes of a character, past a line\'s end, or between the halves of a pair are not split', () => {
  const line = '中𠮷a';
  // UTF-8: 中 is bytes 0–2, 𠮷 3–6. A count that ends inside a character stops before it.
  assert.deepEqual([0, 1, 2, 3, 4, 6, 7, 8, 99].map((u) => offsetAfter(line, 0, line.length, u, 'utf-8')), [0, 0, 0, 1, 1, 1, 3, 4, 4]);
  assert.deepEqual([0, 1, 2, 3, 4].map((u) => offsetAfter(line, 0, line.length, u, 'utf-32')), [0, 1, 3, 4, 4]);
  assert.deepEqual([unitsIn(line, 0, 4, 'utf-8'), unitsIn(line, 0, 4, 'utf-32'), unitsIn(line, 0, 4, 'utf-16')], [8, 3, 4]);
  // A fix that changes one character for another with the same second half: the edit covers the
  // whole pair, so its end is a position in UTF-8 and UTF-32 too.
  const before = '甲\ud842\udfb7乙';
  const after = '甲\ud843\udfb7乙';
  const edit = minimalEdit(before, after, (o) => ({ line: 0, character: o }));
  assert.deepEqual(edit, { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: '\ud843\udfb7' });
});
