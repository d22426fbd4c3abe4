// Issue 11, item 11: a special file (/dev/zero) is refused before it is read, and output that
// cannot be written (> /dev/full) ends with one line on stderr and exit 2, not a stack trace.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../fixture-harness.js';

const BIN = path.join(REPO_ROOT, 'bin', 'gongwen.js');
const posix = process.platform !== 'win32' && fs.existsSync('/dev/zero') && fs.existsSync('/dev/full');

test('check /dev/zero is refused, naming the path, exit 2', { skip: !posix, timeout: 20_000 }, () => {
  const r = spawnSync(process.execPath, [BIN, 'check', '/dev/zero'], { encoding: 'utf8', timeout: 15_000 });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /\/dev\/zero: 不是普通文件/);
});

test('output to a full device: one line on stderr, exit 2', { skip: !posix, timeout: 20_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-full-'));
  const file = path.join(dir, 'a.md');
  fs.writeFileSync(file, '# 某局2025年工作总结\n\n一、工作\n\n三、问题\n');
  const full = fs.openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, 'check', file], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'], timeout: 15_000 });
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /cannot write the output \(ENOSPC\)/);
  } finally {
    fs.closeSync(full);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
