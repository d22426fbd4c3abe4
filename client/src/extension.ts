// The VS Code side of gongwen: starts the language server, adds the commands and the language
// status item. Thin: every check, fix, outline and completion comes from the server.

import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENT_STATS_REQUEST, SERVER_COMMANDS, type DocumentStatsResult } from '../../server/src/protocol.js';

let client: LanguageClient | undefined;

const REPORT_TYPES = ['工作总结', '半年总结', '述职报告', '自查报告', '党建工作总结'];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.gongwen.{json,jsonc}') },
    initializationOptions: { locale: vscode.env.language },
    outputChannelName: 'gongwen',
  };
  client = new LanguageClient('gongwen', 'gongwen', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('gongwen.status', { language: 'markdown' });
  status.name = 'gongwen';
  status.command = { command: 'gongwen.fixAll', title: vscode.l10n.t('Fix all') };
  context.subscriptions.push(status);

  context.subscriptions.push(
    vscode.commands.registerCommand('gongwen.newReport', () => newReport(context)),
    vscode.commands.registerCommand('gongwen.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown') return;
      await vscode.commands.executeCommand(SERVER_COMMANDS.fixAll, editor.document.uri.toString());
    }),
    vscode.commands.registerCommand('gongwen.recheck', () => vscode.commands.executeCommand(SERVER_COMMANDS.recheck)),
    vscode.commands.registerCommand('gongwen.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('gongwen.showOutput', () => client?.outputChannel.show()),
  );

  let timer: NodeJS.Timeout | undefined;
  const refreshStatus = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void updateStatus(status), 300);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(refreshStatus),
    vscode.languages.onDidChangeDiagnostics(refreshStatus),
    { dispose: () => clearTimeout(timer) },
  );

  await client.start();
  refreshStatus();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

async function updateStatus(status: vscode.LanguageStatusItem): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor || editor.document.languageId !== 'markdown') return;
  const stats = await client.sendRequest<DocumentStatsResult | null>(DOCUMENT_STATS_REQUEST.method, { uri: editor.document.uri.toString() }).catch(() => null);
  if (!stats || stats.characters === null) {
    status.text = vscode.l10n.t('gongwen: off');
    status.detail = undefined;
    return;
  }
  status.text = vscode.l10n.t('{0} characters', stats.characters);
  status.detail = vscode.l10n.t('{0}: {1} unfilled placeholders, {2} problems', stats.reportType, stats.placeholders, stats.problems);
  status.severity = stats.placeholders > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
}

/** 新建报告: pick a report type, open a new Markdown document with its frame as a snippet. */
async function newReport(context: vscode.ExtensionContext): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    REPORT_TYPES.map((t) => ({ label: t })),
    { placeHolder: vscode.l10n.t('Report type') },
  );
  if (!picked) return;
  const body = frameSnippet(context, picked.label);
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  if (body) await editor.insertSnippet(new vscode.SnippetString(body));
}

/** The whole-document frame of a report type, from the extension's own snippets file. */
function frameSnippet(context: vscode.ExtensionContext, type: string): string | undefined {
  try {
    const snippets = JSON.parse(fs.readFileSync(context.asAbsolutePath('snippets/markdown.code-snippets'), 'utf8')) as Record<string, { body: string | string[] }>;
    const key = Object.keys(snippets).find((k) => k.startsWith(`${type}（全文）`));
    if (!key) return undefined;
    const body = snippets[key].body;
    return Array.isArray(body) ? body.join('\n') : body;
  } catch {
    return undefined;
  }
}
