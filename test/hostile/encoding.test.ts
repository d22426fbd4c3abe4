// Issue 11, item 7: the encoding of a file is decided from evidence, not from the first decoding
// that succeeds. Big5 and Shift_JIS files are read as what they are, a short GBK file whose bytes
// happen to be valid UTF-8 as GBK, a UTF-8 file with one stray byte as UTF-8 (and --fix does not
// write it); when the evidence is weak --fix refuses to write and says why; --encoding and the
// `encoding` setting state the encoding. Whatever --fix writes is in the encoding it read.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { REPO_ROOT } from '../fixture-harness.js';
import { decode, detectEncoding, encodingLabel, parseEncodingName, unencodable } from '../../server/src/host/encoding.js';
import { GB2312_LEVEL1 } from '../../server/src/host/common-hanzi-data.js';
import { frontMatterConfig, parseConfigText } from '../../server/src/engine/config.js';
import { RULES_BY_ID } from '../../server/src/engine/rules/index.js';
import { renderMessage } from '../../server/src/engine/messages.js';
import { run, workspace as makeWorkspace } from '../cli-harness.js';


const workspace = (files: Record<string, string | Uint8Array> = {}) => makeWorkspace(files, 'gongwen-encoding-');

const isValidUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Bytes of `text` in `encoding`; the text must survive the encoding unchanged. */
function bytesOf(text: string, encoding: string): Buffer {
  const bytes = iconv.encode(text, encoding);
  assert.equal(iconv.decode(bytes, encoding), text, `the fixture is not representable in ${encoding}`);
  return bytes;
}

const fixedCache = new Map<string, string>();

/** The text the CLI's --fix makes of a UTF-8 copy of `text` (the reference for other encodings). */
function fixedAsUtf8(text: string): string {
  let fixed = fixedCache.get(text);
  if (fixed === undefined) {
    const dir = workspace({ 'ref.md': text });
    run(dir, 'check', '--fix', 'ref.md');
    fixed = fs.readFileSync(path.join(dir, 'ref.md'), 'utf8');
    fixedCache.set(text, fixed);
  }
  return fixed;
}

/** Rule, line and column of each finding: what a check of the same text in UTF-8 reports. */
function findings(dir: string, file: string, ...options: string[]): string[] {
  const r = run(dir, 'check', '--format', 'json', ...options, file);
  const out = JSON.parse(r.stdout) as { files: { diagnostics: { rule: string; line: number; column: number }[] }[] };
  return (out.files[0]?.diagnostics ?? []).map((d) => `${d.rule}@${d.line}:${d.column}`);
}

function findingsAsUtf8(text: string): string[] {
  return findings(workspace({ 'ref.md': text }), 'ref.md');
}

// Fixture texts, written for these tests. Each has fixes that write non-ASCII characters.
const BIG5_TEXT = [
  '# 區圖書館2024年度工作總結',
  '',
  '今年以來,我館圍繞閱讀推廣、數位服務和隊伍建設開展工作。負責人：XX',
  '',
  '## 一、主要工作',
  '',
  '1、舉辦讀書分享會86場,參與群眾一萬二千人次。',
  '',
  '## 二、存在問題',
  '',
  '館舍面積不足,專業人才偏少。',
  '',
  '## 三、下一步打算',
  '',
  '繼續完善服務網絡,爭取更多支持。',
  '',
].join('\n');

const SHIFT_JIS_TEXT = ['# 年度事業報告', '', '担当者：XX', '', '本年度は売上が増加,来年度も努力します。', '', '1、物流センターを開設しました。', ''].join('\n');

/** Every character's GBK bytes are also a two-byte UTF-8 sequence: the file is valid UTF-8 (ѧУ֪ͨ…). */
const SHORT_GBK_TEXT = '# 学校通知\n\n全校同志统一学习,实施专业学习\n';

