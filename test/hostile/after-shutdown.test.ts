// Issue 11, item 6 (shutdown): after shutdown, requests get InvalidRequest (LSP 3.17).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../lsp-client.js';

test('requests after shutdown are refused with InvalidRequest', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: true });
  t.after(() => client.kill());
  await client.initialize();
  await client.open('untitled:a', '# 某局2025年工作总结\n\n一、主要工作\n');
  const before = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: 'untitled:a' } });
  assert.ok(Array.isArray(before) && before.length > 0);
  await client.connection.sendRequest('shutdown');
  for (const [method, params] of [
    ['textDocument/documentSymbol', { textDocument: { uri: 'untitled:a' } }],
    ['textDocument/hover', { textDocument: { uri: 'untitled:a' }, position: { line: 2, character: 0 } }],
    ['textDocument/diagnostic', { textDocument: { uri: 'untitled:a' } }],
  ] as const) {
    await assert.rejects(client.connection.sendRequest(method, params), (e: { code?: number }) => e.code === -32600, method);
  }
});
