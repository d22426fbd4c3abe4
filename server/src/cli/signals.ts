// Stops the command cleanly on SIGINT (Ctrl-C), SIGTERM and SIGHUP: the temporary files being
// written are removed, the check processes of a parallel run are stopped (and clean up the same
// way) and waited for, and the exit code is 128 plus the signal's number (130, 143, 129).
// Node runs a signal handler only between two pieces of synchronous work, so a file is never left
// half-written: each write (temporary file and rename, or in place) is synchronous, and the loops
// over files call `signalPoint()` between files, where a pending signal is handled and the loop
// goes no further.

import * as os from 'node:os';
import { removePendingTemps } from './write-atomic.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What must end before the process exits (a check process): stopped with the signal received. */
type Stopper = (signal: NodeJS.Signals) => Promise<void>;
const stoppers = new Set<Stopper>();

let installed = false;
let stopping = false;

/** Registers `stop`, run when a signal stops the command; returns its removal. */
export function onStop(stop: Stopper): () => void {
  stoppers.add(stop);
  return () => void stoppers.delete(stop);
}

/** Installs the handlers (once per process); `say` tells the user, in the process that has one. */
export function exitOnSignals(say?: (signal: NodeJS.Signals) => void): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      removePendingTemps();
      try {
        say?.(signal);
      } catch {
        // no terminal left to tell (SIGHUP)
      }
      const exitCode = 128 + (os.constants.signals[signal] ?? 0);
      void Promise.allSettled([...stoppers].map((stop) => stop(signal))).finally(() => {
        removePendingTemps();
        process.exit(exitCode);
      });
    });
  }
}

/** Between two files: lets a pending signal be handled, and after one, never returns. */
export async function signalPoint(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (stopping) await new Promise<never>(() => undefined);
}
