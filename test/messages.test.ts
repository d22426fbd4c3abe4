// Messages by id: every id has a template in both languages with the same placeholders, the
// runner supplies them, and a rule that breaks its own metadata fails instead of reporting.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allMessages, diagnosticMessage, renderMessage } from '../server/src/engine/messages.js';
import { placeholdersOf } from '../server/src/engine/i18n.js';
import { checkText, runRule, type OwnedSpan } from '../server/src/engine/check.js';
import { defineRule } from '../server/src/engine/rule.js';
import { buildReportModel } from '../server/src/engine/model/report-model.js';
import { resolveConfig } from '../server/src/engine/config.js';
import { RULES, DEFAULT_SEVERITIES } from '../server/src/engine/rules/index.js';
import type { Diagnostic } from '../server/src/engine/types.js';
import { FIXTURES, listFixtures, readFixture } from './fixture-harness.js';
import * as fs from 'node:fs';
import * as path from 'node:path';

test('every message id has a template in zh-CN and en, with the same placeholders', () => {
  assert.ok(allMessages().size > 40);
  for (const [id, entry] of allMessages()) {
    assert.ok(entry['zh-CN'].length > 0 && entry.en.length > 0, id);
    assert.deepEqual(placeholdersOf(entry['zh-CN']).sort(), placeholdersOf(entry.en).sort(), `${id}: placeholders differ between the languages`);
    assert.match(id, /^[a-z-]+\/[A-Za-z0-9]+$/);
  }
  for (const rule of RULES) assert.ok(Object.keys(rule.meta.messages ?? {}).length > 0, `${rule.meta.id} declares its messages`);
});

test('every finding on the fixtures is worded completely in both languages, with no placeholder left', () => {
  for (const file of listFixtures(path.join(FIXTURES, 'rules'))) {
    const fx = readFixture(file);
    for (const d of checkText(fx.text, { rules: fx.rules, type: fx.type }).diagnostics) {
      assert.ok(allMessages().has(d.messageId), `${fx.name}: ${d.messageId} is in the catalogue`);
      assert.ok(d.messageId.startsWith(`${d.rule}/`), `${d.messageId} belongs to ${d.rule}`);
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = diagnosticMessage(d, locale);
        assert.doesNotMatch(text, /\{[A-Za-z]\w*\}/, `${fx.name}: ${d.messageId} in ${locale}: ${text}`);
        if (d.fix) assert.doesNotMatch(renderMessage(d.fix.title, locale), /\{[A-Za-z]\w*\}/);
      }
    }
  }
});

test('rendering: lists join as the language joins them, pairs and nested messages take the language', () => {
  const ref = { id: 'config/unknownRuleKnown', data: { rule: 'x', known: ['a', 'b'] } };
  assert.equal(renderMessage(ref, 'zh-CN'), '未知的规则「x」；可用规则：a、b');
  assert.equal(renderMessage(ref, 'en'), 'unknown rule "x"; known rules: a, b');
  const nested = { id: 'config/badOptions', data: { rule: 'r', problem: { id: 'config/optionUnknown', data: { name: 'words' } } } };
  assert.equal(renderMessage(nested, 'zh-CN'), '规则「r」的选项有误：未知的选项「words」');
  assert.equal(renderMessage(nested, 'en'), 'invalid options of rule "r": unknown option "words"');
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function runFake(check: (context: { report(finding: any): void }) => void, fixable: boolean): { out: Diagnostic[]; error?: Error } {
  const rule = defineRule({
    meta: {
      id: 'fake',
      name: { 'zh-CN': '假规则', en: 'fake' },
      description: { 'zh-CN': '假规则', en: 'fake' },
      category: 'punctuation',
      defaultSeverity: 'warning',
      docs: 'docs/rules/fake.md',
      fixable,
      fixNote: { 'zh-CN': '无', en: 'none' },
      messages: { found: { 'zh-CN': '找到「{what}」', en: 'found {what}' }, fixIt: { 'zh-CN': '修复', en: 'fix' } },
    },
    check,
  });
  const model = buildReportModel('一、甲\n', { roles: [] });
  const { config } = resolveConfig([], DEFAULT_SEVERITIES);
  const out: Diagnostic[] = [];
  const owned: OwnedSpan[] = [];
  try {
    runRule(rule, model, config, 'warning', {}, out, owned);
    return { out };
  } catch (e) {
    return { out, error: e as Error };
  }
}

test('the runner enforces the metadata: undeclared id, missing placeholder, fix from a rule not marked fixable', () => {
  const ok = runFake(({ report }) => report({ start: 0, end: 1, messageId: 'found', data: { what: '甲' }, fix: { messageId: 'fixIt', edits: [{ start: 0, end: 1, text: '乙' }] } }), true);
  assert.equal(ok.error, undefined);
  assert.equal(ok.out[0].messageId, 'fake/found');
  assert.deepEqual(ok.out[0].data, { what: '甲' });
  assert.deepEqual(ok.out[0].fix?.title, { id: 'fake/fixIt', data: undefined });

  const unknown = runFake(({ report }) => report({ start: 0, end: 1, messageId: 'nope' } as never), true);
  assert.match(unknown.error?.message ?? '', /does not declare/);
  const missing = runFake(({ report }) => report({ start: 0, end: 1, messageId: 'found', data: {} } as never), true);
  assert.match(missing.error?.message ?? '', /needs \{what\}/);
  const notFixable = runFake(({ report }) => report({ start: 0, end: 1, messageId: 'found', data: { what: '甲' }, fix: { messageId: 'fixIt', edits: [] } }), false);
  assert.match(notFixable.error?.message ?? '', /not marked fixable/);
});

test('a fixable rule has a fix somewhere in its fixtures, and a rule not marked fixable never offers one', () => {
  const withFix = new Set<string>();
  for (const file of listFixtures(path.join(FIXTURES, 'rules'))) {
    const fx = readFixture(file);
    for (const d of checkText(fx.text, { rules: fx.rules, type: fx.type }).diagnostics) if (d.fix) withFix.add(d.rule);
  }
  for (const rule of RULES) assert.equal(withFix.has(rule.meta.id), rule.meta.fixable, `${rule.meta.id}: fixable is ${rule.meta.fixable}`);
  assert.ok(fs.existsSync(FIXTURES));
});
