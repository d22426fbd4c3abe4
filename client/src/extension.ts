// The VS Code side of gongwen: starts the language server, adds the commands, the status bar item,
// quiet-while-typing and the folder check. Thin: every check, fix, outline and completion comes
// from the server.

import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DocumentDiagnosticRequest, LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions, type vsdiag } from 'vscode-languageclient/node';
import { DOCUMENT_STATS_REQUEST, EXPORT_DOCX_REQUEST, IMPORT_WORD_REQUEST, SERVER_COMMANDS, type DocumentStatsResult, type ExportResult, type ImportWordResult } from '../../server/src/protocol.js';
import { CONFIG_FILE_NAMES, SCHEMA_SCHEME, configTemplate } from './config-template.js';
import { FolderCheck } from './folder-check.js';
import { QuietWhileTyping, quietModeOf, type QuietDiagnostic } from './quiet.js';
import { leadingCategory } from './status-text.js';
import { RuleDocs } from './rule-docs.js';

let client: LanguageClient | undefined;

const REPORT_TYPES = ['工作总结', '半年总结', '述职报告', '自查报告', '党建工作总结'];
const SHOW_PROBLEMS = 'workbench.actions.view.problems';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const quiet = new QuietWhileTyping((uri) => quietModeOf(vscode.workspace.getConfiguration('gongwen', vscode.Uri.parse(uri)).get('quietWhileTyping')));
  const ruleDocs = new RuleDocs(context.extensionUri);
  const folderCheck = new FolderCheck(() => client, (d) => ruleDocs.relink(d));
  context.subscriptions.push(folderCheck, ruleDocs);
  /** What the editor shows per document (after quiet-while-typing), for the next burst's "already shown". */
  const shown = new Map<string, readonly vscode.Diagnostic[]>();
  /** Push model only: the last list the server sent per document, and where to hand it on. */
  const pushed = new Map<string, { diagnostics: vscode.Diagnostic[]; next: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void }>();
  const quietFilter = (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] => {
    const key = uri.toString();
    const kept = quiet.filter(key, diagnostics.map(asQuiet), Date.now()).map((q) => q.diagnostic);
    shown.set(key, kept);
    return kept;
  };

  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Files and new documents; not a git diff's old side, not a rule page (gongwen-doc:).
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.gongwen.{json,jsonc}') },
    initializationOptions: { locale: vscode.env.language },
    outputChannelName: 'gongwen',
    middleware: {
      // Pull model (what VS Code's client uses with this server): the editor's report for a
      // document shown in a tab.
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const uri = document instanceof vscode.Uri ? document : document.uri;
        folderCheck.handOver(uri);
        const report = await next(document, previousResultId, token);
        if (!report || report.kind !== ('full' as vsdiag.DocumentDiagnosticReportKind.full)) return report;
        return { ...report, items: quietFilter(uri, ruleDocs.relink(report.items)) };
      },
      // Push model (a client without pull diagnostics; the server's configuration-file problems).
      handleDiagnostics: (uri, diagnostics, next) => {
        ruleDocs.relink(diagnostics);
        pushed.set(uri.toString(), { diagnostics, next });
        next(uri, quietFilter(uri, diagnostics));
      },
    },
  };
  client = new LanguageClient('gongwen', 'gongwen', serverOptions, clientOptions);

  // Quiet while typing: a keystroke starts (or prolongs) a burst on its line; a pause, the cursor
  // leaving the line or another editor ends it, and what it held back is shown.
  const reshow = () => {
    if (client?.isRunning()) client.getFeature(DocumentDiagnosticRequest.method)?.refresh();
    for (const [key, p] of pushed) p.next(vscode.Uri.parse(key), quietFilter(vscode.Uri.parse(key), p.diagnostics));
  };
  let pauseTimer: NodeJS.Timeout | undefined;
  const afterPause = () => {
    clearTimeout(pauseTimer);
    const typing = quiet.typing;
    if (!typing) return;
    pauseTimer = setTimeout(() => {
      if (quiet.tick(Date.now())) reshow();
      else afterPause();
    }, Math.max(0, typing.until - Date.now()) + 20);
  };
  context.subscriptions.push(
    { dispose: () => clearTimeout(pauseTimer) },
    vscode.workspace.onDidChangeTextDocument((e) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document !== e.document || e.document.languageId !== 'markdown' || e.contentChanges.length === 0) return;
      const line = typedLine(e);
      if (line === undefined) {
        if (quiet.end()) reshow();
        return;
      }
      const key = e.document.uri.toString();
      if (quiet.typed(key, line, Date.now(), (shown.get(key) ?? []).map(asQuiet))) reshow();
      afterPause();
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor !== vscode.window.activeTextEditor) return;
      if (quiet.moved(e.textEditor.document.uri.toString(), e.selections[0].active.line)) reshow();
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (quiet.moved(editor?.document.uri.toString(), editor?.selection.active.line ?? -1)) reshow();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      shown.delete(doc.uri.toString());
      pushed.delete(doc.uri.toString());
    }),
  );

  // The status bar item: shown while a report is open; 字数 and the problem count; a click opens the Problems view.
  const status = vscode.window.createStatusBarItem('gongwen.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'gongwen';
  status.command = SHOW_PROBLEMS;
  context.subscriptions.push(status);

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEMA_SCHEME, {
      provideTextDocumentContent: (uri) => (uri.path === '/gongwen.schema.json' ? fs.readFileSync(context.asAbsolutePath('schemas/gongwen.schema.json'), 'utf8') : undefined),
    }),
    vscode.commands.registerCommand('gongwen.newReport', () => newReport(context)),
    vscode.commands.registerCommand('gongwen.fixAll', async () => {
      const editor = reportEditor();
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a report (a Markdown file) first.'));
        return;
      }
      await vscode.commands.executeCommand(SERVER_COMMANDS.fixAll, editor.document.uri.toString());
    }),
    vscode.commands.registerCommand('gongwen.recheck', () => vscode.commands.executeCommand(SERVER_COMMANDS.recheck)),
    vscode.commands.registerCommand('gongwen.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('gongwen.showOutput', () => client?.outputChannel.show()),
    vscode.commands.registerCommand('gongwen.checkWorkspace', () => folderCheck.run()),
    vscode.commands.registerCommand('gongwen.createConfig', () => createConfig(context)),
    vscode.commands.registerCommand('gongwen.importWord', () => importWord()),
    vscode.commands.registerCommand('gongwen.exportDocx', () => exportDocx()),
  );

  let timer: NodeJS.Timeout | undefined;
  let retries = 0;
  const refreshStatus = (retry = false) => {
    clearTimeout(timer);
    if (!retry) retries = 0;
    timer = setTimeout(() => {
      // Not checked yet: ask again a little later (the document's first check may be in flight).
      void updateStatus(status).then((done) => {
        if (!done && retries++ < 10) timer = setTimeout(() => refreshStatus(true), 700);
      });
    }, 300);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => refreshStatus()),
    vscode.window.onDidChangeVisibleTextEditors(() => refreshStatus()),
    vscode.languages.onDidChangeDiagnostics(() => refreshStatus()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === reportEditor()?.document) refreshStatus(); // 字数 follows the typing
    }),
    { dispose: () => clearTimeout(timer) },
  );

  const extensionVersion = String(context.extension.packageJSON.version ?? '');
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) client?.info(vscode.l10n.t('The gongwen checker has stopped.'));
    }),
  );
  try {
    await client.start();
  } catch (e) {
    client.error(vscode.l10n.t('The gongwen checker did not start.'), e, false);
    const show = vscode.l10n.t('Show Output');
    void vscode.window.showErrorMessage(vscode.l10n.t('The gongwen checker did not start.'), show).then((picked) => picked === show && client?.outputChannel.show());
    return;
  }
  const mode = client.initializeResult?.capabilities.diagnosticProvider ? 'pull' : 'push';
  client.info(vscode.l10n.t('gongwen {0} started: {1}, diagnostics by {2}, display language {3}, VS Code {4}.', extensionVersion, `${client.initializeResult?.serverInfo?.name ?? 'gongwen-language-server'} ${client.initializeResult?.serverInfo?.version ?? ''}`.trim(), mode, vscode.env.language, vscode.version));
  refreshStatus();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** The line a change was typed on: one edit within one line, not an undo or redo; else undefined. */
