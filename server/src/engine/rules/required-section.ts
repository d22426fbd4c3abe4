// required-section: a section the report type requires (存在问题, 下一步打算, …) is absent.
// Problems and plans written as unnumbered closing paragraphs count as present.

import { formatNumeral, standardMarker } from '../model/markers.js';
import type { NumberedLine, ReportModel, RoleOccurrence } from '../model/report-model.js';
import type { RoleDefinition } from '../report-types.js';
import { defineRule, localized, type OffsetEdit } from '../rule.js';

export const requiredSection = defineRule({
  meta: {
    id: 'required-section',
    name: localized('必备部分', 'required section'),
    description: localized('报告缺少该类型必备的部分（如存在问题、下一步打算）', 'The report lacks a section its type requires (problems, next steps, …)'),
    category: 'structure',
    defaultSeverity: 'warning',
    docs: 'docs/rules/required-section.md',
    fixable: true,
    fixNote: localized('插入该部分的框架，空位用【待补充】标出', 'inserts a frame of the section, its blanks marked 【待补充】'),
    messages: {
      missing: { 'zh-CN': '「{type}」应包含「{role}」部分，本文没有找到', en: 'A {type} report needs a "{role}" section; none was found' },
      insertFrame: { 'zh-CN': '插入「{role}」部分的框架', en: 'Insert a "{role}" section frame' },
    },
  },
  check({ model, config, report }) {
    if (!config.checkStructure) return;
    const present = new Set(model.roles.map((r) => r.role));
    const required = config.type.required;
    const title = model.title;
    const at = title ? { start: title.start, end: title.end } : firstText(model);
    for (let i = 0; i < required.length; i++) {
      const id = required[i];
      if (present.has(id)) continue;
      const role = { ...config.roles[id], ...config.type.frames?.[id] };
      // Insert before the first present role that must come after this one, else at the end.
      const later = required.slice(i + 1).filter((r) => present.has(r));
      const before = model.roles.find((r) => later.includes(r.role) && r.reportLevel);
      const edits = frameEdits(model, role, before);
      // The role's name is a pair of texts, built-in or from the configuration.
      const name = role.name;
      const fix = edits ? { messageId: 'insertFrame' as const, data: { role: name }, edits } : undefined;
      report({ start: at.start, end: at.end, messageId: 'missing', data: { type: config.typeName, role: name }, fix });
    }
  },
});

function firstText(model: ReportModel): { start: number; end: number } {
  const l = model.lines.find((x) => x.kind === 'text') ?? model.lines[0];
  return { start: l.contentStart, end: l.end };
}

/**
 * The edits that insert a role's frame where it belongs:
 * - before the first present role that must follow it, in that section's own form (a numbered
 *   section taking its number, the later ones renumbered; a plain heading; a closing paragraph);
 * - otherwise at the end: a numbered section with the next top-level ordinal when the report
 *   numbers its sections (in the report's heading style), else a closing paragraph.
 */
function frameEdits(model: ReportModel, role: RoleDefinition, before: RoleOccurrence | undefined): OffsetEdit[] | undefined {
  const eol = model.eol;
  if (before) {
    const line = model.lines[before.line - 1];
    const at = line.start;
    const node = line.numbered;
    if (before.source === 'heading' && node && node.scope.kind === 'body') {
      const level = node.level;
      const siblings = model.numbered.filter((n) => n.scope.kind === 'body' && n.parent === node.parent && n.level === level && n.line >= node.line);
      const prefix = headingPrefix(node);
      const frame = prefix + standardMarker(level, formatNumeral(level, node.value)) + role.frameHeading + eol + role.frameBody + eol + (prefix ? eol : '');
      // One edit from the line start through the section's numeral: the frame, then the
      // section renumbered (its numeral may begin right at the line start). Later siblings follow.
      const edits: OffsetEdit[] = [
        { start: at, end: node.marker.numeralEnd, text: frame + model.text.slice(at, node.marker.numeralStart) + formatNumeral(level, node.value + 1) },
      ];
      siblings.slice(1).forEach((n, k) => edits.push({ start: n.marker.numeralStart, end: n.marker.numeralEnd, text: formatNumeral(level, node.value + k + 2) }));
      return edits;
    }
    if (before.source === 'heading' && line.heading) {
      const frame = '#'.repeat(line.heading.depth) + ' ' + role.frameHeading + eol + role.frameBody + eol + eol;
      return [{ start: at, end: at, text: frame }];
    }
    return [{ start: at, end: at, text: role.frameParagraph + eol + eol }];
  }
  const tops = model.numbered.filter((n) => n.scope.kind === 'body' && n.outermost && n.level === model.sectionLevel);
  if (model.numberedSections && tops.length > 0) {
    const last = tops[tops.length - 1];
    const prefix = headingPrefix(last);
    const frame = prefix + standardMarker(last.level, formatNumeral(last.level, last.value + 1)) + role.frameHeading + eol + role.frameBody;
    const edit = appendAtEnd(model, frame);
    return edit ? [edit] : undefined;
  }
  const edit = appendAtEnd(model, role.frameParagraph);
  return edit ? [edit] : undefined;
}

function headingPrefix(node: NumberedLine): string {
  return node.heading && node.heading.kind === 'atx' ? '#'.repeat(node.heading.depth) + ' ' : '';
}

/** Inserts after the last non-blank line, separated by a blank line (so that it never joins a table or list),
 * or before the closing signature block (落款) when there is one.
 * Undefined when the document ends inside code or an unclosed HTML block, where inserted
 * text would not count as report text. */
function appendAtEnd(model: ReportModel, block: string): OffsetEdit | undefined {
  const eol = model.eol;
  // The last line of text, or the last one above the signature.
  let at = model.signature ? model.signature.startLine - 2 : model.lines.length - 1;
  while (at > 0 && model.lines[at].kind === 'blank') at--;
  if (at < 0 || model.lines[at].kind === 'excluded') return undefined;
  const end = model.lines[at].end;
  return { start: end, end, text: eol + eol + block };
}

