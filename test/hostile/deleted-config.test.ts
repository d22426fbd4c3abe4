// Issue 11, item 6 (config files): when a .gongwen.jsonc with problems is deleted, its
// diagnostics are cleared.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../lsp-client.js';

test('a deleted configuration file has its problems cleared', { timeout: 30_000 }, async (t) => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cfg-')));
  const config = path.join(dir, '.gongwen.jsonc');
  fs.writeFileSync(config, '{ "type": 3 }\n');
  const doc = pathToFileURL(path.join(dir, 'a.md')).href;
  const configUri = pathToFileURL(config).href;
  const client = new LspTestClient({ pull: true, rootPath: dir });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  await client.open(doc, '# 某局2025年工作总结\n\n一、主要工作\n');
  await client.request('textDocument/diagnostic', { textDocument: { uri: doc } });
  await client.waitFor(() => (client.lastPublished(configUri)?.diagnostics.length ?? 0) > 0, 'the configuration problem');
  fs.rmSync(config);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
  await client.request('textDocument/diagnostic', { textDocument: { uri: doc } });
  await client.waitFor(() => client.lastPublished(configUri)?.diagnostics.length === 0, 'the problem cleared');
  assert.deepEqual(client.lastPublished(configUri)?.diagnostics, []);
});
