// The writing rules (copy-residue, punctuation-width, paired-punctuation, punctuation-form,
// date-format) on the three real drafts of the corpus. Expectations come from the corpus
// notes: every finding listed here was checked by hand against the draft.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, fixText } from '../server/src/engine/check.js';
import type { RuleSetting } from '../server/src/engine/config.js';
import { RULES } from '../server/src/engine/rules/index.js';
import type { Diagnostic } from '../server/src/engine/types.js';
import { FIXTURES } from './fixture-harness.js';

const read = (name: string) => fs.readFileSync(path.join(FIXTURES, 'corpus', name), 'utf8');
const WRITING = ['copy-residue', 'punctuation-width', 'paired-punctuation', 'punctuation-form', 'date-format'];

function only(...ids: string[]): Record<string, RuleSetting> {
  return Object.fromEntries(RULES.map((r) => [r.meta.id, ids.includes(r.meta.id) ? r.meta.defaultSeverity : 'off']));
}

/** `line:rule:text`; for copy-residue `line:rule:from-to`, the lines its fix deletes
 * (`to` is the line where the text after the deletion starts). */
function findings(text: string, diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => WRITING.includes(d.rule))
    .map((d) => {
      const { start, end } = d.range;
      if (d.rule === 'copy-residue') {
        const edit = d.fix!.edits[0].range;
        return `${start.line}:${d.rule}:${edit.start.line}-${edit.end.line}`;
      }
      return `${start.line}:${d.rule}:${text.slice(start.offset, end.offset)}`;
    });
}

test('000: the watermark line at the top and the one ― used as a dash; nothing else', () => {
  const text = read('000_5ec81dc1912d0272.txt');
  const { diagnostics } = checkText(text);
  assert.deepEqual(findings(text, diagnostics), ['1:copy-residue:1-2', '11:punctuation-form:―']);
  const fixed = fixText(text, { rules: only(...WRITING) }).text;
  const lines = text.split('\n');
  assert.equal(fixed.split('\n')[0], lines[1], 'the document starts with its title');
  assert.ok(!fixed.includes('―') && fixed.split('\n')[9].includes('——'));
  assert.equal(fixed.length, text.length - lines[0].length - 1 + 1, 'only the watermark line goes; ― becomes ——');
});

test('001: ad lines at the top, an ad line under the title, the ad block at the end, one half-width comma; nothing else', () => {
  const text = read('001_17a6a86398cf71ce.txt');
  const { diagnostics } = checkText(text);
  // The top block (lines 1–3), the ad line under the title (6), and from the blank line 36 to
  // the end of the file (the ad block 37–44 and the blank lines after it).
  assert.deepEqual(findings(text, diagnostics), ['1:copy-residue:1-4', '6:copy-residue:6-7', '23:punctuation-width:,', '37:copy-residue:36-52']);
  const comma = diagnostics.find((d) => d.rule === 'punctuation-width')!;
  assert.equal(comma.fix?.edits[0].text, '，');
});

test('001: copy-residue’s fix removes the top lines and the end block, keeping the title and the body', () => {
  const text = read('001_17a6a86398cf71ce.txt');
  const fixed = fixText(text, { rules: only('copy-residue') });
  const lines = text.split('\n');
  assert.equal(lines[3], 'X市民政局2020年党建工作总结');
  // Title, the blank line after it, then the body (lines 7–35); the file ends with the body's last line break.
  const expected = [lines[3], lines[4], ...lines.slice(6, 35)].join('\n') + '\n';
  assert.equal(fixed.text, expected);
  assert.equal(fixed.result.model.title?.text, lines[3]);
  assert.ok(!/QQ|会员|仅供学习|完整版/.test(fixed.text));
  assert.deepEqual(fixed.result.diagnostics, [], 'no residue left');
});

test('003: book titles joined with - and -- where —— belongs; nothing else', () => {
  const text = read('003_56c7eb5890fe722a.txt');
  const { diagnostics } = checkText(text);
  assert.deepEqual(findings(text, diagnostics), ['5:punctuation-form:-', '5:punctuation-form:--']);
  const fixed = fixText(text, { rules: only(...WRITING) }).text;
  const before = text.split('\n')[4];
  const after = fixed.split('\n')[4];
  assert.equal(after.split('——').length - before.split('——').length, 2);
  assert.ok(!/[^-]-[^-]|--/.test(after.replace(/——/g, '')), 'no hyphen left as a dash');
});

test('the writing rules find the same on the corpus whether or not the other rules run', () => {
  for (const name of ['000_5ec81dc1912d0272.txt', '001_17a6a86398cf71ce.txt', '003_56c7eb5890fe722a.txt']) {
    const text = read(name);
    assert.deepEqual(findings(text, checkText(text, { rules: only(...WRITING) }).diagnostics), findings(text, checkText(text).diagnostics), name);
  }
});
