// Inline directives in HTML comments:
//   <!-- gongwen-disable [rule …] -->            from here on (all rules when none is named)
//   <!-- gongwen-enable [rule …] -->             from here on
//   <!-- gongwen-disable-next-line [rule …] -->  the line after the comment
//   <!-- gongwen-disable-line [rule …] -->       the comment's own line

import type { ReportModel } from './model/report-model.js';
import type { Diagnostic } from './types.js';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  offset: number;
  line: number;
  /** Empty: every rule. */
  rules: string[];
}

const COMMENT = /<!--\s*gongwen-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

export function readDirectives(model: ReportModel): Directive[] {
  const out: Directive[] = [];
  for (const h of model.md.html) {
    COMMENT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = COMMENT.exec(h.value))) {
      const offset = h.start + m.index;
      const endOffset = offset + m[0].length;
      const rules = m[2].split(/[\s,，]+/).filter((r) => r.length > 0);
      const kind = m[1] as Directive['kind'];
      const line = kind === 'disable-next-line' ? model.index.position(endOffset).line + 1 : model.index.position(offset).line;
      out.push({ kind, offset, line, rules });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Drops diagnostics that a directive turns off. */
export function applyDirectives(model: ReportModel, diagnostics: Diagnostic[]): Diagnostic[] {
  const directives = readDirectives(model);
  if (directives.length === 0) return diagnostics;
  const spans = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const lineRules = directives.filter((d) => d.kind === 'disable-next-line' || d.kind === 'disable-line');
  return diagnostics.filter((diag) => {
    const line = diag.range.start.line;
    for (const d of lineRules) {
      if (d.line === line && (d.rules.length === 0 || d.rules.includes(diag.rule))) return false;
    }
    // Replay the disable/enable comments before the diagnostic.
    let all = false;
    const off = new Set<string>(); // rules off while `all` is false
    const on = new Set<string>(); // rules back on while `all` is true
    for (const d of spans) {
      if (d.offset > diag.range.start.offset) break;
      const disabling = d.kind === 'disable';
      if (d.rules.length === 0) {
        all = disabling;
        off.clear();
        on.clear();
      } else {
        for (const r of d.rules) {
          if (all) {
            if (disabling) on.delete(r);
            else on.add(r);
          } else if (disabling) off.add(r);
          else off.delete(r);
        }
      }
    }
    return all ? on.has(diag.rule) : !off.has(diag.rule);
  });
}
