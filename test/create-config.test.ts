// 创建配置文件 / Create Configuration File: the .gongwen.jsonc the command writes is valid, names
// every rule, and changes nothing until the writer changes it; its commented-out examples are
// valid settings too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA_URI, configTemplate } from '../client/src/config-template.js';
import { checkText } from '../server/src/engine/check.js';
import { parseConfigText } from '../server/src/engine/config.js';
import { RULES, RULES_BY_ID } from '../server/src/engine/rules/index.js';
import { REPO_ROOT } from './fixture-harness.js';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const ruleIds = Object.keys(manifest.contributes.configuration.properties['gongwen.rules'].properties);
const text = configTemplate(ruleIds);

test('create config: the file parses without problems, has $schema, and names every rule', () => {
  const { config, problems } = parseConfigText(text, RULES_BY_ID, '.gongwen.jsonc');
  assert.deepEqual(problems, []);
  assert.match(text, new RegExp(`"\\$schema": "${SCHEMA_URI.replace(/[./]/g, '\\$&')}"`));
  assert.deepEqual(ruleIds.sort(), RULES.map((r) => r.meta.id).sort(), 'the manifest lists the rules');
  for (const id of ruleIds) assert.ok(text.includes(id), `${id} is named in the file`);
  assert.equal(config.type, undefined, 'no report type is set');
  assert.equal(config.structure, undefined);
  assert.deepEqual(config.rules ?? {}, {}, 'no rule is set');
  assert.deepEqual([...(config.placeholders?.extra ?? []), ...(config.placeholders?.allow ?? [])], []);
});

test('create config: a report is checked the same with the new file as without it', () => {
  const { config } = parseConfigText(text, RULES_BY_ID, '.gongwen.jsonc');
  for (const name of ['draft-with-defects.md', 'shuzhi-report.md', 'clean-report.md']) {
    const source = fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
    const plain = checkText(source).diagnostics.map((d) => `${d.messageId}:${d.severity}@${JSON.stringify(d.range)}`);
    const withFile = checkText(source, { config: [config] }).diagnostics.map((d) => `${d.messageId}:${d.severity}@${JSON.stringify(d.range)}`);
    assert.deepEqual(withFile, plain, name);
  }
  // A title ending in 述职报告 still decides the type: the file sets none.
  const duty = '# 个人述职报告\n\n一、工作\n\n二、不足\n';
  assert.equal(checkText(duty, { config: [config] }).config.typeName, checkText(duty).config.typeName);
});

test('create config: every commented-out setting is a valid one once its // is removed', () => {
  const uncommented = text
    .split('\n')
    .map((l) => l.replace(/^(\s*)\/\/ ("[\w$-]+": .*)$/, '$1$2'))
    .join('\n');
  assert.notEqual(uncommented, text);
  const { config, problems } = parseConfigText(uncommented, RULES_BY_ID, '.gongwen.jsonc');
  assert.deepEqual(problems, []);
  assert.equal(config.type, '述职报告');
  assert.equal(config.structure, 'auto');
  assert.deepEqual(config.rules, { placeholder: 'warning', 'section-order': 'off' });
  assert.deepEqual(config.placeholders, { extra: ['待定'], allow: ['X光机'] });
  assert.deepEqual(config.export, { fonts: { body: '仿宋_GB2312', level2: '楷体_GB2312' }, linesPerPage: 22, pageNumber: { format: '— {n} —', position: 'outside' } });
});
