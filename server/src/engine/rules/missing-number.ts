// missing-number: a figure deleted with no marker left. Templates and document sites delete the
// numbers of a report and leave their frame: 贷款余额达亿元, 同比增长%, 投入资金万多元, 新建了个活动室,
// 满意率达。 — a unit or measure word with no number before it, or a 率达 with nothing after it.
//
// Blanks that keep a marker (XX, ***, __, 某某) are placeholder's: a marker before the unit counts
// as the number here, so that one blank gets one finding.
//
// Real text has many look-alikes (达到, 共同, 占领, 个人, 计划, 完成了个别, 上万元, 近亿元, 万元户,
// 门诊人次): every cue below is a pair that needs a number between its parts, and the words a pair
// also starts (个人, 项目, 场所, 条件 …) are left out.

import { isEnglishLine, isHanCode, TextMask } from '../model/chars.js';
import type { LineInfo } from '../model/report-model.js';
import { defineRule, localized } from '../rule.js';

/** What stands for a number before a unit: digits, Chinese numerals, 几/数 (几万元, 数亿元), and
 * the marks placeholder reports (XX万元, **%, __个, 某某). */
const NUMBER_LIKE = /[0-9０-９一二三四五六七八九十百千万亿两〇零壹贰叁肆伍陆柒捌玖拾佰仟萬億兩几数幾數xXＸ×*＊_#○□某]/;
/** Before a 万/亿 unit, words of approximation stand for the number: 上万元, 近亿元, 过亿元, 超万元,
 * 逾亿元, 破亿元, 成万元. */
const APPROXIMATE = /[上近过超逾破成過]/;
/** Before 多人次, 多万元: 许多 更多 众多 … say "many", not a figure's 多. */
const MANY = /[许很更诸众最较大繁增]/;
/** Before any unit: 每万元 (per), 以万元为单位, 按%计, 单位万元 — a unit named, not a quantity. */
const UNIT_NAMED = /[每按以位]/;

/**
 * Units that always follow a figure: 亿元 万元 (also 万余元, 多万元, 亿多元), 亿美元 万美元, %, 个百分点,
 * 平方米 平方公里. One expression for all of them, each starting with a rare character, so that the
 * engine skips to the candidates.
 */
const UNIT = /[%％]|个百分点|平方(?:公里|千米|米)|[万亿萬億](?:[余多餘]?(?:美元|元)|[余多餘]人次)|[余多餘](?:[万亿萬億](?:美元|元)?|人次)/g;
/** What after 万元/亿元 makes them a class, not an amount: 万元户, 万元GDP, 亿元以上项目, 亿元级, 亿元村. */
const CLASS_AFTER = /^(?:户|GDP|生产总值|产值|增加值|能耗|以上|以下|级|村|镇|企业|项目|大关|台阶|关口|俱乐部)/;

/**
 * A cue of quantity directly followed by a measure word: 共个, 累计名, 新增户, 完成项, 了个. The
 * measure word's own words (个人, 项目, 名单, 场所, 条件, 起来 …) are excluded by MEASURE_WORD.
 */
const CUE_MEASURE = /(?:共计|合计|总计|累计|一共|总共|新增|增加|减少|增长|下降|降低|提高|完成|投入|达到|下辖|共|达|了|计)(?:人次|户次|余|个|名|家|项|户|件|场|所|座|条|期|批|篇|台|辆|套|张|起|例|支|份|位|吨|倍|公里|千米|亩|元|人)/g;
/**
 * Amounts of land and harvest with their figure deleted: 播种面积万亩, 总产万吨, 单产公斤, 增加万亩,
 * 达万吨. The 万 units also name a scale (万亩良田, 万吨级码头) and 亩 吨 open words (亩产, 吨位):
 * only right after a cue, and not before 产 位 级.
 */
const CUE_AMOUNT = /(?:总产量|总产|产量|单产|增产|减产|面积)(?:万亩|万吨|万公斤|公斤|千克|公顷|亩|吨)|(?:共计|合计|累计|新增|增加|减少|完成|达到|共|达)(?:万亩|万吨|万公斤|公斤|千克|公顷)/g;
const AMOUNT_UNIT = /(?:万亩|万吨|万公斤|公斤|千克|公顷|亩|吨)$/;
/** A 万 unit that ends its clause (油菜万亩，, 其它作物万亩；, 油菜万亩（不含…）): as a scale it would name a thing after it (万亩良田). */
const WAN_AMOUNT_END = /(?:万亩|万吨|万公斤)(?=[，,。；;、（()）]|$)/gm;
const AMOUNT_WORD_AFTER = /^[产位级]/;

/** Words that open with a measure word: after a cue they are the cue's object, not a quantity. */
const MEASURE_WORD = new RegExp(
  '^(?:' +
    [
      '个[人别体性案把头子儿]',
      '名[单额称字录次义牌片声誉优人师医校列副不胜目]',
      '家[庭属长园乡具族风访政电居务畜禽里中人门]',
      '项目',
      '户[籍口外型主数厕用均]',
      '件[数事]',
      '次[要日年序数均生]',
      '场[所地景馆合次面站域]',
      '所[有在属得需以谓长辖能用做学为]',
      '座[谈位次]',
      '条[件例款块线理形幅]',
      '期[间限待望末中初满刊货]',
      '批[次准复示评发量办]',
      '篇[幅章目]',
      '台[账帐风阶湾面]',
      '套[餐路取用]',
      '张[贴扬家榜]',
      '起[来步草诉点到色码始航跑止]',
      '例[会行如外]',
      '支[持出部付援撑队行柱农教医配]',
      '份[额]',
      '位[置于列居次]',
      '吨[位]',
      '倍[增加感数]',
      '元[旦素月年宵首老件器气]',
      '余[额粮热下地量]',
      '人[员才民口们力心士事均数群类物格]',
    ].join('|') +
    ')',
);
/** Before a cue, what makes it part of another word: 到达 发达 传达 下达 (达), 公共 中共 (共), 为了
 * 除了 (了: 为了个人 is caught by 个人 anyway). */
const CUE_IN_WORD: Record<string, RegExp> = {
  达: /[到发通表传下抵送直畅豁雷马转上腾练八]$/,
  共: /[公中]$/,
  // The words that end in 计 (jieba's word list): 设计 统计 估计 预计 会计 审计 不计 …, and 温度计 气压计.
  计: /[设统估累预会审决合共伙总诡生不妙算大奸毒活心献定问谋中巧鬼狡度压射准之间城肉小核主时]$/,
};
/** After a lone 计 (全年计家企业, 计人参加), only the measure words that count heads or units: 计件 (piece
 * rate), 计时, 计分, 计元 are left out. */
const JI_MEASURE = /^(?:人次|户次|家|人|个|名|项|户|场|所|座|批|台|辆|套|例|支|位)$/;
/** A measure word that only counts when the quantity ends with it: 共人，(not 投入人力). */
const ENDS_QUANTITY = /^(?:[，,。；;、：:！!？?）)”]|$|的|参加|参与|以上|左右)/;

