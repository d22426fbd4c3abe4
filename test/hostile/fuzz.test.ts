// Issue 11 (proof of items 3, 5 and 6): random bytes on stdin between frames, random JSON-RPC
// frames (real methods with random params, random ids, notifications, responses), and random
// configurations (.gongwen.jsonc, front matter, editor settings), each followed by a check that
// the server is alive and still finds the numbering gap in a known document. Seeded and bounded:
// GONGWEN_FUZZ_SEED and GONGWEN_FUZZ_ITERATIONS replay or lengthen a run; a failure names its
// seed, iteration and input.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient, within } from '../lsp-client.js';

const SEED = Number(process.env.GONGWEN_FUZZ_SEED ?? 20251101) >>> 0;
const ITERATIONS = Number(process.env.GONGWEN_FUZZ_ITERATIONS ?? 120);

/** mulberry32: a small seeded generator, the same sequence on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const KNOWN = 'untitled:fuzz-known';
const DRAFT = '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n';
// Documents random frames may touch (never the known one).
const URIS = ['untitled:fuzz-a', 'untitled:fuzz-b', 'file:///nonexistent/fuzz.md', '', 'untitled:', 'file:///'];

const METHODS = [
  'textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'textDocument/diagnostic',
  'textDocument/codeAction', 'codeAction/resolve', 'textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol',
  'textDocument/foldingRange', 'workspace/executeCommand', 'workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles',
  'gongwen/documentStats', 'initialize', 'initialized', '$/cancelRequest', '$/setTrace', '$/unknown', 'textDocument/formatting', 'no/such',
];

function randomString(r: Rng, max = 20): string {
  const alphabet = ['a', 'Z', '0', ' ', '"', '\\', '\n', '\r', '一', '、', '三', '（', '）', '𠀀', '\u0000', '\ufeff', '\ud800', '{', '}', '[', ':', ',', '#', '-', '*', '。'];
  let s = '';
  for (let i = r.int(max); i > 0; i--) s += r.pick(alphabet);
  return s;
}

function randomJson(r: Rng, depth = 0): unknown {
  switch (r.int(depth > 3 ? 5 : 8)) {
    case 0: return null;
    case 1: return r.chance(0.5);
    case 2: return r.pick([0, -1, 1.5, 1e308, -0, 2 ** 53, 4294967296]);
    case 3: return randomString(r);
    case 4: return r.pick(URIS);
    case 5: return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(4); i > 0; i--) o[r.pick(['uri', 'text', 'textDocument', 'range', 'position', 'line', 'character', 'version', 'contentChanges', 'command', 'arguments', 'settings', 'changes', 'context', 'data', 'edit', 'id', '__proto__', 'constructor', randomString(r, 6)])] = randomJson(r, depth + 1);
      return o;
    }
  }
}

/** Params shaped like a method's real ones, with random values here and there. */
function randomParams(r: Rng, method: string): unknown {
  if (r.chance(0.2)) return randomJson(r);
  const uri = r.pick(URIS);
  const position = { line: r.pick([0, 1, 5, -1, 1e9]), character: r.pick([0, 2, -3, 1e9]) };
  const range = { start: position, end: r.chance(0.5) ? position : { line: r.int(5), character: r.int(5) } };
  switch (method) {
    case 'textDocument/didOpen':
      return { textDocument: { uri, languageId: 'markdown', version: r.int(5), text: r.chance(0.8) ? r.pick([DRAFT, '---\ngongwen: [\n---\n', '一、\n三、\n', randomString(r, 200)]) : randomJson(r) } };
    case 'textDocument/didChange':
      return { textDocument: { uri, version: r.int(9) }, contentChanges: [r.chance(0.5) ? { text: randomString(r, 50) } : { range, text: randomString(r, 10) }] };
    case 'workspace/executeCommand':
      return { command: r.pick(['gongwen.server.fixAll', 'gongwen.server.recheck', 'nope']), arguments: [uri, randomJson(r)] };
    case 'initialize':
      return { processId: null, rootUri: r.pick([null, 'file:///']), locale: r.pick(['en', 'zh-cn', 3]), capabilities: r.chance(0.7) ? { textDocument: { diagnostic: r.chance(0.5) ? {} : undefined }, workspace: { configuration: r.chance(0.5) } } : randomJson(r) };
    case 'workspace/didChangeWatchedFiles':
      return { changes: [{ uri, type: r.int(4) }] };
    case 'codeAction/resolve':
      return { title: 'x', kind: 'source.fixAll.gongwen', data: { uri, version: r.int(3), lazy: true, ...(randomJson(r) as object) } };
    default:
      return { textDocument: { uri }, position, range, context: { diagnostics: [randomJson(r)], only: [r.pick(['quickfix', 'source.fixAll.gongwen', ''])] } };
  }
}

