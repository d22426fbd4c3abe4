// section-order: the report type's sections come in its order (problems before plans).

import { defineRule, localized } from '../rule.js';

export const sectionOrder = defineRule({
  meta: {
    id: 'section-order',
    name: localized('部分顺序', 'section order'),
    description: localized('各部分应按报告类型规定的顺序排列（先存在问题，后下一步打算）', 'Sections follow the order of the report type (problems before next steps)'),
    category: 'structure',
    defaultSeverity: 'warning',
    docs: 'docs/rules/section-order.md',
    fixable: false,
    fixNote: localized('调整结构需要作者决定', "restructuring is the writer's decision"),
    messages: {
      // {section} and {after} are the roles' names, a pair of texts.
      outOfOrder: { 'zh-CN': '「{section}」应放在「{after}」之后（第 {line} 行）', en: '"{section}" should come after "{after}" (line {line})' },
    },
  },
  check({ model, config, report }) {
    if (!config.checkStructure) return;
    const required = config.type.required;
    // The first top-level occurrence of each role.
    const first = new Map<string, { line: number; offset: number }>();
    for (const r of model.roles) {
      if (!r.reportLevel || first.has(r.role)) continue;
      first.set(r.role, { line: r.line, offset: r.offset });
    }
    for (let i = 0; i < required.length; i++) {
      const here = first.get(required[i]);
      if (!here) continue;
      for (let j = 0; j < i; j++) {
        const earlier = first.get(required[j]);
        // Both on one line (三、存在问题和下一步打算) is in order.
        if (!earlier || earlier.line <= here.line) continue;
        const line = model.lines[here.line - 1];
        report({
          start: line.contentStart,
          end: line.end,
          messageId: 'outOfOrder',
          data: { section: config.roles[required[i]].name, after: config.roles[required[j]].name, line: earlier.line },
        });
        break;
      }
    }
  },
});
