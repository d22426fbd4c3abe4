// Fix-all is safe to run on save: on every fixture and corpus draft, what copy-residue's fixes
// delete lies inside the ranges its findings show, and no fix of any rule loses report text
// (outside residue findings, every Chinese character survives, in order, numerals aside).
// Residue lines are copy-residue's alone: no other rule reports on them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, fixText } from '../server/src/engine/check.js';
import { applyFixes } from '../server/src/engine/fix.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { damage, FIXTURES, listFixtures, readFixture, rng } from './fixture-harness.js';
import { diagnosticMessage } from '../server/src/engine/messages.js';

const drafts = [
  ...listFixtures(path.join(FIXTURES, 'rules')).map((f) => ({ name: path.basename(f), text: readFixture(f).text })),
  ...fs.readdirSync(path.join(FIXTURES, 'corpus')).map((f) => ({ name: f, text: fs.readFileSync(path.join(FIXTURES, 'corpus', f), 'utf8') })),
];
const all = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity]));
const isSpace = (c: string) => /\s/.test(c);
const only = (id: string) => Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.id === id ? r.meta.defaultSeverity : 'off'] as const));
const han = (s: string) => s.replace(/[^\u3400-\u9fff]|[一二三四五六七八九十〇零两]/g, '');

/** Whether `small` is a subsequence of `big`. */
function subsequence(small: string, big: string): boolean {
  let j = 0;
  for (let i = 0; i < big.length && j < small.length; i++) if (big[i] === small[j]) j++;
  return j === small.length;
}

test('fix-all: copy-residue deletes nothing but whitespace outside the ranges its findings report', () => {
  for (const { name, text } of drafts) {
    let current = text;
    for (let pass = 0; pass < 10; pass++) {
      const { diagnostics } = checkText(current, { rules: all });
      for (const d of diagnostics) {
        if (d.rule !== 'copy-residue' || !d.fix) continue;
        for (const e of d.fix.edits) {
          for (let o = e.range.start.offset; o < e.range.end.offset; o++) {
            const inside = o >= d.range.start.offset && o < d.range.end.offset;
            assert.ok(inside || isSpace(current[o]), `${name}: pass ${pass}: the fix of "${diagnosticMessage(d, 'en')}" deletes ${JSON.stringify(current[o])} at ${o}, outside its range`);
          }
        }
      }
      const next = applyFixes(current, diagnostics).text;
      if (next === current) break;
      current = next;
    }
  }
});

test('fix-all: no fix of any rule loses report text outside the findings it fixes (every draft, every rule on, pass by pass)', () => {
  for (const { name, text } of drafts) {
    let current = text;
    for (let pass = 0; pass < 10; pass++) {
      const { diagnostics } = checkText(current, { rules: all });
      // The text with the range of every finding that has a fix taken out (a fix changes what
      // its finding names: a residue line, 等 after ……): what this pass must keep.
      let kept = '';
      let cursor = 0;
      for (const d of diagnostics.filter((x) => x.fix).sort((a, b) => a.range.start.offset - b.range.start.offset)) {
        if (d.range.end.offset <= cursor) continue;
        kept += current.slice(cursor, Math.max(cursor, d.range.start.offset));
        cursor = d.range.end.offset;
      }
      kept += current.slice(cursor);
      const next = applyFixes(current, diagnostics).text;
      assert.ok(subsequence(han(kept), han(next)), `${name}: fix pass ${pass} lost report text`);
      if (next === current) break;
      current = next;
    }
    assert.equal(current, fixText(text, { rules: all }).text, `${name}: the passes above are fix-all's`);
  }
});

