// Scenario (issue 13, item 2): quiet while typing. Typing 「，X月底前完成复查验收」 at the end of a
// line of the draft, a character every ~0.3 s, the line gets no placeholder finding while the
// typing goes on (the default gongwen.quietWhileTyping: placeholder); once the typing pauses,
// the finding shows (Problems view and squiggle). Then 「，XX」 typed on another line and the
// cursor moved off it: its finding shows.
import assert from 'node:assert/strict';
import { fixturePosition, scenario, waitFor } from './harness.mjs';

const first = fixturePosition('draft.md', /粮食生产稳中有增/);
const second = fixturePosition('draft.md', /农民增收渠道不宽/);

/** Problems rows of placeholder findings on a 1-based line. */
function placeholderRowsOn(rows, line) {
  return rows.filter((r) => /\bplaceholder\b/.test(r) && new RegExp(`\\[(?:Ln|行) ${line}, `).test(r));
}

scenario('quiet-typing', async (vs) => {
  await vs.openFile('draft.md');
  await vs.waitForProblems('the draft\'s placeholder findings', (rows) => rows.filter((r) => /\bplaceholder\b/.test(r)).length >= 2);
  assert.deepEqual(placeholderRowsOn(await vs.problemRows(), first.line), [], 'none on the line yet');

  await vs.goToLine(first.line, first.text.length + 1);
  let seen = [];
  for (const ch of '，X月底前完成复查验收') {
    await vs.page.keyboard.type(ch);
    await new Promise((r) => setTimeout(r, 300));
    seen = placeholderRowsOn(await vs.problemRows(), first.line);
    assert.deepEqual(seen, [], `no placeholder finding on line ${first.line} while it is typed (after 「${ch}」)`);
  }
  await vs.screenshot('quiet-typing.typing');
  const text = (await vs.editorLines())[first.line - 1];
  assert.ok(text.endsWith('，X月底前完成复查验收'), `typed: ${text}`);

  seen = await waitFor(`the placeholder finding on line ${first.line} once the typing pauses`, async () => {
    const rows = placeholderRowsOn(await vs.problemRows(), first.line);
    return rows.length > 0 && rows;
  }, { timeout: 15_000 });
  assert.match(seen[0], /未填写的占位符|placeholder/);
  await vs.editor().locator('[class*="squiggly-error"]').first().waitFor({ state: 'attached', timeout: 10_000 });
  await vs.screenshot('quiet-typing.paused');

  // Another line: type, then leave the line.
  await vs.goToLine(second.line, second.text.length + 1);
  await vs.page.keyboard.type('，XX');
  await vs.page.keyboard.press('Escape'); // a suggestion may be open (XX matches the prefix xybdx)
  await vs.page.keyboard.press('ArrowDown');
  await waitFor(`the placeholder finding on line ${second.line} once the cursor left it`, async () => placeholderRowsOn(await vs.problemRows(), second.line).length > 0, { timeout: 15_000 });
});
