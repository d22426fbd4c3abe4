// What the client said it can do, read once from `initialize`: the server uses a feature only
// when the client declared it (LSP 3.17), so that any client, not only VS Code, is served as the
// specification allows. Read defensively: a client may send anything.

import type { InitializeParams } from 'vscode-languageserver/node';
import type { Locale } from '../engine/types.js';
import { localeOf } from './convert.js';

export interface ClientFeatures {
  /** textDocument/diagnostic: the client pulls; else the server pushes. */
  pull: boolean;
  /** workspace/configuration: settings are asked for; else the ones pushed with didChangeConfiguration are used. */
  configurationRequests: boolean;
  /** didChangeConfiguration may be registered dynamically. */
  configurationRegistration: boolean;
  /** didChangeWatchedFiles may be registered dynamically; else configuration files are re-read by modification time. */
  watchedFilesRegistration: boolean;
  /** workspace/diagnostic/refresh may be sent. */
  diagnosticRefresh: boolean;
  /** Hovers may be Markdown; else plain text. */
  hoverMarkdown: boolean;
  /** Completion items may be snippets (tab stops); else the frames are sent as plain text. */
  snippets: boolean;
  /** codeAction/resolve fills in `edit`. */
  resolveEdits: boolean;
  /** A workspace edit may create a file (documentChanges with resource operations that include create). */
  createFiles: boolean;
  /** The session's language: initializationOptions.locale, else the client's locale, else zh-CN (as the CLI). */
  locale: Locale;
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

export function clientFeatures(params: InitializeParams): ClientFeatures {
  const p = obj(params);
  const caps = obj(p.capabilities);
  const workspace = obj(caps.workspace);
  const text = obj(caps.textDocument);
  const init = obj(p.initializationOptions);
  const tag = typeof init.locale === 'string' && init.locale ? init.locale : typeof p.locale === 'string' && p.locale ? p.locale : undefined;
  const formats = obj(text.hover).contentFormat;
  const resolve = obj(obj(text.codeAction).resolveSupport).properties;
  return {
    pull: !!text.diagnostic,
    configurationRequests: !!workspace.configuration,
    configurationRegistration: obj(workspace.didChangeConfiguration).dynamicRegistration === true,
    watchedFilesRegistration: obj(workspace.didChangeWatchedFiles).dynamicRegistration === true,
    diagnosticRefresh: obj(workspace.diagnostics).refreshSupport === true,
    hoverMarkdown: Array.isArray(formats) && formats.includes('markdown'),
    snippets: obj(obj(text.completion).completionItem).snippetSupport === true,
    resolveEdits: Array.isArray(resolve) && resolve.includes('edit'),
    createFiles: obj(workspace.workspaceEdit).documentChanges === true && Array.isArray(obj(workspace.workspaceEdit).resourceOperations) && (obj(workspace.workspaceEdit).resourceOperations as unknown[]).includes('create'),
    locale: tag === undefined ? 'zh-CN' : localeOf(tag),
  };
}
