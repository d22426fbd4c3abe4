// The language server's gongwen/importWord request (the VS Code command 从 Word 导入 sends it):
// a .docx in base64 comes back as Markdown with its automatic numbers as text, or as the reason it
// cannot be read.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { IMPORT_WORD_REQUEST, type ImportWordResult } from '../server/src/protocol.js';
import { LspTestClient } from './lsp-client.js';
import { buildDocx, CHINESE_LEVELS, np, p } from './docx-builder.js';

test('gongwen/importWord: Markdown with the automatic numbers as text; a file that is not a .docx gets its reason', async (t) => {
  const client = new LspTestClient({ pull: true });
  t.after(() => client.kill());
  await client.initialize();
  const docx = buildDocx({
    body: p('某局工作总结') + np(1, 0, '主要工作') + np(1, 1, '夯实基础') + np(1, 0, '存在问题'),
    numbering: `<w:abstractNum w:abstractNumId="0">${CHINESE_LEVELS}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
  });
  const ok = await client.request<ImportWordResult>(IMPORT_WORD_REQUEST.method, { data: Buffer.from(docx).toString('base64') });
  assert.ok(ok.ok);
  assert.equal(ok.markdown, '某局工作总结\n\n一、主要工作\n\n（一）夯实基础\n\n二、存在问题\n');
  assert.deepEqual([ok.paragraphs, ok.automaticNumbers], [4, 3]);
  const bad = await client.request<ImportWordResult>(IMPORT_WORD_REQUEST.method, { data: Buffer.from('一、不是压缩包').toString('base64') });
  assert.deepEqual(bad, { ok: false, problem: 'notZip' });
  const old = await client.request<ImportWordResult>(IMPORT_WORD_REQUEST.method, { data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]).toString('base64') });
  assert.deepEqual(old, { ok: false, problem: 'oldFormat' });
  assert.equal(await client.shutdown(), 0);
});
