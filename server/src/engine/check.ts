// The engine's entry point: check a text, or fix it. Used by the CLI and the language server.

import { buildReportModel, type ReportModel } from './model/report-model.js';
import type { MarkdownCache, ParsedRun } from './model/markdown.js';
import { frontMatterConfig, resolveConfig, type UserConfig } from './config.js';
import { BUILTIN_TYPES, typeFromTitle } from './report-types.js';
import { applyDirectives } from './directives.js';
import { fixAll } from './fix.js';
import { HAN, isHanCode } from './model/chars.js';
import { alternation, REPORT_NOUNS } from './model/words.js';
import { RULES, RULES_BY_ID, DEFAULT_SEVERITIES } from './rules/index.js';
import type { Rule, RuleReport } from './rule.js';
import { placeholdersOf } from './i18n.js';
import { automaticNumberAt, type WordLayout } from './word.js';
import type { UserExportSettings } from './export-settings.js';
import type { ConfigProblem, Diagnostic, MessageData, MessageRef, ResolvedConfig, RuleSetting, Severity, StructureSetting } from './types.js';

export interface CheckOptions {
  /** Configuration layers, earliest first (usually the one loaded from `.gongwen.jsonc`). */
  config?: UserConfig[];
  /** Report type that wins over files and front matter (`--type`). */
  type?: string;
  /** Report type when nothing more particular names one (the editor's `gongwen.reportType`): files,
   * front matter and the report's title win over it. */
  defaultType?: string;
  /** Rule settings that win over files and front matter. */
  rules?: Record<string, RuleSetting>;
  /** `always` checks required sections and their order in any file (editor setting, `--structure`). */
  structure?: StructureSetting;
  /** Kept by an editor per document: the previous version's parse, reused for unchanged blocks. */
  markdownCache?: MarkdownCache;
  /** Filled, when given, with the Markdown trees of the runs of blocks the check parsed as written
   * (the Word export lays the document out from them instead of parsing it again). */
  parsedRuns?: ParsedRun[];
  /** The layout of the Word document the text was made from (server/src/word fills it for a .docx);
   * the `word-*` rules read it, and findings on automatic numbers say so. */
  word?: WordLayout;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** Configuration problems (front matter, unknown rules or types). */
  problems: ConfigProblem[];
  /** Rules that threw: skipped, while every other rule's diagnostics are still returned. */
  failures: RuleFailure[];
  model: ReportModel;
  config: ResolvedConfig;
  /** Whether the text reads as a report at all (mostly Chinese, and not a Chinese document whose
   * title and headings say it is something else), or was declared one (a type in front matter or
   * a configuration file, or given as an option, or `structure: always`). The editor checks only
   * such documents unless told otherwise (`gongwen.files.include`); the CLI checks what it is given. */
  reportLike: boolean;
  /** The `export` sections of the configuration layers and the front matter, earliest first (the Word export's settings). */
  exportLayers: UserExportSettings[];
}

export interface RuleFailure {
  rule: string;
  error: string;
}

