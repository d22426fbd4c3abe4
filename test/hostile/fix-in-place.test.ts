// Issue 11, item 10: `gongwen check --fix` changes a file the way users expect of eslint --fix.
// Hard links stay linked; the owner and the mode are kept; a read-only file is refused, not
// replaced; a writable file in a folder where no temporary file can be made is still fixed. Each
// test says which way the file was written: atomically (a new file renamed over it: a new inode)
// or in place (the same inode, written only once the whole new text is ready).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../fixture-harness.js';
import { writeFileAtomic, stampOf } from '../../server/src/cli/write-atomic.js';

const BIN = path.join(REPO_ROOT, 'bin', 'gongwen.js');
const DRAFT = '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n';
const posix = process.platform !== 'win32';
const root = process.getuid?.() === 0;

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-in-place-'));
}

function gongwen(cwd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [BIN, 'check', ...args], { cwd, encoding: 'utf8', timeout: 20_000, ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const fixed = (text: string) => text.includes('二、存在问题') && !text.includes('三、存在问题');

test('a hard-linked file is fixed in place: both names still lead to one file, which has the fix', { skip: !posix }, () => {
  const dir = tmp();
  const a = path.join(dir, 'a.md');
  const b = path.join(dir, 'b.md');
  fs.writeFileSync(a, DRAFT);
  fs.linkSync(a, b);
  const ino = fs.statSync(a).ino;
  const r = gongwen(dir, ['--fix', 'a.md']);
  assert.notEqual(r.code, 2, r.stderr);
  assert.ok(fixed(fs.readFileSync(a, 'utf8')), fs.readFileSync(a, 'utf8'));
  assert.equal(fs.statSync(a).ino, ino, 'written in place');
  assert.equal(fs.statSync(b).ino, ino, 'still linked');
  assert.equal(fs.statSync(a).nlink, 2);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'b.md']);
  // The mode is the writer's own choice, by the link count.
  fs.writeFileSync(a, DRAFT);
  assert.equal(writeFileAtomic(a, Buffer.from('linked\n'), stampOf(a)), 'in-place');
  assert.equal(fs.readFileSync(b, 'utf8'), 'linked\n');
  const c = path.join(dir, 'c.md');
  fs.writeFileSync(c, DRAFT);
  assert.equal(writeFileAtomic(c, Buffer.from('alone\n'), stampOf(c)), 'atomic');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the owner and the mode are kept (written atomically)', { skip: !posix || !root ? 'needs root, to give the file another owner' : false }, () => {
  const dir = tmp();
  const a = path.join(dir, 'a.md');
  fs.writeFileSync(a, DRAFT);
  fs.chownSync(a, 1234, 1234);
  fs.chmodSync(a, 0o640);
  const ino = fs.statSync(a).ino;
  const r = gongwen(dir, ['--fix', 'a.md']);
  assert.notEqual(r.code, 2, r.stderr);
  const st = fs.statSync(a);
  assert.ok(fixed(fs.readFileSync(a, 'utf8')));
  assert.equal(st.uid, 1234);
  assert.equal(st.gid, 1234);
  assert.equal(st.mode & 0o7777, 0o640);
  assert.notEqual(st.ino, ino, 'written atomically: the folder allows a temporary file');
  assert.deepEqual(fs.readdirSync(dir), ['a.md']);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a read-only (0444) file is refused, naming it, exit 2; it is not replaced', { skip: !posix }, () => {
  const dir = tmp();
  const a = path.join(dir, 'a.md');
  fs.writeFileSync(a, DRAFT);
  fs.chmodSync(a, 0o444);
  const ino = fs.statSync(a).ino;
  const r = gongwen(dir, ['--fix', 'a.md']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /a\.md: 文件是只读的/);
  const en = gongwen(dir, ['--fix', '--locale', 'en', 'a.md']);
  assert.equal(en.code, 2);
  assert.match(en.stderr, /a\.md: the file is read-only/);
  assert.equal(fs.readFileSync(a, 'utf8'), DRAFT);
  assert.equal(fs.statSync(a).ino, ino);
  assert.equal(fs.statSync(a).mode & 0o777, 0o444);
  assert.deepEqual(fs.readdirSync(dir), ['a.md']);
  // The remaining findings are still reported, as for any file whose fixes were not written.
  assert.match(r.stdout, /numbering-sequence/);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Whether user 65534 can read the command (not when the checkout is in a folder only root may
 * enter, such as one made by mktemp -d). */
const nobodyCanRun = (): boolean =>
  spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, require('fs').constants.R_OK)`], { uid: 65534, gid: 65534 }).status === 0;

test('a writable file in a folder that is not writable is fixed in place', { skip: !posix }, (t) => {
  // Root may write anywhere: as root, the command runs as the unprivileged user 65534, who owns the
  // file but not the folder.
  if (root && !nobodyCanRun()) {
    t.skip(`user 65534 cannot read ${BIN}: the checkout is in a folder closed to other users`);
    return;
  }
  const dir = tmp();
  const folder = path.join(dir, 'locked');
  fs.mkdirSync(folder);
  const a = path.join(folder, 'a.md');
  fs.writeFileSync(a, DRAFT);
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(a, 0o644);
  if (root) fs.chownSync(a, 65534, 65534);
  fs.chmodSync(folder, 0o555);
  const ino = fs.statSync(a).ino;
  try {
    const r = gongwen(folder, ['--fix', 'a.md'], root ? { uid: 65534, gid: 65534 } : {});
    assert.notEqual(r.code, 2, r.stderr);
    assert.ok(fixed(fs.readFileSync(a, 'utf8')), fs.readFileSync(a, 'utf8'));
    assert.equal(fs.statSync(a).ino, ino, 'written in place');
    assert.deepEqual(fs.readdirSync(folder), ['a.md']);
  } finally {
    fs.chmodSync(folder, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
