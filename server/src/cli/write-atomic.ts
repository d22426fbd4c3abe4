// Writes a file atomically: a temporary file in the same directory, flushed to disk, then renamed
// over the original (keeping its mode). On any failure the temporary file is removed, the original
// is left as it was, and the error is thrown.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The temporary file's name for `target`; `.name.gongwen-<pid>-<random>.tmp` next to it. */
export function tempPathFor(target: string): string {
  const random = crypto.randomBytes(6).toString('hex');
  return path.join(path.dirname(target), `.${path.basename(target)}.gongwen-${process.pid}-${random}.tmp`);
}

/** The file as it was read: the write replaces it only if it is still that file, unchanged. */
export interface ReadStamp {
  realpath: string;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Thrown when the file changed, or became another file, between reading and writing. */
export class FileChangedError extends Error {
  readonly code = 'ECHANGED';
}

/** Where `file` leads and what it is now, for `writeFileAtomic`'s check. */
export function stampOf(file: string): ReadStamp {
  const realpath = fs.realpathSync(file);
  const st = fs.statSync(realpath);
  return { realpath, dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
}

function assertUnchanged(file: string, expected: ReadStamp): void {
  const now = stampOf(file);
  if (now.realpath !== expected.realpath || now.dev !== expected.dev || now.ino !== expected.ino || now.size !== expected.size || now.mtimeMs !== expected.mtimeMs) {
    throw new FileChangedError('the file changed while it was being checked');
  }
}

export function writeFileAtomic(file: string, data: Uint8Array, expected?: ReadStamp): void {
  // Write through a symbolic link to the file it points at, instead of replacing the link; and
  // only to the file that was read, as it was read (a concurrent edit, a link swapped in, win).
  if (expected) assertUnchanged(file, expected);
  const target = expected ? expected.realpath : fs.realpathSync(file);
  const mode = fs.statSync(target).mode & 0o7777;
  const temp = tempPathFor(target);
  let fd: number | undefined;
  let created = false;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    created = true;
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (expected) assertUnchanged(file, expected);
    fs.renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing
      }
    }
    if (created) {
      try {
        fs.unlinkSync(temp);
      } catch {
        // already renamed or gone
      }
    }
    throw e;
  }
  syncDirectory(path.dirname(target));
}

/** Best effort: makes the rename durable where directories can be flushed (not on Windows). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // not supported here
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