function typedLine(e: vscode.TextDocumentChangeEvent): number | undefined {
  if (e.contentChanges.length !== 1 || e.reason !== undefined) return undefined;
  const c = e.contentChanges[0];
  if (c.range.start.line !== c.range.end.line || c.text.includes('\n')) return undefined;
  return c.range.start.line;
}

function asQuiet(diagnostic: vscode.Diagnostic): QuietDiagnostic & { diagnostic: vscode.Diagnostic } {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return { diagnostic, startLine: diagnostic.range.start.line, endLine: diagnostic.range.end.line, rule: String(code ?? ''), message: diagnostic.message };
}

/** The report the commands act on: the active editor if it is Markdown, else a visible Markdown editor (the walkthrough may be the active editor). */
function reportEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'markdown') return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown');
}

/** The report whose figures the status bar item shows. */
let statusUri: string | undefined;

/** Updates the item for the report in the editor; false when the server has no figures for it yet. */
async function updateStatus(status: vscode.StatusBarItem): Promise<boolean> {
  const editor = reportEditor();
  if (!client || !editor) {
    status.hide();
    return true;
  }
  const uri = editor.document.uri;
  const stats = client.isRunning()
    ? await client.sendRequest<DocumentStatsResult | null>(DOCUMENT_STATS_REQUEST.method, { uri: client.code2ProtocolConverter.asUri(uri) }).catch(() => null)
    : null;
  if (reportEditor()?.document.uri.toString() !== uri.toString()) return true; // another report by now: its own update follows
  if (stats === null) {
    // Not checked yet (just opened, or an edit in flight): the last figures of this report stay meanwhile.
    if (statusUri === uri.toString()) status.show();
    else status.hide();
    return !client.isRunning();
  }
  statusUri = uri.toString();
  const problems = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gongwen').length;
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.isTrusted = { enabledCommands: [SHOW_PROBLEMS, 'gongwen.fixAll'] };
  if (stats.notChecked) {
    status.text = vscode.l10n.t('gongwen: not checked');
    tooltip.appendText(
      stats.notChecked === 'not-report'
        ? vscode.l10n.t('This document does not read as a report (no Chinese report title, report words or section numbering), so gongwen does not check it. Add it to the setting gongwen.files.include to check it.')
        : vscode.l10n.t('This document is left out by the setting gongwen.files.exclude (or it is one of the files that come with gongwen), so gongwen does not check it.'),
    );
  } else if (stats.characters === null) {
    status.text = vscode.l10n.t('gongwen: off');
    tooltip.appendText(vscode.l10n.t('gongwen does not check this document (see the setting gongwen.enable and gongwen.maxFileSize).'));
  } else {
    const lead = leadingCategory(stats.categories, problems);
    status.text = `$(checklist) ${
      lead
        ? vscode.l10n.t('{0} characters · {1} problems ({2} {3})', stats.characters, problems, lead.name, lead.count)
        : vscode.l10n.t('{0} characters · {1} problems', stats.characters, problems)
    }`;
    tooltip.appendText(vscode.l10n.t('{0}: {1} unfilled placeholders, {2} problems', stats.reportType, stats.placeholders, problems));
    if (stats.categories?.length) tooltip.appendText(`\n\n${stats.categories.map((c) => `${c.name} ${c.count}`).join(' · ')}`);
    tooltip.appendMarkdown(`\n\n[${vscode.l10n.t('Show Problems')}](command:${SHOW_PROBLEMS}) · [${vscode.l10n.t('Fix all')}](command:gongwen.fixAll)`);
  }
  status.tooltip = tooltip;
  status.backgroundColor = stats.placeholders > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  status.show();
  return true;
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

/** 创建配置文件: a commented .gongwen.jsonc at the top of a workspace folder; an existing one is opened, never overwritten. */
async function createConfig(context: vscode.ExtensionContext): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    const open = vscode.l10n.t('Open Folder');
    const picked = await vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the configuration file goes at its top.'), open);
    if (picked === open) await vscode.commands.executeCommand('vscode.openFolder');
    return;
  }
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder for the configuration file') });
  if (!folder) return;
  for (const name of CONFIG_FILE_NAMES) {
    const existing = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(existing)) {
      await vscode.window.showTextDocument(existing);
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists: it is opened, not overwritten.', name));
      return;
    }
  }
  const target = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAMES[0]);
  const text = configTemplate(ruleIds(context));
  const edit = new vscode.WorkspaceEdit();
  // ignoreIfExists: a file made in the meantime is left alone too.
  edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}.', target.fsPath));
    return;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc);
  if (doc.getText() !== text) void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists: it is opened, not overwritten.', CONFIG_FILE_NAMES[0]));
  else void vscode.window.showInformationMessage(vscode.l10n.t('Created {0}: every setting in it is commented out until you change it.', vscode.workspace.asRelativePath(target)));
}

