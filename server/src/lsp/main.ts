// Entry of `gongwen-language-server`: `--stdio` for any LSP editor, `--node-ipc` when VS Code
// starts it. The transport is chosen by vscode-languageserver from the command line.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

/** The package's folder (the one holding docs/rules), looked for upward from this file (checkout or bundle). */
function findPackageRoot(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'docs');
    if (fs.existsSync(path.join(candidate, 'rules'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

export function main(): void {
  if (process.argv.includes('--version')) {
    process.stdout.write('gongwen-language-server 0.1.0\n');
    return;
  }
  const hasTransport = process.argv.some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'));
  if (!hasTransport) process.argv.push('--stdio');
  const connection = createConnection(ProposedFeatures.all);
  // No input may end the server: what escapes a handler is logged, and the server goes on.
  const log = (what: string) => (e: unknown) => connection.console.error(`gongwen: ${what}: ${(e as Error)?.stack ?? String(e)}`);
  process.on('unhandledRejection', log('unhandled rejection'));
  process.on('uncaughtException', log('uncaught exception'));
  startServer(connection, { packageRoot: findPackageRoot() });
}
