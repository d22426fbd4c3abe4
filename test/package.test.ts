// Packaging: the esbuild bundles run on their own, and the extension package lists only what runs.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from './fixture-harness.js';
import { largeReport, LspTestClient } from './lsp-client.js';
import { docxParts } from './docx-harness.js';
import { buildDocx, CHINESE_LEVELS, np, p } from './docx-builder.js';
import { IMPORT_WORD_REQUEST, type ImportWordResult } from '../server/src/protocol.js';

/** The package as it is shipped, staged in a folder of the test's own: the repository's top level
 * and the bundles as dist/ (npm test leaves the repository's dist/ alone). */
const STAGE = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-stage-'));
for (const entry of fs.readdirSync(REPO_ROOT)) {
  if (['node_modules', 'out', 'dist', '.git', 'test'].includes(entry) || entry.endsWith('.vsix')) continue;
  fs.cpSync(path.join(REPO_ROOT, entry), path.join(STAGE, entry), { recursive: true, filter: (src) => !src.split(path.sep).includes('node_modules') });
}
execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'bundle.mjs'), '--outdir', path.join(STAGE, 'dist')], { cwd: REPO_ROOT, stdio: 'pipe' });
after(() => fs.rmSync(STAGE, { recursive: true, force: true }));

test('the bundled language server (server.cjs) checks a document and links rule pages', async (t) => {
  const bundled = path.join(STAGE, 'dist', 'server.cjs');
  // A budget, so that growth is a decision: the Word export and reader are bundles of their own
  // (loaded when used); the built-in term packs (about 70 KB) took the server past 1 MB.
  assert.ok(fs.statSync(bundled).size < 1_100_000, `server.cjs is ${fs.statSync(bundled).size} bytes`);
  assert.ok(fs.existsSync(path.join(STAGE, 'dist', 'import.cjs')), 'the Word reader is a bundle of its own');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bundle-'));
  const file = path.join(dir, 'a.md');
  fs.writeFileSync(file, '# 某局工作总结\n一、甲\n三、乙\n');
  const client = new LspTestClient({ pull: true, serverScript: bundled, rootPath: dir });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  const uri = pathToFileURL(file).href;
  await client.open(uri, fs.readFileSync(file, 'utf8'));
  const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  const seq = report.items.find((d) => d.code === 'numbering-sequence');
  assert.ok(seq);
  assert.equal(seq.codeDescription?.href, pathToFileURL(path.join(STAGE, 'docs', 'rules', 'numbering-sequence.md')).href);
  // A large document is checked by the worker thread, which is the bundle itself: the small
  // document asked after it is answered first, and the worker did not fail.
  const big = pathToFileURL(path.join(dir, 'big.md')).href;
  const small = pathToFileURL(path.join(dir, 'small.md')).href;
  await client.open(big, largeReport(1_000_000));
  await client.open(small, '# 某局工作总结\n一、甲\n三、乙\n');
  const order: string[] = [];
  const bigReport = client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: big } }).then((r) => (order.push('big'), r));
  const smallReport = client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: small } }).then((r) => (order.push('small'), r));
  const [b] = await Promise.all([bigReport, smallReport]);
  assert.deepEqual(order, ['small', 'big']);
  assert.ok(b.items.length > 1000);
  assert.equal(b.items.find((d) => d.code === 'numbering-sequence')?.codeDescription?.href, seq.codeDescription?.href);
  assert.deepEqual(client.logs.filter((l) => /worker/.test(l.message)), []);
  assert.equal(await client.shutdown(), 0);
});

