// The word lists of the proofreading rules (issue 15) beyond their fixtures: every reduplication
// repeated-word accepts is accepted in a sentence, every slip it knows is reported and fixed to one
// copy; missing-number leaves marked blanks to placeholder. (Long runs: test/adversarial-inputs.ts.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, fixText } from '../server/src/engine/check.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { REDUPLICATIONS } from '../server/src/engine/rules/repeated-word.js';
import { diagnosticMessage } from '../server/src/engine/messages.js';

const only = (...ids: string[]) => ({ rules: Object.fromEntries(RULES.map((r) => [r.meta.id, ids.includes(r.meta.id) ? r.meta.defaultSeverity : 'off'] as const)) });
const found = (text: string, ...ids: string[]) => checkText(text, only(...ids)).diagnostics;
const shown = (text: string, ...ids: string[]) => found(text, ...ids).map((d) => diagnosticMessage(d, 'zh-CN')).join('\n');

/** Doubled on purpose: AA, AABB, ABAB, 一X一X, and two words meeting on one character. */
const ACCEPTED = [
  '常常', '人人', '天天', '一一', '谢谢', '层层', '处处', '个个', '事事', '年年', '紧紧', '牢牢', '渐渐', '纷纷', '等等',
  '认认真真', '踏踏实实', '扎扎实实', '实实在在', '勤勤恳恳', '方方面面', '的的确确', '家家户户', '轰轰烈烈', '兢兢业业',
  '一步一步', '一点一点', '一个一个', '一年一年', '哈哈哈哈',
  '学生生活', '企业业务', '工作作风', '人民民主', '各项项目', '现在在', '为了了解', '受不了了', '不了了之', '目的的实现',
  '一是是否', '二是是非', '实事求是是', '但是是否', '把把关', '一把把', '从从容容', '着着实实', '构建共建共治共享', '推进联防联控',
];

test('repeated-word: every listed reduplication, doubled in a sentence, is not reported', () => {
  assert.ok(REDUPLICATIONS.size >= 40, 'the list is there');
  for (const word of REDUPLICATIONS) {
    const text = `遇到问题先${word}${word}，再作决定。\n`;
    assert.deepEqual(found(text, 'repeated-word'), [], `${word}${word}: ${shown(text, 'repeated-word')}`);
  }
});

test('repeated-word: reduplications and words that meet on one character are not reported', () => {
  for (const words of ACCEPTED) {
    const text = `我们${words}地开展工作。\n`;
    assert.deepEqual(found(text, 'repeated-word'), [], `${words}: ${shown(text, 'repeated-word')}`);
  }
});

test('repeated-word: each kind of slip is reported once and fixed to one copy', () => {
  const slips: [string, string][] = [
    ['二是是完善制度。', '二是完善制度。'],
    ['三是是是加强宣传。', '三是加强宣传。'],
    ['要在在全县推广。', '要在全县推广。'],
    ['落实在在每一项工作中。', '落实在每一项工作中。'],
    ['居民的的意见。', '居民的意见。'],
    ['学习了了文件。', '学习了文件。'],
    ['我们们联系群众。', '我们联系群众。'],
    ['全面全面加强党建。', '全面加强党建。'],
    ['进一步进一步排查隐患。', '进一步排查隐患。'],
    ['组织相关相关单位学习。', '组织相关单位学习。'],
    ['县农业局工作总结工作总结', '县农业局工作总结'],
  ];
  for (const [text, fixed] of slips) {
    const d = found(text, 'repeated-word');
    assert.equal(d.length, 1, `${text}: ${shown(text, 'repeated-word')}`);
    assert.equal(fixText(text, only('repeated-word')).text, fixed);
  }
});

test('repeated-word: a repeat inside code or a link destination is not reported', () => {
  assert.deepEqual(found('见 `全面全面` 与 [链接](https://example.com/在在) 。\n', 'repeated-word'), []);
});

test('missing-number: a blank with a marker is placeholder\'s alone; one without is missing-number\'s', () => {
  const text = '贷款余额达XX亿元，增长**%，新建__个活动室；存款余额亿元，增长%。\n';
  const d = found(text, 'missing-number', 'placeholder');
  assert.deepEqual(
    d.map((x) => `${x.rule}:${text.slice(x.range.start.offset, x.range.end.offset)}`),
    ['placeholder:XX', 'placeholder:**', 'placeholder:__', 'missing-number:余额亿元', 'missing-number:增长%'],
  );
});

test('missing-number: a lone 计 before a measure word is a blank (全年计家企业, 计人参加), not after a word that ends in 计; the message quotes the clause, not half a word', () => {
  assert.equal(shown('全年计家企业参与评选。\n', 'missing-number'), '缺少数字：「全年计」与「家」之间应有数字');
  assert.equal(shown('本次活动计人参加。\n', 'missing-number'), '缺少数字：「本次活动计」与「人」之间应有数字');
  for (const text of ['完成年度计划，计算方法不变。', '审计人员、设计人员、会计人员到岗。', '合计5家企业参与。', '预计个别乡镇推迟，不计个人得失。', '计件工资、计时工资另行核算。', '统计台账齐全，估计人数有限。']) {
    assert.equal(shown(`${text}\n`, 'missing-number'), '', text);
  }
  // The clause before the gap, not its last four characters (「款余额达」).
  assert.equal(shown('截至6月末，各项贷款余额达亿元。\n', 'missing-number'), '缺少数字：「各项贷款余额达」与「亿元」之间应有数字');
  // A long clause is quoted from a word start: after 的, at most 8 characters.
  assert.equal(shown('全县农村信用合作社的各项贷款余额达亿元。\n', 'missing-number'), '缺少数字：「各项贷款余额达」与「亿元」之间应有数字');
});
