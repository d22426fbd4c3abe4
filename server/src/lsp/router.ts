// Large documents are served by a second instance of the same language server, running in a
// worker thread, so that checking one (0.3–1 s for 1 MB: the engine is synchronous) never holds
// up the answers for the other documents.
//
// The router stands between the editor and the two servers and passes JSON-RPC messages through
// unchanged; it reads only enough of each one to know where it goes:
//
// - A document belongs to one server. It is opened in the worker when it is larger than
//   LARGE_DOCUMENT_BYTES (UTF-8), else in the main thread's server; a document that grows past
//   the limit while it is edited is closed there and opened in the worker at its current version
//   (it stays there until it is closed). Every notification and request naming the document
//   (textDocument.uri, uri, data.uri of a code action, a command's first argument) goes to its
//   server; requests naming no document go to the main thread's server.
// - Configuration changes, file changes and the recheck command reach both servers; shutdown too
//   (the editor gets the main server's answer).
// - The worker's requests to the editor (settings, applyEdit, refresh) are passed on with ids of
//   their own; it registers no capabilities (the main server does, once). Diagnostics published
//   for an open document by the server that does not own it (a document that has just moved) are
//   dropped.
// - The worker sends its messages already encoded as JSON, with the few fields the router reads
//   beside them: the main thread neither rebuilds a large answer from the worker's copy (structured
//   cloning 3,000 diagnostics back cost 20–80 ms) nor encodes it again: over stdio it is written as
//   it came (other transports take it parsed).
// - The worker is started at the first large document. If it cannot start or it ends, its
//   documents are opened in the main thread's server and the requests it had not answered are
//   sent there: the documents are served as they were before this router existed.
//
// Within the worker, a newer version of a document supersedes an older one as in any instance of
// the server: a push waits 120 ms after the last change, and a request is answered with the check
// of the version current when it is handled. A check already running runs to its end (the engine
// cannot stop halfway); the editor then gets that version, and after it the newer one.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  Disposable,
  Message,
  type DataCallback,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';

/** Documents larger than this (UTF-8 bytes) are served by the worker. */
export const LARGE_DOCUMENT_BYTES = 200_000;

/** `workerData.kind` of the document worker (worker.ts). */
export const DOCUMENT_WORKER = 'gongwen-documents';

/** A message of the worker's, as it posts it to the router: its JSON and what the router reads of it. */
export interface EncodedMessage {
  json: string;
  kind: 'request' | 'response' | 'notification' | 'other';
  /** The message's id (for a request, its id in the worker; the JSON carries the router's). */
  id?: number | string | null;
  method?: string;
  /** For publishDiagnostics: the document. */
  uri?: string;
}

const WORKER_REQUEST = 'gongwen-worker-';

/** Encodes a message of the worker's for the router (run in the worker). Its requests to the
 * editor get ids of their own in the JSON, so that they cannot be taken for the main server's. */
export function encodeForRouter(message: Message): EncodedMessage {
  if (Message.isRequest(message)) return { kind: 'request', id: message.id, method: message.method, json: JSON.stringify({ ...message, id: `${WORKER_REQUEST}${message.id}` }) };
  if (Message.isResponse(message)) return { kind: 'response', id: message.id, json: JSON.stringify(message) };
  if (Message.isNotification(message)) {
    const uri = message.method === 'textDocument/publishDiagnostics' ? (message.params as { uri?: string } | undefined)?.uri : undefined;
    return { kind: 'notification', method: message.method, uri, json: JSON.stringify(message) };
  }
  return { kind: 'other', json: JSON.stringify(message) };
}

/** A writer that can also write a message already encoded as JSON (stdio). */
export interface EncodedWriter extends MessageWriter {
  writeEncoded(json: string): void;
}

/** LSP frames on a byte stream: `Content-Length: N` and the JSON; a message encoded elsewhere is written as it is. */
export class FramedStreamWriter extends AbstractMessageWriter implements EncodedWriter {
  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (e: Error) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }
  write(message: Message): Promise<void> {
    this.writeEncoded(JSON.stringify(message));
    return Promise.resolve();
  }
  writeEncoded(json: string): void {
    const body = Buffer.from(json, 'utf8');
    this.out.write(`Content-Length: ${body.length}\r\n\r\n`, 'ascii');
    this.out.write(body);
  }
  end(): void {}
}

