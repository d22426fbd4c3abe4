// The TextMate injection grammar (syntaxes/gongwen-markdown.injection.tmLanguage.json), tokenised
// the way VS Code does it: VS Code's own Markdown grammar (shipped as JSON by the tm-grammars
// package, with the HTML and YAML grammars it embeds) and our grammar injected into it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import textmate from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import type { IGrammar, IRawGrammar, StateStack } from 'vscode-textmate';

// out/test/grammar.test.js → the repository root is two levels up.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'grammar');
const GRAMMAR_FILE = path.join(ROOT, 'syntaxes', 'gongwen-markdown.injection.tmLanguage.json');
const INJECTION = 'markdown.gongwen.injection';

const require = createRequire(import.meta.url);
const shipped = (name: string) => require.resolve(`tm-grammars/grammars/${name}.json`);
// The Markdown grammar is VS Code's own (extensions/markdown-basics), as tm-grammars ships it.
const GRAMMAR_FILES: Record<string, string> = {
  'text.html.markdown': shipped('markdown'),
  'text.html.derivative': shipped('html-derivative'),
  'text.html.basic': shipped('html'),
  'source.yaml': shipped('yaml'),
  [INJECTION]: GRAMMAR_FILE,
};

const L1 = 'markup.heading.numbering.level1.gongwen';
const L2 = 'markup.heading.numbering.level2.gongwen';
const L3 = 'markup.heading.numbering.level3.gongwen';
const L4 = 'markup.heading.numbering.level4.gongwen';
const L5 = 'markup.heading.numbering.level5.gongwen';
const ORD = 'keyword.other.ordinal.gongwen';
const PH = 'invalid.illegal.placeholder.gongwen';

let wasmLoaded: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  wasmLoaded ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  return wasmLoaded;
}

async function loadMarkdown(withInjection: boolean): Promise<IGrammar> {
  await loadOniguruma();
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string): Promise<IRawGrammar | null> => {
      const file = GRAMMAR_FILES[scopeName];
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName: string) => (withInjection && scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'the Markdown grammar loads');
  return grammar;
}

interface LineTokens {
  text: string;
  /** Scopes of each UTF-16 code unit of the line. */
  scopes: string[][];
}

function tokenize(grammar: IGrammar, source: string): LineTokens[] {
  let state: StateStack = textmate.INITIAL;
  return source.split(/\r?\n/).map((text) => {
    const result = grammar.tokenizeLine(text, state);
    state = result.ruleStack;
    const scopes: string[][] = [];
    for (const t of result.tokens) for (let i = t.startIndex; i < Math.min(t.endIndex, text.length); i++) scopes[i] = t.scopes;
    return { text, scopes };
  });
}

const ours = (scopes: string[] | undefined) => (scopes ?? []).filter((s) => s.endsWith('.gongwen'));

/** Every gongwen-scoped run of a document: `line:text=scope`. */
function scopedRuns(lines: LineTokens[]): string[] {
  const out: string[] = [];
  lines.forEach((l, n) => {
    let i = 0;
    while (i < l.text.length) {
      const s = ours(l.scopes[i]).join(' ');
      if (!s) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < l.text.length && ours(l.scopes[j]).join(' ') === s) j++;
      out.push(`${n + 1}:${l.text.slice(i, j)}=${s}`);
      i = j;
    }
  });
  return out;
}

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

interface Case {
  /** A substring that identifies the line (its first line containing it). */
  line: string;
  /** The text to look at in that line. */
  text: string;
  /** Which occurrence of `text` in the line (0-based). */
  nth?: number;
  /** The one gongwen scope every character of `text` has, exactly to its edges; null for none. */
  scope: string | null;
}

