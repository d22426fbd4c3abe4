// The report model: built once per text from one remark parse and a single pass over the
// source lines. Every rule reads this model; none parses the text again.

import { LineIndex, type SourceLine } from '../line-index.js';
import { parseMarkdown, inSpans, type MarkdownCache, type ParsedRun, type HeadingInfo, type MarkdownFacts, type Span, type TableCellInfo } from './markdown.js';
import { readMarker, type Level, type Marker } from './markers.js';
import { acceptBare, demoteRestarts, readBareMarker, type BareCandidate } from './marker-repair.js';
import { signatureStart } from './signature.js';
import { omissionStarts } from './omission.js';
import { parseChineseNumeral } from './numerals.js';
import { trimEndWhere, trimStartWhere } from './trim.js';
import { alternation, TITLE_WORDS } from './words.js';
import { BUILTIN_ROLES, type RoleDefinition } from '../report-types.js';
import { compileUserPattern, nativePattern, type Pattern } from '../user-pattern.js';

export type { InlineOrdinal, LineInfo, LineKind, MarkerScope, NumberedLine, OrdinalScope, OrdinalStyle, PlainHeading, ReportModel, RoleOccurrence, SectionNode } from './model-types.js';
import type { InlineOrdinal, LineInfo, MarkerScope, NumberedLine, OrdinalScope, OrdinalStyle, PlainHeading, ReportModel, SectionNode } from './model-types.js';

/** The scope of the body's numbered lines: one object, compared by identity. */
export const BODY: MarkerScope = { kind: 'body' };

const SPACE = /[ \t\u3000]/;
/** \s covers the full-width space U+3000 too. */
const BLANK = /^\s*$/;
const SENTENCE_END = /[。！？；;!?]|<!--/;
const BOUNDARY_BEFORE = new Set('。；;：:，,！!？?、）)】」』”"’\'*_> \t\u3000'.split(''));

function skipSpaces(text: string, p: number, end: number): number {
  while (p < end && SPACE.test(text[p])) p++;
  return p;
}

const TITLE_END_JUNK = /[：:\s\u3000]/;
const SPACE_ANY = /[\s\u3000]/;
const isTitleEndJunk = (c: string) => TITLE_END_JUNK.test(c);
const isSpaceAny = (c: string) => SPACE_ANY.test(c);
const isEmphasisMark = (c: string) => c === '*' || c === '_';

function cleanTitle(s: string): string {
  if (s.length === 0) return s;
  let t = s;
  const cut = t.search(SENTENCE_END);
  if (cut >= 0) t = t.slice(0, cut);
  return trimStartWhere(trimEndWhere(t.replace(/[*_]+/g, ''), isTitleEndJunk), isSpaceAny);
}

export interface ModelOptions {
  roles: RoleDefinition[];
  /** The parse of the document's previous version, so that only changed blocks are parsed again. */
  markdownCache?: MarkdownCache;
  /** Filled with the Markdown trees of the runs of blocks parsed (see `parseMarkdown`). */
  parsedRuns?: ParsedRun[];
}

/** A line of the model, as the line index makes it: one object per line, every field present. */
function newLine(number: number, start: number, end: number, lineText: string): LineInfo {
  return { number, start, end, text: lineText, kind: 'text', contentStart: start, heading: undefined, numbered: undefined };
}

