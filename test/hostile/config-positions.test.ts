// Issue 11, item 5 (config problems): N problems in a configuration file are positioned in one
// pass (each used to search the file from its start: 20,000 took more than 30 s), each at the
// setting it is about; and the language server sends a configuration file's problems once, not
// again with every check of every document.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConfigText } from '../../server/src/engine/config.js';
import { RULES_BY_ID } from '../../server/src/engine/rules/index.js';
import { renderMessage } from '../../server/src/engine/messages.js';
import { LspTestClient } from '../lsp-client.js';
import { REPO_ROOT } from '../fixture-harness.js';

const unknownRules = (n: number) => '{\n  "rules": {\n' + Array.from({ length: n }, (_, i) => `    "rule-${i}": "off"`).join(',\n') + '\n  }\n}';

test('50,000 unknown rules are 50,000 problems, each at its own line', { timeout: 30_000 }, () => {
  // In a process of its own, bounded: searching the file once per problem took minutes here.
  const script = `
    const { parseConfigText } = await import(${JSON.stringify(path.join(REPO_ROOT, 'out/server/src/engine/config.js'))});
    const { RULES_BY_ID } = await import(${JSON.stringify(path.join(REPO_ROOT, 'out/server/src/engine/rules/index.js'))});
    const text = '{\\n  "rules": {\\n' + Array.from({ length: 50000 }, (_, i) => '    "rule-' + i + '": "off"').join(',\\n') + '\\n  }\\n}';
    console.log(parseConfigText(text, RULES_BY_ID, '/x/.gongwen.jsonc').problems.length);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(run.stdout.trim(), '50000', `not done within 20 s (${run.signal ?? run.status}): ${run.stderr.slice(0, 300)}`);
  const { problems } = parseConfigText(unknownRules(50_000), RULES_BY_ID, '/x/.gongwen.jsonc');
  assert.equal(problems.length, 50_000);
  problems.forEach((p, i) => {
    if (p.line !== i + 3 || p.column !== 5) assert.fail(`problem ${i} at ${p.line}:${p.column}, not ${i + 3}:5`);
  });
  // Syntax errors too: one at each doubled comma (issue 13: the parser's two errors there, a name
  // and a value expected, are one problem).
  const broken = parseConfigText('{\n' + Array.from({ length: 20_000 }, (_, i) => `  "k${i}": 1,,`).join('\n') + '\n}', RULES_BY_ID, '/x/.gongwen.jsonc');
  assert.equal(broken.problems.length, 20_000);
  assert.deepEqual([broken.problems.at(-1)!.line, broken.problems.at(-1)!.column], [20_001, 15]);
});

test('a problem is positioned at its setting, not at the first string of the same name', () => {
  const text = '{\n  "type": "工作总结",\n  "placeholders": { "allow": ["rules"] },\n  "rules": {\n    "type": "off"\n  },\n  "types": { "rules": { "required": 3 } }\n}';
  const { problems } = parseConfigText(text, RULES_BY_ID, '/x/.gongwen.jsonc');
  assert.deepEqual(
    problems.map((p) => `${p.line}:${p.column} ${renderMessage(p.message, 'en').split(';')[0]}`),
    ['5:5 unknown rule "type"', '7:14 report type "rules" is invalid: "required" must be an array of role ids'],
  );
});

test('the language server sends a configuration file\'s problems once, not with every check', { timeout: 30_000 }, async (t) => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cfgpos-')));
  const config = path.join(dir, '.gongwen.jsonc');
  fs.writeFileSync(config, unknownRules(2000));
  const doc = pathToFileURL(path.join(dir, 'a.md')).href;
  const configUri = pathToFileURL(config).href;
  const client = new LspTestClient({ pull: true, rootPath: dir });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  const draft = '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n';
  await client.open(doc, draft);
  for (let i = 0; i < 4; i++) {
    const report = await client.request<{ items: { code?: string }[] }>('textDocument/diagnostic', { textDocument: { uri: doc } });
    assert.ok(report.items.some((d) => d.code === 'numbering-sequence'));
    await client.change(doc, [{ text: draft + '。'.repeat(i + 1) }]);
  }
  await client.request('textDocument/diagnostic', { textDocument: { uri: doc } });
  const sent = client.published.get(configUri) ?? [];
  assert.equal(sent.length, 1, `sent ${sent.length} times`);
  assert.equal(sent[0].diagnostics.length, 2000);
  assert.deepEqual(sent[0].diagnostics[1999].range.start, { line: 2001, character: 4 });
  // Changed on disk: sent again, once.
  fs.writeFileSync(config, '{ "type": 3 }\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
  await client.request('textDocument/diagnostic', { textDocument: { uri: doc } });
  await client.request('textDocument/diagnostic', { textDocument: { uri: doc } });
  await client.waitFor(() => (client.published.get(configUri) ?? []).length >= 2, 'the new problems');
  assert.equal(client.published.get(configUri)!.length, 2);
  assert.equal(client.lastPublished(configUri)!.diagnostics.length, 1);
});
