// The terms rule: the built-in packs are valid and their examples hold (through the whole check,
// not only the matcher); severities per pack; user packs from files and inline, with problems at
// their positions; the allow list; the matcher against a naive search; the allow-word edit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkText, fixText, groupSeverity, runRule, RuleContractError } from '../server/src/engine/check.js';
import { parseConfigText, validateConfig } from '../server/src/engine/config.js';
import { RULES, RULES_BY_ID } from '../server/src/engine/rules/index.js';
import { BUILTIN_PACKS, BUILTIN_PACK_PROBLEMS } from '../server/src/engine/terms/builtin.js';
import { CompiledTerms, findTerms, literalPrefix, specFailures } from '../server/src/engine/terms/matcher.js';
import { parsePackText, regexSource } from '../server/src/engine/terms/pack.js';
import { compileUserPattern } from '../server/src/engine/user-pattern.js';
import { renderMessage } from '../server/src/engine/messages.js';
import { defineRule, localized } from '../server/src/engine/rule.js';
import { buildReportModel } from '../server/src/engine/model/report-model.js';
import { loadConfigFile } from '../server/src/host/config-files.js';
import { allowEditOf, newConfigText } from '../server/src/lsp/allow-word.js';
import type { RuleSetting } from '../server/src/engine/types.js';
import { rng } from './fixture-harness.js';
import { TERMS_ADVERSARIAL } from './adversarial-inputs.js';

const only = (setting: RuleSetting = 'error'): Record<string, RuleSetting> => Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.id === 'terms' ? setting : 'off']));
const termsOf = (text: string, options: Parameters<typeof checkText>[1] = {}) => checkText(text, { rules: only(), ...options }).diagnostics.filter((d) => d.rule === 'terms');

test('the built-in packs validate, and every entry cites a source; formulations are dated hints', () => {
  assert.deepEqual(BUILTIN_PACK_PROBLEMS, []);
  assert.deepEqual(BUILTIN_PACKS.map((p) => p.name), ['misspellings', 'variants', 'formulations']);
  for (const pack of BUILTIN_PACKS) {
    assert.ok(pack.rules.length > 0, pack.name);
    for (const e of pack.rules) {
      assert.ok(e.source ?? pack.source, `${pack.name}: ${e.expected} has a source`);
      assert.ok(e.specs && e.specs.some((s) => s.from !== s.to), `${pack.name}: ${e.expected} has an example that is reported`);
    }
  }
  const formulations = BUILTIN_PACKS.find((p) => p.name === 'formulations')!;
  assert.equal(formulations.fix, false);
  for (const e of formulations.rules) assert.match(e.date ?? '', /^\d{4}/, `${e.expected} is dated`);
  assert.ok(BUILTIN_PACKS.filter((p) => p.name !== 'formulations').every((p) => p.fix));
});

test('each built-in pack file, checked in full as a user\'s pack is (its examples run, its patterns compiled), has no problems and gives the entries the engine loads without those checks', () => {
  for (const pack of BUILTIN_PACKS) {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'server/src/engine/terms/packs', `${pack.name}.json`);
    const full = parsePackText(fs.readFileSync(file, 'utf8'), file);
    assert.deepEqual(full.problems, [], pack.name);
    assert.deepEqual(full.pack?.rules, pack.rules, pack.name);
  }
  // The full check does report what the start-up read leaves to this test.
  const broken = parsePackText(JSON.stringify({ rules: [{ expected: '甲', patterns: ['/(?<=乙)甲/'] }, { expected: '丙', patterns: ['丁'], specs: [{ from: '丁', to: '戊' }] }] }), 'broken.json');
  assert.equal(broken.problems.length, 2, JSON.stringify(broken.problems));
});

test('built-in /regex/ patterns run natively: each is also valid RE2 (no lookaround or backreference), without a quantified group that holds a quantifier, and starts with literal characters', () => {
  let n = 0;
  for (const pack of BUILTIN_PACKS) {
    for (const e of pack.rules) {
      for (const p of e.patterns) {
        const source = regexSource(p);
        if (source === undefined) continue;
        n++;
        assert.ok('pattern' in compileUserPattern(source), `${source} is valid RE2`);
        assert.doesNotMatch(source, /\([^()]*[+*}][^()]*\)[+*{]/, `${source}: no quantified group holding a quantifier`);
        assert.ok(literalPrefix(source).length >= 2, `${source} starts with literal characters (the automaton anchors it)`);
      }
    }
  }
  assert.ok(n >= 3);
});

