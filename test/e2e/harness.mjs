// End-to-end harness: the gongwen extension in a real VS Code workbench (code-server, from
// test/e2e/.vscode-server/, installed by test/e2e/install.sh) driven by playwright-core in
// Debian's Chromium. See shared/reference/real-vscode-e2e.md.
//
// Each scenario gets its own code-server on 127.0.0.1 (a free port), a fresh user-data and
// extensions folder and a fresh workspace with copies of the fixtures, all under one temp folder
// that is removed afterwards. Every wait is bounded and fails with a message saying what it
// waited for. Screenshots go to test/e2e/screenshots/<scenario>.png; code-server's log, the
// extension host's logs and output channels, and the browser console go to
// test/e2e/logs/<scenario>/ (kept for every run, printed in part on failure).

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const TOOLS_DIR = path.join(E2E_DIR, '.vscode-server');
export const FIXTURES_DIR = path.join(E2E_DIR, 'fixtures');
export const SCREENSHOTS_DIR = path.join(E2E_DIR, 'screenshots');
export const LOGS_DIR = path.join(E2E_DIR, 'logs');
const CODE_SERVER_ENTRY = path.join(TOOLS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.GONGWEN_E2E_CHROMIUM || '/usr/bin/chromium';

/** The vsix under test: $GONGWEN_E2E_VSIX, else the one `npm run package` makes at the repo root. */
export function vsixPath() {
  return process.env.GONGWEN_E2E_VSIX ? path.resolve(process.env.GONGWEN_E2E_VSIX) : path.join(REPO_ROOT, 'gongwen-0.1.0.vsix');
}

/**
 * The display language asked of code-server (`--locale`): 'zh-cn' (the extension's first
 * language) unless $GONGWEN_E2E_LOCALE says otherwise; with 'en' the extension runs in English.
 * See seedLanguagePack for how zh-cn is made to take effect without a language pack.
 */
export const LOCALE = (process.env.GONGWEN_E2E_LOCALE || 'zh-cn').toLowerCase();

const require = createRequire(path.join(TOOLS_DIR, 'package.json'));
function playwright() {
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server is not installed in ${TOOLS_DIR}: run bash test/e2e/install.sh`);
  return require('playwright-core');
}

// --- bounded waiting -----------------------------------------------------------------------

/** Set when the running scenario has overrun its time: every waitFor then gives up at once. */
let aborted = null;

/** Polls `probe` (sync or async) until it returns a truthy value, which is returned; throws after `timeout` ms with `what` and the last value or error seen. */
export async function waitFor(what, probe, { timeout = 30_000, interval = 200 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    if (aborted) throw new Error(`gave up waiting for ${what}: ${aborted.message}`);
    try {
      last = await probe();
      lastError = undefined;
      if (last) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const seen = lastError ? `last error: ${lastError.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeout} ms waiting for ${what} (${seen})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// --- processes -----------------------------------------------------------------------------

const liveGroups = new Set();
const liveTmpDirs = new Set();
function killAll() {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  for (const dir of liveTmpDirs) rmSync(dir, { recursive: true, force: true });
}
process.on('exit', killAll);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => {
    killAll();
    process.exit(code); // Playwright ends its browser on exit
  });
}

/** Starts a command in its own process group (so its children can be ended with it), logging its output to `logFile`. */
function startProcess(cmd, args, { logFile, env, cwd }) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  liveGroups.add(child.pid);
  const exited = once(child, 'exit').then(([code, signal]) => {
    liveGroups.delete(child.pid);
    return { code, signal };
  });
  let output = '';
  const listeners = new Set();
  const onData = (chunk) => {
    const s = chunk.toString();
    output += s;
    fs.appendFile(logFile, s).catch(() => undefined);
    for (const l of listeners) l(output);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return {
    child,
    exited,
    output: () => output,
    /** Resolves with the first match of `re` in the output; rejects if the process exits first or after `timeout` ms. */
    waitForOutput(re, what, timeout) {
      return withTimeout(
        new Promise((resolve, reject) => {
          const check = (out) => {
            const m = re.exec(out);
            if (m) {
              listeners.delete(check);
              resolve(m);
            }
          };
          listeners.add(check);
          check(output);
          exited.then(({ code, signal }) => reject(new Error(`${path.basename(cmd)} exited (code ${code}, signal ${signal}) before ${what}; output:\n${tail(output)}`)));
        }),
        timeout,
        `${what}; output so far:\n${tail(output)}`,
      );
    },
    /** Ends the whole process group: SIGTERM, then SIGKILL after `grace` ms. */
    async stop(grace = 5_000) {
      if (!liveGroups.has(child.pid)) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      const done = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), grace).unref())]);
      try {
        process.kill(-child.pid, 'SIGKILL'); // the group's stragglers (extension host, language server) too
      } catch {
        /* gone */
      }
      if (!done) await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000).unref())]);
      liveGroups.delete(child.pid);
    },
  };
}

