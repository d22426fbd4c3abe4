// `npm run bench`: speed and size figures for the engine, the language server and the CLI.
// Prints a table and writes it as JSON under bench/results/ (git-ignored). Each figure is a
// median of several runs. Targets (issue 5) are printed beside the figures; they are not
// asserted here — tests never time anything.
//
//   npm run bench                 # everything
//   npm run bench -- engine       # one section: engine | markdownlint | rules | lsp | memory | cli | process | fix | adversarial | import | export

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { checkText, fixText } = await import(pathToFileURL(path.join(ROOT, 'out/server/src/engine/check.js')).href);
// The engine's own parser (remark-parse with the same extensions), so that "parse alone" is
// exactly the parse inside the whole analysis.
const { markdownProcessor: parser, parseMarkdown } = await import(pathToFileURL(path.join(ROOT, 'out/server/src/engine/model/markdown.js')).href);

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (section) => only.length === 0 || only.includes(section);

const rows = [];
function row(section, what, value, unit, target, met) {
  rows.push({ section, what, value: Number(value.toFixed(value < 10 ? 2 : 1)), unit, target: target ?? '', met: met === undefined ? '' : met ? 'yes' : 'NO' });
  console.log(`${section.padEnd(12)} ${what.padEnd(46)} ${String(rows.at(-1).value).padStart(10)} ${unit.padEnd(6)} ${target ?? ''}${met === undefined ? '' : met ? '  ✓' : '  ✗'}`);
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Median milliseconds of `runs` calls, after warm-up calls (at least 3, and at least a quarter
 * of a second in all) so that the code is compiled before it is timed. */
function time(fn, runs) {
  const warm = performance.now();
  for (let i = 0; i < 3 || (performance.now() - warm < 250 && i < 200); i++) fn();
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

/** A report of about `size` characters, built by repeating the corpus fixtures (real drafts,
 * test/fixtures/corpus): the density of findings of real text, not of the rule fixtures. */
function reportOfSize(size) {
  const dirs = [path.join(ROOT, 'test/fixtures/corpus')];
  const parts = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => !f.endsWith('.fixed.md')).sort().map((f) => fs.readFileSync(path.join(d, f), 'utf8')));
  let text = '';
  for (let i = 0; text.length < size; i++) text += parts[i % parts.length] + '\n\n';
  return text.slice(0, size);
}

const SIZES = [10_000, 100_000, 1_000_000];
const RUNS = { 10_000: 15, 100_000: 7, 1_000_000: 3 };
const results = { node: process.version, cpus: os.cpus().length, date: new Date().toISOString(), rows };

if (want('engine') || want('markdownlint')) {
  let lint;
  if (want('markdownlint')) lint = (await import('markdownlint/sync')).lint;
  for (const size of SIZES) {
    const text = reportOfSize(size);
    const label = `${size / 1000}k chars`;
    const parse = time(() => parser.parse(text), RUNS[size]);
    const blocks = time(() => parseMarkdown(text), RUNS[size]);
    const whole = time(() => checkText(text), RUNS[size]);
    if (want('engine')) {
      row('engine', `remark-parse alone, whole text, ${label}`, parse, 'ms');
      // Blocks without Markdown syntax are not parsed (they yield no facts); the rest are.
      row('engine', `gongwen's block-wise parse, ${label}`, blocks, 'ms');
      row('engine', `whole analysis (parse + model + rules), ${label}`, whole, 'ms');
      row('engine', `whole / remark-parse, ${label}`, whole / parse, '×', '≤ 1.3×', whole / parse <= 1.3);
      // What the analysis would cost if every block went through the parser.
      row('engine', `(remark-parse + model + rules) / remark-parse, ${label}`, (parse + whole - blocks) / parse, '×', '≤ 1.3×', (parse + whole - blocks) / parse <= 1.3);
    }
    if (lint) {
      const ml = time(() => lint({ strings: { doc: text } }), RUNS[size]);
      row('markdownlint', `markdownlint (default rules), ${label}`, ml, 'ms', 'gongwen faster', whole < ml);
    }
  }
}

/** Starts the language server over stdio with a minimal JSON-RPC client (pull diagnostics, or
 * push with `{ pull: false }`: `published(uri, version)` resolves when that version is published);
 * `positionEncodings`: the client's offer (LSP 3.17). */
