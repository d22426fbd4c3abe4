// Issue 11, items 8 and 9: --fix writes only to the file it read, as it read it. An edit made
// while the check runs is kept (the fixes are not written, with a message), and a file swapped
// for a symbolic link meanwhile is not written through the link.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFile } from '../../server/src/cli/check-file.js';
import type { ConfigLookup } from '../../server/src/cli/config-lookup.js';

const DRAFT = '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n';
const settings = { fix: true, format: 'text' as const, cwd: os.tmpdir(), locale: 'zh-CN' as const };

/** A configuration lookup that runs `meanwhile` between the read and the write, as a concurrent editor would. */
function lookupThat(meanwhile: () => void): ConfigLookup {
  return { forFile: () => (meanwhile(), { layers: [], problems: [], firstUse: false }) } as unknown as ConfigLookup;
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-concurrent-'));
}

test('an edit made while --fix checks the file is kept; the fixes are not written', () => {
  const dir = tmp();
  const file = path.join(dir, 'a.md');
  fs.writeFileSync(file, DRAFT);
  const edited = DRAFT + '\n用户刚刚加上的一段话。\n';
  const outcome = checkFile({ display: 'a.md', absolute: file }, settings, lookupThat(() => fs.writeFileSync(file, edited)));
  assert.equal(fs.readFileSync(file, 'utf8'), edited);
  assert.equal(outcome.fixed, 0);
  assert.ok(outcome.troubles.some((t) => t.includes('检查期间被修改')), outcome.troubles.join('\n'));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a file swapped for a symbolic link while --fix checks it is not written through the link', () => {
  const dir = tmp();
  const file = path.join(dir, 'a.md');
  const other = path.join(dir, 'other.md');
  fs.writeFileSync(file, DRAFT);
  fs.writeFileSync(other, '别的文件，不能被改写。\n');
  const outcome = checkFile({ display: 'a.md', absolute: file }, settings, lookupThat(() => {
    fs.rmSync(file);
    fs.symlinkSync(other, file);
  }));
  assert.equal(fs.readFileSync(other, 'utf8'), '别的文件，不能被改写。\n');
  assert.equal(outcome.fixed, 0);
  assert.ok(outcome.troubles.length > 0);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('without interference the fixes are written', () => {
  const dir = tmp();
  const file = path.join(dir, 'a.md');
  fs.writeFileSync(file, DRAFT);
  const outcome = checkFile({ display: 'a.md', absolute: file }, settings, lookupThat(() => undefined));
  assert.ok(outcome.fixed > 0);
  assert.match(fs.readFileSync(file, 'utf8'), /二、存在问题/);
  fs.rmSync(dir, { recursive: true, force: true });
});