function tail(text, lines = 40) {
  return text.split('\n').slice(-lines).join('\n');
}

async function runToEnd(cmd, args, { logFile, env, timeout, what }) {
  const p = startProcess(cmd, args, { logFile, env });
  try {
    const { code, signal } = await withTimeout(p.exited, timeout, what);
    return { code, signal, output: p.output() };
  } finally {
    await p.stop(1_000);
  }
}

// --- settings --------------------------------------------------------------------------------

export const DEFAULT_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.fontSize': 16,
  'outline.collapseItems': 'alwaysExpand',
};

// --- the workbench ---------------------------------------------------------------------------

/**
 * Starts code-server with the vsix installed and a workspace holding copies of `files` (names under
 * test/e2e/fixtures/, or `{ name, text }`), opens it in Chromium and waits for the workbench and
 * the explorer. Returns a VSCode whose `close()` must be called (the `scenario` helper does).
 */
export async function launch({ name, files = ['draft.md'], settings = {}, vsix = vsixPath(), extraVsix = [], locale = LOCALE } = {}) {
  if (!existsSync(vsix)) throw new Error(`no extension package at ${vsix}: run \`npm run package\` at the repo root (or set GONGWEN_E2E_VSIX)`);
  const { chromium } = playwright();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), `gongwen-e2e-${name}-`));
  liveTmpDirs.add(tmp);
  const logDir = path.join(LOGS_DIR, name);
  await fs.rm(logDir, { recursive: true, force: true });
  await fs.mkdir(logDir, { recursive: true });
  await fs.writeFile(path.join(LOGS_DIR, '.gitignore'), '*\n');
  const vs = new VSCode({ name, tmp, logDir });
  try {
    const userDir = path.join(tmp, 'user');
    const extDir = path.join(tmp, 'extensions');
    const workspace = path.join(tmp, 'workspace');
    vs.workspace = workspace;
    vs.userDir = userDir;
    await fs.mkdir(path.join(userDir, 'User'), { recursive: true });
    await fs.mkdir(extDir, { recursive: true });
    await fs.mkdir(workspace, { recursive: true });
    await fs.writeFile(path.join(userDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
    if (locale && !locale.startsWith('en')) await seedLanguagePack(userDir, tmp, locale);
    for (const f of files) {
      if (typeof f === 'string') await fs.copyFile(path.join(FIXTURES_DIR, f), path.join(workspace, path.basename(f)));
      else {
        await fs.mkdir(path.dirname(path.join(workspace, f.name)), { recursive: true });
        await fs.writeFile(path.join(workspace, f.name), f.text);
      }
    }
    // code-server's own config (it would write ~/.config/code-server/config.yaml) and state stay in the temp folder.
    // No extension gallery: nothing to reach here, and without one VS Code doesn't look for
    // translations of its built-in extensions online.
    const env = { XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), EXTENSIONS_GALLERY: '{}' };
    const common = ['--user-data-dir', userDir, '--extensions-dir', extDir, '--disable-telemetry', '--disable-update-check'];
    if (locale) common.push('--locale', locale);

    const installLog = path.join(logDir, 'install-extension.log');
    for (const v of [...extraVsix, vsix]) {
      const inst = await runToEnd(process.execPath, [CODE_SERVER_ENTRY, ...common, '--install-extension', v], { logFile: installLog, env, timeout: 120_000, what: `code-server --install-extension ${v}` });
      if (inst.code !== 0 || !/successfully installed/i.test(inst.output)) {
        throw new Error(`installing ${path.basename(v)} failed (exit ${inst.code}):\n${tail(inst.output)}`);
      }
    }

    vs.server = startProcess(process.execPath, [CODE_SERVER_ENTRY, ...common, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-workspace-trust', '--disable-getting-started-override', workspace], {
      logFile: path.join(logDir, 'code-server.log'),
      env,
      cwd: tmp,
    });
    const [, url] = await vs.server.waitForOutput(/HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\/?/, 'code-server to listen', 60_000);
    vs.url = url;

    vs.browser = await withTimeout(
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
      }),
      60_000,
      `launching ${CHROMIUM}`,
    );
    const context = await vs.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: locale === 'zh-cn' ? 'zh-CN' : 'en-US' });
    context.setDefaultTimeout(30_000);
    vs.page = await context.newPage();
    vs.page.on('console', (m) => vs.consoleLines.push(`[${m.type()}] ${m.text()}`));
    vs.page.on('pageerror', (e) => vs.consoleLines.push(`[pageerror] ${e.message}`));
    await vs.page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000 });
    await vs.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    const first = files.map((f) => (typeof f === 'string' ? path.basename(f) : f.name))[0];
    if (first) await vs.explorerRow(first).waitFor({ state: 'visible', timeout: 60_000 });
    return vs;
  } catch (e) {
    await vs.close({ failed: true, error: e });
    throw e;
  }
}

