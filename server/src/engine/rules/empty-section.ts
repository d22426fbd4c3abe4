// empty-section: structure with nothing inside — a section heading followed directly by the next
// heading of the same or a higher level (or by the end of the report), and a lead-in ending in ：
// (主要做法如下：) with nothing after it in its section.
//
// A numbered line is a heading only by its form: a short phrase, no sentence inside and none at
// its end (（1）扩建库房。 is a point of a list). Short numbered points in a row (1.加强学习
// 2.强化管理) are a list, not empty sections: a numbered line is reported only when a sibling of it
// has text under it. Under a Markdown heading, numbered paragraphs are its content whatever their
// level. Text a site cut out (……此处隐藏……) is missing for another reason: copy-residue reports it.

import { anyBetween } from '../model/omission.js';
import { BODY, type LineInfo, type ReportModel, type SectionNode } from '../model/report-model.js';
import { defineRule, localized } from '../rule.js';

/** Inside or at the end of a numbered line, marks that make it a sentence (a point or a run-in body), not a heading. */
const SENTENCE = /[。！？!?；;…]/;
const HEADING_LENGTH = 40;
const LEAD_IN_END = /[：:]/;

export const emptySection = defineRule({
  meta: {
    id: 'empty-section',
    name: localized('空章节', 'empty section'),
    description: localized('标题下面没有内容，或以“：”引出下文而后面没有内容', 'A heading with nothing under it, or a lead-in ending in ： with nothing after it'),
    category: 'structure',
    defaultSeverity: 'warning',
    docs: 'docs/rules/empty-section.md',
    fixable: false,
    fixNote: localized('该补写内容还是删去标题，由作者决定', 'the writer decides whether to write the content or drop the heading'),
    messages: {
      emptySection: { 'zh-CN': '「{title}」下面没有内容', en: 'Nothing under "{title}"' },
      emptyLeadIn: { 'zh-CN': '「{lead}」引出的内容缺失：后面没有内容', en: '"{lead}" leads in to nothing: no text follows it' },
    },
  },
  check({ model, report }) {
    const text = model.text;
    const lines = model.lines;
    const sections = sectionNodes(model).filter((s) => !isContentsEntry(model, s));
    const count = sections.length;
    // Facts per section by its position in `sections`: arrays, not maps, so that a report of many
    // numbered lines costs little per line.
    const position = new Map<SectionNode, number>();
    sections.forEach((s, i) => position.set(s, i));
    const headingState = new Int8Array(count); // 0 unknown, 1 heading-like, 2 not
    const isHeading = (s: SectionNode): boolean => {
      const i = position.get(s);
      if (i === undefined) return headingLike(model, s);
      if (headingState[i] === 0) headingState[i] = headingLike(model, s) ? 1 : 2;
      return headingState[i] === 1;
    };
    const titleLine = model.title?.line;
    const lastLine = model.signature ? model.signature.startLine - 1 : lines.length;
    /** The section on each line, by line number (1-based), as its position + 1; 0 for none. */
    const sectionAt = new Int32Array(lines.length + 2);
    sections.forEach((s, i) => (sectionAt[s.line] = i + 1));
    const nextLine = (i: number) => (i + 1 < count ? sections[i + 1].line : lastLine + 1);
    /** Text a site cut out lies in lines [from, to]. */
    const omittedIn = (from: number, to: number): boolean =>
      model.omissions.length > 0 && anyBetween(model.omissions, lines[from - 1].start - 1, to <= lines.length ? lines[Math.max(from, to) - 1].end + 1 : text.length + 1);

    // Sections with text of their own under them (a paragraph, a table or code before the next
    // section line; an HTML comment is no text), and sections with sections inside them.
    const prose = new Uint8Array(count);
    const parent = new Int32Array(count).fill(-1);
    const hasChild = new Uint8Array(count);
    sections.forEach((s, i) => {
      for (let n = s.line + 1; n < nextLine(i) && n <= lastLine; n++) {
        if (isContent(lines[n - 1]) && !omittedIn(n, n)) {
          prose[i] = 1;
          break;
        }
      }
      const p = s.parent ? position.get(s.parent) : undefined;
      if (p !== undefined) {
        parent[i] = p;
        hasChild[p] = 1;
      }
    });
    const listOfHeadings = siblingGroups(sections, parent, prose);

    sections.forEach((s, i) => {
      if (prose[i] || hasChild[i] || s.line === titleLine || s.line > lastLine) return;
      const next = i + 1 < count && sections[i + 1].line <= lastLine ? sections[i + 1] : undefined;
      if (isMarkdownHeading(s)) {
        // Numbered paragraphs and deeper headings after a Markdown heading are its content.
        if (next && (!isMarkdownHeading(next) || depthOf(next) > depthOf(s))) return;
      } else {
        // Short numbered points in a row are a list: only a heading among siblings with text under
        // them is empty (see siblingGroups).
        if (!listOfHeadings[i]) return;
        if (!isHeading(s) || isListItem(model, s)) return;
        if (next && isInside(next, s)) return;
      }
      // Text a site cut out near it: the section's text may be what is missing.
      if (omittedIn(i > 0 ? sections[i - 1].line : s.line, next ? next.line - 1 : lastLine)) return;
      const line = lines[s.line - 1];
      const start = s.kind === 'numbered' ? s.marker.start : line.contentStart;
      report({ start, end: contentEnd(text, line), messageId: 'emptySection', data: { title: headingText(model, s) } });
    });

    // Lead-ins: a line ending in ： followed by nothing in its section.
    let current: SectionNode | undefined;
    for (let n = 1; n <= lastLine; n++) {
      const l = lines[n - 1];
      const own = sectionAt[n] > 0 ? sections[sectionAt[n] - 1] : undefined;
      if (own) current = own;
      if (l.kind !== 'text' || l.heading || n === titleLine) continue;
      const end = contentEnd(text, l);
      if (end <= l.contentStart || !LEAD_IN_END.test(text[end - 1])) continue;
      // A heading that ends in ： is a section, reported above when empty.
      if (own && isHeading(own)) continue;
      // A field's label (传真：, 联系人：, a site's or a form's), not a lead-in to the next point.
      if (fieldLabel(text.slice(l.contentStart, end - 1))) continue;
      // The section the lead-in belongs to: the nearest heading around it (a numbered point such
      // as 3. 第三项。 does not hold the paragraphs after it).
      let section = current;
      while (section && section !== own && !isMarkdownHeading(section) && !isHeading(section)) section = section.parent;
      let m = n + 1;
      while (m <= lastLine && lines[m - 1].kind === 'blank') m++;
      if (m <= lastLine) {
        const next = sectionAt[m] > 0 ? sections[sectionAt[m] - 1] : undefined;
        // Text, a table, a list or code follows it.
        if (!next) continue;
        // Before the first section (the opening's 现将有关情况汇报如下：) any section follows it.
        if (!section || isInside(next, section)) continue;
        // A numbered point above the report's first section (a stray 1. before 一、): the lead-in opens the report.
        if (section.kind === 'numbered' && !section.parent && next.kind === 'numbered' && next.level < section.level) continue;
        if (isMarkdownHeading(section) && !isMarkdownHeading(next)) continue;
      }
      if (omittedIn(n, m - 1)) continue;
      const from = Math.max(l.contentStart, end - 12);
      report({ start: l.contentStart, end, messageId: 'emptyLeadIn', data: { lead: text.slice(from, end) } });
    }
  },
});

