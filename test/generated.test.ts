// The files generated from the rules' metadata are what the rules say (npm run generate), and
// the generator really reads the metadata: a changed description shows in every output.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docHeader, drift, readmeTable, schemaRules, settingsRules } from '../tools/generate.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { REPO_ROOT } from './fixture-harness.js';
import { CATEGORIES } from '../server/src/engine/categories.js';

test('schema, package.json settings, README tables and rule page headers are generated from the rules (npm run generate)', () => {
  assert.deepEqual(drift(REPO_ROOT), []);
});

test('every piece of metadata reaches the generated files', () => {
  for (const rule of RULES) {
    const m = rule.meta;
    const schema = JSON.stringify(schemaRules()[m.id]);
    const setting = JSON.stringify(settingsRules()[m.id]);
    for (const text of [m.description['zh-CN'], m.description.en, m.defaultSeverity]) {
      assert.ok(schema.includes(text) && setting.includes(text), `${m.id}: ${text} in schema and settings`);
    }
    assert.ok(readmeTable('zh-CN').includes(`[\`${m.id}\`](${m.docs}) | ${m.name['zh-CN']} | ${CATEGORIES[m.category]['zh-CN']} | ${m.description['zh-CN']} |`));
    assert.ok(docHeader(rule, 'zh-CN').includes(`| 名称 | ${m.name['zh-CN']} |`) && docHeader(rule, 'en').includes(`| Name | ${m.name.en} |`));
    assert.ok(readmeTable('en').includes(m.description.en));
    const zh = docHeader(rule, 'zh-CN');
    const en = docHeader(rule, 'en');
    assert.ok(zh.includes(`\`${m.defaultSeverity}\``) && en.includes(`\`${m.defaultSeverity}\``));
    assert.ok(m.fixNote && zh.includes(m.fixNote['zh-CN']) && en.includes(m.fixNote.en), `${m.id}: fix note in both headers`);
    assert.ok(zh.includes(m.fixable ? '| 自动修复 | 能' : '| 自动修复 | 不能'), `${m.id}: fixable in the header`);
    assert.ok(en.includes(m.fixable ? '| Fixable | yes' : '| Fixable | no'));
    for (const option of Object.keys(m.options?.properties ?? {})) assert.ok(zh.includes(`\`${option}\``) && schema.includes(`"${option}"`), `${m.id}: option ${option}`);
  }
});
