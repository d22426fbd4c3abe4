// What a rule is: its metadata (the single source of its id, severity, fixability, docs, options
// schema and messages) and its check, which reports findings by message id. The runner
// (check.ts) enforces what the metadata declares.

import type { ReportModel } from './model/report-model.js';
import type { Localized, MessageArg, MessageTable, ResolvedConfig, RuleMeta } from './types.js';

/** An edit in absolute offsets, as rules write them; the runner adds line/column positions. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** The `{name}` placeholders of a template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** `{ messageId, data }` for one of a table's messages, `data` typed by its zh-CN template. */
export type MessageOf<M extends MessageTable> = {
  [K in keyof M & string]: [Placeholders<M[K]['zh-CN']>] extends [never]
    ? { messageId: K; data?: undefined }
    : { messageId: K; data: { readonly [P in Placeholders<M[K]['zh-CN']>]: MessageArg } };
}[keyof M & string];

export type RuleReport<M extends MessageTable = MessageTable> = MessageOf<M> & {
  start: number;
  end: number;
  fix?: MessageOf<M> & { edits: OffsetEdit[] };
  /** The finding's text is this rule's alone (a residue line to delete): the runner drops other
   * rules' findings that overlap `[ownsFrom ?? start, end)`, so the user gets one finding there. */
  owns?: boolean;
  ownsFrom?: number;
  /** The finding's severity group (terms: its pack), for a rule whose `meta.groups` declares groups. */
  group?: string;
};

export interface RuleContext<M extends MessageTable = MessageTable> {
  model: ReportModel;
  config: ResolvedConfig;
  /** The rule's own options from the configuration (`[severity, options]`), already checked
   * against `meta.options`; `{}` when none are given. */
  options: Record<string, unknown>;
  report(finding: RuleReport<M>): void;
}

export interface Rule<M extends MessageTable = MessageTable> {
  meta: RuleMeta<M>;
  check(context: RuleContext<M>): void;
}

/** Declares a rule; its messages' ids and placeholders are then type-checked where it reports. */
export function defineRule<const M extends MessageTable>(rule: Rule<M>): Rule {
  return rule as unknown as Rule;
}

/** Shorthand for a pair of texts, one per language (a role's name, a message template). */
export function localized(zh: string, en: string): Localized {
  return { 'zh-CN': zh, en };
}
