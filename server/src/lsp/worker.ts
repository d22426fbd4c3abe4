// The worker thread that serves large documents (router.ts): the same language server, over the
// worker's message port instead of stdio. Started as worker.js from out/, or as the bundle itself
// (dist/server.cjs, whose entry start.ts runs this instead of main when it is the worker).

import { format, inspect, type InspectOptions } from 'node:util';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { AbstractMessageWriter, createConnection, PortMessageReader, ProposedFeatures, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { DOCUMENT_WORKER, encodeForRouter } from './router.js';
import { startServer } from './server.js';

interface DocumentWorkerData {
  kind: typeof DOCUMENT_WORKER;
  packageRoot?: string;
}

/** Whether this thread is the document worker. */
export function isDocumentWorker(): boolean {
  return !isMainThread && parentPort !== null && (workerData as Partial<DocumentWorkerData> | null)?.kind === DOCUMENT_WORKER;
}

/** Messages to the router, encoded here (off the main thread) with what it reads of them. */
class RouterWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly port: NonNullable<typeof parentPort>) {
    super();
  }
  write(message: Message): Promise<void> {
    this.port.postMessage(encodeForRouter(message));
    return Promise.resolve();
  }
  end(): void {}
}

function runWorker(): void {
  // Fault injection for the router's tests: the worker fails as it starts.
  if (process.env.GONGWEN_FAULT_WORKER === 'start') throw new Error('fault injected by GONGWEN_FAULT_WORKER');
  const port = parentPort!;
  const connection = createConnection(ProposedFeatures.all, new PortMessageReader(port), new RouterWriter(port));
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.dir = (item: unknown, options?: InspectOptions) => connection.console.log(inspect(item, options));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  const log = (what: string) => (e: unknown) => connection.console.error(`gongwen: ${what} (large-document worker): ${(e as Error)?.stack ?? String(e)}`);
  process.on('unhandledRejection', log('unhandled rejection'));
  process.on('uncaughtException', log('uncaught exception'));
  startServer(connection, { packageRoot: (workerData as DocumentWorkerData).packageRoot });
}

if (isDocumentWorker()) runWorker();
