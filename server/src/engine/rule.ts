import type { ReportModel } from './model/report-model.js';
import type { ResolvedConfig } from './config.js';
import type { Message, RuleMeta } from './types.js';

/** An edit in absolute offsets, as rules write them; the runner adds line/column positions. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export interface RuleReport {
  start: number;
  end: number;
  message: Message;
  fix?: { title: Message; edits: OffsetEdit[] };
  /** The finding's text is this rule's alone (a residue line to delete): the runner drops other
   * rules' findings that overlap `[ownsFrom ?? start, end)`, so the user gets one finding there. */
  owns?: boolean;
  ownsFrom?: number;
}

export interface RuleContext {
  model: ReportModel;
  config: ResolvedConfig;
  /** The rule's own options from the configuration (`[severity, options]`), or `{}`. */
  options: Record<string, unknown>;
  report(finding: RuleReport): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
  /** Checks the rule's options from a configuration (`[severity, options]`); returns what is
   * wrong with them, if anything. Rules without options leave this out. */
  validateOptions?(options: Record<string, unknown>): Message | undefined;
}

/** Shorthand for a message in both languages. */
export function msg(zh: string, en: string): Message {
  return { 'zh-CN': zh, en };
}