/** Fault injection for tests of the front-ends' hardening: `GONGWEN_FAULT_RULE=<rule id>` makes that rule throw. */
const FAULT_RULE = typeof process !== 'undefined' ? process.env.GONGWEN_FAULT_RULE : undefined;

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Checks one document. Never throws on any text: a rule that fails is reported as a problem. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  const layers = [...(options.config ?? [])];
  const problems: ConfigProblem[] = [];
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    const fromFront = frontMatterConfig(fm[1], 1, RULES_BY_ID);
    layers.push(fromFront.config);
    problems.push(...fromFront.problems);
  }
  const resolved = resolveConfig(layers, DEFAULT_SEVERITIES, { type: options.type, defaultType: options.defaultType, rules: options.rules, structure: options.structure });
  problems.push(...resolved.problems);
  const model = buildReportModel(text, { roles: Object.values(resolved.config.roles), markdownCache: options.markdownCache, parsedRuns: options.parsedRuns });
  if (options.word) model.word = options.word;
  const config = withTitleType(resolved.config, model);
  const diagnostics: Diagnostic[] = [];
  const failures: RuleFailure[] = [];
  const owned: OwnedSpan[] = [];
  for (const rule of RULES) {
    const setting = config.rules[rule.meta.id];
    if (!setting || setting.severity === 'off') continue;
    try {
      if (FAULT_RULE === rule.meta.id) throw new Error('fault injected by GONGWEN_FAULT_RULE');
      runRule(rule, model, config, setting.severity, setting.options, diagnostics, owned);
    } catch (e) {
      failures.push({ rule: rule.meta.id, error: (e as Error)?.stack ?? String(e) });
    }
  }
  const kept = owned.length > 0 ? withoutOwned(diagnostics, owned) : diagnostics;
  kept.sort((a, b) => a.range.start.offset - b.range.start.offset || a.rule.localeCompare(b.rule));
  const shown = applyDirectives(model, kept);
  const exportLayers = layers.flatMap((l) => (l.export ? [l.export] : []));
  return { diagnostics: options.word ? withAutomaticNotes(shown, options.word) : shown, problems, failures, model, config, reportLike: reportLike(config, model), exportLayers };
}

/**
 * With no type declared, a title that names one sets it (某局2025年上半年工作总结 is a 半年总结);
 * and a file that is not a Chinese report (an English README, a changelog) gets no structure
 * findings unless `structure` is `always`.
 */
function withTitleType(config: ResolvedConfig, model: ReportModel): ResolvedConfig {
  let out = config;
  if ((config.typeSource === 'default' || config.typeSource === 'setting') && model.title) {
    const name = typeFromTitle(model.title.text);
    if (name && name !== config.typeName && Object.hasOwn(BUILTIN_TYPES, name)) out = { ...config, typeName: name, type: BUILTIN_TYPES[name], typeSource: 'title' };
  }
  const report = out.structure === 'always' || out.typeSource === 'option' || out.typeSource === 'file' || isChineseReport(model);
  return report === out.checkStructure ? out : { ...out, checkStructure: report };
}

/** How a report's title ends: 工作总结, 述职报告, 工作情况的汇报, 工作思路, with any bracketed note after. */
const REPORT_TITLE = new RegExp(`(${alternation([...REPORT_NOUNS, '述廉', '材料', '情况', '计划', '要点', '小结', '思路', '打算', '方案'])})(?:[（(【][^）)】]{0,20}[）)】])?$`);
const REPORT_WORD = new RegExp(alternation(REPORT_NOUNS));

/**
 * Whether the text is a Chinese report, whose structure is checked: its title ends like a
 * report's (a README titled 使用说明 is not one); or, with no title line (a report pasted as one
 * paragraph), its text is mostly Chinese and either names a report in its first words or numbers
 * its sections the Chinese way.
 */
