// The Word export as a reader sees it (issue 14, "Render"): drafts exported with the built CLI
// (out/, bin/gongwen.js export), converted to PDF by LibreOffice (soffice --headless, Debian's
// libreoffice-writer-nogui), read back with pdftotext -layout and -bbox (poppler-utils):
//   - a full page holds 22 lines, a full line of body text 28 characters;
//   - page numbers read — 1 — / — 2 —, odd pages at the right and even pages at the left, one
//     4号 character in from the 版心's edge;
//   - pages turned into PNG (pdftoppm) in test/e2e/screenshots/export-page-N.png, to look at
//     (docs/images/export-page-1.png and -2.png are copies of these).
// No code-server: it needs only the build and the two Debian packages (install.sh installs them);
// without them it is skipped, saying so. Fonts: test/e2e/fonts/fonts.conf maps 仿宋/楷体/黑体/宋体 to
// free faces of the same kind (Debian has none of the Windows ones); the grid does not depend on them.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const E2E = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(E2E, '..', '..');
const SHOTS = path.join(E2E, 'screenshots');
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['soffice', 'pdftotext', 'pdftoppm'].filter((c) => !has(c));
const skip = missing.length > 0 ? `not installed: ${missing.join(', ')} (bash test/e2e/install.sh installs libreoffice-writer-nogui and poppler-utils)` : !fs.existsSync(path.join(ROOT, 'out/server/src/cli/main.js')) ? 'no build: run npm run build' : false;

const env = { ...process.env, FONTCONFIG_FILE: path.join(E2E, 'fonts', 'fonts.conf') };

function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000, env, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Exports `fixture` and renders it: the PDF's path and the page count. */
function render(fixture, dir, extra = []) {
  const draft = path.join(dir, path.basename(fixture));
  fs.copyFileSync(path.join(E2E, 'fixtures', fixture), draft);
  const docx = draft.replace(/\.md$/, '.docx');
  sh(process.execPath, [path.join(ROOT, 'bin/gongwen.js'), 'export', draft, '-o', docx, ...extra]);
  // A profile of its own: another soffice running on the machine does not take the conversion over.
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  sh('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx]);
  const pdf = docx.replace(/\.docx$/, '.pdf');
  assert.ok(fs.existsSync(pdf), `LibreOffice made ${pdf}`);
  const pages = Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', [pdf]))[1]);
  return { pdf, pages };
}

const pageText = (pdf, n) => sh('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-']).replace(/\f/g, '');

