// Checks a large batch of files on worker threads (one per core), keeping the input order.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ConfigLookup } from './config-lookup.js';
import { checkFile, type FileOutcome, type FileSettings } from './check-file.js';
import type { FileEntry } from './files.js';

interface WorkerInput {
  files: { index: number; file: FileEntry }[];
  settings: FileSettings;
  config?: string;
}

/** Fewer files than this are checked on the main thread: starting workers costs more. */
export const WORKER_THRESHOLD = 64;

export async function checkInWorkers(files: FileEntry[], settings: FileSettings, config: string | undefined, jobs: number): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  // Interleaved shares: neighbouring files (often of similar size) go to different workers.
  const shares: WorkerInput['files'][] = Array.from({ length: jobs }, () => []);
  files.forEach((file, index) => shares[index % jobs].push({ index, file }));
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const input: WorkerInput = { files: share, settings, config };
          const worker = new Worker(new URL(import.meta.url), { workerData: input });
          worker.on('message', (done: { index: number; outcome: FileOutcome }) => {
            outcomes[done.index] = done.outcome;
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with code ${code}`))));
        }),
    ),
  );
  return outcomes;
}

if (!isMainThread && parentPort) {
  const input = workerData as WorkerInput;
  const configs = new ConfigLookup(input.settings.cwd, input.config);
  for (const { index, file } of input.files) {
    parentPort.postMessage({ index, outcome: checkFile(file, input.settings, configs) });
  }
}
