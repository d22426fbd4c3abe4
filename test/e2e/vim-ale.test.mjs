// Scenario: the README's Vim + ALE example in a real Vim with Debian's ALE (vim-ale, loaded with
// `packadd! ale`), no code-server. The example is saved where the README says,
// ~/.vim/ale_linters/markdown/gongwen.vim (HOME is a temporary folder); Vim opens a draft with a
// numbering gap (一、 then 三、), waits for ALE's results from the language server, writes them as
// JSON and quits; the test checks the numbering-sequence problem at 三、's line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assertDraftDiagnostics, assertServerBuilt, readProbe, readmeExample, runEditor, versionOf, workspace } from './editors.mjs';

const version = versionOf('vim'); // "VIM - Vi IMproved 9.0 (…)"
const hasAle = () =>
  spawnSync('vim', ['-N', '-u', 'NONE', '-i', 'NONE', '-es', '-c', 'packadd ale', '-c', 'if exists("g:loaded_ale") | qa! | else | cq! | endif'], { timeout: 20_000, stdio: 'ignore' }).status === 0;
const missing = !version ? 'vim is not installed (apt-get install vim vim-ale; test/e2e/install.sh installs them)' : !hasAle() && 'ALE is not installed for vim (apt-get install vim-ale; test/e2e/install.sh installs it)';

// The user's vimrc as Debian's vim-ale expects (ALE is an optional package); nothing else.
const VIMRC = `set nocompatible
packadd! ale
filetype plugin on
`;

// Written by the test, not part of the example: polls (bounded, 30 s) ALE's results for the
// buffer until gongwen's numbering-sequence problem is there, writes them, and quits.
const PROBE = `
let s:tries = 0
function! s:Probe(timer) abort
  let l:loclist = get(get(g:, 'ale_buffer_info', {}), bufnr(''), {'loclist': []}).loclist
  let l:ours = filter(copy(l:loclist), 'get(v:val, "linter_name", "") is# "gongwen"')
  let s:tries += 1
  if empty(filter(copy(l:ours), 'get(v:val, "code", "") is# "numbering-sequence"')) && s:tries < 300
    return
  endif
  call timer_stop(a:timer)
  call writefile([json_encode({'found': s:tries < 300, 'loclist': l:ours, 'linters': map(ale#linter#Get('markdown'), 'v:val.name')})], $GONGWEN_PROBE_OUT)
  qa!
endfunction
call timer_start(100, function('s:Probe'), {'repeat': -1})
`;

test('Vim + ALE README example: problems for a numbering gap', { skip: missing }, async () => {
  assertServerBuilt();
  const example = readmeExample('vim-ale');
  assert.equal(example.lang, 'vim');
  const w = workspace('vim-ale');
  try {
    const linterDir = path.join(w.root, '.vim', 'ale_linters', 'markdown');
    mkdirSync(linterDir, { recursive: true });
    writeFileSync(path.join(linterDir, 'gongwen.vim'), example.code);
    const vimrc = path.join(w.root, 'vimrc');
    const probe = path.join(w.root, 'probe.vim');
    const out = path.join(w.root, 'problems.json');
    writeFileSync(vimrc, VIMRC);
    writeFileSync(probe, PROBE);
    // --not-a-term: output is not a terminal; -i NONE: no viminfo; -n: no swap file.
    const run = await runEditor('vim', ['-N', '-n', '-i', 'NONE', '--not-a-term', '-u', vimrc, '-c', `source ${probe}`, 'draft.md'], {
      cwd: w.ws,
      env: { ...w.env, GONGWEN_PROBE_OUT: out },
    });
    const result = readProbe(out, run, `Vim (${version}) with the README's ALE example`);
    const what = 'Vim + ALE example';
    assert.ok(result.linters.includes('gongwen'), `${what}: ALE loaded the linter from ~/.vim/ale_linters/markdown/gongwen.vim: ${JSON.stringify(result)}`);
    assert.ok(result.found, `${what}: no numbering-sequence problem within the wait: ${JSON.stringify(result)}`);
    assertDraftDiagnostics(
      result.loclist.map((d) => ({ line: d.lnum, code: d.code, message: d.text })),
      what,
    );
    const gap = result.loclist.find((d) => d.code === 'numbering-sequence');
    assert.equal(gap.type, 'E', `${what}: the numbering gap is an error: ${JSON.stringify(gap)}`);
    assert.equal(gap.col, 1, `${what}: the problem starts at the marker`);
  } finally {
    rmSync(w.root, { recursive: true, force: true });
  }
});
