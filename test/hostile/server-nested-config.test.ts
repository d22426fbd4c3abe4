// Issue 11, item 3 (configuration files): a .gongwen.jsonc nested 8,000 deep does not end the
// push-mode server: the file gets one problem with its position, and the documents under it are
// checked with the defaults.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../lsp-client.js';

test('the push-mode server survives a configuration nested 8,000 deep and goes on checking', { timeout: 30_000 }, async (t) => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-deep-')));
  const config = path.join(dir, '.gongwen.jsonc');
  fs.writeFileSync(config, '{\n  "types": ' + '{"a":'.repeat(8000) + '1' + '}'.repeat(8000) + '\n}\n');
  const doc = pathToFileURL(path.join(dir, 'a.md')).href;
  const configUri = pathToFileURL(config).href;
  const client = new LspTestClient({ pull: false, rootPath: dir });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  await client.open(doc, '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n');
  await client.waitFor(() => (client.lastPublished(doc)?.diagnostics ?? []).some((d) => d.code === 'numbering-sequence'), 'diagnostics for the document');
  await client.waitFor(() => (client.lastPublished(configUri)?.diagnostics.length ?? 0) > 0, 'the configuration problem');
  const [problem] = client.lastPublished(configUri)!.diagnostics;
  assert.match(String(problem.message), /嵌套过深（超过 64 层）/);
  // The 64th {"a": opens level 65 (the outer object is level 1): line 2, after "  \"types\": " and 63 × {"a":.
  assert.deepEqual(problem.range.start, { line: 1, character: '  "types": '.length + 63 * 5 });
  // Still serving: a second document is checked too.
  await client.open(pathToFileURL(path.join(dir, 'b.md')).href, '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n');
  await client.waitFor(() => (client.lastPublished(pathToFileURL(path.join(dir, 'b.md')).href)?.diagnostics ?? []).some((d) => d.code === 'numbering-sequence'), 'diagnostics for the second document');
  assert.equal(client.process.exitCode, null, `the server is still running; stderr: ${client.stderr}`);
});
