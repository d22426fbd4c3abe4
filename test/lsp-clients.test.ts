// Issue 13: the language server works with every client as the LSP specification allows, not
// only with VS Code: settings pushed with didChangeConfiguration, zh-CN when the client names no
// locale, configuration files watched or re-read by modification time, features used only when
// the client declared them, protocol errors answered, formatting as fix-all, quick fixes for
// diagnostics sent back without `data`, and titles and hovers in words, not rule ids.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { fixAll } from '../server/src/engine/fix.js';
import { checkText } from '../server/src/engine/check.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { ruleName } from '../server/src/lsp/rule-names.js';
import { pushedSettings, validSettings } from '../server/src/lsp/settings.js';
import { REPO_ROOT } from './fixture-harness.js';
import { applyLspEdits, LspTestClient, within } from './lsp-client.js';

interface FullReport {
  items: Diagnostic[];
}

const DRAFT = [
  '# 区档案馆2025年度工作总结', // 0
  '', // 1
  '2025年，馆里围绕中心工作扎实推进各项任务。', // 2
  '', // 3
  '## 一、夯实基础工作', // 4
  '（一）完善馆藏目录。', // 5
  '（二）推进数字化。', // 6
  '1. 扫描X万页，补录XX条。', // 7
  '## 三、提升服务水平', // 8
  '',
].join('\n');

/** Capabilities of a small client: no workspace/configuration, no pull, no dynamic registration,
 * no refresh, plain-text hovers, no codeAction/resolve (as Neovim 0.7, ALE or Sublime Text may be). */
const MINIMAL_CLIENT = {
  workspace: { applyEdit: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    publishDiagnostics: {},
    hover: { contentFormat: ['plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
};

/** A pulling client that declares no refresh support and no dynamic registration. */
const PULL_NO_EXTRAS = {
  workspace: { configuration: true, applyEdit: true, didChangeConfiguration: {} },
  textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
};

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : (d.message as { value: string }).value;
}

function tempDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-clients-')));
}


const pull = (client: LspTestClient, uri: string) => client.request<FullReport>('textDocument/diagnostic', { textDocument: { uri } });

/** The next push for `uri` after `count` pushes. */
async function nextPush(client: LspTestClient, uri: string, count: number): Promise<PublishDiagnosticsParams> {
  await client.waitFor(() => (client.published.get(uri)?.length ?? 0) > count, `push ${count + 1} for ${uri}`);
  return client.published.get(uri)![count];
}

// --- Push-style settings -------------------------------------------------------------------

test('push-style settings: a client without workspace/configuration has the settings it sends with didChangeConfiguration used', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ capabilities: MINIMAL_CLIENT });
  t.after(() => client.kill());
  let asked = 0;
  client.connection.onRequest('workspace/configuration', () => {
    asked++;
    return [null];
  });
  await client.initialize();
  const uri = 'untitled:pushed-settings';
  await client.open(uri, DRAFT);
  const first = await nextPush(client, uri, 0);
  assert.ok(first.diagnostics.some((d) => d.code === 'placeholder'), 'placeholders found by default');

  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { gongwen: { rules: { placeholder: 'off' } } } });
  const second = await nextPush(client, uri, 1);
  assert.ok(!second.diagnostics.some((d) => d.code === 'placeholder'), 'placeholder turned off by the pushed settings');
  assert.ok(second.diagnostics.some((d) => d.code === 'numbering-sequence'), 'the other rules still run');

  // Dotted keys (as some clients write them) work too; a later push replaces the earlier one.
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { 'gongwen.rules': { 'numbering-sequence': 'off' } } });
  const third = await nextPush(client, uri, 2);
  assert.ok(third.diagnostics.some((d) => d.code === 'placeholder'), 'placeholder back on: the new push replaced the old');
  assert.ok(!third.diagnostics.some((d) => d.code === 'numbering-sequence'));
  assert.equal(asked, 0, 'a client that did not declare workspace/configuration is not asked');
  assert.equal(await client.shutdown(), 0);
});

