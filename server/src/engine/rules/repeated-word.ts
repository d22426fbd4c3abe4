// repeated-word: a word typed twice by accident — 二是是, 在在, 全面全面, 切实切实, 进一步进一步.
//
// Chinese doubles words on purpose too: 常常, 人人, 认认真真, 研究研究, 一步一步. And two words often
// meet on the same character: 学生生活, 企业业务, 现在在, 为了了解, 一是是否. So a single character is
// reported only when it is a function word that forms no word with its neighbours (的的, 在在, 是是,
// 了了, 们们), and a repeat of two or more characters unless it is a known reduplication.
// The fix removes the second copy only.

import { isHanCode, TextMask } from '../model/chars.js';
import { proseLines } from '../model/report-model.js';
import { defineRule, localized } from '../rule.js';
import { REPORT_NOUNS } from '../model/words.js';

/**
 * Single characters that are reported when doubled, each with the contexts where the doubling is
 * two words meeting: `before` the characters that, ahead of the pair, make a word with its first
 * copy (现|在在), `beforeWords` the words that do (实实|在在); `after` the characters that, following
 * it, make a word with the second (是是|否); `only` the characters it must follow to be reported at all.
 */
const SINGLE: Record<string, { before?: string; beforeWords?: string[]; after?: string; only?: string }> = {
  // 目的的, 的的确确.
  的: { before: '目有标端', after: '确' },
  // 现在在, 实实在在, 存在在, 正在在, 旨在在 … (落实在在 is a slip: only 实实 before it).
  在: { before: '现存正所自好内外潜旨意重贵难妙志健不', beforeWords: ['实实'] },
  // Only after an ordinal (二是是): 实事求是是, 但是是谁, 就是是 are two words; 一是是否, 二是是非.
  是: { only: '一二三四五六七八九十', after: '否非' },
  // 为了了解, 受不了了, 清楚明了了, 不了了之, 一了百了, 了却, 了如指掌.
  了: { before: '不百明', after: '解之却结如然得断' },
  们: {},
  于: {},
  也: {},
  被: {},
  // 从从容容.
  从: { after: '容' },
  // 着着实实.
  着: { after: '实' },
  // 一把把, 把把关.
  把: { before: '一', after: '关' },
  这: {},
  那: {},
};

/**
 * Repeats of two characters that are reduplications, not slips: verbs tried out (研究研究), states
 * (雪白雪白), sounds. Stored as the repeated unit. (AA and AABB forms — 常常, 认认真真 — are single
 * characters doubled, never reported unless listed in SINGLE; 一步一步 is ONE_BY_ONE.)
 */
export const REDUPLICATIONS: ReadonlySet<string> = new Set([
  // Verbs, ABAB: do a little, try.
  '研究', '讨论', '学习', '商量', '考虑', '了解', '交流', '整理', '活动', '休息', '锻炼', '打扫', '收拾', '准备',
  '介绍', '检查', '比较', '思考', '反思', '琢磨', '尝试', '练习', '批评', '表扬', '提醒', '指导', '帮助', '沟通', '协调',
  '请示', '调查', '熟悉', '清理', '梳理', '放松', '调整', '分析', '联系', '走访', '关心', '体验', '感受', '欣赏',
  '打听', '商议', '议论', '合计', '盘算', '核对', '对照', '打磨', '敲打',
  // States, ABAB.
  '雪白', '通红', '笔直', '冰凉', '火热', '漆黑', '碧绿', '蜡黄', '崭新', '滚烫', '高兴', '热闹', '暖和', '凉快', '轻松', '舒服',
  // Sounds.
  '哈哈', '呵呵', '嘻嘻', '嘿嘿', '咚咚', '哗啦', '叮当',
]);

/** The first characters of four-character parallels (共建共治, 联防联控, 群防群治, 自查自纠, 边学边改,
 * 即知即改): after a word ending like the parallel's first word (构建|共建共治), two of them read as a
 * repeat (建共建共) that is none. */
const PARALLEL_HEADS = '共联群自边即互齐双同全多真';

/** 一步一步, 一点一点, 一个一个 …: 一 and a measure word, doubled. */
const ONE_BY_ONE = /^一[\u3400-\u9fff]$/;

/** Longest repeated unit looked for, in characters. */
const MAX_UNIT = 8;
/** The characters of SINGLE, by code: a doubled character is looked at only when it is one of them. */
const SINGLE_CODES = new Set(Object.keys(SINGLE).map((c) => c.charCodeAt(0)));

export const repeatedWord = defineRule({
  meta: {
    id: 'repeated-word',
    name: localized('词语重复', 'repeated word'),
    description: localized('误打了两遍的字词：「二是是」「在在」「全面全面」；常常、人人、研究研究等叠词不算', 'A word typed twice by accident: 二是是, 在在, 全面全面; reduplications such as 常常, 人人, 研究研究 are fine'),
    category: 'repetition',
    defaultSeverity: 'warning',
    docs: 'docs/rules/repeated-word.md',
    fixable: true,
    fixNote: localized('删去重复的部分', 'removes the repeated copy'),
    messages: {
      repeated: { 'zh-CN': '「{word}」重复了', en: '"{word}" is repeated' },
      removeRepeat: { 'zh-CN': '删去重复的「{word}」', en: 'Remove the repeated "{word}"' },
    },
  },
  check({ model, report }) {
    const mask = new TextMask(model);
    for (const line of proseLines(model)) {
      // The line's own string: indexing a short flat string is faster than the whole text.
      const s = line.text;
      const base = line.start;
      const from = line.contentStart - base;
      const masked = mask.touches(line.contentStart, line.end);
      const near = recursNearby(s, from);
      let i = from;
      while (i < s.length) {
        const found = near[i] === 1 ? repeatAt(s, i, s.length) : undefined;
        if (!found) {
          i++;
          continue;
        }
        const { unit, copies } = found;
        // A reduplication (研究研究, 哈哈哈哈): go on from its last copy, so that every character is
        // looked at a bounded number of times however long the run.
        if (!found.accidental) {
          i += unit * (copies - 1);
          continue;
        }
        const span = unit * copies;
        const start = base + i;
        if (masked && (mask.skip(start) || mask.skip(start + span - 1))) {
          i += span;
          continue;
        }
        const word = s.slice(i, i + unit);
        if (gluedTitle(s, from, i, unit)) {
          i += span;
          continue;
        }
        report({
          start,
          end: start + span,
          messageId: 'repeated',
          data: { word },
          fix: { messageId: 'removeRepeat', data: { word }, edits: [{ start: start + unit, end: start + span, text: '' }] },
        });
        i += span;
      }
    }
  },
});

