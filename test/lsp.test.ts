// The language server driven over stdio as an editor would drive it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { applyLspEdits, LspTestClient } from './lsp-client.js';

const DRAFT = [
  '# 区档案馆2025年度工作总结', // 0
  '', // 1
  '2025年，馆里围绕中心工作扎实推进各项任务。现将主要情况总结如下：', // 2
  '', // 3
  '## 一、夯实基础工作', // 4
  '（一）完善馆藏目录。一是清点库存；二是补录条目。', // 5
  '（二）推进数字化。', // 6
  '1. 扫描X万页。', // 7
  '## 三、提升服务水平', // 8
  '（一）开放查档窗口。', // 9
  '',
].join('\n');

interface FullReport {
  kind: string;
  resultId?: string;
  items: Diagnostic[];
}

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-'));
}


test('pull diagnostics, code actions, symbols, folding, hover, completion, configuration, bad requests, shutdown', async (t) => {
  const dir = tempDir();
  const file = path.join(dir, 'draft.md');
  fs.writeFileSync(file, DRAFT);
  const uri = pathToFileURL(file).href;
  const client = new LspTestClient({ pull: true, locale: 'zh-cn', rootPath: dir });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const init = await client.initialize();
  assert.ok(init.capabilities.diagnosticProvider, 'pull diagnostics announced');
  assert.ok(init.capabilities.documentSymbolProvider && init.capabilities.foldingRangeProvider && init.capabilities.hoverProvider);
  await client.open(uri, DRAFT);

  const report = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(report.kind, 'full');
  const byRule = (rule: string) => report.items.filter((d) => d.code === rule);
  const seq = byRule('numbering-sequence');
  assert.equal(seq.length, 1);
  assert.deepEqual(seq[0].range, { start: { line: 8, character: 3 }, end: { line: 8, character: 5 } });
  assert.equal(seq[0].source, 'gongwen');
  assert.match(messageText(seq[0]), /跳过了「二」/, 'Chinese message for a zh-cn client');
  assert.match(String(seq[0].codeDescription?.href), /docs\/rules\/numbering-sequence\.md$/);
  assert.equal(byRule('placeholder').length, 1);
  assert.equal(byRule('required-section').length, 2);

  // Code actions: the preferred fix carries the edit from the diagnostic's data.
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: seq[0].range,
    context: { diagnostics: [seq[0]] },
  });
  const preferred = actions.find((a) => a.isPreferred);
  assert.ok(preferred, 'a preferred fix');
  assert.match(preferred.title, /^修复/);
  const fixedText = applyLspEdits(DRAFT, preferred.edit!.changes![uri]);
  assert.match(fixedText, /## 二、提升服务水平/);
  const disableLine = actions.find((a) => a.title.includes('此行'));
  assert.equal(disableLine?.edit?.changes?.[uri][0].newText, '<!-- gongwen-disable-next-line numbering-sequence -->\n');
  const disableFile = actions.find((a) => a.title.includes('本文件停用'));
  assert.deepEqual(disableFile?.edit?.changes?.[uri][0].range.start, { line: 0, character: 0 });

  // The missing-section fix inserts a frame.
  const missing = byRule('required-section')[0];
  const insert = (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } })).find((a) => a.isPreferred);
  assert.match(insert!.title, /插入「存在问题」/);

  // source.fixAll.gongwen fixes everything fixable in one edit.
  const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.gongwen'] } });
  assert.equal(fixAll.length, 1);
  const allFixed = applyLspEdits(DRAFT, fixAll[0].edit!.changes![uri]);
  assert.match(allFixed, /## 二、提升服务水平/);
  assert.match(allFixed, /存在的问题和不足/);
  assert.match(allFixed, /下一步工作打算/);

  // Outline follows the numbering: 一、 holds （一） and （二）, which holds 1.
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const top = symbols[0].children ?? symbols;
  const first = top.find((s) => s.name.startsWith('一、'));
  assert.ok(first, JSON.stringify(symbols.map((s) => s.name)));
  assert.deepEqual(first.children?.map((c) => c.name), ['（一）完善馆藏目录', '（二）推进数字化']);
  assert.equal(first.children?.[1].children?.[0].name, '1.扫描X万页');
  assert.equal(first.children?.[1].detail, '一、（二）');

  const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  assert.ok(folds.some((f) => f.startLine === 4 && f.endLine === 7), JSON.stringify(folds));

  const hoverMarker = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 1 } });
  assert.match(JSON.stringify(hoverMarker.contents), /一、（二）/);
  const hoverBlank = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 6 } });
  assert.match(JSON.stringify(hoverBlank.contents), /数字/);

  // Completion at the start of a new line after （一）: the next ordinals of the open levels.
  await client.change(uri, [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: '\n' }]);
  const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 0 } });
  const labels = items.map((i) => i.label);
  assert.deepEqual(labels.slice(0, 3), ['1.', '（二）', '四、']);

  // An edit: the next pull sees the new version.
  await client.change(uri, [{ range: { start: { line: 8, character: 3 }, end: { line: 8, character: 4 } }, text: '二' }]);
  const after = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(after.items.filter((d) => d.code === 'numbering-sequence').length, 0);
  assert.equal(after.resultId, String(client.version(uri)));

  // Configuration change: settings are read again (placeholder turned off, type changed).
  client.settings = { rules: { placeholder: 'off' }, reportType: '自查报告' };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const reconfigured = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(reconfigured.items.filter((d) => d.code === 'placeholder').length, 0);
  assert.equal(reconfigured.items.filter((d) => d.code === 'required-section').length, 3, 'self-check, problems, rectification');

  // Bad requests: the server answers and stays up.
  const unknown = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere/none.md' } });
  assert.deepEqual(unknown.items, []);
  assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere/none.md' } }), null);
  await assert.rejects(client.request('gongwen/noSuchMethod', {}), /Unhandled method|not found/i);
  await client.change(uri, [{ range: { start: { line: 999, character: 0 }, end: { line: 1000, character: 5 } }, text: '追加' }]);
  const stillUp = await client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(stillUp.kind, 'full');

  const code = await client.shutdown();
  assert.equal(code, 0);
});

