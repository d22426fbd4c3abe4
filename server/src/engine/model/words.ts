// Word lists shared by the model, the runner and the rules: what a report calls itself, and the
// words a title line holds. Each user adds only its own extras to these, so the lists agree.

/** What a report calls itself: 总结, 报告, 汇报, 述职. */
export const REPORT_NOUNS = ['总结', '报告', '汇报', '述职'] as const;

/** Words of a report's title besides the nouns (工作计划, 工作要点, 讲话, 情况). */
export const TITLE_WORDS = [...REPORT_NOUNS, '情况', '计划', '要点', '讲话'] as const;

/** A regular-expression alternation of words (they hold no special characters). */
export function alternation(words: readonly string[]): string {
  return words.join('|');
}