const WORD_EXTENSIONS = ['docx', 'docm', 'dotx', 'dotm'];

/** 从 Word 导入: pick a .docx, have the server write it as Markdown (automatic numbers as text), and
 * open that as a new document: under the .md name beside the .docx when no such file exists (saving
 * creates it), else as an untitled one. Nothing is written without the user saving. */
async function importWord(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Import'), filters: { [vscode.l10n.t('Word documents')]: WORD_EXTENSIONS } });
  const source = picked?.[0];
  if (!source) return;
  const name = source.path.slice(source.path.lastIndexOf('/') + 1);
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The gongwen checker is not running; see the output (gongwen: Show Output).'));
    return;
  }
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', name) }, async () => {
    const bytes = await vscode.workspace.fs.readFile(source);
    return client!.sendRequest<ImportWordResult>(IMPORT_WORD_REQUEST.method, { data: Buffer.from(bytes).toString('base64') });
  });
  if (!result.ok) {
    const why =
      result.problem === 'oldFormat'
        ? vscode.l10n.t('{0} is a Word 97–2003 (.doc) or WPS file: save it as .docx in Word or WPS first.', name)
        : result.problem === 'encrypted'
          ? vscode.l10n.t('{0} is password-protected: remove the password in Word and save a copy first.', name)
          : result.problem === 'badXml'
            ? vscode.l10n.t('{0} is damaged: {1} is not well-formed XML (line {2}, column {3}).', name, result.part ?? '', result.line ?? 0, result.column ?? 0)
            : result.problem === 'tooLarge' || result.problem === 'tooDeep'
              ? vscode.l10n.t('{0} is too large to import.', name)
              : vscode.l10n.t('{0} is not a readable .docx file (damaged, or not a Word document).', name);
    void vscode.window.showErrorMessage(why);
    return;
  }
  const target = source.with({ path: source.path.replace(/\.[^./]+$/, '') + '.md' });
  let editor: vscode.TextEditor;
  if (source.scheme === 'file' && !(await exists(target))) {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' })));
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), result.markdown));
  } else {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown }));
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists: the import is opened as a new, unsaved document.', target.path.slice(target.path.lastIndexOf('/') + 1)));
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0}: {1} paragraphs, {2} automatic numbers written as text. Save the document to keep it.', name, result.paragraphs, result.automaticNumbers));
}

