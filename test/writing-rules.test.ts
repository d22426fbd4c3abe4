// The writing rules beyond their fixtures: copy-residue's options and their validation, ad blocks
// at the very start and end of a document, and run time on adversarial text (no regular
// expression may backtrack without bound).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, fixText } from '../server/src/engine/check.js';
import { parseConfigText, type RuleSetting } from '../server/src/engine/config.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { FAMILIES, STRUCTURAL, readCopyResidueOptions } from '../server/src/engine/rules/copy-residue.js';
import { WRITING_ADVERSARIAL } from './adversarial-inputs.js';
import { diagnosticMessage, renderMessage } from '../server/src/engine/messages.js';
import { RULES_BY_ID } from '../server/src/engine/rules/index.js';

const parseConfig = (text: string, file?: string) => parseConfigText(text, RULES_BY_ID, file);

const WRITING = ['copy-residue', 'punctuation-width', 'paired-punctuation', 'punctuation-form', 'date-format', 'number-usage', 'spacing', 'missing-number', 'repeated-word', 'sentence-end', 'empty-section'];

function only(settings: Record<string, RuleSetting>): Record<string, RuleSetting> {
  return Object.fromEntries(RULES.map((r) => [r.meta.id, settings[r.meta.id] ?? 'off']));
}

/** The lines each copy-residue fix deletes: `from-to`, `to` being where the kept text resumes. */
const removed = (d: { fix?: { edits: readonly { range: { start: { line: number }; end: { line: number } } }[] } }) => `${d.fix!.edits[0].range.start.line}-${d.fix!.edits[0].range.end.line}`;
const residue = (text: string, options?: Record<string, unknown>) =>
  checkText(text, { rules: only({ 'copy-residue': options ? ['warning', options] : 'warning' }) }).diagnostics.map(removed);

test('copy-residue: "extra" adds phrases, "allow" keeps the writer’s own words', () => {
  const text = '# 区文化馆2025年工作总结\n\n关注某某资料站，每日更新\n开通VIP会员即可下载全部资料\n';
  assert.deepEqual(residue(text), ['4-5'], 'the pitch line at the end; the line before it holds no residue phrase');
  assert.deepEqual(residue(text, { allow: ['开通VIP会员即可下载全部资料'] }), []);
  const own = '# 区文化馆2025年工作总结\n\n关注某某资料站，每日更新\n\n今年推出文化惠民服务。\n';
  assert.deepEqual(residue(own), []);
  assert.deepEqual(residue(own, { extra: ['某某资料站'] }), ['3-5'], 'a configured phrase makes its line residue (removed with one of the blank lines around it)');
  assert.deepEqual(residue(own, { extra: ['某某资料站'], allow: ['某某资料站'] }), []);
});

test('copy-residue: invalid options are a configuration problem; the rule still runs on what is valid', () => {
  const bad = parseConfig('{ "rules": { "copy-residue": ["warning", { "extra": ["(unclosed"] }] } }', '/x/.gongwen.jsonc');
  assert.equal(bad.problems.length, 1);
  assert.match(renderMessage(bad.problems[0].message, 'en'), /copy-residue.*invalid regular expression/);
  assert.equal(bad.config.rules?.['copy-residue'], undefined, 'the invalid setting is dropped');
  const unknown = parseConfig('{ "rules": { "copy-residue": ["warning", { "words": [] }] } }', '/x/.gongwen.jsonc');
  assert.match(renderMessage(unknown.problems[0].message, 'en'), /unknown option "words"/);
  const good = parseConfig('{ "rules": { "copy-residue": ["info", { "extra": ["a{2}"], "allow": ["会员专享服务"] }] } }', '/x/.gongwen.jsonc');
  assert.deepEqual(good.problems, []);
  // Settings given in code are not validated: bad entries are dropped, nothing throws.
  const r = checkText('仅供学习参考\n正文。\n', { rules: only({ 'copy-residue': ['warning', { extra: ['(', 3], allow: 'x' }] }) });
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.diagnostics.map((d) => d.rule), ['copy-residue']);
  assert.deepEqual(readCopyResidueOptions({ extra: ['ok', '('] }).options.extra.map((x) => x.source), ['ok']);
});

test('copy-residue: a block at the very start and one at the end without a final line break', () => {
  const text = '仅供学习参考\n范文小站\n请勿照搬照抄\n\n\n区档案馆2025年工作总结\n\n今年完成档案数字化。\n\n获取完整版请联系QQ：12345678\n范文小站';
  const rules = only({ 'copy-residue': 'warning' });
  // The brand line after the last ad line at the end goes with it.
  assert.deepEqual(checkText(text, { rules }).diagnostics.map(removed), ['1-6', '9-11']);
  assert.equal(fixText(text, { rules }).text, '区档案馆2025年工作总结\n\n今年完成档案数字化。\n');
});