test('pushed settings: the shapes clients send are read; a bad value is its default', () => {
  assert.deepEqual(validSettings(pushedSettings({ gongwen: { run: 'onSave' } })).settings.run, 'onSave');
  assert.deepEqual(validSettings(pushedSettings({ 'gongwen.run': 'onSave', 'gongwen.rules.placeholder': 'off' })).settings.rules, { placeholder: 'off' });
  assert.deepEqual(validSettings(pushedSettings({ 'gongwen.run': 'onSave', 'gongwen.rules.placeholder': 'off' })).settings.run, 'onSave');
  assert.equal(validSettings(pushedSettings({ enable: false })).settings.enable, false, 'the section itself');
  assert.equal(validSettings(pushedSettings({ other: { enable: false } })).settings.enable, true, 'another server\'s section is no concern of ours');
  for (const v of [null, undefined, 'x', 3, []]) assert.deepEqual(validSettings(pushedSettings(v)).bad, []);
  assert.deepEqual(validSettings({ locale: 'fr' }).bad, ['locale: "fr"']);
  assert.equal(validSettings({ locale: 'zh-cn' }).settings.locale, 'zh-CN');
  assert.equal(validSettings({ locale: 'auto' }).settings.locale, undefined);
});

// --- Default locale ---------------------------------------------------------------------------

test('a client that sends no locale gets Chinese messages, as the CLI gives', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: true, locale: null });
  t.after(() => client.kill());
  await client.initialize();
  const uri = 'untitled:no-locale';
  await client.open(uri, DRAFT);
  const gap = (await pull(client, uri)).items.find((d) => d.code === 'numbering-sequence')!;
  assert.match(messageText(gap), /跳过了「二」/);
  assert.equal(await client.shutdown(), 0);
});

test('initializationOptions.locale and the gongwen.locale setting choose the language', { timeout: 30_000 }, async (t) => {
  const byOption = new LspTestClient({ pull: true, locale: null, initializationOptions: { locale: 'en' } });
  const bySetting = new LspTestClient({ pull: true, locale: 'zh-cn', settings: { locale: 'en' } });
  const pushedSetting = new LspTestClient({ capabilities: MINIMAL_CLIENT, locale: null });
  t.after(() => {
    byOption.kill();
    bySetting.kill();
    pushedSetting.kill();
  });
  const uri = 'untitled:locale';
  for (const client of [byOption, bySetting]) {
    await client.initialize();
    await client.open(uri, DRAFT);
    const gap = (await pull(client, uri)).items.find((d) => d.code === 'numbering-sequence')!;
    assert.doesNotMatch(messageText(gap), /[\u4e00-\u9fff]{3}/, messageText(gap));
    assert.match(messageText(gap), /skip/i);
  }
  // The setting reaches the code action titles too.
  const gap = (await pull(bySetting, uri)).items.find((d) => d.code === 'numbering-sequence')!;
  const actions = await bySetting.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: gap.range, context: { diagnostics: [gap] } });
  assert.ok(actions.some((a) => a.title === 'Disable "section number sequence" for this line'), JSON.stringify(actions.map((a) => a.title)));

  await pushedSetting.initialize();
  await pushedSetting.open(uri, DRAFT);
  const zh = await nextPush(pushedSetting, uri, 0);
  assert.match(messageText(zh.diagnostics.find((d) => d.code === 'numbering-sequence')!), /跳过了/);
  await pushedSetting.connection.sendNotification('workspace/didChangeConfiguration', { settings: { gongwen: { locale: 'en' } } });
  const en = await nextPush(pushedSetting, uri, 1);
  assert.match(messageText(en.diagnostics.find((d) => d.code === 'numbering-sequence')!), /skip/i);
});

// --- Configuration file watching --------------------------------------------------------------

