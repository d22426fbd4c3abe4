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
import { LspTestClient } from './lsp-client.js';

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
  assert.ok(fs.statSync(bundled).size < 1_000_000);
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
  assert.equal(await client.shutdown(), 0);
});

test('the extension package holds the bundles, manifest, snippets, grammar, schema and docs — no sources, no node_modules', () => {
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  const listed = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: STAGE, encoding: 'utf8' })
    .split(/\r?\n/)
    .filter(Boolean)
    .sort();
  for (const required of ['dist/client.cjs', 'dist/server.cjs', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json', 'schemas/gongwen.schema.json', 'docs/rules/placeholder.md']) {
    assert.ok(listed.includes(required), `${required} is packaged`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  for (const s of manifest.contributes.snippets) assert.ok(listed.includes(s.path.replace(/^\.\//, '')), `${s.path} is packaged`);
  for (const g of manifest.contributes.grammars) assert.ok(listed.includes(g.path.replace(/^\.\//, '')), `${g.path} is packaged`);
  const unwanted = listed.filter((f) => f.endsWith('.ts') || f.startsWith('node_modules/') || f.startsWith('out/') || f.startsWith('test/') || f.startsWith('server/') || f.startsWith('client/'));
  assert.deepEqual(unwanted, []);
});
