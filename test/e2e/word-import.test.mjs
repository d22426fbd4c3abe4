// Scenario (no code-server): Word documents made by a real word processor. LibreOffice (Debian's
// libreoffice-writer-nogui, installed by install.sh) converts two Flat ODT documents written here
// into .docx: one with a multi-level list style in Chinese numbering (一、 （一） 1.), a typed
// number in the middle of the automatic ones and a list that goes on from 一 to 二 and then starts
// at 四 (a gap); one with outline numbering on heading styles (the numbering comes through the
// paragraph style) and a typed （四） after （二）. `gongwen check` on each .docx finds the same
// numbering findings as on the Markdown a writer would type for the same text, findings on
// automatic numbers say so, the typed numbers among automatic ones are reported, and
// `gongwen import` writes that Markdown, whose check finds the same content findings again.
// Runs the built CLI from out/ (npm run build).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'gongwen.js');
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const missing = soffice.status !== 0 && 'LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui (test/e2e/install.sh installs it)';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';
const LABEL = '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="0cm" fo:margin-left="0cm"/></style:list-level-properties>';
const fodt = (styles, automatic, body) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">` +
  `<office:styles>${styles}</office:styles><office:automatic-styles>${automatic}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document>\n`;
const p = (t) => `<text:p>${t}</text:p>`;
const item = (t, inner = '', attrs = '') => `<text:list-item${attrs}>${p(t)}${inner}</text:list-item>`;

/** A list style with Chinese numbering, an automatic list, a typed 二、, the list going on, then restarting at 四 (the gap). */
const LIST = fodt(
  '',
  '<text:list-style style:name="L1">' +
    `<text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ...">${LABEL}</text:list-level-style-number>` +
    `<text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ...">${LABEL}</text:list-level-style-number>` +
    `<text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1">${LABEL}</text:list-level-style-number>` +
    '</text:list-style>',
  p('某县交通运输局2025年工作总结') +
    p('今年以来，我局围绕年度目标，统筹推进各项工作。') +
    '<text:list xml:id="list1" text:style-name="L1">' +
    item('主要工作', `<text:list>${item('农村公路提档升级。', `<text:list>${item('完成路面改造。')}${item('新增安保设施。')}</text:list>`)}${item('客运服务更加便捷。')}</text:list>`) +
    '</text:list>' +
    p('二、存在问题') +
    '<text:list text:continue-list="list1" text:style-name="L1">' +
    item('养护资金不足。') +
    item('下一步打算', '', ' text:start-value="4"') +
    '</text:list>',
);
/** The same text as a writer types it in Markdown. */
const LIST_MD = [
  '某县交通运输局2025年工作总结', '今年以来，我局围绕年度目标，统筹推进各项工作。', '一、主要工作', '（一）农村公路提档升级。', '1.完成路面改造。', '2.新增安保设施。',
  '（二）客运服务更加便捷。', '二、存在问题', '二、养护资金不足。', '四、下一步打算',
].join('\n\n') + '\n';

/** Outline numbering on Heading 1 and Heading 2, with a typed （四） after （二）. */
const OUTLINE = fodt(
  '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>' +
    '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>' +
    '<text:outline-style style:name="Outline">' +
    `<text:outline-level-style text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ...">${LABEL}</text:outline-level-style>` +
    `<text:outline-level-style text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ...">${LABEL}</text:outline-level-style>` +
    '</text:outline-style>',
  '',
  p('某县统计局2025年工作总结') +
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">统计调查</text:h>' +
    '<text:h text:style-name="Heading_20_2" text:outline-level="2">常规统计</text:h>' +
    p('按期完成各项报表。') +
    '<text:h text:style-name="Heading_20_2" text:outline-level="2">专项调查</text:h>' +
    p('（四）数据质量核查。') +
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">统计服务</text:h>' +
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">存在问题和下一步打算</text:h>',
);
const OUTLINE_MD = ['某县统计局2025年工作总结', '一、统计调查', '（一）常规统计', '按期完成各项报表。', '（二）专项调查', '（四）数据质量核查。', '二、统计服务', '三、存在问题和下一步打算'].join('\n\n') + '\n';