test('a client that can watch files is asked to watch .gongwen.jsonc; a change it reports is used', { timeout: 30_000 }, async (t) => {
  const dir = tempDir();
  const config = path.join(dir, '.gongwen.jsonc');
  fs.writeFileSync(config, '{ "rules": { "placeholder": "off" } }\n');
  const uri = pathToFileURL(path.join(dir, 'a.md')).href;
  const client = new LspTestClient({ pull: true, rootPath: dir });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  await client.open(uri, DRAFT);
  assert.ok(!(await pull(client, uri)).items.some((d) => d.code === 'placeholder'));
  const watch = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
  assert.ok(watch, JSON.stringify(client.registrations));
  const globs = (watch.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
  assert.ok(globs.some((g) => g.includes('.gongwen.') && g.includes('jsonc') && g.startsWith('**/')), JSON.stringify(globs));

  fs.writeFileSync(config, '{ "rules": { "numbering-sequence": "off" } }\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
  const after = await pull(client, uri);
  assert.ok(after.items.some((d) => d.code === 'placeholder'), 'the new file is read');
  assert.ok(!after.items.some((d) => d.code === 'numbering-sequence'));
  assert.equal(await client.shutdown(), 0);
});

test('a client that cannot watch files: a changed .gongwen.jsonc is re-read, by its modification time, at the next check', { timeout: 30_000 }, async (t) => {
  const dir = tempDir();
  const config = path.join(dir, '.gongwen.jsonc');
  fs.writeFileSync(config, '{ "rules": { "placeholder": "off" } }\n');
  const sub = path.join(dir, 'reports');
  fs.mkdirSync(sub);
  const uri = pathToFileURL(path.join(sub, 'a.md')).href;
  const client = new LspTestClient({ capabilities: PULL_NO_EXTRAS, rootPath: dir });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  assert.ok(!client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
  await client.open(uri, DRAFT);
  assert.ok(!(await pull(client, uri)).items.some((d) => d.code === 'placeholder'), 'the file is read');

  // Changed on disk, no notification; the modification time moved on (set, not waited for).
  fs.writeFileSync(config, '{ "rules": { "numbering-sequence": "off" } }\n');
  const later = new Date(Date.now() + 60_000);
  fs.utimesSync(config, later, later);
  const changed = await pull(client, uri);
  assert.ok(changed.items.some((d) => d.code === 'placeholder'), 'the changed file is read again for the same document version');
  assert.ok(!changed.items.some((d) => d.code === 'numbering-sequence'));

  // A nearer file, created later, is found; then removed, the outer one applies again.
  const nearer = path.join(sub, '.gongwen.jsonc');
  fs.writeFileSync(nearer, '{ "rules": { "placeholder": "off", "numbering-sequence": "off" } }\n');
  const withNearer = await pull(client, uri);
  assert.ok(!withNearer.items.some((d) => d.code === 'placeholder' || d.code === 'numbering-sequence'), JSON.stringify(withNearer.items.map((d) => d.code)));
  fs.rmSync(nearer);
  assert.ok((await pull(client, uri)).items.some((d) => d.code === 'placeholder'));
  assert.equal(await client.shutdown(), 0);
});

// --- Capability gates ----------------------------------------------------------------------

test('didChangeConfiguration is registered, and workspace/diagnostic/refresh sent, only when the client declared support', { timeout: 30_000 }, async (t) => {
  const plain = new LspTestClient({ capabilities: PULL_NO_EXTRAS });
  const vscodeLike = new LspTestClient({ pull: true });
  t.after(() => {
    plain.kill();
    vscodeLike.kill();
  });
  const uri = 'untitled:gates';
  for (const client of [plain, vscodeLike]) {
    await client.initialize();
    await client.open(uri, DRAFT);
    await pull(client, uri); // the registration, if any, was sent before this answer
    client.settings = { rules: { placeholder: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // A refresh, if any, is sent while the notification is handled: before this answer.
    const report = await pull(client, uri);
    assert.ok(!report.items.some((d) => d.code === 'placeholder'), 'the settings were read again');
  }
  assert.deepEqual(plain.registrations.map((r) => r.method), [], 'nothing registered without dynamicRegistration');
  assert.equal(plain.refreshes, 0, 'no refresh without refreshSupport');
  // The same sequence with a client that declared both: the gate opens.
  assert.ok(vscodeLike.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
  assert.equal(vscodeLike.refreshes, 1);
});

test('hover honours contentFormat: plain text when the client offers no Markdown; the level is named once; a blank says what to fill in', { timeout: 30_000 }, async (t) => {
  const plain = new LspTestClient({ capabilities: { ...PULL_NO_EXTRAS, textDocument: { ...PULL_NO_EXTRAS.textDocument, hover: { contentFormat: ['plaintext'] } } } });
  const markdown = new LspTestClient({ pull: true });
  t.after(() => {
    plain.kill();
    markdown.kill();
  });
  const uri = 'untitled:hover';
  const hovers: Hover[][] = [];
  for (const client of [plain, markdown]) {
    await client.initialize();
    await client.open(uri, DRAFT);
    hovers.push([
      await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 1 } }),
      await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 6 } }),
    ]);
  }
  const [[plainMarker, plainBlank], [mdMarker, mdBlank]] = hovers;
  assert.deepEqual(plainMarker.contents, { kind: 'plaintext', value: '一、（二）　二级序号' });
  assert.deepEqual(mdMarker.contents, { kind: 'markdown', value: '**一、（二）**　二级序号' });
  for (const blank of [plainBlank, mdBlank]) assert.deepEqual(blank.contents, { kind: 'plaintext', value: '此处应填写数字' });
});

