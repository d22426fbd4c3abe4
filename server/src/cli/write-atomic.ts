// Writes the fixes back the way users expect of `eslint --fix`, atomically where it can:
//   - 'atomic': a temporary file in the same directory, given the original's owner and mode,
//     flushed to disk, then renamed over the original. A reader sees the old file or the new one.
//   - 'in-place': the original file itself is overwritten, when replacing it would change what the
//     user has: a hard-linked file (a rename would split it from its other names), a folder where
//     no temporary file can be made (not writable), or an owner the temporary file cannot be given
//     (a group-writable file of someone else). The whole new text is ready before the file is
//     touched, and the file is checked to still be the one that was read, unchanged.
// A file nobody may write (no write bit, or no write access for this user) is refused, not
// replaced: a rename would succeed in a writable folder, and silently defeat the read-only mode.
// On any failure the temporary file is removed, the original is left as it was (in place: put back
// as far as the system lets), and the error is thrown. Temporary files being written are listed,
// so that a signal handler can remove them (`removePendingTemps`).

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type WriteMode = 'atomic' | 'in-place';

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

/** Thrown for a read-only file: it is not written. */
export class ReadOnlyError extends Error {
  readonly code = 'EREADONLY';
}

/** Where `file` leads and what it is now, for `writeFileAtomic`'s check. */
export function stampOf(file: string): ReadStamp {
  const realpath = fs.realpathSync(file);
  const st = fs.statSync(realpath);
  return { realpath, dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
}

function sameFile(a: Omit<ReadStamp, 'realpath'>, b: Omit<ReadStamp, 'realpath'>): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function assertUnchanged(file: string, expected: ReadStamp): void {
  const now = stampOf(file);
  if (now.realpath !== expected.realpath || !sameFile(now, expected)) {
    throw new FileChangedError('the file changed while it was being checked');
  }
}

/** Temporary files created and not yet renamed or removed. */
const pendingTemps = new Set<string>();

/** Removes the temporary files being written (for a signal handler: the process is stopping). */
export function removePendingTemps(): void {
  for (const temp of pendingTemps) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // gone already
    }
  }
  pendingTemps.clear();
}

const code = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code;

/**
 * Read-only: no write bit at all (refused even for root, who could write it, as eslint --fix
 * would), or no write access for this user (a file of someone else that only they may write).
 */
function isReadOnly(target: string, st: fs.Stats): boolean {
  if ((st.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return false;
  } catch (e) {
    if (code(e) === 'EACCES' || code(e) === 'EPERM') return true;
    return false; // another reason (a read-only file system…): the write says it
  }
}

export function writeFileAtomic(file: string, data: Uint8Array, expected?: ReadStamp): WriteMode {
  // Write through a symbolic link to the file it points at, instead of replacing the link; and
  // only to the file that was read, as it was read (a concurrent edit, a link swapped in, win).
  if (expected) assertUnchanged(file, expected);
  const target = expected ? expected.realpath : fs.realpathSync(file);
  const st = fs.statSync(target);
  const read = expected ?? { realpath: target, dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  if (isReadOnly(target, st)) throw new ReadOnlyError('the file is read-only');
  if (st.nlink > 1) return writeInPlace(target, data, read);
  const temp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
  } catch (e) {
    // No temporary file in this folder (not writable): the file itself may still be.
    if (code(e) === 'EACCES' || code(e) === 'EPERM' || code(e) === 'EROFS') return writeInPlace(target, data, read);
    throw e;
  }
  pendingTemps.add(temp);
  let inPlace = false;
  try {
    // The owner first: changing it (as root) clears set-id bits, which the mode then restores.
    const made = fs.fstatSync(fd);
    if (made.uid !== st.uid || made.gid !== st.gid) {
      try {
        fs.fchownSync(fd, st.uid, st.gid);
      } catch (e) {
        if (code(e) !== 'EPERM' && code(e) !== 'EACCES') throw e;
        inPlace = true; // the replacement would belong to someone else
      }
    }
    if (!inPlace) {
      fs.fchmodSync(fd, st.mode & 0o7777);
      writeAll(fd, data, 0);
      fs.fsyncSync(fd);
    }
    fs.closeSync(fd);
    fd = undefined;
    if (!inPlace) {
      if (expected) assertUnchanged(file, expected);
      fs.renameSync(temp, target);
      pendingTemps.delete(temp);
    }
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing
      }
    }
    removeTemp(temp);
    throw e;
  }
  if (inPlace) {
    removeTemp(temp);
    return writeInPlace(target, data, read);
  }
  syncDirectory(path.dirname(target));
  return 'atomic';
}

