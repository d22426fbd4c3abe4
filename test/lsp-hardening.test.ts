// The language server under strain: a failing rule, an oversized document, bursts of random
// edits (some out of range), documents closed mid-check. Seeded and bounded; nothing is timed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { checkText } from '../server/src/engine/check.js';
import { FIXTURES, rng } from './fixture-harness.js';
import { LspTestClient } from './lsp-client.js';

interface FullReport {
  items: Diagnostic[];
}

test('a failing rule is skipped and logged once; the other diagnostics still arrive', async (t) => {
  const client = new LspTestClient({ pull: true, env: { GONGWEN_FAULT_RULE: 'placeholder' } });
  t.after(() => client.kill());
  await client.initialize();
  const uri = 'untitled:fault';
  await client.open(uri, '# 某局工作总结\n一、甲\n三、乙\nX市\n');
  for (let i = 0; i < 3; i++) {
    const report = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(report.items.some((d) => d.code === 'numbering-sequence'));
    assert.ok(!report.items.some((d) => d.code === 'placeholder'));
    await client.change(uri, [{ text: `# 某局工作总结\n一、甲\n三、乙\nX市${i}\n` }]);
  }
  const errors = client.logs.filter((l) => l.type === 1 && l.message.includes('placeholder'));
  assert.equal(errors.length, 1, 'logged once');
  assert.match(errors[0].message, /untitled:fault/);
  assert.equal(await client.shutdown(), 0);
});

test('a document over the size limit gets one informational diagnostic instead of a check', async (t) => {
  const client = new LspTestClient({ pull: true, settings: { maxFileSize: 1000 } });
  t.after(() => client.kill());
  await client.initialize();
  const uri = 'untitled:large';
  await client.open(uri, '# 某局工作总结\n' + '一、甲X市\n'.repeat(200));
  const report = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(report.items.length, 1);
  assert.equal(report.items[0].code, 'size-limit');
  assert.equal(report.items[0].severity, 3);
  await client.change(uri, [{ text: '# 某局工作总结\n一、甲\n三、乙\n' }]);
  const small = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.ok(small.items.some((d) => d.code === 'numbering-sequence'), 'checked again once small');
  assert.equal(await client.shutdown(), 0);
});


/** Applies one LSP change the way vscode-languageserver-textdocument does (positions clamped). */
function applyChange(text: string, change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => {
    if (p.line >= lines.length) return text.length;
    const start = lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0);
    return Math.min(start + p.character, start + lines[p.line].length);
  };
  const a = offset(change.range.start);
  const b = Math.max(a, offset(change.range.end));
  return text.slice(0, a) + change.text + text.slice(b);
}

for (const pull of [true, false]) {
  test(`bursts of random edits (${pull ? 'pull' : 'push'}): the final diagnostics match the final text`, async (t) => {
    const client = new LspTestClient({ pull });
    t.after(() => client.kill());
    await client.initialize();
    const random = rng(pull ? 7 : 11);
    const base = fs.readFileSync(path.join(FIXTURES, 'corpus', '001_17a6a86398cf71ce.txt'), 'utf8').replace(/\r/g, '');
    const pieces = ['一、', '（二）', '3.', 'X', '**', '\n', '存在问题', '下一步，我们将', '一是', '三是', '𠀀', ''];
    for (let doc = 0; doc < 3; doc++) {
      const uri = `untitled:burst-${pull}-${doc}`;
      let text = base;
      await client.open(uri, text);
      const pending: Promise<unknown>[] = [];
      for (let i = 0; i < 40; i++) {
        const lines = text.split('\n');
        const line = Math.floor(random() * (lines.length + 3)); // sometimes past the end
        const character = Math.floor(random() * 40);
        const change = {
          range: { start: { line, character }, end: { line: line + (random() < 0.2 ? 1 : 0), character: character + Math.floor(random() * 5) } },
          text: pieces[Math.floor(random() * pieces.length)],
        };
        text = applyChange(text, change);
        await client.change(uri, [change]);
        // Requests in flight while the text keeps changing.
        if (pull && i % 5 === 0) pending.push(client.request('textDocument/diagnostic', { textDocument: { uri } }).catch(() => undefined));
        if (i % 7 === 0) pending.push(client.request('textDocument/documentSymbol', { textDocument: { uri } }).catch(() => undefined));
      }
      await Promise.all(pending);
      const expected = checkText(text).diagnostics.map((d) => `${d.rule}@${d.range.start.line - 1}:${d.range.start.column - 1}`).sort();
      let actual: string[];
      if (pull) {
        const report = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });
        actual = report.items.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
      } else {
        await client.waitFor(() => client.lastPublished(uri)?.version === client.version(uri), `push for the final version of ${uri}`);
        actual = client.lastPublished(uri)!.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
      }
      assert.deepEqual(actual, expected, `document ${doc}`);
      // Close one document while a check is in flight: the server answers and stays up.
      const inFlight = client.request('textDocument/diagnostic', { textDocument: { uri } }).catch(() => undefined);
      await client.close(uri);
      await inFlight;
    }
    assert.equal(await client.shutdown(), 0);
  });
}
