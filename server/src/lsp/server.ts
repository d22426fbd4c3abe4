// The gongwen language server: translates between LSP and the engine. Diagnostics by pull
// (textDocument/diagnostic) or, for clients without it, by push; one check per document version.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeError,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../engine/check.js';
import { RULES_BY_ID } from '../engine/rules/index.js';
import { documentStats } from '../engine/stats.js';
import type { Locale } from '../engine/types.js';
import { renderMessage } from '../engine/messages.js';
import { DEFAULT_SETTINGS, DOCUMENT_STATS_REQUEST, EXPORT_DOCX_REQUEST, FIX_ALL_KIND, IMPORT_WORD_REQUEST, SERVER_COMMANDS, type DocumentStatsParams, type DocumentStatsResult, type ExportParams, type ExportResult, type GongwenSettings, type ImportWordParams, type ImportWordResult } from '../protocol.js';
import { pushedSettings, validSettings } from './settings.js';
import { codeActions, fixedEdit, formattingEdits, isLazyFix, resolveFixAll } from './code-actions.js';
import { clientFeatures, type ClientFeatures } from './client-features.js';
import { toLspDiagnostic } from './convert.js';
import { hiddenDiagnosticsNote, shownDiagnostics } from './diagnostic-limit.js';
import { DocumentChecks, type CheckedVersion } from './document-checks.js';
import { FileFilter } from './file-filter.js';
import { CATEGORIES, type RuleCategory } from '../engine/categories.js';
import { NegotiatedEncoding } from './position-encoding.js';
import { completions, documentSymbols, foldingRanges, hover } from './navigation.js';
import { URI } from './uri.js';
import { allowWordAction, type AllowTarget } from './allow-word.js';
import type { CodeAction, CodeActionParams } from 'vscode-languageserver/node';

export interface ServerOptions {
  /** The package's folder, where each rule's page (`meta.docs`) is, for `codeDescription.href`. */
  packageRoot?: string;
}

/** Problems per category, most first (then in the categories' own order). */
function categoryCounts(diagnostics: readonly { category: RuleCategory }[], locale: Locale): { name: string; count: number }[] {
  const counts = new Map<RuleCategory, number>();
  for (const d of diagnostics) counts.set(d.category, (counts.get(d.category) ?? 0) + 1);
  const order = Object.keys(CATEGORIES);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([c, count]) => ({ name: CATEGORIES[c][locale], count }));
}