function gongwen(cwd, ...args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function findings(cwd, file) {
  const r = gongwen(cwd, 'check', '--format', 'json', file);
  assert.ok(r.code === 0 || r.code === 1, `gongwen check ${file}: exit ${r.code}\n${r.stderr}`);
  return JSON.parse(r.stdout).files[0].diagnostics;
}

const NUMBERING = new Set(['numbering-sequence', 'numbering-format']);
/** A numbering finding as a reader compares them: rule, message id, message (without the automatic-numbering note). */
const numberingOf = (list) => list.filter((d) => NUMBERING.has(d.rule)).map((d) => `${d.rule} ${d.messageId} ${d.message.replace(/（自动编号）$/, '')}`);
const contentOf = (list) => list.filter((d) => !d.rule.startsWith('word-')).map((d) => `${d.rule} ${d.messageId}`);

test('LibreOffice-made .docx files: the numbering findings of the equivalent Markdown, automatic numbers marked, typed ones among them reported; import writes that Markdown', { skip: missing }, () => {
  assert.ok(existsSync(path.join(ROOT, 'out', 'server', 'src', 'cli', 'main.js')), 'the CLI is built (npm run build)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongwen-e2e-word-'));
  try {
    writeFileSync(path.join(dir, 'list.fodt'), LIST);
    writeFileSync(path.join(dir, 'outline.fodt'), OUTLINE);
    writeFileSync(path.join(dir, 'list-typed.md'), LIST_MD);
    writeFileSync(path.join(dir, 'outline-typed.md'), OUTLINE_MD);
    // A profile of its own, so that another LibreOffice running on the machine does not take the job.
    const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
    const converted = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx', '--outdir', dir, 'list.fodt', 'outline.fodt'], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
    assert.equal(converted.status, 0, `soffice: ${converted.stderr}`);
    for (const name of ['list', 'outline']) assert.ok(existsSync(path.join(dir, `${name}.docx`)), `LibreOffice wrote ${name}.docx\n${converted.stdout}${converted.stderr}`);

    // The list: the automatic 二、 after the typed 二、 repeats it; the list then restarts at 四.
    const list = findings(dir, 'list.docx');
    assert.deepEqual(numberingOf(list), numberingOf(findings(dir, 'list-typed.md')));
    const repeat = list.find((d) => d.messageId === 'numbering-sequence/repeat');
    assert.ok(repeat, JSON.stringify(list, null, 1));
    assert.deepEqual([repeat.paragraph, repeat.column, repeat.automaticNumbering], [9, 1, true]);
    assert.match(repeat.message, /（自动编号）$/);
    const mixed = list.filter((d) => d.rule === 'word-numbering-mixed');
    assert.deepEqual(mixed.map((d) => [d.messageId, d.paragraph]), [['word-numbering-mixed/typed', 8]]);

    // The outline: numbering from the heading styles; the typed （四） skips 三.
    const outline = findings(dir, 'outline.docx');
    assert.deepEqual(numberingOf(outline), numberingOf(findings(dir, 'outline-typed.md')));
    const gap = outline.find((d) => d.messageId === 'numbering-sequence/gap');
    assert.ok(gap, JSON.stringify(outline, null, 1));
    assert.deepEqual([gap.paragraph, gap.automaticNumbering], [6, undefined], 'the typed （四） is not automatic');
    assert.deepEqual(outline.filter((d) => d.rule === 'word-numbering-mixed').map((d) => d.paragraph), [6]);

    // Import: the Markdown a writer would type (headings from the heading styles), and the same content findings.
    for (const name of ['list', 'outline']) {
      const r = gongwen(dir, 'import', `${name}.docx`);
      assert.equal(r.code, 0, r.stderr);
      const md = readFileSync(path.join(dir, `${name}.md`), 'utf8');
      const typed = readFileSync(path.join(dir, `${name}-typed.md`), 'utf8');
      assert.equal(md.replace(/^#+ /gm, ''), typed, `${name}.md reads as the typed Markdown`);
      assert.deepEqual(contentOf(findings(dir, `${name}.md`)), contentOf(findings(dir, `${name}.docx`)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
