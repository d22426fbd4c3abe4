// The Markdown snippets (snippets/markdown.code-snippets): well-formed, reachable by pinyin and by
// Chinese prefixes, and the whole-document frames pass the structural checks of their report type.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { checkText } from '../server/src/engine/check.js';
import { BUILTIN_ROLES, BUILTIN_TYPES } from '../server/src/engine/report-types.js';
import { diagnosticMessage, renderMessage } from '../server/src/engine/messages.js';
import { sectionFrames } from '../server/src/engine/frames.js';

// out/test/snippets.test.js → the repository root is two levels up.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SNIPPETS_FILE = path.join(ROOT, 'snippets', 'markdown.code-snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const source = fs.readFileSync(SNIPPETS_FILE, 'utf8');
const snippets = JSON.parse(source) as Record<string, Snippet>;
const entries = Object.entries(snippets);
const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

// ---- A small parser for VS Code's snippet syntax -----------------------------------------
// $1 ${1} ${1:default} ${1|a,b|} $NAME ${NAME} ${NAME:default}; \ escapes $ } \ (and , | in choices).

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

function parseSnippet(body: string): SnippetNode[] {
  let pos = 0;
  const parseUntil = (closing: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < body.length) {
      const c = body[pos];
      if (c === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        text += body[pos + 1];
        pos += 2;
        continue;
      }
      if (closing && c === '}') {
        flush();
        return nodes;
      }
      if (c === '$') {
        const simple = /^\$(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))/.exec(body.slice(pos));
        if (simple) {
          flush();
          nodes.push(simple[1] !== undefined ? { kind: 'tabstop', index: Number(simple[1]) } : { kind: 'variable', name: simple[2] });
          pos += simple[0].length;
          continue;
        }
        const braced = /^\$\{(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))([:|}])/.exec(body.slice(pos));
        if (braced) {
          flush();
          pos += braced[0].length;
          const index = braced[1] !== undefined ? Number(braced[1]) : undefined;
          const name = braced[2];
          if (braced[3] === '}') {
            nodes.push(index !== undefined ? { kind: 'tabstop', index } : { kind: 'variable', name });
          } else if (braced[3] === ':') {
            const children = parseUntil(true);
            assert.equal(body[pos], '}', `unclosed placeholder in ${body}`);
            pos++;
            nodes.push(index !== undefined ? { kind: 'tabstop', index, children } : { kind: 'variable', name, children });
          } else {
            assert.ok(index !== undefined, 'choices belong to a tab stop');
            const choices: string[] = [];
            let choice = '';
            for (;;) {
              assert.ok(pos < body.length, `unclosed choice in ${body}`);
              const d = body[pos];
              if (d === '\\' && ',|\\$}'.includes(body[pos + 1])) {
                choice += body[pos + 1];
                pos += 2;
              } else if (d === ',') {
                choices.push(choice);
                choice = '';
                pos++;
              } else if (d === '|' && body[pos + 1] === '}') {
                choices.push(choice);
                pos += 2;
                break;
              } else {
                choice += d;
                pos++;
              }
            }
            nodes.push({ kind: 'tabstop', index, choices });
          }
          continue;
        }
      }
      text += c;
      pos++;
    }
    assert.ok(!closing, `unclosed placeholder in ${body}`);
    flush();
    return nodes;
  };
  return parseUntil(false);
}

function walk(nodes: SnippetNode[], visit: (n: SnippetNode) => void): void {
  for (const n of nodes) {
    visit(n);
    if (n.kind !== 'text' && n.children) walk(n.children, visit);
  }
}

const VARIABLES: Record<string, string> = { CURRENT_YEAR: String(new Date().getFullYear()) };