/** The workspace folders' paths (file: URIs only), from initialize. */
function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = Array.isArray(params.workspaceFolders) && params.workspaceFolders.length ? params.workspaceFolders.map((f) => f?.uri) : [params.rootUri];
  return uris.map((u) => (typeof u === 'string' ? URI.toFsPath(u) : undefined)).filter((p): p is string => !!p);
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  // The position encoding is chosen at initialize; documents and checks count in it.
  const encoding = new NegotiatedEncoding();
  const documents = new TextDocuments(encoding.documents);
  const checks = new DocumentChecks(encoding, new FileFilter([], options.packageRoot));
  const settingsCache = new Map<string, Promise<GongwenSettings>>();
  const warnedSettings = new Set<string>();
  const savedText = new Map<string, { version: number; text: string }>();
  const pushTimers = new Map<string, NodeJS.Timeout>();
  let locale: Locale = 'zh-CN';
  let pull = false;
  let resolveEdits = false;
  let configurationRequests = false;
  let features: ClientFeatures | undefined;
  /** The workspace folders given at initialize (file paths), where a new .gongwen.jsonc goes. */
  let workspaceFolders: string[] = [];
  /** For a client that cannot be asked (no workspace/configuration): the settings it last pushed. */
  let pushed: GongwenSettings = DEFAULT_SETTINGS;
  /** A document's language: its gongwen.locale setting, else the session's. */
  const localeFor = (settings: GongwenSettings): Locale => settings.locale ?? locale;
  // Looked up once per rule, not once per diagnostic.
  const docsHrefs = new Map<string, string | undefined>();
  const docsHref = (rule: string): string | undefined => {
    const docs = RULES_BY_ID.get(rule)?.meta.docs;
    if (!options.packageRoot || !docs) return undefined;
    if (!docsHrefs.has(rule)) {
      // The rule's own page (`meta.docs`, relative to the package root).
      const file = path.join(options.packageRoot, ...docs.split('/'));
      docsHrefs.set(rule, fs.existsSync(file) ? URI.fromFsPath(file) : undefined);
    }
    return docsHrefs.get(rule);
  };

  // initialize is answered once: a second one would switch pull and push (a push-mode client
  // then got no more diagnostics), the locale and the capabilities in the middle of a session.
  let initialized = false;
  connection.onInitialize((params: InitializeParams): InitializeResult | ResponseError<InitializeError> => {
    if (initialized) return new ResponseError<InitializeError>(-32600, 'the server is already initialized', { retry: false });
    initialized = true;
    features = clientFeatures(params);
    ({ locale, pull, configurationRequests, resolveEdits } = features);
    workspaceFolders = (Array.isArray(params.workspaceFolders) ? params.workspaceFolders.map((f) => f?.uri) : [params.rootUri])
      .filter((u): u is string => typeof u === 'string')
      .map((u) => URI.toFsPath(u))
      .filter((f): f is string => typeof f === 'string');
    // Without file watching by the client, configuration files are re-read by modification time.
    checks.revalidateConfigs = !features.watchedFilesRegistration;
    checks.files.folders = workspaceFolderPaths(params);
    const positionEncoding = encoding.negotiate(params.capabilities.general?.positionEncodings);
    return {
      capabilities: {
        positionEncoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(pull ? { diagnosticProvider: { identifier: 'gongwen', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        hoverProvider: true,
        documentFormattingProvider: true,
        completionProvider: { triggerCharacters: ['（', '('] },
        executeCommandProvider: { commands: [SERVER_COMMANDS.fixAll, SERVER_COMMANDS.recheck] },
      },
      serverInfo: { name: 'gongwen-language-server', version: '0.1.0' },
    };
  });

  // Before initialize, requests are refused (LSP: ServerNotInitialized); after shutdown too
  // (InvalidRequest), only exit is expected.
  let shutDown = false;
  const notInitialized = () => new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized: send initialize first');
  connection.onShutdown(() => {
    if (!initialized) throw notInitialized();
    shutDown = true;
  });
  function live<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R {
    return (...args: A): R => {
      if (!initialized) throw notInitialized();
      if (shutDown) throw new ResponseError(-32600, 'the server has been shut down');
      return handler(...args);
    };
  }
  // A method the server does not handle: MethodNotFound, as the library says it, once initialized.
  connection.onRequest(live((method: string) => {
    throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
  }));

  connection.onInitialized(() => {
    // Registered only where the client declared dynamic registration for it.
    if (configurationRequests && features?.configurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'gongwen' }).catch(() => undefined);
    }
    if (features?.watchedFilesRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.gongwen.{jsonc,json}' }] })
        .catch(() => (checks.revalidateConfigs = true));
    }
  });

  /** Settings as sent, each value checked; a bad one is logged once and its default used. */
  function checkedSettings(value: unknown): GongwenSettings {
    const { settings, bad } = validSettings(value);
    for (const b of bad) {
      if (warnedSettings.has(b)) continue;
      warnedSettings.add(b);
      connection.console.warn(`gongwen: setting gongwen.${b} is not valid; its default is used`);
    }
    return settings;
  }

  async function settingsFor(uri: string): Promise<GongwenSettings> {
    if (!configurationRequests) return pushed;
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'gongwen' })
        .then(checkedSettings)
        .catch(() => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** The check for a document's current version (or its last saved text, with `run: onSave`). */
  async function checkedFor(uri: string): Promise<CheckedVersion | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== doc.version) return undefined; // stale
    if (settings.run === 'onSave') {
      const saved = savedText.get(uri);
      if (saved && saved.text !== current.getText()) return checks.get(uri, saved.version, saved.text, settings);
    }
    return checks.get(uri, current.version, current.getText(), settings);
  }

  const loggedFailures = new Set<string>();

  function lspDiagnostics(checked: CheckedVersion): LspDiagnostic[] {
    if (!checked.settings.enable || checked.notChecked) return [];
    const locale = localeFor(checked.settings);
    if (checked.pausedForSize !== undefined) {
      const mb = (checked.pausedForSize / 1e6).toFixed(1);
      const limit = (checked.settings.maxFileSize / 1e6).toFixed(1);
      const message =
        locale === 'zh-CN'
          ? `文档较大（${mb} MB，超过 ${limit} MB），已暂停检查；可调整设置 gongwen.maxFileSize`
          : `Checking is paused for this large document (${mb} MB, over ${limit} MB); see the gongwen.maxFileSize setting`;
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'gongwen', code: 'size-limit', message }];
    }
    if (checked.decodingDamage) {
      // One finding that says what happened, instead of findings on garbled text.
      const { line } = checked.decodingDamage;
      const message =
        locale === 'zh-CN'
          ? '此文件的文字显示为乱码：它可能是 GBK（GB18030）等编码，却被按 UTF-8 打开；乱码消除前不作检查。请用“通过编码重新打开”选择 GB18030 / GBK'
          : 'This file shows as garbled text: it is probably in GBK (GB18030) or another encoding but was opened as UTF-8; it is not checked until that is mended. Use "Reopen with Encoding" and choose GB18030 / GBK';
      return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, severity: 2, source: 'gongwen', code: 'encoding', message }];
    }
    // A rule that failed is skipped; it is logged once per document and rule, the rest still arrive.
    for (const f of checked.result.failures) {
      const key = `${checked.uri}\u0000${f.rule}`;
      if (loggedFailures.has(key)) continue;
      loggedFailures.add(key);
      connection.console.error(`gongwen: rule ${f.rule} failed on ${checked.uri} (version ${checked.version}); skipped. ${f.error}`);
    }
    const out = shownDiagnostics(checked.result.diagnostics).map((d) => toLspDiagnostic(d, locale, checked.version, docsHref, checked.positions));
    const hidden = hiddenDiagnosticsNote(checked.result.diagnostics, locale, checked.positions);
    if (hidden) out.push(hidden);
    // Problems with front matter or settings, shown on the document (config files get their own).
    for (const p of checked.result.problems) {
      if (p.path) continue;
      const line = Math.max(0, p.line - 1);
      out.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, severity: 2, source: 'gongwen', code: 'configuration', message: renderMessage(p.message, locale) });
    }
    return out;
  }

  /** Configuration files whose problems are shown: a file that is gone, or no longer used, has them cleared. */
  const configsShown = new Set<string>();
  /** The problems last published per configuration file: the same list (the file not reloaded) is not sent again. */
  const configsPublished = new Map<string, unknown>();
  function publishConfigProblems(locale: Locale): void {
    const now = new Set<string>();
    for (const entry of checks.configFiles()) {
      // The configuration file's own problems, and those of each term pack it names, on that pack's file.
      const files = [{ file: entry.file!, text: entry.text }, ...(entry.packFiles ?? [])];
      for (const { file, text } of files) {
        const uri = URI.fromFsPath(file);
        if (now.has(uri)) continue;
        now.add(uri);
        const problems = entry.packFiles ? entry.problems.filter((p) => (p.path ?? entry.file) === file) : entry.problems;
        const published = configsPublished.get(uri) as { entry: unknown } | undefined;
        if (published?.entry === entry.problems) continue;
        configsPublished.set(uri, { entry: entry.problems });
        const diagnostics: LspDiagnostic[] = problems.map((p) => {
          return { range: encoding.configProblemRange(p, text), severity: 1, source: 'gongwen', code: 'configuration', message: renderMessage(p.message, locale) };
        });
        if (diagnostics.length > 0 || configsShown.has(uri)) void connection.sendDiagnostics({ uri, diagnostics });
        if (diagnostics.length > 0) configsShown.add(uri);
        else configsShown.delete(uri);
      }
    }
    for (const uri of [...configsPublished.keys()]) if (!now.has(uri)) configsPublished.delete(uri);
    for (const uri of [...configsShown]) {
      if (now.has(uri)) continue;
      configsShown.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  connection.languages.diagnostics.on(live(async (params, token) => {
    const checked = await checkedFor(params.textDocument.uri);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
    if (!checked) {
      if (documents.get(params.textDocument.uri)) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    publishConfigProblems(localeFor(checked.settings));
    return { kind: DocumentDiagnosticReportKind.Full, resultId: `${checked.version}`, items: lspDiagnostics(checked) };
  }));

  /** Runs a handler's work; what it throws or rejects with is logged, never left to end the process. */
  function guarded(what: string, work: () => void | Promise<void>): void {
    const log = (e: unknown) => connection.console.error(`gongwen: ${what} failed: ${(e as Error)?.stack ?? String(e)}`);
    try {
      const p = work();
      if (p) p.catch(log);
    } catch (e) {
      log(e);
    }
  }

  /** The check last pushed per document: an open schedules two pushes (open, then content), and
   * the same check is not converted and sent twice (a second copy of 1 MB of diagnostics). */
  const lastPushed = new Map<string, CheckedVersion>();

  function schedulePush(uri: string, delay = 120): void {
    if (pull) return;
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(
      uri,
      setTimeout(() => {
        pushTimers.delete(uri);
        // A push that fails (a document whose text is not a string, a configuration that
        // breaks the check) is logged; the server goes on serving every other document.
        guarded(`push diagnostics for ${uri}`, async () => {
          const checked = await checkedFor(uri);
          if (!checked) return;
          publishConfigProblems(localeFor(checked.settings));
          if (lastPushed.get(uri) === checked) return;
          lastPushed.set(uri, checked);
          await connection.sendDiagnostics({ uri, version: checked.version, diagnostics: lspDiagnostics(checked) });
        });
      }, delay),
    );
  }

  /** Asks a pulling client to pull again, if it said it can be asked (refreshSupport). */
  function refreshPulled(): void {
    if (features?.diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  function refreshAll(): void {
    checks.clear();
    settingsCache.clear();
    if (pull) refreshPulled();
    else for (const d of documents.all()) schedulePush(d.uri, 0);
  }

  documents.onDidOpen((e) => {
    savedText.set(e.document.uri, { version: e.document.version, text: e.document.getText() });
    schedulePush(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) =>
    guarded(`change of ${e.document.uri}`, async () => {
      const settings = await settingsFor(e.document.uri);
      if (settings.run === 'onType') schedulePush(e.document.uri);
    }),
  );
  documents.onDidSave((e) =>
    guarded(`save of ${e.document.uri}`, async () => {
      savedText.set(e.document.uri, { version: e.document.version, text: e.document.getText() });
      const s = await settingsFor(e.document.uri);
      if (s.run !== 'onSave') return;
      if (pull) refreshPulled();
      else schedulePush(e.document.uri, 0);
    }),
  );
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(pushTimers.get(uri));
    pushTimers.delete(uri);
    lastPushed.delete(uri);
    checks.forget(uri);
    settingsCache.delete(uri);
    for (const key of [...loggedFailures]) if (key.startsWith(uri + '\u0000')) loggedFailures.delete(key);
    savedText.delete(uri);
    if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((params) => {
    // A client that cannot be asked sends its settings here (push-style: Neovim 0.7, ALE, Sublime Text).
    if (!configurationRequests) pushed = checkedSettings(pushedSettings((params as { settings?: unknown } | null)?.settings));
    refreshAll();
  });
  connection.onDidChangeWatchedFiles(() => refreshAll());

  connection.onCodeAction(live(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const checked = await checkedFor(params.textDocument.uri);
    // A document too large to check gets no actions either (gongwen.maxFileSize).
    if (checked?.decodingDamage && checked.settings.enable) {
      const title = localeFor(checked.settings) === 'zh-CN' ? '通过编码重新打开（选择 GB18030 / GBK）' : 'Reopen with encoding (choose GB18030 / GBK)';
      return [{ title, kind: CodeActionKind.QuickFix, command: { title, command: 'workbench.action.editor.changeEncoding' } }];
    }
    if (!doc || !checked || checked.pausedForSize !== undefined || checked.notChecked || !checked.settings.enable) return [];
    const options = checkOptionsOf(checked);
    const actions = codeActions(params, doc, checked, localeFor(checked.settings), (t) => checkText(t, options), resolveEdits, () => lspDiagnostics(checked));
    return [...actions, ...allowWordActions(params, checked)];
  }));

  /** 加入允许词表 for each terms finding the request names (quick fixes only). */
  function allowWordActions(params: CodeActionParams, checked: CheckedVersion): CodeAction[] {
    const context = typeof params.context === 'object' && params.context !== null ? params.context : undefined;
    const only = Array.isArray(context?.only) ? context.only : undefined;
    if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === '')) return [];
    const doc = documents.get(params.textDocument.uri);
    if (!doc || doc.version !== checked.version || doc.getText() !== checked.text) return [];
    const out: CodeAction[] = [];
    const seen = new Set<string>();
    for (const raw of Array.isArray(context?.diagnostics) ? context.diagnostics : []) {
      if (raw?.source !== 'gongwen' || raw.code !== 'terms' || !raw.range) continue;
      const word = doc.getText(raw.range);
      if (!word || seen.has(word)) continue;
      seen.add(word);
      const target = allowTarget(params.textDocument.uri);
      if (!target) continue;
      const action = allowWordAction(word, target, raw, localeFor(checked.settings), checked.result.model.eol, encoding, !!features?.createFiles);
      if (action) out.push(action);
    }
    return out;
  }

  /** The configuration file a document's allowed words go into: the one that applies, else a new one at the top of its workspace folder (or beside it). */
  function allowTarget(uri: string): AllowTarget | undefined {
    const docPath = URI.toFsPath(uri);
    if (!docPath) return undefined;
    const file = checks.configFor(uri).file;
    if (file) {
      const configUri = URI.fromFsPath(file);
      const open = documents.get(configUri);
      let text = open?.getText();
      if (text === undefined) {
        try {
          text = fs.readFileSync(file, 'utf8');
        } catch {
          return undefined;
        }
      }
      return { kind: 'existing', uri: configUri, text };
    }
    const folder = workspaceFolders.filter((f) => docPath === f || docPath.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0] ?? path.dirname(docPath);
    return { kind: 'create', uri: URI.fromFsPath(path.join(folder, '.gongwen.jsonc')) };
  }
  connection.onCodeActionResolve(live(async (action) => {
    const data = action.data;
    if (!isLazyFix(data)) return action;
    const checked = await checkedFor(data.uri);
    if (!checked || checked.pausedForSize !== undefined || checked.decodingDamage || checked.notChecked) return action;
    const options = checkOptionsOf(checked);
    return resolveFixAll(action, documents.get(data.uri), (t) => checkText(t, options));
  }));

  /** Whether the document may be fixed: checking on, not paused for its size, not garbled text. */
  function fixesAllowed(checked: CheckedVersion): boolean {
    return checked.settings.enable && checked.pausedForSize === undefined && !checked.decodingDamage && !checked.notChecked;
  }

  function checkOptionsOf(checked: CheckedVersion) {
    const config = checks.configFor(checked.uri);
    const rules: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'> = {};
    for (const [id, s] of Object.entries(checked.result.config.rules)) rules[id] = s.severity;
    return { config: config.file ? [config.config] : [], type: checked.result.config.typeName, rules };
  }

  connection.onDocumentSymbol(live(async (params) => {
    const checked = await checkedFor(params.textDocument.uri);
    return checked ? documentSymbols(checked) : null;
  }));
  connection.onFoldingRanges(live(async (params) => {
    const checked = await checkedFor(params.textDocument.uri);
    return checked ? foldingRanges(checked) : null;
  }));
  connection.onHover(live(async (params) => {
    const checked = await checkedFor(params.textDocument.uri);
    return checked && checked.settings.enable ? hover(checked, params.position, localeFor(checked.settings), !!features?.hoverMarkdown) : null;
  }));
  connection.onCompletion(live(async (params) => {
    const checked = await checkedFor(params.textDocument.uri);
    return checked && checked.settings.enable ? completions(checked, params.position, localeFor(checked.settings), !!features?.snippets) : null;
  }));
  connection.onDocumentFormatting(live(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const checked = await checkedFor(params.textDocument.uri);
    if (!doc || !checked || !fixesAllowed(checked)) return [];
    const options = checkOptionsOf(checked);
    return formattingEdits(doc, checked.settings, (t) => checkText(t, options));
  }));

  connection.onExecuteCommand(live(async (params) => {
    if (params.command === SERVER_COMMANDS.recheck) {
      refreshAll();
      return true;
    }
    if (params.command === SERVER_COMMANDS.fixAll) {
      const uri = String(params.arguments?.[0] ?? '');
      const doc = documents.get(uri);
      const checked = await checkedFor(uri);
      if (!doc || !checked || !fixesAllowed(checked)) return false;
      const options = checkOptionsOf(checked);
      const edit = fixedEdit(doc, (t) => checkText(t, options).diagnostics);
      if (!edit) return true;
      const result = await connection.workspace.applyEdit({ label: localeFor(checked.settings) === 'zh-CN' ? '修复全部问题' : 'Fix all problems', edit: { changes: { [uri]: [edit] } } });
      return result.applied;
    }
    throw new ResponseError(-32601, `unknown command ${params.command}`);
  }));

  connection.onRequest(DOCUMENT_STATS_REQUEST, live(async (params: DocumentStatsParams): Promise<DocumentStatsResult | null> => {
    const checked = await checkedFor(params.uri);
    if (!checked) return null;
    const enabled = checked.settings.enable && checked.pausedForSize === undefined && !checked.notChecked;
    return {
      characters: enabled ? documentStats(checked.result.model).characters : null,
      ...(checked.notChecked && checked.settings.enable ? { notChecked: checked.notChecked } : {}),
      placeholders: enabled ? checked.result.diagnostics.filter((d) => d.rule === 'placeholder').length : 0,
      problems: enabled ? checked.result.diagnostics.length : 0,
      categories: enabled ? categoryCounts(checked.result.diagnostics, localeFor(checked.settings)) : [],
      reportType: checked.result.config.typeName,
    };
  }));

  connection.onRequest(IMPORT_WORD_REQUEST, live(async (params: ImportWordParams): Promise<ImportWordResult> => {
    const bytes = Buffer.from(typeof params?.data === 'string' ? params.data : '', 'base64');
    // Loaded when first used: the Word reader is a bundle of its own (dist/import.cjs).
    const { importDocx, WordReadError } = await import('../word/import.js');
    try {
      const { markdown, stats } = importDocx(bytes);
      return { ok: true, markdown, paragraphs: stats.paragraphs, automaticNumbers: stats.automaticNumbers };
    } catch (e) {
      if (e instanceof WordReadError) return { ok: false, problem: e.problem, ...e.where };
      throw e;
    }
  }));
  connection.onRequest(EXPORT_DOCX_REQUEST, live(async (params: ExportParams): Promise<ExportResult | null> => {
    const doc = documents.get(params.uri);
    const checked = await checkedFor(params.uri);
    if (!doc || !checked) return null;
    const loc = localeFor(checked.settings);
    // Loaded when first used: the Word writer is a bundle of its own (dist/export.cjs).
    const word = await import('../word/export.js');
    if (checked.pausedForSize !== undefined || checked.decodingDamage) return { kind: 'refused', message: word.exportMessage({ id: 'export/notChecked' }, loc) };
    const options = checkOptionsOf(checked);
    const prepared = word.prepareExport(doc.getText(), { config: options.config, type: options.type, rules: options.rules }, params.preset || undefined);
    if (prepared.presetProblem) return { kind: 'refused', message: word.exportMessage(prepared.presetProblem, loc) };
    if (prepared.blocking.length > 0 && !params.force) {
      return {
        kind: 'blocked',
        findings: prepared.blocking.map((d) => ({ line: d.range.start.line, column: d.range.start.column, rule: d.rule, message: word.exportMessage({ id: d.messageId, data: d.data }, loc) })),
      };
    }
    const fsPath = URI.toFsPath(params.uri);
    const { bytes, warnings } = await word.buildDocx(prepared, { baseDir: fsPath ? path.dirname(fsPath) : undefined });
    return {
      kind: 'docx',
      data: Buffer.from(bytes).toString('base64'),
      warnings: warnings.map((w) => word.exportMessage(w.line ? { id: 'export/atLine', data: { line: w.line, message: w.message } } : w.message, loc)),
    };
  }));

  documents.listen(connection);
  connection.listen();
}