/** What the router needs of the worker thread. */
export interface WorkerChannel {
  post(message: Message): void;
  onMessage(listener: (message: EncodedMessage) => void): void;
  /** Called once, when the worker has ended (or failed to start), with why. */
  onEnd(listener: (why: string) => void): void;
}

export interface RouterOptions {
  /** The editor's side of the connection (a writer with `writeEncoded` takes the worker's JSON as it is). */
  client: { reader: MessageReader; writer: MessageWriter | EncodedWriter };
  /** Starts the worker (the second server). */
  startWorker: () => WorkerChannel;
  /** Size (UTF-8 bytes) above which a document is served by the worker. */
  threshold?: number;
}

type Side = 'main' | 'worker';
type Id = number | string | null;

interface OpenDocument {
  doc: TextDocument;
  owner: Side;
}

/** Messages into the main thread's server, as its connection reads them. */
class LocalReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly waiting: Message[] = [];
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const m of this.waiting.splice(0)) callback(m);
    return Disposable.create(() => (this.callback = undefined));
  }
  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.waiting.push(message);
  }
}

/** Messages out of the main thread's server, to the router. */
class LocalWriter extends AbstractMessageWriter {
  constructor(private readonly sink: (message: Message) => void) {
    super();
  }
  write(message: Message): Promise<void> {
    this.sink(message);
    return Promise.resolve();
  }
  end(): void {}
}

export class DocumentRouter {
  /** The reader and writer for the main thread's server (`createConnection(…, reader, writer)`). */
  readonly local: { reader: MessageReader; writer: MessageWriter };
  private readonly toMain: LocalReader;
  private readonly client: { reader: MessageReader; writer: MessageWriter | EncodedWriter };
  private readonly threshold: number;
  private readonly startWorker: () => WorkerChannel;
  private readonly docs = new Map<string, OpenDocument>();
  private worker: WorkerChannel | undefined;
  /** The worker could not start or ended: documents are served by the main thread's server. */
  private workerGone = false;
  private initializeParams: unknown;
  /** Editor requests the worker has not answered yet, by id (re-sent to the main server if it ends). */
  private readonly atWorker = new Map<Id, RequestMessage>();
  /** The worker's requests to the editor: the id the editor sees (WORKER_REQUEST + its own) → its own id. */
  private readonly workerRequests = new Map<Id, Id>();
  /** Requests the router itself sent to the worker (its initialize, shutdown, a broadcast command). */
  private nextOwnRequest = 0;
  private shutdownRequested = false;

  constructor(options: RouterOptions) {
    this.client = options.client;
    this.threshold = options.threshold ?? LARGE_DOCUMENT_BYTES;
    this.startWorker = options.startWorker;
    this.toMain = new LocalReader();
    this.local = { reader: this.toMain, writer: new LocalWriter((m) => this.fromMain(m)) };
    this.client.reader.listen((m) => this.fromClient(m));
  }

  /** Whether the editor asked for shutdown (the exit code when its input ends). */
  get shutdownReceived(): boolean {
    return this.shutdownRequested;
  }

  private toClient(message: Message): void {
    void this.client.writer.write(message).catch(() => undefined);
  }

  private toClientEncoded(json: string): void {
    const writer = this.client.writer;
    if ('writeEncoded' in writer) writer.writeEncoded(json);
    else this.toClient(JSON.parse(json) as Message);
  }

  private log(type: 1 | 2 | 3 | 4, message: string): void {
    this.toClient({ jsonrpc: '2.0', method: 'window/logMessage', params: { type, message } } as NotificationMessage);
  }

  // ── from the editor ──────────────────────────────────────────────────────────────────────

  private fromClient(message: Message): void {
    if (Message.isRequest(message)) return this.clientRequest(message);
    if (Message.isResponse(message)) {
      // An answer to a request of the worker's (renumbered), or else of the main server's.
      const id = message.id;
      if (id !== null && this.workerRequests.has(id)) {
        const own = this.workerRequests.get(id)!;
        this.workerRequests.delete(id);
        this.worker?.post({ ...message, id: own } as ResponseMessage);
        return;
      }
      this.toMain.deliver(message);
      return;
    }
    if (Message.isNotification(message)) return this.clientNotification(message);
    this.toMain.deliver(message); // neither: the main server's connection reports it
  }

