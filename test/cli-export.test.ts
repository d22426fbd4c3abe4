// `gongwen export`: the real command in temporary folders — written files, refusals (an existing
// output, error findings), --force and --overwrite, and bad input named with its file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, workspace } from './cli-harness.js';
import { docxParts, paragraphs } from './docx-harness.js';
import { FIXTURES } from './fixture-harness.js';

const REPORT = fs.readFileSync(path.join(FIXTURES, 'export', 'report.md'), 'utf8');
const WITH_PLACEHOLDERS = '# 某局2025年工作总结\n\n今年X月，我局完成了XX项目建设。\n\n一、主要工作\n\n全年完成投资一亿元。\n';

const isDocx = (file: string) => {
  const parts = docxParts(fs.readFileSync(file));
  return typeof parts['word/document.xml'] === 'string' && typeof parts['[Content_Types].xml'] === 'string';
};

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.gongwen-') && f.endsWith('.tmp'));

test('export writes DRAFT.docx beside the draft, or the -o file, and says so', () => {
  const dir = workspace({ 'report.md': REPORT, 'out/.keep': '' });
  const r = run(dir, 'export', 'report.md');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '已导出：report.docx\n');
  assert.ok(isDocx(path.join(dir, 'report.docx')));
  const o = run(dir, 'export', '--locale', 'en', 'report.md', '-o', 'out/总结.docx');
  assert.equal(o.code, 0, o.stderr);
  assert.equal(o.stdout, 'exported: out/总结.docx\n');
  const text = paragraphs(docxParts(fs.readFileSync(path.join(dir, 'out', '总结.docx')))['word/document.xml']).map((p) => p.text);
  assert.ok(text.includes('（三）持续改善人居环境。按照“建管并重”的思路，健全村庄保洁长效机制，巩固整治成果，防止问题反弹。'));
  assert.deepEqual(leftovers(dir), []);
});

test('an existing output is never replaced without asking: refused with a message naming it and the flag; --overwrite replaces it', () => {
  const dir = workspace({ 'report.md': REPORT, 'report.docx': 'an older export' });
  const r = run(dir, 'export', 'report.md');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /report\.docx: 文件已存在，未覆盖.*--overwrite/);
  assert.equal(fs.readFileSync(path.join(dir, 'report.docx'), 'utf8'), 'an older export');
  const en = run(dir, 'export', '--locale', 'en', 'report.md', '-o', 'report.docx');
  assert.match(en.stderr, /report\.docx: the file exists and was not replaced.*--overwrite/);
  const w = run(dir, 'export', 'report.md', '--overwrite');
  assert.equal(w.code, 0, w.stderr);
  assert.ok(isDocx(path.join(dir, 'report.docx')));
  assert.deepEqual(leftovers(dir), []);
});

test('error-severity findings block the export with a list (file:line:column, Chinese first); --force exports all the same', () => {
  const dir = workspace({ 'draft.md': WITH_PLACEHOLDERS });
  const r = run(dir, 'export', 'draft.md');
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /draft\.md: 有 2 个错误级别的问题，未导出。.*--force/);
  assert.match(r.stderr, /draft\.md:3:3  错误  未填写的占位符「X」/);
  assert.match(r.stderr, /draft\.md:3:11  错误  未填写的占位符「XX」/);
  assert.ok(!fs.existsSync(path.join(dir, 'draft.docx')), 'nothing written');
  const en = run(dir, 'export', '--locale', 'en', 'draft.md');
  assert.match(en.stderr, /draft\.md: 2 error-severity problems; not exported/);
  const forced = run(dir, 'export', 'draft.md', '--force');
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stderr, /按 --force 仍然导出/);
  assert.ok(isDocx(path.join(dir, 'draft.docx')));
  // Warnings alone do not block.
  const warned = workspace({ 'w.md': '# 某局工作总结\n\n今年我们完成了任务,效果较好。\n' });
  assert.equal(run(warned, 'export', 'w.md').code, 0);
});

test('bad input: a missing draft, a folder, a binary file, an unknown preset, a missing output folder — each named, nothing left behind', () => {
  const dir = workspace({ 'report.md': REPORT, 'pic.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]), 'sub/a.md': REPORT });
  const missing = run(dir, 'export', 'nothere.md');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nothere\.md: 文件或目录不存在/);
  assert.match(run(dir, 'export', '--locale', 'en', 'nothere.md').stderr, /nothere\.md: no such file or directory/);
  const folder = run(dir, 'export', 'sub');
  assert.equal(folder.code, 2);
  assert.match(folder.stderr, /一次导出一个草稿/);
  const binary = run(dir, 'export', 'pic.md');
  assert.equal(binary.code, 2);
  assert.match(binary.stderr, /pic\.md: 是二进制文件/);
  const preset = run(dir, 'export', 'report.md', '--preset', '红头');
  assert.equal(preset.code, 2);
  assert.match(preset.stderr, /没有名为「红头」的导出预设；可用的预设：gb/);
  const nowhere = run(dir, 'export', 'report.md', '-o', 'no/such/folder/r.docx');
  assert.equal(nowhere.code, 2);
  assert.match(nowhere.stderr, /no\/such\/folder\/r\.docx: 无法写入（ENOENT）/);
  const self = run(dir, 'export', 'report.md', '-o', 'report.md');
  assert.equal(self.code, 2);
  assert.match(self.stderr, /输出文件就是草稿本身/);
  assert.equal(fs.readFileSync(path.join(dir, 'report.md'), 'utf8'), REPORT);
  assert.deepEqual(leftovers(dir), []);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['pic.md', 'report.md', 'sub']);
});

