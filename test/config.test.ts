import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfigText } from '../server/src/engine/config.js';
import { findConfigFile, loadConfigFile } from '../server/src/host/config-files.js';
import { checkText } from '../server/src/engine/check.js';
import { diagnosticMessage, renderMessage } from '../server/src/engine/messages.js';
import { RULES_BY_ID } from '../server/src/engine/rules/index.js';

const parseConfig = (text: string, file?: string) => parseConfigText(text, RULES_BY_ID, file);

test('a syntax error is reported with its line and column, and no settings are taken from the file', () => {
  const { config, problems } = parseConfig('{\n  "type": "述职报告",\n  "rules": { "placeholder": "off" \n}', '/x/.gongwen.jsonc');
  assert.deepEqual(config, {});
  assert.equal(problems.length > 0, true);
  assert.equal(problems[0].path, '/x/.gongwen.jsonc');
  assert.equal(problems[0].line, 4);
});

test('comments and trailing commas are allowed; wrong values are reported and left out', () => {
  const { config, problems } = parseConfig('// 配置\n{ "type": "述职报告", "rules": { "placeholder": "loud", "section-order": "off", }, "colour": 1 }');
  assert.equal(config.type, '述职报告');
  assert.deepEqual(config.rules, { 'section-order': 'off' });
  assert.deepEqual(problems.map((p) => p.line), [2, 2]);
  assert.match(problems.map((p) => renderMessage(p.message, 'en')).join(' '), /placeholder.*severity|severity.*placeholder/);
  assert.match(problems.map((p) => renderMessage(p.message, 'en')).join(' '), /colour/);
});

test('the nearest configuration file is found walking up; .jsonc before .json', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-config-'));
  const deep = path.join(root, 'a', 'b');
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(root, '.gongwen.json'), '{}');
  assert.equal(findConfigFile(deep), path.join(root, '.gongwen.json'));
  fs.writeFileSync(path.join(root, 'a', '.gongwen.jsonc'), '{}');
  fs.writeFileSync(path.join(root, 'a', '.gongwen.json'), '{}');
  assert.equal(findConfigFile(deep), path.join(root, 'a', '.gongwen.jsonc'));
  const missing = loadConfigFile(path.join(root, 'nope.jsonc'));
  assert.equal(missing.problems[0].path, path.join(root, 'nope.jsonc'));
  fs.rmSync(root, { recursive: true });
});

const DRAFT = '# 某局2025年度调研报告\n\n## 一、基本情况\n（一）甲。\n\n## 二、存在问题\n乙。\n';

test('a custom report type with its own role is required and its frame inserted', () => {
  const { config } = parseConfig(JSON.stringify({
    type: '调研报告',
    types: { 调研报告: { required: ['problems', 'suggestions'], roles: { suggestions: { name: '对策建议', headings: ['对策|建议'], frame: { heading: '对策建议', body: '【待补充：建议】' } } } } },
  }));
  const { diagnostics } = checkText(DRAFT, { config: [config] });
  const missing = diagnostics.filter((d) => d.rule === 'required-section');
  assert.equal(missing.length, 1);
  assert.match(diagnosticMessage(missing[0], 'zh-CN'), /对策建议/);
  assert.match(missing[0].fix!.edits[0].text, /## 三、对策建议/);
  assert.deepEqual(checkText(DRAFT + '\n## 三、对策建议\n丙。\n', { config: [config] }).diagnostics.filter((d) => d.rule === 'required-section'), []);
});

test('front matter chooses the type; severity settings and "off" apply', () => {
  const shuzhi = '---\ngongwen:\n  type: 自查报告\n---\n' + DRAFT;
  const roles = checkText(shuzhi).diagnostics.filter((d) => d.rule === 'required-section').map((d) => diagnosticMessage(d, 'en'));
  // 基本情况 counts as the self-inspection part; 存在问题 is there; 整改措施 is missing.
  assert.equal(roles.length, 1, roles.join('; '));
  assert.match(roles[0], /corrective measures/);
  const off = checkText('# 某局工作总结\n3月X日', { rules: { placeholder: 'off', 'required-section': 'info' } }).diagnostics;
  assert.deepEqual(off.map((d) => `${d.rule}:${d.severity}`), ['required-section:info', 'required-section:info']);
});

test('broken front matter and an unknown type are problems, never a crash', () => {
  const r = checkText('---\ngongwen: [\n---\n# 某局工作总结\n');
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].line > 0, true);
  const u = checkText('# 某局工作总结\n', { type: '不存在的类型' });
  assert.match(renderMessage(u.problems[0].message, 'zh-CN'), /未知的报告类型/);
  assert.equal(u.config.typeName, '工作总结');
});

test('an unknown rule or type in a configuration file is reported at its line in that file', () => {
  const { config, problems } = parseConfig('{\n  "type": "调查报告",\n  "rules": {\n    "no-such-rule": "off",\n    "placeholder": "warning"\n  }\n}', '/x/.gongwen.json');
  assert.deepEqual(config.rules, { placeholder: 'warning' });
  assert.equal(config.type, undefined);
  const where = problems.map((p) => `${p.path}:${p.line}`).sort();
  assert.deepEqual(where, ['/x/.gongwen.json:2', '/x/.gongwen.json:4']);
});

test('an empty configuration file, or one with only comments, is an empty configuration', () => {
  assert.deepEqual(parseConfig('', '/x/.gongwen.json'), { config: {}, problems: [] });
  assert.deepEqual(parseConfig('// 以后再配置\n', '/x/.gongwen.jsonc'), { config: {}, problems: [] });
});
