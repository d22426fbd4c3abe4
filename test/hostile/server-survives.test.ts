// Issue 11, item 3: no input ends the push-mode server. A didOpen whose text is not a string, and
// front matter whose roles are named __proto__, are logged; the server still checks the next
// document and still answers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../lsp-client.js';

test('the push-mode server survives a didOpen without text and odd front matter, and goes on', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: false });
  t.after(() => client.kill());
  await client.initialize();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:number', languageId: 'markdown', version: 1, text: 12345 } });
  await client.open('untitled:proto', '---\ngongwen:\n  types:\n    x:\n      roles: {__proto__: {headings: [1]}}\n---\n# 某局工作总结\n');
  await client.open('untitled:good', '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n');
  await client.waitFor(() => (client.lastPublished('untitled:good')?.diagnostics ?? []).some((d) => d.code === 'numbering-sequence'), 'diagnostics for the next document');
  assert.equal(client.process.exitCode, null, `the server is still running; stderr: ${client.stderr}`);
});