function checkCase(lines: LineTokens[], c: Case): void {
  const line = lines.find((l) => l.text.includes(c.line));
  assert.ok(line, `fixture has a line with ${c.line}`);
  let at = -1;
  for (let k = 0; k <= (c.nth ?? 0); k++) at = line.text.indexOf(c.text, at + 1);
  assert.ok(at >= 0, `"${c.text}" occurs in "${line.text}"`);
  const end = at + c.text.length;
  const label = `"${c.text}" in "${line.text}"`;
  for (let i = at; i < end; i++) {
    assert.deepEqual(ours(line.scopes[i]), c.scope ? [c.scope] : [], `${label}: character ${line.text[i]} has ${c.scope ?? 'no gongwen scope'}`);
  }
  if (c.scope) {
    // The scope stops exactly at the text's edges.
    if (at > 0) assert.ok(!ours(line.scopes[at - 1]).includes(c.scope), `${label}: the scope does not start before it`);
    if (end < line.text.length) assert.ok(!ours(line.scopes[end]).includes(c.scope), `${label}: the scope does not run past it`);
  }
}

test('the grammar file is valid: scope name as contributed, injected into Markdown text only, every scope ends in .gongwen', () => {
  const g = JSON.parse(fs.readFileSync(GRAMMAR_FILE, 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const contributed = manifest.contributes.grammars.find((x: { path: string }) => path.resolve(ROOT, x.path) === GRAMMAR_FILE);
  assert.ok(contributed, 'package.json contributes this grammar');
  assert.equal(g.scopeName, contributed.scopeName);
  assert.equal(g.scopeName, INJECTION);
  const selectors = String(g.injectionSelector).split(',').map((s) => s.trim());
  assert.ok(selectors.length > 0);
  for (const s of selectors) {
    assert.match(s, /^L:text\.html\.markdown /, s);
    for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-markup.raw', '-comment', '-meta.embedded']) {
      assert.ok(s.split(/\s+/).includes(excluded), `selector "${s}" excludes ${excluded.slice(1)}`);
    }
  }
  const names: string[] = [];
  JSON.stringify(g, (key, value) => {
    if (key === 'name' && typeof value === 'string' && value !== g.name) names.push(value);
    return value;
  });
  assert.ok(names.length >= 8);
  for (const n of names) assert.match(n, /^[a-z0-9.]+\.gongwen$/, n);
  for (const level of [L1, L2, L3, L4, L5, ORD, PH]) assert.ok(names.includes(level), `${level} is used`);
});

/** Quantifiers that can repeat without bound: `*`, `+`, `{n,}` outside character classes. */
function unboundedQuantifiers(re: string): string[] {
  const found: string[] = [];
  let inClass = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') {
      if (re[i + 1] === 'x' && re[i + 2] === '{') i = re.indexOf('}', i);
      else i++;
      continue;
    }
    if (inClass) {
      if (c === '[') inClass++;
      else if (c === ']') inClass--;
      continue;
    }
    if (c === '[') {
      inClass = 1;
      if (re[i + 1] === '^') i++;
      if (re[i + 1] === ']') i++;
      continue;
    }
    if (c === '*' || c === '+') found.push(`${c} at ${i}`);
    if (c === '{') {
      const m = /^\{(\d*),\}/.exec(re.slice(i));
      if (m) found.push(`${m[0]} at ${i}`);
    }
  }
  return found;
}