const UTF8_TEXT = [
  '# 区档案馆2024年度工作总结',
  '',
  '今年以来,我馆围绕档案数字化、查阅服务和安全管理开展工作,各项任务按计划推进。',
  '',
  '## 一、主要工作',
  '',
  '1、完成馆藏档案数字化三万卷,新增查阅终端四台。',
  '',
  '2、开展档案安全检查两次,整改问题十二处。',
  '',
  '## 二、存在问题',
  '',
  '库房面积不足,专业人员偏少。',
  '',
  '## 三、下一步打算',
  '',
  '继续推进数字化,争取更多支持。',
  '',
].join('\n');

/** Read as GB18030 it is 年度,计划; read as Big5 it is 爛僅,數赫, as ordinary to the detector: weak evidence. */
const WEAK_TEXT = '年度,计划\n';

test('a Big5 file is checked as Big5, and --fix writes Big5 back', () => {
  const bytes = bytesOf(BIG5_TEXT, 'big5');
  const dir = workspace({ 'big5.md': bytes });
  assert.deepEqual(findings(dir, 'big5.md'), findingsAsUtf8(BIG5_TEXT));
  const r = run(dir, 'check', '--fix', 'big5.md');
  assert.equal(r.code, 1, r.stderr); // the placeholder XX is left
  const expected = fixedAsUtf8(BIG5_TEXT);
  assert.notEqual(expected, BIG5_TEXT);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'big5.md')), iconv.encode(expected, 'big5'));
});

test('a Shift_JIS file is checked as Shift_JIS, and --fix writes Shift_JIS back', () => {
  const bytes = bytesOf(SHIFT_JIS_TEXT, 'shift_jis');
  const dir = workspace({ 'sjis.md': bytes });
  assert.deepEqual(findings(dir, 'sjis.md'), findingsAsUtf8(SHIFT_JIS_TEXT));
  const r = run(dir, 'check', '--fix', 'sjis.md');
  assert.equal(r.code, 1, r.stderr);
  const expected = fixedAsUtf8(SHIFT_JIS_TEXT);
  assert.notEqual(expected, SHIFT_JIS_TEXT);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'sjis.md')), iconv.encode(expected, 'shift_jis'));
});

test('a short GBK file whose bytes are valid UTF-8 is read as GBK, and --fix writes GB18030 back', () => {
  const bytes = bytesOf(SHORT_GBK_TEXT, 'gbk');
  assert.ok(isValidUtf8(bytes));
  const dir = workspace({ 'short.md': bytes });
  assert.deepEqual(findings(dir, 'short.md'), ['punctuation-width@3:9']);
  const r = run(dir, 'check', '--fix', 'short.md');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'short.md')), iconv.encode(fixedAsUtf8(SHORT_GBK_TEXT), 'gb18030'));
});

test('a UTF-8 file with one stray byte is read as UTF-8; --fix does not write it and says where the byte is', () => {
  const clean = Buffer.from(UTF8_TEXT, 'utf8');
  const at = clean.indexOf(Buffer.from('查阅终端', 'utf8')); // line 7, after its last finding
  const bytes = Buffer.concat([clean.subarray(0, at), Buffer.from([0xff]), clean.subarray(at)]);
  const dir = workspace({ 'stray.md': bytes });
  assert.deepEqual(findings(dir, 'stray.md'), findingsAsUtf8(UTF8_TEXT));
  const checked = run(dir, 'check', 'stray.md');
  assert.equal(checked.code, 0);
  assert.match(checked.stderr, new RegExp(`^stray\\.md:7: 有不是合法 UTF-8 的字节（偏移 ${at}：0xFF），已按 UTF-8 检查`, 'm'));
  const r = run(dir, 'check', '--fix', 'stray.md');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^stray\.md:7: 有不是合法 UTF-8 的字节（偏移 \d+：0xFF）.*未写入修复/m);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'stray.md')), bytes);
  const en = run(dir, 'check', '--fix', '--locale', 'en', 'stray.md');
  assert.match(en.stderr, /^stray\.md:7: bytes that are not valid UTF-8 \(offset \d+: 0xFF\).*fixes not written/m);
});