test('push diagnostics for clients without pull; .gongwen.jsonc problems published on the file itself', async (t) => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, '.gongwen.jsonc'), '{\n  "rules": { "placeholder": "loud" }\n}\n');
  const file = path.join(dir, 'a.md');
  const text = '# 某局工作总结\n\nX市的工作。\n';
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const configUri = pathToFileURL(path.join(dir, '.gongwen.jsonc')).href;
  const client = new LspTestClient({ pull: false, locale: 'en', rootPath: dir });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const init = await client.initialize();
  assert.equal(init.capabilities.diagnosticProvider, undefined);
  await client.open(uri, text);
  await client.waitFor(() => !!client.lastPublished(uri), 'diagnostics pushed');
  const pushed = client.lastPublished(uri)!;
  assert.ok(pushed.diagnostics.some((d) => d.code === 'placeholder' && /Unfilled placeholder/.test(messageText(d))), 'English for an English client; defaults used despite the broken setting');
  await client.waitFor(() => !!client.lastPublished(configUri), 'config problems pushed');
  const configProblem = client.lastPublished(configUri)!.diagnostics[0];
  assert.equal(configProblem.range.start.line, 1);
  assert.match(messageText(configProblem), /severity/);

  // Rapid edits: the last push matches the final text.
  for (let i = 0; i < 10; i++) await client.change(uri, [{ text: `# 某局工作总结\n\n${'X'.repeat(i % 3 + 1)}县的工作。\n` }]);
  await client.change(uri, [{ text: '# 某局工作总结\n\n全县的工作。\n' }]);
  await client.waitFor(() => client.lastPublished(uri)?.version === client.version(uri), 'diagnostics for the final version');
  assert.equal(client.lastPublished(uri)!.diagnostics.filter((d) => d.code === 'placeholder').length, 0);

  await client.close(uri);
  await client.waitFor(() => client.lastPublished(uri)?.diagnostics.length === 0, 'diagnostics cleared on close');
  assert.equal(await client.shutdown(), 0);
});

test('fix all through workspace/executeCommand applies one edit via workspace/applyEdit', async (t) => {
  const client = new LspTestClient({ pull: true });
  t.after(() => client.kill());
  await client.initialize();
  const uri = 'untitled:Untitled-1';
  const text = '# 某局工作总结\n## 一、甲\n## 三、乙\n(一)丙\n';
  await client.open(uri, text);
  const ok = await client.request<boolean>('workspace/executeCommand', { command: 'gongwen.server.fixAll', arguments: [uri] });
  assert.equal(ok, true);
  assert.equal(client.appliedEdits.length, 1);
  const edits = client.appliedEdits[0].edit.changes![uri];
  assert.equal(edits.length, 1);
  const fixed = applyLspEdits(text, edits);
  assert.match(fixed, /## 二、乙\n（一）丙/);
  const stats = await client.request<{ characters: number; placeholders: number }>('gongwen/documentStats', { uri });
  assert.equal(stats.characters, '某局工作总结一甲三乙一丙'.length + 2, '字数 counts Chinese characters and full-width marks');
  assert.equal(await client.shutdown(), 0);
});
