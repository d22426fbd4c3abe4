// Tests of the `gongwen` command: the real CLI (bin/gongwen.js) is spawned in temporary directories.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { run, workspace, type Run } from './cli-harness.js';

// The compiled test runs from out/test/cli.test.js: the repository root is two levels up.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');


interface JsonOut {
  version: number;
  files: { path: string; diagnostics: { rule: string; severity: string; messageId: string; message: string; line: number; column: number; endLine: number; endColumn: number; fixable: boolean }[] }[];
}

function json(r: Run): JsonOut {
  return JSON.parse(r.stdout) as JsonOut;
}

const rulesOf = (out: JsonOut, file: string) => out.files.find((f) => f.path === file)?.diagnostics.map((d) => d.rule);

const isValidUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** The text the CLI's --fix produces for a UTF-8 copy of `text` (the reference for other encodings). */
function fixedAsUtf8(text: string): string {
  const dir = workspace({ 'ref.md': text });
  run(dir, 'check', '--fix', 'ref.md');
  return fs.readFileSync(path.join(dir, 'ref.md'), 'utf8');
}

test('a clean document exits 0 with "no problems" in both languages', () => {
  const dir = workspace({ 'clean.md': fixture('clean.md') });
  const zh = run(dir, 'check', 'clean.md');
  assert.equal(zh.code, 0, zh.stderr);
  assert.equal(zh.stdout, '未发现问题\n');
  assert.equal(zh.stderr, '');
  const en = run(dir, 'check', '--locale', 'en', 'clean.md');
  assert.equal(en.code, 0);
  assert.equal(en.stdout, 'No problems found\n');
});

test('warnings only exit 0; an error-severity finding exits 1', () => {
  const dir = workspace({ 'warnings.md': fixture('warnings.md'), 'errors.md': fixture('errors.md') });
  const warnings = run(dir, 'check', 'warnings.md');
  assert.equal(warnings.code, 0, warnings.stdout + warnings.stderr);
  assert.match(warnings.stdout, /警告/);
  const errors = run(dir, 'check', 'warnings.md', 'errors.md');
  assert.equal(errors.code, 1, errors.stderr);
});

test('text format: one line per finding with path:line:column, localized severity, message and rule; then the summary', () => {
  const dir = workspace({ 'errors.md': fixture('errors.md') });
  const zh = run(dir, 'check', 'errors.md');
  assert.equal(zh.code, 1);
  assert.deepEqual(zh.stdout.split('\n'), [
    'errors.md:2:3  错误  未填写的占位符「X」：此处应填写名称（地名或单位名）  placeholder',
    'errors.md:4:1  警告  序号「1、」应写作「1.」（GB/T 15834—2011 B.3.3）  numbering-format',
    'errors.md:5:4  错误  序号「三、」跳过了「二」，此处应为「二」  numbering-sequence',
    '共 3 个问题（2 个错误，1 个警告，0 个提示），其中 2 个可自动修复（--fix）',
    '',
  ]);
  const en = run(dir, 'check', '--locale', 'en', 'errors.md');
  assert.equal(en.code, 1);
  const lines = en.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^errors\.md:2:3 {2}error {2}\S.* {2}placeholder$/);
  assert.match(lines[1], /^errors\.md:4:1 {2}warning {2}\S.* {2}numbering-format$/);
  assert.match(lines[2], /^errors\.md:5:4 {2}error {2}\S.* {2}numbering-sequence$/);
  assert.equal(lines[3], '3 problems (2 errors, 1 warning, 0 infos/hints), 2 fixable with --fix');
});

test('info and hint severities: localized words, counted together in the summary, not failing the run', () => {
  const dir = workspace({ 'errors.md': fixture('errors.md'), '.gongwen.jsonc': '{ "rules": { "placeholder": "hint", "numbering-format": "info" } }' });
  const zh = run(dir, 'check', 'errors.md');
  assert.equal(zh.code, 1, zh.stderr); // numbering-sequence is still an error
  assert.match(zh.stdout, /^errors\.md:2:3 {2}提示 {2}.* {2}placeholder$/m);
  assert.match(zh.stdout, /^errors\.md:4:1 {2}提示 {2}.* {2}numbering-format$/m);
  assert.match(zh.stdout, /^共 3 个问题（1 个错误，0 个警告，2 个提示），其中 2 个可自动修复（--fix）$/m);
  const en = run(dir, 'check', '--locale', 'en', 'errors.md');
  assert.match(en.stdout, /^errors\.md:2:3 {2}hint {2}.* {2}placeholder$/m);
  assert.match(en.stdout, /^errors\.md:4:1 {2}info {2}.* {2}numbering-format$/m);
  assert.match(en.stdout, /^3 problems \(1 error, 0 warnings, 2 infos\/hints\), 2 fixable with --fix$/m);
  fs.writeFileSync(path.join(dir, '.gongwen.jsonc'), '{ "rules": { "placeholder": "hint", "numbering-sequence": "info" } }');
  assert.equal(run(dir, 'check', 'errors.md').code, 0);
});

