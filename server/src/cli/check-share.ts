// A child process of a parallel check (parallel-check.ts): checks the share of files it is sent,
// sends back each file's outcome in turn, then `done`, and exits.

import { ConfigLookup } from './config-lookup.js';
import { checkFile } from './check-file.js';
import type { ShareInput, ShareMessage } from './parallel-check.js';
import { exitOnSignals, signalPoint } from './signals.js';

/** Fault injection for the test of the main process's fallback: `GONGWEN_FAULT_SHARE=exit`. */
const FAULT = process.env.GONGWEN_FAULT_SHARE;

// Stopped (by the main process, or by Ctrl-C for the whole group) between files, without a word:
// the main process tells the user.
exitOnSignals();

process.once('message', async (input: ShareInput) => {
  if (FAULT === 'exit') process.exit(3);
  const send = (m: ShareMessage, then?: () => void) => process.send!(m, undefined, {}, then);
  const configs = new ConfigLookup(input.settings.cwd, input.config);
  for (const { index, file } of input.files) {
    await signalPoint();
    send({ index, outcome: checkFile(file, input.settings, configs) });
  }
  send({ done: true }, () => process.disconnect());
});
