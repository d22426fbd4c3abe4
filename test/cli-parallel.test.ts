// A large batch is checked by several processes; the report is the same as from one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './fixture-harness.js';
import { PARALLEL_THRESHOLD } from '../server/src/cli/parallel-check.js';

const BIN = path.join(REPO_ROOT, 'bin', 'gongwen.js');

test('several processes give the same report, in the same order, as one (JSON and text)', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-workers-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const count = PARALLEL_THRESHOLD + 6;
  for (let i = 0; i < count; i++) {
    const body = i % 7 === 0 ? '一、甲\n三、乙\nX市的工作。\n' : '一、甲\n二、乙\n';
    fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.md`), `# 某局工作总结\n${body}`);
  }
  fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0, 1, 2, 3]));
  const run = (jobs: string, format = 'json') => spawnSync(process.execPath, [BIN, 'check', '--format', format, '--jobs', jobs, '.'], { cwd: dir, encoding: 'utf8' });
  const one = run('1');
  const two = run('2');
  assert.equal(one.status, 1);
  assert.equal(two.status, 1);
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.stderr, one.stderr);
  const report = JSON.parse(two.stdout) as { files: { path: string; diagnostics: { rule: string }[] }[] };
  assert.equal(report.files.length, count);
  assert.deepEqual(report.files.map((f) => f.path), [...report.files.map((f) => f.path)].sort());
  assert.equal(report.files.filter((f) => f.diagnostics.some((d) => d.rule === 'numbering-sequence')).length, Math.ceil(count / 7));
  assert.match(two.stderr, /binary\.md/);
  const textOne = run('1', 'text');
  const textTwo = run('2', 'text');
  assert.equal(textTwo.status, 1);
  assert.equal(textTwo.stdout, textOne.stdout);
  assert.match(textTwo.stdout, /numbering-sequence/);
});

test('when a checking process dies, the main process checks its files: the report is still whole', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-parallel-fault-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  // Files long enough that the main process is still on its own share when the child dies (the
  // child's death then came while nothing yet waited for it, and ended the main process silently).
  const body = '今年以来，我们围绕中心工作，扎实推进各项任务落实。\n\n'.repeat(150);
  for (let i = 0; i < PARALLEL_THRESHOLD * 2; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.md`), (i % 3 ? '一、甲\n二、乙\n' : '一、甲\n三、乙\n') + body);
  const run = (env: Record<string, string>) => spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '--jobs', '2', '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  const healthy = run({});
  const faulty = run({ GONGWEN_FAULT_SHARE: 'exit' });
  assert.equal(faulty.status, 1);
  assert.equal(faulty.stdout, healthy.stdout);
  assert.equal((JSON.parse(faulty.stdout) as { files: unknown[] }).files.length, PARALLEL_THRESHOLD * 2);
});

test('--jobs takes a whole number', () => {
  const r = spawnSync(process.execPath, [BIN, 'check', '--jobs', 'many', '.'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--jobs/);
});