function isChineseReport(model: ReportModel): boolean {
  const text = model.text;
  if (model.title) {
    const t = model.title.text.replace(/[\s\u3000#*_]/g, '');
    return HAN.test(t) && REPORT_TITLE.test(t);
  }
  if (!mostlyChinese(text)) return false;
  const first = model.lines.find((l) => l.kind === 'text');
  if (first && REPORT_WORD.test(text.slice(first.contentStart, Math.min(first.end, first.contentStart + 80)))) return true;
  return model.numbered.some((n) => n.scope.kind === 'body' && (n.level === 1 || n.level === 2));
}

/** The share of Han characters in the first 5,000: none, or fewer than one per five Latin letters
 * (a Chinese character says about as much as an English word of five letters), is not Chinese. */
function mostlyChinese(text: string): boolean {
  let han = 0;
  let latin = 0;
  const end = Math.min(text.length, 5000);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isHanCode(c)) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return han > 0 && han * 5 >= latin;
}

/** A report's words, in simplified or traditional characters (a page may give 總結). */
const REPORT_WORD_ANY = /总结|總結|报告|報告|汇报|匯報|述职|述職|工作情况|工作情況/;

/** See `CheckResult.reportLike`. A Chinese draft without a title yet counts as a report; one
 * titled otherwise (使用说明, 更新日志) only when its first 2,000 characters name a report
 * (总结, 报告, 汇报, 述职, 工作情况) or it numbers its sections as reports do. Measured on 168 real
 * report texts from template sites (titles such as 【正文】 or a site's breadcrumb): all report-like. */
function reportLike(config: ResolvedConfig, model: ReportModel): boolean {
  if (config.structure === 'always' || config.typeSource === 'option' || config.typeSource === 'file') return true;
  if (!mostlyChinese(model.text)) return false;
  if (!model.title || isChineseReport(model)) return true;
  if (REPORT_WORD_ANY.test(model.text.slice(0, 2000))) return true;
  return model.numbered.some((n) => n.scope.kind === 'body' && (n.level === 1 || n.level === 2));
}

const AUTOMATIC_NOTE: MessageRef = { id: 'word/automaticNumbering' };

/** A finding that starts on a number Word's automatic numbering made says so. */
function withAutomaticNotes(diagnostics: Diagnostic[], word: WordLayout): Diagnostic[] {
  // The Word rules' own messages say what kind a number is.
  return diagnostics.map((d) => (RULES_BY_ID.get(d.rule)?.meta.input !== 'word' && automaticNumberAt(word, d.range.start.offset) ? { ...d, note: AUTOMATIC_NOTE } : d));
}

/** Text a rule's finding claims for itself (`RuleReport.owns`). */
export interface OwnedSpan {
  rule: string;
  start: number;
  end: number;
}

/** Drops the findings of other rules that overlap a span another rule owns: a residue line to
 * delete gets one finding, not a date-format or punctuation finding besides. */
function withoutOwned(diagnostics: Diagnostic[], owned: OwnedSpan[]): Diagnostic[] {
  // Per owning rule: spans by start, and the furthest end among the spans up to each one. A
  // finding [s, e) overlaps some span iff, of the spans starting before e, the furthest end
  // passes s: one binary search per finding and owning rule.
  const byRule = new Map<string, { starts: number[]; reach: number[] }>();
  owned.sort((a, b) => a.start - b.start);
  for (const o of owned) {
    let r = byRule.get(o.rule);
    if (!r) byRule.set(o.rule, (r = { starts: [], reach: [] }));
    r.reach.push(Math.max(o.end, r.reach.length > 0 ? r.reach[r.reach.length - 1] : -1));
    r.starts.push(o.start);
  }
  const overlaps = (d: Diagnostic): boolean => {
    const s = d.range.start.offset;
    const e = Math.max(d.range.end.offset, s + 1);
    for (const [rule, { starts, reach }] of byRule) {
      if (rule === d.rule) continue;
      // Last span starting before e.
      let lo = 0;
      let hi = starts.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] < e) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found >= 0 && reach[found] > s) return true;
    }
    return false;
  };
  return diagnostics.filter((d) => !overlaps(d));
}

/** A rule broke its own metadata (an undeclared message id, a fix from a rule not marked
 * fixable, a placeholder left without data): the rule fails, as it would for any other bug. */
export class RuleContractError extends Error {}

/** The placeholder names of each of a rule's templates, in both languages, once per rule. */
const PLACEHOLDERS = new WeakMap<Rule, Map<string, string[]>>();

function placeholdersFor(rule: Rule): Map<string, string[]> {
  let map = PLACEHOLDERS.get(rule);
  if (!map) {
    map = new Map();
    for (const [key, entry] of Object.entries(rule.meta.messages)) {
      map.set(key, [...new Set([...placeholdersOf(entry['zh-CN']), ...placeholdersOf(entry.en)])]);
    }
    PLACEHOLDERS.set(rule, map);
  }
  return map;
}

