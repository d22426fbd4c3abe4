// `gongwen check report.docx` and `gongwen import report.docx`: the real command on .docx files
// built in the test (docx-builder.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, workspace } from './cli-harness.js';
import { buildDocx, CHINESE_LEVELS, np, p } from './docx-builder.js';

const numbering = `<w:abstractNum w:abstractNumId="0">${CHINESE_LEVELS}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
/** A 工作总结 with automatic numbering, one typed number that repeats an automatic one, a placeholder and a gap. */
const REPORT = buildDocx({
  body:
    p('某县农业农村局2025年工作总结', { pPr: '<w:jc w:val="center"/>', rPr: '<w:sz w:val="44"/>' }) +
    p('今年以来，我局围绕中心工作，稳步推进各项任务。') +
    np(1, 0, '主要工作') +
    np(1, 1, '抓好粮食生产。全年播种面积XX万亩。') +
    np(1, 1, '推进项目建设。') +
    p('（二）加强队伍建设。') +
    np(1, 0, '存在问题') +
    p('四、下一步打算') +
    p('明年将继续抓好落实。'),
  numbering,
});

interface JsonOut {
  files: { path: string; diagnostics: { rule: string; messageId: string; message: string; line?: number; paragraph?: number; column: number; fixable: boolean; automaticNumbering?: boolean }[] }[];
}

test('check report.docx: findings by paragraph and column, in text and JSON; the same findings as checking the imported Markdown', () => {
  const dir = workspace({ 'report.docx': REPORT });
  const text = run(dir, 'check', 'report.docx');
  assert.equal(text.code, 1, text.stderr);
  assert.match(text.stdout, /^report\.docx:第4段:17  错误  未填写的占位符「XX」/m);
  assert.match(text.stdout, /^report\.docx:第6段:1  错误  序号「（二）」与上一个序号重复.*  numbering-sequence$/m);
  assert.match(text.stdout, /^report\.docx:第8段:1  错误  序号「四、」跳过了「三」/m);
  assert.doesNotMatch(text.stdout, /--fix/, 'nothing is offered as fixable in a Word document');
  const en = run(dir, 'check', '--locale', 'en', 'report.docx');
  assert.match(en.stdout, /^report\.docx:paragraph 4:17  error  Unfilled placeholder "XX"/m);

  const json = run(dir, 'check', '--format', 'json', 'report.docx');
  const out = JSON.parse(json.stdout) as JsonOut;
  const ds = out.files[0].diagnostics;
  const placeholder = ds.find((d) => d.rule === 'placeholder')!;
  assert.deepEqual([placeholder.paragraph, placeholder.column, placeholder.line, placeholder.fixable], [4, 17, undefined, false]);

  const imported = run(dir, 'import', 'report.docx');
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stderr, /report\.docx → report\.md（9 段，4 个自动编号已写成文字）/);
  const md = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
  assert.match(md, /^一、主要工作$/m);
  assert.match(md, /^（二）推进项目建设。$/m);
  const mdOut = JSON.parse(run(dir, 'check', '--format', 'json', 'report.md').stdout) as JsonOut;
  const contentOf = (list: JsonOut['files'][number]['diagnostics']) => list.filter((d) => !d.rule.startsWith('word-')).map((d) => `${d.rule} ${d.messageId}`);
  assert.deepEqual(contentOf(ds), contentOf(mdOut.files[0].diagnostics));
  assert.ok(contentOf(ds).length >= 3);
});

test('check --fix on a .docx is refused with a message, and the file is left as it was; --fix on Markdown beside it still fixes', () => {
  const dir = workspace({ 'report.docx': REPORT, 'other.md': '# 某局工作总结\n\n一、甲\n\n三、乙\n' });
  const r = run(dir, 'check', '--fix', 'report.docx', 'other.md');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /report\.docx: Word 文件不能直接修复：请先用 gongwen import report\.docx 转成 Markdown/);
  assert.deepEqual(new Uint8Array(fs.readFileSync(path.join(dir, 'report.docx'))), REPORT);
  assert.match(fs.readFileSync(path.join(dir, 'other.md'), 'utf8'), /二、乙/);
});

test('a .doc or .wps file is asked to be saved as .docx; a damaged .docx gets a message naming it; other files are still checked', () => {
  const dir = workspace({ 'old.doc': 'not read', 'old.wps': 'not read', 'broken.docx': '一、这不是压缩包', 'fine.md': 'A plain note.\n' });
  const r = run(dir, 'check', 'old.doc', 'old.wps', 'broken.docx', 'fine.md');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^old\.doc: 这是 Word 97–2003（\.doc）、WPS 或 RTF 格式的文件，请先在 Word 或 WPS 中「另存为」\.docx/m);
  assert.match(r.stderr, /^old\.wps: /m);
  assert.match(r.stderr, /^broken\.docx: 不是有效的 \.docx 文件/m);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.match(r.stdout, /未发现问题/);
  const en = run(dir, 'check', '--locale', 'en', 'broken.docx', 'old.doc');
  assert.match(en.stderr, /broken\.docx: not a valid \.docx file/);
  assert.match(en.stderr, /old\.doc: .*save it as \.docx/);
});

test('import never overwrites without --overwrite; -o names the file; -o - writes to the screen; a file that is not .docx is refused', () => {
  const dir = workspace({ 'report.docx': REPORT, 'report.md': '我的草稿\n', 'notes.txt': 'x' });
  const refused = run(dir, 'import', 'report.docx');
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /report\.md: 文件已存在，未覆盖（要覆盖请加 --overwrite/);
  assert.equal(fs.readFileSync(path.join(dir, 'report.md'), 'utf8'), '我的草稿\n');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['notes.txt', 'report.docx', 'report.md'], 'no temporary file is left');

  const named = run(dir, 'import', 'report.docx', '-o', 'sub-report.md');
  assert.equal(named.code, 0, named.stderr);
  const written = fs.readFileSync(path.join(dir, 'sub-report.md'), 'utf8');
  assert.match(written, /^# 某县农业农村局2025年工作总结\n/);

  const forced = run(dir, 'import', '--overwrite', 'report.docx');
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'report.md'), 'utf8'), written);

  const screen = run(dir, 'import', 'report.docx', '-o', '-');
  assert.equal(screen.code, 0);
  assert.equal(screen.stdout, written);

  const notWord = run(dir, 'import', 'notes.txt');
  assert.equal(notWord.code, 2);
  assert.match(notWord.stderr, /notes\.txt: 不是 Word 文件（\.docx），不能导入/);
  const two = run(dir, 'import', 'report.docx', 'report.docx', '-o', 'x.md');
  assert.equal(two.code, 2);
  assert.match(two.stderr, /-o 只能和一个要导入的文件一起用/);
  const missing = run(dir, 'import', 'gone.docx');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /gone\.docx: 文件或目录不存在/);
});