/** Words of a page with their boxes (points), from pdftotext -bbox. */
function words(pdf, n) {
  const html = sh('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), pdf, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] }));
}

const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;

/** The rows of text inside the 版心 (above its bottom edge, 262 mm from the top) and how many grid lines they span. */
function gridSpan(pdf, n, linesPerPage = 22) {
  // The grid's pitch, as the export sets it: the 版心's height over the lines (w:docGrid w:linePitch).
  const pitch = Math.floor(12756 / linesPerPage) / 20;
  const bottomEdge = ((2098 + 12756) / 20);
  const ys = [...new Set(words(pdf, n).filter((w) => w.y1 <= bottomEdge + 2).map((w) => Math.round(w.y1 * 2) / 2))].sort((a, b) => a - b);
  return { rows: ys.length, pitch, lines: Math.round((ys.at(-1) - ys[0]) / pitch) + 1 };
}

test('the exported report renders 22 lines a page and 28 characters a line, with page numbers — n — outside', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-render-'));
  try {
    const { pdf, pages } = render('export-render.md', dir);
    assert.ok(pages >= 3, `three pages or more (${pages})`);
    const report = [];
    for (let n = 1; n <= pages; n++) {
      const lines = pageText(pdf, n).split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
      const number = lines.at(-1);
      const m = PAGE_NUMBER.exec(number);
      assert.ok(m, `page ${n} ends with its number — ${n} —: "${number}"`);
      assert.equal(Number(m[1]), n);
      const text = lines.slice(0, -1);
      report.push({ page: n, textRows: text.length, gridLines: gridSpan(pdf, n).lines, number: number.replace(/\s+/g, ' ') });
      if (n < pages) {
        // A full page (every page but the last) spans 22 lines of the grid, from its first row to
        // its last: page 1 has the title and the blank line under it; page 2 is all body text,
        // 22 rows of text.
        const span = gridSpan(pdf, n);
        assert.equal(span.lines, 22, `page ${n} spans 22 lines (${span.rows} rows of text, pitch ${span.pitch.toFixed(2)} pt):\n${text.join('\n')}`);
        if (n === 2) assert.equal(text.length, 22, `page 2 has 22 lines of text:\n${text.join('\n')}`);
      }
      // Position of the number: odd pages right, even pages left, one 4号 character (14 pt) in from the 版心.
      const ws = words(pdf, n);
      const bottom = Math.max(...ws.map((w) => w.y0));
      const row = ws.filter((w) => Math.abs(w.y0 - bottom) < 1);
      const left = Math.min(...row.map((w) => w.x0));
      const right = Math.max(...row.map((w) => w.x1));
      const textLeft = 1587 / 20;
      const textRight = (1587 + 8844) / 20;
      if (n % 2 === 1) assert.ok(Math.abs(right - (textRight - 14)) < 3, `page ${n}: the number ends ${right.toFixed(1)} pt, one character inside the right edge ${textRight}`);
      else assert.ok(Math.abs(left - (textLeft + 14)) < 3, `page ${n}: the number starts ${left.toFixed(1)} pt, one character inside the left edge ${textLeft}`);
    }
    // Full lines of body text on page 2 (entirely body text): a line that neither opens a paragraph
    // (indented two characters) nor ends one (the next line does not open a paragraph).
    const raw = pageText(pdf, 2).split('\n').filter((l) => l.trim().length > 0 && !PAGE_NUMBER.test(l.trim()));
    const opens = (l) => /^\s/.test(l);
    // A closing mark may hang past the line's end (punctuation overflow, on by default in Word and
    // LibreOffice): it takes no character cell.
    const cells = (l) => [...l.replace(/\s/g, '').replace(/(?<=^.{28})[，。；：、！？”’）》]$/u, '')].length;
    const lengths = raw.map(cells);
    const inner = raw.filter((l, i) => !opens(l) && i + 1 < raw.length && !opens(raw[i + 1])).map(cells);
    assert.ok(inner.length >= 5, `page 2 has full lines: ${lengths.join(' ')}`);
    assert.deepEqual([...new Set(inner)], [28], `every full line has 28 characters: ${lengths.join(' ')}`);
    assert.ok(Math.max(...lengths) <= 28);
    console.log(`# rendered: ${JSON.stringify(report)}; page 2 line lengths: ${lengths.join(' ')}`);
    // Pictures to look at.
    fs.mkdirSync(SHOTS, { recursive: true });
    sh('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdf, path.join(SHOTS, 'export-page')]);
    for (const f of fs.readdirSync(SHOTS).filter((f) => /^export-page-0*\d+\.png$/.test(f))) {
      fs.renameSync(path.join(SHOTS, f), path.join(SHOTS, f.replace(/-0+(\d)/, '-$1')));
    }
    assert.ok(fs.existsSync(path.join(SHOTS, 'export-page-1.png')) && fs.existsSync(path.join(SHOTS, 'export-page-2.png')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a preset of 20 lines and page numbers centred renders so', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-render-'));
  try {
    fs.writeFileSync(path.join(dir, '.gongwen.jsonc'), '{ "export": { "presets": { "二十行": { "linesPerPage": 20, "pageNumber": { "position": "center", "format": "-{n}-" } } } } }\n');
    const { pdf, pages } = render('export-render.md', dir, ['--preset', '二十行']);
    assert.match(pageText(pdf, 1).trim().split('\n').at(-1).trim(), /^-\s*1\s*-$/);
    const lines = pageText(pdf, 2).split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
    assert.match(lines.at(-1), /^-\s*2\s*-$/);
    assert.equal(lines.length - 1, 20, lines.join('\n'));
    assert.equal(gridSpan(pdf, 1, 20).lines, 20);
    const ws = words(pdf, 2);
    const bottom = Math.max(...ws.map((w) => w.y0));
    const row = ws.filter((w) => Math.abs(w.y0 - bottom) < 1);
    const mid = (Math.min(...row.map((w) => w.x0)) + Math.max(...row.map((w) => w.x1))) / 2;
    assert.ok(Math.abs(mid - (1587 + 8844 / 2) / 20) < 3, `centred: ${mid}`);
    assert.ok(pages >= 3);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