/** The message id of a finding or fix title, checked against the rule's declared messages. */
function messageRef(rule: Rule, key: string, data: MessageData | undefined): MessageRef {
  const names = placeholdersFor(rule).get(key);
  if (!names) throw new RuleContractError(`rule ${rule.meta.id} reported message "${key}", which its meta.messages does not declare`);
  for (const name of names) {
    if (!data || !Object.hasOwn(data, name) || data[name] === undefined) throw new RuleContractError(`rule ${rule.meta.id}: message "${key}" needs {${name}}`);
  }
  return { id: `${rule.meta.id}/${key}`, data };
}

const RANK: Record<Severity, number> = { error: 4, warning: 3, info: 2, hint: 1 };
const SEVERITY_SETTINGS = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** The severity of a finding in `group` (meta.groups): the user's setting for the group, else
 * the group's default, never above the rule's severity; 'off' drops the finding. */
export function groupSeverity(rule: Rule, severity: Severity, options: Record<string, unknown>, group: string): Severity | 'off' {
  const groups = rule.meta.groups;
  if (!groups) throw new RuleContractError(`rule ${rule.meta.id} reported group "${group}", but its meta declares no groups`);
  const set = options[groups.option];
  const chosen = typeof set === 'object' && set !== null && Object.hasOwn(set, group) ? (set as Record<string, unknown>)[group] : undefined;
  if (typeof chosen === 'string' && SEVERITY_SETTINGS.has(chosen)) return chosen as Severity | 'off';
  const fallback = Object.hasOwn(groups.defaults, group) ? groups.defaults[group] : groups.otherwise;
  return RANK[fallback] < RANK[severity] ? fallback : severity;
}

export function runRule(rule: Rule, model: ReportModel, config: ResolvedConfig, severity: Severity, options: Record<string, unknown>, out: Diagnostic[], owned: OwnedSpan[]): void {
  const found: Diagnostic[] = [];
  const index = model.index;
  const bySeverity = new Map<string, Severity | 'off'>();
  const report = (r: RuleReport) => {
    if (r.fix && !rule.meta.fixable) throw new RuleContractError(`rule ${rule.meta.id} is not marked fixable but reported a fix`);
    let level: Severity | 'off' = severity;
    if (r.group !== undefined) {
      let g = bySeverity.get(r.group);
      if (g === undefined) bySeverity.set(r.group, (g = groupSeverity(rule, severity, options, r.group)));
      level = g;
    }
    if (level === 'off') return;
    const groupCategories = rule.meta.groups?.categories;
    const category = r.group !== undefined && groupCategories && Object.hasOwn(groupCategories, r.group) ? groupCategories[r.group] : rule.meta.category;
    const message = messageRef(rule, r.messageId, r.data);
    const title = r.fix ? messageRef(rule, r.fix.messageId, r.fix.data) : undefined;
    const range = index.range(r.start, r.end);
    const d: Diagnostic =
      r.fix && title
        ? { rule: rule.meta.id, severity: level, category, messageId: message.id, data: message.data, range, fix: { title, edits: r.fix.edits.map((e) => ({ range: index.range(e.start, e.end), text: e.text })) } }
        : { rule: rule.meta.id, severity: level, category, messageId: message.id, data: message.data, range };
    if (r.owns) owned.push({ rule: rule.meta.id, start: r.ownsFrom ?? r.start, end: r.end });
    found.push(d);
  };
  rule.check({ model, config, options, report });
  // One by one: spreading tens of thousands of findings into push() would overflow the stack.
  for (const d of found) out.push(d);
}

export interface FixResult {
  text: string;
  /** Number of fixes applied. */
  fixed: number;
  /** The check of the fixed text. */
  result: CheckResult;
}

/** Applies every available fix (pass after pass until stable) and checks the result. */
export function fixText(text: string, options: CheckOptions = {}): FixResult {
  let last: CheckResult | undefined;
  const { text: fixedText, fixed } = fixAll(text, (t) => (last = checkText(t, options)).diagnostics);
  // The passes end with a check of the fixed text (the one that found nothing left to apply),
  // unless they stopped at the pass limit: that check is the result, not checked again.
  const result = last !== undefined && last.model.text === fixedText ? last : checkText(fixedText, options);
  return { text: fixedText, fixed, result };
}
