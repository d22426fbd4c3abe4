// required-section: a section the report type requires (存在问题, 下一步打算, …) is absent.
// Problems and plans written as unnumbered closing paragraphs count as present.

import { formatNumeral, standardMarker } from '../model/markers.js';
import type { NumberedLine, ReportModel } from '../model/report-model.js';
import type { RoleDefinition } from '../report-types.js';
import { msg, type OffsetEdit, type Rule } from '../rule.js';

export const requiredSection: Rule = {
  meta: {
    id: 'required-section',
    description: msg('报告缺少该类型必备的部分（如存在问题、下一步打算）', 'The report lacks a section its type requires (problems, next steps, …)'),
    defaultSeverity: 'warning',
    docs: 'docs/rules/required-section.md',
    fixable: true,
  },
  check({ model, config, report }) {
    const present = new Set(model.roles.map((r) => r.role));
    const required = config.type.required;
    const title = model.title;
    const at = title ? { start: title.start, end: title.end } : firstText(model);
    for (let i = 0; i < required.length; i++) {
      const id = required[i];
      if (present.has(id)) continue;
      const role = config.roles[id];
      // Insert before the first present role that must come after this one, else at the end.
      const later = required.slice(i + 1).filter((r) => present.has(r));
      const before = model.roles.find((r) => later.includes(r.role) && r.topLevel);
      const edits = frameEdits(model, role, before?.line);
      const name = role.name;
      report({
        start: at.start,
        end: at.end,
        message: msg(
          `「${config.typeName}」应包含「${name['zh-CN']}」部分，本文没有找到`,
          `A ${config.typeName} report needs a "${name.en}" section; none was found`,
        ),
        fix: { title: msg(`插入「${name['zh-CN']}」部分的框架`, `Insert a "${name.en}" section frame`), edits },
      });
    }
  },
};

function firstText(model: ReportModel): { start: number; end: number } {
  const l = model.lines.find((x) => x.kind === 'text') ?? model.lines[0];
  return { start: l.contentStart, end: l.end };
}

/** The edits that insert a role's frame: a numbered section when the report numbers its
 * top sections (with the next ordinal, in the report's own heading style), else a closing paragraph. */
function frameEdits(model: ReportModel, role: RoleDefinition, beforeLine: number | undefined): OffsetEdit[] {
  const eol = model.eol;
  const tops = model.numbered.filter((n) => n.scope === 'body' && n.top && n.level === model.topLevel);
  if (model.numberedSections && tops.length > 0) {
    const last = tops[tops.length - 1];
    const level = last.level;
    const headingPrefix = last.heading && last.heading.kind === 'atx' ? '#'.repeat(last.heading.depth) + ' ' : '';
    const edits: OffsetEdit[] = [];
    let value: number;
    let insertAt: number;
    if (beforeLine !== undefined) {
      // Take the place (and number) of the section it goes before; renumber that one and the rest.
      const following = tops.filter((n) => n.line >= beforeLine);
      const first = following[0];
      value = first ? first.value : last.value + 1;
      insertAt = first ? model.lines[first.line - 1].start : model.text.length;
      following.forEach((n: NumberedLine, k) => edits.push({ start: n.marker.numeralStart, end: n.marker.numeralEnd, text: formatNumeral(level, value + k + 1) }));
      const frame = headingPrefix + standardMarker(level, formatNumeral(level, value)) + role.frameHeading + eol + role.frameBody + eol;
      edits.push({ start: insertAt, end: insertAt, text: frame + (headingPrefix ? eol : '') });
      return edits;
    }
    value = last.value + 1;
    const frame = headingPrefix + standardMarker(level, formatNumeral(level, value)) + role.frameHeading + eol + role.frameBody;
    return [appendAtEnd(model, frame, headingPrefix !== '')];
  }
  if (beforeLine !== undefined) {
    const start = model.lines[beforeLine - 1].start;
    return [{ start, end: start, text: role.frameParagraph + eol + eol }];
  }
  return [appendAtEnd(model, role.frameParagraph, true)];
}

/** Inserts after the last non-blank line, separated by a blank line when `paragraph`. */
function appendAtEnd(model: ReportModel, block: string, paragraph: boolean): OffsetEdit {
  const eol = model.eol;
  let last = model.lines.length - 1;
  while (last > 0 && model.lines[last].kind === 'blank') last--;
  const end = model.lines[last].end;
  const sep = paragraph ? eol + eol : eol;
  return { start: end, end, text: sep + block };
}
