// placeholder: what the message asks for on the blank forms real drafts use (lowercase x,
// underscores, # runs, XX before a space, × in a document number, ** pairs around a number).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../server/src/engine/check.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { diagnosticMessage } from '../server/src/engine/messages.js';

const rules = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.id === 'placeholder' ? 'error' : 'off'] as const));

/** `blank→what the message asks for`, in the order found. */
function asked(line: string): string[] {
  return checkText(line + '\n', { rules }).diagnostics.map((d) => {
    const written = line.slice(d.range.start.offset, d.range.end.offset);
    const m = /此处应填写(.+)$/.exec(diagnosticMessage(d, 'zh-CN'));
    return `${written}→${m?.[1]}`;
  });
}

test('placeholder: the message names what belongs in each new blank form', () => {
  assert.deepEqual(asked('20xx年x月x日'), ['xx→年份', 'x→月份', 'x→日期']);
  assert.deepEqual(asked('由xxx主任带队'), ['xxx→人名']);
  assert.deepEqual(asked('提高x.x个百分点'), ['x→数字', 'x→数字'], 'x.x is one number: both halves ask for it');
  assert.deepEqual(asked('x-x月'), ['x→月份', 'x→月份']);
  assert.deepEqual(asked('资金__万元，共_家'), ['__→数字', '_→数字']);
  assert.deepEqual(asked('在##社区'), ['##→名称（地名或单位名）']);
  assert.deepEqual(asked('XX 公司 XX 分公司'), ['XX→名称（地名或单位名）', 'XX→名称（地名或单位名）']);
  assert.deepEqual(asked('宣讲**场'), ['**→数字']);
});

test('placeholder: a blank inside a document number asks for the number, not a date', () => {
  assert.deepEqual(asked('（x发〔20××〕5号）'), ['x→文号（机关代字、年份或序号）', '××→文号（机关代字、年份或序号）']);
  assert.deepEqual(asked('〔2025〕xx号'), ['xx→文号（机关代字、年份或序号）']);
  // Outside a document number, 20×× before 年 is a year.
  assert.deepEqual(asked('20××年'), ['××→年份']);
  const en = checkText('（x发〔20××〕5号）\n', { rules }).diagnostics.map((d) => diagnosticMessage(d, 'en'));
  assert.ok(en.every((m) => m.includes('document number')), en.join(' | '));
});

test('placeholder: a bold between Chinese words is formatting unless a measure word or a clause break shows a blank', () => {
  assert.deepEqual(asked('做到**三个到位**，成效明显'), []);
  assert.deepEqual(asked('**重点任务**是完成改造'), []);
  assert.equal(asked('开展宣讲**场，覆盖群众**余人').length, 2);
  assert.equal(asked('开展**员活动：组织各类**员活动').length, 2);
});

test('placeholder: a run of x beside a ** blank is a blank too; x**2 stays a power', () => {
  const written = (line: string) => asked(line).map((a) => a.split('→')[0]);
  assert.deepEqual(written('在xxx**县委的领导下'), ['xxx', '**']);
  assert.deepEqual(written('xxx**区**管理局'), ['xxx', '**', '**']);
  assert.deepEqual(asked('面积按 x**2 估算'), []);
  assert.deepEqual(asked('公式 2x**3 中'), []);
});