test('weak evidence: the file is checked, but --fix refuses to write it, naming the file and the reason', () => {
  const bytes = bytesOf(WEAK_TEXT, 'gb18030');
  const dir = workspace({ 'weak.md': bytes });
  const checked = run(dir, 'check', 'weak.md');
  assert.equal(checked.code, 0, checked.stderr);
  assert.match(checked.stdout, /weak\.md:1:3 .*punctuation-width/);
  assert.match(checked.stderr, /^weak\.md: 无法确定文件编码（也可能是 Big5），已按 GB18030 检查/m);
  const r = run(dir, 'check', '--fix', 'weak.md');
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /^weak\.md: 无法确定文件编码（也可能是 Big5），已按 GB18030 检查，未写入修复；请用 --encoding/m);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'weak.md')), bytes);
  const en = run(dir, 'check', '--fix', '--locale', 'en', 'weak.md');
  assert.match(en.stderr, /^weak\.md: the encoding is not certain \(it may be Big5\); checked as GB18030; fixes not written: state the encoding with --encoding/m);
});

test('--encoding states the encoding: the weak file is fixed in it; gbk means GB18030; an unknown name is a usage error', () => {
  const bytes = bytesOf(WEAK_TEXT, 'gb18030');
  const dir = workspace({ 'weak.md': bytes });
  const r = run(dir, 'check', '--fix', '--encoding', 'gbk', 'weak.md');
  assert.equal(r.stderr, '');
  assert.deepEqual(fs.readFileSync(path.join(dir, 'weak.md')), iconv.encode(fixedAsUtf8(WEAK_TEXT), 'gb18030'));

  // Stated as Big5, the same bytes are read as Big5, and written back as Big5.
  fs.writeFileSync(path.join(dir, 'weak.md'), bytes);
  const big5 = run(dir, 'check', '--fix', '--encoding=big5', 'weak.md');
  assert.equal(big5.stderr, '');
  const written = fs.readFileSync(path.join(dir, 'weak.md'));
  assert.deepEqual(written, iconv.encode(iconv.decode(written, 'big5'), 'big5'));
  assert.match(iconv.decode(written, 'big5'), /^爛僅，數赫/);

  const bad = run(dir, 'check', '--encoding', 'latin1', 'weak.md');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^gongwen: 不支持的编码「latin1」，可用：utf-8、gb18030/);
  assert.match(run(dir, 'check', 'weak.md', '--encoding').stderr, /选项「--encoding」缺少取值/);
});

test('the encoding setting of .gongwen.jsonc states the encoding; --encoding wins over it; a bad value is a configuration problem', () => {
  const bytes = bytesOf(WEAK_TEXT, 'gb18030');
  const dir = workspace({ 'weak.md': bytes, '.gongwen.jsonc': '{ "encoding": "GB2312" }\n' });
  const r = run(dir, 'check', '--fix', 'weak.md');
  assert.equal(r.stderr, '');
  assert.deepEqual(fs.readFileSync(path.join(dir, 'weak.md')), iconv.encode(fixedAsUtf8(WEAK_TEXT), 'gb18030'));

  fs.writeFileSync(path.join(dir, 'weak.md'), bytes);
  run(dir, 'check', '--fix', '--encoding', 'big5', 'weak.md');
  assert.match(iconv.decode(fs.readFileSync(path.join(dir, 'weak.md')), 'big5'), /^爛僅，數赫/);

  fs.writeFileSync(path.join(dir, 'weak.md'), bytes);
  fs.writeFileSync(path.join(dir, '.gongwen.jsonc'), '{\n  "encoding": "latin1"\n}\n');
  const bad = run(dir, 'check', '--fix', 'weak.md');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^\.gongwen\.jsonc:2:3: .*「encoding」必须是 utf-8、gb18030、gbk、gb2312、big5、shift_jis、utf-16le、utf-16be 之一/m);
  // The bad setting is dropped: detection decides, and the weak file is not written.
  assert.match(bad.stderr, /^weak\.md: 无法确定文件编码/m);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'weak.md')), bytes);
});

