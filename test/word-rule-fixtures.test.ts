// The Word-only rules (meta.input 'word') on their fixtures, Word documents made from
// test/fixtures/word/*.xml (see word-fixture-harness.ts): exactly the expected findings, located
// by paragraph and column. And those rules say nothing on Markdown.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../server/src/engine/check.js';
import { diagnosticMessage } from '../server/src/engine/messages.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { FIXTURES, listFixtures, readFixture } from './fixture-harness.js';
import { checkWordXml, readWordFixture } from './word-fixture-harness.js';

const DIR = path.join(FIXTURES, 'word');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.xml')).sort();
const wordRules = RULES.filter((r) => r.meta.input === 'word');

test('every Word rule has a fixture and a negatives fixture', () => {
  assert.ok(wordRules.length >= 7);
  for (const r of wordRules) {
    assert.ok(files.includes(`${r.meta.id}.xml`), `${r.meta.id}.xml`);
    assert.ok(files.includes(`${r.meta.id}-negatives.xml`), `${r.meta.id}-negatives.xml`);
  }
});

for (const file of files) {
  const fx = readWordFixture(path.join(DIR, file));
  test(`word fixture ${fx.name}: finds exactly the expected diagnostics`, () => {
    const { diagnostics, places } = checkWordXml(fx.xml, { rules: fx.rules, type: fx.type });
    assert.deepEqual(places, fx.expected);
    if (fx.name.endsWith('-negatives')) assert.equal(fx.expected.length, 0, 'a negatives fixture expects nothing');
    else assert.ok(fx.expected.length > 0, 'a fixture expects findings');
    for (const d of diagnostics) assert.ok(diagnosticMessage(d, 'zh-CN').length > 0 && diagnosticMessage(d, 'en').length > 0);
  });
}

test('the Word rules find nothing in Markdown: every rule fixture, checked with every rule on', () => {
  for (const file of listFixtures(path.join(FIXTURES, 'rules'))) {
    const fx = readFixture(file);
    const found = checkText(fx.text, { structure: 'always' }).diagnostics.filter((d) => d.rule.startsWith('word-'));
    assert.deepEqual(found.map((d) => `${d.range.start.line}:${d.messageId}`), [], fx.name);
  }
});
