// Helpers for the tests that run the README's editor examples in real editors (neovim.test.mjs,
// vim-ale.test.mjs): no code-server, no browser. Each example is taken from README.md between
// markers (`<!-- nvim-0.7 -->` … `<!-- /nvim-0.7 -->`), so the README and the tests cannot drift;
// the Chinese and the English part of the README must carry the same example.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ENTRY = path.join(REPO_ROOT, 'bin', 'gongwen-language-server.js');
const SERVER_BUILD = path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp', 'main.js');

/**
 * The code of the README example between `<!-- name -->` and `<!-- /name -->` (one fenced block
 * inside). Every copy (the Chinese part's and the English part's) must be the same.
 */
export function readmeExample(name) {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`<!-- ${esc} -->\\n\`\`\`(\\w+)\\n([\\s\\S]*?)\\n\`\`\`\\n<!-- /${esc} -->`, 'g');
  const copies = [...readme.matchAll(re)].map((m) => ({ lang: m[1], code: m[2] + '\n' }));
  assert.ok(copies.length >= 2, `README.md has the example <!-- ${name} --> … <!-- /${name} --> (one fenced block) in its Chinese and its English part; found ${copies.length}`);
  for (const c of copies.slice(1)) assert.equal(c.code, copies[0].code, `the copies of <!-- ${name} --> in README.md differ`);
  // An editor's reportType wins over front matter and .gongwen.jsonc: no example may set it.
  assert.doesNotMatch(copies[0].code, /reportType/, `the README example <!-- ${name} --> sets reportType, which overrides every document's own type`);
  return copies[0];
}

/** `cmd --version`'s first line, or undefined when the command is not installed. */
export function versionOf(cmd) {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (r.error || r.status !== 0) return undefined;
  return r.stdout.split('\n')[0].trim();
}

/** Fails the test with what to do when the server has not been built (run.sh's `npm run package` builds it). */
export function assertServerBuilt() {
  assert.ok(existsSync(SERVER_BUILD), `the language server is not built (${path.relative(REPO_ROOT, SERVER_BUILD)} missing): run npm run build`);
}

/**
 * A draft with a numbering gap (一、 then 三、) whose front matter makes it a 述职报告 although its
 * title says 工作总结: the required-section finding names the type the server checked it as,
 * which must be the document's own.
 */
export const DRAFT = [
  '---',
  'gongwen:',
  '  type: 述职报告',
  '---',
  '',
  '# 2025年个人工作总结',
  '',
  '一、主要工作',
  '',
  '今年按计划完成了各项任务。',
  '',
  '三、存在的问题',
  '',
  '学习还不够深入。',
  '',
].join('\n');
/** 1-based line of 三、 in DRAFT. */
export const GAP_LINE = DRAFT.split('\n').indexOf('三、存在的问题') + 1;

/**
 * A temporary folder with `ws/draft.md` and `bin/gongwen-language-server`, a shim that runs this
 * checkout's server with this node, so the README's `cmd = { 'gongwen-language-server', '--stdio' }`
 * is used exactly as written with `bin/` first on PATH.
 */
export function workspace(prefix) {
  const root = mkdtempSync(path.join(os.tmpdir(), `gongwen-${prefix}-`));
  const bin = path.join(root, 'bin');
  const ws = path.join(root, 'ws');
  mkdirSync(bin);
  mkdirSync(ws);
  const shim = path.join(bin, 'gongwen-language-server');
  writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${SERVER_ENTRY}' "$@"\n`);
  chmodSync(shim, 0o755);
  writeFileSync(path.join(ws, 'draft.md'), DRAFT);
  const env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    // Nothing of the user's own editor set-up (config, plugins, state) is read.
    HOME: root,
    XDG_CONFIG_HOME: path.join(root, 'config'),
    XDG_DATA_HOME: path.join(root, 'data'),
    XDG_STATE_HOME: path.join(root, 'state'),
    XDG_CACHE_HOME: path.join(root, 'cache'),
  };
  delete env.VIMINIT;
  delete env.MYVIMRC;
  return { root, ws, bin, env, draft: path.join(ws, 'draft.md') };
}

/**
 * Runs an editor to its end, killed after `timeout` ms (a bound, not a measure). stdin is a pipe
 * kept open, as Vim quits on a closed one.
 */
export function runEditor(cmd, args, { cwd, env, timeout = 90_000 }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout = (stdout + d).slice(-20_000)));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeout);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ code, signal, timedOut, stdout, stderr });
    });
  });
}

/** The JSON the editor's probe wrote, or a failure that says what the editor printed. */
export function readProbe(file, run, what) {
  const detail = () => `exit ${run.code}${run.signal ? ` (${run.signal})` : ''}${run.timedOut ? ', killed after its time bound' : ''}\nstderr: ${run.stderr.slice(-3000)}`;
  assert.ok(existsSync(file), `${what} wrote no result (${detail()})`);
  const result = JSON.parse(readFileSync(file, 'utf8'));
  assert.ok(!result.error, `${what}: ${result.error} (${detail()})`);
  return result;
}

/**
 * The checks on the diagnostics an editor read back, as `{ line (1-based), code, message }`: the
 * numbering gap at 三、's line, nothing at 一、, and the type from the front matter. The messages'
 * language is not asserted (it is the server's default, the editors send no locale); both
 * languages quote the marker and the type.
 */
export function assertDraftDiagnostics(diagnostics, what) {
  const seen = JSON.stringify(diagnostics);
  const numbering = diagnostics.filter((d) => d.code === 'numbering-sequence');
  assert.equal(numbering.length, 1, `${what}: one numbering-sequence diagnostic in ${seen}`);
  assert.equal(numbering[0].line, GAP_LINE, `${what}: the numbering gap is reported at 三、's line ${GAP_LINE}: ${seen}`);
  assert.match(numbering[0].message, /三、/, `${what}: the message quotes the marker: ${seen}`);
  const required = diagnostics.filter((d) => d.code === 'required-section');
  assert.ok(required.length > 0, `${what}: a required-section diagnostic (述职报告 needs a next-steps section) in ${seen}`);
  for (const d of required) {
    assert.match(d.message, /述职报告/, `${what}: the report type is the front matter's (no reportType setting overrides it): ${seen}`);
  }
}
