// The Word export (issue 14), shared by `gongwen export` and the language server's export request:
// check the draft, resolve the style (preset and overrides from `.gongwen.jsonc` / front matter),
// plan the pages from the report model, write the .docx. No file is written here: the front-ends
// write the bytes (the CLI atomically, the editor through its file system).
// The engine never imports this module; it reads the engine's check result and report model.

import { parse as parseYaml } from 'yaml';
import { checkText, type CheckOptions, type CheckResult } from '../engine/check.js';
import { MAX_FRONT_MATTER } from '../engine/config.js';
import type { ParsedRun } from '../engine/model/markdown.js';
import { resolveExportStyle, type ExportStyle } from '../engine/export-settings.js';
import type { Diagnostic, MessageRef } from '../engine/types.js';
import { writeDocx, type Warning } from './docx-writer.js';
import { exportRef } from './messages.js';
import { planReport, type FrontFields } from './plan.js';

export type { Warning } from './docx-writer.js';
export { exportMessage, EXPORT_MESSAGES } from './messages.js';

export type ExportStage = 'check' | 'layout' | 'write';

export interface ExportProgress {
  stage: ExportStage;
  done: number;
  total: number;
}

export interface PreparedExport {
  result: CheckResult;
  /** Error-severity findings: they stop the export unless it is forced. */
  blocking: Diagnostic[];
  style: ExportStyle;
  /** The preset used (`gb` unless one is named). */
  preset: string;
  /** Why the named preset cannot be used (the export must not go on with another). */
  presetProblem?: MessageRef;
  /** The check's Markdown trees, which the layout reads instead of parsing again. */
  parsedRuns: ParsedRun[];
}

/** Checks the draft and works out its style; nothing is laid out yet. `preset`: `--preset`, winning over the configuration's. */
export function prepareExport(text: string, check: CheckOptions = {}, preset?: string): PreparedExport {
  const parsedRuns: ParsedRun[] = [];
  const result = checkText(text, { ...check, parsedRuns });
  const blocking = result.diagnostics.filter((d) => d.severity === 'error');
  const resolved = resolveExportStyle(result.exportLayers, preset);
  const problem = resolved.problem;
  const presetProblem = problem ? (problem.kind === 'unknown' ? exportRef('presetUnknown', { name: problem.name, known: problem.known }) : exportRef('presetLoop', { name: problem.name })) : undefined;
  return { result, blocking, style: resolved.style, preset: resolved.preset, presetProblem, parsedRuns };
}

export interface BuildOptions {
  /** The draft's folder, for relative image paths; undefined for an unsaved document. */
  baseDir?: string;
  onProgress?: (p: ExportProgress) => void;
}

/** The .docx of a prepared draft (whatever its findings: the caller decides about `blocking`), with the warnings of what could not be placed. */
export async function buildDocx(prepared: PreparedExport, options: BuildOptions = {}): Promise<{ bytes: Uint8Array; warnings: Warning[] }> {
  const { result, style } = prepared;
  const front = style.letterhead || style.imprint ? frontFields(result) : undefined;
  options.onProgress?.({ stage: 'layout', done: 0, total: 1 });
  const plan = planReport(result, front, style, prepared.parsedRuns);
  const total = plan.blocks.length;
  const out = await writeDocx(plan, {
    style,
    baseDir: options.baseDir,
    title: result.model.title?.text,
    onBlock: (done) => options.onProgress?.({ stage: 'layout', done, total }),
  });
  options.onProgress?.({ stage: 'write', done: 1, total: 1 });
  return out;
}

/** Check and build in one call (for tests and the benchmark). */
export async function exportReport(text: string, check: CheckOptions = {}, options: BuildOptions & { preset?: string } = {}): Promise<{ prepared: PreparedExport; bytes: Uint8Array; warnings: Warning[] }> {
  options.onProgress?.({ stage: 'check', done: 0, total: 1 });
  const prepared = prepareExport(text, check, options.preset);
  const { bytes, warnings } = await buildDocx(prepared, options);
  return { prepared, bytes, warnings };
}

const FIELDS = ['发文机关', '发文字号', '主送机关', '抄送', '印发机关', '印发日期'] as const;

/** The letterhead and imprint fields of the front matter (lists joined with ，). Front matter that does not parse gives none (the check reports it). */
function frontFields(result: CheckResult): FrontFields | undefined {
  const fm = result.model.md.frontMatter;
  if (!fm || fm.lang !== 'yaml') return undefined;
  const body = fm.value.length <= MAX_FRONT_MATTER ? fm.value : '';
  let data: unknown;
  try {
    data = parseYaml(body, { maxAliasCount: 10 });
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const out: FrontFields = {};
  for (const key of FIELDS) {
    const v = (data as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.trim()) out[key] = v.trim();
    else if (typeof v === 'number') out[key] = String(v);
    else if (Array.isArray(v)) out[key] = v.map(String).join('，');
    else if (v instanceof Date) out[key] = `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
  }
  return out;
}