test('JSON format: exact shape, 1-based lines and UTF-16 columns, localized messages', () => {
  const dir = workspace({ 'errors.md': fixture('errors.md'), 'clean.md': fixture('clean.md') });
  const r = run(dir, 'check', '--format', 'json', 'errors.md', 'clean.md');
  assert.equal(r.code, 1, r.stderr);
  const out = json(r); // throws unless stdout is exactly one JSON document
  assert.deepEqual(Object.keys(out), ['version', 'files']);
  assert.equal(out.version, 1);
  assert.deepEqual(
    out.files.map((f) => f.path),
    ['clean.md', 'errors.md'],
  );
  assert.deepEqual(out.files[0].diagnostics, []);
  const [placeholder, format, sequence] = out.files[1].diagnostics;
  // Line 2 is "𠀀X市…": 𠀀 is two UTF-16 code units, so X is at column 3 (it would be 2 counting code points).
  assert.deepEqual(placeholder, {
    rule: 'placeholder',
    severity: 'error',
    messageId: 'placeholder/place',
    message: '未填写的占位符「X」：此处应填写名称（地名或单位名）',
    line: 2,
    column: 3,
    endLine: 2,
    endColumn: 4,
    fixable: false,
  });
  assert.deepEqual(Object.keys(format), ['rule', 'severity', 'messageId', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable']);
  assert.deepEqual([format.rule, format.severity, format.line, format.column, format.endLine, format.endColumn, format.fixable], ['numbering-format', 'warning', 4, 1, 4, 3, true]);
  assert.deepEqual([sequence.rule, sequence.messageId, sequence.severity, sequence.line, sequence.column, sequence.fixable], ['numbering-sequence', 'numbering-sequence/gap', 'error', 5, 4, true]);
  assert.equal(out.files[1].diagnostics.length, 3);

  const en = json(run(dir, 'check', '--format', 'json', '--locale', 'en', 'errors.md'));
  assert.equal(en.files[0].diagnostics[0].message, 'Unfilled placeholder "X": fill in a place or unit name');
});

test('directories are walked for .md and .markdown, skipping node_modules and dot folders; each file once, sorted', () => {
  const bad = fixture('errors.md');
  const dir = workspace({
    'docs/b.md': bad,
    'docs/a.markdown': bad,
    'docs/sub/c.md': bad,
    'docs/notes.txt': bad,
    'docs/node_modules/pkg/readme.md': bad,
    'docs/.git/x.md': bad,
    'docs/.drafts/y.md': bad,
  });
  const r = run(dir, 'check', '--format', 'json', 'docs', 'docs/b.md');
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(
    json(r).files.map((f) => f.path),
    ['docs/a.markdown', 'docs/b.md', 'docs/sub/c.md'],
  );
});

test('a glob is expanded (without node_modules and dot folders)', () => {
  const bad = fixture('errors.md');
  const dir = workspace({ 'a/one.md': bad, 'a/deep/two.md': bad, 'a/three.markdown': bad, 'a/node_modules/n.md': bad, 'a/.hidden/h.md': bad });
  const r = run(dir, 'check', '--format', 'json', 'a/**/*.md');
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(
    json(r).files.map((f) => f.path),
    ['a/deep/two.md', 'a/one.md'],
  );
  const none = run(dir, 'check', 'zzz/**/*.md');
  assert.equal(none.code, 2);
  assert.match(none.stderr, /zzz\/\*\*\/\*\.md/);
});

test('a missing file: exit 2 naming it on stderr, the other files still checked (2 wins over 1)', () => {
  const dir = workspace({ 'errors.md': fixture('errors.md') });
  const r = run(dir, 'check', '--format', 'json', 'missing.md', 'errors.md');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing\.md/);
  assert.deepEqual(
    json(r).files.map((f) => f.path),
    ['errors.md'],
  );
  assert.equal(json(r).files[0].diagnostics.length, 3);
  const text = run(dir, 'check', '--locale', 'en', 'errors.md', 'missing.md');
  assert.equal(text.code, 2);
  assert.match(text.stderr, /missing\.md: no such file or directory/);
  assert.match(text.stdout, /^errors\.md:2:3 /m);
});

test('a binary file is skipped with a message naming it; the exit code is not changed by that', () => {
  const dir = workspace({ 'clean.md': fixture('clean.md'), 'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]) });
  const r = run(dir, 'check', '--format', 'json', 'image.md', 'clean.md');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /image\.md/);
  assert.deepEqual(
    json(r).files.map((f) => f.path),
    ['clean.md'],
  );
});

test('GB18030: checked correctly, and --fix writes GB18030 back', () => {
  const errors = fixture('errors.md');
  const bytes = iconv.encode(errors, 'gb18030');
  assert.equal(isValidUtf8(bytes), false);
  const dir = workspace({ 'gb.md': bytes });
  const checked = run(dir, 'check', '--format', 'json', 'gb.md');
  assert.equal(checked.code, 1, checked.stderr);
  const [placeholder] = json(checked).files[0].diagnostics;
  assert.deepEqual([placeholder.rule, placeholder.line, placeholder.column, placeholder.message], ['placeholder', 2, 3, '未填写的占位符「X」：此处应填写名称（地名或单位名）']);

  const fixed = run(dir, 'check', '--fix', 'gb.md');
  assert.equal(fixed.code, 1, fixed.stderr); // the placeholder is not fixable
  const written = fs.readFileSync(path.join(dir, 'gb.md'));
  const expected = fixedAsUtf8(errors);
  assert.notEqual(expected, errors);
  assert.equal(iconv.decode(written, 'gb18030'), expected);
  assert.equal(isValidUtf8(written), false);
  assert.notDeepEqual(written, Buffer.from(expected, 'utf8'));
});

test('--fix keeps a UTF-8 BOM (once), and columns do not count it', () => {
  const text = fixture('errors.md').replace('# 2025年度工作总结', '# X市2025年度工作总结');
  const dir = workspace({ 'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) });
  const checked = json(run(dir, 'check', '--format', 'json', 'bom.md'));
  const first = checked.files[0].diagnostics.find((d) => d.line === 1 && d.rule === 'placeholder');
  assert.equal(first?.column, 3); // "# X": X is column 3 without the BOM
  const r = run(dir, 'check', '--fix', 'bom.md');
  assert.equal(r.code, 1, r.stderr);
  const written = fs.readFileSync(path.join(dir, 'bom.md'));
  assert.deepEqual([...written.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const body = written.subarray(3).toString('utf8');
  assert.equal(body.charCodeAt(0), '#'.charCodeAt(0));
  assert.equal(body, fixedAsUtf8(text));
});

test('UTF-16LE with BOM is read and written back as UTF-16LE with BOM', () => {
  const text = fixture('errors.md');
  const dir = workspace({ 'u16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
  const checked = run(dir, 'check', '--format', 'json', 'u16.md');
  assert.equal(checked.code, 1, checked.stderr);
  assert.deepEqual(rulesOf(json(checked), 'u16.md'), ['placeholder', 'numbering-format', 'numbering-sequence']);
  assert.equal(json(checked).files[0].diagnostics[0].column, 3);

  run(dir, 'check', '--fix', 'u16.md');
  const written = fs.readFileSync(path.join(dir, 'u16.md'));
  assert.deepEqual([...written.subarray(0, 2)], [0xff, 0xfe]);
  assert.equal(written.subarray(2).toString('utf16le'), fixedAsUtf8(text));
});

test('--fix preserves CRLF line endings', () => {
  const crlf = fixture('fixable.md').replace(/\r?\n/g, '\r\n');
  const dir = workspace({ 'crlf.md': crlf });
  const r = run(dir, 'check', '--fix', 'crlf.md');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const written = fs.readFileSync(path.join(dir, 'crlf.md'), 'utf8');
  assert.notEqual(written, crlf);
  assert.match(written, /^1\.抓好学习。\r$/m);
  assert.doesNotMatch(written, /(^|[^\r])\n/);
});

test('--fix: fixes counted in the summary, remaining findings reported, no temporary files left, file mode kept', () => {
  const dir = workspace({ 'fixable.md': fixture('fixable.md'), 'errors.md': fixture('errors.md'), 'clean.md': fixture('clean.md') });
  fs.chmodSync(path.join(dir, 'fixable.md'), 0o640);
  const r = run(dir, 'check', '--fix', '--format', 'text', '.');
  assert.equal(r.code, 1, r.stderr); // errors.md keeps its unfixable placeholder
  const lines = r.stdout.trimEnd().split('\n');
  assert.deepEqual(lines.slice(0, -1), ['errors.md:2:3  错误  未填写的占位符「X」：此处应填写名称（地名或单位名）  placeholder']);
  assert.match(lines.at(-1)!, /^共 1 个问题（1 个错误，0 个警告，0 个提示），已修复 \d+ 处$/);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['clean.md', 'errors.md', 'fixable.md']);
  assert.equal(fs.readFileSync(path.join(dir, 'clean.md'), 'utf8'), fixture('clean.md'));
  if (process.platform !== 'win32') assert.equal(fs.statSync(path.join(dir, 'fixable.md')).mode & 0o777, 0o640);
  const again = run(dir, 'check', '--locale', 'en', 'fixable.md');
  assert.equal(again.stdout, 'No problems found\n');
});

test('--fix does not write a file whose bytes would not survive the round trip', () => {
  // UTF-8 with two stray bytes (0xFF): read as UTF-8, decoding is lossy, so writing back would damage it.
  const text = fixture('fixable.md');
  const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xff, 0xff, 0x0a])]);
  const dir = workspace({ 'odd.md': bytes });
  const r = run(dir, 'check', '--fix', '--structure', 'always', 'odd.md');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /odd\.md/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'odd.md')), bytes);
});