/** One random JSON-RPC message, framed correctly: a request, a notification or a response. */
function randomFrame(r: Rng): { bytes: Buffer; what: string } {
  const method = r.chance(0.9) ? r.pick(METHODS) : randomString(r, 12);
  // Ids the test client never uses, so that no answer is taken for one of its own.
  const id = r.chance(0.8) ? r.pick([`fuzz-${r.int(1000)}`, 1e9 + r.int(1000), -1 - r.int(100)]) : r.pick([null, 1.5, { x: 1 }, [1]]);
  let message: unknown;
  switch (r.int(5)) {
    case 0: message = { jsonrpc: '2.0', id, method, params: randomParams(r, method) }; break;
    case 1: message = { jsonrpc: '2.0', method, params: randomParams(r, method) }; break;
    case 2: message = { jsonrpc: '2.0', id: r.int(3), result: randomJson(r) }; break; // an answer to one of the server's own requests
    case 3: message = r.chance(0.5) ? [{ jsonrpc: '2.0', method }, { jsonrpc: '2.0', id, method }] : randomJson(r); break;
    default: message = { jsonrpc: r.pick(['1.0', 2, undefined]), id, method, params: randomJson(r) };
  }
  const text = JSON.stringify(message) ?? 'null';
  const body = Buffer.from(text);
  return { bytes: Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]), what: `frame ${text.slice(0, 300)}` };
}

/** Bytes that are no well-formed frame: noise, broken headers, wrong lengths, cut bodies. */
function randomBytes(r: Rng): { bytes: Buffer; what: string } {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/hover', id: 'fuzz-x', params: { text: randomString(r, 30) } }));
  let bytes: Buffer;
  switch (r.int(7)) {
    case 0: bytes = Buffer.from(Array.from({ length: r.int(300) }, () => r.int(256))); break;
    case 1: bytes = Buffer.concat([Buffer.from(`Content-Length: ${r.pick(['abc', '-5', '', '1e3', '0x10', ' ', '99999999999'])}\r\n\r\n`), body]); break;
    case 2: bytes = Buffer.concat([Buffer.from(`Content-Length: ${Math.max(0, body.length - 1 - r.int(body.length))}\r\n\r\n`), body]); break;
    case 3: bytes = Buffer.concat([Buffer.from(`Content-Length: ${body.length + 1 + r.int(500)}\r\n\r\n`), body]); break;
    case 4: bytes = body.subarray(0, r.int(body.length)); break;
    case 5: bytes = Buffer.from(r.pick(['\r\n', '\r\n\r\n', 'Content-Length: 12\r\n', 'Content-Type: x\r\n\r\n', 'Content-Len', ':\r\n\r\n', 'Content-Length: 5\r\n\r\n{"a"'])); break;
    default: bytes = Buffer.from(randomString(r, 200));
  }
  return { bytes, what: `bytes ${JSON.stringify(bytes.toString('latin1').slice(0, 300))}` };
}

const JSONC_ATOMS = ['{', '}', '[', ']', ',', ':', ' ', '\n', '"type"', '"rules"', '"types"', '"placeholders"', '"structure"', '"extra"', '"allow"', '"required"', '"roles"', '"headings"', '"numbering-sequence"', '"off"', '"always"', '"工作总结"', '"__proto__"', '"(a+)+$"', '"(?<=x)"', '"\\\\1"', '"["', '1', 'null', 'true', '// c\n', '/* c */', '"\\ud800"', '"x"'];
const YAML_ATOMS = ['gongwen:', ' type: 述职报告', ' type: 不存在', '\n  ', '\n    ', 'rules:', ' placeholder: off', ' numbering-sequence: off', '[', ']', '{', '}', ', ', 'a: 1', '- ', '"x', "'", 'types:', ' &a ', '*a', '<<: *a', 'structure: always', '\n', '? ', '!!binary ', '|', '%', '\t', '__proto__: 1', 'roles: {headings: ["(?<=a)"]}'];

function randomText(r: Rng, atoms: readonly string[], max: number): string {
  let s = '';
  for (let i = 1 + r.int(max); i > 0; i--) s += r.pick(atoms);
  // Now and then one of the large or deep shapes of items 3 and 5.
  if (r.chance(0.08)) s += r.pick(['['.repeat(3000), '{"a":'.repeat(3000), Array.from({ length: 3000 }, (_, i) => `k${i}: 1`).join('\n'), '- '.repeat(2000)]);
  return s;
}