/** The text the snippet inserts when every tab stop keeps its default: `pick` chooses among a tab stop's choices. */
function expand(body: string, pick: (index: number, choices: string[]) => string = (_, c) => c[0]): string {
  const nodes = parseSnippet(body);
  const definitions = new Map<number, SnippetNode & { kind: 'tabstop' }>();
  walk(nodes, (n) => {
    if (n.kind === 'tabstop' && (n.children || n.choices) && !definitions.has(n.index)) definitions.set(n.index, n);
  });
  const values = new Map<number, string>();
  const render = (list: SnippetNode[]): string =>
    list
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'variable') return VARIABLES[n.name] ?? (n.children ? render(n.children) : '');
        const cached = values.get(n.index);
        if (cached !== undefined) return cached;
        const def = definitions.get(n.index);
        const value = def?.choices ? pick(n.index, def.choices) : def?.children ? render(def.children) : '';
        values.set(n.index, value);
        return value;
      })
      .join('');
  return render(nodes);
}

const HAN = /\p{Script=Han}/u;
const WHOLE_TYPES = Object.keys(BUILTIN_TYPES);
const wholeKey = (type: string) => `${type}（全文）`;
const STRUCTURAL = /^(required-section|section-order|numbering-.*|enumeration-sequence|heading-depth)$/;

function structuralProblems(text: string, type?: string): string[] {
  const result = checkText(text, type ? { type } : {});
  const lines = text.split('\n');
  return [
    ...result.diagnostics.filter((d) => STRUCTURAL.test(d.rule)).map((d) => `${d.rule} at ${d.range.start.line}: ${lines[d.range.start.line - 1]} — ${diagnosticMessage(d, 'zh-CN')}`),
    ...result.problems.map((p) => `problem: ${renderMessage(p.message, 'zh-CN')}`),
  ];
}

// ---- The file ----------------------------------------------------------------------------

test('the snippets file is plain JSON (no comments) with unique, readable keys', () => {
  const tree = parseTree(source) as JsonNode;
  assert.equal(tree.type, 'object');
  const keys = (tree.children ?? []).map((p) => p.children?.[0]?.value as string);
  assert.equal(new Set(keys).size, keys.length, 'no key appears twice');
  assert.equal(keys.length, entries.length);
  // The whole-document frames and the paragraph snippets; the section frames come from the server (engine/frames.ts).
  assert.ok(entries.length >= 9);
  for (const key of keys) {
    assert.ok(HAN.test(key), `key "${key}" names the snippet in Chinese`);
    assert.match(key, /\S \/ \S/, `key "${key}" has an English name after a slash`);
  }
});

test('every snippet has a Chinese and a pinyin prefix, a Chinese description, tab stops and a final $0', () => {
  const seen = new Map<string, string>();
  for (const [key, s] of entries) {
    const prefixes = prefixesOf(s);
    assert.ok(prefixes.some((p) => HAN.test(p)), `${key}: a Chinese prefix (typed with an IME)`);
    assert.ok(prefixes.some((p) => /^[a-z][a-z0-9]*$/.test(p)), `${key}: a Latin (pinyin) prefix`);
    for (const p of prefixes) {
      assert.ok(!seen.has(p), `prefix "${p}" of ${key} is also used by ${seen.get(p)}`);
      seen.set(p, key);
    }
    assert.ok(typeof s.description === 'string' && HAN.test(s.description), `${key}: a Chinese description`);
    const nodes = parseSnippet(bodyOf(s));
    const indices = new Set<number>();
    walk(nodes, (n) => {
      if (n.kind === 'tabstop') indices.add(n.index);
      if (n.kind === 'variable') assert.ok(n.name in VARIABLES, `${key}: variable ${n.name} is one VS Code knows and this test resolves`);
    });
    assert.ok(indices.has(0), `${key}: ends at $0`);
    const numbered = [...indices].filter((i) => i > 0).sort((a, b) => a - b);
    assert.ok(numbered.length > 0, `${key}: has tab stops`);
    assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `${key}: tab stops run 1, 2, 3… without gaps`);
    // One definition (default or choices) per tab stop; repeats are mirrors.
    const defined = new Map<number, number>();
    walk(nodes, (n) => {
      if (n.kind === 'tabstop' && (n.children || n.choices)) defined.set(n.index, (defined.get(n.index) ?? 0) + 1);
    });
    for (const [i, count] of defined) assert.equal(count, 1, `${key}: tab stop ${i} is defined once`);
    assert.ok(!/[XＸ×]{2}|某某|\*\*\*/.test(expand(bodyOf(s))), `${key}: blanks are written 【…】, not XX, 某某 or ***`);
  }
});

