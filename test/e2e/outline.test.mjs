// Scenario: the Outline view of draft.md shows the numbered sections 「一、」「二、」「四、」 with their
// 「（一）」「（二）」 items nested under them (the items are paragraphs, not Markdown headings, so only
// gongwen's outline has them).
import assert from 'node:assert/strict';
import { scenario, waitFor } from './harness.mjs';

scenario('outline', async (vs) => {
  await vs.openFile('draft.md');
  let rows = [];
  await waitFor('the Outline view to show 「一、…」 with 「（一）…」 nested under it', async () => {
    rows = await vs.showOutline();
    const top = rows.findIndex((r) => r.label.startsWith('一、'));
    if (top < 0) return false;
    const next = rows.findIndex((r, i) => i > top && r.level <= rows[top].level);
    const children = rows.slice(top + 1, next < 0 ? undefined : next);
    return children.some((r) => r.label.startsWith('（一）') && r.level === rows[top].level + 1);
  }, { timeout: 60_000, interval: 1_000 }).catch((e) => {
    throw new Error(`${e.message}; outline rows: ${JSON.stringify(rows)}`);
  });
  const level = rows.find((r) => r.label.startsWith('一、')).level;
  for (const n of ['二、', '四、']) {
    assert.ok(rows.some((r) => r.label.startsWith(n) && r.level === level), `「${n}」 beside 「一、」 in ${JSON.stringify(rows)}`);
  }
  assert.ok(rows.filter((r) => /^（[一二]）/.test(r.label) && r.level === level + 1).length >= 4, `the （一）（二） items under each section in ${JSON.stringify(rows)}`);
});