  private clientRequest(request: RequestMessage): void {
    if (request.method === 'initialize') {
      // A second initialize is refused by the server; the worker is started with the first.
      if (this.initializeParams === undefined) this.initializeParams = request.params ?? {};
      this.toMain.deliver(request);
      return;
    }
    if (request.method === 'shutdown') {
      this.shutdownRequested = true;
      this.ownRequest('shutdown');
      this.toMain.deliver(request);
      return;
    }
    const uri = uriOf(request);
    if (uri !== undefined && this.docs.get(uri)?.owner === 'worker' && this.worker) {
      this.atWorker.set(request.id, request);
      this.worker.post(request);
      return;
    }
    // A command naming no document (recheck) is for both.
    if (request.method === 'workspace/executeCommand' && uri === undefined) this.ownRequest(request.method, request.params);
    this.toMain.deliver(request);
  }

  private clientNotification(note: NotificationMessage): void {
    const params = note.params as Record<string, unknown> | undefined;
    switch (note.method) {
      case 'textDocument/didOpen': {
        const item = params?.textDocument as { uri: string; languageId: string; version: number; text: string } | undefined;
        if (!item || typeof item.uri !== 'string' || typeof item.text !== 'string') break;
        const owner: Side = this.isLarge(item.text) && this.ensureWorker() ? 'worker' : 'main';
        const before = this.docs.get(item.uri);
        if (before && before.owner !== owner) this.send(before.owner, notification('textDocument/didClose', { textDocument: { uri: item.uri } }));
        this.docs.set(item.uri, { doc: TextDocument.create(item.uri, item.languageId, item.version, item.text), owner });
        this.send(owner, note);
        return;
      }
      case 'textDocument/didChange': {
        const id = params?.textDocument as { uri: string; version: number } | undefined;
        const open = id ? this.docs.get(id.uri) : undefined;
        if (!open || !Array.isArray(params?.contentChanges)) break;
        open.doc = TextDocument.update(open.doc, params.contentChanges as TextDocumentContentChangeEvent[], id!.version);
        if (open.owner === 'main' && this.isLarge(open.doc.getText()) && this.ensureWorker()) {
          // Grown past the limit: moved to the worker at its current version.
          open.owner = 'worker';
          this.toMain.deliver(notification('textDocument/didClose', { textDocument: { uri: open.doc.uri } }));
          this.worker!.post(openNotification(open.doc));
          return;
        }
        this.send(open.owner, note);
        return;
      }
      case 'textDocument/didClose': {
        const uri = (params?.textDocument as { uri?: string } | undefined)?.uri;
        const open = uri !== undefined ? this.docs.get(uri) : undefined;
        if (!open) break;
        this.docs.delete(uri!);
        this.send(open.owner, note);
        return;
      }
      case '$/cancelRequest': {
        const id = params?.id as Id | undefined;
        if (id !== undefined && this.atWorker.has(id)) this.worker?.post(note);
        else this.toMain.deliver(note);
        return;
      }
      case 'initialized':
      case 'exit':
        // The worker got its own `initialized` when it started; the main server ends the process.
        this.toMain.deliver(note);
        return;
    }
    const uri = uriOf(note);
    const open = uri !== undefined ? this.docs.get(uri) : undefined;
    if (open) this.send(open.owner, note);
    else {
      // Configuration, watched files, trace: both servers.
      this.toMain.deliver(note);
      this.worker?.post(note);
    }
  }

  private send(side: Side, message: Message): void {
    if (side === 'worker' && this.worker) this.worker.post(message);
    else this.toMain.deliver(message);
  }

  private isLarge(text: string): boolean {
    // UTF-8 takes 1–3 bytes per UTF-16 unit: count the bytes only when the length cannot tell.
    if (text.length > this.threshold) return true;
    if (text.length * 3 <= this.threshold) return false;
    return Buffer.byteLength(text, 'utf8') > this.threshold;
  }

  /** A request of the router's own to the worker; its answer is not passed on. */
  private ownRequest(method: string, params?: unknown): void {
    if (!this.worker) return;
    this.worker.post({ jsonrpc: '2.0', id: `gongwen-router-${this.nextOwnRequest++}`, method, ...(params === undefined ? {} : { params }) } as RequestMessage);
  }

  // ── the worker ───────────────────────────────────────────────────────────────────────────

  /** Starts the worker if it is not running; false when it cannot run (documents stay in the main thread). */
  private ensureWorker(): boolean {
    if (this.worker) return true;
    if (this.workerGone || this.initializeParams === undefined || this.shutdownRequested) return false;
    let worker: WorkerChannel;
    try {
      worker = this.startWorker();
    } catch (e) {
      this.workerGone = true;
      this.log(1, `gongwen: the worker for large documents could not start; they are checked in the main thread. ${(e as Error)?.stack ?? String(e)}`);
      return false;
    }
    this.worker = worker;
    worker.onMessage((m) => this.fromWorker(m));
    worker.onEnd((why) => this.workerEnded(why));
    this.ownRequest('initialize', this.initializeParams);
    worker.post(notification('initialized', {}));
    return true;
  }