export function buildReportModel(text: string, options: ModelOptions): ReportModel {
  const index = new LineIndex<LineInfo>(text, newLine);
  const md = parseMarkdown(text, options.markdownCache, index.lines, options.parsedRuns);
  const headingByLine = new Map<number, HeadingInfo>();
  for (const h of md.headings) headingByLine.set(index.position(h.start).line, h);
  const cellsByLine = new Map<number, TableCellInfo[]>();
  for (const c of md.tableCells) {
    const ln = index.position(c.start).line;
    const list = cellsByLine.get(ln);
    if (list) list.push(c);
    else cellsByLine.set(ln, [c]);
  }

  const lines = index.lines;
  const numbered: NumberedLine[] = [];
  const headings: PlainHeading[] = [];
  const ordinals: InlineOrdinal[] = [];
  const sectionsInOrder: SectionNode[] = [];
  const bareCandidates: BareCandidate[] = [];
  let scope: OrdinalScope = { kind: 'section', line: 0 };
  /** One scope object per table column. */
  const columnScopes = new Map<string, MarkerScope>();
  const columnScope = (tableStart: number, column: number): MarkerScope => {
    const key = `${tableStart}:${column}`;
    let s = columnScopes.get(key);
    if (!s) columnScopes.set(key, (s = { kind: 'table', tableStart, column }));
    return s;
  };
  /** The 附件 list being read (7.3.4): its scope, and whether the line above was one of its items. */
  let attachments: { scope: MarkerScope; afterItem: boolean } | undefined;

  for (const info of lines) {
    if (BLANK.test(info.text)) {
      info.kind = 'blank';
      if (attachments) attachments.afterItem = false;
      continue;
    }
    // A line without a pipe ends a table for the report's purposes: GFM reads a line pasted
    // right after a table (二、存在的问题) as one more row.
    if (md.tables.length > 0 && info.text.includes('|') && (inSpans(md.tables, info.start) || inSpans(md.tables, skipSpaces(text, info.start, info.end)))) {
      info.kind = 'table';
      attachments = undefined;
      for (const cell of cellsByLine.get(info.number) ?? []) {
        let p = cell.contentStart;
        if (text.startsWith('**', p) || text.startsWith('__', p)) p += 2;
        const cellScope = columnScope(cell.tableStart, cell.column);
        if (!inSpans(md.excluded, p)) {
          const marker = readMarker(text, p, cell.contentEnd);
          if (marker) {
            numbered.push({
              kind: 'numbered', index: numbered.length, line: info.number, marker, level: marker.level, value: marker.value,
              scope: cellScope, title: cleanTitle(text.slice(marker.end, cell.contentEnd)), outermost: true,
            });
          }
        }
        scanOrdinals(text, cell.contentStart, cell.contentEnd, cell.contentStart, info.number, { kind: 'cell', cellStart: cell.start }, md, ordinals);
      }
      continue;
    }
    // Container prefixes: indentation, block quotes, heading marks, bullets, an opening **.
    let p = skipSpaces(text, info.start, info.end);
    while (text[p] === '>' && p < info.end) {
      p = skipSpaces(text, p + 1, info.end);
    }
    if (inSpans(md.excluded, p)) {
      info.kind = 'excluded';
      attachments = undefined;
      continue;
    }
    const heading = headingByLine.get(info.number);
    if (heading) {
      info.heading = heading;
      if (heading.kind === 'atx') p = Math.max(p, heading.contentStart);
    }
    if (md.bulletItemStarts.has(p)) p = skipSpaces(text, p + 1, info.end);
    p = skipSpaces(text, p, info.end);
    if (text.startsWith('**', p) || text.startsWith('__', p)) p += 2;
    info.contentStart = p;

    let marker = p < info.end ? readMarker(text, p, info.end) : undefined;
    // 附件说明 (GB/T 9704-2012 7.3.4): `附件：1.甲` (or a bare `附件：`) opens a list of its own,
    // and the 1. 2. … lines right under it (blank lines between allowed) are its items, not
    // sections: they count from the 1. after 附件：. A long name wrapped onto an indented line
    // under its item stays in the list.
    let listScope: MarkerScope | undefined;
    if (!heading && text.startsWith('附件', p) && (text[p + 2] === '：' || text[p + 2] === ':')) {
      const q = skipSpaces(text, p + 3, info.end);
      const first = q < info.end ? readMarker(text, q, info.end) : undefined;
      if (q >= info.end || first?.level === 3) {
        attachments = { scope: { kind: 'attachments', line: info.number }, afterItem: first !== undefined };
        marker = first;
        if (first) listScope = attachments.scope;
      } else attachments = undefined;
    } else if (attachments) {
      if (!heading && marker?.level === 3) {
        listScope = attachments.scope;
        attachments.afterItem = true;
      } else if (!(marker === undefined && attachments.afterItem && SPACE.test(text[info.start]))) attachments = undefined;
    }
    if (marker) {
      const node: NumberedLine = {
        kind: 'numbered', index: numbered.length, line: info.number, marker, level: marker.level, value: marker.value,
        heading, scope: listScope ?? BODY, title: cleanTitle(text.slice(marker.end, info.end)), outermost: true,
      };
      numbered.push(node);
      info.numbered = node;
      if (!listScope) {
        sectionsInOrder.push(node);
        scope = { kind: 'section', line: info.number };
      }
    } else {
      const bareMarker = p < info.end ? readBareMarker(text, p, info.end) : undefined;
      if (bareMarker) {
        const rest = text.slice(bareMarker.end, info.end);
        bareCandidates.push({ line: info.number, marker: bareMarker, headingLike: rest.length <= 40 && !/[。！？；;!?]/.test(rest) });
      }
      if (heading) {
        const node: PlainHeading = { kind: 'heading', line: info.number, heading, title: cleanTitle(text.slice(p, info.end)), outermost: true };
        headings.push(node);
        sectionsInOrder.push(node);
        scope = { kind: 'section', line: info.number };
      }
    }
    scanOrdinals(text, marker ? marker.end : p, info.end, marker ? marker.end : p, info.number, scope, md, ordinals);
  }

  const omissions = omissionStarts(text);
  const sections = repairMarkers(text, index, numbered, headings, sectionsInOrder, ordinals, bareCandidates, omissions);
  buildSectionTree(sections);

  const model: ReportModel = {
    text,
    index,
    eol: index.eol,
    md,
    lines,
    numbered,
    headings,
    ordinals,
    roles: [],
    numberedSections: false,
    omissions,
  };
  findTitleAndOpening(model);
  const signature = signatureStart(text, lines);
  if (signature !== undefined) model.signature = { startLine: signature + 1 };
  const top = numbered.filter((n) => n.scope === BODY && n.outermost);
  if (top.length > 0) {
    model.numberedSections = true;
    model.sectionLevel = top.reduce<Level>((m, n) => (n.level < m ? n.level : m), 5);
  }
  findRoles(model, options.roles);
  return model;
}