/** A line that is text under a heading: a paragraph, a table row, code; not a blank line nor an HTML comment. */
function isContent(line: LineInfo): boolean {
  if (line.kind === 'text' || line.kind === 'table') return true;
  return line.kind === 'excluded' && !/^\s*<!--/.test(line.text);
}

/** The body's section nodes (numbered lines outside tables, and Markdown headings) in line order. */
function sectionNodes(model: ReportModel): SectionNode[] {
  const out: SectionNode[] = [];
  const numbered = model.numbered.filter((n) => n.scope === BODY);
  let i = 0;
  let j = 0;
  while (i < numbered.length || j < model.headings.length) {
    if (j >= model.headings.length || (i < numbered.length && numbered[i].line <= model.headings[j].line)) out.push(numbered[i++]);
    else out.push(model.headings[j++]);
  }
  return out;
}

/** A line of a table of contents: a title and its page number (5.……工作总结和下半年工作谋划33). */
const CONTENTS_ENTRY = /[\u3400-\u9fff…．.·\s\u3000][0-9]{1,3}$/;

function isContentsEntry(model: ReportModel, s: SectionNode): boolean {
  if (s.kind !== 'numbered') return false;
  const line = model.lines[s.line - 1];
  const last = model.text.charCodeAt(contentEnd(model.text, line) - 1);
  if (!(last >= 48 && last <= 57)) return false;
  return CONTENTS_ENTRY.test(model.text.slice(s.marker.end, contentEnd(model.text, line)));
}

