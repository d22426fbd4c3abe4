// Scenario: the README's Neovim examples in a real Neovim, headless (no code-server). The init.lua
// is exactly the README's example (taken from between its markers); Neovim opens a draft with a
// numbering gap (一、 then 三、), waits for the language server's diagnostics
// (vim.diagnostic.get), writes them as JSON and quits; the test checks the numbering-sequence
// diagnostic at 三、's line. The 0.7–0.9 example runs in any Neovim from 0.7 (Debian 12 ships
// 0.7.2); the 0.10+ example runs when the Neovim is 0.10 or later, and is otherwise only parsed.
//
//   GONGWEN_E2E_NVIM=/path/to/nvim   use this Neovim instead of the one on PATH
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assertDraftDiagnostics, assertServerBuilt, readProbe, readmeExample, runEditor, versionOf, workspace } from './editors.mjs';

const NVIM = process.env.GONGWEN_E2E_NVIM || 'nvim';
const version = versionOf(NVIM); // "NVIM v0.7.2"
const parsed = /v(\d+)\.(\d+)/.exec(version ?? '');
const [major, minor] = parsed ? [Number(parsed[1]), Number(parsed[2])] : [0, 0];
const missing = !version && `${NVIM} is not installed (apt-get install neovim; test/e2e/install.sh installs it)`;
const before010 = !missing && major === 0 && minor < 10 && `this Neovim is ${version}; the 0.10+ example needs 0.10 or later (it is parsed by the test below)`;

// Written by the test, not part of the example: waits (bounded) for gongwen's numbering-sequence
// diagnostic, writes what the buffer has, and quits. Uses only what Neovim 0.7 has.
const PROBE = `
local out = os.getenv('GONGWEN_PROBE_OUT')
local function write(t)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(t))
  f:close()
end
local ok, err = pcall(function()
  local found = vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(0)) do
      if d.code == 'numbering-sequence' then return true end
    end
    return false
  end, 100)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(diagnostics, { lnum = d.lnum, col = d.col, code = d.code, source = d.source, message = d.message, severity = d.severity })
  end
  local clients = {}
  for _, c in pairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do table.insert(clients, c.name) end
  local v = vim.version()
  write({ found = found, diagnostics = diagnostics, clients = clients, version = string.format('%d.%d.%d', v.major, v.minor, v.patch) })
end)
if not ok then write({ error = tostring(err) }) end
vim.cmd('qa!')
`;

async function runExample(name) {
  assertServerBuilt();
  const example = readmeExample(name);
  assert.equal(example.lang, 'lua');
  const w = workspace('nvim');
  try {
    const init = path.join(w.root, 'init.lua');
    const probe = path.join(w.root, 'probe.lua');
    const out = path.join(w.root, 'diagnostics.json');
    writeFileSync(init, example.code);
    writeFileSync(probe, PROBE);
    // -u: only the example as the user config; -i NONE: no shada; -n: no swap file.
    const run = await runEditor(NVIM, ['--headless', '-n', '-i', 'NONE', '-u', init, 'draft.md', '-c', `luafile ${probe}`], {
      cwd: w.ws,
      env: { ...w.env, GONGWEN_PROBE_OUT: out },
    });
    const result = readProbe(out, run, `Neovim (${version}) with the README's ${name} example`);
    const what = `Neovim ${result.version}, ${name} example`;
    assert.ok(result.clients.includes('gongwen'), `${what}: a client named gongwen is running: ${JSON.stringify(result)}\nstderr: ${run.stderr}`);
    assert.ok(result.found, `${what}: no numbering-sequence diagnostic within the wait: ${JSON.stringify(result)}\nstderr: ${run.stderr}`);
    for (const d of result.diagnostics) assert.equal(d.source, 'gongwen', `${what}: diagnostics come from gongwen: ${JSON.stringify(d)}`);
    assertDraftDiagnostics(
      result.diagnostics.map((d) => ({ line: d.lnum + 1, code: d.code, message: d.message })),
      what,
    );
    const gap = result.diagnostics.find((d) => d.code === 'numbering-sequence');
    assert.equal(gap.col, 0, `${what}: the diagnostic starts at the marker`);
  } finally {
    rmSync(w.root, { recursive: true, force: true });
  }
}

test('Neovim 0.7–0.9 README example (vim.lsp.start_client): diagnostics for a numbering gap', { skip: missing }, async () => {
  await runExample('nvim-0.7');
});

test('Neovim 0.10+ README example (vim.lsp.config/enable, or vim.lsp.start): diagnostics for a numbering gap', { skip: missing || before010 }, async () => {
  await runExample('nvim-0.10');
});

test('Neovim 0.10+ README example is valid Lua (parsed by this Neovim)', { skip: missing }, async () => {
  const example = readmeExample('nvim-0.10');
  const w = workspace('nvim-parse');
  try {
    const file = path.join(w.root, 'example.lua');
    const out = path.join(w.root, 'parse.json');
    writeFileSync(file, example.code);
    const lua = `local f, err = loadfile(${JSON.stringify(file)}); local o = assert(io.open(${JSON.stringify(out)}, 'w')); o:write(vim.fn.json_encode({ ok = f ~= nil, err = err or '' })); o:close(); vim.cmd('qa!')`;
    const run = await runEditor(NVIM, ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', '-c', `lua ${lua}`], { cwd: w.root, env: w.env, timeout: 30_000 });
    const result = readProbe(out, run, 'Neovim parsing the 0.10+ example');
    assert.ok(result.ok, `the 0.10+ example does not parse: ${result.err}`);
  } finally {
    rmSync(w.root, { recursive: true, force: true });
  }
});
