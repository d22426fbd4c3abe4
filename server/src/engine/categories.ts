// What kind of problem a rule finds, in words a writer uses (序号, 标点, 错别字 …): the editor puts
// the category before each message (【标点】…) so that findings of one kind read together, and the
// status item counts findings per category. Every rule names one (`meta.category`); a finding
// may name another of its rule's own (`RuleReport.category`, for a dictionary with several packs).


export const CATEGORIES = {
  numbering: { 'zh-CN': '序号', en: 'Numbering' },
  structure: { 'zh-CN': '结构', en: 'Structure' },
  blank: { 'zh-CN': '未填内容', en: 'Blanks' },
  residue: { 'zh-CN': '网页残留', en: 'Copy residue' },
  punctuation: { 'zh-CN': '标点', en: 'Punctuation' },
  date: { 'zh-CN': '日期', en: 'Dates' },
  number: { 'zh-CN': '数字用法', en: 'Number usage' },
  misspelling: { 'zh-CN': '错别字', en: 'Misspellings' },
  variant: { 'zh-CN': '异形词', en: 'Variant forms' },
  formulation: { 'zh-CN': '规范表述', en: 'Official wording' },
  spacing: { 'zh-CN': '空格', en: 'Spacing' },
  repetition: { 'zh-CN': '重复字词', en: 'Repeated words' },
  word: { 'zh-CN': 'Word 版式', en: 'Word layout' },
} as const satisfies Record<string, { readonly 'zh-CN': string; readonly en: string }>;

export type RuleCategory = keyof typeof CATEGORIES;

export function isCategory(id: string): id is RuleCategory {
  return Object.prototype.hasOwnProperty.call(CATEGORIES, id);
}
