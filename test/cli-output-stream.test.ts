// The check's output is written as the files are checked, in pieces, never as one string for the
// whole batch (issue 16); joined, the pieces are exactly the documented output.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main, type CliIo } from '../server/src/cli/main.js';
import { joinOutput, OutputStream, type FileOutput } from '../server/src/cli/output.js';
import { workspace } from './cli-harness.js';
import { rng } from './fixture-harness.js';

const counts = (errors: number) => ({ total: errors, errors, warnings: 0, infos: 0, fixable: 0 });

test('OutputStream: the pieces, joined, are JSON version 1 or the text lines with the summary, for any parts; it writes before the end once the parts are large', () => {
  const random = rng(16);
  for (let round = 0; round < 50; round++) {
    const n = Math.floor(random() * 6);
    const parts: FileOutput[] = Array.from({ length: n }, (_, i) => ({ part: `{"path":"f${i}.md","diagnostics":[${'{}'.repeat(Math.floor(random() * 3))}]}`.padEnd(Math.floor(random() * 90_000), ' '), counts: counts(i) }));
    for (const format of ['json', 'text'] as const) {
      const writes: string[] = [];
      let beforeEnd = 0;
      const out = new OutputStream((t) => writes.push(t), format, 'zh-CN');
      for (const p of parts) out.add(p);
      beforeEnd = writes.length;
      out.end(round % 3 === 0 ? 2 : undefined);
      const whole = writes.join('');
      if (format === 'json') assert.equal(whole, `{"version":1,"files":[${parts.map((p) => p.part).join(',')}]}\n`);
      else assert.ok(whole.startsWith(parts.map((p) => p.part).join('')) && whole.endsWith('\n') && !whole.slice(parts.map((p) => p.part).join('').length, -1).includes('\n'));
      assert.equal(whole, joinOutput(parts, format, 'zh-CN', round % 3 === 0 ? 2 : undefined));
      const size = parts.reduce((s, p) => s + p.part.length, 0);
      if (size >= 128 * 1024) assert.ok(beforeEnd >= 1, `${size} characters of parts were held until the end`);
    }
  }
  assert.equal(joinOutput([], 'json', 'en'), '{"version":1,"files":[]}\n');
});

test('gongwen check writes a batch\'s findings in pieces as its files are checked; joined they are the whole JSON report', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`报告${String(i).padStart(2, '0')}.md`] = `# 工作总结\n\n${'全市共有XX个单位参加，完成率达XX%。\n\n'.repeat(60)}`;
  const dir = workspace(files);
  const writes: string[] = [];
  const io: CliIo = { stdout: (t) => void writes.push(t), stderr: () => {}, cwd: dir };
  const code = await main(['check', '--format', 'json', '--jobs', '1', '.'], io);
  assert.equal(code, 1);
  assert.ok(writes.length > 1, `written in ${writes.length} piece(s)`);
  const report = JSON.parse(writes.join(''));
  assert.equal(report.version, 1);
  assert.deepEqual(report.files.map((f: { path: string }) => f.path), Object.keys(files).sort());
  assert.ok(report.files.every((f: { diagnostics: unknown[] }) => f.diagnostics.length >= 60));
});