test('--fix: a failed write leaves the original untouched, no temporary file, exit 2', { skip: process.platform === 'win32' || process.getuid?.() === 0 ? 'needs a non-root POSIX user' : false }, () => {
  const dir = workspace({ 'ro/fixable.md': fixture('fixable.md') });
  const ro = path.join(dir, 'ro');
  // Read-only, in a read-only folder (a writable file there is fixed in place: fix-in-place.test).
  fs.chmodSync(path.join(ro, 'fixable.md'), 0o444);
  fs.chmodSync(ro, 0o555);
  try {
    const r = run(dir, 'check', '--fix', 'ro/fixable.md');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /ro\/fixable\.md/);
    assert.equal(fs.readFileSync(path.join(ro, 'fixable.md'), 'utf8'), fixture('fixable.md'));
    assert.deepEqual(fs.readdirSync(ro), ['fixable.md']);
  } finally {
    fs.chmodSync(ro, 0o755);
  }
});

test('a file that cannot be read (permission): exit 2 naming it, the others still checked', { skip: process.platform === 'win32' || process.getuid?.() === 0 ? 'needs a non-root POSIX user' : false }, () => {
  const dir = workspace({ 'secret.md': fixture('clean.md'), 'clean.md': fixture('clean.md') });
  fs.chmodSync(path.join(dir, 'secret.md'), 0o000);
  const r = run(dir, 'check', '--format', 'json', '.');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /secret\.md.*EACCES/);
  assert.deepEqual(
    json(r).files.map((f) => f.path),
    ['clean.md'],
  );
});