async function startServer({ pull = true, positionEncodings } = {}) {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver-protocol/node');
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/gongwen-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  const waiting = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of waiting.splice(0)) if (w.uri === p.uri && w.version === p.version) w.resolve(p);
    else waiting.push(w);
  });
  connection.listen();
  const general = positionEncodings ? { general: { positionEncodings } } : {};
  const textDocument = pull ? { diagnostic: {} } : { publishDiagnostics: { versionSupport: true } };
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { ...general, workspace: { configuration: true }, textDocument } });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    published: (uri, version) => new Promise((resolve) => waiting.push({ uri, version, resolve })),
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      child.kill();
    },
  };
}

async function editLatency(size, edits, positionEncodings) {
  const server = await startServer({ positionEncodings });
  const uri = `file:///bench/latency-${size}.md`;
  const text = reportOfSize(size);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const lines = text.split('\n').length;
  const times = [];
  for (let i = 0; i < edits; i++) {
    const line = (i * 7919) % lines;
    const t = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: i % 2 ? '一' : 'X' }] });
    await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    times.push(performance.now() - t);
  }
  await server.stop();
  return times;
}

/** A report of at least `bytes` UTF-8 bytes (the corpus repeated). */
function reportOfBytes(bytes) {
  let text = reportOfSize(bytes / 3);
  while (Buffer.byteLength(text) < bytes) text += reportOfSize(20_000);
  return text;
}

/** Issue 13's single line: "一是X市*（" repeated to `bytes` UTF-8 bytes, 3 findings each. */
function singleLineOfBytes(bytes) {
  return '一是X市*（'.repeat(Math.ceil(bytes / Buffer.byteLength('一是X市*（')));
}

/** Milliseconds from opening a document in a fresh server to its first diagnostics (the median of `runs`). */
async function firstDiagnostics(text, pull, runs = 3) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer({ pull });
    const uri = `file:///bench/first-${i}.md`;
    const t = performance.now();
    const published = pull ? undefined : server.published(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    if (pull) await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    else await published;
    times.push(performance.now() - t);
    await server.stop();
  }
  return median(times);
}

/** A small document edited and its diagnostics asked for, again and again, while a large one is
 * being checked (opened, then edited `rounds - 1` times): the small one's latencies. */
async function smallWhileLargeChecked(largeText, rounds) {
  const server = await startServer();
  const small = 'file:///bench/small.md';
  const large = 'file:///bench/large.md';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'markdown', version: 1, text: reportOfSize(5_000) } });
  let smallVersion = 1;
  const smallEdit = async () => {
    const t = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: small, version: ++smallVersion }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: smallVersion % 2 ? '一' : 'X' }] });
    await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: small } });
    return performance.now() - t;
  };
  for (let i = 0; i < 50; i++) await smallEdit(); // warm
  const times = [];
  const lines = largeText.split('\n').length;
  for (let r = 0; r < rounds; r++) {
    if (r === 0) await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: large, languageId: 'markdown', version: 1, text: largeText } });
    else {
      const line = (r * 7919) % lines;
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: large, version: r + 1 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'X' }] });
    }
    let done = false;
    const answered = server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: large } }).then(() => (done = true));
    while (!done) times.push(await smallEdit());
    await answered;
  }
  await server.stop();
  return times;
}

if (want('rules')) {
  // What each rule adds to the check of a 100k-character report (issue 15: no proofreading rule
  // may add more than 10%): the whole check against the check with that one rule off, measured
  // in turn within each round so that the machine's state weighs on both alike; medians of the
  // rounds. The rules of issue 15 carry the target; the others are shown for comparison.
  const { RULES } = await import(pathToFileURL(path.join(ROOT, 'out/server/src/engine/rules/index.js')).href);
  const PROOFREADING = new Set(['missing-number', 'terms', 'number-usage', 'spacing', 'repeated-word', 'sentence-end', 'empty-section']);
  const text = reportOfSize(100_000);
  const ids = RULES.filter((r) => !r.meta.id.startsWith('word-')).map((r) => r.meta.id);
  const offOne = Object.fromEntries(ids.map((id) => [id, { [id]: 'off' }]));
  const newOff = Object.fromEntries([...PROOFREADING].map((id) => [id, 'off']));
  const timed = (options) => {
    const t = performance.now();
    checkText(text, options);
    return performance.now() - t;
  };
  for (let i = 0; i < 10; i++) timed({});
  const rounds = 15;
  const all = [];
  const without = Object.fromEntries(ids.map((id) => [id, []]));
  const withoutNew = [];
  for (let r = 0; r < rounds; r++) {
    all.push(timed({}));
    for (const id of ids) without[id].push(timed({ rules: offOne[id] }));
    withoutNew.push(timed({ rules: newOff }));
  }
  const whole = median(all);
  row('rules', 'whole check, 100k chars', whole, 'ms');
  const shares = ids.map((id) => [id, (whole - median(without[id])) / median(without[id])]).sort((a, b) => b[1] - a[1]);
  for (const [id, share] of shares) {
    const target = PROOFREADING.has(id);
    row('rules', `${id} adds, 100k chars`, share * 100, '%', target ? '≤ 10%' : undefined, target ? share <= 0.1 : undefined);
  }
  row('rules', 'the seven proofreading rules together add, 100k chars', ((whole - median(withoutNew)) / median(withoutNew)) * 100, '%');
}

