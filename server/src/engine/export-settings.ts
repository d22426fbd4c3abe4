// The `export` section of `.gongwen.jsonc`: how `gongwen export` and the editor's 导出为 Word lay a
// report out. Its shape (a schema, from which the configuration schema's `export` part is
// generated), the built-in presets (`gb`: GB/T 9704-2012) and how presets and overrides resolve
// into one style. Data and text checks only: the Word writer is outside the engine
// (server/src/word/), and reads the style resolved here.

import type { MessageRef, OptionsSchema } from './types.js';
import { optionsProblem } from './options.js';

/** The fonts of a style: family names as Word knows them (仿宋, 仿宋_GB2312, FangSong …). */
export interface ExportFonts {
  /** 标题 (7.3.1). */
  title: string;
  /** 正文 (5.2.2, 7.3.3). */
  body: string;
  /** 一、 (黑体), （一） (楷体), 1. and （1） (仿宋): 7.3.3. */
  level1: string;
  level2: string;
  level3: string;
  level4: string;
  /** Table cells and the header row. */
  table: string;
  tableHeader: string;
  /** Bold text, when `bold` is `font`. */
  bold: string;
  /** 页码 (7.5): 宋体. */
  pageNumber: string;
  /** ASCII letters and digits; empty: each run's own Chinese font (digits half-width in it). */
  latin: string;
}

export interface ExportSizes {
  /** Points: 2号 = 22, 3号 = 16, 4号 = 14. */
  title: number;
  body: number;
  table: number;
  pageNumber: number;
}

export type PageNumberPosition = 'outside' | 'center' | 'right' | 'none';

/** Everything the Word writer needs to know of a style, every field present. */
export interface ExportStyle {
  fonts: ExportFonts;
  sizes: ExportSizes;
  /** Lines on a full page and characters on a full line of body text (5.2.3: 22 and 28). */
  linesPerPage: number;
  charsPerLine: number;
  /** Bold Markdown text: bold in the run's font, or in `fonts.bold` (黑体) without bold. */
  bold: 'bold' | 'font';
  pageNumber: {
    /** `{n}` stands for the number: `— {n} —` (7.5). */
    format: string;
    /** outside: odd pages right, even pages left (7.5); center; right; none. */
    position: PageNumberPosition;
    /** Characters of space between the number and the edge of the 版心 (7.5: one). */
    sideSpace: number;
  };
  /** 版头 (发文机关标志, 发文字号, 分隔线) and 主送机关 from the front matter (7.2, 7.3.2). */
  letterhead: boolean;
  /** 版记 (抄送, 印发机关和印发日期) from the front matter (7.4). */
  imprint: boolean;
}

/** GB/T 9704-2012 党政机关公文格式. */
export const GB_STYLE: ExportStyle = {
  fonts: {
    title: '方正小标宋简体',
    body: '仿宋',
    level1: '黑体',
    level2: '楷体',
    level3: '仿宋',
    level4: '仿宋',
    table: '仿宋',
    tableHeader: '黑体',
    bold: '黑体',
    pageNumber: '宋体',
    latin: '',
  },
  sizes: { title: 22, body: 16, table: 14, pageNumber: 14 },
  linesPerPage: 22,
  charsPerLine: 28,
  bold: 'bold',
  pageNumber: { format: '— {n} —', position: 'outside', sideSpace: 1 },
  letterhead: false,
  imprint: false,
};

export const BUILTIN_PRESETS: Readonly<Record<string, ExportStyle>> = { gb: GB_STYLE };
export const DEFAULT_PRESET = 'gb';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A preset or the overrides: any part of a style. A preset may name the one it starts from. */
export type StyleFields = DeepPartial<ExportStyle>;
export interface UserPreset extends StyleFields {
  /** The preset this one changes (default `gb`). */
  extends?: string;
}

/** The `export` section as written: the preset to use, named presets, and fields that win over the preset. */
export interface UserExportSettings extends StyleFields {
  preset?: string;
  presets?: Record<string, UserPreset>;
}

const zh = (zhText: string, en: string) => ({ 'zh-CN': zhText, en });
const font = (what: string, whatEn: string): OptionsSchema => ({ type: 'string', minLength: 1, description: zh(`${what}的字体`, `font of ${whatEn}`) });