test('the bundled server exports a document to Word with its own bundle (export.cjs, loaded on first use)', async (t) => {
  const bundled = path.join(STAGE, 'dist', 'server.cjs');
  assert.ok(fs.statSync(path.join(STAGE, 'dist', 'export.cjs')).size > 100_000);
  // ImageRun is the docx package's (the Word reader in server.cjs knows docGrid too).
  assert.ok(!fs.readFileSync(bundled, 'utf8').includes('ImageRun'), 'the Word writer is not in server.cjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bundle-'));
  const file = path.join(dir, 'a.md');
  const text = '# 某局工作总结\n\n今年X月完成任务。\n\n（一）抓落实。全年推进。\n';
  fs.writeFileSync(file, text);
  const client = new LspTestClient({ pull: true, serverScript: bundled, rootPath: dir });
  t.after(() => {
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  const uri = pathToFileURL(file).href;
  await client.open(uri, text);
  const blocked = await client.request<{ kind: string; findings: { line: number; column: number; rule: string; message: string }[] }>('gongwen/exportDocx', { uri });
  assert.equal(blocked.kind, 'blocked');
  assert.deepEqual(blocked.findings.map((f) => [f.line, f.column, f.rule]), [[3, 3, 'placeholder']]);
  assert.match(blocked.findings[0].message, /未填写的占位符「X」/);
  const made = await client.request<{ kind: string; data: string; warnings: string[] }>('gongwen/exportDocx', { uri, force: true });
  assert.equal(made.kind, 'docx');
  const doc = docxParts(Buffer.from(made.data, 'base64'))['word/document.xml'];
  assert.match(doc, /<w:docGrid w:type="lines" w:linePitch="579"\/>/);
  assert.match(doc, /w:eastAsia="楷体"[^>]*\/>.*?<w:t xml:space="preserve">（一）抓落实。<\/w:t>/);
  const unknown = await client.request<{ kind: string; message: string }>('gongwen/exportDocx', { uri, force: true, preset: 'nope' });
  assert.equal(unknown.kind, 'refused');
  assert.match(unknown.message, /nope/);
  assert.equal(await client.shutdown(), 0);
});

test('the extension package holds the bundles, manifest, snippets, grammar, schema and docs — no sources, no node_modules', () => {
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  const listed = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: STAGE, encoding: 'utf8' })
    .split(/\r?\n/)
    .filter(Boolean)
    .sort();
  for (const required of ['dist/client.cjs', 'dist/server.cjs', 'dist/export.cjs', 'docs/images/export-page-1.png', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json', 'schemas/gongwen.schema.json', 'docs/rules/placeholder.md']) {
    assert.ok(listed.includes(required), `${required} is packaged`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  for (const s of manifest.contributes.snippets) assert.ok(listed.includes(s.path.replace(/^\.\//, '')), `${s.path} is packaged`);
  for (const g of manifest.contributes.grammars) assert.ok(listed.includes(g.path.replace(/^\.\//, '')), `${g.path} is packaged`);
  const media = manifest.contributes.walkthroughs.flatMap((w: { steps: { media: { markdown?: string } }[] }) => w.steps.map((step) => step.media.markdown));
  assert.ok(media.length >= 4);
  for (const m of media) {
    assert.ok(typeof m === 'string' && listed.includes(m), `the walkthrough page ${m} is packaged`);
    const page = fs.readFileSync(path.join(REPO_ROOT, m), 'utf8');
    assert.match(page, /\p{Script=Han}/u, `${m} in Chinese`);
    assert.match(page, /\n---\n[\s\S]*[A-Za-z]{4,} [A-Za-z]{4,}/, `${m}: English after the Chinese`);
  }
  const unwanted = listed.filter((f) => f.endsWith('.ts') || f.startsWith('node_modules/') || f.startsWith('out/') || f.startsWith('test/') || f.startsWith('server/') || f.startsWith('client/'));
  assert.deepEqual(unwanted, []);
});

test('every string of the manifest and the client is in English and in Chinese', () => {
  const manifestText = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
  const en = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));
  const zh = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.zh-cn.json'), 'utf8'));
  const keys = [...manifestText.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.includes('command.checkWorkspace') && keys.includes('walkthrough.title'));
  for (const k of keys) {
    assert.ok(typeof en[k] === 'string' && en[k].length > 0, `package.nls.json has ${k}`);
    assert.ok(typeof zh[k] === 'string' && /\p{Script=Han}/u.test(zh[k]), `package.nls.zh-cn.json has ${k} in Chinese`);
  }
  const bundle = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
  const clientDir = path.join(REPO_ROOT, 'client', 'src');
  const used = new Set<string>();
  for (const f of fs.readdirSync(clientDir).filter((f) => f.endsWith('.ts'))) {
    for (const m of fs.readFileSync(path.join(clientDir, f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1]);
  }
  assert.ok(used.size >= 10);
  for (const s of used) {
    assert.ok(typeof bundle[s] === 'string' && /\p{Script=Han}/u.test(bundle[s]), `l10n/bundle.l10n.zh-cn.json translates ${JSON.stringify(s)}`);
    const holes = (t: string) => [...t.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    assert.deepEqual(holes(bundle[s]), holes(s), `the same placeholders in ${JSON.stringify(s)}`);
  }
  assert.deepEqual(Object.keys(bundle).filter((k) => !used.has(k)), [], 'no translation left over');
});

test('Markdown gets quick suggestions (so gzzj, 工作总结, cmwt, xybdx show their frames as they are typed), but no word suggestions, and Enter stays a line break', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const md = manifest.contributes.configurationDefaults['[markdown]'];
  assert.equal(md['editor.quickSuggestions'].other, 'on');
  assert.equal(md['editor.wordBasedSuggestions'], 'off');
  // A heading 「三、下一步打算」 ends in a snippet prefix: Enter after it must not insert the frame (Tab accepts).
  assert.equal(md['editor.acceptSuggestionOnEnter'], 'off');
});

test('the bundled server imports a Word document with its own bundle (import.cjs, loaded on first use)', async (t) => {
  const bundled = path.join(STAGE, 'dist', 'server.cjs');
  assert.ok(!fs.readFileSync(bundled, 'utf8').includes('saxes'), 'the XML parser of the Word reader is not in server.cjs');
  const client = new LspTestClient({ pull: true, serverScript: bundled });
  t.after(() => client.kill());
  await client.initialize();
  const docx = buildDocx({
    body: p('某局工作总结') + np(1, 0, '主要工作') + np(1, 0, '存在问题'),
    numbering: `<w:abstractNum w:abstractNumId="0">${CHINESE_LEVELS}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
  });
  const ok = await client.request<ImportWordResult>(IMPORT_WORD_REQUEST.method, { data: Buffer.from(docx).toString('base64') });
  assert.ok(ok.ok, JSON.stringify(ok));
  assert.equal(ok.markdown, '某局工作总结\n\n一、主要工作\n\n二、存在问题\n');
  assert.equal(await client.shutdown(), 0);
});