/**
 * Reads slipped markers as their writer meant them (see marker-repair.ts): bare markers that fit
 * their siblings join the numbered lines (and become the section of the ordinals under them);
 * restarts inside a section move one level down. Returns the section nodes in line order.
 */
function repairMarkers(
  text: string,
  index: LineIndex<LineInfo>,
  numbered: NumberedLine[],
  headings: PlainHeading[],
  sectionsInOrder: SectionNode[],
  ordinals: InlineOrdinal[],
  candidates: BareCandidate[],
  omitted: readonly number[],
): SectionNode[] {
  const lines = index.lines;
  let sections = sectionsInOrder;
  const body = () => numbered.filter((n) => n.scope === BODY);
  const item = (n: NumberedLine) => ({ line: n.line, marker: n.marker, level: n.level, value: n.value, isHeading: n.heading !== undefined });
  let bodyNodes = body();
  if (candidates.length > 0) {
    const accepted = acceptBare(bodyNodes.map(item), candidates);
    if (accepted.length > 0) {
      const added: NumberedLine[] = [];
      const headingLines = new Set<number>();
      for (const c of accepted) {
        const info = lines[c.line - 1];
        const node: NumberedLine = {
          kind: 'numbered', index: 0, line: c.line, marker: c.marker, level: c.marker.level, value: c.marker.value,
          heading: info.heading, scope: BODY, title: cleanTitle(text.slice(c.marker.end, info.end)), outermost: true,
        };
        info.numbered = node;
        added.push(node);
        if (info.heading) headingLines.add(c.line);
      }
      // A heading line that was a plain heading is now a numbered one.
      if (headingLines.size > 0) {
        const kept = headings.filter((x) => !headingLines.has(x.line));
        headings.length = 0;
        headings.push(...kept);
        sections = sections.filter((x) => !(x.kind === 'heading' && headingLines.has(x.line)));
      }
      const merged = mergeByLine(numbered, added);
      numbered.length = 0;
      merged.forEach((n, i) => {
        n.index = i;
        numbered.push(n);
      });
      bodyNodes = body();
      sections = mergeByLine<SectionNode>(sections, added);
      // The ordinals under a new section count in its scope: from its line to the next section.
      let s = 0;
      let o = 0;
      for (const node of added) {
        const sectionScope: OrdinalScope = { kind: 'section', line: node.line };
        while (s < sections.length && sections[s].line <= node.line) s++;
        const until = s < sections.length ? sections[s].line : Infinity;
        while (o < ordinals.length && ordinals[o].line < node.line) o++;
        for (let q = o; q < ordinals.length && ordinals[q].line < until; q++) if (ordinals[q].scope.kind === 'section') ordinals[q].scope = sectionScope;
      }
    }
  }
  const items = bodyNodes.map(item);
  // Plain headings start the numbering afresh, and so does text cut out by a site (……此处隐藏……).
  const barriers = headings.map((h) => h.line);
  if (omitted.length > 0) {
    for (const at of omitted) barriers.push(lines[index.lineIndexAt(at)].number);
    barriers.sort((a, b) => a - b);
  }
  demoteRestarts(text, items, barriers);
  items.forEach((it, i) => {
    bodyNodes[i].level = it.level;
  });
  return sections;
}