test('no snippet prefix is also a prefix of a section frame the server offers (one suggestion each, not two)', () => {
  const result = checkText('# 某局工作总结\n');
  const framePrefixes = new Set(sectionFrames(result.model, result.config, 2).flatMap((f) => f.prefixes));
  assert.ok(framePrefixes.has('cmwt') && framePrefixes.has('bt1'));
  for (const [key, s] of entries) for (const p of prefixesOf(s)) assert.ok(!framePrefixes.has(p), `${key}: prefix ${p} is a section frame's`);
});

test('each report type has one whole-document frame under the key "<type>（全文）"', () => {
  for (const type of WHOLE_TYPES) {
    const matching = entries.filter(([key]) => key.startsWith(wholeKey(type)));
    assert.equal(matching.length, 1, `one key starts with ${wholeKey(type)}`);
    assert.ok(prefixesOf(matching[0][1]).includes(type), `the frame of ${type} has the prefix ${type}`);
  }
});

// ---- The whole-document frames -------------------------------------------------------------

for (const type of WHOLE_TYPES) {
  test(`the ${type} frame, as inserted, passes the structural checks of its type`, () => {
    const snippet = entries.find(([key]) => key.startsWith(wholeKey(type)))![1];
    const body = bodyOf(snippet);
    const widest = Math.max(1, ...collectChoices(body).map((c) => c.length));
    // The defaults, then each alternative choice in turn (every heading wording offered is recognised).
    for (let k = 0; k < widest; k++) {
      const text = expand(body, (_, choices) => choices[Math.min(k, choices.length - 1)]);
      assert.deepEqual(structuralProblems(text, type), [], `${type}, choice ${k + 1}:\n${text}`);
      // The frame's front matter names its type, so the check needs no setting.
      assert.deepEqual(structuralProblems(text), [], `${type} without a type setting, choice ${k + 1}`);
      const result = checkText(text, { type });
      assert.equal(result.config.typeName, type);
      // The required sections are real headings, in the required order.
      const headingRoles = result.model.roles.filter((r) => r.source === 'heading' && r.reportLevel).map((r) => r.role);
      const required = BUILTIN_TYPES[type].required;
      assert.deepEqual(
        headingRoles.filter((r) => required.includes(r)).filter((r, i, a) => a.indexOf(r) === i),
        required,
        `${type}: ${required.map((r) => BUILTIN_ROLES[r].name['zh-CN']).join('、')} are section headings`,
      );
      assert.ok(result.model.title, `${type}: has a title`);
      assert.ok(result.model.opening, `${type}: has an opening paragraph`);
      assert.ok(result.model.numberedSections && result.model.sectionLevel === 1, `${type}: numbered 一、 二、 …`);
      const opening = text.split('\n').slice(result.model.opening!.startLine - 1, result.model.opening!.endLine).join('');
      assert.match(opening, /现将.{0,20}如下：$/, `${type}: the opening hands over with 现将……如下：`);
      // Blanks left for the writer are 【…】 notes, which the placeholder rule flags until filled in.
      for (const d of result.diagnostics.filter((x) => x.rule === 'placeholder')) {
        const written = text.slice(d.range.start.offset, d.range.end.offset);
        assert.match(written, /^【[^】]*】$/, `${type}: placeholder ${written} is an intended 【…】 blank`);
      }
      assert.ok(result.diagnostics.some((x) => x.rule === 'placeholder'), `${type}: the blanks to fill in are flagged`);
    }
  });
}

function collectChoices(body: string): string[][] {
  const out: string[][] = [];
  walk(parseSnippet(body), (n) => {
    if (n.kind === 'tabstop' && n.choices) out.push(n.choices);
  });
  return out;
}

// ---- Frames built from the paragraph and section snippets ----------------------------------