/**
 * code-server shows the workbench, and runs the extension host, in the `--locale` language only when
 * a language pack for it is installed (else `vscode.env.language` stays 'en'); none can be
 * downloaded here. An entry in the user-data folder's languagepacks.json whose VS Code
 * translations are empty is enough: the language becomes `locale` while the workbench's own
 * strings fall back to English. Extensions then get `vscode.env.language === locale` and their
 * own `package.nls.<locale>.json` / `l10n/bundle.l10n.<locale>.json`.
 */
async function seedLanguagePack(userDir, tmp, locale) {
  const translations = path.join(tmp, 'language-pack', 'main.i18n.json');
  await fs.mkdir(path.dirname(translations), { recursive: true });
  await fs.writeFile(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = {
    [locale]: {
      hash: `gongwen-e2e-${locale}`,
      label: locale,
      extensions: [{ extensionIdentifier: { id: 'gongwen-e2e.language-pack' }, version: '0.0.0' }],
      translations: { vscode: translations },
    },
  };
  await fs.writeFile(path.join(userDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

export class VSCode {
  constructor({ name, tmp, logDir }) {
    this.name = name;
    this.tmp = tmp;
    this.logDir = logDir;
    this.consoleLines = [];
    this.closed = false;
  }

  // --- explorer and editors ---

  explorerRow(fileName) {
    return this.page.locator('.explorer-folders-view .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(fileName)}$`) }) });
  }

  /** Opens a file by clicking it in the explorer; waits for its editor tab to be active and the text area to be focused. */
  async openFile(fileName) {
    await this.explorerRow(fileName).first().click({ timeout: 30_000 });
    await this.activeTab(fileName).waitFor({ state: 'visible', timeout: 30_000 });
    await this.editor().locator('.view-lines').waitFor({ state: 'visible', timeout: 30_000 });
  }

  activeTab(fileName) {
    return this.page.locator('.tabs-container .tab.active').filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(fileName)}$`) }) });
  }

  /** The active editor group's text editor. */
  editor() {
    return this.page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
  }

  /**
   * The lines the active editor has rendered (all of them for a short file), as an array indexed
   * by line number - 1 (lines scrolled out of view are missing), with non-breaking spaces as spaces.
   */
  async editorLines() {
    return this.editor()
      .locator('.view-lines')
      .evaluate((el) => {
        const out = [];
        for (const l of el.querySelectorAll('.view-line')) {
          const height = parseFloat(l.style.height || l.style.lineHeight) || l.getBoundingClientRect().height;
          const index = Math.round((parseFloat(l.style.top) || 0) / height);
          out[index] = (l.textContent ?? '').replace(/\u00a0/g, ' ');
        }
        return out;
      });
  }

  /** The rendered text of the active editor (see editorLines). */
  async editorText() {
    return (await this.editorLines()).filter((l) => l !== undefined).join('\n');
  }

  /** Focuses the active editor's text (clicking into its text area). */
  async focusEditor() {
    await this.editor().locator('.view-lines').click({ timeout: 30_000, position: { x: 5, y: 5 } });
  }

  /** Moves the cursor to a 1-based line and column with "Go to Line/Column" (F1, then `:line:column`). */
  async goToLine(line, column = 1) {
    await this.openQuickInput();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(`:${line}:${column}`);
    await waitFor('the Go to Line quick pick to take the input', async () => (await this.page.locator('.quick-input-widget .quick-input-box input').inputValue()) === `:${line}:${column}`, { timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await waitFor(`the cursor at Ln ${line}, Col ${column}`, async () => {
      const text = await this.statusBarText();
      return new RegExp(`\\b${line}\\D+${column}\\b`).test(text) && text;
    }, { timeout: 10_000 });
  }

  /** Waits for gongwen's status item to show the active report's figures (字数 N · 问题 N): the
   * server is running and has checked it, so its completion provider is registered. (Typed before
   * that, a first word gets no server suggestions: VS Code asks the providers it has when the word
   * starts, and does not ask again while the word goes on.) */
  async waitForChecked(timeout = 30_000) {
    const item = this.page.locator('.statusbar-item').filter({ hasText: isZh() ? /字数 \d+ · 问题 \d+/ : /\d+ characters · \d+ problems/ });
    await item.first().waitFor({ state: 'visible', timeout });
  }

  async statusBarText() {
    return (await this.page.locator('#status\\.editor\\.selection').textContent({ timeout: 10_000 })) ?? '';
  }

  /** Saves the active editor (Control+S) and waits for its tab to stop being dirty. */
  async save() {
    await this.page.keyboard.press('Control+S');
    await waitFor('the active editor to be saved', async () => (await this.page.locator('.tabs-container .tab.active.dirty').count()) === 0, { timeout: 15_000 });
  }

  /** A file of the workspace, as on disk. */
  async readWorkspaceFile(fileName) {
    return fs.readFile(path.join(this.workspace, fileName), 'utf8');
  }

  /**
   * Opens the quick fixes at the cursor (Control+.), and waits for a menu item whose title matches
   * `title`; returns the titles shown. The menu is VS Code's action widget.
   */
  async openQuickFixes(title) {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    // The lightbulb shows once the code actions at the cursor are known; Control+. pressed before
    // that can answer "No code actions available".
    try {
      await this.page.locator('.monaco-editor .lightBulbWidget[class*="codicon-lightbulb"]').first().waitFor({ state: 'visible', timeout: 15_000 });
    } catch {
      throw new Error('no lightbulb at the cursor: the editor has no code actions there');
    }
    let opened = false;
    for (let attempt = 1; attempt <= 3 && !opened; attempt++) {
      await this.page.keyboard.press('Control+.');
      opened = await rows.first().waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      if (!opened) await this.page.keyboard.press('Escape');
    }
    if (!opened) throw new Error('the quick fix menu did not open on Control+. (3 tries)');
    let titles = [];
    await waitFor(`a quick fix titled ${title}`, async () => {
      titles = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent));
      return titles.some((t) => title.test(t));
    }, { timeout: 10_000 }).catch(() => {
      throw new Error(`no quick fix titled ${title} (the menu shows ${JSON.stringify(titles)})`);
    });
    return titles;
  }

  /**
   * Applies the item of the open quick fix menu whose title matches `title`, with the keyboard
   * (a pointer block covers the menu until the mouse moves): arrows until it is focused, Enter.
   */
  async applyQuickFix(title) {
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    await waitFor(`the quick fix ${title} to be focused in the menu`, async () => {
      const label = (await focused.count()) ? await focused.first().getAttribute('aria-label') : null;
      if (label && title.test(label)) return true;
      await this.page.keyboard.press('ArrowDown');
      return false;
    }, { timeout: 10_000, interval: 150 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** The labels of the suggest widget's rows, [] while it is hidden. */
  async suggestionLabels() {
    return this.page
      .locator('.editor-widget.suggest-widget.visible .monaco-list-row')
      .evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.textContent ?? e.getAttribute('aria-label') ?? ''));
  }

  /**
   * Waits for the suggest widget to show a suggestion whose label matches `label`, and accepts it:
   * Tab if it is focused (gongwen's configuration defaults turn Enter-to-accept off in Markdown,
   * so that Enter is always a line break), else a click on it. `invoke: true` (the default) opens
   * the widget with Control+Space first; `invoke: false` waits for it to open as you type.
   */
  async acceptSuggestion(label, { invoke = true } = {}) {
    const widget = this.page.locator('.editor-widget.suggest-widget.visible');
    const rows = widget.locator('.monaco-list-row');
    if (invoke) {
      let opened = false;
      for (let attempt = 1; attempt <= 3 && !opened; attempt++) {
        await this.page.keyboard.press('Control+Space');
        opened = await rows.first().waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      }
      if (!opened) throw new Error('the suggest widget did not open on Control+Space (3 tries)');
    }
    let labels = [];
    const index = await waitFor(`a suggestion labelled ${label}`, async () => {
      labels = await this.suggestionLabels();
      const i = labels.findIndex((l) => label.test(l));
      return i >= 0 ? i + 1 : 0;
    }, { timeout: 10_000 }).catch(() => {
      throw new Error(`no suggestion labelled ${label} (the widget shows ${JSON.stringify(labels)})`);
    });
    await this.screenshot(`${this.name}.suggest`);
    const focused = await widget.locator('.monaco-list-row.focused .label-name').textContent({ timeout: 5_000 }).catch(() => null);
    if (focused !== null && label.test(focused)) await this.page.keyboard.press('Tab');
    else await rows.nth(index - 1).click();
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  // --- commands and quick input ---

  async openQuickInput() {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 10_000 });
  }

  /** Runs a command from the command palette by its title (as shown, e.g. "Explorer: Focus on Outline View"); `titles` may list alternatives (e.g. English and Chinese). */
  async runCommand(...titles) {
    await this.openQuickInput();
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    for (const title of titles) {
      await input.fill(`>${title}`);
      const row = rows.filter({ has: this.page.locator('.label-name, .monaco-highlighted-label', { hasText: new RegExp(`^${escapeRe(title)}$`) }) }).first();
      try {
        await row.waitFor({ state: 'visible', timeout: 5_000 });
      } catch {
        continue;
      }
      await row.click();
      await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    }
    const shown = await rows.allInnerTexts().catch(() => []);
    await this.page.keyboard.press('Escape');
    throw new Error(`no command titled ${titles.map((t) => JSON.stringify(t)).join(' or ')} in the command palette (it showed: ${JSON.stringify(shown.slice(0, 10))})`);
  }

  // --- Outline ---

  /**
   * Shows the Outline view for the active editor with every entry expanded (with more than one
   * outline provider, e.g. VS Code's Markdown one and gongwen's, the entries come in one collapsed
   * group per provider), the explorer's folder section collapsed to give it room. Returns its rows.
   */
  async showOutline() {
    const folders = this.page.locator('.pane-header[aria-label^="Explorer Section"]').first();
    if ((await folders.getAttribute('aria-expanded', { timeout: 10_000 })) === 'true') await folders.click();
    await this.runCommand('Explorer: Focus on Outline View', '资源管理器: 聚焦到大纲视图');
    const rows = this.page.locator('.pane-body.outline-pane .monaco-list-row, .pane:has(.pane-header[aria-label^="Outline"]) .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 30_000 });
    for (let i = 0; i < 30; i++) {
      const collapsed = rows.and(this.page.locator('[aria-expanded="false"]'));
      if ((await collapsed.count()) === 0) break;
      await collapsed.first().locator('.monaco-tl-twistie').click({ timeout: 5_000 });
    }
    return this.outlineRows();
  }

  /** The Outline view's rendered rows: `{ level, label, text }` (level 1 = top). */
  async outlineRows() {
    return this.page
      .locator('.pane-body.outline-pane .monaco-list-row, .pane:has(.pane-header[aria-label^="Outline"]) .monaco-list-row')
      .evaluateAll((els) =>
        els
          .map((e) => ({ top: parseFloat(e.style.top) || 0, level: Number(e.getAttribute('aria-level')), label: e.querySelector('.label-name')?.textContent ?? e.getAttribute('aria-label') ?? '', text: e.textContent ?? '' }))
          .sort((a, b) => a.top - b.top)
          .map(({ level, label, text }) => ({ level, label, text })),
      );
  }

  // --- Problems panel ---

  async openProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
  }

  /** The Problems panel's rows as text (a file row, then its markers: message, `source(code)`, `[Ln l, Col c]`). */
  async problemRows() {
    return this.page.locator('.markers-panel .monaco-tl-contents').allInnerTexts();
  }

  /** Waits until the Problems panel's rows satisfy `predicate(rows)`; returns the rows. */
  async waitForProblems(what, predicate, timeout = 60_000) {
    await this.openProblems();
    let rows = [];
    await waitFor(`the Problems panel to show ${what}`, async () => {
      rows = await this.problemRows();
      return predicate(rows);
    }, { timeout, interval: 250 });
    return rows;
  }

  // --- screenshots, logs, cleanup ---

  async screenshot(fileName = this.name) {
    await fs.mkdir(SCREENSHOTS_DIR, { recursive: true });
    const file = path.join(SCREENSHOTS_DIR, `${fileName}.png`);
    await this.page.screenshot({ path: file, timeout: 15_000 });
    return file;
  }

  /** Ends the browser and code-server (with all its children), keeps the logs in test/e2e/logs/<scenario>/ and removes the temp folder. On failure, prints the logs' tails. */
  async close({ failed = false, error } = {}) {
    if (this.closed) return;
    this.closed = true;
    if (failed && this.page) await this.screenshot(`${this.name}.failed`).catch(() => undefined);
    await this.saveLogs().catch((e) => console.error(`[e2e] saving logs failed: ${e.message}`));
    if (this.browser) await withTimeout(this.browser.close(), 15_000, 'closing Chromium').catch((e) => console.error(`[e2e] ${e.message}`));
    if (this.server) await this.server.stop();
    if (failed) this.printLogs(error);
    await fs.rm(this.tmp, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    liveTmpDirs.delete(this.tmp);
  }

  async saveLogs() {
    await fs.writeFile(path.join(this.logDir, 'browser-console.log'), this.consoleLines.join('\n') + '\n');
    if (this.userDir && existsSync(path.join(this.userDir, 'logs'))) {
      await fs.cp(path.join(this.userDir, 'logs'), path.join(this.logDir, 'vscode-logs'), { recursive: true });
    }
  }

  printLogs(error) {
    const out = [`[e2e] scenario "${this.name}" failed${error ? `: ${error.message}` : ''}`, `[e2e] logs: ${path.relative(REPO_ROOT, this.logDir)}/`];
    if (this.server) out.push('--- code-server (tail) ---', tail(this.server.output(), 30));
    // The extension's own logs and output channels, and what the extension host said about it or of errors.
    const noise = /No bundle location found|Using default string since no string found/;
    for (const f of findFiles(path.join(this.logDir, 'vscode-logs'), (f) => /gongwen|remoteexthost\.log$/i.test(path.relative(this.logDir, f)))) {
      let text;
      try {
        text = readFileSync(f, 'utf8');
      } catch {
        continue;
      }
      if (/remoteexthost\.log$/.test(f)) text = text.split('\n').filter((l) => (/gongwen/i.test(l) || /\[error\]/.test(l)) && !noise.test(l)).join('\n');
      if (text.trim()) out.push(`--- ${path.relative(this.logDir, f)} (tail) ---`, tail(text, 30));
    }
    const errors = this.consoleLines.filter((l) => /^\[(error|pageerror)\]/.test(l) && !/ERR_NAME_NOT_RESOLVED|ENOTFOUND|status of 404|BuiltInExtensionTranslations|No extension gallery service/.test(l));
    if (errors.length) out.push('--- browser console errors (last 15, first lines) ---', ...errors.slice(-15).map((l) => l.split('\n')[0].slice(0, 300)));
    console.error(out.join('\n'));
  }
}

function findFiles(dir, accept) {
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (accept(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Is the locale Chinese (the extension's messages then are)? */
export function isZh(locale = LOCALE) {
  return /^zh/i.test(locale ?? '');
}

/** The 1-based line and column of the first match of `re` in a fixture. */
export function fixturePosition(fileName, re) {
  const lines = readFileSync(path.join(FIXTURES_DIR, fileName), 'utf8').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]);
    if (m) return { line: i + 1, column: m.index + 1, text: lines[i] };
  }
  throw new Error(`no line of fixtures/${fileName} matches ${re}`);
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A node:test test that runs `body(vs)` against a fresh workbench (see `launch`), saves
 * test/e2e/screenshots/<name>.png at the end, and always cleans up. If the body overruns `timeout`,
 * the browser and server are ended so that every pending wait fails at once.
 */
export function scenario(name, options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  const { timeout = 240_000, ...launchOptions } = options;
  test(name, { timeout: timeout + 30_000 }, async () => {
    let vs;
    let overrun = false;
    aborted = null;
    const timer = setTimeout(() => {
      overrun = true;
      aborted = new Error(`scenario overran ${timeout} ms`);
      vs?.close({ failed: true, error: aborted });
    }, timeout);
    try {
      vs = await launch({ name, ...launchOptions });
      await body(vs);
      await vs.screenshot(name);
      await vs.close();
    } catch (e) {
      const error = overrun ? new Error(`scenario "${name}" overran ${timeout} ms (${e.message})`) : e;
      await vs?.close({ failed: true, error });
      throw error;
    } finally {
      clearTimeout(timer);
    }
  });
}
