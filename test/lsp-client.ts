// A JSON-RPC client over stdio that drives gongwen-language-server as an editor would.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ApplyWorkspaceEditParams,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from './fixture-harness.js';

export interface ClientOptions {
  /** Announce pull diagnostics (textDocument/diagnostic); otherwise the server pushes. */
  pull?: boolean;
  /** The client's `locale`; null: none sent (as Neovim, ALE). Default zh-cn. */
  locale?: string | null;
  /** Sent as `initializationOptions`. */
  initializationOptions?: unknown;
  /** The client's capabilities, instead of the VS Code-like ones below (`pull` and `resolveEdits` then do nothing). */
  capabilities?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  rootPath?: string;
  /** The server script to run (default: bin/gongwen-language-server.js). */
  serverScript?: string;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
  /** Announce codeAction/resolve for `edit` (fix-all edits are then computed when resolved). */
  resolveEdits?: boolean;
  /** Announce `general.positionEncodings` (LSP 3.17), in order of preference. */
  positionEncodings?: string[];
}

export class LspTestClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  /** Every publication, of every document, in the order it arrived. */
  readonly publishLog: PublishDiagnosticsParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly logs: { type: number; message: string }[] = [];
  /** What the server registered with client/registerCapability, in order. */
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];
  /** How many workspace/diagnostic/refresh requests the server sent. */
  refreshes = 0;
  settings: Record<string, unknown>;
  stderr = '';
  private versions = new Map<string, number>();
  private waiters: (() => void)[] = [];

  constructor(readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    const script = options.serverScript ?? path.join(REPO_ROOT, 'bin', 'gongwen-language-server.js');
    this.process = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.process.stderr!.on('data', (d) => (this.stderr += String(d)));
    const reader = new StreamMessageReader(this.process.stdout!);
    // No partial-message timer: it re-arms itself every 10 s for as long as a message stays cut
    // off, so a server killed halfway through a large answer would keep this process alive.
    reader.partialMessageTimeout = 0;
    this.connection = createProtocolConnection(reader, new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.publishLog.push(p);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', (p: { registrations: { id: string; method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      this.appliedEdits.push(p);
      return { applied: true };
    });
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p);
    });
    this.connection.listen();
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown> }> {
    const root = this.options.rootPath ?? REPO_ROOT;
    const locale = this.options.locale === null ? {} : { locale: this.options.locale ?? 'zh-cn' };
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      ...locale,
      ...(this.options.initializationOptions !== undefined ? { initializationOptions: this.options.initializationOptions } : {}),
      rootUri: 'file://' + root,
      capabilities: this.options.capabilities ?? {
        ...(this.options.positionEncodings ? { general: { positionEncodings: this.options.positionEncodings } } : {}),
        workspace: { configuration: true, applyEdit: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
        textDocument: {
          ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          publishDiagnostics: { versionSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
            ...(this.options.resolveEdits ? { resolveSupport: { properties: ['edit'] } } : {}),
          },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  change(uri: string, changes: ({ text: string } | { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string })[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Waits (bounded) until `predicate` holds over what was published. */
  async waitFor(predicate: () => boolean, what: string, ms = 10000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    const list = this.published.get(uri);
    return list?.[list.length - 1];
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    return new Promise((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.on('exit', (code) => resolve(code));
    });
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }
}

/** `promise`, or a rejection naming `what` when it has not settled within `ms` (a server that went deaf). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A report of at least `bytes` UTF-8 bytes (past the size at which the server checks it in its
 * worker thread): the corpus drafts repeated, so with the density of findings of real text. */
export function largeReport(bytes: number): string {
  const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'corpus');
  const parts = fs.readdirSync(dir).filter((f) => !f.endsWith('.fixed.md')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8') + '\n\n');
  let text = '';
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    text += parts[i % parts.length];
    size += Buffer.byteLength(parts[i % parts.length]);
  }
  return text;
}

/** Applies LSP text edits (UTF-16 positions) to a text, as a client would apply a code action's edits. */
export function applyLspEdits(text: string, edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
