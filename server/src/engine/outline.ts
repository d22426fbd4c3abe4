// The report's outline as the numbering builds it: sections with their extent, the marker path
// of a numbered line (二、（三）2.), and the ordinals that may come next at a line. Editor-free:
// the language server turns these into document symbols, folding ranges, hovers and completions.

import { formatNumeral, standardMarker, type Level } from './model/markers.js';
import type { NumberedLine, ReportModel, SectionNode } from './model/report-model.js';

export interface OutlineNode {
  node: SectionNode;
  /** `一、强化保障` — the marker as written and the heading words; plain headings: their text. */
  label: string;
  /** 1-based first and last line of the section (the last non-blank line before the next section that is not inside it). */
  line: number;
  endLine: number;
  children: OutlineNode[];
}

/** Sections of the body (numbered lines and plain headings) as a tree, in document order. */
export function buildOutline(model: ReportModel): OutlineNode[] {
  const nodes: SectionNode[] = [...model.numbered.filter((n) => n.scope.kind === 'body'), ...model.headings].sort((a, b) => a.line - b.line);
  const byNode = new Map<SectionNode, OutlineNode>();
  const roots: OutlineNode[] = [];
  for (const node of nodes) {
    const label = node.kind === 'numbered' ? `${node.marker.written}${node.title}` : node.title;
    const o: OutlineNode = { node, label: label.trim() || model.lines[node.line - 1].text.trim(), line: node.line, endLine: node.line, children: [] };
    byNode.set(node, o);
    const parent = node.parent ? byNode.get(node.parent) : undefined;
    (parent ? parent.children : roots).push(o);
  }
  // A section ends where the next node that is not its descendant begins; the last one, above
  // the signature block.
  const lastLine = model.signature ? trimBlank(model, model.signature.startLine - 1) : lastTextLine(model);
  const close = (list: OutlineNode[], end: number) => {
    list.forEach((o, i) => {
      const next = i + 1 < list.length ? list[i + 1].line - 1 : end;
      o.endLine = trimBlank(model, Math.max(o.line, next));
      close(o.children, o.endLine);
    });
  };
  close(roots, lastLine);
  return roots;
}

function lastTextLine(model: ReportModel): number {
  let n = model.lines.length;
  while (n > 1 && model.lines[n - 1].kind === 'blank') n--;
  return n;
}

function trimBlank(model: ReportModel, line: number): number {
  let n = line;
  while (n > 1 && model.lines[n - 1].kind === 'blank') n--;
  return n;
}

/** `二、（三）2.` — the standard markers from the top section down to this one. */
export function markerPath(node: NumberedLine): string {
  const parts: string[] = [];
  for (let n: SectionNode | undefined = node; n; n = n.parent) {
    if (n.kind === 'numbered') parts.unshift(n.marker.standard);
  }
  return parts.join('');
}

export interface NextMarker {
  level: Level;
  marker: string;
  /** The section it continues, or the one it opens a first child under. */
  after?: NumberedLine;
  kind: 'sibling' | 'child';
}

/**
 * The markers that may start line `line` (1-based): the next ordinal at each open level, from
 * the deepest up, then the first child of the deepest open section.
 */
export function nextMarkers(model: ReportModel, line: number): NextMarker[] {
  const before = model.numbered.filter((n) => n.scope.kind === 'body' && n.line < line);
  const out: NextMarker[] = [];
  const last = before[before.length - 1];
  if (!last) {
    out.push({ level: 1, marker: standardMarker(1, formatNumeral(1, 1)), kind: 'child' });
    return out;
  }
  const seen = new Set<number>();
  for (let n: SectionNode | undefined = last; n; n = n.parent) {
    if (n.kind !== 'numbered' || seen.has(n.level)) continue;
    seen.add(n.level);
    out.push({ level: n.level, marker: standardMarker(n.level, formatNumeral(n.level, n.value + 1)), after: n, kind: 'sibling' });
  }
  if (last.level < 5) {
    const level = (last.level + 1) as Level;
    out.unshift({ level, marker: standardMarker(level, formatNumeral(level, 1)), after: last, kind: 'child' });
  }
  return out;
}