for (const pack of BUILTIN_PACKS) {
  test(`${pack.name}: every example holds, by the matcher and through checkText/fixText`, () => {
    assert.deepEqual(specFailures(pack), []);
    const settings = only(['error', { packs: Object.fromEntries(BUILTIN_PACKS.map((p) => [p.name, p === pack ? 'error' : 'off'])) }]);
    for (const e of pack.rules) {
      for (const spec of e.specs ?? []) {
        const text = `# 工作总结\n\n${spec.from}\n`;
        const found = checkText(text, { rules: settings }).diagnostics.filter((d) => d.rule === 'terms');
        if (spec.from === spec.to) {
          assert.deepEqual(found.map((d) => renderMessage({ id: d.messageId, data: d.data }, 'zh-CN')), [], spec.from);
          continue;
        }
        assert.ok(found.length > 0, `reported: ${spec.from}`);
        const fixed = fixText(text, { rules: settings }).text;
        assert.equal(fixed, pack.fix && e.fix !== false ? `# 工作总结\n\n${spec.to}\n` : text, spec.from);
        if (!pack.fix) assert.equal(checkText(`# 工作总结\n\n${spec.to}\n`, { rules: settings }).diagnostics.filter((d) => d.rule === 'terms').length, 0, `not reported: ${spec.to}`);
      }
    }
  });
}

test('severity per pack: defaults, capped by the rule, set by the packs option, off drops the pack', () => {
  const text = '# 工作总结\n\n群众迫不急待，活动丰富多采，学习二十大精神。\n';
  const sev = (setting: RuleSetting) => checkText(text, { rules: only(setting) }).diagnostics.filter((d) => d.rule === 'terms').map((d) => d.severity);
  assert.deepEqual(sev('error'), ['error', 'warning', 'hint']);
  assert.deepEqual(sev('warning'), ['warning', 'warning', 'hint']);
  assert.deepEqual(sev('hint'), ['hint', 'hint', 'hint']);
  assert.deepEqual(sev(['info', { packs: { misspellings: 'error', formulations: 'off' } }]), ['error', 'info']);
  const problems = validateConfig({ rules: { terms: ['error', { packs: { variants: 'loud' } }] } }, RULES_BY_ID, 'c.jsonc').problems;
  assert.equal(problems.length, 1);
  assert.match(renderMessage(problems[0].message, 'en'), /packs\.variants/);
});

test('the runner refuses a group from a rule whose meta declares none', () => {
  const rogue = defineRule({
    meta: { id: 'rogue', name: localized('r', 'r'), description: localized('r', 'r'), category: 'misspelling', defaultSeverity: 'warning', docs: 'docs/rules/terms.md', fixable: false, fixNote: localized('r', 'r'), messages: { m: localized('m', 'm') } },
    check({ report }) {
      report({ start: 0, end: 1, messageId: 'm', group: 'x' });
    },
  });
  const model = buildReportModel('文字\n', { roles: [] });
  const config = checkText('文字\n').config;
  assert.throws(() => runRule(rogue, model, config, 'warning', {}, [], []), RuleContractError);
  assert.throws(() => groupSeverity(rogue, 'warning', {}, 'x'), RuleContractError);
});

test('a match inside code, a URL or an allowed word is not reported; allow comes from the configuration', () => {
  assert.equal(termsOf('# 总结\n\n`定单` 与 <https://example.com/迫不急待>\n').length, 0);
  const text = '# 总结\n\n定单式生产，全年定单增加。\n';
  assert.equal(termsOf(text).length, 2);
  const { config, problems } = parseConfigText('{ "terms": { "allow": ["定单式"] } }', RULES_BY_ID, 'c.jsonc');
  assert.deepEqual(problems, []);
  const left = termsOf(text, { config: [config] });
  assert.deepEqual(left.map((d) => d.range.start.column), [9]);
});

test('inline entries: a pack named custom, with regex groups, exceptions, its severity warning by default', () => {
  const cfg = `{
    "terms": { "entries": [
      { "expected": "县乡村振兴局", "patterns": ["县振兴局"], "note": "用全称", "specs": [{ "from": "县振兴局牵头", "to": "县乡村振兴局牵头" }] },
      { "expected": "第$1季度", "pattern": "/第([一二三四])季",  "exceptions": [] }
    ] }
  }`;
  const good = parseConfigText(cfg.replace('"/第([一二三四])季"', '"/第([一二三四])季(?:度)?/"'), RULES_BY_ID, 'c.jsonc');
  assert.deepEqual(good.problems, []);
  const text = '# 总结\n\n县振兴局牵头完成第三季工作。\n';
  const found = termsOf(text, { config: [good.config] });
  assert.deepEqual(found.map((d) => [d.severity, renderMessage({ id: d.messageId, data: d.data }, 'zh-CN')]), [
    ['warning', '「县振兴局」应为「县乡村振兴局」：用全称（.gongwen.jsonc 中的词条）'],
    ['warning', '「第三季」应为「第三季度」：词表「custom」（.gongwen.jsonc 中的词条）'],
  ]);
  assert.equal(fixText(text, { rules: only(), config: [good.config] }).text, '# 总结\n\n县乡村振兴局牵头完成第三季度工作。\n');
});

