// The shape of the code: no import cycle between modules, type-only imports included; the engine
// imports nothing of Node, VS Code or LSP (the front-ends and the host do).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './fixture-harness.js';

const IMPORT = /^\s*(?:import|export)\s(?:type\s)?[^'"]*?\bfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
}

/** Strongly connected components with more than one module (or a module importing itself): Tarjan. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return out;
}

test('no import cycle among the sources, type-only imports included', () => {
  const files = ['server/src', 'client/src', 'tools'].flatMap((d) => sources(path.join(REPO_ROOT, d)));
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps = importsOf(f)
      .filter((s) => s.startsWith('.'))
      .map((s) => path.resolve(path.dirname(f), s.replace(/\.js$/, '.ts')));
    graph.set(f, deps);
  }
  const found = cycles(graph).map((c) => c.map((f) => path.relative(REPO_ROOT, f)).join(' ↔ '));
  assert.deepEqual(found, []);
});

test('the engine imports nothing of Node, VS Code or LSP, nor the ZIP and XML libraries of the Word reader', () => {
  for (const f of sources(path.join(REPO_ROOT, 'server', 'src', 'engine'))) {
    for (const spec of importsOf(f)) {
      assert.ok(!/^(node:|fs$|path$|vscode|fflate|saxes)/.test(spec), `${path.relative(REPO_ROOT, f)} imports ${spec}`);
      assert.ok(!/\/word\//.test(spec), `${path.relative(REPO_ROOT, f)} imports the Word reader (${spec})`);
    }
  }
});

test('the VS Code client does not bundle the Word reader: it asks the server (gongwen/importWord)', () => {
  for (const f of sources(path.join(REPO_ROOT, 'client', 'src'))) {
    for (const spec of importsOf(f)) assert.ok(!/server\/src\/word\/|^(fflate|saxes)$/.test(spec), `${path.relative(REPO_ROOT, f)} imports ${spec}`);
  }
});

test('the engine does not import the Word export (server/src/word); the export may import the engine', () => {
  const word = path.join(REPO_ROOT, 'server', 'src', 'word');
  for (const f of sources(path.join(REPO_ROOT, 'server', 'src', 'engine'))) {
    for (const spec of importsOf(f)) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(f), spec);
      assert.ok(!target.startsWith(word + path.sep), `${path.relative(REPO_ROOT, f)} imports ${spec}`);
    }
    assert.ok(!importsOf(f).some((s) => s === 'docx' || s === 'fflate'), `${path.relative(REPO_ROOT, f)} imports the docx writer's packages`);
  }
  assert.ok(sources(word).length > 0);
});
