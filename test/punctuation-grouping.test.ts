// punctuation-width groups its findings: one per line, and one for a document written mostly
// with half-width marks (as pasted from sites that store punctuation half-width).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, fixText } from '../server/src/engine/check.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { diagnosticMessage } from '../server/src/engine/messages.js';

const rules = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.id === 'punctuation-width' ? 'warning' : 'off'] as const));
const width = (text: string) => checkText(text, { rules }).diagnostics;

test('punctuation-width: a line with several half-width marks gets one finding that fixes them all', () => {
  const text = '# 区教育局2025年工作总结\n\n全年培训教师,共四期;合格率达到95%,成效明显。\n\n下一步，我们将继续做好培训。\n';
  const found = width(text);
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start.line, 3);
  assert.equal(found[0].fix?.edits.length, 3);
  assert.match(diagnosticMessage(found[0], 'zh-CN'), /3 处半角标点/);
  assert.equal(fixText(text, { rules }).text, '# 区教育局2025年工作总结\n\n全年培训教师，共四期；合格率达到95%，成效明显。\n\n下一步，我们将继续做好培训。\n');
});

test('punctuation-width: a document written mostly half-width gets one finding with a fix for every mark', () => {
  const body = Array.from({ length: 12 }, (_, i) => `第${i + 1}项工作,按计划推进,已经完成。`).join('\n\n');
  const text = `# 镇政府2025年工作总结\n\n${body}\n`;
  const found = width(text);
  assert.equal(found.length, 1, found.map((d) => diagnosticMessage(d, 'zh-CN')).join('\n'));
  assert.equal(found[0].range.start.line, 1, 'reported on the title');
  assert.equal(found[0].fix?.edits.length, 24);
  const fixed = fixText(text, { rules }).text;
  assert.ok(!fixed.includes(','));
  assert.equal((fixed.match(/，/g) ?? []).length, 24);
});

test('punctuation-width: where most marks are full-width, the half-width ones are reported line by line', () => {
  const full = Array.from({ length: 30 }, (_, i) => `第${i + 1}项工作，按计划推进，已经完成。`).join('\n\n');
  const half = Array.from({ length: 12 }, (_, i) => `补充第${i + 1}项,按计划推进,已经完成。`).join('\n\n');
  const found = width(`# 镇政府2025年工作总结\n\n${full}\n\n${half}\n`);
  assert.equal(found.length, 12);
  assert.ok(found.every((d) => d.fix?.edits.length === 2));
});