test('pack files: YAML and JSON, problems at their file, line and column; an example that fails is a problem', () => {
  const yaml = ['version: 1', 'name: 单位', 'rules:', '  - expected: 县乡村振兴局', '    patterns: [县振兴局]', '    colour: red', '  - expected: 甲', '    patterns: [乙]', '    specs:', '      - from: 乙方', '        to: 丙方', ''].join('\n');
  const r = parsePackText(yaml, '/w/词表/单位.yml');
  assert.equal(r.pack?.name, '单位');
  const shown = r.problems.map((p) => `${p.path}:${p.line}:${p.column} ${renderMessage(p.message, 'zh-CN')}`);
  assert.deepEqual(shown, ['/w/词表/单位.yml:6:13 未知的字段「rules[0].colour」', '/w/词表/单位.yml:10:9 「rules[1].specs[0]」的例子不成立：「乙方」应得「丙方」，实得「甲方」']);
  const json = parsePackText('{\n  "rules": [\n    { "expected": "甲", "patterns": ["/乙(?=丙)/"] }\n  ]\n}\n', '/w/p.json');
  assert.equal(json.pack?.name, 'p');
  assert.equal(json.problems.length, 1);
  assert.equal(json.problems[0].line, 3);
  assert.match(renderMessage(json.problems[0].message, 'en'), /rules\[0\]\.patterns\[0\].*invalid regular expression/);
  assert.match(renderMessage(parsePackText('rules: [', '/w/x.yml').problems[0].message, 'en'), /syntax error/);
  assert.equal(parsePackText('{"rules": [}', '/w/x.json').problems[0].line, 1);
});