/** Links each section node to its parent. Levels may be skipped (1. directly under 一、). */
function buildSectionTree(nodes: SectionNode[]): void {
  const stack: SectionNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'heading') {
      const depth = node.heading.depth;
      // A plain heading closes numbered paragraphs and any heading at its depth or deeper.
      while (stack.length) {
        const top = stack[stack.length - 1];
        const topDepth = top.kind === 'heading' ? top.heading.depth : top.heading?.depth;
        if (topDepth === undefined || topDepth >= depth) stack.pop();
        else break;
      }
    } else {
      const depth = node.heading?.depth;
      while (stack.length) {
        const top = stack[stack.length - 1];
        if (top.kind === 'heading') {
          if (depth !== undefined && top.heading.depth >= depth) {
            stack.pop();
            continue;
          }
          break;
        }
        if (top.level >= node.level) stack.pop();
        else break;
      }
    }
    node.parent = stack[stack.length - 1];
    node.outermost = !node.parent || (node.parent.kind === 'heading' && node.parent.outermost);
    stack.push(node);
  }
}

/** The numeral and what follows it; a 第 or 其 just before the numeral is read separately. Starting
 * the pattern at the numeral (not at an optional prefix) lets the scan skip ahead quickly. */
const ORDINAL_RE = /[一二三四五六七八九十]{1,3}(?:是|[，,、：:])/g;
/** 二是 after a clause's end, in the words after a 一是. */
const SHI_TWO = /[，,；;、]二是/;
const SENTENCE_STOP = /[。！？!?]/;

/** The text from `from` to the end of its sentence (or `to`). */
function sentenceAfter(text: string, from: number, to: number): string {
  const s = text.slice(from, to);
  const cut = s.search(SENTENCE_STOP);
  return cut < 0 ? s : s.slice(0, cut);
}

function scanOrdinals(text: string, from: number, to: number, contentStart: number, line: number, scope: OrdinalScope, md: MarkdownFacts, out: InlineOrdinal[]): void {
  if (from >= to) return;
  const s = text.slice(from, to);
  ORDINAL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ORDINAL_RE.exec(s))) {
    const numeralAt = m.index;
    const numeral = m[0].slice(0, -1);
    const after = m[0][m[0].length - 1];
    const p = numeralAt > 0 ? s[numeralAt - 1] : undefined;
    const prefix = p === '第' || p === '其' ? p : undefined;
    const start = from + numeralAt - (prefix ? 1 : 0);
    const length = m[0].length + (prefix ? 1 : 0);
    let style: OrdinalStyle;
    if (prefix === '第') style = 'di';
    else if (prefix === '其') style = 'qi';
    else if (after === '是') style = 'shi';
    else continue;
    if (style === 'di' && after === '是') continue;
    // The ordinal must open a clause: at the content start or after punctuation or space.
    if (start !== contentStart) {
      const before = text[start - 1];
      // 主要措施一是…；二是…: 一是 right after a word opens a run when 二是 follows in the line.
      const opensRun = style === 'shi' && numeral === '一' && SHI_TWO.test(sentenceAfter(text, start + 2, Math.min(to, start + 302)));
      if (!BOUNDARY_BEFORE.has(before) && !opensRun) {
        // `第一，` after a numeral-free word (e.g. 统一是) is a word, not an ordinal: look again
        // from the numeral's second character.
        ORDINAL_RE.lastIndex = numeralAt + 1;
        continue;
      }
    }
    const value = parseChineseNumeral(numeral);
    if (!value) continue;
    if (inSpans(md.excluded, start) || inSpans(md.urls, start)) continue;
    const numeralStart = start + (prefix ? 1 : 0);
    const end = start + length - (style === 'shi' ? 0 : 1);
    out.push({
      style, value, written: text.slice(start, start + length), start, end,
      numeralStart, numeralEnd: numeralStart + numeral.length, line, scope,
    });
  }
}

const TITLE_WORD = new RegExp(alternation(TITLE_WORDS));
const HTML_COMMENT = /<!--[\s\S]*?-->/g;