/** The fields of a style (a preset, or the overrides). */
function styleProperties(): Record<string, OptionsSchema> {
  return {
    fonts: {
      type: 'object',
      additionalProperties: false,
      description: zh('字体（字体名称，如 仿宋、仿宋_GB2312、FangSong）', 'fonts (family names such as 仿宋, 仿宋_GB2312, FangSong)'),
      properties: {
        title: font('标题（默认 方正小标宋简体）', 'the title (default 方正小标宋简体)'),
        body: font('正文（默认 仿宋）', 'the body text (default 仿宋)'),
        level1: font('一级标题“一、”（默认 黑体）', 'level-1 headings 一、 (default 黑体)'),
        level2: font('二级标题“（一）”（默认 楷体）', 'level-2 headings （一） (default 楷体)'),
        level3: font('三级标题“1.”（默认 仿宋）', 'level-3 headings 1. (default 仿宋)'),
        level4: font('四级标题“（1）”（默认 仿宋）', 'level-4 headings （1） (default 仿宋)'),
        table: font('表格（默认 仿宋）', 'tables (default 仿宋)'),
        tableHeader: font('表头行（默认 黑体）', 'table header rows (default 黑体)'),
        bold: font('加粗文字，bold 为 font 时（默认 黑体）', 'bold text when bold is font (default 黑体)'),
        pageNumber: font('页码（默认 宋体）', 'page numbers (default 宋体)'),
        latin: { type: 'string', description: zh('英文字母和数字的字体；空字符串（默认）：与所在文字的中文字体相同', 'font of Latin letters and digits; empty (default): the Chinese font of the run') },
      },
    },
    sizes: {
      type: 'object',
      additionalProperties: false,
      description: zh('字号（磅）：2号 = 22，3号 = 16，4号 = 14', 'font sizes in points: 2号 = 22, 3号 = 16, 4号 = 14'),
      properties: {
        title: { type: 'number', minimum: 8, maximum: 72, description: zh('标题（默认 22，即2号）', 'the title (default 22, 2号)') },
        body: { type: 'number', minimum: 8, maximum: 36, description: zh('正文（默认 16，即3号）', 'the body text (default 16, 3号)') },
        table: { type: 'number', minimum: 6, maximum: 36, description: zh('表格（默认 14，即4号）', 'tables (default 14, 4号)') },
        pageNumber: { type: 'number', minimum: 6, maximum: 36, description: zh('页码（默认 14，即4号）', 'page numbers (default 14, 4号)') },
      },
    },
    linesPerPage: { type: 'integer', minimum: 10, maximum: 40, description: zh('每页行数（默认 22）', 'lines on a page (default 22)') },
    charsPerLine: { type: 'integer', minimum: 10, maximum: 40, description: zh('每行字数（默认 28）', 'characters on a line (default 28)') },
    bold: {
      type: 'string',
      enum: ['bold', 'font'],
      description: zh('加粗文字：bold 用所在字体加粗（默认），font 改用 fonts.bold（黑体）不加粗', 'bold text: bold — bold in its own font (default); font — in fonts.bold (黑体), not bold'),
    },
    pageNumber: {
      type: 'object',
      additionalProperties: false,
      description: zh('页码', 'page numbers'),
      properties: {
        format: { type: 'string', minLength: 1, description: zh('页码的写法，{n} 代表页码（默认 "— {n} —"）', 'how a page number is written, {n} standing for the number (default "— {n} —")') },
        position: {
          type: 'string',
          enum: ['outside', 'center', 'right', 'none'],
          description: zh('位置：outside 单页居右、双页居左（默认），center 居中，right 都居右，none 不加页码', 'position: outside — odd pages right, even pages left (default); center; right; none — no page numbers'),
        },
        sideSpace: { type: 'number', minimum: 0, maximum: 4, description: zh('页码与版心边缘之间空几个字（默认 1）', 'characters of space between the number and the edge of the text area (default 1)') },
      },
    },
    letterhead: { type: 'boolean', description: zh('是否按文档元数据排版头（发文机关、发文字号）和主送机关（默认 false）', 'lay out the letterhead (发文机关, 发文字号) and 主送机关 from the front matter (default false)') },
    imprint: { type: 'boolean', description: zh('是否按文档元数据排版记（抄送、印发机关、印发日期）（默认 false）', 'lay out the imprint (抄送, 印发机关, 印发日期) from the front matter (default false)') },
  };
}

