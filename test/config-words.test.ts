// Issue 13, item 2 (configuration errors in words): a configuration file that is not valid JSON
// is explained as a user understands it, what is wrong and where (第 3 行第 5 列：这里用了中文引号…),
// not as the parser's code (配置文件语法错误（InvalidSymbol）); the slips of a Chinese input method
// are named, each problem once, at its own line and column.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfigText } from '../server/src/engine/config.js';
import { loadConfigFile } from '../server/src/host/config-files.js';
import { renderMessage } from '../server/src/engine/messages.js';
import { RULES_BY_ID } from '../server/src/engine/rules/index.js';

const FILE = '/x/.gongwen.jsonc';

/** Each problem as `line:column zh-text`, and the same in English. */
function problemsOf(text: string): { zh: string[]; en: string[]; config: unknown } {
  const { config, problems } = parseConfigText(text, RULES_BY_ID, FILE);
  for (const p of problems) assert.equal(p.path, FILE);
  return {
    zh: problems.map((p) => `${p.line}:${p.column} ${renderMessage(p.message, 'zh-CN')}`),
    en: problems.map((p) => `${p.line}:${p.column} ${renderMessage(p.message, 'en')}`),
    config,
  };
}

test('Chinese quotation marks around a name: one problem, where they are, that names them', () => {
  const r = problemsOf('{\n  "rules": {\n    “placeholder”: "off"\n  }\n}');
  assert.deepEqual(r.zh, ['3:5 第 3 行第 5 列：这里用了中文引号“…”，JSON 要用英文引号 "…"']);
  assert.deepEqual(r.en, ['3:5 line 3, column 5: Chinese quotation marks “…” are used here; JSON needs straight quotes "…"']);
  assert.deepEqual(r.config, {}, 'the file is still not used');
});

test('single Chinese quotation marks, and one Chinese quote at either end of a string', () => {
  assert.deepEqual(problemsOf("{\n  ‘type’: \"述职报告\"\n}").zh, ['2:3 第 2 行第 3 列：这里用了中文引号‘…’，JSON 要用英文引号 "…"']);
  // Opened with “, closed with ".
  assert.deepEqual(problemsOf('{\n  "type": “述职报告"\n}').zh, ['2:11 第 2 行第 11 列：这里用了中文引号“，JSON 要用英文引号 "']);
  // Opened with ", closed with ” (the input method switched in the middle of the name).
  assert.deepEqual(problemsOf('{\n  "rules": {\n    "placeholder”: "off"\n  }\n}').zh, ['3:17 第 3 行第 17 列：这里用了中文引号”，JSON 要用英文引号 "']);
  assert.deepEqual(problemsOf('{\n  "type": "述职报告”\n}').zh, ['2:16 第 2 行第 16 列：这里用了中文引号”，JSON 要用英文引号 "']);
});

test('full-width comma, colon, braces and brackets: each named with the mark JSON wants', () => {
  assert.deepEqual(problemsOf('{\n  "type": "述职报告"，\n  "structure": "auto"\n}').zh, ['2:17 第 2 行第 17 列：这里用了中文逗号「，」，JSON 要用英文逗号 ,']);
  assert.deepEqual(problemsOf('{\n  "type"： "述职报告"\n}').zh, ['2:9 第 2 行第 9 列：这里用了中文冒号「：」，JSON 要用英文冒号 :']);
  assert.deepEqual(problemsOf('｛\n  "type": "述职报告"\n｝').zh, [
    '1:1 第 1 行第 1 列：这里用了中文花括号「｛」，JSON 要用英文花括号 {',
    '3:1 第 3 行第 1 列：这里用了中文花括号「｝」，JSON 要用英文花括号 }',
  ]);
  assert.deepEqual(problemsOf('{\n  "placeholders": { "extra": ［"待定"］ }\n}').zh, [
    '2:30 第 2 行第 30 列：这里用了中文方括号「［」，JSON 要用英文方括号 [',
    '2:35 第 2 行第 35 列：这里用了中文方括号「］」，JSON 要用英文方括号 ]',
  ]);
  assert.deepEqual(problemsOf('{\n  "type": "x"，\n}').en, ['2:14 line 2, column 14: a full-width comma "，" is used here; JSON needs the ASCII comma ,']);
});

