// Section frames offered where a line starts: a heading of each level (bt1…bt4) and a section for
// each role (存在问题, 下一步打算, 自查情况, 整改措施 …), numbered with the next free numeral of
// their level at that line, and worded as the report's type words them (a 述职报告's 下一步打算 is
// 今后努力方向). The language server turns them into completion items; the whole-document frames,
// which do not depend on the numbering, are static snippets (snippets/markdown.code-snippets).

import type { ReportModel } from './model/model-types.js';
import type { NumberedLine } from './model/model-types.js';
import { formatNumeral, standardMarker, type Level } from './model/markers.js';
import type { Localized, ResolvedConfig, RoleDefinition } from './types.js';

export interface SectionFrame {
  /** What the writer types to get it: pinyin initials, full pinyin, Chinese words. */
  prefixes: readonly string[];
  /** The heading line as inserted, e.g. `## 三、存在的问题和不足` (for the list and its preview). */
  heading: string;
  /** The frame as a snippet (LSP/TextMate snippet syntax: `${1:…}` tab stops, `$0` the end). */
  snippet: string;
  /** What it is, for the completion list. */
  name: Localized;
}

/** Prefixes of the built-in roles' frames (a role from the configuration is typed by its name and heading). */
const ROLE_PREFIXES: Record<string, readonly string[]> = {
  problems: ['czwt', 'cmwt', 'cunzaiwenti', '存在问题', '问题和不足', 'czdbz', 'buzu', '存在的不足', '不足之处'],
  plans: ['xybds', 'xybdx', 'xiayibu', '下一步打算', '下一步工作', 'jhnlfx', 'nlfx', '今后努力方向', '努力方向'],
  'self-check': ['zcqk', 'zichaqingkuang', '自查情况'],
  rectification: ['zgcs', 'zhenggaicuoshi', '整改措施'],
};

const HEADING_PREFIXES: Record<1 | 2 | 3 | 4, readonly string[]> = {
  1: ['bt1', 'yjbt', '一级标题'],
  2: ['bt2', 'ejbt', '二级标题'],
  3: ['bt3', 'sjbt', '三级标题'],
  4: ['bt4', 'sijbt', '四级标题'],
};

const LEVEL_NAMES: Record<1 | 2 | 3 | 4, Localized> = {
  1: { 'zh-CN': '一级标题', en: 'level-1 heading' },
  2: { 'zh-CN': '二级标题', en: 'level-2 heading' },
  3: { 'zh-CN': '三级标题', en: 'level-3 heading' },
  4: { 'zh-CN': '四级标题', en: 'level-4 heading' },
};

/** `#`s written before the markers of a level when the report gives none to copy. */
const DEFAULT_HASHES: Record<1 | 2 | 3 | 4, string> = { 1: '## ', 2: '### ', 3: '', 4: '' };

/** Text put into a snippet as it is: `$`, `}` and `\` escaped. */
function literal(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** The marker a section of `level` gets at `line` (1-based): the one after the last of that level
 * in the enclosing section, or the first. */
function markerAt(model: ReportModel, line: number, level: 1 | 2 | 3 | 4): { marker: string; hashes: string } {
  const before = model.numbered.filter((n) => n.scope.kind === 'body' && n.line < line);
  // The last section of this level still open at the line: under the same parent as the line.
  let previous: NumberedLine | undefined;
  for (let i = before.length - 1; i >= 0; i--) {
    const n = before[i];
    if (n.level < level) break;
    if (n.level === level) {
      previous = n;
      break;
    }
  }
  const value = previous ? previous.value + 1 : 1;
  const sample = previous ?? model.numbered.find((n) => n.scope.kind === 'body' && n.level === level);
  const hashes = sample ? (/^#{1,6}[ \t]+/.exec(model.lines[sample.line - 1]?.text.trimStart() ?? '')?.[0] ?? '') : DEFAULT_HASHES[level];
  return { marker: standardMarker(level as Level, formatNumeral(level as Level, value)), hashes };
}

/** The role's frame as the report's type words it. */
function roleFrame(config: ResolvedConfig, role: RoleDefinition): Pick<RoleDefinition, 'frameHeading' | 'frameBody'> {
  const own = config.type.frames && Object.prototype.hasOwnProperty.call(config.type.frames, role.id) ? config.type.frames[role.id] : undefined;
  return { frameHeading: own?.frameHeading ?? role.frameHeading, frameBody: own?.frameBody ?? role.frameBody };
}

/** The frames that may start line `line` (1-based) of the checked report. */
export function sectionFrames(model: ReportModel, config: ResolvedConfig, line: number): SectionFrame[] {
  const frames: SectionFrame[] = [];
  for (const level of [1, 2, 3, 4] as const) {
    const { marker, hashes } = markerAt(model, line, level);
    const end = level >= 3 ? '。' : '';
    frames.push({
      prefixes: HEADING_PREFIXES[level],
      heading: `${hashes}${marker}标题${end}`,
      snippet: `${literal(hashes + marker)}\${1:标题}${end}$0`,
      name: LEVEL_NAMES[level],
    });
  }
  // The type's own roles first, in their order, then the other roles.
  const ids = [...config.type.required, ...Object.keys(config.roles).filter((id) => !config.type.required.includes(id))];
  const { marker, hashes } = markerAt(model, line, 1);
  for (const id of ids) {
    if (!Object.prototype.hasOwnProperty.call(config.roles, id)) continue;
    const role = config.roles[id];
    const { frameHeading, frameBody } = roleFrame(config, role);
    const prefixes = Object.prototype.hasOwnProperty.call(ROLE_PREFIXES, id) ? ROLE_PREFIXES[id] : [...new Set([role.name['zh-CN'], frameHeading])];
    frames.push({
      prefixes,
      heading: `${hashes}${marker}${frameHeading}`,
      snippet: `${literal(hashes + marker)}\${1:${literal(frameHeading)}}\n\n\${2:${literal(frameBody)}}$0`,
      name: role.name,
    });
  }
  return frames;
}

/** A frame's snippet as the text it inserts with every tab stop at its default (for clients without snippets). */
export function snippetText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\') {
      out += snippet[++i] ?? '';
    } else if (c === '$' && snippet[i + 1] === '{') {
      // ${n:default}: keep the default (the frames nest none).
      const colon = snippet.indexOf(':', i);
      i = colon;
    } else if (c === '$' && /[0-9]/.test(snippet[i + 1] ?? '')) {
      while (/[0-9]/.test(snippet[i + 1] ?? '')) i++;
    } else if (c === '}') {
      // The end of a tab stop (a literal } is escaped).
    } else {
      out += c;
    }
  }
  return out;
}
