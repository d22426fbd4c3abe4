// Short names of the rules, for the titles of code actions (修复本文件中所有「占位符」问题,
// 在此行停用「序号连续」): a writer knows the problem, not the rule's id. The names are the rules'
// own (`meta.name`); the id stays in what is written into the document
// (<!-- gongwen-disable placeholder -->) and in the diagnostic's code.

import { RULES_BY_ID } from '../engine/rules/index.js';
import type { Locale } from '../engine/types.js';

/** The rule's short name in `locale`; an unknown rule is named by its id. */
export function ruleName(rule: string, locale: Locale): string {
  return RULES_BY_ID.get(rule)?.meta.name[locale] ?? rule;
}
