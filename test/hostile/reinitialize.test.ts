// Issue 11, item 6 (found by test/hostile/fuzz): a second initialize request is refused with
// InvalidRequest and changes nothing. It used to be answered and to switch the session: a
// push-mode client that sent one announcing pull diagnostics got no more diagnostics.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../lsp-client.js';

test('a second initialize is refused; the push-mode server goes on pushing, in its first locale', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: false });
  t.after(() => client.kill());
  await client.initialize();
  await assert.rejects(
    client.request('initialize', { processId: null, rootUri: null, locale: 'en', capabilities: { textDocument: { diagnostic: {} } } }),
    (e: { code?: number }) => e.code === -32600,
  );
  await client.open('untitled:a', '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n');
  await client.waitFor(() => (client.lastPublished('untitled:a')?.diagnostics ?? []).some((d) => d.code === 'numbering-sequence'), 'pushed diagnostics');
  const gap = client.lastPublished('untitled:a')!.diagnostics.find((d) => d.code === 'numbering-sequence')!;
  assert.match(String(gap.message), /[\u4e00-\u9fff]/, 'still in Chinese');
});
