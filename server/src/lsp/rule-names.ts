// Short names of the rules, for the titles of code actions (修复本文件中所有「占位符」问题,
// 在此行停用「序号连续」): a writer knows the problem, not the rule's id. The id stays in what is
// written into the document (<!-- gongwen-disable placeholder -->) and in the diagnostic's code.

import type { Locale, Localized } from '../engine/types.js';

/** Every rule of the registry has a name here (test/lsp-clients.test.ts checks it). */
export const RULE_NAMES: Readonly<Record<string, Localized>> = {
  'numbering-sequence': { 'zh-CN': '序号连续', en: 'section number sequence' },
  'numbering-format': { 'zh-CN': '序号写法', en: 'section number form' },
  'enumeration-sequence': { 'zh-CN': '“一是、二是”顺序', en: 'inline ordinal sequence' },
  'heading-depth': { 'zh-CN': '标题深度', en: 'heading depth' },
  placeholder: { 'zh-CN': '占位符', en: 'placeholder' },
  'required-section': { 'zh-CN': '必备部分', en: 'required section' },
  'section-order': { 'zh-CN': '部分顺序', en: 'section order' },
  'copy-residue': { 'zh-CN': '模板网站残留', en: 'template-site residue' },
  'punctuation-width': { 'zh-CN': '全角标点', en: 'full-width punctuation' },
  'paired-punctuation': { 'zh-CN': '成对标点', en: 'paired punctuation' },
  'punctuation-form': { 'zh-CN': '标点写法', en: 'punctuation form' },
  'date-format': { 'zh-CN': '日期写法', en: 'date format' },
};

/** The rule's short name in `locale`; a rule without one is named by its id. */
export function ruleName(rule: string, locale: Locale): string {
  return Object.hasOwn(RULE_NAMES, rule) ? RULE_NAMES[rule][locale] : rule;
}