test('every pattern compiles with Oniguruma and repeats only a bounded number of times (no runaway backtracking)', async () => {
  await loadOniguruma();
  const g = JSON.parse(fs.readFileSync(GRAMMAR_FILE, 'utf8'));
  const patterns: string[] = [];
  JSON.stringify(g, (key, value) => {
    if ((key === 'match' || key === 'begin' || key === 'end' || key === 'while') && typeof value === 'string') patterns.push(value);
    return value;
  });
  assert.ok(patterns.length >= 15);
  for (const p of patterns) {
    assert.doesNotThrow(() => new oniguruma.OnigScanner([p]), p);
    assert.deepEqual(unboundedQuantifiers(p), [], `unbounded quantifier in ${p}`);
  }
  assert.deepEqual(unboundedQuantifiers('a+[*+]\\*{2,}x{3,5}'), ['+ at 1', '{2,} at 8'], 'the checker itself finds them');
  // Long lines of the characters the patterns look for stay fast.
  const grammar = await loadMarkdown(true);
  for (const line of ['X'.repeat(4000), '*'.repeat(4000), '***市'.repeat(1000), '【'.repeat(3000), '一'.repeat(4000), '　'.repeat(2000) + '一、', 'X市*'.repeat(1500)]) {
    const started = performance.now();
    grammar.tokenizeLine(line, textmate.INITIAL);
    assert.ok(performance.now() - started < 1000, `a line of ${line.slice(0, 4)}… tokenises quickly`);
  }
});

test('section markers of each level, in standard and off-standard forms, get their level scope', async () => {
  const lines = tokenize(await loadMarkdown(true), fixture('report.md'));
  const cases: Case[] = [
    { line: '## 一、稳住', text: '一、', scope: L1 },
    { line: '### （一）落实', text: '（一）', scope: L2 },
    { line: '1.压实属地责任', text: '1.', scope: L3 },
    { line: '（1）强化动态监测', text: '（1）', scope: L4 },
    { line: '(2)半角括号', text: '(2)', scope: L4 },
    { line: '3）只有右括号', text: '3）', scope: L4 },
    { line: '① 圈码', text: '①', scope: L5 },
    { line: '一.用下脚点', text: '一.', scope: L1 },
    { line: '二．用全角点', text: '二．', scope: L1 },
    { line: '三，用逗号', text: '三，', scope: L1 },
    { line: '(四)半角括号', text: '(四)', scope: L2 },
    { line: '2、用顿号', text: '2、', scope: L3 },
    { line: '- （二）列表中', text: '（二）', scope: L2 },
    { line: '> 二、引用中', text: '二、', scope: L1 },
    { line: '**三、加粗', text: '三、', scope: L1 },
    { line: '　　四、全角空格', text: '四、', scope: L1 },
    { line: '| 一、表格中', text: '一、', scope: L1 },
    { line: '## 二、需要填写', text: '二、', scope: L1 },
    // Not markers: a decimal, a year, a numeral inside a sentence.
    { line: '1.5亿元', text: '1.5', scope: null },
    { line: '1.5亿元', text: '12.6%', scope: null },
    { line: '2025年完成投资', text: '2025年', scope: null },
    { line: '① 圈码', text: '五级', scope: null },
    { line: '坚持统一、规范', text: '一、', scope: null },
  ];
  for (const c of cases) checkCase(lines, c);
});

test('inline ordinals 一是 第一 其一 are scoped at clause starts, not inside words', async () => {
  const lines = tokenize(await loadMarkdown(true), fixture('report.md'));
  const cases: Case[] = [
    { line: '1.压实属地责任', text: '一是', scope: ORD },
    { line: '1.压实属地责任', text: '二是', scope: ORD },
    { line: '1.压实属地责任', text: '三是', scope: ORD },
    { line: '（1）强化动态监测', text: '其一', scope: ORD },
    { line: '（1）强化动态监测', text: '第二', scope: ORD },
    { line: '  - 一是列表', text: '一是', scope: ORD },
    { line: '1.压实属地责任', text: '统一是', scope: null },
    { line: '1.压实属地责任', text: '唯一是', scope: null },
    { line: '（1）强化动态监测', text: '第一书记', scope: null },
  ];
  for (const c of cases) checkCase(lines, c);
});

