// Running the real `gongwen` command in temporary workspaces, for the CLI tests.

import { after } from 'node:test';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './fixture-harness.js';

export const BIN = path.join(REPO_ROOT, 'bin', 'gongwen.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `gongwen …args` in `cwd`; killed after a minute so that a hang fails the test instead of stalling it. */
export function run(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory holding the given files (name → text or bytes, folders made as
 * needed); removed after the tests of the file that made it. */
export function workspace(files: Record<string, string | Uint8Array> = {}, prefix = 'gongwen-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}