test('copy-residue owns its lines: no date, punctuation or numbering finding on a residue line', () => {
  const text = [
    '发布时间：2025-06-30 10:21:07 作者：佚名 我要投稿',
    '区档案馆2025年上半年工作总结',
    '',
    '今年以来，我馆完成档案数字化12万卷，服务群众4300人次。',
    '',
    '相关文章:',
    '2、档案馆年度工作总结(精选5篇)',
  ].join('\n');
  const { diagnostics } = checkText(text + '\n', { rules: all });
  const residue = diagnostics.filter((d) => d.rule === 'copy-residue');
  assert.deepEqual(residue.map((d) => `${d.range.start.line}-${d.range.end.line}`), ['1-1', '6-7']);
  const others = diagnostics.filter((d) => d.rule !== 'copy-residue' && [1, 6, 7].includes(d.range.start.line));
  assert.deepEqual(others.map((d) => `${d.range.start.line}:${d.rule}`), []);
  // Without copy-residue, the same lines draw date, punctuation and numbering findings.
  const without = checkText(text + '\n', { rules: { ...all, 'copy-residue': 'off' } }).diagnostics;
  assert.ok(without.some((d) => [1, 6, 7].includes(d.range.start.line)), 'the other rules do report there when copy-residue is off');
});

test('copy-residue: a block finding spans every line its fix deletes', () => {
  const text = '仅供学习交流 禁止外传\n范文小站\n【会员专享资料，违者必究】\n区档案馆2025年工作总结\n\n今年完成档案数字化。\n';
  const d = checkText(text, { rules: { ...Object.fromEntries(RULES.map((r) => [r.meta.id, 'off'])), 'copy-residue': 'warning' } }).diagnostics;
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].range.start.line, d[0].range.end.line], [1, 3]);
  assert.equal(text.slice(d[0].range.start.offset, d[0].range.end.offset), '仅供学习交流 禁止外传\n范文小站\n【会员专享资料，违者必究】');
});

test('copy-residue: a report pasted as one long paragraph that names the site somewhere is not the site\'s frame', () => {
  const body = '今年以来，区档案馆完成档案数字化12万卷，服务群众4300人次。'.repeat(6);
  const text = `区档案馆2025年工作总结\n${body}本文由网友上传，不代表本站立场。${body}\n`;
  const rules = { ...Object.fromEntries(RULES.map((r) => [r.meta.id, 'off' as const])), 'copy-residue': 'warning' as const };
  const d = checkText(text, { rules }).diagnostics;
  // Only the residue sentence, never the paragraph.
  assert.deepEqual(d.map((x) => text.slice(x.range.start.offset, x.range.end.offset)), ['本文由网友上传，不代表本站立场。']);
  assert.equal(fixText(text, { rules }).text, `区档案馆2025年工作总结\n${body}${body}\n`);
});

