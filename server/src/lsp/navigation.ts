// Outline (document symbols), folding, hover and line-start completion, all read from the
// cached report model of the document's current version.

import {
  CompletionItemKind,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Position as LspPosition,
} from 'vscode-languageserver/node';
import { buildOutline, markerPath, nextMarkers, type OutlineNode } from '../engine/outline.js';
import type { CheckedVersion } from './document-checks.js';
import type { Locale } from '../engine/types.js';
import { diagnosticMessage } from '../engine/messages.js';
import { sectionFrames, snippetText } from '../engine/frames.js';

const KIND_BY_LEVEL: Record<number, SymbolKind> = {
  1: SymbolKind.Module,
  2: SymbolKind.Class,
  3: SymbolKind.Method,
  4: SymbolKind.Field,
  5: SymbolKind.EnumMember,
};

// The hovered marker is shown itself, so the level is named once, without a sample marker
// (二级（（一））序号 read as a doubled bracket).
const LEVEL_NAME = {
  'zh-CN': ['', '一级', '二级', '三级', '四级', '五级'],
  en: ['', 'level 1', 'level 2', 'level 3', 'level 4', 'level 5'],
};

/** What a placeholder's message says is to be filled in: the part after 「X」： / "X": — the
 * blank itself is under the pointer, and the diagnostic beside it says the rest. */
function toFillIn(message: string, locale: Locale): string {
  // The last 」： (or ": ): a blank may itself hold one.
  const m = locale === 'zh-CN' ? /^.*」：(.+)$/su.exec(message) : /^.*": (.+)$/su.exec(message);
  if (!m) return message;
  return locale === 'zh-CN' ? m[1] : m[1][0].toUpperCase() + m[1].slice(1);
}

export function documentSymbols(checked: CheckedVersion): DocumentSymbol[] {
  const model = checked.result.model;
  const positions = checked.positions;
  const lineEnd = (line: number) => positions.lineEnd(line);
  const convert = (o: OutlineNode): DocumentSymbol => {
    const kind = o.node.kind === 'numbered' ? KIND_BY_LEVEL[o.node.level] : SymbolKind.Namespace;
    const selection = o.node.kind === 'numbered' ? positions.range(model.index.range(o.node.marker.start, model.lines[o.line - 1].end)) : { start: { line: o.line - 1, character: 0 }, end: { line: o.line - 1, character: lineEnd(o.line) } };
    return {
      name: o.label,
      detail: o.node.kind === 'numbered' ? markerPath(o.node) : undefined,
      kind,
      range: { start: { line: o.line - 1, character: 0 }, end: { line: o.endLine - 1, character: lineEnd(o.endLine) } },
      selectionRange: selection,
      children: o.children.map(convert),
    };
  };
  return buildOutline(model).map(convert);
}

export function foldingRanges(checked: CheckedVersion): FoldingRange[] {
  const out: FoldingRange[] = [];
  const walk = (list: OutlineNode[]) => {
    for (const o of list) {
      if (o.endLine > o.line) out.push({ startLine: o.line - 1, endLine: o.endLine - 1, kind: FoldingRangeKind.Region });
      walk(o.children);
    }
  };
  walk(buildOutline(checked.result.model));
  return out;
}

/** `markdown`: the client offers Markdown (`hover.contentFormat`); else plain text. */
export function hover(checked: CheckedVersion, position: LspPosition, locale: Locale, markdown = true): Hover | null {
  const model = checked.result.model;
  const line = position.line + 1;
  const column = checked.positions.utf16Character(position.line, position.character) + 1;
  const numbered = model.numbered.find((n) => n.line === line && model.index.position(n.marker.start).column <= column && column <= model.index.position(n.marker.end).column);
  if (numbered) {
    const path = markerPath(numbered);
    const level = LEVEL_NAME[locale][numbered.level];
    const shown = markdown ? `**${path}**` : path;
    const text = locale === 'zh-CN' ? `${shown}　${level}序号` : `${shown} — ${level} section number`;
    return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: text }, range: checked.positions.range(model.index.range(numbered.marker.start, numbered.marker.end)) };
  }
  const offset = model.index.offsetAt(line, column);
  const blank = checked.result.diagnostics.find((d) => d.rule === 'placeholder' && d.range.start.offset <= offset && offset <= d.range.end.offset);
  if (blank) {
    // Plain words either way (no Markdown in them): sent as plain text, nothing to escape.
    return { contents: { kind: MarkupKind.PlainText, value: toFillIn(diagnosticMessage(blank, locale), locale) }, range: checked.positions.range(blank.range) };
  }
  return null;
}

const DETAIL = {
  sibling: { 'zh-CN': (p: string) => `接在「${p}」之后`, en: (p: string) => `next after ${p}` },
  child: { 'zh-CN': (p: string) => (p ? `「${p}」下的第一项` : '第一个一级标题'), en: (p: string) => (p ? `first item under ${p}` : 'first level-1 section') },
};

/** At the start of a line (only spaces, `#`s, `>` or a partial marker before the cursor): the next
 * ordinals. A line start with a frame's prefix typed (cmwt, 下一步打算, bt2 …): the section frames,
 * numbered with the next free numeral of their level and worded for the report's type. */
export function completions(checked: CheckedVersion, position: LspPosition, locale: Locale, snippets = true): CompletionItem[] {
  const model = checked.result.model;
  const lineInfo = model.lines[position.line];
  if (!lineInfo) return [];
  const before = lineInfo.text.slice(0, checked.positions.utf16Character(position.line, position.character));
  const prefix = /^([ \t\u3000]*(?:>[ \t]?)*)((?:#{1,6}[ \t]+)?(?:\*\*)?)(.*)$/.exec(before);
  if (!prefix) return [];
  const typed = prefix[3];
  const items: CompletionItem[] = [];
  if (/^[（(]?[一二三四五六七八九十0-9]*$/.test(typed)) {
    const start = prefix[1].length + prefix[2].length;
    nextMarkers(model, position.line + 1).forEach((m, i) => {
      const parent = m.after ? markerPath(m.after) : '';
      items.push({
        label: m.marker,
        kind: CompletionItemKind.Enum,
        detail: DETAIL[m.kind][locale](parent),
        sortText: String(i).padStart(2, '0'),
        filterText: m.marker,
        textEdit: { range: { start: { line: position.line, character: checked.positions.character(position.line + 1, start) }, end: position }, newText: m.marker },
      });
    });
  }
  // A frame brings its own `#`s and replaces what was typed after the quote or indent.
  if (/^[A-Za-z0-9\u3400-\u9fff]*$/.test(typed) && !/^[0-9]/.test(typed)) {
    const start = prefix[1].length;
    const range = { start: { line: position.line, character: checked.positions.character(position.line + 1, start) }, end: position };
    const lower = typed.toLowerCase();
    sectionFrames(model, checked.result.config, position.line + 1).forEach((frame, f) => {
      for (const p of frame.prefixes) {
        if (!p.startsWith(lower)) continue;
        items.push({
          label: p,
          kind: CompletionItemKind.Snippet,
          detail: frame.heading,
          // Shown beside the prefix in the list: what the line will read (三、存在的问题和不足).
          labelDetails: { description: frame.heading.replace(/^#+[ \t]*/, '') },
          documentation: `${frame.name[locale]}\n\n${snippetText(frame.snippet)}`,
          sortText: `1${String(f).padStart(2, '0')}`,
          filterText: prefix[2] + p,
          insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          textEdit: { range, newText: snippets ? frame.snippet : snippetText(frame.snippet) },
        });
      }
    });
  }
  return items;
}