/** A line's content without HTML comments, trimmed. */
function lineWords(text: string, l: LineInfo): string {
  const t = text.slice(l.contentStart, l.end);
  return (t.includes('<!--') ? t.replace(HTML_COMMENT, '') : t).trim();
}

function findTitleAndOpening(model: ReportModel): void {
  const { lines, text } = model;
  const firstNumbered = model.numbered.find((n) => n.scope === BODY);
  const limit = firstNumbered ? firstNumbered.line : lines.length + 1;
  let titleLine: LineInfo | undefined;
  // A level-1 Markdown heading without a marker is the title.
  const h1 = model.headings.find((h) => h.heading.depth === 1 && h.line < limit);
  if (h1) titleLine = lines[h1.line - 1];
  if (!titleLine) {
    const candidates = lines.filter((l) => l.kind === 'text' && !l.numbered && l.number < limit).slice(0, 8);
    titleLine =
      candidates.find((l) => {
        const t = lineWords(text, l);
        return t.length <= 60 && TITLE_WORD.test(t) && !/[。！？!?；：:，,]$/.test(t) && !/[。！？]/.test(t);
      }) ?? candidates.find((l) => {
        const t = lineWords(text, l);
        return t.length <= 60 && !/[。！？!?；，,]/.test(t);
      });
  }
  if (titleLine) {
    const t = trimEndWhere(lineWords(text, titleLine), isEmphasisMark).trim();
    model.title = { line: titleLine.number, start: titleLine.contentStart, end: titleLine.end, text: t };
  }
  // The opening: the first run of text lines after the title, before the first section.
  const from = titleLine ? titleLine.number : 0;
  let startLine = 0;
  let endLine = 0;
  for (const l of lines) {
    if (l.number <= from) continue;
    if (l.number >= limit || l.numbered || (l.heading && l.number !== from)) break;
    if (l.kind === 'text') {
      if (!startLine) startLine = l.number;
      endLine = l.number;
    } else if (startLine && l.kind === 'blank' && firstNumbered === undefined) {
      break;
    }
  }
  if (startLine) model.opening = { startLine, endLine };
}

const PATTERNS = new Map<string, Pattern>();
/** The built-in role wordings: trusted, run natively. Any other comes from a user: linear-time. */
const BUILTIN_SOURCES = new Set(Object.values(BUILTIN_ROLES).flatMap((r) => [...r.headings, ...r.paragraphs, ...(r.anywhere ?? [])]));

/** Role wordings compiled once per pattern (built-in or from a configuration), not once per check;
 * undefined for a user's pattern the linear-time engine cannot take (reported with the configuration). */
function compiledPattern(source: string): Pattern | undefined {
  let p = PATTERNS.get(source);
  if (!p) {
    if (BUILTIN_SOURCES.has(source)) p = nativePattern(new RegExp(source, 'u'));
    else {
      const compiled = compileUserPattern(source);
      if (!('pattern' in compiled)) return undefined;
      p = compiled.pattern;
    }
    if (PATTERNS.size < 1000) PATTERNS.set(source, p);
  }
  return p;
}

const compiledAll = (sources: readonly string[]): Pattern[] => sources.map(compiledPattern).filter((p): p is Pattern => p !== undefined);

/** Two lists, each in line order, merged into one in line order. */
function mergeByLine<T extends { line: number }>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].line <= b[j].line)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