if (want('lsp')) {
  const small = await editLatency(20_000, 100);
  row('lsp', 'edit → diagnostics (pull), 20k chars, p50', percentile(small, 50), 'ms');
  row('lsp', 'edit → diagnostics (pull), 20k chars, p95', percentile(small, 95), 'ms', '< 30 ms', percentile(small, 95) < 30);
  const large = await editLatency(1_000_000, 10);
  row('lsp', 'edit → diagnostics (pull), 1M chars, p95 of 10', percentile(large, 95), 'ms', '< 300 ms', percentile(large, 95) < 300);
  // Positions counted in UTF-8 bytes: every position sent and received is converted.
  const utf8 = await editLatency(1_000_000, 10, ['utf-8']);
  row('lsp', 'edit → diagnostics (pull, utf-8 positions), 1M chars, p95 of 10', percentile(utf8, 95), 'ms', '< 300 ms', percentile(utf8, 95) < 300);
  // Issue 13: large documents are checked in a worker thread; the small ones meanwhile in the main one.
  const mb = reportOfBytes(1_000_000);
  row('lsp', 'first diagnostics (pull), 1 MB report, new server', await firstDiagnostics(mb, true), 'ms');
  row('lsp', 'first diagnostics (push), 1 MB report, new server', await firstDiagnostics(mb, false), 'ms');
  const line = singleLineOfBytes(900_000);
  row('lsp', 'first diagnostics (pull), 0.9 MB single line', await firstDiagnostics(line, true, 1), 'ms');
  row('lsp', 'first diagnostics (push), 0.9 MB single line', await firstDiagnostics(line, false, 1), 'ms');
  const during = await smallWhileLargeChecked(mb, 10);
  row('lsp', `small doc edit → diagnostics while 1 MB is checked, p50 (${during.length})`, percentile(during, 50), 'ms');
  row('lsp', 'small doc edit → diagnostics while 1 MB is checked, p95', percentile(during, 95), 'ms', '≤ 50 ms', percentile(during, 95) <= 50);
  row('lsp', 'small doc edit → diagnostics while 1 MB is checked, max', Math.max(...during), 'ms');
}

if (want('memory')) {
  const server = await startServer();
  for (let i = 0; i < 10; i++) {
    const uri = `file:///bench/memory-${i}.md`;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: reportOfSize(100_000) + `\n${i}\n` } });
    await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  row('memory', 'server RSS, ten 100k-char documents open', rss, 'MB', '< 150 MB', rss < 150);
  await server.stop();
}

