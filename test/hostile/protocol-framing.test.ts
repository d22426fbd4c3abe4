// Issue 11, item 6 (protocol reader): a frame whose Content-Length is not a number, shorter or
// longer than its body, a header without Content-Length, or bytes that are no frame at all, are
// dropped with one logged warning; reading resumes at the next header and the server answers the
// next request. Well-formed input passes the guard unchanged, however it is split into chunks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameGuard, type FrameDrop } from '../../server/src/lsp/framing.js';
import { LspTestClient, within } from '../lsp-client.js';

const DOC = 'untitled:known';
const DRAFT = '# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n';

const frame = (body: string | Buffer, length?: number) => {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return Buffer.concat([Buffer.from(`Content-Length: ${length ?? b.length}\r\n\r\n`), b]);
};
const note = JSON.stringify({ jsonrpc: '2.0', method: '$/gongwen-test', params: { text: '一段文字 with "quotes" and \\ and Content-Length: 5' } });

const broken: [string, Buffer][] = [
  ['a Content-Length that is not a number', Buffer.concat([Buffer.from('Content-Length: abc\r\n\r\n'), Buffer.from(note)])],
  ['a Content-Length shorter than the body', frame(note, 10)],
  ['a Content-Length longer than the body', frame(note, note.length + 400)],
  ['a header without Content-Length', Buffer.concat([Buffer.from('Content-Type: application/json\r\n\r\n'), Buffer.from(note)])],
  ['bytes that are no frame', Buffer.from('\x00\xff garbage {"id": 1}\r\n\r\n\x1b[0m 你好')],
  ['a body that is not JSON', frame('hello, world')],
];

for (const [what, bytes] of broken) {
  test(`after ${what}, the server answers the next request`, { timeout: 30_000 }, async (t) => {
    const client = new LspTestClient({ pull: true });
    t.after(() => client.kill());
    await client.initialize();
    await client.open(DOC, DRAFT);
    client.process.stdin!.write(bytes);
    const report = await within(client.request<{ items: { code?: string }[] }>('textDocument/diagnostic', { textDocument: { uri: DOC } }), 5000, `diagnostics after ${what}`);
    assert.ok(report.items.some((d) => d.code === 'numbering-sequence'), JSON.stringify(report.items));
    assert.equal(client.process.exitCode, null);
    await client.waitFor(() => client.logs.some((l) => /gongwen: dropped \d+ bytes/.test(l.message)), 'the logged warning');
  });
}

/** What the guard passes on and reports for `input`, written in chunks of sizes drawn from `seed` (0: whole). */
async function guarded(input: Buffer, seed: number, maxChunk: number): Promise<{ out: Buffer; drops: FrameDrop[] }> {
  const drops: FrameDrop[] = [];
  const out: Buffer[] = [];
  const guard = new FrameGuard((d) => drops.push(d));
  guard.on('data', (d: Buffer) => out.push(d));
  const ended = new Promise((resolve) => guard.on('end', resolve));
  let x = seed;
  for (let at = 0; at < input.length; ) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const size = seed === 0 ? input.length : 1 + (x % maxChunk);
    guard.write(input.subarray(at, at + size));
    at += size;
  }
  guard.end();
  await ended;
  return { out: Buffer.concat(out), drops };
}

test('well-formed frames pass the guard byte for byte, split anywhere', async () => {
  const bodies = [
    note,
    JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'textDocument/didOpen', params: { text: '一、\r\n二、"\\"\u0001 Content-Length: 3\r\n\r\n', n: [1, -2.5e10, true, false, null, {}, []] } }),
    '  \r\n[{"jsonrpc":"2.0","id":1,"result":null}]\r\n',
    '\ufeff{"jsonrpc":"2.0","method":"x"}',
  ];
  const input = Buffer.concat([...bodies.map((b) => frame(b)), Buffer.from('Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}')]);
  for (let seed = 0; seed <= 200; seed++) {
    const { out, drops } = await guarded(input, seed, 40);
    assert.deepEqual(drops, [], `seed ${seed}`);
    assert.ok(out.equals(input), `seed ${seed}`);
  }
});

test('the guard drops what is broken and keeps every frame after it', async () => {
  const good = frame('{"jsonrpc":"2.0","id":2,"method":"shutdown"}');
  const stream = Buffer.concat(broken.flatMap(([, bytes]) => [bytes, good]));
  const whole = await guarded(stream, 0, 0);
  const text = whole.out.toString();
  // The longer frame's value is passed on with its own length; every good frame arrives whole.
  assert.equal(text.split(good.toString()).length - 1, broken.length);
  assert.ok(text.includes(`Content-Length: ${Buffer.byteLength(note)}\r\n\r\n${note}`));
  assert.deepEqual(
    whole.drops.map((d) => d.reason),
    ['bad-content-length', 'body-shorter-than-content-length', 'body-longer-than-content-length', 'bad-content-length', 'not-a-header', 'body-not-json'],
  );
  // However the same bytes are split into chunks, the same frames come out and the same drops are reported.
  for (let seed = 1; seed <= 200; seed++) {
    const split = await guarded(stream, seed, 60);
    assert.equal(split.out.toString(), text, `seed ${seed}`);
    assert.deepEqual(split.drops, whole.drops, `seed ${seed}`);
  }
});
