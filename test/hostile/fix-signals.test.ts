// Issue 11, item 11: `gongwen check --fix` stopped by SIGINT or SIGTERM leaves no temporary file,
// and every file is either as it was or fully fixed, never half-written; the exit code is 128 plus
// the signal's number (130, 143). The signal is sent while a temporary file exists (seen by
// watching the folder), at a different file each round: the invariant holds wherever it lands.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../fixture-harness.js';

const BIN = path.join(REPO_ROOT, 'bin', 'gongwen.js');
const DRAFT = '# 某局2025年工作总结\n\n一、主要工作\n\n' + '这一段话用来让文件大一些，写回的时间长一些。\n'.repeat(60) + '\n三、存在问题\n';
const posix = process.platform !== 'win32';

/** The draft as --fix leaves it, from an uninterrupted run. */
function fixedDraft(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-signals-'));
  fs.writeFileSync(path.join(dir, 'a.md'), DRAFT);
  spawnSync(process.execPath, [BIN, 'check', '--fix', 'a.md'], { cwd: dir, timeout: 20_000 });
  const text = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  assert.notEqual(text, DRAFT);
  return text;
}

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  names: string[];
  contents: string[];
}

/** Runs --fix on `count` drafts and sends `signal` when the `at`-th temporary file appears. */
async function interrupt(count: number, jobs: number, signal: NodeJS.Signals, at: number): Promise<Interrupted> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-signals-'));
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `f${String(i).padStart(3, '0')}.md`), DRAFT);
  const child = spawn(process.execPath, [BIN, 'check', '--fix', '--jobs', String(jobs), '.'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const seen = new Set<string>();
  const watcher = fs.watch(dir, (_event, name) => {
    if (!name || !/\.gongwen-.*\.tmp$/.test(name) || seen.has(name)) return;
    seen.add(name);
    if (seen.size === at) child.kill(signal);
  });
  const [code, sig] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  watcher.close();
  const names = fs.readdirSync(dir);
  const contents = names.filter((n) => n.endsWith('.md')).map((n) => fs.readFileSync(path.join(dir, n), 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  return { code, signal: sig, stderr, names, contents };
}

const EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

function assertWhole(r: Interrupted, signal: 'SIGINT' | 'SIGTERM', count: number, fixed: string): void {
  assert.deepEqual(r.names.filter((n) => n.endsWith('.tmp')), [], 'no temporary file is left');
  assert.equal(r.contents.length, count);
  for (const text of r.contents) assert.ok(text === DRAFT || text === fixed, 'each file is as it was or fully fixed');
  assert.equal(r.signal, null, `ended by the signal's default action instead of cleaning up (${r.signal})`);
  assert.equal(r.code, EXIT[signal], r.stderr);
  assert.match(r.stderr, new RegExp(signal));
}

test('SIGTERM or SIGINT during --fix on one process: no temporary file left, no half-written file', { skip: !posix, timeout: 120_000 }, async () => {
  const fixed = fixedDraft();
  const rounds: [NodeJS.Signals & keyof typeof EXIT, number][] = [['SIGTERM', 1], ['SIGINT', 4], ['SIGTERM', 9], ['SIGINT', 15], ['SIGTERM', 22]];
  for (const [signal, at] of rounds) assertWhole(await interrupt(40, 1, signal, at), signal, 40, fixed);
});

test('SIGTERM or SIGINT during a parallel --fix: the check processes stop and clean up too', { skip: !posix, timeout: 120_000 }, async () => {
  const fixed = fixedDraft();
  const rounds: [NodeJS.Signals & keyof typeof EXIT, number][] = [['SIGTERM', 1], ['SIGINT', 7], ['SIGTERM', 25]];
  for (const [signal, at] of rounds) assertWhole(await interrupt(140, 2, signal, at), signal, 140, fixed);
});