test('an unreadable draft is named with the reason', (t) => {
  if (process.getuid?.() === 0) {
    // root reads a file whatever its mode: make it unreadable another way, as a path through a file.
    const dir = workspace({ 'report.md': REPORT });
    const r = run(dir, 'export', 'report.md/inner.md');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /report\.md\/inner\.md: 无法读取文件（ENOTDIR）/);
    return;
  }
  const dir = workspace({ 'secret.md': REPORT });
  fs.chmodSync(path.join(dir, 'secret.md'), 0o000);
  t.after(() => fs.chmodSync(path.join(dir, 'secret.md'), 0o644));
  const r = run(dir, 'export', 'secret.md');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /secret\.md: 无法读取文件（EACCES）/);
});

test('usage: export takes one draft; export options are refused for check and check options for export', () => {
  const dir = workspace({ 'a.md': REPORT, 'b.md': REPORT });
  const two = run(dir, 'export', 'a.md', 'b.md');
  assert.equal(two.code, 2);
  assert.match(two.stderr, /一次导出一个草稿/);
  const checkForce = run(dir, 'check', '--force', 'a.md');
  assert.equal(checkForce.code, 2);
  assert.match(checkForce.stderr, /选项「--force」只用于 gongwen export/);
  const exportFix = run(dir, 'export', '--fix', 'a.md');
  assert.equal(exportFix.code, 2);
  assert.match(exportFix.stderr, /选项「--fix」只用于 gongwen check/);
  const help = run(dir, '--help');
  assert.match(help.stdout, /gongwen export 草稿\.md \[-o 文件\.docx\]/);
  assert.match(help.stdout, /--overwrite/);
  assert.match(run(dir, '--help', '--locale', 'en').stdout, /gongwen export DRAFT\.md \[-o FILE\.docx\]/);
});

test('the configuration file: its export preset applies, and a broken export section is reported with its file and line', () => {
  const dir = workspace({
    'report.md': REPORT,
    '.gongwen.jsonc': '{\n  "export": { "preset": "本单位", "presets": { "本单位": { "fonts": { "body": "仿宋_GB2312" } } } }\n}\n',
    'bad/report.md': REPORT,
    'bad/.gongwen.jsonc': '{\n  "export": { "linesPerPage": "22" }\n}\n',
  });
  assert.equal(run(dir, 'export', 'report.md').code, 0);
  const body = paragraphs(docxParts(fs.readFileSync(path.join(dir, 'report.docx')))['word/document.xml']).find((p) => p.text.startsWith('今年以来'))!;
  assert.equal(body.runs[0].fonts.eastAsia, '仿宋_GB2312');
  const bad = run(dir, 'export', 'bad/report.md');
  assert.equal(bad.code, 0, 'exported with the defaults');
  assert.match(bad.stderr, /bad\/\.gongwen\.jsonc:2:3: 导出设置「export」有误，已按默认版式（gb）导出：「export\.linesPerPage」应为整数/);
});

test('in a terminal: progress lines while exporting, cleared at the end; an existing output is replaced only when the user says yes', async () => {
  const { main } = await import('../server/src/cli/main.js');
  const dir = workspace({ 'report.md': REPORT, 'report.docx': 'the old file' });
  const progress: string[] = [];
  const questions: string[] = [];
  const io = (answer: boolean) => ({
    stdout: () => {},
    stderr: () => {},
    cwd: dir,
    progress: (line: string) => void progress.push(line),
    ask: async (q: string) => (questions.push(q), answer),
  });
  // No: the file stays as it was.
  assert.equal(await main(['export', 'report.md'], io(false)), 2);
  assert.equal(fs.readFileSync(path.join(dir, 'report.docx'), 'utf8'), 'the old file');
  assert.equal(questions.length, 1);
  assert.match(questions[0], /report\.docx/);
  // Yes: replaced by the export, with progress shown on the way and cleared after.
  progress.length = 0;
  assert.equal(await main(['export', 'report.md'], io(true)), 0);
  assert.ok(isDocx(path.join(dir, 'report.docx')));
  assert.equal(questions.length, 2);
  const shown = progress.filter((l) => l !== '');
  assert.ok(shown.length >= 2, JSON.stringify(progress));
  assert.ok(shown.every((l) => l.includes('report.md')), JSON.stringify(shown));
  assert.equal(progress.at(-1), '');
});