function removeTemp(temp: string): void {
  try {
    fs.unlinkSync(temp);
  } catch {
    // already renamed or gone
  }
  pendingTemps.delete(temp);
}

function writeAll(fd: number, data: Uint8Array, position: number): void {
  let written = 0;
  while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written, position + written);
}

/**
 * Overwrites the file that was read with `data`, keeping its inode (links, owner, mode, extended
 * attributes). Not atomic: the order is chosen so that the file is never shorter than both texts
 * while it is written. The new bytes go over the old from the start, then the file is cut to the
 * new length, then flushed (truncating first would leave an empty or short file if the write then
 * failed). A failed write (a full disk) puts the old bytes back as far as it can. The signal
 * handler cannot run in between: these calls are synchronous.
 */
function writeInPlace(target: string, data: Uint8Array, read: Omit<ReadStamp, 'realpath'>): WriteMode {
  const fd = fs.openSync(target, fs.constants.O_RDWR | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    const now = fs.fstatSync(fd);
    if (!sameFile(now, read)) throw new FileChangedError('the file changed while it was being checked');
    const old = Buffer.alloc(now.size);
    let got = 0;
    while (got < old.length) {
      const n = fs.readSync(fd, old, got, old.length - got, got);
      if (n === 0) throw new FileChangedError('the file became shorter while it was being written');
      got += n;
    }
    try {
      writeAll(fd, data, 0);
      if (data.length < old.length) fs.ftruncateSync(fd, data.length);
      fs.fsyncSync(fd);
    } catch (e) {
      try {
        writeAll(fd, old, 0);
        fs.ftruncateSync(fd, old.length);
        fs.fsyncSync(fd);
      } catch {
        // the first error says why
      }
      throw e;
    }
  } finally {
    fs.closeSync(fd);
  }
  return 'in-place';
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

/** Thrown by `createFileAtomic` when the file exists: it is never replaced. */
export class FileExistsError extends Error {
  readonly code = 'EEXIST';
}

/**
 * Creates a new file with `data`, never replacing one: the data goes to a temporary file in the
 * same folder, flushed to disk, which is then linked to the name (a link fails if the name exists,
 * so a file made meanwhile is safe) and removed. Where links cannot be made (some shared or FAT
 * drives) it is renamed after a last check that the name is free. A reader sees no file or the
 * whole one; on failure nothing is left behind.
 */
export function createFileAtomic(file: string, data: Uint8Array): void {
  if (fs.existsSync(file)) throw new FileExistsError(`${file} exists`);
  const temp = tempPathFor(file);
  // The mode a new file gets (the umask applies), not the temporary file's 0600.
  const fd = fs.openSync(temp, 'wx', 0o666);
  pendingTemps.add(temp);
  try {
    try {
      writeAll(fd, data, 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(temp, file);
    } catch (e) {
      if (code(e) === 'EEXIST') throw new FileExistsError(`${file} exists`);
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code(e) ?? '')) throw e;
      if (fs.existsSync(file)) throw new FileExistsError(`${file} exists`);
      fs.renameSync(temp, file);
    }
  } finally {
    removeTemp(temp);
  }
  syncDirectory(path.dirname(file));
}
