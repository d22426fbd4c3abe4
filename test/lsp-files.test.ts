// Issue 13: only report-like files are checked in the editor. An English README or a Chinese
// 使用说明 gets no findings; `gongwen.files.include` checks a file anyway, `gongwen.files.exclude`
// never; the extension's own folder (its rule pages hold the defects they describe) is never checked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lsp-client.js';
import { REPO_ROOT } from './fixture-harness.js';

const REPORT = ['# 区档案馆2025年工作总结', '', '## 一、夯实基础工作', '', '全年整理档案X卷,新增目录。', '', '## 三、下一步打算', '', '继续做好工作。', ''].join('\n');
const README = ['# Archive tools', '', 'Run the script, then check XX in the output (see 一、 in the manual).', ''].join('\n');
const GUIDE = ['# 使用说明', '', '请在这里填写XX的内容,然后保存。', '', '## 安装', '', '把文件复制到文件夹中。', ''].join('\n');

async function codes(client: LspTestClient, uri: string, text: string): Promise<string[]> {
  await client.open(uri, text);
  const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  return report.items.map((d) => String(d.code));
}
const stats = (client: LspTestClient, uri: string) => client.request<{ notChecked?: string; characters: number | null }>('gongwen/documentStats', { uri });

function workspace(t: { after: (f: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-files-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const uriOf = (...parts: string[]) => pathToFileURL(path.join(...parts)).href;

test('a report is checked; an English README and a Chinese 使用说明 without report words or numbering are not, and the status says why', async (t) => {
  const dir = workspace(t);
  const client = new LspTestClient({ pull: true, rootPath: dir });
  t.after(() => client.kill());
  await client.initialize();
  assert.ok((await codes(client, uriOf(dir, 'report.md'), REPORT)).includes('numbering-sequence'));
  assert.deepEqual(await codes(client, uriOf(dir, 'README.md'), README), []);
  assert.deepEqual(await codes(client, uriOf(dir, 'guide.md'), GUIDE), []);
  assert.deepEqual(await stats(client, uriOf(dir, 'guide.md')), { characters: null, notChecked: 'not-report', placeholders: 0, problems: 0, categories: [], reportType: '工作总结' });
  assert.equal((await stats(client, uriOf(dir, 'report.md'))).notChecked, undefined);
  // No quick fixes or formatting on a document that is not checked.
  const actions = await client.request<unknown[]>('textDocument/codeAction', { textDocument: { uri: uriOf(dir, 'guide.md') }, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } }, context: { diagnostics: [] } });
  assert.deepEqual(actions, []);
  assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri: uriOf(dir, 'guide.md') }, options: { tabSize: 2, insertSpaces: true } }), []);
  assert.equal(await client.shutdown(), 0);
});

test('gongwen.files.include checks a file that does not read as a report; gongwen.files.exclude leaves a report out', async (t) => {
  const dir = workspace(t);
  const client = new LspTestClient({ pull: true, rootPath: dir, settings: { files: { include: ['notes/**'], exclude: ['**/old/*.md'] } } });
  t.after(() => client.kill());
  await client.initialize();
  const included = await codes(client, uriOf(dir, 'notes', 'guide.md'), GUIDE);
  assert.ok(included.includes('placeholder') && included.includes('punctuation-width'), included.join(' '));
  assert.deepEqual(await codes(client, uriOf(dir, 'guide.md'), GUIDE), [], 'outside notes/: not a report, not included');
  assert.deepEqual(await codes(client, uriOf(dir, 'archive', 'old', 'report.md'), REPORT), []);
  assert.equal((await stats(client, uriOf(dir, 'archive', 'old', 'report.md'))).notChecked, 'excluded');
  assert.ok((await codes(client, uriOf(dir, 'archive', 'report.md'), REPORT)).length > 0);
  // A glob given as a whole path matches too.
  const whole = new LspTestClient({ pull: true, rootPath: dir, settings: { files: { include: [], exclude: [path.join(dir, 'archive').split(path.sep).join('/') + '/**'] } } });
  t.after(() => whole.kill());
  await whole.initialize();
  assert.deepEqual(await codes(whole, uriOf(dir, 'archive', 'report.md'), REPORT), []);
  assert.equal(await client.shutdown(), 0);
  assert.equal(await whole.shutdown(), 0);
});

test("the extension's own files (its rule pages) are never checked, unless its folder is the workspace (developing gongwen)", async (t) => {
  const page = path.join(REPO_ROOT, 'docs', 'rules', 'placeholder.md');
  const text = fs.readFileSync(page, 'utf8');
  const user = new LspTestClient({ pull: true, rootPath: workspace(t) });
  t.after(() => user.kill());
  await user.initialize();
  assert.deepEqual(await codes(user, pathToFileURL(page).href, text), []);
  assert.equal((await stats(user, pathToFileURL(page).href)).notChecked, 'excluded');
  const developer = new LspTestClient({ pull: true, rootPath: REPO_ROOT });
  t.after(() => developer.kill());
  await developer.initialize();
  assert.ok((await codes(developer, pathToFileURL(page).href, text)).includes('placeholder'));
  assert.equal(await user.shutdown(), 0);
  assert.equal(await developer.shutdown(), 0);
});