if (want('cli')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-cli-'));
  let bytes = 0;
  for (let i = 0; i < 2000; i++) {
    const text = reportOfSize(3_500 + ((i * 37) % 1000));
    fs.writeFileSync(path.join(dir, `report-${String(i).padStart(4, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  const mb = bytes / 1024 / 1024;
  const runCli = (jobs) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/gongwen.js'), 'check', '--format', 'json', '--jobs', String(jobs), dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`gongwen check failed: ${r.stderr}`);
    return performance.now() - t;
  };
  const single = median([runCli(1), runCli(1), runCli(1)]);
  const multi = median([runCli(os.availableParallelism()), runCli(os.availableParallelism()), runCli(os.availableParallelism())]);
  row('cli', `2,000 files, ${mb.toFixed(1)} MB, one process (--jobs 1)`, mb / (single / 1000), 'MB/s');
  row('cli', `2,000 files, ${mb.toFixed(1)} MB, ${os.availableParallelism()} processes`, mb / (multi / 1000), 'MB/s');
  row('cli', `${os.availableParallelism()} processes / one`, single / multi, '×', '≥ 1.7×', single / multi >= 1.7);
  fs.rmSync(dir, { recursive: true, force: true });
}

if (want('fix')) {
  // Fix-all (every pass, every rule) against one check of the same text. The texts are drafts
  // with findings on most lines: the corpus repeated, and a run of lines that each need a
  // renumber (60,000 fixes at 1M characters).
  for (const size of SIZES) {
    const label = `${size / 1000}k chars`;
    for (const [name, text] of [
      ['report', reportOfSize(size)],
      ['一、 on every line', '一、正文。\n'.repeat(Math.floor(size / 6))],
    ]) {
      const check = time(() => checkText(text), RUNS[size]);
      const fix = time(() => fixText(text), RUNS[size]);
      row('fix', `fix-all / check, ${name}, ${label}`, fix / check, '×', '≤ 2×', fix / check <= 2);
    }
  }
}

if (want('import')) {
  // A 30-page report as a .docx (22 lines of 28 characters a page: about 18,500 characters), its
  // document.xml written as Word writes one (run fonts and sizes on every run, automatic numbering
  // for the section markers), zipped. Importing it and checking it as `gongwen check report.docx`
  // does, against a plain check of the same Markdown.
  const { buildDocx, CHINESE_LEVELS } = await import(pathToFileURL(path.join(ROOT, 'out/test/docx-builder.js')).href);
  const { importDocx } = await import(pathToFileURL(path.join(ROOT, 'out/server/src/word/import.js')).href);
  const escapeXml = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const run = (t) => `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>`;
  const para = (t, numPr = '') => `<w:p><w:pPr>${numPr}<w:spacing w:line="579" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr>${run(t)}</w:p>`;
  const numbered = (level, t) => para(t, `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr>`);
  let body = '';
  let paragraphs = 0;
  for (const raw of reportOfSize(18_500).split('\n')) {
    const line = raw.replace(/^#+\s*/, '').trim();
    if (!line || line.startsWith('|') || line.startsWith('<!--') || line === '---') continue;
    paragraphs++;
    const l1 = /^[一二三四五六七八九十]+、(.*)$/.exec(line);
    const l2 = /^（[一二三四五六七八九十]+）(.*)$/.exec(line);
    body += l1 ? numbered(0, l1[1]) : l2 ? numbered(1, l2[1]) : para(line);
  }
  body += '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>';
  const docx = buildDocx({ body, numbering: `<w:abstractNum w:abstractNumId="0">${CHINESE_LEVELS}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` });
  const { markdown, layout } = importDocx(docx);
  const imp = time(() => importDocx(docx), 15);
  const both = time(() => {
    const r = importDocx(docx);
    checkText(r.markdown, { word: r.layout });
  }, 15);
  const plain = time(() => checkText(markdown), 15);
  const label = `30 pages (${paragraphs} paragraphs, ${markdown.length} chars, ${(docx.length / 1024).toFixed(0)} KB .docx)`;
  row('import', `read .docx → Markdown + layout, ${label}`, imp, 'ms');
  row('import', `gongwen check report.docx (import + check), ${label}`, both, 'ms', '< 1000 ms', both < 1000);
  row('import', `plain check of the same Markdown`, plain, 'ms');
  row('import', `check .docx / plain check`, both / plain, '×', '≤ 3×', both / plain <= 3);
  if (layout.paragraphs.length === 0) throw new Error('the bench document has no paragraphs');
}

if (want('adversarial')) {
  const { ENGINE_ADVERSARIAL, WRITING_ADVERSARIAL, RUN_ADVERSARIAL, TERMS_ADVERSARIAL } = await import(pathToFileURL(path.join(ROOT, 'out/test/adversarial-inputs.js')).href);
  const size = 200_000;
  // Every text once before any timing, so that the normal report and the pathological ones are
  // timed with the same code compiled (the first ones timed would otherwise pay for it).
  for (const set of [ENGINE_ADVERSARIAL(size), WRITING_ADVERSARIAL(size), RUN_ADVERSARIAL(size), TERMS_ADVERSARIAL(size)]) for (const text of Object.values(set)) checkText(text);
  const normal = time(() => checkText(reportOfSize(size)), 5);
  row('adversarial', `normal report, ${size / 1000}k chars`, normal, 'ms');
  // Each is compared with a normal report of its own size.
  const ratio = (text) => {
    const ms = time(() => checkText(text), 3);
    const base = Math.abs(text.length - size) < size / 10 ? normal : time(() => checkText(reportOfSize(text.length)), 3);
    return ms / base;
  };
  for (const [name, text] of Object.entries(ENGINE_ADVERSARIAL(size))) {
    const r = ratio(text);
    row('adversarial', `${name} / normal report of that size`, r, '×', '≤ 5×', r <= 5);
  }
  let worst = { name: '', r: 0 };
  const writing = Object.entries(WRITING_ADVERSARIAL(size));
  for (const [name, text] of writing) {
    const r = ratio(text);
    if (r > worst.r) worst = { name, r };
  }
  row('adversarial', `worst of ${writing.length} writing-rule runs (${worst.name})`, worst.r, '×', '≤ 5×', worst.r <= 5);
  worst = { name: '', r: 0 };
  for (const [name, text] of Object.entries(RUN_ADVERSARIAL(size))) {
    const r = ratio(text);
    if (r > worst.r) worst = { name, r };
  }
  row('adversarial', `worst of 8 long runs in one line (${worst.name})`, worst.r, '×', '≤ 5×', worst.r <= 5);
  // The term packs: prefixes of regex patterns, exceptions around every match, a finding every few characters.
  for (const [name, text] of Object.entries(TERMS_ADVERSARIAL(size))) {
    const r = ratio(text);
    row('adversarial', `terms: ${name} / normal report of that size`, r, '×', '≤ 5×', r <= 5);
  }
}

if (want('process')) {
  // Whole processes, as a pre-commit hook or a CI step runs them (issue 16): `gongwen check
  // --format json FILE` against a Node process that only reads and parses the file with
  // remark-parse (bench/process-parse.mjs) and one that runs markdownlint's library on it
  // (bench/process-markdownlint.mjs). Each is spawned once to warm the disk and the code cache,
  // then the three are spawned in turn and each time is the median of its spawns.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-process-'));
  const spawnMs = (args) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return ms;
  };
  const cases = [
    ['one-page report', reportOfSize(22 * 28), 15],
    ['10k chars', reportOfSize(10_000), 15],
    ['100k chars', reportOfSize(100_000), 9],
    ['1M chars', reportOfSize(1_000_000), 5],
  ];
  for (const [label, text, runs] of cases) {
    const file = path.join(dir, `${label.replace(/\W+/g, '-')}.md`);
    fs.writeFileSync(file, text);
    const commands = {
      gongwen: [path.join(ROOT, 'bin/gongwen.js'), 'check', '--format', 'json', file],
      parse: [path.join(ROOT, 'bench/process-parse.mjs'), file],
      markdownlint: [path.join(ROOT, 'bench/process-markdownlint.mjs'), file],
    };
    const times = { gongwen: [], parse: [], markdownlint: [] };
    for (const args of Object.values(commands)) spawnMs(args);
    for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) times[name].push(spawnMs(args));
    const g = median(times.gongwen);
    const p = median(times.parse);
    const ml = median(times.markdownlint);
    row('process', `gongwen check --format json, ${label}`, g, 'ms');
    row('process', `parse-only process (remark-parse), ${label}`, p, 'ms');
    row('process', `markdownlint process, ${label}`, ml, 'ms');
    const target = label === 'one-page report' ? 1.2 : label === '1M chars' ? 1.3 : undefined;
    row('process', `gongwen / parse-only, ${label}`, g / p, '×', target ? `≤ ${target}×` : undefined, target ? g / p <= target : undefined);
    row('process', `gongwen / markdownlint, ${label}`, g / ml, '×', label === 'one-page report' ? undefined : '< 1×', label === 'one-page report' ? undefined : g < ml);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

if (want('export')) {
  // The Word export of a 30-page report: 30 pages of 22 lines of 28 characters, about 18,500
  // characters of the corpus; check, layout and .docx packing together, against a plain check.
  const { exportReport } = await import(pathToFileURL(path.join(ROOT, 'out/server/src/word/export.js')).href);
  const text = reportOfSize(30 * 22 * 28);
  // The same warm-up as time() gives the check it is compared with (at least 3 runs and a quarter
  // of a second): with 3 runs only, the check inside the export was timed before it was optimised.
  const timeAsync = async (fn, runs) => {
    const warm = performance.now();
    for (let i = 0; i < 3 || (performance.now() - warm < 250 && i < 200); i++) await fn();
    const out = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      out.push(performance.now() - t);
    }
    return median(out);
  };
  let bytes = 0;
  const exp = await timeAsync(async () => {
    bytes = (await exportReport(text)).bytes.length;
  }, 9);
  const check = time(() => checkText(text), 9);
  row('export', `export to .docx, 30-page report (${(text.length / 1000).toFixed(1)}k chars, ${(bytes / 1024).toFixed(0)} KB)`, exp, 'ms', '< 1000 ms', exp < 1000);
  row('export', 'plain check of the same text', check, 'ms');
  row('export', 'export / check', exp / check, '×', '≤ 3×', exp / check <= 3);
}

fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const out = path.join(ROOT, 'bench/results', `bench-${results.date.replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(out, JSON.stringify(results, null, 2));
fs.writeFileSync(path.join(ROOT, 'bench/results', 'latest.json'), JSON.stringify(results, null, 2));
console.log(`\nnode ${results.node}, ${results.cpus} cores; written to ${path.relative(ROOT, out)}`);
