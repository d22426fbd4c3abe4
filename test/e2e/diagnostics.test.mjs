// Scenario: a draft with defects lists gongwen's diagnostics in the Problems panel, with the rule
// id as the code and the message in the client's language (zh-cn, then English).
import assert from 'node:assert/strict';
import { fixturePosition, isZh, scenario } from './harness.mjs';

const skipped = fixturePosition('draft.md', /四、/);

function check(rows, zh) {
  const numbering = rows.find((r) => r.includes('numbering-sequence'));
  assert.ok(numbering, `a numbering-sequence row in ${JSON.stringify(rows)}`);
  assert.match(numbering, /gongwen/, 'source is gongwen');
  assert.match(numbering, zh ? /跳过了/ : /skips/i);
  assert.match(numbering, new RegExp(`\\b${skipped.line}\\b`), `the skipped number's line ${skipped.line}`);
  const placeholders = rows.filter((r) => /\bplaceholder\b/.test(r) && r.includes('gongwen'));
  assert.ok(placeholders.length >= 2, `placeholder rows (XX县, X月X日) in ${JSON.stringify(rows)}`);
  for (const r of placeholders) assert.match(r, zh ? /未填写的占位符/ : /placeholder/i);
}

async function run(vs, zh) {
  await vs.openFile('draft.md');
  const rows = await vs.waitForProblems('numbering-sequence and placeholder diagnostics from gongwen', (rows) =>
    rows.some((r) => r.includes('numbering-sequence')) && rows.filter((r) => /\bplaceholder\b/.test(r)).length >= 2,
  );
  check(rows, zh);
  // and squiggles in the editor
  const squiggles = vs.editor().locator('[class*="squiggly-"]');
  await squiggles.first().waitFor({ state: 'attached', timeout: 15_000 });
}

scenario('diagnostics', async (vs) => {
  await run(vs, isZh());
});

scenario('diagnostics-en', { locale: 'en' }, async (vs) => {
  await run(vs, false);
});