test('placeholders are scoped; Latin words, X射线, X光, products, years written with ○ and bold text are not', async () => {
  const lines = tokenize(await loadMarkdown(true), fixture('report.md'));
  const cases: Case[] = [
    { line: '# XX县', text: 'XX', scope: PH },
    { line: '我局在X委X政府', text: 'X', scope: PH },
    { line: '我局在X委X政府', text: 'X', nth: 1, scope: PH },
    { line: '全镇***个村', text: '***', scope: PH },
    { line: '全镇***个村', text: '***', nth: 1, scope: PH },
    { line: '全镇***个村', text: '***', nth: 2, scope: PH },
    { line: '全镇***个村', text: '**重点**', scope: null },
    // At a line start a *** blank wins over Markdown emphasis that would begin at the same place.
    { line: '***局牵头，会同', text: '***', scope: PH },
    { line: '***局牵头，会同', text: '***', nth: 1, scope: PH },
    // Around a whole line, *** is bold italics.
    { line: '***整行加粗斜体', text: '***', scope: null },
    { line: '***整行加粗斜体', text: '***', nth: 1, scope: null },
    { line: '3月X日', text: 'X', scope: PH },
    { line: '3月X日', text: 'XX', scope: PH },
    { line: '3月X日', text: 'XXX', scope: PH },
    { line: '3月X日', text: '××', scope: PH },
    { line: '3月X日', text: 'Ｘ', scope: PH },
    { line: '3月X日', text: '＊＊', scope: PH },
    { line: '3月X日', text: '*', scope: PH },
    { line: '3月X日', text: '20', scope: null },
    { line: '某某乡', text: '某某', scope: PH },
    { line: '某某乡', text: '○○', scope: PH },
    { line: '某某乡', text: '□□', scope: PH },
    { line: '某某乡', text: '【】', scope: PH },
    { line: '某某乡', text: '【待补充：完成数量】', scope: PH },
    { line: '某某乡', text: '（此处填写单位名称）', scope: PH },
    { line: '| 一、表格中', text: 'X', scope: PH },
    { line: 'XML、Excel', text: 'XML', scope: null },
    { line: 'XML、Excel', text: 'Excel', scope: null },
    { line: 'XML、Excel', text: 'APP', scope: null },
    { line: 'XML、Excel', text: 'X射线', scope: null },
    { line: 'XML、Excel', text: 'X光', scope: null },
    { line: 'XML、Excel', text: '3×4', scope: null },
    { line: 'XML、Excel', text: '二○○八年', scope: null },
    { line: 'XML、Excel', text: '5G', scope: null },
    { line: 'XML、Excel', text: '1+N', scope: null },
    { line: 'XML、Excel', text: 'DirectX', scope: null },
    { line: 'XML、Excel', text: '○○八年', nth: 1, scope: null },
    { line: '网址 https', text: 'https://example.com/X市/XX', scope: null },
  ];
  for (const c of cases) checkCase(lines, c);
});

test('nothing in front matter, code spans, code blocks, HTML comments, HTML blocks or link destinations gets a gongwen scope', async () => {
  const lines = tokenize(await loadMarkdown(true), fixture('excluded.md'));
  // Only the control text outside those places is scoped (which proves the grammar is active in this file).
  assert.deepEqual(scopedRuns(lines), [`7:一、=${L1}`, `7:X=${PH}`, `9:一是=${ORD}`, `11:某某=${PH}`]);
});

test('the injection leaves the Markdown grammar’s own scopes unchanged (except where a *** blank is not emphasis)', async () => {
  const plain = await loadMarkdown(false);
  const injected = await loadMarkdown(true);
  for (const name of ['report.md', 'excluded.md']) {
    const source = fixture(name);
    const a = tokenize(injected, source);
    const b = tokenize(plain, source);
    a.forEach((line, n) => {
      if (/\*{3}/.test(line.text)) return;
      for (let i = 0; i < line.text.length; i++) {
        const markdownScopes = (line.scopes[i] ?? []).filter((s) => !s.endsWith('.gongwen'));
        assert.deepEqual(markdownScopes, b[n].scopes[i] ?? [], `${name}:${n + 1}:${i + 1} "${line.text}"`);
      }
    });
  }
});