/**
 * A rate or an amount with nothing after its verb: 满意率达。, 覆盖率为，, 总额达，, 人数达，, 增幅为；.
 * Punctuation of either width (the sample pages store it half-width). 达 alone before punctuation
 * is not enough: it ends names (万达、华达) and words (到达。 传达，).
 */
const RATE_EMPTY = /(?:率|比重|占比|比例|增幅|降幅|增速|总额|总量|余额|规模)(?:达到|达|为)(?=[，,。；;、！!？?）)])|(?:数|量|额|值|面积|收入|累计|共计)(?:达到|达)(?=[，,。；;、！!？?）)])/g;
/** 完成年度计划的。 — a share of a plan with its percentage deleted. */
const PLAN_SHARE = /完成了?[^，,。；;！!？?\r\n]{0,6}?计划的(?=[，,。；;！!？?）)])/g;
/** 对未完成年度计划的，予以通报, 对超额完成计划的，给予奖励: those who did, not a share. Looked for in
 * the clause before 完成. */
const WHO_DID = /[对凡未没不]/;
/** 了 before a measure word is a blank after a verb of building or setting up (新建了个活动室,
 * 设置了个窗口); after others it is spoken Chinese with 一 left out (开了个好头, 打了场硬仗). */
const LE_AFTER = /(?:建|设|置|办|立|装|配|购|造|育|引进|签约|招聘|种植|修|铺|挖)$/;

/**
 * A date with its figures deleted: 月日，, 于月日, 。月上旬, 自月份以来. After a figure, a marker or a
 * word that names the month (本月, 每月, 当月, 元月, 腊月, 次月) it is a date, not a blank.
 */