test('copy-residue: weak phrases alone are the report’s own words; a title between two residue lines stays', () => {
  const rules = only({ 'copy-residue': 'warning' });
  const own = '开通便民服务QQ群：123456789。\n严厉打击倒卖车票行为。\n提供档案资料咨询服务。\n';
  assert.deepEqual(checkText(own, { rules }).diagnostics, []);
  const text = '仅供学习参考\n区档案馆2025年工作总结\n获取完整版请联系QQ：12345678\n今年完成档案数字化。\n';
  assert.equal(fixText(text, { rules }).text, '区档案馆2025年工作总结\n今年完成档案数字化。\n');
});

// How fast these run is measured by `npm run bench -- adversarial`; here only that every rule
// finishes on them (a pattern that backtracked without bound would hang until the time-out) and
// reports inside the text.
test('writing rules: 1 MB of adversarial text is checked to the end, findings inside the text', { timeout: 120_000 }, () => {
  const N = 1_000_000;
  const inputs: Record<string, string> = WRITING_ADVERSARIAL(N);
  const off = only({});
  for (const [name, text] of Object.entries(inputs)) {
    const { model, config } = checkText(text, { rules: off });
    for (const id of WRITING) {
      const rule = RULES.find((r) => r.meta.id === id)!;
      rule.check({
        model,
        config,
        options: {},
        report: (r) => assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${id} on ${name}: finding inside the text`),
      });
    }
  }
});

test('copy-residue: every family has examples; each pattern matches one, and only lines holding an anchor word of its family', () => {
  const ids = new Set<string>();
  for (const family of FAMILIES) {
    assert.ok(!ids.has(family.id), `family ${family.id} twice`);
    ids.add(family.id);
    assert.ok(family.examples.length > 0, `${family.id}: no example`);
    for (const p of family.patterns) {
      const once = new RegExp(p.source, p.flags.replace('g', ''));
      const shown = family.examples.filter((l) => once.test(l));
      assert.ok(shown.length > 0, `${family.id}: no example shows ${p}`);
      for (const l of shown) assert.ok(new RegExp(family.anchor.source).test(l), `${family.id}: ${p} matches a line without an anchor word: ${l}`);
    }
  }
});

test('copy-residue: every example of a family or a recogniser of shape is reported, and the fix removes it', () => {
  const rules = only({ 'copy-residue': 'warning' });
  for (const family of FAMILIES) {
    for (const example of family.examples) {
      // Between two paragraphs of report text, so that no rule of the frame applies; a family
      // that counts only above the body, under the title.
      const text = family.topOnly
        ? `# 区档案馆2025年度工作总结\n\n${example}\n\n今年完成档案数字化，服务群众1200人次。\n\n下一步，我们将继续推进档案开放。\n`
        : `# 区档案馆2025年度工作总结\n\n今年完成档案数字化，服务群众1200人次。\n\n${example}\n\n下一步，我们将继续推进档案开放。\n`;
      const found = checkText(text, { rules }).diagnostics;
      assert.ok(found.length > 0, `${family.id}: not reported: ${example}`);
      const fixed = fixText(text, { rules }).text;
      assert.ok(fixed.includes('今年完成档案数字化，服务群众1200人次。') && fixed.includes('下一步，我们将继续推进档案开放。'), `${family.id}: the fix touched report text`);
    }
  }
  for (const shape of STRUCTURAL) {
    for (const example of shape.examples) {
      const found = checkText(example + '\n', { rules }).diagnostics;
      const lastLine = example.split('\n').length;
      assert.ok(found.some((d) => d.range.end.line === lastLine), `${shape.id}: not reported: ${found.map((d) => diagnosticMessage(d, 'en')).join(' | ')}`);
    }
  }
});

test('copy-residue: overlapping site phrases inside a report sentence make one finding, without a fix', () => {
  const rules = only({ 'copy-residue': 'warning' });
  const text = '# 区文化馆2025年工作总结\n\n今年以来成效明显。\n\n（三）宣传工作。据小编为大家收集的数据显示，全年发稿120篇。\n\n下一步，我们将继续做好宣传。\n';
  const found = checkText(text, { rules }).diagnostics;
  assert.deepEqual(found.map((d) => [text.slice(d.range.start.offset, d.range.end.offset), d.fix === undefined]), [['小编为大家收集的', true]]);
});

test('copy-residue: a date line is the page\'s only above the body; closing the report it is the report\'s', () => {
  const rules = only({ 'copy-residue': 'warning' });
  const body = '今年完成档案数字化，服务群众1200人次。\n\n下一步，我们将继续推进档案开放。\n';
  assert.equal(checkText(`# 区档案馆2025年度工作总结\n\n时间：2025-12-20\n\n${body}`, { rules }).diagnostics.length, 1);
  assert.deepEqual(checkText(`# 区档案馆2025年度工作总结\n\n${body}\n日期：2025-12-20\n`, { rules }).diagnostics, []);
  assert.deepEqual(checkText(`# 区档案馆2025年度工作总结\n\n今年完成档案数字化。\n\n时间：2025-12-20\n\n下一步，继续推进。\n`, { rules }).diagnostics, []);
});