function findRoles(model: ReportModel, roles: RoleDefinition[]): void {
  const compiled = roles.map((r) => ({
    id: r.id,
    headings: compiledAll(r.headings),
    paragraphs: compiledAll(r.paragraphs),
    anywhere: compiledAll(r.anywhere ?? []),
  }));
  const titleLine = model.title?.line;
  const sections = mergeByLine<SectionNode>(
    model.numbered.filter((n) => n.scope === BODY),
    model.headings,
  );
  let lastTopLine = 0;
  for (const node of sections) {
    if (node.line === titleLine) continue;
    const top = node.outermost;
    if (top) lastTopLine = node.line;
    // The heading's words up to its first space, colon or run-in body: 二、问题与不足 过去一年…
    const part = headingPart(node.title);
    if (part.length === 0 || part.length > 40) continue;
    // A numbered list item in a paragraph (1.村里存在的困难及问题较多，…) names a section only when
    // it is nothing but that name.
    if (node.kind === 'numbered' && node.level >= 3 && !node.heading && part !== node.title.replace(/[：:。；;，,\s]+$/, '')) continue;
    for (const r of compiled) {
      if (r.headings.some((re) => roleMatch(re, part, true))) {
        const offset = node.kind === 'numbered' ? node.marker.start : node.heading.start;
        model.roles.push({ role: r.id, line: node.line, offset, source: 'heading', reportLevel: top });
      }
    }
  }
  // Closing paragraphs: unnumbered text lines after the last top-level section begins
  // (or after the opening, in a report without sections).
  const after = lastTopLine || model.opening?.endLine || titleLine || 0;
  for (const l of model.lines) {
    if (l.number <= after || l.kind !== 'text' || l.numbered || l.heading) continue;
    const t = model.text.slice(l.contentStart, l.end);
    for (const r of compiled) {
      if (r.paragraphs.some((re) => roleMatch(re, t, false))) {
        model.roles.push({ role: r.id, line: l.number, offset: l.contentStart, source: 'paragraph', reportLevel: true });
      }
    }
  }
  // Statements that fulfil a role wherever they stand (经自查，未发现问题).
  const anywhere = compiled.filter((r) => r.anywhere.length > 0);
  if (anywhere.length > 0) {
    for (const l of proseLinesWith(model, NOTHING_FOUND)) {
      if (l.kind !== 'text' || l.number <= (titleLine ?? 0)) continue;
      const t = model.text.slice(l.contentStart, l.end);
      for (const r of anywhere) {
        if (r.anywhere.some((re) => re.exec(t) !== null)) model.roles.push({ role: r.id, line: l.number, offset: l.contentStart, source: 'paragraph', reportLevel: true });
      }
    }
  }
  model.roles.sort((a, b) => a.offset - b.offset);
}

const HEADING_PART_END = /[\s\u3000，,：:；;。！？!?]/;

function headingPart(title: string): string {
  const cut = title.search(HEADING_PART_END);
  return cut < 0 ? title : title.slice(0, cut);
}

/** Verbs that make a role's words the object of work, not a section: 解决存在问题, 查找不足. */
const SOLVING = /(解决|破解|查找|查摆|梳理|整改|针对|聚焦|正视|克服|补齐|弥补|剖析|对照)(好|了)?$/;
/** What, right after a heading's role words, makes them a sentence's subject: 工作思路做到清晰明了. */
const GOES_ON = /^(做到|得到|更加|清晰|明确|有效|切实|不断|逐步)/;

/** A role pattern matches, and not as the object of 解决/查找…, nor (in a heading) as the subject of a sentence. */
function roleMatch(re: Pattern, text: string, heading: boolean): boolean {
  const m = re.exec(text);
  if (!m) return false;
  if (SOLVING.test(text.slice(Math.max(0, m.index - 6), m.index))) return false;
  if (heading && GOES_ON.test(text.slice(m.end))) return false;
  return true;
}

/** The words a nothing-found statement needs: lines without them are not tried. */
const NOTHING_FOUND = /未发现|没有发现|未查出|未出现/g;

/** Lines of report text (paragraph lines, headings, table rows) — not blank, code, HTML or
 * front matter — and, given `quick`, only those it matches: the loop every text rule starts with. */
export function* proseLines(model: ReportModel, quick?: RegExp): Generator<LineInfo> {
  for (const line of model.lines) {
    if (line.kind !== 'text' && line.kind !== 'table') continue;
    if (quick && !quick.test(line.text)) continue;
    yield line;
  }
}

/** The lines of `proseLines(model, find)`, found by searching the whole text with `find` (a
 * global regular expression) instead of testing every line: lines without a match cost no
 * work outside the regular expression engine. `find` must match no line break, and no empty
 * string, and look no further than the line (no lookaround, ^ or $), so that a line holds a
 * match exactly when its text does. */
export function proseLinesWith(model: ReportModel, find: RegExp): LineInfo[] {
  const { text, lines, index } = model;
  const out: LineInfo[] = [];
  find.lastIndex = 0;
  while (find.test(text)) {
    const line = lines[index.lineIndexAt(find.lastIndex - 1)];
    if (line.kind === 'text' || line.kind === 'table') out.push(line);
    // One match is enough: go on after the line's break.
    find.lastIndex = Math.max(find.lastIndex, line.end + 1);
  }
  return out;
}

export type { Span };