test('a request before initialize gets ServerNotInitialized; after it, an unknown method gets MethodNotFound', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: true });
  t.after(() => client.kill());
  for (const [method, params] of [
    ['textDocument/hover', { textDocument: { uri: 'untitled:x' }, position: { line: 0, character: 0 } }],
    ['textDocument/diagnostic', { textDocument: { uri: 'untitled:x' } }],
    ['gongwen/noSuchMethod', {}],
  ] as const) {
    await assert.rejects(client.request(method, params), (e: { code?: number }) => e.code === -32002, method);
  }
  await client.initialize();
  await assert.rejects(client.request('gongwen/noSuchMethod', {}), (e: { code?: number; message?: string }) => e.code === -32601 && /Unhandled method/.test(e.message ?? ''));
  assert.equal(await client.shutdown(), 0);
});

test('a message that is not valid JSON is answered with a parse error (-32700, id null); the server goes on', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: true });
  t.after(() => client.kill());
  let raw = '';
  client.process.stdout!.on('data', (d: Buffer) => (raw += d.toString('utf8')));
  await client.initialize();
  const uri = 'untitled:parse';
  await client.open(uri, DRAFT);
  const parseErrors = () => raw.split('"code":-32700').length - 1;
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  // Not JSON at all (the frame guard drops it) and JSON-like but malformed (JSON.parse rejects it).
  for (const [n, body] of [[1, 'hello, world'], [2, '{"jsonrpc":"2.0","id":41,"method":"textDocument/hover",}'], [3, '{"jsonrpc":"2.0","id":42,"method":tru}']] as const) {
    client.process.stdin!.write(frame(body));
    await within(client.waitFor(() => parseErrors() >= n, `parse error ${n}`), 10_000, `parse error ${n}`);
  }
  const responses = raw.split(/Content-Length: \d+\r\n\r\n/).filter((b) => b.includes('-32700')).map((b) => JSON.parse(b) as { id: unknown; error: { code: number } });
  assert.equal(responses.length, 3);
  for (const r of responses) assert.deepEqual([r.id, r.error.code], [null, -32700]);
  const report = await pull(client, uri);
  assert.ok(report.items.some((d) => d.code === 'numbering-sequence'), 'still answering');
  assert.equal(await client.shutdown(), 0);
});