/** The schema of the `export` section (the configuration schema's `export` is generated from it). */
export const EXPORT_SETTINGS_SCHEMA: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  description: zh(
    '导出为 Word（gongwen export、导出为 Word（公文格式））的版式：所用的预设、自定义预设，以及优先于预设的各项设置',
    'layout of the Word export (gongwen export, Export to Word): the preset used, named presets, and fields that win over the preset',
  ),
  properties: {
    preset: { type: 'string', minLength: 1, description: zh('所用的预设：gb（GB/T 9704-2012，默认）或 presets 中的名称；命令行 --preset 优先', 'the preset used: gb (GB/T 9704-2012, default) or a name from presets; --preset wins') },
    presets: {
      type: 'object',
      description: zh('自定义预设：名称 → 设置；extends 指明以哪个预设为基础（默认 gb）', 'named presets: name → fields; extends names the preset it changes (default gb)'),
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { extends: { type: 'string', minLength: 1, description: zh('以哪个预设为基础（默认 gb）', 'the preset this one changes (default gb)') }, ...styleProperties() },
      },
    },
    ...styleProperties(),
  },
};

/** What is wrong with an `export` section, if anything: its shape, then what the schema cannot say. */
export function exportSettingsProblem(value: unknown): MessageRef | undefined {
  const shape = optionsProblem(value, EXPORT_SETTINGS_SCHEMA, 'export');
  if (shape) return shape;
  const v = value as UserExportSettings;
  const formats: [string, string | undefined][] = [['export.pageNumber.format', v.pageNumber?.format]];
  for (const [name, p] of Object.entries(v.presets ?? {})) formats.push([`export.presets.${name}.pageNumber.format`, p.pageNumber?.format]);
  for (const [name, format] of formats) if (format !== undefined && !format.includes('{n}')) return { id: 'config/exportPageFormat', data: { name, n: '{n}' } };
  return undefined;
}

/** Why a preset name cannot be used, if it cannot: unknown, or a chain of `extends` that loops. */
export type PresetProblem = { kind: 'unknown'; name: string; known: string[] } | { kind: 'loop'; name: string };

function merge<T extends object>(base: T, over: DeepPartial<T> | undefined): T {
  if (!over) return base;
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined || !Object.hasOwn(base, k)) continue;
    const b = (base as Record<string, unknown>)[k];
    out[k] = typeof b === 'object' && b !== null && typeof v === 'object' && v !== null ? merge(b as object, v as object) : v;
  }
  return out as T;
}

/**
 * The style a report is exported with: the preset (`preset`, else the last layer's `preset`, else
 * gb) with its chain of `extends`, then the layers' own fields, earliest layer first. Layers are
 * validated `export` sections (configuration file, then front matter).
 */
export function resolveExportStyle(layers: readonly UserExportSettings[], preset?: string): { style: ExportStyle; preset: string; problem?: PresetProblem } {
  const presets: Record<string, UserPreset> = Object.create(null);
  let chosen = DEFAULT_PRESET;
  for (const layer of layers) {
    for (const [name, p] of Object.entries(layer.presets ?? {})) presets[name] = p;
    if (layer.preset) chosen = layer.preset;
  }
  if (preset) chosen = preset;
  const known = () => [...new Set([...Object.keys(BUILTIN_PRESETS), ...Object.keys(presets)])];
  // The chain from the chosen preset down to a built-in one.
  const chain: UserPreset[] = [];
  const seen = new Set<string>();
  let name = chosen;
  let base: ExportStyle | undefined;
  for (;;) {
    if (seen.has(name)) return { style: GB_STYLE, preset: chosen, problem: { kind: 'loop', name: chosen } };
    seen.add(name);
    const user = Object.hasOwn(presets, name) ? presets[name] : undefined;
    if (user) {
      chain.push(user);
      // A user's preset named like a built-in one changes it, unless it says otherwise.
      const next = user.extends ?? DEFAULT_PRESET;
      if (next === name) {
        base = Object.hasOwn(BUILTIN_PRESETS, name) ? BUILTIN_PRESETS[name] : undefined;
        if (!base) return { style: GB_STYLE, preset: chosen, problem: { kind: 'loop', name: chosen } };
        break;
      }
      name = next;
      continue;
    }
    base = Object.hasOwn(BUILTIN_PRESETS, name) ? BUILTIN_PRESETS[name] : undefined;
    if (!base) return { style: GB_STYLE, preset: chosen, problem: { kind: 'unknown', name, known: known() } };
    break;
  }
  let style = base;
  for (let i = chain.length - 1; i >= 0; i--) style = merge(style, chain[i]);
  for (const layer of layers) {
    const { preset: _p, presets: _ps, ...fields } = layer;
    style = merge(style, fields);
  }
  return { style, preset: chosen };
}
