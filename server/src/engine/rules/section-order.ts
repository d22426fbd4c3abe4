// section-order: the report type's sections come in its order (problems before plans).

import { msg, type Rule } from '../rule.js';

export const sectionOrder: Rule = {
  meta: {
    id: 'section-order',
    description: msg('各部分应按报告类型规定的顺序排列（先存在问题，后下一步打算）', 'Sections follow the order of the report type (problems before next steps)'),
    defaultSeverity: 'warning',
    docs: 'docs/rules/section-order.md',
    fixable: false,
  },
  check({ model, config, report }) {
    if (!config.checkStructure) return;
    const required = config.type.required;
    // The first top-level occurrence of each role.
    const first = new Map<string, { line: number; offset: number }>();
    for (const r of model.roles) {
      if (!r.topLevel || first.has(r.role)) continue;
      first.set(r.role, { line: r.line, offset: r.offset });
    }
    for (let i = 0; i < required.length; i++) {
      const here = first.get(required[i]);
      if (!here) continue;
      for (let j = 0; j < i; j++) {
        const earlier = first.get(required[j]);
        // Both on one line (三、存在问题和下一步打算) is in order.
        if (!earlier || earlier.line <= here.line) continue;
        const a = config.roles[required[i]].name;
        const b = config.roles[required[j]].name;
        const line = model.lines[here.line - 1];
        report({
          start: line.contentStart,
          end: line.end,
          message: msg(`「${a['zh-CN']}」应放在「${b['zh-CN']}」之后（第 ${earlier.line} 行）`, `"${a.en}" should come after "${b.en}" (line ${earlier.line})`),
        });
        break;
      }
    }
  },
};
