// Entry of `gongwen-language-server`: `--stdio` for any LSP editor, `--node-ipc` when VS Code
// starts it. The transport is chosen from the command line: stdio (the default) through
// FrameGuard, the others by vscode-languageserver.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, inspect, type InspectOptions } from 'node:util';
import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  type Connection,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { FrameGuard } from './framing.js';
import { DocumentRouter, FramedStreamWriter, startDocumentWorker } from './router.js';
import { startServer } from './server.js';

/** The library's reader, noting whether `shutdown` was read (for the exit code when stdin ends). */
class Reader extends StreamMessageReader {
  shutdownRead = false;
  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      if ((message as RequestMessage).method === 'shutdown') this.shutdownRead = true;
      callback(message);
    });
  }
}

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
  // --stdio (the default): frames are read through FrameGuard, so that a malformed frame is
  // dropped and reading resumes at the next header instead of wedging the reader. The other
  // transports (--node-ipc, which VS Code uses, --socket, --pipe) are opened as the library opens
  // them. Either way the editor's messages pass through the router, which serves large documents
  // from a worker thread (router.ts); the main thread's server reads and writes through it.
  const packageRoot = findPackageRoot();
  let router: DocumentRouter | undefined;
  const routed = (reader: MessageReader, writer: MessageWriter): Connection => {
    router = new DocumentRouter({ client: { reader, writer }, startWorker: () => startDocumentWorker(packageRoot) });
    return createConnection(ProposedFeatures.all, router.local.reader, router.local.writer);
  };
  const otherTransport = otherTransportOf(process.argv.slice(2));
  let connection: Connection;
  if (otherTransport) {
    connection = routed(...otherTransport);
  } else {
    let dropped = 0;
    const writer = new FramedStreamWriter(process.stdout);
    // JSON-RPC: a body that is not JSON is answered with a parse error, id null (its id is unknown).
    const parseError = () => {
      const response: ResponseMessage = { jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: 'Parse error: the message is not valid JSON' } };
      void writer.write(response).catch(() => undefined);
    };
    const input = new FrameGuard((drop) => {
      // Logged once per resynchronisation, and not more than 100 times in all.
      if (++dropped > 100) return;
      const more = dropped === 100 ? '; further drops are not logged' : '';
      connection.console.warn(`gongwen: dropped ${drop.bytes} bytes of input that were not a well-formed message (${drop.reason}); reading resumed at the next Content-Length header${more}`);
    }, parseError);
    process.stdin.pipe(input);
    // stdin closed without ending: the guard ends too.
    process.stdin.once('close', () => {
      if (!input.writableEnded) input.end();
    });
    // The reader and writer are the server's own (not made by the library from the streams), so
    // that a body the guard passed but JSON.parse rejects (`{"id":1,}`) is answered too; the exit
    // when input ends is then the server's to make, as the library makes it: 0 after shutdown, else 1.
    const reader = new Reader(input);
    reader.onError((e) => {
      if (e instanceof SyntaxError) parseError();
    });
    const exit = () => process.exit(reader.shutdownRead || router?.shutdownReceived ? 0 : 1);
    input.once('end', exit);
    input.once('close', exit);
    connection = routed(reader, writer);
    // What the library does for --stdio when it owns stdin: console output goes to the client's
    // log, never into the protocol stream on stdout.
    console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
    console.dir = (item: unknown, options?: InspectOptions) => connection.console.log(inspect(item, options));
    console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
    console.error = (...args: unknown[]) => connection.console.error(format(...args));
  }
  // No input may end the server: what escapes a handler is logged, and the server goes on.
  const log = (what: string) => (e: unknown) => connection.console.error(`gongwen: ${what}: ${(e as Error)?.stack ?? String(e)}`);
  process.on('unhandledRejection', log('unhandled rejection'));
  process.on('uncaughtException', log('uncaught exception'));
  startServer(connection, { packageRoot });
}

/** The transport named on the command line other than stdio, read as vscode-languageserver reads it. */
function otherTransportOf(argv: string[]): [MessageReader, MessageWriter] | undefined {
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = argv[i].split('=');
    if (name === '--node-ipc') return [new IPCMessageReader(process), new IPCMessageWriter(process)];
    if (name === '--stdio') return undefined;
    if (name === '--socket') return createServerSocketTransport(parseInt(value ?? argv[i + 1]));
    if (name === '--pipe') return createServerPipeTransport(value ?? argv[i + 1]);
  }
  return undefined;
}
