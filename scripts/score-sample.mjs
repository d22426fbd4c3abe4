// Scores placeholder and copy-residue on a sample of real texts against hand-made gold.
// The sample lives outside the repository (real texts are never committed): DIR/texts/NN.md and
// DIR/gold/NN.json = {"placeholders": [{"line", "text"}], "residue": [{"line", "whole", "kind", "text"?}]}.
// Usage: npm run build && node scripts/score-sample.mjs DIR [--list]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, fixText } from '../out/server/src/engine/check.js';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: node scripts/score-sample.mjs DIR [--list]');
  process.exit(2);
}
const list = process.argv.includes('--list');
const ids = fs.readdirSync(path.join(dir, 'texts')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
const T = { phGold: 0, phGoldOutsideResidue: 0, phHit: 0, phHitOutside: 0, phFound: 0, phFalse: 0, draftsWithBlanks: 0, draftsWithBlanksFound: 0,
  resGold: 0, resHit: 0, partGold: 0, partHit: 0, resFalse: 0, resFindings: 0, removedOutside: 0, otherOnResidue: 0 };
const falses = [];
for (const id of ids) {
  const text = fs.readFileSync(path.join(dir, 'texts', id + '.md'), 'utf8');
  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold', id + '.json'), 'utf8'));
  const lines = text.split('\n');
  const { diagnostics } = checkText(text);
  const goldWhole = new Set(gold.residue.filter((r) => r.whole).map((r) => r.line));
  const goldPart = new Map(gold.residue.filter((r) => !r.whole).map((r) => [r.line, r]));
  // Residue: lines a copy-residue finding covers.
  const res = diagnostics.filter((d) => d.rule === 'copy-residue');
  const covered = new Set();
  for (const d of res) {
    T.resFindings++;
    let bad = false;
    for (let n = d.range.start.line; n <= d.range.end.line; n++) {
      if (lines[n - 1].trim() === '') continue;
      covered.add(n);
      if (!goldWhole.has(n) && !goldPart.has(n)) bad = true;
    }
    if (bad) {
      T.resFalse++;
      falses.push(`${id}:${d.range.start.line}-${d.range.end.line} copy-residue ${d.message['zh-CN'].slice(0, 70)} | ${lines[d.range.start.line - 1].slice(0, 60)}`);
    }
  }
  for (const n of goldWhole) {
    T.resGold++;
    if (covered.has(n)) T.resHit++;
    else if (list) console.log(`MISS residue ${id}:${n} ${lines[n - 1].slice(0, 80)}`);
  }
  for (const [n, r] of goldPart) {
    T.partGold++;
    if (covered.has(n)) T.partHit++;
    else if (list) console.log(`MISS part ${id}:${n} «${r.text}» in ${lines[n - 1].slice(0, 60)}`);
  }
  // Placeholders: per line, gold texts matched to found texts, exactly first, then where one
  // holds the other (gold 20xx, found xx: the same blank, spans drawn differently).
  const ph = diagnostics.filter((d) => d.rule === 'placeholder');
  const foundByLine = new Map();
  for (const d of ph) {
    const l = d.range.start.line;
    if (!foundByLine.has(l)) foundByLine.set(l, []);
    foundByLine.get(l).push(text.slice(d.range.start.offset, d.range.end.offset));
    T.phFound++;
  }
  const wantByLine = new Map();
  for (const p of gold.placeholders) {
    if (!wantByLine.has(p.line)) wantByLine.set(p.line, []);
    wantByLine.get(p.line).push(p.text);
  }
  let any = false;
  for (const [line, want] of wantByLine) {
    const pool = [...(foundByLine.get(line) ?? [])];
    const take = (pred) => {
      const i = pool.findIndex(pred);
      if (i < 0) return false;
      pool.splice(i, 1);
      return true;
    };
    const missed = [];
    const open = [];
    for (const g of want) if (!take((f) => f === g)) open.push(g);
    for (const g of open) if (!take((f) => g.includes(f) || f.includes(g))) missed.push(g);
    const got = want.length - missed.length;
    const inResidue = goldWhole.has(line);
    T.phGold += want.length;
    T.phHit += got;
    if (!inResidue) {
      T.phGoldOutsideResidue += want.length;
      T.phHitOutside += got;
    }
    if (got > 0) any = true;
    if (missed.length && list && !(inResidue && covered.has(line))) console.log(`MISS placeholder ${id}:${line}|${missed.join(',')} (${got}/${want.length})${inResidue ? ' [residue line]' : ''} ${lines[line - 1].slice(0, 70)}`);
    foundByLine.set(line, pool);
  }
  if (gold.placeholders.some((p) => !goldWhole.has(p.line))) {
    T.draftsWithBlanks++;
    if (any) T.draftsWithBlanksFound++;
  }
  for (const [line, pool] of foundByLine) {
    // A part of a blank whose gold is written whole (gold x.xx, found x and xx) is not false.
    const whole = (wantByLine.get(line) ?? []).filter((g) => g.length > 1);
    for (const f of pool) {
      if (whole.some((g) => g.includes(f))) continue;
      T.phFalse++;
      falses.push(`${id}:${line}|${f} placeholder | ${lines[line - 1].slice(0, 70)}`);
    }
  }
  // Other rules on gold residue lines (one owner per residue line).
  for (const d of diagnostics) if (d.rule !== 'copy-residue' && goldWhole.has(d.range.start.line) && covered.has(d.range.start.line)) T.otherOnResidue++;
  // Fix-all: every removed line of text must be gold residue.
  const fixed = fixText(text).text;
  const keptLines = new Set(fixed.split('\n').map((l) => l.replace(/[\s\u3000]/g, '')));
  for (let n = 1; n <= lines.length; n++) {
    const l = lines[n - 1].replace(/[\s\u3000]/g, '');
    if (!l || goldWhole.has(n)) continue;
    if (!keptLines.has(l) && !goldPart.has(n)) {
      // Changed by some fix: is the change only inside residue? Check its Han characters survive somewhere.
      const han = (s) => s.replace(/[^\u4e00-\u9fff]|[一二三四五六七八九十]/g, '');
      const all = han(fixed);
      if (!all.includes(han(lines[n - 1]).slice(0, 12))) {
        T.removedOutside++;
        falses.push(`${id}:${n} FIX REMOVED REPORT TEXT | ${lines[n - 1].slice(0, 70)}`);
      }
    }
  }
}
const r = (a, b) => (b === 0 ? '—' : (a / b).toFixed(3));
console.log(`texts: ${ids.length}`);
console.log(`placeholder: recall ${r(T.phHit, T.phGold)} (${T.phHit}/${T.phGold}); outside residue lines ${r(T.phHitOutside, T.phGoldOutsideResidue)} (${T.phHitOutside}/${T.phGoldOutsideResidue}); precision ${r(T.phFound - T.phFalse, T.phFound)} (${T.phFalse} false of ${T.phFound}); drafts with blanks found ${T.draftsWithBlanksFound}/${T.draftsWithBlanks}`);
console.log(`copy-residue: whole-line recall ${r(T.resHit, T.resGold)} (${T.resHit}/${T.resGold}); residue parts found ${T.partHit}/${T.partGold}; findings ${T.resFindings}, false ${T.resFalse}`);
console.log(`other rules' findings on residue lines: ${T.otherOnResidue}; report lines removed by fix-all: ${T.removedOutside}`);
for (const f of falses) console.log('FALSE ' + f);