test('a stated encoding that the bytes plainly are not: checked as stated, but not written', () => {
  const bytes = Buffer.from(UTF8_TEXT, 'utf8');
  const dir = workspace({ 'utf8.md': bytes, '.gongwen.jsonc': '{ "encoding": "gb18030" }' });
  const r = run(dir, 'check', '--fix', 'utf8.md');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^utf8\.md: 按指定的编码 GB18030 读出来不像正常文字，文件看起来是 UTF-8，未写入修复/m);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'utf8.md')), bytes);
});

test('a fix that needs a character the encoding cannot hold is not written', () => {
  // Traditional text in Big5 without its required sections: the inserted frames are simplified (问题).
  const text = '# 區檔案館2024年度工作總結\n\n今年以來,我館圍繞檔案數位化開展工作,各項任務按計劃推進。\n\n## 一、主要工作\n\n完成館藏檔案數位化三萬卷。\n';
  const bytes = bytesOf(text, 'big5');
  const dir = workspace({ 'frames.md': bytes });
  const r = run(dir, 'check', '--fix', '--structure', 'always', 'frames.md');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^frames\.md: 修复后的文字中有 Big5 无法表示的字符「.」，未写入修复/m);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'frames.md')), bytes);
});

test('round trip: in one --fix run over many files and encodings, every file written is in the encoding it was read in', () => {
  const texts = [UTF8_TEXT, BIG5_TEXT, SHORT_GBK_TEXT, SHIFT_JIS_TEXT, WEAK_TEXT, UTF8_TEXT.slice(0, 60), BIG5_TEXT.slice(0, 40), fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'fixable.md'), 'utf8')];
  const files: Record<string, Buffer> = {};
  const truth: Record<string, { text: string; encoding: string }> = {};
  texts.forEach((text, i) => {
    for (const encoding of ['utf-8', 'gb18030', 'big5', 'shift_jis']) {
      const bytes = iconv.encode(text, encoding);
      if (iconv.decode(bytes, encoding) !== text) continue; // not representable
      const name = `t${i}-${encoding}.md`;
      files[name] = bytes;
      truth[name] = { text, encoding };
    }
  });
  const dir = workspace(files);
  run(dir, 'check', '--fix', '--jobs', '1', '.');
  let written = 0;
  for (const [name, { text, encoding }] of Object.entries(truth)) {
    const now = fs.readFileSync(path.join(dir, name));
    if (now.equals(files[name])) continue; // refused, or nothing to fix
    written++;
    // Written: the whole file is the fixed text in the encoding it was in; nothing mixed.
    const expected = fixedAsUtf8(text);
    assert.deepEqual(now, iconv.encode(expected, encoding), `${name} was written in another encoding than ${encoding}`);
  }
  // The detection is not refusing everything: the longer files are all written.
  assert.ok(written >= 10, `only ${written} files written`);
});

// The detection module itself (pure: bytes in, text out), as the language server will use it.

test('decode: a BOM wins over a stated encoding; a stated UTF-16 without BOM is text; NUL bytes otherwise mean binary', () => {
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('总结', 'utf8')]);
  const d = decode(withBom, 'gb18030');
  assert.ok(d.kind === 'text');
  assert.deepEqual([d.text, d.encoding, d.evidence, d.lossless], ['总结', { name: 'utf-8', bom: true }, { kind: 'bom' }, true]);
  const u16 = decode(Buffer.from('总结\n', 'utf16le'), 'utf-16le');
  assert.ok(u16.kind === 'text');
  assert.deepEqual([u16.text, u16.evidence.kind, u16.lossless], ['总结\n', 'stated', true]);
  assert.equal(decode(Buffer.from('总结\n', 'utf16le')).kind, 'binary');
});