test('a codeAction request without context is answered, not failed', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: true });
  t.after(() => client.kill());
  await client.initialize();
  const uri = 'untitled:no-context';
  await client.open(uri, DRAFT);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 8, character: 3 }, end: { line: 8, character: 4 } } });
  assert.ok(Array.isArray(actions));
  assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.gongwen'], 'no diagnostics given: only fix all');
  assert.equal(await client.shutdown(), 0);
});

// --- Formatting ------------------------------------------------------------------------------

test('textDocument/formatting applies every fix as one minimal edit; nothing over maxFileSize', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ capabilities: MINIMAL_CLIENT });
  const small = new LspTestClient({ pull: true, settings: { maxFileSize: 20 } });
  t.after(() => {
    client.kill();
    small.kill();
  });
  const init = await client.initialize();
  assert.equal(init.capabilities.documentFormattingProvider, true);
  const uri = 'untitled:format';
  const text = '# 某局2025年工作总结\n\n## 一、甲\n\n## 三、乙\n(一)丙\n';
  await client.open(uri, text);
  const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  assert.equal(edits.length, 1);
  const expected = fixAll(text, (t2) => checkText(t2).diagnostics).text;
  assert.notEqual(expected, text);
  assert.equal(applyLspEdits(text, edits), expected);
  assert.ok(edits[0].range.start.line >= 4, 'minimal: the unchanged lines before are not in the edit');
  // Formatting the fixed text changes nothing.
  await client.change(uri, [{ text: expected }]);
  assert.deepEqual(await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);

  await small.initialize();
  await small.open(uri, text);
  assert.deepEqual(await small.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
});

// --- Quick fixes without data, titles ----------------------------------------------------------

test('a diagnostic sent back without data (ALE) gets its quick fix, found again by range and code; titles name the rule in words', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: true });
  t.after(() => client.kill());
  await client.initialize();
  const uri = 'untitled:no-data';
  await client.open(uri, DRAFT);
  const gap = (await pull(client, uri)).items.find((d) => d.code === 'numbering-sequence')!;
  const ask = (d: unknown) => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: gap.range, context: { diagnostics: [d] } });
  const withData = await ask(gap);
  // As ALE sends it: range, message, code and severity; no data, no source.
  const bare = { range: gap.range, message: gap.message, code: gap.code, severity: gap.severity };
  const withoutData = await ask(bare);
  const preferred = withoutData.find((a) => a.isPreferred);
  assert.ok(preferred, JSON.stringify(withoutData.map((a) => a.title)));
  assert.deepEqual(preferred.edit, withData.find((a) => a.isPreferred)!.edit);
  assert.match(applyLspEdits(DRAFT, preferred.edit!.changes![uri]), /## 二、提升服务水平/);
  assert.deepEqual(withoutData.map((a) => a.title), withData.map((a) => a.title));
  assert.deepEqual(preferred.diagnostics, [bare], 'the action names the diagnostic as the client sent it');
  // Without a code, the message tells it; another source's, or a range where we found nothing, gets nothing.
  assert.ok((await ask({ range: gap.range, message: gap.message })).some((a) => a.isPreferred));
  const quickFixes = async (d: unknown) => (await ask(d)).filter((a) => a.kind === 'quickfix');
  assert.deepEqual(await quickFixes({ ...bare, source: 'markdownlint' }), []);
  assert.deepEqual(await quickFixes({ ...bare, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } } }), []);
  assert.deepEqual(await quickFixes({ ...bare, code: 'placeholder' }), []);

  // Titles name the rule in Chinese words, not by its id (the comment written still uses the id).
  const blanks = (await pull(client, uri)).items.filter((d) => d.code === 'placeholder');
  const titles = (await ask(blanks[0])).map((a) => a.title);
  assert.ok(titles.includes('在此行停用「占位符」'), JSON.stringify(titles));
  assert.ok(titles.includes('在本文件停用「占位符」'), JSON.stringify(titles));
  assert.ok(!titles.some((x) => x.includes('placeholder')), JSON.stringify(titles));
  const disable = (await ask(blanks[0])).find((a) => a.title === '在此行停用「占位符」')!;
  assert.match(disable.edit!.changes![uri][0].newText, /gongwen-disable-next-line placeholder/);
  assert.equal(await client.shutdown(), 0);
});