const byPrefix = (prefix: string) => {
  const found = entries.find(([, s]) => prefixesOf(s).includes(prefix));
  assert.ok(found, `a snippet has the prefix ${prefix}`);
  return bodyOf(found[1]);
};
/** Expands a snippet, choosing the given values for its choice tab stops (by index). */
const withChoices = (prefix: string, chosen: Record<number, string> = {}) =>
  expand(byPrefix(prefix), (index, choices) => {
    if (chosen[index] === undefined) return choices[0];
    assert.ok(choices.includes(chosen[index]), `${prefix}: ${chosen[index]} is one of ${choices.join(',')}`);
    return chosen[index];
  });

/** The report with the frame typed by `prefix` added at its end, as the server offers it there
 * (numbered with the next free numeral of its level, worded for the report's type). */
function addFrame(text: string, prefix: string): string {
  const result = checkText(text);
  const frame = sectionFrames(result.model, result.config, result.model.lines.length + 1).find((f) => f.prefixes.includes(prefix));
  assert.ok(frame, `a frame has the prefix ${prefix}`);
  return `${text}\n\n${expand(frame.snippet)}`;
}
const build = (start: string, ...steps: (string | { frame: string })[]) =>
  steps.reduce<string>((text, step) => (typeof step === 'string' ? `${text}\n\n${step}` : addFrame(text, step.frame)), start);

test('a report assembled from the opening, the server\'s heading and section frames, the ordinal and closing snippets passes the structural checks', () => {
  const text =
    build(
      '# 某县统计局年度工作总结',
      withChoices('zs'),
      { frame: 'bt1' },
      { frame: 'bt2' },
      { frame: 'bt3' },
      { frame: 'bt4' },
      { frame: 'bt4' },
      withChoices('yishi'),
      { frame: 'bt3' },
      withChoices('diyi'),
      { frame: 'bt2' },
      { frame: 'bt1' },
      { frame: 'cmwt' },
      { frame: 'xybdx' },
      withChoices('jw'),
    ) + '\n';
  assert.deepEqual(structuralProblems(text, '工作总结'), [], text);
  assert.deepEqual(structuralProblems(text, '半年总结'), [], text);
  const model = checkText(text).model;
  assert.deepEqual(
    model.numbered.map((n) => `${n.level}:${n.marker.written}`),
    ['1:一、', '2:（一）', '3:1.', '4:（1）', '4:（2）', '3:2.', '2:（二）', '1:二、', '1:三、', '1:四、'],
  );
  assert.ok(model.ordinals.length >= 6, 'the 一是 and 第一 runs are read as ordinals');
});

test('the section frames follow the report type: a 述职报告 gets 存在的不足 and 今后努力方向, a 自查报告 its three sections', () => {
  const duty = build('# 个人述职报告', withChoices('zs'), { frame: 'bt1' }, { frame: 'bt1' }, { frame: 'cmwt' }, { frame: 'xybdx' }, withChoices('jw'));
  assert.deepEqual(structuralProblems(duty, '述职报告'), [], duty);
  assert.match(duty, /## 三、存在的不足/);
  assert.match(duty, /## 四、今后努力方向/);
  const selfCheck = build('# 关于档案安全的自查报告', withChoices('zs'), { frame: 'zcqk' }, { frame: 'czwt' }, { frame: 'zgcs' });
  assert.deepEqual(structuralProblems(selfCheck, '自查报告'), [], selfCheck);
  assert.match(selfCheck, /## 一、自查情况[\s\S]*## 二、存在的问题和不足[\s\S]*## 三、整改措施/);
});

test('the snippet parser used here reads defaults, choices, mirrors, variables and escapes', () => {
  assert.equal(expand('${1:甲}、$1、${2|乙,丙|}、\\$3、${CURRENT_YEAR}年$0'), `甲、甲、乙、$3、${new Date().getFullYear()}年`);
  assert.equal(expand('${1|乙,丙|}', (_, c) => c[1]), '丙');
  assert.equal(expand('${1:外${2:内}}'), '外内');
});
