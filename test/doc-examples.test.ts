// The examples in each rule page are tests, as remark-lint does with its readme: in the section
// “报告的例子”, every Markdown example is reported by the rule, and where lines carry a note
// `← …` exactly those lines are reported (a note saying 不再报告 / 不报告 marks a line that is
// not); in “不报告的例子” / “不报告的写法”, nothing is, nor in an example that follows a line
// “修复后：” (the fixed text). The notes are stripped before checking. A Word rule's examples
// (meta.input 'word') are ```xml blocks: paragraphs of a Word document, or a whole <fixture> (see
// word-fixture-harness.ts), checked as the .docx they make.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../server/src/engine/check.js';
import { RULES } from '../server/src/engine/rules/index.js';
import type { RuleSetting } from '../server/src/engine/types.js';
import { REPO_ROOT } from './fixture-harness.js';
import { diagnosticMessage } from '../server/src/engine/messages.js';
import { checkWordXml } from './word-fixture-harness.js';

interface Example {
  kind: 'reported' | 'accepted';
  /** Line in the page where the example's code starts. */
  pageLine: number;
  text: string;
  /** 1-based lines of the example expected to be reported; undefined: any line, at least one. */
  expected?: number[];
}

const NOTE = /[ \t\u3000]+←.*$/;

export function examplesOf(page: string, lang = 'markdown'): Example[] {
  const lines = page.split('\n');
  const out: Example[] = [];
  let section: Example['kind'] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^##\s/.test(l)) section = /^##\s+报告的例子/.test(l) ? 'reported' : /^##\s+不报告的(例子|写法)/.test(l) ? 'accepted' : undefined;
    if (!section || !new RegExp(`^\`\`\`${lang}\\s*$`).test(l)) continue;
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    const fixedText = before >= 0 && /^修复后[：:]/.test(lines[before]);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^```\s*$/.test(lines[j]); j++) body.push(lines[j]);
    const expected: number[] = [];
    let noted = false;
    const text = body
      .map((b, k) => {
        const note = NOTE.exec(b);
        if (note) {
          noted = true;
          if (!/不再报告|不报告/.test(note[0])) expected.push(k + 1);
        }
        return b.replace(NOTE, '');
      })
      .join('\n');
    const kind = fixedText ? 'accepted' : section;
    out.push({ kind, pageLine: i + 2, text: text + '\n', expected: kind === 'reported' && noted ? expected : undefined });
    i = j;
  }
  return out;
}

for (const rule of RULES) {
  test(`docs: the examples in ${rule.meta.docs} are what ${rule.meta.id} reports`, () => {
    const page = fs.readFileSync(path.join(REPO_ROOT, rule.meta.docs), 'utf8');
    const word = rule.meta.input === 'word';
    const examples = examplesOf(page, word ? 'xml' : 'markdown');
    assert.ok(examples.some((e) => e.kind === 'reported'), 'the page has reported examples');
    assert.ok(examples.some((e) => e.kind === 'accepted'), 'the page has examples that are not reported');
    const rules: Record<string, RuleSetting> = {};
    for (const r of RULES) rules[r.meta.id] = r === rule ? r.meta.defaultSeverity : 'off';
    for (const e of examples) {
      const diagnostics = word ? checkWordXml(e.text, { rules, structure: 'always' }).diagnostics : checkText(e.text, { rules, structure: 'always' }).diagnostics;
      const found = diagnostics.filter((d) => d.rule === rule.meta.id);
      const where = `${rule.meta.docs}:${e.pageLine}`;
      const shown = found.map((d) => `${d.range.start.line}: ${diagnosticMessage(d, 'zh-CN')}`).join('\n');
      if (e.kind === 'accepted') assert.equal(found.length, 0, `${where}: not reported, yet:\n${shown}`);
      else if (e.expected) assert.deepEqual([...new Set(found.map((d) => d.range.start.line))].sort((a, b) => a - b), e.expected, `${where}: reported lines\n${shown}`);
      else assert.ok(found.length > 0, `${where}: reported`);
    }
  });
}