const DATE_PART = /月(?:[日号]|上旬|中旬|下旬|份)/g;
const MONTH_WORD = /[本当上下每次同该元正腊冬隔前后各逐整半全满蜜岁日明赏望闰个按分近数几]/;
/** After 月日: 日均, 日常, 日报, 日期 … (每月日均) are words. */
const DAY_WORD = /^[日号](?:均|常|报|期|志|程|益|新|夜|记|前|后|起|至|内)/;
/** Before a deleted month, words that start a time: 自月份以来, 截至月底, 于月日. */
const TIME_START = /[自从至到于]/;
/** A count of households after its noun: X类客户户， (the figure before the last 户 deleted). */
const HOUSEHOLDS = /(?:客|用|商|农|住)户户(?=[，,。；;、])/g;
/** After a blank before a measure word, the items of the same list: 共个街道、个社区、个行政村. */
const LIST_ITEM = /[、，,](?:个|名|家|项|户|所|座|条|场)(?=[\u3400-\u9fff])/y;
const SENTENCE_STOP = /[。；;！!？?\r\n]/;

/** An ordinal with its figure deleted: 排名第位, 第季度, 第号文件. Not 门第, 次第, 及第, 府第. */
const ORDINAL_EMPTY = /第(?=名|位|个|次|届|批|期|项|季度|轮|条|款|页|号|阶段|梯队)/g;
const ORDINAL_IN_WORD = /[门次及落府宅科甲等]$/;