/** Longest title run into the report's text on one line that is told apart from a slip. */
const MAX_GLUED_TITLE = 30;
const CLAUSE_MARK = /[，。；：！？,.;:!?、]/;

/**
 * A page's title run into the report's first sentence, as a site's copy gives it (局长述职报告述职报告
 * 就是…): the first copy ends the title and the second starts the text. So a unit that ends in a
 * report's noun (总结, 报告…), whose first copy ends a short stretch from the line's start with no
 * clause mark in it and whose second copy runs on into the text, is not reported.
 */
function gluedTitle(s: string, from: number, i: number, unit: number): boolean {
  const word = s.slice(i, i + unit);
  if (unit < 2 || !REPORT_NOUNS.some((n) => word.endsWith(n))) return false;
  // The text goes on after the second copy: 工作总结工作总结 standing alone, or before a space, is a slip.
  if (!isHanCode(s.charCodeAt(i + 2 * unit))) return false;
  const title = s.slice(from, i + unit);
  return title.length <= MAX_GLUED_TITLE && !CLAUSE_MARK.test(title);
}

// Where each Han character of a line comes again within MAX_UNIT characters: one pass from the
// right with the last place of each character, so that the search for a repeat (which needs its
// first character to come again) runs at those places only. The buffers are reused, and stamped
// per line instead of cleared.
const lastAt = new Int32Array(0x10000);
const stampOf = new Int32Array(0x10000);
let stamp = 0;
let nearBuffer = new Uint8Array(1024);

function recursNearby(s: string, from: number): Uint8Array {
  if (nearBuffer.length < s.length) nearBuffer = new Uint8Array(Math.max(s.length, nearBuffer.length * 2));
  const near = nearBuffer;
  if (++stamp === 0x7fffffff) {
    stampOf.fill(0);
    stamp = 1;
  }
  for (let k = s.length - 1; k >= from; k--) {
    const c = s.charCodeAt(k);
    if (!isHanCode(c)) {
      near[k] = 0;
      continue;
    }
    near[k] = stampOf[c] === stamp && lastAt[c] - k <= MAX_UNIT ? 1 : 0;
    lastAt[c] = k;
    stampOf[c] = stamp;
  }
  return near;
}

/** The repeat starting at `i`, if any: its unit's length, how many copies follow each other
 * (二是是是: one unit of one character, three copies), and whether it is a slip. The longest unit
 * wins: a shorter one inside a reduplication is part of it (认认真真 is not 认认). */
function repeatAt(text: string, i: number, end: number): { unit: number; copies: number; accidental: boolean } | undefined {
  const first = text.charCodeAt(i);
  for (let unit = Math.min(MAX_UNIT, (end - i) >> 1); unit >= 1; unit--) {
    // The first character must repeat at distance `unit` before the rest is compared.
    if (text.charCodeAt(i + unit) !== first) continue;
    // A doubled character other than SINGLE's is never a slip, nor is it part of a longer one.
    if (unit === 1 && !SINGLE_CODES.has(first)) return undefined;
    if (!sameRun(text, i, i + unit, unit)) continue;
    if (!allHan(text, i, unit)) continue;
    let copies = 2;
    while (i + (copies + 1) * unit <= end && sameRun(text, i, i + copies * unit, unit)) copies++;
    return { unit, copies, accidental: accidental(text, i, unit, copies) };
  }
  return undefined;
}

function sameRun(text: string, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

function allHan(text: string, from: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (!isHanCode(text.charCodeAt(from + k))) return false;
  return true;
}

/** Whether `copies` copies of the `unit` characters at `i` are a slip rather than Chinese. */
function accidental(text: string, i: number, unit: number, copies: number): boolean {
  const word = text.slice(i, i + unit);
  if (unit === 1) {
    const rule = SINGLE[word];
    if (!rule) return false;
    const before = text[i - 1];
    const after = text[i + copies];
    if (rule.only && (before === undefined || !rule.only.includes(before))) return false;
    if (rule.before && before !== undefined && rule.before.includes(before)) return false;
    if (rule.beforeWords && rule.beforeWords.some((w) => text.endsWith(w, i))) return false;
    if (rule.after && after !== undefined && rule.after.includes(after)) return false;
    return true;
  }
  if (REDUPLICATIONS.has(word) || ONE_BY_ONE.test(word)) return false;
  // AABB written out (认认真真) is found at its single characters, never as a two-character repeat;
  // a unit made of one character twice (看看看看) is a sound or an emphasis.
  if (unit === 2 && word[0] === word[1]) return false;
  if (unit === 2 && copies === 2 && PARALLEL_HEADS.includes(word[1]) && isHanCode(text.charCodeAt(i + 4))) return false;
  return true;
}
