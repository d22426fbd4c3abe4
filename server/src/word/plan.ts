// What a report becomes on paper, before any Word XML: a list of blocks (title, body paragraphs
// with their level and where a run-in heading ends, tables, images, attachments, the signature
// block, the optional letterhead and imprint). Built from the engine's report model — section
// levels (after marker repair), the title, the signature block — and one Markdown parse for the
// inline formatting. One source line is one paragraph: that is how these drafts are written, and
// how the checker reads them.

import type { Nodes, Parents, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import type { CheckResult } from '../engine/check.js';
import { findPlaceholders } from '../engine/rules/placeholder.js';
import { blockStarts, isPlainBlock, markdownProcessor, type ParsedRun } from '../engine/model/markdown.js';
import type { Level } from '../engine/model/markers.js';
import type { LineInfo } from '../engine/model/model-types.js';
import { normalizeDate, textWidth } from './text.js';

export interface TextPiece {
  kind: 'text';
  text: string;
  bold: boolean;
  strike: boolean;
  /** Part of a heading: set in the level's font (up to a run-in heading's end). */
  heading?: boolean;
}

export interface ImagePiece {
  kind: 'image';
  src: string;
  alt: string;
  line: number;
}

export interface NotePiece {
  kind: 'note';
  label: string;
}

export type Piece = TextPiece | ImagePiece | NotePiece;

export type Block =
  | { kind: 'title'; lines: string[] }
  /** 主送机关 or a salutation (各位领导：): flush left. */
  | { kind: 'addressee'; pieces: Piece[] }
  /** A body paragraph; `level` for a numbered line (1 一、 … 4 （1）, 5 ①), `heading` for a Markdown heading without a marker (its depth). */
  /** `outline`: the line is a Markdown heading (`## 一、…`), so the paragraph gets an outline level (Word's navigation pane; `gongwen import` writes `#`s from it). */
  | { kind: 'paragraph'; pieces: Piece[]; level?: Level; headingDepth?: number; plain?: boolean; outline?: boolean }
  /** An image alone in its paragraph: centred, no indent. */
  | { kind: 'image'; image: ImagePiece }
  | { kind: 'table'; rows: { cells: Piece[][][]; header: boolean }[]; align: ('left' | 'right' | 'center' | null)[] }
  /** 附件说明 (7.3.4): `numbered` items keep their written numbers. */
  | { kind: 'attachments'; label: string; items: string[] }
  /** 落款 (7.3.5): the signer lines, then the date (its leading zeros gone). */
  | { kind: 'signature'; signers: string[]; date: string }
  | { kind: 'blank' }
  | { kind: 'letterhead'; organ?: string; number?: string }
  | { kind: 'imprint'; cc?: string; printer?: string; printDate?: string };

export interface Plan {
  blocks: Block[];
  /** Footnote definitions by label, in order of first reference. */
  notes: Map<string, Piece[][]>;
}

/** Front matter fields the letterhead and imprint come from. */
export interface FrontFields {
  发文机关?: string;
  发文字号?: string;
  主送机关?: string;
  抄送?: string;
  印发机关?: string;
  印发日期?: string;
}

interface Line {
  /** 1-based source line. */
  line: number;
  pieces: Piece[];
}

const LEADING_SPACE = /^[ \t\u3000\u00a0]+/;
const TRAILING_SPACE = /[ \t\u3000\u00a0]+$/;
/** Where a run-in heading ends: its first 。 ！ ？ or colon, included. */
const HEADING_END = /[。！？：:]/;
const SENTENCE_MARK = /[。！？；;，,!?]/;

function visible(pieces: readonly Piece[]): string {
  let s = '';
  for (const p of pieces) if (p.kind === 'text') s += p.text;
  return s;
}

/** Drops leading and trailing spaces of a line (the writer's own indent "　　"): the layout indents. */
function trimLine(pieces: Piece[]): Piece[] {
  const out = pieces.filter((p) => p.kind !== 'text' || p.text.length > 0);
  while (out.length && out[0].kind === 'text') {
    const t = (out[0] as TextPiece).text.replace(LEADING_SPACE, '');
    if (t.length > 0) {
      out[0] = { ...(out[0] as TextPiece), text: t };
      break;
    }
    out.shift();
  }
  while (out.length && out[out.length - 1].kind === 'text') {
    const last = out[out.length - 1] as TextPiece;
    const t = last.text.replace(TRAILING_SPACE, '');
    if (t.length > 0) {
      out[out.length - 1] = { ...last, text: t };
      break;
    }
    out.pop();
  }
  return out;
}

/** Inline HTML: a line break, a comment (dropped: directives such as gongwen-disable live there), or a tag (dropped, its text stays). */
const BR = /^<br\s*\/?>$/i;

/** Plain text of block HTML: comments and tags dropped, <br> and line breaks kept as lines. */
function htmlLines(value: string): string[] {
  const text = value
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|li|tr|h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

/**
 * Where a parsed block sits in the document, to tell formatting from text: `*` and `_` runs that
 * CommonMark reads as emphasis but the report model reads as placeholders (`全市***个党组织……党员***名`,
 * `__村地处_镇东部`) are the writer's unfilled blanks, and are written as typed.
 */
interface BlockContext {
  /** The block's Markdown (node offsets are into it). */
  source: string;
  /** The block's start in the document. */
  base: number;
  /** Whether a document offset lies in a placeholder. */
  isBlank(offset: number): boolean;
}

/** Phrasing content into lines: a soft or hard line break, or <br>, starts a new line. */
class LineCollector {
  lines: Line[] = [];
  private current: Line | undefined;

  constructor(
    private firstLine: number,
    private ctx: BlockContext,
  ) {}

  /** An emphasis or strong node whose delimiters are placeholder characters: its delimiters as written, or undefined when it is formatting. */
  private literalDelimiters(node: PhrasingContent & { children: PhrasingContent[] }): { open: string; close: string } | undefined {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || node.children.length === 0) return undefined;
    const from = node.children[0].position?.start.offset;
    const to = node.children[node.children.length - 1].position?.end.offset;
    if (from === undefined || to === undefined) return undefined;
    const { base, isBlank, source } = this.ctx;
    for (let o = start; o < from; o++) if (isBlank(base + o)) return { open: source.slice(start, from), close: source.slice(to, end) };
    for (let o = to; o < end; o++) if (isBlank(base + o)) return { open: source.slice(start, from), close: source.slice(to, end) };
    return undefined;
  }

  /** Emphasis: its children in `style`, or, when its delimiters are placeholders, the delimiters as text around its children in the outer style. */
  private emphasis(node: PhrasingContent & { children: PhrasingContent[] }, outer: { bold: boolean; strike: boolean }, inner: { bold: boolean; strike: boolean }): void {
    const literal = this.literalDelimiters(node);
    if (!literal) {
      this.phrasing(node.children, inner);
      return;
    }
    const startLine = node.position?.start.line ?? this.firstLine;
    const endLine = node.position?.end.line ?? startLine;
    this.text(literal.open, startLine, outer);
    this.phrasing(node.children, outer);
    this.text(literal.close, endLine, outer);
  }

  private open(line: number): Line {
    if (!this.current) {
      this.current = { line, pieces: [] };
      this.lines.push(this.current);
    }
    return this.current;
  }

  newLine(nextLine: number): void {
    this.current = undefined;
    this.firstLine = nextLine;
  }

  text(value: string, line: number, style: { bold: boolean; strike: boolean }): void {
    const parts = value.split(/\r?\n/);
    parts.forEach((part, i) => {
      if (i > 0) this.newLine(line + i);
      if (part.length > 0) this.open(i === 0 ? Math.max(line, this.firstLine) : line + i).pieces.push({ kind: 'text', text: part, bold: style.bold, strike: style.strike });
    });
  }

  piece(p: Piece, line: number): void {
    this.open(Math.max(line, this.firstLine)).pieces.push(p);
  }

  phrasing(nodes: readonly PhrasingContent[], style = { bold: false, strike: false }): void {
    for (const node of nodes) {
      const line = node.position?.start.line ?? this.firstLine;
      switch (node.type) {
        case 'text':
          this.text(node.value, line, style);
          break;
        case 'inlineCode':
          this.text(node.value, line, style);
          break;
        case 'break':
          this.newLine((node.position?.end.line ?? line + 1));
          break;
        case 'strong':
          this.emphasis(node, style, { ...style, bold: true });
          break;
        case 'emphasis':
          // Chinese has no italics: emphasis is plain text.
          this.emphasis(node, style, style);
          break;
        case 'delete':
          this.phrasing(node.children, { ...style, strike: true });
          break;
        case 'link':
        case 'linkReference':
          // Links are plain black text.
          this.phrasing(node.children, style);
          break;
        case 'image':
          this.piece({ kind: 'image', src: node.url, alt: node.alt ?? '', line }, line);
          break;
        case 'imageReference':
          this.text(node.alt ?? '', line, style);
          break;
        case 'footnoteReference':
          this.piece({ kind: 'note', label: node.identifier }, line);
          break;
        case 'html':
          if (BR.test(node.value.trim())) this.newLine(node.position?.end.line ?? line);
          else if (!node.value.startsWith('<!--') && !node.value.startsWith('<')) this.text(node.value, line, style);
          break;
        default:
          if ('children' in node) this.phrasing((node as Parents).children as PhrasingContent[], style);
          else if ('value' in node && typeof (node as { value: unknown }).value === 'string') this.text((node as { value: string }).value, line, style);
      }
    }
  }
}

function phrasingLines(nodes: readonly PhrasingContent[], line: number, ctx: BlockContext): Line[] {
  const c = new LineCollector(line, ctx);
  c.phrasing(nodes);
  return c.lines;
}

/** A source line's unit of content before layout. */
type Item =
  | { kind: 'line'; line: number; pieces: Piece[]; heading?: number; code?: boolean }
  | { kind: 'table'; node: Table; ctx: BlockContext }
  | { kind: 'blank' };

/** The document's block content in order, flattened into lines (lists and quotes opened up). */
function items(root: Root, text: string, notes: Map<string, Piece[][]>, ctx: BlockContext): Item[] {
  const out: Item[] = [];
  const walk = (nodes: readonly RootContent[] | readonly Nodes[]): void => {
    for (const node of nodes as Nodes[]) {
      const line = node.position?.start.line ?? 1;
      switch (node.type) {
        case 'yaml':
        case 'definition':
        case 'thematicBreak':
          break;
        case 'heading':
          for (const l of phrasingLines(node.children, line, ctx)) out.push({ kind: 'line', line: l.line, pieces: l.pieces, heading: node.depth });
          break;
        case 'paragraph':
          for (const l of phrasingLines(node.children, line, ctx)) out.push({ kind: 'line', line: l.line, pieces: l.pieces });
          break;
        case 'code': {
          // A fenced block's text starts on the line after its fence.
          const fenced = /^[ \t]*(```|~~~)/.test(text.slice(node.position?.start.offset ?? 0, (node.position?.start.offset ?? 0) + 8));
          node.value.split(/\r?\n/).forEach((l, i) => {
            if (l.trim().length > 0) out.push({ kind: 'line', line: line + (fenced ? 1 : 0) + i, pieces: [{ kind: 'text', text: l, bold: false, strike: false }], code: true });
          });
          break;
        }
        case 'html':
          htmlLines(node.value).forEach((l) => out.push({ kind: 'line', line, pieces: [{ kind: 'text', text: l, bold: false, strike: false }], code: true }));
          break;
        case 'table': {
          // A row without a pipe is a line right after the table with no blank line between: GFM
          // goes on with the table, the report model reads the writer's next paragraph
          // (`二、存在的问题`), and so does the export. Rows with pipes after it make a table again.
          let rows: TableRow[] = [];
          const flush = () => {
            if (rows.length > 0) out.push({ kind: 'table', node: { ...node, children: rows }, ctx });
            rows = [];
          };
          for (const row of node.children) {
            const at = row.position?.start.offset ?? 0;
            if (text.slice(at, row.position?.end.offset ?? at).includes('|')) {
              rows.push(row);
              continue;
            }
            flush();
            for (const cell of row.children) for (const l of phrasingLines(cell.children, cell.position?.start.line ?? line, ctx)) out.push({ kind: 'line', line: l.line, pieces: l.pieces });
          }
          flush();
          break;
        }
        case 'list': {
          node.children.forEach((item) => {
            const before = out.length;
            walk(item.children);
            if (node.ordered) {
              // The number of an ordered item is syntax, not text: put it back as written (1. or 1)),
              // not as a Markdown renderer counts it — 1. 2. 4. 3. stays 1. 2. 4. 3. (GB/T 9704 shows
              // the writer's numbers, and the checker reads them).
              const at = item.position?.start.offset ?? 0;
              const m = /^[0-9]{1,9}[.)]/.exec(text.slice(at, at + 12));
              const first = out.slice(before).find((x): x is Extract<Item, { kind: 'line' }> => x.kind === 'line');
              if (first && m) first.pieces.unshift({ kind: 'text', text: m[0], bold: false, strike: false });
            }
          });
          break;
        }
        case 'blockquote':
          walk(node.children);
          break;
        case 'footnoteDefinition': {
          const paragraphs: Piece[][] = [];
          for (const child of node.children) {
            if (child.type === 'paragraph') for (const l of phrasingLines(child.children, child.position?.start.line ?? line, ctx)) paragraphs.push(trimLine(l.pieces));
          }
          notes.set(node.identifier, paragraphs);
          break;
        }
        default:
          if ('children' in node) walk((node as Parents).children as Nodes[]);
      }
    }
  };
  walk(root.children);
  // Blank lines between blocks are not kept: the layout spaces the parts itself.
  return out;
}

/** Escapes and character references change what a plain-looking line shows: such a block is parsed. */
const SHOWS_OTHERWISE = /[\\&]/;

/**
 * The document's items, block by block (the engine's cutting: each block parses the same alone):
 * a block without any Markdown syntax is its lines as they are (most of a report: not parsed), any
 * other block is parsed on its own and its line numbers shifted to the document's — or, when the
 * check parsed it as written, in one of `runs`, its nodes are taken from there (its offsets and
 * lines then count from the run's start).
 */
function documentItems(text: string, lines: readonly LineInfo[], notes: Map<string, Piece[][]>, isBlank: (offset: number) => boolean, runs: readonly ParsedRun[]): Item[] {
  const starts = blockStarts(text, lines);
  const out: Item[] = [];
  let first = 0;
  let run = 0;
  for (let b = 0; b < starts.length; b++) {
    const start = starts[b];
    const end = b + 1 < starts.length ? starts[b + 1] : text.length;
    while (first < lines.length && lines[first].start < start) first++;
    const block = text.slice(start, end);
    if (isPlainBlock(text, lines, first, end) && !SHOWS_OTHERWISE.test(block)) {
      for (let i = first; i < lines.length && lines[i].start < end; i++) {
        const l = lines[i];
        if (l.kind === 'blank') continue;
        // An ordered-list marker and its space (1. 抓好) read as the parser would show them (1.抓好).
        const t = text.slice(l.start, l.end).replace(/^([0-9]{1,9}[.)])[ \t]+/, '$1');
        out.push({ kind: 'line', line: l.number, pieces: [{ kind: 'text', text: t, bold: false, strike: false }] });
      }
      continue;
    }
    while (run < runs.length && runs[run].end < end) run++;
    const parsed = run < runs.length && runs[run].start <= start ? fromRun(runs[run], start, end, text, lines) : undefined;
    const { root, source, base, offset } = parsed ?? { root: markdownProcessor.parse(block) as Root, source: block, base: start, offset: first < lines.length ? lines[first].number - 1 : 0 };
    for (const item of items(root, source, notes, { source, base, isBlank })) {
      if (item.kind === 'line') {
        item.line += offset;
        for (const p of item.pieces) if (p.kind === 'image') p.line += offset;
      }
      out.push(item);
    }
  }
  return out;
}

/** The nodes of the block `start`–`end` in a run the check parsed, when they lie wholly inside it. */
function fromRun(run: ParsedRun, start: number, end: number, text: string, lines: readonly LineInfo[]): { root: Root; source: string; base: number; offset: number } | undefined {
  const children = run.tree.children.filter((n) => {
    const at = (n.position?.start.offset ?? -1) + run.start;
    return at >= start && at < end;
  });
  if (children.some((n) => n.position === undefined || n.position.end.offset! + run.start > end)) return undefined;
  // The run's first line: its number, less one, shifts the tree's lines to the document's.
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= run.start) lo = mid;
    else hi = mid - 1;
  }
  return { root: { type: 'root', children }, source: text.slice(run.start, run.end), base: run.start, offset: lines[lo].number - 1 };
}

function splitRunIn(pieces: Piece[], level: Level): Piece[] {
  const words = visible(pieces);
  const cut = words.search(HEADING_END);
  // No end mark, or nothing after it: the whole line is the heading.
  const end = cut < 0 || words.slice(cut + 1).trim().length === 0 ? words.length : cut + 1;
  if (level === 5) return pieces;
  const out: Piece[] = [];
  let at = 0;
  for (const p of pieces) {
    if (p.kind !== 'text') {
      out.push(p);
      continue;
    }
    const from = at;
    at += p.text.length;
    if (at <= end) out.push({ ...p, heading: true, bold: false });
    else if (from >= end) out.push(p);
    else {
      out.push({ ...p, text: p.text.slice(0, end - from), heading: true, bold: false });
      out.push({ ...p, text: p.text.slice(end - from) });
    }
  }
  return out;
}

const ATTACHMENT = /^附件[：:]/;
const ITEM_MARKER = /^[0-9０-９]{1,2}[.．、]/;

function isShortTitleLine(words: string): boolean {
  return words.length > 0 && words.length <= 40 && !SENTENCE_MARK.test(words) && !/[：:]$/.test(words);
}

/** Builds the plan of a checked report. `front`: the front matter's letterhead and imprint fields, when the style asks for them; `runs`: the check's parse, where it has one. */
export function planReport(result: CheckResult, front: FrontFields | undefined, style: { letterhead: boolean; imprint: boolean }, runs: readonly ParsedRun[] = []): Plan {
  const model = result.model;
  const text = model.text;
  const notes = new Map<string, Piece[][]>();
  const blanks = findPlaceholders(model, result.config.placeholders.extra, result.config.placeholders.allow);
  const isBlank = (offset: number) => blanks.some((b) => b.start <= offset && offset < b.end);
  const all = documentItems(text, model.lines, notes, isBlank, runs);
  const lineInfo = (n: number): LineInfo | undefined => model.lines[n - 1];
  const lines = all.filter((x): x is Extract<Item, { kind: 'line' }> => x.kind === 'line');
  const byLine = new Map<number, Extract<Item, { kind: 'line' }>>();
  for (const l of lines) if (!byLine.has(l.line)) byLine.set(l.line, l);

  // The title: the model's title line, with the lines of the same paragraph (or the h1s right
  // before and after it) that read as more of the title.
  const titleLines = new Set<number>();
  const titleLine = model.title?.line;
  if (titleLine !== undefined && byLine.has(titleLine)) {
    titleLines.add(titleLine);
    const t = byLine.get(titleLine)!;
    const sameKind = (n: number) => {
      const other = byLine.get(n);
      if (!other || other.code || lineInfo(n)?.numbered) return false;
      if ((other.heading === undefined) !== (t.heading === undefined)) return false;
      if (t.heading !== undefined && other.heading !== t.heading) return false;
      return isShortTitleLine(visible(trimLine(other.pieces)).trim());
    };
    for (let n = titleLine - 1; sameKind(n) && lineInfo(n)?.kind !== 'blank'; n--) titleLines.add(n);
    for (let n = titleLine + 1; sameKind(n) && lineInfo(n)?.kind !== 'blank'; n++) titleLines.add(n);
    // A heading split by a hard break or <br> gives several lines at one source line: all title.
  }

  // The signature block (落款): from the model.
  const sigStart = model.signature?.startLine;
  // 附件说明: the last 附件： line, when only its items (and the signature) follow it. A long
  // name wrapped onto an indented line right under it (7.3.4) is more of that name.
  let attachmentLine: number | undefined;
  const attachmentItems = new Set<number>();
  const attachmentWraps = new Set<number>();
  const isSignature = (n: number) => sigStart !== undefined && n >= sigStart;
  for (let i = lines.length - 1; i >= 0; i--) {
    const words = visible(trimLine(lines[i].pieces)).trim();
    if (!ATTACHMENT.test(words) || lines[i].code || lineInfo(lines[i].line)?.kind === 'table' || isSignature(lines[i].line)) continue;
    const nameOnLine = words.replace(ATTACHMENT, '').trim().length > 0;
    // What follows, the signature aside: numbered names (a long one wrapped onto an indented line
    // right under it), or (after a bare 附件：) one name.
    const rest = lines.slice(i + 1).filter((l) => !isSignature(l.line));
    if (rest.length <= 20) {
      const isItem = (l: (typeof rest)[number]) => ITEM_MARKER.test(visible(trimLine(l.pieces)).trim());
      const wraps = new Set(rest.filter((l, k) => l.line === (k === 0 ? lines[i].line : rest[k - 1].line) + 1 && /^[ \t\u3000]/.test(lineInfo(l.line)?.text ?? '') && !isItem(l)));
      if (rest.every((l) => wraps.has(l) || isItem(l)) || (!nameOnLine && rest.length === 1)) {
        attachmentLine = lines[i].line;
        for (const l of rest) attachmentItems.add(l.line);
        for (const l of wraps) attachmentWraps.add(l.line);
      }
    }
    break;
  }

  const blocks: Block[] = [];
  if (style.letterhead && front && (front.发文机关 || front.发文字号)) blocks.push({ kind: 'letterhead', organ: front.发文机关, number: front.发文字号 });

  let titleDone = false;
  let sawBody = false;
  let addresseeChecked = false;
  const signers: string[] = [];
  let date: string | undefined;
  let attachment: { label: string; items: string[] } | undefined;
  const emitTitle = () => {
    const words = [...titleLines].sort((a, b) => a - b).flatMap((n) => lines.filter((l) => l.line === n).map((l) => visible(trimLine(l.pieces)).replace(/^[*_]+|[*_]+$/g, '').trim()));
    blocks.push({ kind: 'title', lines: words.filter((w) => w.length > 0) });
    blocks.push({ kind: 'blank' });
    if (style.letterhead && front?.主送机关) {
      const to = front.主送机关.trim();
      blocks.push({ kind: 'addressee', pieces: [{ kind: 'text', text: /[：:]$/.test(to) ? to : `${to}：`, bold: false, strike: false }] });
      addresseeChecked = true;
    }
    titleDone = true;
  };

  for (const item of all) {
    if (item.kind === 'blank') continue;
    if (item.kind === 'table') {
      blocks.push(tableBlock(item.node, item.ctx));
      sawBody = true;
      continue;
    }
    const n = item.line;
    if (titleLines.has(n)) {
      if (!titleDone) emitTitle();
      continue;
    }
    const pieces = trimLine(item.pieces);
    if (pieces.length === 0) continue;
    const words = visible(pieces);
    if (isSignature(n) && !item.code) {
      const isLast = !lines.some((l) => l.line > n);
      if (isLast) date = normalizeDate(words.trim());
      else signers.push(words.trim());
      continue;
    }
    if (n === attachmentLine) {
      const name = words.replace(ATTACHMENT, '').trim();
      attachment = { label: words.slice(0, words.search(/[：:]/) + 1).replace(':', '：'), items: name ? [name] : [] };
      continue;
    }
    if (attachmentItems.has(n) && attachment) {
      if (attachmentWraps.has(n) && attachment.items.length > 0) attachment.items[attachment.items.length - 1] += words.trim();
      else attachment.items.push(words.trim());
      continue;
    }
    // 主送机关 or a salutation: the first line after the title, short, ending with a colon.
    if (!addresseeChecked && !item.code) {
      addresseeChecked = true;
      if (titleDone && !sawBody && item.heading === undefined && !lineInfo(n)?.numbered && /[：:]$/.test(words.trim()) && words.length <= 40 && !/[。！？；]/.test(words)) {
        blocks.push({ kind: 'addressee', pieces });
        sawBody = true;
        continue;
      }
    }
    sawBody = true;
    // An image alone on its line: a figure.
    if (pieces.length === 1 && pieces[0].kind === 'image') {
      blocks.push({ kind: 'image', image: pieces[0] });
      continue;
    }
    const info = lineInfo(n);
    const numbered = info?.numbered && info.numbered.scope.kind === 'body' && !item.code ? info.numbered : undefined;
    // Only a Markdown heading gets an outline level, not a numbered paragraph (`一、文物保护。完成…`,
    // `1.村里存在的困难…`): the checker tells headings from numbered paragraphs, and a Word outline
    // level makes the importer write a heading, whole paragraph and all.
    if (numbered) blocks.push({ kind: 'paragraph', pieces: splitRunIn(pieces, numbered.level), level: numbered.level, outline: item.heading !== undefined });
    else if (item.heading !== undefined) blocks.push({ kind: 'paragraph', pieces: pieces.map((p) => (p.kind === 'text' ? { ...p, heading: true, bold: false } : p)), headingDepth: item.heading, outline: true });
    else blocks.push({ kind: 'paragraph', pieces, plain: item.code });
  }
  if (!titleDone && titleLines.size > 0) emitTitle();
  if (attachment) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'attachments', label: attachment.label || '附件：', items: attachment.items });
  }
  if (date !== undefined || signers.length > 0) {
    blocks.push({ kind: 'blank' });
    // A block without a date (cannot happen with the model's signature, which ends in one) keeps its lines.
    blocks.push({ kind: 'signature', signers, date: date ?? '' });
  }
  if (style.imprint && front && (front.抄送 || front.印发机关 || front.印发日期)) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'imprint', cc: front.抄送, printer: front.印发机关, printDate: front.印发日期 ? normalizeDate(front.印发日期) : undefined });
  }
  return { blocks, notes };
}

function tableBlock(node: Table, ctx: BlockContext): Extract<Block, { kind: 'table' }> {
  // GFM: a row's cells beyond the header row's count are not part of the table (a reader of the
  // Markdown never sees them; a trailing `<!-- … -->` after the last pipe is such a cell).
  const columns = node.children[0]?.children.length ?? 0;
  const rows = node.children.map((row, r) => ({
    header: r === 0,
    cells: row.children.slice(0, columns).map((cell) => {
      const ls = phrasingLines(cell.children, cell.position?.start.line ?? 1, ctx);
      const paras = ls.map((l) => trimLine(l.pieces)).filter((p) => p.length > 0);
      return paras.length > 0 ? paras : [[]];
    }),
  }));
  return { kind: 'table', rows, align: node.align ?? [] };
}

/** Width of a text in characters of its font size (half-width characters count half). */
export { textWidth };