test('a missing comma between two entries is one problem, where the comma goes', () => {
  const r = problemsOf('{\n  "type": "述职报告"\n  "structure": "auto"\n}');
  assert.deepEqual(r.zh, ['2:17 第 2 行第 17 列：这里缺少英文逗号 ,（前后两项之间要用逗号隔开）']);
  assert.deepEqual(r.en, ['2:17 line 2, column 17: a comma , is missing here (entries are separated by commas)']);
  // Two missing commas are two problems; in an array too.
  assert.deepEqual(problemsOf('{\n  "type": "x"\n  "structure": "auto"\n  "rules": {}\n}').zh.map((p) => p.split(' ')[0]), ['2:14', '3:22']);
  assert.deepEqual(problemsOf('{\n  "placeholders": { "allow": ["甲"\n    "乙"] }\n}').zh, ['2:34 第 2 行第 34 列：这里缺少英文逗号 ,（前后两项之间要用逗号隔开）']);
});

test('a # comment, on its own line or after a setting, is one problem that says to use //', () => {
  assert.deepEqual(problemsOf('{\n  # 报告类型\n  "type": "述职报告"\n}').zh, ['2:3 第 2 行第 3 列：JSON 不能用 # 写注释，请改用 //']);
  assert.deepEqual(problemsOf('{\n  "type": "述职报告" # 类型\n}').en, ['2:18 line 2, column 18: # does not start a comment in JSON; use // instead']);
});

test('a full-width space, and 、 or ； between entries', () => {
  assert.deepEqual(problemsOf('{\n\u3000\u3000"type": "述职报告"\n}').zh, ['2:1 第 2 行第 1 列：这里有全角空格，JSON 中只能用半角（英文）空格']);
  assert.deepEqual(problemsOf('{\n  "placeholders": { "allow": ["甲"、"乙"] }\n}').zh, ['2:34 第 2 行第 34 列：这里用了「、」，JSON 的各项之间要用英文逗号 ,']);
  assert.deepEqual(problemsOf('{\n  "type": "x"；\n  "structure": "auto"\n}').zh, ['2:14 第 2 行第 14 列：这里用了「；」，JSON 的各项之间要用英文逗号 ,']);
});

test('every slip of a line typed with the input method on is one problem, in the order of the text', () => {
  const r = problemsOf('{\n  “type”： "述职报告"，\n  "rules"： { "placeholder"： "off" } # 关掉占位符\n}');
  assert.deepEqual(r.zh, [
    '2:3 第 2 行第 3 列：这里用了中文引号“…”，JSON 要用英文引号 "…"',
    '2:9 第 2 行第 9 列：这里用了中文冒号「：」，JSON 要用英文冒号 :',
    '2:17 第 2 行第 17 列：这里用了中文逗号「，」，JSON 要用英文逗号 ,',
    '3:10 第 3 行第 10 列：这里用了中文冒号「：」，JSON 要用英文冒号 :',
    '3:27 第 3 行第 27 列：这里用了中文冒号「：」，JSON 要用英文冒号 :',
    '3:37 第 3 行第 37 列：JSON 不能用 # 写注释，请改用 //',
  ]);
});

test('Chinese punctuation inside strings and comments is text, not a slip', () => {
  // A valid file: nothing to report.
  assert.deepEqual(problemsOf('// 说明：“引号”，｛括号｝\n{\n  "placeholders": { "allow": ["他说“好”，然后", "＃、；"] } /* ：，*/\n}').zh, []);
  // A broken file: only its real problem (the missing comma), not the marks in its strings and comments.
  assert.deepEqual(problemsOf('{\n  // “注释”：，\n  "placeholders": { "allow": ["他说“好”, 然后"] }\n  "type": "x"\n}').zh, [
    '3:45 第 3 行第 45 列：这里缺少英文逗号 ,（前后两项之间要用逗号隔开）',
  ]);
});

