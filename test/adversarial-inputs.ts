// Pathological texts shared by the tests (which check that every rule gets through them) and by
// `npm run bench -- adversarial` (which times them against normal reports of the same size).

/** The texts issue 5 names, at about `size` characters each. */
export function ENGINE_ADVERSARIAL(size = 200_000): Record<string, string> {
  return {
    '200,000 X': 'X'.repeat(size),
    '200,000 *': '*'.repeat(size),
    '一是， repeated': '一是，'.repeat(Math.floor(size / 3)),
    '200,000 （': '（'.repeat(size),
    '60,000 一、 lines': '一、\n'.repeat(Math.floor((size * 3) / 10)),
    'a 1 MB single line': '一是X市*（'.repeat(size),
    // Markers without their punctuation between siblings, and restarts inside sections, on every
    // other line: each is read as its writer meant (marker-repair.ts) without searching again.
    'slipped markers': Array.from({ length: Math.floor(size / 6) }, (_, i) => (i % 2 ? `${(i % 98) + 1}甲` : `${(i % 98) + 1}.乙`)).join('\n'),
    'restarts in sections': Array.from({ length: Math.floor(size / 4) }, (_, i) => ['二、', '一．', '二．', '三以'][i % 4]).join('\n'),
    // Front matter of 30,000 keys (larger than the engine reads: one problem), and front matter
    // just under that limit, which is read: YAML's duplicate-key check grew with the square of the keys.
    '30,000-key front matter': frontMatterDraft(30_000),
    'front matter at the size limit': frontMatterDraft(1450),
  };
}

/** Runs of the marks the writing rules (punctuation, dates, residue) look at, `n` characters each. */
export function WRITING_ADVERSARIAL(n = 1_000_000): Record<string, string> {
  return {
    hyphens: '-'.repeat(n),
    dots: '.'.repeat(n),
    brackets: '（'.repeat(n),
    quotes: '“'.repeat(n),
    commas: ','.repeat(n),
    'Chinese and commas': '中,'.repeat(n / 2),
    'Chinese and hyphens': '中-'.repeat(n / 2),
    'ellipsis and 等': '、中中中等……'.repeat(Math.floor(n / 7)),
    'date-like': '2025.1.'.repeat(Math.floor(n / 7)),
    // Numbers the way number-usage, spacing and the range check read them, run together.
    'spaced numbers': '共 1 个，'.repeat(Math.floor(n / 6)),
    'spaced words': '中 '.repeat(n / 2),
    'numerals and ranges': '七、八1-2～3千二个.5'.repeat(Math.floor(n / 14)),
    'full-width digits': '１'.repeat(n),
    // One pasted paragraph of report sentences, each followed by a site phrase: copy-residue
    // hands each sentence its phrases (a search of all phrases per sentence grew with the square).
    'residue sentences in one line': '组织培训六期，成效明显。不代表本站立场。'.repeat(Math.floor(n / 20)),
    // The proofreading rules: a reduplication and a doubled character as long as the line (each
    // run is looked at once, not once per character), figures missing everywhere, and a report
    // of numbered headings with nothing under them.
    reduplication: '研究'.repeat(n / 2),
    'doubled character': '的'.repeat(n),
    'units without figures': '达亿元，'.repeat(n / 4),
    'empty headings': '一、标题\n'.repeat(Math.floor(n / 20)),
  };
}

/** One long run of a character inside a line, after a marker or a heading mark and before one
 * more character: a pattern like /[：\s]+$/ would search the run again from each of its characters. */
export function RUN_ADVERSARIAL(n = 200_000): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [prefix, run] of [
    ['一、', ' '],
    ['一、', '\u3000'],
    ['（一）', '\t'],
    ['1. ', '：'],
    ['一、', ':'],
    ['# ', '*'],
    ['# ', '_'],
    ['一是', '*'],
  ]) {
    out[`${prefix}${JSON.stringify(run)}×${n}x`] = prefix + run.repeat(n) + 'x';
  }
  return out;
}

/** A short draft under front matter with a gongwen block and `keys` more keys. */
function frontMatterDraft(keys: number): string {
  const lines = Array.from({ length: keys }, (_, i) => `k${i}: ${i}`).join('\n');
  return `---\ngongwen:\n  type: 工作总结\n${lines}\n---\n# 某局2025年工作总结\n\n一、主要工作\n\n三、存在问题\n`;
}

/** Runs of what the term packs look for, `n` characters each: pattern prefixes that a regex
 * pattern follows (截止), exceptions around every match (确定单位), and a finding every few characters. */
export function TERMS_ADVERSARIAL(n = 200_000): Record<string, string> {
  return {
    '截止 repeated': '截止'.repeat(n / 2),
    '确定单位 repeated': '确定单位'.repeat(n / 4),
    '二十届 repeated': '二十届'.repeat(Math.floor(n / 3)),
    '截止2 repeated': '截止2'.repeat(Math.floor(n / 3)),
    '定单 repeated': '定单'.repeat(n / 2),
  };
}
