// Checks a large batch of files in parallel, keeping the input order: the main process checks one
// share, child processes (one per further core) the others. Child processes rather than worker
// threads: each has a heap of its own, one that dies leaves its files to the main process, and on
// the 2-core machine two warm processes checked 1.85× as fast as one (docs/performance.md).

import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ConfigLookup } from './config-lookup.js';
import { checkFile, type FileOutcome, type FileSettings } from './check-file.js';
import type { FileEntry } from './files.js';
import { onStop, signalPoint } from './signals.js';

/** What the main process sends a child: its share of the files. */
export interface ShareInput {
  files: { index: number; file: FileEntry }[];
  settings: FileSettings;
  config?: string;
}

/** What a child sends back: one message per file, then `done`. */
export type ShareMessage = { index: number; outcome: FileOutcome } | { done: true };

/** Fewer files than this are checked in the main process alone: starting processes costs more. */
export const PARALLEL_THRESHOLD = 64;

// check-share.js beside this module (out/), or check-share.cjs beside the bundle (out/bundle/).
const CHILD = fileURLToPath(new URL(import.meta.url.endsWith('.cjs') ? './check-share.cjs' : './check-share.js', import.meta.url));

export async function checkInParallel(files: FileEntry[], settings: FileSettings, config: string | undefined, jobs: number, configs: ConfigLookup): Promise<FileOutcome[]> {
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  // Interleaved shares: neighbouring files (often of similar size) go to different processes.
  const shares: ShareInput['files'][] = Array.from({ length: jobs }, () => []);
  files.forEach((file, index) => shares[index % jobs].push({ index, file }));
  const children = shares.slice(1).map((share) => runChild({ files: share, settings, config }, outcomes));
  // Each child has its share before the main process starts on its own (the main process's
  // event loop, which writes the shares out, is busy until then).
  await Promise.all(children.map((c) => c.sent));
  for (const { index, file } of shares[0]) {
    await signalPoint();
    outcomes[index] = checkFile(file, settings, configs);
  }
  await Promise.all(children.map((c) => c.finished.catch(() => undefined)));
  // A child that failed (it should not) leaves files without an outcome: check them here (unless
  // it was stopped by a signal, which stops this process too).
  const all: FileOutcome[] = [];
  for (let index = 0; index < files.length; index++) {
    await signalPoint();
    all.push(outcomes[index] ?? checkFile(files[index], settings, configs));
  }
  return all;
}

function runChild(input: ShareInput, outcomes: (FileOutcome | undefined)[]): { sent: Promise<void>; finished: Promise<void> } {
  const child = fork(CHILD, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
  const sent = new Promise<void>((resolve) => child.send(input, () => resolve()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A signal that stops this process stops the child too, which removes its temporary files.
  const forget = onStop((signal) => {
    child.kill(signal);
    return exited;
  });
  void exited.then(forget);
  const finished = new Promise<void>((resolve, reject) => {
    let done = false;
    child.on('message', (m: ShareMessage) => {
      if ('done' in m) done = true;
      else outcomes[m.index] = m.outcome;
    });
    child.on('error', reject);
    child.on('exit', (code) => (done && code === 0 ? resolve() : reject(new Error(`gongwen check process exited with code ${code}`))));
  });
  // Handled from the start: a child that dies while this process checks its own share would
  // otherwise be an unhandled rejection, which ends this process with no output at all.
  finished.catch(() => undefined);
  return { sent, finished };
}