/** The lines a finding can be in: paragraphs and headings; table cells hold labels and units (金额（万元）). */
function reportLines(lines: readonly LineInfo[], text: string, re: RegExp, visit: (line: LineInfo, m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lineIndex = 0;
  while ((m = re.exec(text))) {
    while (lineIndex < lines.length - 1 && lines[lineIndex].end < m.index) lineIndex++;
    const line = lines[lineIndex];
    if (line.kind === 'text') visit(line, m);
  }
}

/** The clause before `offset` on its line: back to the last clause mark, at most 20 characters. */
function clauseBefore(text: string, line: LineInfo, offset: number): string {
  let s = offset;
  while (s > line.contentStart && offset - s < 20 && !/[，,。；;：:！!？?]/.test(text[s - 1])) s--;
  return text.slice(s, offset);
}

/** Characters after which a word starts: particles, conjunctions and prepositions (贷款余额达 → 「贷款余额达」
 * when the clause is short, 「余额达」 after 的 in 各项贷款的余额达). */
const WORD_AFTER = /[的了和与及并对向将把被从为是在于、年月]/;
/** The words the blank follows, as the message quotes them: back to the start of the clause (the Han
 * characters before the gap) when that is at most 8 characters; in a longer clause, from the first
 * word start within the last 8 (after 的 了 和 …), or the last 8 when there is none (a longer excerpt
 * than the 4 characters it was, which cut 贷款余额达 to 「款余额达」). */
function excerptBefore(text: string, line: LineInfo, offset: number): string {
  const max = 8;
  const run = wordsBefore(text, line, offset, max + 1);
  if (run.length <= max) return run;
  const window = run.slice(run.length - max);
  for (let i = 1; i < window.length - 1; i++) if (WORD_AFTER.test(window[i - 1])) return window.slice(i);
  return window;
}

/** The Han characters right before `offset` on its line, at most `n`: the words the blank follows. */
function wordsBefore(text: string, line: LineInfo, offset: number, n: number): string {
  let s = offset;
  while (s > line.contentStart && offset - s < n && isHanCode(text.charCodeAt(s - 1))) s--;
  return text.slice(s, offset);
}

export const missingNumber = defineRule({
  meta: {
    id: 'missing-number',
    name: localized('缺少数字', 'missing number'),
    description: localized(
      // No % here: the manifest reads %…% as a localization key.
      '数字被删去而没有留下占位符：「余额达亿元」「新建了个活动室」「满意率达。」',
      'A figure deleted without a placeholder: 余额达亿元, 新建了个活动室, 满意率达。',
    ),
    category: 'blank',
    defaultSeverity: 'error',
    docs: 'docs/rules/missing-number.md',
    fixable: false,
    fixNote: localized('缺的是哪个数字，只有作者知道', 'only the writer knows the figure'),
    messages: {
      beforeUnit: { 'zh-CN': '缺少数字：「{before}」与「{unit}」之间应有数字', en: 'Missing number: a figure belongs between "{before}" and "{unit}"' },
      unitAlone: { 'zh-CN': '缺少数字：「{unit}」前面应有数字', en: 'Missing number: a figure belongs before "{unit}"' },
      afterVerb: { 'zh-CN': '缺少数字：「{before}」后面应有数字', en: 'Missing number: a figure belongs after "{before}"' },
    },
  },
  check({ model, report }) {
    const { text, lines } = model;
    const mask = new TextMask(model);
    const reported = new Set<number>();
    const english = new Map<LineInfo, boolean>();
    /** A blank at `gap` before `[gap, end)` (the unit; empty after a verb): reported over the
     * two characters before the gap and the unit, once per gap. */
    const blank = (line: LineInfo, gap: number, unitStart: number, end: number, unit: string | undefined) => {
      const before = wordsBefore(text, line, gap, 4);
      const start = Math.min(unitStart, gap - Math.min(2, before.length));
      if (reported.has(gap) || start >= end || mask.skip(start) || mask.skip(end - 1)) return;
      // An English sentence quoting Chinese units (a measure word such as 个 人次 %) is not a report's.
      let isEnglish = english.get(line);
      if (isEnglish === undefined) english.set(line, (isEnglish = isEnglishLine(model, line, mask)));
      if (isEnglish) return;
      reported.add(gap);
      const words = excerptBefore(text, line, gap);
      if (unit === undefined) report({ start, end, messageId: 'afterVerb', data: { before: words } });
      else if (before.length > 0) report({ start, end, messageId: 'beforeUnit', data: { before: words, unit } });
      else report({ start, end, messageId: 'unitAlone', data: { unit } });
    };

    // Units that always follow a figure.
    reportLines(lines, text, UNIT, (line, m) => {
      const unit = m[0];
      const at = m.index;
      let p = at;
      // 175 亿元: a space between the figure and its unit. After a word and a space (完成 万元)
      // the space may stand for the figure, or the unit be quoted in a list (如 个 元 %): not reported.
      while (p > line.contentStart && (text[p - 1] === ' ' || text[p - 1] === '\u3000')) p--;
      if (p <= line.contentStart) return;
      const c = text[p - 1];
      if (NUMBER_LIKE.test(c) || p < at) return;
      // 1.4万余平方米, 6千多平方米: 余 and 多 follow the figure.
      if ((c === '余' || c === '多' || c === '餘') && p - 1 > line.contentStart && NUMBER_LIKE.test(text[p - 2])) return;
      // Only after a Chinese word: a Latin letter (GDP%) or a bracket ((%) in a label) names the unit.
      if (!isHanCode(c.charCodeAt(0))) return;
      if (UNIT_NAMED.test(c)) return;
      const wan = /^[万亿萬億余多餘]/.test(unit);
      if (wan && APPROXIMATE.test(c)) return;
      if (unit[0] === '多' && MANY.test(c)) return;
      if (wan && /^[万亿萬億]元$/.test(unit) && CLASS_AFTER.test(text.slice(at + unit.length, at + unit.length + 4))) return;
      blank(line, p, at, at + unit.length, unit);
    });

    // An amount of land or harvest with its figure deleted (面积万亩, 总产万吨, 达万吨).
    reportLines(lines, text, CUE_AMOUNT, (line, m) => {
      const unit = AMOUNT_UNIT.exec(m[0])![0];
      const gap = m.index + m[0].length - unit.length;
      const cue = m[0].slice(0, m[0].length - unit.length);
      if (AMOUNT_WORD_AFTER.test(text.slice(gap + unit.length, gap + unit.length + 1))) return;
      const inWord = CUE_IN_WORD[cue];
      if (inWord && inWord.test(text.slice(Math.max(line.contentStart, m.index - 1), m.index))) return;
      blank(line, gap, m.index, gap + unit.length, unit);
    });

    reportLines(lines, text, WAN_AMOUNT_END, (line, m) => {
      const c = text[m.index - 1];
      if (m.index <= line.contentStart || !isHanCode(c.charCodeAt(0)) || NUMBER_LIKE.test(c) || APPROXIMATE.test(c) || UNIT_NAMED.test(c)) return;
      blank(line, m.index, m.index, m.index + m[0].length, m[0]);
    });

    // A cue of quantity and a measure word with nothing between.
    reportLines(lines, text, CUE_MEASURE, (line, m) => {
      const whole = m[0];
      const cue = /^(?:共计|合计|总计|累计|一共|总共|新增|增加|减少|增长|下降|降低|提高|完成|投入|达到|下辖|共|达|了|计)/.exec(whole)![0];
      const measure = whole.slice(cue.length);
      const gap = m.index + cue.length;
      const after = text.slice(gap, gap + 4);
      if (MEASURE_WORD.test(after)) return;
      if (cue === '计' && !JI_MEASURE.test(measure)) return;
      const inWord = CUE_IN_WORD[cue];
      if (inWord && inWord.test(text.slice(Math.max(line.contentStart, m.index - 1), m.index))) return;
      // 人 and 余 count only where the quantity ends (共人参加, 达余人): 投入人力, 增加人手 are words.
      if (measure === '人' && !ENDS_QUANTITY.test(text.slice(gap + 1, gap + 3))) return;
      if (measure === '余' && !/^[人名个家项户次件万亿元场所]/.test(text.slice(gap + 1, gap + 2))) return;
      // 了 + a measure word: 了个 is the form sites leave (新建了个活动室); 了 also ends a clause before
      // a noun (完成了项目) — those are MEASURE_WORD's. Other measure words after 了 are too often
      // words or a spoken 一 left out (回了家, 出了名, 上了台, 买了辆车).
      if (cue === '了' && !/^(?:个|项|户|场|座|期|批|所|支|例|人次|户次)$/.test(measure)) return;
      if (cue === '了' && !LE_AFTER.test(text.slice(Math.max(line.contentStart, m.index - 2), m.index))) return;
      // A Han character must follow a measure word of 了 (了个活动室); a clause may end after the others.
      if (cue === '了' && !isHanCode(text.charCodeAt(gap + measure.length))) return;
      blank(line, gap, m.index, gap + measure.length, measure);
      // The list this blank opens: each item's blank too.
      for (let q = gap + measure.length; q < line.end && q - gap < 80 && !SENTENCE_STOP.test(text[q]); q++) {
        LIST_ITEM.lastIndex = q;
        if (!LIST_ITEM.test(text)) continue;
        const item = q + 1;
        if (!MEASURE_WORD.test(text.slice(item, item + 4))) blank(line, item, item, item + 1, text[item]);
      }
    });

    // A date with its figures deleted.
    reportLines(lines, text, DATE_PART, (line, m) => {
      const at = m.index;
      const part = m[0].slice(1);
      let p = at;
      while (p > line.contentStart && (text[p - 1] === ' ' || text[p - 1] === '\u3000')) p--;
      const c = p > line.contentStart ? text[p - 1] : undefined;
      if (c !== undefined && (NUMBER_LIKE.test(c) || MONTH_WORD.test(c))) return;
      const boundary = c === undefined || !isHanCode(c.charCodeAt(0));
      if (part === '日' || part === '号') {
        if (DAY_WORD.test(text.slice(at + 1, at + 3))) return;
        // 2025年月日 (a figure before 年), not the term 年月日.
        const afterYear = c === '年' && p - 1 > line.contentStart && NUMBER_LIKE.test(text[p - 2]);
        if (!boundary && !TIME_START.test(c!) && !afterYear) return;
      } else if (!boundary && !TIME_START.test(c!)) return;
      // Only after punctuation of a sentence, not a bracket or a quote (“月上旬” as a term).
      if (boundary && c !== undefined && !/[，,。；;：:、]/.test(c)) return;
      blank(line, p, at, at + m[0].length, m[0]);
    });

    // An ordinal with its figure deleted.
    reportLines(lines, text, ORDINAL_EMPTY, (line, m) => {
      if (ORDINAL_IN_WORD.test(text.slice(Math.max(line.contentStart, m.index - 1), m.index))) return;
      const unit = /^(?:季度|阶段|梯队|[^季阶梯])/.exec(text.slice(m.index + 1, m.index + 3))![0];
      blank(line, m.index + 1, m.index, m.index + 1 + unit.length, unit);
    });

    // A count of households after its noun.
    reportLines(lines, text, HOUSEHOLDS, (line, m) => {
      const gap = m.index + 2;
      blank(line, gap, gap, gap + 1, '户');
    });

    // A rate, an amount or a plan's share with nothing after it.
    for (const re of [RATE_EMPTY, PLAN_SHARE]) {
      reportLines(lines, text, re, (line, m) => {
        if (re === PLAN_SHARE && WHO_DID.test(clauseBefore(text, line, m.index))) return;
        const end = m.index + m[0].length;
        blank(line, end, end, end, undefined);
      });
    }
  },
});
