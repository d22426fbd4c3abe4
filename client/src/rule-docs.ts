// Rule links (a finding's code in the Problems view and hovers) open the rule's page rendered,
// in the Markdown preview, never as an editable file of the extension's own folder.
//
// The server links each finding to its page as a file (`codeDescription.href`, for any editor).
// Here such a link into the extension's docs folder becomes `gongwen-doc:/rules/<id>.md`, a
// read-only document this module provides; when one is opened, it is shown in the Markdown preview
// and its text tab is closed. The page itself is never checked (the language client's document
// selector takes files and untitled documents only, and the server leaves the extension's folder out).

import * as vscode from 'vscode';

export const RULE_DOC_SCHEME = 'gongwen-doc';

export class RuleDocs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly docsRoot: vscode.Uri;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly previewing = new Set<string>();

  constructor(extensionUri: vscode.Uri) {
    this.docsRoot = vscode.Uri.joinPath(extensionUri, 'docs');
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.scheme === RULE_DOC_SCHEME) void this.preview(editor.document.uri);
      }),
    );
  }

  /** The page's link as the editor opens it: `gongwen-doc:` for a page of the extension's docs folder, else unchanged. */
  link(target: vscode.Uri): vscode.Uri {
    if (target.scheme !== 'file') return target;
    const root = this.docsRoot.path.endsWith('/') ? this.docsRoot.path : `${this.docsRoot.path}/`;
    if (!target.path.startsWith(root)) return target;
    return vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${target.path.slice(root.length)}`, fragment: target.fragment });
  }

  /** Diagnostics with their rule links rewritten (see `link`). */
  relink(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    for (const d of diagnostics) {
      if (typeof d.code === 'object' && d.code !== null && d.code.target) d.code = { value: d.code.value, target: this.link(d.code.target) };
    }
    return diagnostics;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    // Only pages below docs/ ('..' cannot climb out: the path is joined, then checked).
    const file = vscode.Uri.joinPath(this.docsRoot, uri.path);
    if (!file.path.startsWith(`${this.docsRoot.path}/`) || !file.path.endsWith('.md')) return '';
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  }

  /** Shows the page rendered and closes the text tab it was opened in. */
  private async preview(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if (this.previewing.has(key)) return;
    this.previewing.add(key);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key);
      if (tabs.length) await vscode.window.tabGroups.close(tabs);
    } finally {
      this.previewing.delete(key);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