test('the action titles use the rule\'s own short name (meta.name), in both languages', () => {
  for (const r of RULES) {
    assert.equal(ruleName(r.meta.id, 'zh-CN'), r.meta.name['zh-CN']);
    assert.equal(ruleName(r.meta.id, 'en'), r.meta.name.en);
    assert.match(r.meta.name['zh-CN'], /[\u4e00-\u9fff]/, r.meta.id);
  }
  assert.equal(ruleName('no-such-rule', 'zh-CN'), 'no-such-rule');
});

test('gongwen.locale is a declared setting with the values the server reads; every %key% of the settings has both languages', () => {
  const root = REPO_ROOT;
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Record<string, unknown>> } } };
  const properties = pkg.contributes.configuration.properties;
  const locale = properties['gongwen.locale'];
  assert.deepEqual([locale.enum, locale.default, locale.scope], [['auto', 'zh-CN', 'en'], 'auto', 'resource']);
  for (const value of locale.enum as string[]) assert.equal(validSettings({ locale: value }).bad.length, 0, value);
  const keys = JSON.stringify(properties).match(/%[^%"]+%/g)!.map((k) => k.slice(1, -1));
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const nls = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
    assert.deepEqual(keys.filter((k) => !nls[k]), [], file);
  }
});

test('a GBK file opened as UTF-8 gets one finding that says so, a reopen action, and no fixes on the garbled text', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: true, locale: 'zh-cn' });
  t.after(() => client.kill());
  await client.initialize();
  const garbled = new TextDecoder('utf-8').decode(iconv.encode(DRAFT, 'gbk'));
  const uri = 'untitled:garbled';
  await client.open(uri, garbled);
  const items = (await pull(client, uri)).items;
  assert.deepEqual(items.map((d) => d.code), ['encoding'], JSON.stringify(items));
  assert.match(messageText(items[0]), /乱码[\s\S]*GBK/);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: items[0].range, context: { diagnostics: items } });
  assert.deepEqual(actions.map((a) => a.command?.command), ['workbench.action.editor.changeEncoding']);
  assert.deepEqual(await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
  // The same draft read right is checked as usual.
  const right = 'untitled:right';
  await client.open(right, DRAFT);
  assert.ok((await pull(client, right)).items.some((d) => d.code === 'numbering-sequence'));
  assert.equal(await client.shutdown(), 0);
});

test('the editor\'s gongwen.reportType is a default: a document\'s front matter and its title win over it', { timeout: 30_000 }, async (t) => {
  const client = new LspTestClient({ pull: true, locale: 'zh-cn', settings: { reportType: '述职报告' } });
  t.after(() => client.kill());
  await client.initialize();
  const types = async (uri: string, text: string) => {
    await client.open(uri, text);
    return (await pull(client, uri)).items.filter((d) => d.code === 'required-section').map((d) => messageText(d).replace(/^【结构】/, '').replace(/」.*$/, '').replace(/^「/, ''));
  };
  const body = '\n\n一、主要工作\n\n全年完成各项任务。\n';
  // Nothing in the document names a type: the setting's.
  assert.deepEqual([...new Set(await types('untitled:plain', '# 个人工作材料' + body))], ['述职报告']);
  // Front matter names one: it wins.
  assert.deepEqual([...new Set(await types('untitled:front', '---\ngongwen:\n  type: 自查报告\n---\n# 个人工作材料' + body))], ['自查报告']);
  // The title names one: it wins.
  assert.deepEqual([...new Set(await types('untitled:title', '# 区卫健委安全生产自查报告' + body))], ['自查报告']);
  assert.equal(await client.shutdown(), 0);
});