test('host: terms.files are read relative to the configuration file; a missing one is a problem at its position', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-terms-'));
  try {
    fs.mkdirSync(path.join(dir, '词表'));
    fs.writeFileSync(path.join(dir, '词表', '单位.yml'), 'rules:\n  - expected: 县乡村振兴局\n    patterns: [县振兴局]\n');
    const cfg = path.join(dir, '.gongwen.jsonc');
    fs.writeFileSync(cfg, '{\n  "terms": {\n    "files": ["词表/单位.yml", "没有.yml"]\n  }\n}\n');
    const loaded = loadConfigFile(cfg);
    assert.deepEqual(loaded.config.terms?.packs?.map((p) => p.name), ['单位']);
    assert.equal(loaded.problems.length, 1);
    assert.deepEqual([loaded.problems[0].path, loaded.problems[0].line, loaded.problems[0].column], [cfg, 3, 28]);
    assert.match(renderMessage(loaded.problems[0].message, 'zh-CN'), /无法读取词表文件「没有.yml」（ENOENT）/);
    const found = termsOf('# 总结\n\n县振兴局牵头。\n', { config: [loaded.config] });
    assert.deepEqual(found.map((d) => d.severity), ['warning']);
    const fm = validateConfig({ terms: { files: ['a.yml'] } }, RULES_BY_ID, undefined, undefined, 'front matter');
    assert.match(renderMessage(fm.problems[0].message, 'zh-CN'), /只能写在配置文件/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('matcher: the automaton finds what a naive search finds (random texts over a small alphabet)', () => {
  const random = rng(15);
  const alphabet = '甲乙丙丁';
  const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  for (let round = 0; round < 60; round++) {
    const patterns = [...new Set(Array.from({ length: 1 + Math.floor(random() * 6) }, () => word(1 + Math.floor(random() * 3))))];
    const pack = { name: 'p', fix: true, rules: patterns.map((p) => ({ expected: '戊', patterns: [p] })) };
    const text = word(40);
    const hits = findTerms(new CompiledTerms([pack], []), text, [{ start: 0, end: text.length }]);
    // Naive: leftmost, then longest, no overlaps.
    const naive: string[] = [];
    for (let i = 0; i < text.length; ) {
      const m = patterns.filter((p) => text.startsWith(p, i)).sort((a, b) => b.length - a.length)[0];
      if (m) {
        naive.push(`${i}:${m}`);
        i += m.length;
      } else i++;
    }
    assert.deepEqual(hits.map((h) => `${h.start}:${h.found}`), naive, `${patterns.join(',')} in ${text}`);
  }
  assert.equal(literalPrefix('截止(\\d|目前)'), '截止');
  assert.equal(literalPrefix('ab?c'), 'a');
  assert.equal(literalPrefix('甲|乙'), '');
  assert.equal(literalPrefix('(?i)abc'), '');
});

test('allow-word edit: added to terms.allow (created if absent), comments kept; nothing when there or not valid JSON', () => {
  const apply = (text: string, edits: { offset: number; length: number; content: string }[]) => {
    let out = text;
    for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
    return out;
  };
  const withAllow = '{\n  // 说明\n  "terms": { "allow": ["甲"] }\n}\n';
  const a = apply(withAllow, allowEditOf(withAllow, '定单', '\n')!);
  assert.ok(a.includes('// 说明'));
  assert.deepEqual(parseConfigText(a, RULES_BY_ID, 'c.jsonc').config.terms?.allow, ['甲', '定单']);
  const bare = '{\n  "type": "述职报告"\n}\n';
  assert.deepEqual(parseConfigText(apply(bare, allowEditOf(bare, '定单', '\n')!), RULES_BY_ID, 'c.jsonc').config.terms?.allow, ['定单']);
  assert.equal(allowEditOf(a, '定单', '\n'), undefined);
  assert.equal(allowEditOf('{ "terms": ', '定单', '\n'), undefined);
  const created = parseConfigText(newConfigText('定单', '\r\n'), RULES_BY_ID, '.gongwen.jsonc');
  assert.deepEqual(created.problems, []);
  assert.deepEqual(created.config.terms?.allow, ['定单']);
});

test('command line: a pack from terms.files is used, and its problems name the pack file; --fix changes only the differing characters', async () => {
  const { run, workspace } = await import('./cli-harness.js');
  const dir = workspace({
    '.gongwen.jsonc': '{ "terms": { "files": ["词表/单位.yml"] } }\n',
    '词表/单位.yml': 'rules:\n  - expected: 县乡村振兴局\n    patterns: [县振兴局]\n  - expected: 甲\n    pattern: 乙\n    colour: red\n',
    'a.md': '# 某县工作总结\n\n县振兴局牵头，截止2025年底迫不急待。\n',
  });
  const r = run(dir, 'check', 'a.md');
  assert.equal(r.code, 2, 'a configuration problem makes the exit code 2');
  assert.match(r.stderr, new RegExp(`${path.join('词表', '单位.yml').replace(/\\/g, '\\\\')}:6:13: 未知的字段「rules\\[1\\]\\.colour」`));
  assert.match(r.stdout, /a\.md:3:1 .*「县振兴局」应为「县乡村振兴局」/);
  run(dir, 'check', '--fix', 'a.md');
  assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8').split('\n')[2], '县乡村振兴局牵头，截至2025年底迫不及待。');
});

test('hostile runs: the rule gets through them with the findings they hold (one per 定单, none inside 确定单位)', () => {
  const inputs = TERMS_ADVERSARIAL(20_000);
  const count = (name: string) => checkText(inputs[name], { rules: only() }).diagnostics.filter((d) => d.rule === 'terms').length;
  assert.equal(count('截止 repeated'), 0);
  assert.equal(count('确定单位 repeated'), 0);
  assert.equal(count('二十届 repeated'), 0);
  assert.equal(count('截止2 repeated'), Math.floor(20_000 / 3));
  assert.equal(count('定单 repeated'), 10_000);
});

test('formulations: a hint names the standard form once (the note says why, not the form again); leaders and central organs by their standard names', () => {
  const messages = (line: string) => termsOf(`# 工作总结\n\n${line}\n`).map((d) => renderMessage({ id: d.messageId, data: d.data }, 'zh-CN'));
  const [series] = messages('深入学习总书记系列讲话精神。');
  assert.equal(series.split('规范表述为').length - 1, 1, series);
  assert.match(series, /^「系列讲话」：规范表述为「系列重要讲话」，不省去“重要”二字（/);
  const formulations = BUILTIN_PACKS.find((p) => p.name === 'formulations')!;
  for (const e of formulations.rules) {
    const note = typeof e.note === 'string' ? e.note : e.note?.['zh-CN'];
    assert.ok(!note?.startsWith('规范表述为'), `${e.expected}: the message already says 规范表述为`);
  }
  assert.deepEqual(messages('落实习总书记重要指示，报国家发改委审批。').map((m) => /规范表述为「([^」]+)」/.exec(m)?.[1]), ['习近平总书记', '国家发展改革委']);
  assert.deepEqual(messages('深入学习总书记重要讲话，各级人社部门、住建部门、工信部门和市发改委、县卫健委协同推进。'), []);
});
