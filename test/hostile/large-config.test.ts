// Issue 11, item 5: a configuration nested 8,000 deep is one configuration problem with its path
// and position, and the defaults are used; an allow list of 150,000 words does not overflow the
// stack. Neither turns the Markdown file into an error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check.js';
import { parseConfigText } from '../../server/src/engine/config.js';
import { renderMessage } from '../../server/src/engine/messages.js';
import { RULES_BY_ID } from '../../server/src/engine/rules/index.js';

const parseConfig = (text: string, file?: string) => parseConfigText(text, RULES_BY_ID, file);

const draft = '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n';

test('a configuration nested 8,000 deep is a problem of that file, and the defaults apply', { timeout: 20_000 }, () => {
  const text = '{"types": ' + '{"a":'.repeat(8000) + '1' + '}'.repeat(8000) + '}';
  const { config, problems } = parseConfig(text, '/work/x/.gongwen.jsonc');
  assert.deepEqual(config, {});
  assert.equal(problems.length, 1);
  assert.equal(problems[0].path, '/work/x/.gongwen.jsonc');
  assert.equal(problems[0].line, 1);
  assert.match(renderMessage(problems[0].message, 'en'), /nested deeper than 64/);
  // Nesting inside strings and comments does not count.
  assert.deepEqual(parseConfig('// {{{{{{{{\n{"type": "工作总结", "$schema": "' + '['.repeat(100) + '"}').problems, []);
});

test('an allow list of 150,000 words is used without overflowing the stack', { timeout: 20_000 }, () => {
  const allow = Array.from({ length: 150_000 }, (_, i) => `词${i}`);
  const r = checkText(draft, { config: [{ placeholders: { allow } }], rules: { 'copy-residue': ['warning', { allow }] } });
  assert.deepEqual(r.failures, []);
  assert.deepEqual(r.problems, []);
  assert.ok(r.diagnostics.some((d) => d.rule === 'numbering-sequence'));
});