test('other syntax errors are worded too, each once: the parser\'s echoes of one error are not reported', () => {
  assert.deepEqual(problemsOf('{\n  "rules": { "placeholder": "off" \n}').zh, ['3:2 第 3 行第 2 列：缺少右花括号 }（每个 { 都要有一个 } 与之对应）']);
  assert.deepEqual(problemsOf('{\n  "placeholders": { "allow": ["a", "b" }\n}').zh, ['2:40 第 2 行第 40 列：缺少右方括号 ]（每个 [ 都要有一个 ] 与之对应）']);
  // An unquoted name: the parser also expected a name at the colon and a value at the brace.
  assert.deepEqual(problemsOf('{\n  type: "述职报告"\n}').zh, ['2:3 第 2 行第 3 列：「type」要写在英文双引号中（JSON 中的名称和文字都要写成 "…"）']);
  assert.deepEqual(problemsOf('{\n  "type": off\n}').zh, ['2:11 第 2 行第 11 列：「off」要写在英文双引号中（JSON 中的名称和文字都要写成 "…"）']);
  assert.deepEqual(problemsOf("{\n  'type': 'x'\n}").zh.map((p) => p.split('：')[1]), ["这里用了单引号 '…'，JSON 要用英文双引号 \"…\"", "这里用了单引号 '…'，JSON 要用英文双引号 \"…\""]);
  // A doubled comma: the parser's "name expected" and "value expected" there are one problem.
  assert.deepEqual(problemsOf('{\n  "a": 1,,\n  "b": 2\n}').zh, ['2:10 第 2 行第 10 列：这里多写了一个逗号，请删去']);
  assert.deepEqual(problemsOf('{\n  "type": ,\n  "structure": "auto"\n}').zh, ['2:11 第 2 行第 11 列：这里缺少值（例如 "off"、"述职报告"、true、数字、[…] 或 {…}）']);
  assert.deepEqual(problemsOf('{\n  "type" "x"\n}').zh, ['2:9 第 2 行第 9 列：设置名称后面缺少英文冒号 :']);
  assert.deepEqual(problemsOf('{\n  "type": "x"\n}}').zh, ['3:2 第 3 行第 2 列：配置在这里之前已经结束，最外层的 } 之后不能再有内容（多余的括号或文字请删去）']);
  // An unclosed string: the comma the parser then misses on the next line is its echo.
  assert.deepEqual(problemsOf('{\n  "type": "述职报告\n  "structure": "auto"\n}').zh, ['2:11 第 2 行第 11 列：这段文字缺少结尾的英文双引号 "']);
  assert.deepEqual(problemsOf('{\n  "type": "x" /* 说明\n}').zh, ['2:15 第 2 行第 15 列：注释 /* 没有用 */ 结束']);
  // A regular expression's single backslash, at the backslash, once per string.
  assert.deepEqual(problemsOf('{\n  "placeholders": { "extra": ["\\d+", "x\\s"] }\n}').zh, [
    '2:32 第 2 行第 32 列：反斜杠 \\ 后面不能跟「d」；文字中的反斜杠要写两次，例如正则 "\\\\d+"',
    '2:40 第 2 行第 40 列：反斜杠 \\ 后面不能跟「s」；文字中的反斜杠要写两次，例如正则 "\\\\d+"',
  ]);
});

test('a file read from disk, with a BOM and \\r\\n breaks: the same words at the same line and column', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-words-'));
  const file = path.join(dir, '.gongwen.jsonc');
  fs.writeFileSync(file, '\ufeff{\r\n  "rules": {\r\n    “placeholder”: "off"\r\n  }\r\n}\r\n');
  const { problems } = loadConfigFile(file);
  assert.deepEqual(problems.map((p) => [p.path, p.line, p.column, renderMessage(p.message, 'zh-CN')]), [[file, 3, 5, '第 3 行第 5 列：这里用了中文引号“…”，JSON 要用英文引号 "…"']]);
  fs.rmSync(dir, { recursive: true });
});