function isMarkdownHeading(s: SectionNode): boolean {
  return s.heading !== undefined;
}

function depthOf(s: SectionNode): number {
  return s.heading?.depth ?? 7;
}

/** Whether `node` lies inside `section` (it or one of its ancestors is a child of `section`). */
function isInside(node: SectionNode, section: SectionNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === section) return true;
  return false;
}

/** Numbered lines outside Markdown headings, grouped with their siblings (same parent, same
 * level): whether they read as headings with text under them — at least half of the group, not
 * counting its last (whose text may be the paragraph after a list), has text under it. Else the
 * group is a list of points, a few with a note after them. Answered per section position, in one
 * pass over the sections. */
function siblingGroups(sections: readonly SectionNode[], parent: Int32Array, prose: Uint8Array): Uint8Array {
  const groupOf = new Map<number, number>();
  const members: number[][] = [];
  sections.forEach((s, i) => {
    if (s.kind !== 'numbered' || s.heading) return;
    const key = (parent[i] + 1) * 8 + s.level;
    let g = groupOf.get(key);
    if (g === undefined) {
      groupOf.set(key, (g = members.length));
      members.push([]);
    }
    members[g].push(i);
  });
  const out = new Uint8Array(sections.length);
  for (const list of members) {
    const before = list.length - 1;
    let filled = 0;
    for (let k = 0; k < before; k++) filled += prose[list[k]];
    if (filled > 0 && filled * 2 >= before) for (const i of list) out[i] = 1;
  }
  return out;
}

/** A numbered line that starts a bullet item (- （一）……) is a point of that list. */
function isListItem(model: ReportModel, s: SectionNode): boolean {
  if (model.md.bulletItemStarts.size === 0) return false;
  const line = model.lines[s.line - 1];
  let p = line.start;
  while (p < line.end && (model.text[p] === ' ' || model.text[p] === '\t' || model.text[p] === '>')) p++;
  return model.md.bulletItemStarts.has(p);
}

/** Words of four characters or fewer with none of a lead-in's words (如下, 以下, 几点, 主要有, 是):
 * a field's label such as 传真 or 联系人, which a form leaves blank, not a lead-in. */
function fieldLabel(words: string): boolean {
  const w = words.replace(/[*_\s\u3000]/g, '');
  return w.length <= 4 && !/[如下以几是有为]/.test(w);
}

/** A section line that reads as a heading: a Markdown heading, or a numbered short phrase with no
 * sentence in it or at its end and no run-in body after a space (二、问题与不足 过去一年，……). */
function headingLike(model: ReportModel, s: SectionNode): boolean {
  if (s.kind === 'heading') return true;
  const line = model.lines[s.line - 1];
  const words = model.text.slice(s.marker.end, contentEnd(model.text, line)).replace(/[*_]/g, '').trim();
  const inner = words.replace(/[：:]$/, '');
  if (SENTENCE.test(inner) || inner.length > HEADING_LENGTH) return false;
  return !/[\s\u3000]\S*[，,]/.test(inner);
}

function headingText(model: ReportModel, s: SectionNode): string {
  const line = model.lines[s.line - 1];
  const start = s.kind === 'numbered' ? s.marker.start : line.contentStart;
  return model.text.slice(start, contentEnd(model.text, line)).replace(/[*_]+/g, '').trim();
}

/** End of a line's content: trailing spaces, emphasis marks, HTML comments and the closing # of
 * a heading left out. */
function contentEnd(text: string, line: LineInfo): number {
  let e = line.end;
  for (;;) {
    while (e > line.contentStart && /[\s\u3000*_#]/.test(text[e - 1])) e--;
    if (!text.startsWith('-->', e - 3)) return e;
    // Searched in the line alone, so that a line costs no more than its length.
    const open = line.text.lastIndexOf('<!--', e - 3 - line.start);
    if (open < 0 || line.start + open < line.contentStart) return e;
    e = line.start + open;
  }
}