test('a broken .gongwen.jsonc is reported with its path and line:column, the defaults are used, exit 2', () => {
  const broken = '{\n  "rules": {\n    "placeholder": "off",,\n  }\n}\n';
  const valid = '{ "rules": { "placeholder": "off" } }\n';
  const dir = workspace({
    'broken/.gongwen.jsonc': broken,
    'broken/a.md': fixture('errors.md'),
    'broken/b.md': fixture('errors.md'),
    'valid/c.md': fixture('errors.md'),
    'valid/.gongwen.json': valid,
  });
  const r = run(dir, 'check', '--format', 'json', 'broken', 'valid');
  assert.equal(r.code, 2);
  const configLines = r.stderr.split('\n').filter((l) => l.includes('.gongwen.jsonc'));
  assert.ok(configLines.length > 0, r.stderr);
  for (const l of configLines) assert.match(l, /^broken\/\.gongwen\.jsonc:\d+:\d+: /);
  assert.match(r.stderr, /^broken\/\.gongwen\.jsonc:3:\d+: /m);
  // Reported once, not once per checked file.
  assert.equal(new Set(configLines).size, configLines.length);
  const out = json(r);
  // Defaults in the broken folder: the placeholder rule is on; the valid config turns it off.
  assert.deepEqual(rulesOf(out, 'broken/a.md'), ['placeholder', 'numbering-format', 'numbering-sequence']);
  assert.deepEqual(rulesOf(out, 'broken/b.md'), ['placeholder', 'numbering-format', 'numbering-sequence']);
  assert.deepEqual(rulesOf(out, 'valid/c.md'), ['numbering-format', 'numbering-sequence']);
});