/**
 * 导出为 Word（公文格式）: the server checks the report and lays it out (gongwen/exportDocx); error
 * findings first come back as a list, shown in a modal with 仍然导出 / 去修改; then the save dialog
 * (which asks before replacing a file) and the bytes are written through the editor's file system.
 */
async function exportDocx(): Promise<void> {
  const editor = reportEditor();
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report (a Markdown file) first.'));
    return;
  }
  const c = client;
  if (!c?.isRunning()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The gongwen checker is not running.'));
    return;
  }
  const document = editor.document;
  const uri = c.code2ProtocolConverter.asUri(document.uri);
  const ask = (force: boolean) =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting to Word…') }, () =>
      c.sendRequest<ExportResult | null>(EXPORT_DOCX_REQUEST.method, { uri, force }),
    );
  let result = await ask(false);
  if (result?.kind === 'blocked') {
    const shown = result.findings.slice(0, 12).map((f) => vscode.l10n.t('Line {0}, column {1}: {2}', f.line, f.column, f.message));
    if (result.findings.length > shown.length) shown.push(vscode.l10n.t('… and {0} more', result.findings.length - shown.length));
    const anyway = vscode.l10n.t('Export Anyway');
    const fix = vscode.l10n.t('Go and Fix');
    const picked = await vscode.window.showWarningMessage(vscode.l10n.t('The report has {0} error-level problems (unfilled placeholders and the like).', result.findings.length), { modal: true, detail: shown.join('\n') }, anyway, fix);
    if (picked === fix) {
      const first = result.findings[0];
      const at = new vscode.Position(Math.max(0, first.line - 1), Math.max(0, first.column - 1));
      const shownEditor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at) });
      shownEditor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
      return;
    }
    if (picked !== anyway) return;
    result = await ask(true);
  }
  if (!result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be exported: the checker has not read it yet. Try again.'));
    return;
  }
  if (result.kind === 'refused') {
    void vscode.window.showErrorMessage(result.message);
    return;
  }
  if (result.kind !== 'docx') return;
  const source = document.uri;
  const base = source.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : source.with({ path: source.path.replace(/\/[^/]*$/, '') || '/' });
  const name = source.scheme === 'untitled' ? 'report.docx' : source.path.split('/').pop()!.replace(/\.(md|markdown)$/i, '') + '.docx';
  // The save dialog asks before it replaces an existing file.
  const target = await vscode.window.showSaveDialog({ defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined, filters: { [vscode.l10n.t('Word document')]: ['docx'] }, title: vscode.l10n.t('Export to Word') });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.data, 'base64'));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', target.fsPath, (e as Error)?.message ?? String(e)));
    return;
  }
  if (result.warnings.length > 0) void vscode.window.showWarningMessage(result.warnings.join('\n'));
  const reveal = vscode.l10n.t('Reveal in Folder');
  const picked = await vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', vscode.workspace.asRelativePath(target)), reveal);
  if (picked === reveal) await vscode.commands.executeCommand('revealFileInOS', target);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The rule ids, from the manifest's gongwen.rules (generated from the rules' metadata). */
function ruleIds(context: vscode.ExtensionContext): string[] {
  const rules = context.extension.packageJSON?.contributes?.configuration?.properties?.['gongwen.rules']?.properties;
  return rules && typeof rules === 'object' ? Object.keys(rules) : [];
}