test('decode: ASCII only is UTF-8 on no evidence; sure detections carry their plausibility', () => {
  const ascii = decode(Buffer.from('# Notes\n\nplain text\n'));
  assert.ok(ascii.kind === 'text');
  assert.deepEqual(ascii.evidence, { kind: 'ascii' });
  const big5 = decode(bytesOf(BIG5_TEXT, 'big5'));
  assert.ok(big5.kind === 'text');
  assert.equal(big5.encoding.name, 'big5');
  assert.ok(big5.evidence.kind === 'detected' && big5.evidence.weak === undefined && big5.evidence.plausibility > 0.9);
  assert.equal(encodingLabel(big5.encoding), 'Big5');
  assert.deepEqual(detectEncoding(bytesOf(WEAK_TEXT, 'gb18030')).evidence, { kind: 'detected', plausibility: 1, weak: { kind: 'close', alternative: 'big5' } });
});

test('decode: the first bytes that do not decode are located by byte offset and line, in any encoding', () => {
  const gb = Buffer.concat([iconv.encode('第一行\n第二', 'gb18030'), Buffer.from([0xff]), iconv.encode('行\n', 'gb18030')]);
  const d = decode(gb, 'gb18030');
  assert.ok(d.kind === 'text');
  assert.equal(d.lossless, false);
  assert.deepEqual(d.invalid, { offset: 11, line: 2, bytes: [0xff, 0xd0, 0xd0, 0x0a] });
  // UTF-16 with an odd byte at the end: it is on line 3, at offset 10.
  const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一\n二\n', 'utf16le'), Buffer.from([0x41])]);
  const e = decode(u16);
  assert.ok(e.kind === 'text');
  assert.deepEqual(e.invalid, { offset: 10, line: 3, bytes: [0x41] });
});

test('unencodable names the first character an encoding cannot hold; parseEncodingName takes aliases in any case', () => {
  assert.equal(unencodable('存在問題', { name: 'big5', bom: false }), undefined);
  assert.equal(unencodable('存在问题', { name: 'big5', bom: false }), '问');
  assert.equal(unencodable('𠀀问题', { name: 'gb18030', bom: false }), undefined);
  assert.deepEqual(['GBK', 'gb2312', ' UTF8 ', 'Shift-JIS', 'BIG5', 'latin1', 'constructor'].map(parseEncodingName), ['gb18030', 'gb18030', 'utf-8', 'shift_jis', 'big5', undefined, undefined]);
});

test('the encoding setting: accepted in a configuration file, refused in front matter (the document is already decoded)', () => {
  assert.deepEqual(parseConfigText('{ "encoding": "Big5" }', RULES_BY_ID, '/x/.gongwen.jsonc'), { config: { encoding: 'big5' }, problems: [] });
  const { config, problems } = frontMatterConfig('gongwen:\n  encoding: gbk\n', 1, RULES_BY_ID);
  assert.deepEqual(config, {});
  assert.equal(problems.length, 1);
  assert.match(renderMessage(problems[0].message, 'zh-CN'), /「encoding」只能写在配置文件中/);
});

test('the common-hanzi list is GB2312 level 1 as iconv-lite reads it, and valid UTF-8 is read without a code table of iconv-lite', () => {
  const pairs: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= (hi === 0xd7 ? 0xf9 : 0xfe); lo++) pairs.push(hi, lo);
  assert.equal(GB2312_LEVEL1, iconv.decode(Buffer.from(pairs), 'gb18030'));
  const calls: string[] = [];
  const original = { decode: iconv.decode, getCodec: iconv.getCodec };
  iconv.decode = ((...args: Parameters<typeof iconv.decode>) => (calls.push(`decode ${String(args[1])}`), original.decode(...args))) as typeof iconv.decode;
  iconv.getCodec = ((...args: Parameters<typeof iconv.getCodec>) => (calls.push(`getCodec ${String(args[0])}`), original.getCodec(...args))) as typeof iconv.getCodec;
  try {
    const decoded = decode(Buffer.from('# 二〇二五年上半年工作总结\n\n一、主要工作\n\n今年以来，我们围绕中心任务，扎实推进各项工作。\n'));
    assert.equal(decoded.kind === 'text' && decoded.encoding.name, 'utf-8');
    assert.ok(decoded.kind === 'text' && decoded.evidence.kind === 'detected' && !decoded.evidence.weak);
  } finally {
    Object.assign(iconv, original);
  }
  assert.deepEqual(calls, []);
});
