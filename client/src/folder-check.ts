// 检查整个文件夹 / Check the Whole Folder: every report (*.md, *.markdown) of the workspace in the
// Problems view, as markdownlint's lintWorkspace does.
//
// How: each file is opened as a text document (vscode.workspace.openTextDocument: no editor is
// shown; the language client sends didOpen), its diagnostics are asked of the language server
// (textDocument/diagnostic), and kept in a collection of this module's own. So the check is the
// server's, with the same settings, .gongwen.jsonc, messages and file decoding as when the file
// is opened in an editor. The language client's own collection could not hold them: in the pull
// model it keeps diagnostics only of documents shown in tabs, and VS Code closes documents that
// extensions open after a few minutes. A file's entries here give way to the editor's own when it
// is shown in a tab, and go when it changes or is deleted (they would be stale); run the command
// again to refresh them.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DidOpenTextDocumentNotification, DocumentDiagnosticRequest, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError } from 'vscode-languageclient/node';

/** The reports the command checks; the exclusions add to `files.exclude`. */
export const REPORT_GLOB = '**/*.{md,markdown}';
export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.*/**'];

export class FolderCheck implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('gongwen-folder');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private running: Promise<void> | undefined;

  /** `relink`: the rule links as the editor opens them (rule-docs.ts). */
  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly relink: (d: vscode.Diagnostic[]) => vscode.Diagnostic[] = (d) => d,
  ) {
    const stale = (uri: vscode.Uri) => this.collection.delete(uri);
    const watcher = vscode.workspace.createFileSystemWatcher(REPORT_GLOB, true, false, false);
    this.disposables.push(
      watcher,
      watcher.onDidChange(stale),
      watcher.onDidDelete(stale),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) stale(e.document.uri);
      }),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => stale(f.oldUri))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(stale)),
    );
  }

  /** The editor shows the document in a tab and has its own diagnostics for it now. */
  handOver(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  /** Runs the command (a second call while one runs waits for it). */
  run(): Promise<void> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async check(): Promise<void> {
    const client = this.client();
    if (!vscode.workspace.workspaceFolders?.length) {
      const open = vscode.l10n.t('Open Folder');
      const picked = await vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the command checks the reports in the open folder.'), open);
      if (picked === open) await vscode.commands.executeCommand('vscode.openFolder');
      return;
    }
    if (!client || !client.isRunning()) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The gongwen checker is not running; see the output (gongwen: Show Output).'));
      return;
    }
    const files = await vscode.workspace.findFiles(REPORT_GLOB, excludeGlob());
    files.sort((a, b) => a.toString().localeCompare(b.toString()));
    let checked = 0;
    let withProblems = 0;
    let problems = 0;
    const failed: string[] = [];
    const cancelled = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('gongwen: checking the folder'), cancellable: true },
      async (progress, token) => {
        for (const [i, uri] of files.entries()) {
          if (token.isCancellationRequested) return true;
          progress.report({ message: `${i + 1}/${files.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / files.length });
          try {
            const diagnostics = await this.checkFile(client, uri, token);
            if (diagnostics === undefined) continue;
            checked++;
            if (diagnostics.length > 0) withProblems++;
            problems += diagnostics.length;
          } catch (e) {
            if (token.isCancellationRequested) return true;
            failed.push(vscode.workspace.asRelativePath(uri));
            client.warn(`gongwen: ${vscode.workspace.asRelativePath(uri)}: ${(e as Error)?.message ?? String(e)}`);
          }
        }
        return false;
      },
    );
    const summary = cancelled
      ? vscode.l10n.t('Folder check stopped after {0} of {1} reports: {2} problems in {3} reports.', checked, files.length, problems, withProblems)
      : vscode.l10n.t('Checked {0} reports: {1} problems in {2} of them.', checked, problems, withProblems);
    const note = failed.length > 0 ? ' ' + vscode.l10n.t('Not checked (see the output): {0}', failed.join(', ')) : '';
    const show = vscode.l10n.t('Show Problems');
    const picked = await (failed.length > 0 ? vscode.window.showWarningMessage(summary + note, show) : vscode.window.showInformationMessage(summary + note, show));
    if (picked === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
  }

  /** The diagnostics of one file (also put in the collection, unless the editor shows the file); undefined when it is no Markdown file for the checker. */
  private async checkFile(client: LanguageClient, uri: vscode.Uri, token: vscode.CancellationToken): Promise<vscode.Diagnostic[] | undefined> {
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'markdown') return undefined;
    await syncedToServer(client, doc, token);
    for (let attempt = 1; ; attempt++) {
      try {
        const report = await client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) } }, token);
        if (report.kind !== DocumentDiagnosticReportKind.Full) return [...(vscode.languages.getDiagnostics(uri) ?? [])];
        const diagnostics = this.relink(await client.protocol2CodeConverter.asDiagnostics(report.items, token));
        if (shownInTab(uri)) this.collection.delete(uri);
        else this.collection.set(uri, diagnostics);
        return diagnostics;
      } catch (e) {
        // The document changed while it was checked: ask again.
        if (attempt < 3 && e instanceof ResponseError && e.code === LSPErrorCodes.ServerCancelled && !token.isCancellationRequested) continue;
        throw e;
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** `files.exclude` (the entries set to true) and node_modules and dot folders, as one glob. */
function excludeGlob(): string {
  const excluded = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  const globs = [...ALWAYS_EXCLUDED, ...Object.keys(excluded).filter((k) => excluded[k] === true && !k.includes(','))];
  return `{${globs.join(',')}}`;
}

/** Waits until the language client has sent the document's didOpen (it does on opening a Markdown document). */
async function syncedToServer(client: LanguageClient, doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<void> {
  const openFeature = client.getFeature(DidOpenTextDocumentNotification.method);
  const key = doc.uri.toString();
  const synced = () => {
    for (const d of openFeature.openDocuments) if (d.uri.toString() === key) return true;
    return false;
  };
  for (let waited = 0; !synced(); waited += 20) {
    if (token.isCancellationRequested) throw new vscode.CancellationError();
    if (waited >= 10_000) throw new Error(vscode.l10n.t('the checker did not receive the document'));
    await new Promise((r) => setTimeout(r, 20));
  }
}

function shownInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input;
      if (input instanceof vscode.TabInputText && input.uri.toString() === key) return true;
      if (input instanceof vscode.TabInputTextDiff && (input.original.toString() === key || input.modified.toString() === key)) return true;
    }
  }
  return false;
}
