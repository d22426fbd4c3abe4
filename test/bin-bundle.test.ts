// bin/ runs the bundles in out/bundle/ (npm run build) through bin/run-bundle.js, with a V8 code
// cache: the bundle is what runs, a corrupt cache is ignored and rewritten, and a cache folder
// that cannot be written changes nothing but the cache.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './fixture-harness.js';
import { workspace } from './cli-harness.js';

const BIN = path.join(REPO_ROOT, 'bin', 'gongwen.js');
const SAMPLE = path.join(REPO_ROOT, 'examples', 'draft-with-defects.md');

function run(cacheDir: string, args = ['check', '--format', 'json', SAMPLE]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, GONGWEN_DEBUG_LOAD: '1', GONGWEN_CODE_CACHE_DIR: cacheDir } });
  return { status: r.status, stdout: r.stdout, load: r.stderr.split('\n').filter((l) => l.startsWith('gongwen-load: ')), stderr: r.stderr };
}

test('gongwen runs from out/bundle/gongwen.cjs, writes its code cache once and then uses it', () => {
  const dir = workspace({}, 'gongwen-cache-');
  const first = run(dir);
  assert.equal(first.status, 1);
  assert.deepEqual(first.load, ['gongwen-load: bundle out/bundle/gongwen.cjs (code cache: none)', `gongwen-load: code cache written to ${dir}`]);
  const files = fs.readdirSync(dir);
  assert.equal(files.length, 1);
  assert.match(files[0], /^gongwen-[0-9a-f]{16}\.v8$/);
  const second = run(dir);
  assert.deepEqual(second.load, ['gongwen-load: bundle out/bundle/gongwen.cjs (code cache: accepted)']);
  assert.equal(second.stdout, first.stdout);
  assert.equal(JSON.parse(second.stdout).files[0].diagnostics.length, 14);
});

test('writing a new code cache removes the caches of earlier builds of that bundle, and nothing else', () => {
  const earlier = { 'gongwen-0123456789abcdef.v8': 'old build', 'gongwen-fedcba9876543210.v8': 'older build' };
  const others = { 'server-0123456789abcdef.v8': 'the server\'s', 'gongwen-notes.txt': 'not a cache', 'gongwen-0123456789abcdef.v8.bak': 'not a cache either' };
  const dir = workspace({ ...earlier, ...others }, 'gongwen-cache-');
  const r = run(dir);
  assert.equal(r.status, 1);
  const left = fs.readdirSync(dir).sort();
  assert.deepEqual(left.filter((f) => !(f in others)).length, 1);
  assert.match(left.find((f) => !(f in others))!, /^gongwen-[0-9a-f]{16}\.v8$/);
  for (const f of Object.keys(earlier)) assert.ok(!left.includes(f), `${f} removed`);
  for (const f of Object.keys(others)) assert.ok(left.includes(f), `${f} kept`);
});

test('a corrupt code cache is rejected, the command works, and the cache is rewritten', () => {
  const dir = workspace({}, 'gongwen-cache-');
  const clean = run(dir);
  const [file] = fs.readdirSync(dir);
  fs.writeFileSync(path.join(dir, file), Buffer.from('not a V8 code cache at all, just bytes'));
  const corrupt = run(dir);
  assert.equal(corrupt.stdout, clean.stdout);
  assert.deepEqual(corrupt.load, ['gongwen-load: bundle out/bundle/gongwen.cjs (code cache: rejected)', `gongwen-load: code cache written to ${dir}`]);
  assert.deepEqual(run(dir).load, ['gongwen-load: bundle out/bundle/gongwen.cjs (code cache: accepted)']);
  assert.deepEqual(fs.readdirSync(dir), [file], 'no temporary file left');
});

test('a cache folder that cannot be written (as for a read-only install) leaves the command as it is', () => {
  const dir = workspace({}, 'gongwen-cache-');
  // A folder under a plain file can be made by nobody, root included.
  fs.writeFileSync(path.join(dir, 'file'), '');
  const unwritable = path.join(dir, 'file', 'cache');
  const r = run(unwritable);
  assert.equal(r.status, 1);
  assert.equal(JSON.parse(r.stdout).files[0].diagnostics.length, 14);
  assert.equal(r.load[0], 'gongwen-load: bundle out/bundle/gongwen.cjs (code cache: none)');
  assert.match(r.load[1], /^gongwen-load: code cache not written to .*\(ENOTDIR\)$/);
  assert.equal(r.stderr.split('\n').filter((l) => l && !l.startsWith('gongwen-load: ')).length, 0);
});

test('the bundled CLI reports its version from package.json', () => {
  const dir = workspace({}, 'gongwen-cache-');
  const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
  assert.equal(run(dir, ['--version']).stdout, `${version}\n`);
});

test('a bundle older than the compiled code (tsc run after npm run build) is not run: the compiled modules are, with the same output', () => {
  const dir = workspace({}, 'gongwen-cache-');
  const compiled = path.join(REPO_ROOT, 'out', 'server', 'src', 'cli', 'main.js');
  const before = fs.statSync(compiled);
  try {
    const bundled = run(dir);
    const later = new Date(fs.statSync(path.join(REPO_ROOT, 'out', 'bundle', 'gongwen.cjs')).mtimeMs + 60_000);
    fs.utimesSync(compiled, later, later);
    const stale = run(dir);
    assert.deepEqual(stale.load, ['gongwen-load: gongwen.cjs is older than out/server/src/cli/main.js: the ES modules in out/server/']);
    assert.equal(stale.status, bundled.status);
    assert.equal(stale.stdout, bundled.stdout);
  } finally {
    fs.utimesSync(compiled, before.atime, before.mtime);
  }
});