function randomSettings(r: Rng): unknown {
  return r.chance(0.3)
    ? randomJson(r)
    : { enable: r.pick([true, false, 'false']), run: r.pick(['onType', 'onSave', 'sometimes']), maxFileSize: r.pick([5e6, 10, -1, 'abc']), rules: r.pick([{}, { 'numbering-sequence': 'off' }, { x: 1 }]), reportType: r.pick(['', '述职报告', '不存在', 3]), structure: r.pick(['auto', 'always', 0]) };
}

for (const pull of [true, false]) {
  test(`fuzz (${pull ? 'pull' : 'push'} diagnostics): random bytes, frames and configurations; the server still checks a known document (seed ${SEED})`, { timeout: 90_000 }, async (t) => {
    const r = prng(SEED + (pull ? 0 : 1));
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-fuzz-')));
    const configFile = path.join(dir, '.gongwen.jsonc');
    const workDoc = pathToFileURL(path.join(dir, 'work.md')).href;
    const client = new LspTestClient({ pull, rootPath: dir });
    t.after(() => {
      client.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    // Random settings for every document but the known one.
    let settings: unknown = {};
    client.connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string }[] }) => p.items.map((i) => (i.scopeUri === KNOWN ? {} : settings)));
    await client.initialize();
    await client.open(KNOWN, DRAFT);
    await client.open(workDoc, DRAFT);
    let knownText = DRAFT;

    const steps = pull ? ITERATIONS : Math.ceil(ITERATIONS / 2);
    for (let i = 0; i < steps; i++) {
      const kind = r.pick(['bytes', 'frame', 'frame', 'config', 'front matter', 'settings'] as const);
      let what = kind as string;
      if (kind === 'bytes' || kind === 'frame') {
        const made = kind === 'bytes' ? randomBytes(r) : randomFrame(r);
        what = made.what;
        client.process.stdin!.write(made.bytes);
      } else if (kind === 'config') {
        const text = randomText(r, JSONC_ATOMS, 40);
        what = `.gongwen.jsonc ${JSON.stringify(text.slice(0, 300))}`;
        fs.writeFileSync(configFile, text);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 2 }] });
      } else if (kind === 'front matter') {
        const yaml = randomText(r, YAML_ATOMS, 30);
        what = `front matter ${JSON.stringify(yaml.slice(0, 300))}`;
        await client.change(workDoc, [{ text: `---\n${yaml}\n---\n${DRAFT}` }]);
      } else {
        settings = randomSettings(r);
        what = `settings ${JSON.stringify(settings)?.slice(0, 300)}`;
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      }
      const context = `seed ${SEED}, iteration ${i} (${kind}): ${what}`;

      let codes: unknown[];
      if (pull) {
        // The document under the random configuration gets an answer, whatever it is.
        await within(client.request('textDocument/diagnostic', { textDocument: { uri: workDoc } }), 10_000, `diagnostics of the configured document; ${context}`).catch((e: { code?: number; message?: string }) => {
          // A check cancelled because the document changed is an answer too.
          if (e.code !== -32802) throw e;
        });
        const report = await within(client.request<{ items: { code?: string }[] }>('textDocument/diagnostic', { textDocument: { uri: KNOWN } }), 10_000, `diagnostics of the known document; ${context}`);
        codes = report.items.map((d) => d.code);
      } else {
        // A new version of the known document, and its pushed diagnostics for that version.
        knownText = knownText === DRAFT ? DRAFT + '\n' : DRAFT;
        await client.change(KNOWN, [{ text: knownText }]);
        const version = client.version(KNOWN);
        await client.waitFor(() => client.lastPublished(KNOWN)?.version === version, `pushed diagnostics of the known document; ${context}`, 10_000);
        codes = client.lastPublished(KNOWN)!.diagnostics.map((d) => d.code);
      }
      assert.ok(codes.includes('numbering-sequence'), `the numbering gap is found; got ${JSON.stringify(codes)}; ${context}`);
      assert.equal(client.process.exitCode, null, `the server is alive; ${context}; stderr: ${client.stderr.slice(0, 500)}`);
    }
    // Nothing crashed on the way: the uncaught-exception handler logged nothing.
    const crashes = client.logs.filter((l) => /uncaught exception|unhandled rejection/.test(l.message));
    assert.deepEqual(crashes.map((l) => l.message.slice(0, 300)), [], `seed ${SEED}`);
  });
}
