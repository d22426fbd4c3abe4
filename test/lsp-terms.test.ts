// The language server and the terms rule: the quick fix 加入允许词表 edits the .gongwen.jsonc
// that applies (or creates one where the client can create files), and a term pack's problems
// are published on the pack's own file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyLspEdits, LspTestClient } from './lsp-client.js';
import { parseConfigText } from '../server/src/engine/config.js';
import { RULES_BY_ID } from '../server/src/engine/rules/index.js';

const TEXT = '# 县农业农村局工作总结\n\n全年承接定单1.2万份。\n';

async function termsFinding(client: LspTestClient, uri: string): Promise<Diagnostic> {
  const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  const found = report.items.find((d) => d.code === 'terms');
  assert.ok(found, 'a terms finding');
  return found;
}

test('加入允许词表: the word goes into terms.allow of the configuration that applies; then it is not reported', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-terms-'));
  const cfg = path.join(dir, '.gongwen.jsonc');
  const cfgText = '{\n  // 本单位的设置\n  "type": "工作总结"\n}\n';
  fs.writeFileSync(cfg, cfgText);
  const file = path.join(dir, 'draft.md');
  fs.writeFileSync(file, TEXT);
  const uri = pathToFileURL(file).href;
  const client = new LspTestClient({ pull: true, locale: 'zh-cn', rootPath: dir });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  await client.open(uri, TEXT);
  const d = await termsFinding(client, uri);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  const allow = actions.find((a) => a.title.startsWith('加入允许词表'));
  assert.ok(allow, actions.map((a) => a.title).join(' | '));
  const cfgUri = pathToFileURL(cfg).href;
  const edited = applyLspEdits(cfgText, allow.edit!.changes![cfgUri]);
  assert.ok(edited.includes('// 本单位的设置'), 'comments kept');
  assert.deepEqual(parseConfigText(edited, RULES_BY_ID, cfg).config.terms?.allow, ['定单']);
  // Written as the editor would save it: the finding is gone.
  fs.writeFileSync(cfg, edited);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 2 }] });
  const after = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(after.items.filter((x) => x.code === 'terms').length, 0);
});

test('加入允许词表 without a configuration: a new .gongwen.jsonc at the workspace folder, where the client can create files; a pack file\'s problems are published on it', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-terms-'));
  fs.mkdirSync(path.join(dir, 'sub'));
  const file = path.join(dir, 'sub', 'draft.md');
  fs.writeFileSync(file, TEXT);
  const uri = pathToFileURL(file).href;
  const capabilities = {
    workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
    textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
  };
  const client = new LspTestClient({ pull: true, locale: 'zh-cn', rootPath: dir, capabilities });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  await client.open(uri, TEXT);
  const d = await termsFinding(client, uri);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  const allow = actions.find((a) => a.title.startsWith('加入允许词表'));
  assert.ok(allow);
  const changes = allow.edit!.documentChanges as { kind?: string; uri?: string; textDocument?: { uri: string }; edits?: { newText: string }[] }[];
  assert.equal(changes[0].kind, 'create');
  assert.equal(changes[0].uri, pathToFileURL(path.join(dir, '.gongwen.jsonc')).href);
  const created = changes[1].edits![0].newText;
  assert.deepEqual(parseConfigText(created, RULES_BY_ID, 'c').config.terms?.allow, ['定单']);

  // A configuration naming a pack with a problem: published on the pack's file, at its line.
  fs.writeFileSync(path.join(dir, 'terms.yml'), 'rules:\n  - expected: 甲\n    patterns: [乙]\n    colour: red\n');
  fs.writeFileSync(path.join(dir, '.gongwen.jsonc'), '{ "terms": { "files": ["terms.yml"] } }\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.gongwen.jsonc')).href, type: 1 }] });
  await client.request('textDocument/diagnostic', { textDocument: { uri } });
  const packUri = pathToFileURL(path.join(dir, 'terms.yml')).href;
  await client.waitFor(() => (client.published.get(packUri)?.at(-1)?.diagnostics.length ?? 0) > 0, 'the pack file\'s problems');
  const shown = client.published.get(packUri)!.at(-1)!.diagnostics;
  assert.equal(shown.length, 1);
  assert.equal(shown[0].range.start.line, 3);
  assert.match(String(shown[0].message), /未知的字段「rules\[0\]\.colour」/);
});
