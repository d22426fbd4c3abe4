// heading-depth: where section markers open Markdown headings, one level uses one heading
// depth throughout (一、 always ##, （一） always ###…), so the outline matches the numbering.

import type { NumberedLine } from '../model/report-model.js';
import { defineRule, localized } from '../rule.js';

export const headingDepth = defineRule({
  meta: {
    id: 'heading-depth',
    name: localized('标题深度', 'heading depth'),
    description: localized('同一级序号的 Markdown 标题应使用相同的 # 数', 'Numbered Markdown headings of one level use one heading depth'),
    category: 'numbering',
    defaultSeverity: 'warning',
    docs: 'docs/rules/heading-depth.md',
    fixable: true,
    fixNote: localized('改为多数标题所用的 `#` 数（仅限 `#` 式标题）', 'uses the depth most headings of that level use (`#` headings only)'),
    messages: {
      inconsistent: { 'zh-CN': '「{marker}」一级的标题其他处用 {expected}，此处用了 {actual}（{depth} 级标题）', en: '"{marker}" level headings use {expected} elsewhere; this one uses {actual} (a depth-{depth} heading)' },
      changeTo: { 'zh-CN': '改为 {expected}', en: 'Change to {expected}' },
    },
  },
  check({ model, report }) {
    const byLevel = new Map<number, NumberedLine[]>();
    for (const n of model.numbered) {
      if (!n.heading || n.scope.kind !== 'body') continue;
      const list = byLevel.get(n.level);
      if (list) list.push(n);
      else byLevel.set(n.level, [n]);
    }
    for (const [, list] of byLevel) {
      // The depth most headings of this level use; on a tie, the first one's.
      const counts = new Map<number, number>();
      for (const n of list) counts.set(n.heading!.depth, (counts.get(n.heading!.depth) ?? 0) + 1);
      let want = list[0].heading!.depth;
      for (const [depth, count] of counts) if (count > (counts.get(want) ?? 0)) want = depth;
      for (const n of list) {
        const h = n.heading!;
        if (h.depth === want) continue;
        const hashes = '#'.repeat(want);
        const fix =
          h.kind === 'atx'
            ? { messageId: 'changeTo' as const, data: { expected: hashes }, edits: [{ start: h.start, end: markEnd(model.text, h.start), text: hashes }] }
            : undefined;
        report({
          start: h.start,
          end: n.marker.end,
          messageId: 'inconsistent',
          data: { marker: n.marker.written, expected: hashes, actual: '#'.repeat(h.depth), depth: h.depth },
          fix,
        });
      }
    }
  },
});

function markEnd(text: string, start: number): number {
  let p = start;
  while (text.charCodeAt(p) === 35) p++;
  return p;
}