/** A number from a draft's name (FNV-1a), so that its damaged versions do not depend on the others. */
function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The fixtures, the corpus and seeded damaged versions of them. Each draft's damage is seeded by its
 * own name: adding a fixture (a new rule's, as the new-rule drill does) adds its own damaged drafts
 * and leaves every other draft's as it was. */
function draftsAndDamaged(count: number): { name: string; text: string }[] {
  const randoms = new Map(drafts.map((d) => [d.name, rng(seedOf(d.name) ^ 7)]));
  const out = [...drafts];
  for (let i = 0; i < count; i++) {
    const d = drafts[i % drafts.length];
    out.push({ name: `${d.name} (damaged #${i})`, text: damage(d.text, randoms.get(d.name)!) });
  }
  return out;
}

const numbering = Object.fromEntries(RULES.map((r) => [r.meta.id, ['numbering-sequence', 'numbering-format', 'enumeration-sequence'].includes(r.meta.id) ? r.meta.defaultSeverity : 'off'] as const));

test('fix-all never restructures a report: no marker changes level, and headings are renumbered only for a heading out of order (every draft and damaged draft, pass by pass)', () => {
  for (const { name, text } of draftsAndDamaged(300)) {
    let current = text;
    for (let pass = 0; pass < 10; pass++) {
      const before = checkText(current, { rules: numbering });
      const next = applyFixes(current, before.diagnostics).text;
      if (next === current) break;
      const after = checkText(next, { rules: numbering }).model;
      assert.equal(after.lines.length, before.model.lines.length, `${name}: numbering fixes add or remove no line`);
      // Lines that a renumber reported on a heading changes: the only headings that may change.
      const byHeadings = new Set<number>();
      for (const d of before.diagnostics) {
        if (d.rule !== 'numbering-sequence' || !before.model.lines[d.range.start.line - 1].heading) continue;
        for (const e of d.fix?.edits ?? []) byHeadings.add(e.range.start.line);
      }
      for (const l of before.model.lines) {
        const was = l.numbered;
        if (!was || was.scope.kind !== 'body') continue;
        const now = after.lines[l.number - 1].numbered;
        assert.ok(now, `${name}: pass ${pass}: line ${l.number} lost its marker`);
        // A fix writes no marker of another level. A line no fix touched may be read at another level
        // afterwards only by demotion (a 一、 that restarts inside a section of its level is read one
        // level down): its written marker is the same, and the renumbered heading above it is what
        // changed the reading (a damaged draft's repeated `## 一、` made its paragraphs' 一、 siblings).
        const untouched = next.split('\n')[l.number - 1] === current.split('\n')[l.number - 1];
        const written = (m: typeof was.marker) => m.demoted ?? m.level;
        const reread = untouched && written(now.marker) === written(was.marker) && (now.marker.demoted !== undefined) !== (was.marker.demoted !== undefined);
        if (!reread) assert.equal(now.level, was.level, `${name}: pass ${pass}: line ${l.number} moved from level ${was.level} to ${now.level}`);
        if (was.heading && now.value !== was.value) assert.ok(byHeadings.has(l.number), `${name}: pass ${pass}: heading on line ${l.number} renumbered for a paragraph line's sake`);
      }
      current = next;
    }
  }
});

test('fix-all puts every inserted section frame before the closing signature block', () => {
  const signature = '\n\n县农业农村局\n2025年12月20日\n';
  for (const { name, text } of draftsAndDamaged(100)) {
    if (!/[\u4e00-\u9fff]/.test(text)) continue;
    const signed = text.replace(/\s*$/, '') + signature;
    const fixed = fixText(signed, { rules: only('required-section') }).text;
    assert.ok(fixed.endsWith('\n县农业农村局\n2025年12月20日\n'), `${name}: the signature block is no longer last:\n${fixed.slice(-200)}`);
  }
});

test('a report that opens at 二、 is renumbered without changing how the markers after it are read', () => {
  // 二、 first (its 一、 cut off), then 一、 … 二、: the later markers are the outer run, not a run
  // restarting inside 二、; renumbering the first to 一、 must leave every marker at its level.
  const text = '# 2025年度个人述职报告\n\n二、学习情况\n\n全年参加集中学习十二次。\n\n一、履职情况\n\n全年起草文件二十份。\n\n二、存在的不足\n\n调研还不够深入。\n';
  const before = checkText(text, { rules: numbering });
  assert.deepEqual(before.model.numbered.map((n) => n.level), [1, 1, 1]);
  const fixed = fixText(text, { rules: numbering }).text;
  assert.match(fixed, /一、学习情况[\s\S]*二、履职情况[\s\S]*三、存在的不足/);
  assert.deepEqual(checkText(fixed, { rules: numbering }).model.numbered.map((n) => n.level), [1, 1, 1]);
});

test('a marker without its mark that a renumber rewrites gets its mark once (三、以, not 三、、以)', () => {
  // The repeated 一、 renumbers its siblings, the bare 二 among them; numbering-format adds the
  // missing 、 to that same marker. Both fixes write the marker whole, so they conflict and the
  // second waits for the next pass instead of adding a second 、.
  const text = '# 社区2025年工作总结\n\n一、经济发展稳中有进\n\n全年完成目标。\n\n一、社会事业全面进步\n\n（一）教育。新建学校一所。\n\n（二）卫生。新建卫生室两个。\n\n二以服务群众为中心，社区建设有了新进展。\n\n（一）政务服务。建成大厅一处。\n';
  const before = checkText(text, { rules: numbering });
  assert.deepEqual(before.diagnostics.map((d) => d.messageId), ['numbering-sequence/repeat', 'numbering-format/missingMark']);
  const fixed = fixText(text, { rules: numbering }).text;
  assert.match(fixed, /\n二、社会事业全面进步\n/);
  assert.match(fixed, /\n三、以服务群众为中心/);
});