test('--config: a given file is used for every file; a missing one is exit 2 naming it', () => {
  const dir = workspace({ 'errors.md': fixture('errors.md'), 'conf/gw.jsonc': '{ "rules": { "placeholder": "off", "numbering-sequence": "warning" } }' });
  const used = run(dir, 'check', '--config', 'conf/gw.jsonc', '--format', 'json', 'errors.md');
  assert.equal(used.code, 0, used.stderr);
  assert.deepEqual(rulesOf(json(used), 'errors.md'), ['numbering-format', 'numbering-sequence']);

  const missing = run(dir, 'check', '--config', 'nope.jsonc', 'errors.md');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.jsonc/);
});

test('front matter problems are reported as path:line:column with exit 2, the file still checked', () => {
  const dir = workspace({ 'fm.md': '---\ngongwen: [\n---\n' + fixture('clean.md') });
  const r = run(dir, 'check', 'fm.md');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^fm\.md:\d+:\d+: /m);
  assert.equal(r.stdout, '未发现问题\n');
});

test('--type 述职报告 is accepted; an unknown type is reported (exit 2)', () => {
  const dir = workspace({ 'clean.md': fixture('clean.md') });
  const r = run(dir, 'check', '--type', '述职报告', 'clean.md');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const bad = run(dir, 'check', '--type', '不存在的类型', 'clean.md');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^clean\.md: .*不存在的类型/m);
});

test('bad usage exits 2 with the reason and the usage on stderr', () => {
  const dir = workspace({ 'clean.md': fixture('clean.md') });
  const unknown = run(dir, 'check', '--bogus', 'clean.md');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--bogus/);
  assert.match(unknown.stderr, /gongwen check/);
  assert.equal(unknown.stdout, '');
  for (const args of [['check'], [], ['check', '--format', 'xml', 'clean.md'], ['check', '--locale', 'fr', 'clean.md'], ['lint', 'clean.md'], ['check', 'clean.md', '--format']]) {
    const r = run(dir, ...args);
    assert.equal(r.code, 2, `gongwen ${args.join(' ')}`);
    assert.match(r.stderr, /gongwen check/, `gongwen ${args.join(' ')}`);
  }
  const en = run(dir, 'check', '--locale', 'en', '--bogus', 'clean.md');
  assert.match(en.stderr, /unknown option "--bogus"/);
  assert.match(en.stderr, /Usage:/);
});

test('--help, help and --version', () => {
  const dir = workspace();
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const args of [['--help'], ['help'], ['check', '-h']]) {
    const r = run(dir, ...args);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /gongwen check/);
    assert.match(r.stdout, /--format text\|json/);
  }
  assert.match(run(dir, '--help', '--locale', 'en').stdout, /^Usage:/m);
  const v = run(dir, '--version');
  assert.equal(v.code, 0);
  assert.equal(v.stdout, pkg.version + '\n');
});

test('--structure takes auto or always; always checks the structure of any file', () => {
  const dir = workspace({ 'notes.md': '# Notes\n\n- First item.\n' });
  const bad = run(dir, 'check', '--structure', 'sometimes', 'notes.md');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--structure/);
  assert.equal(run(dir, 'check', 'notes.md').code, 0);
  const always = run(dir, 'check', '--format', 'json', '--structure', 'always', 'notes.md');
  assert.deepEqual(rulesOf(json(always), 'notes.md'), ['required-section', 'required-section']);
});