  private fromWorker(message: EncodedMessage): void {
    if (message.kind === 'response') {
      const id = message.id;
      if (typeof id === 'string' && id.startsWith('gongwen-router-')) return; // the router's own
      if (id !== undefined && id !== null) this.atWorker.delete(id);
    } else if (message.kind === 'request') {
      if (message.method === 'client/registerCapability' || message.method === 'client/unregisterCapability') {
        // The main server registers for both.
        this.worker?.post({ jsonrpc: '2.0', id: message.id ?? null, result: null } as ResponseMessage);
        return;
      }
      this.workerRequests.set(`${WORKER_REQUEST}${message.id}`, message.id ?? null);
    } else if (message.kind === 'notification' && message.method === 'textDocument/publishDiagnostics' && this.dropped(message.uri, 'worker')) return;
    this.toClientEncoded(message.json);
  }

  private fromMain(message: Message): void {
    if (Message.isNotification(message) && message.method === 'textDocument/publishDiagnostics' && this.dropped((message.params as { uri?: string } | undefined)?.uri, 'main')) return;
    this.toClient(message);
  }

  /** Diagnostics for an open document from the server that no longer owns it. */
  private dropped(uri: string | undefined, from: Side): boolean {
    const open = uri !== undefined ? this.docs.get(uri) : undefined;
    return !!open && open.owner !== from;
  }

  private workerEnded(why: string): void {
    if (this.workerGone) return;
    this.workerGone = true;
    this.worker = undefined;
    this.workerRequests.clear();
    if (this.shutdownRequested) return;
    this.log(1, `gongwen: the worker for large documents ended (${why}); they are checked in the main thread from now on`);
    // Its documents, at their current versions, and the requests it left unanswered, to the main server.
    for (const open of this.docs.values()) {
      if (open.owner !== 'worker') continue;
      open.owner = 'main';
      this.toMain.deliver(openNotification(open.doc));
    }
    const pending = [...this.atWorker.values()];
    this.atWorker.clear();
    for (const request of pending) this.toMain.deliver(request);
  }
}

function notification(method: string, params: unknown): NotificationMessage {
  return { jsonrpc: '2.0', method, params } as NotificationMessage;
}

function openNotification(doc: TextDocument): NotificationMessage {
  return notification('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: doc.languageId, version: doc.version, text: doc.getText() } });
}

/** The document a request or notification is about, where it names one. */
function uriOf(message: RequestMessage | NotificationMessage): string | undefined {
  const p = message.params as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object' || Array.isArray(p)) return undefined;
  const doc = p.textDocument as { uri?: unknown } | undefined;
  if (doc && typeof doc.uri === 'string') return doc.uri;
  if (typeof p.uri === 'string') return p.uri;
  const data = p.data as { uri?: unknown } | undefined;
  if (message.method === 'codeAction/resolve' && data && typeof data.uri === 'string') return data.uri;
  const args = p.arguments;
  if (message.method === 'workspace/executeCommand' && Array.isArray(args) && typeof args[0] === 'string') return args[0];
  return undefined;
}

/** Starts the document worker: worker.js beside this module (out/), or the bundle itself (dist/server.cjs). */
export function startDocumentWorker(packageRoot: string | undefined): WorkerChannel {
  const self = fileURLToPath(import.meta.url);
  const script = self.endsWith('.cjs') ? self : path.join(path.dirname(self), 'worker.js');
  // stdout: true keeps what the worker might print off the protocol stream on stdout. A young
  // generation of 8 MB (not V8's 16–32) takes 30–60 MB less memory and checks as fast.
  const worker = new Worker(script, { workerData: { kind: DOCUMENT_WORKER, packageRoot }, stdout: true, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  worker.stdout.resume();
  let ended: ((why: string) => void) | undefined;
  let why = '';
  worker.on('error', (e) => (why = (e as Error)?.stack ?? String(e)));
  worker.on('exit', (code) => ended?.(why || `exit code ${code}`));
  return {
    post: (m) => worker.postMessage(m),
    onMessage: (listener) => worker.on('message', listener),
    onEnd: (listener) => (ended = listener),
  };
}
