// copy-residue: watermarks and advertising that template sites stamp on the texts they hand out
// (仅供学习参考, 请勿照搬照抄, 本文系……投稿, 会员资料, 获得完整版, QQ numbers, （来源：网络）), as
// single lines, as sentences inside a paragraph, or as whole ad blocks at the top or the end.
// The fix deletes the residue: the sentence, the line, or the whole block in one edit.

import { isDigitCode, isHan, isLatinCode, TextMask } from '../model/chars.js';
import type { Span } from '../model/markdown.js';
import type { LineInfo } from '../model/report-model.js';
import { msg, type OffsetEdit, type Rule } from '../rule.js';
import type { Message } from '../types.js';

export type Kind = 'watermark' | 'pitch' | 'contact' | 'source' | 'extra';

export interface Pattern {
  re: RegExp;
  kind: Kind;
  /** Weak phrases also occur in reports' own words (严厉打击倒卖, 涉密资料严禁外传, 开通QQ群：…):
   * they count only inside an ad block that holds a strong phrase, on a short line. */
  weak?: boolean;
}

export interface PatternGroup {
  /** Words that every phrase of the group contains (keep them in step with the patterns): a
   * line without any is not searched. */
  anchor: RegExp;
  patterns: Pattern[];
}

/** Built-in residue phrases, in two groups by the words they contain (two short word lists,
 * not one long one: V8 scans a text for a few words fast and for many words several times
 * slower). Every quantifier is bounded; no pattern nests quantifiers. */
export const BUILTIN_PHRASES: PatternGroup[] = [
  {
    // 来源, 来自 …, not 网络: reports speak of 网络 often, of 来源于网络 only in residue.
    anchor: /仅供|请勿|投稿|转载|版权|来源|来自|源自|摘自|转自|照搬|照抄|抄袭|外传|删除|商业用途/g,
    patterns: [
      // Watermarks
      { kind: 'watermark', re: /仅供(?:个人)?学习/g },
      { kind: 'watermark', re: /请勿(?:直接)?(?:照搬|照抄|抄袭|转载|外传)/g },
      { kind: 'watermark', re: /本文(?:系|为)[^，。！？,.!?\r\n]{0,12}投稿/g },
      { kind: 'watermark', re: /转载请注明|版权归原作者/g },
      { kind: 'watermark', re: /(?:本文|文章)(?:来源于|来自|源自|摘自)(?:网络|互联网)/g },
      { kind: 'watermark', weak: true, re: /(?:禁止|严禁|不得)(?:直接)?(?:照搬|照抄|抄袭|转载|外传)/g },
      { kind: 'watermark', weak: true, re: /用后(?:即)?删除/g },
      { kind: 'watermark', weak: true, re: /(?:严禁|禁止|不得)(?:用于)?商业用途/g },
      { kind: 'watermark', weak: true, re: /(?:资料|内容|图片)(?:来源于|来自|源自|摘自)(?:网络|互联网)/g },
      // Source notes
      { kind: 'source', re: /[（(][ \t\u3000]{0,2}(?:来源|转自|摘自)[：:]?[ \t\u3000]{0,2}(?:网络|互联网|网上)[ \t\u3000]{0,2}[）)]/g },
    ],
  },
  {
    // 微信 only before a colon: reports name their 微信群 and 微信公众号.
    anchor: /违者|必究|会员|完整版|订阅|资料咨询|倒卖|QQ|qq|微信号?[ \t\u3000]{0,3}[：:]|V信|vx|VX|wx|WX/g,
    patterns: [
      { kind: 'watermark', weak: true, re: /违者(?:后果自负|必究)|(?:侵权|翻版)必究/g },
      // Membership and subscription pitches
      { kind: 'pitch', re: /会员(?:资料|材料|专享|专属)|会员群[ \t\u3000]{0,3}[：:]/g },
      { kind: 'pitch', re: /(?:开通|购买|升级|充值)(?:VIP|vip)?会员|VIP会员/g },
      { kind: 'pitch', re: /(?:获得|获取|领取|下载)完整版/g },
      { kind: 'pitch', re: /(?:现在|立即|马上|点击)订阅|订阅[^，。！？\r\n]{0,6}?(?:立享|即享|尊享)/g },
      { kind: 'pitch', weak: true, re: /会员(?:群|权益|免费)/g },
      { kind: 'pitch', weak: true, re: /资料咨询/g },
      { kind: 'pitch', weak: true, re: /(?:打击|举报)倒卖/g },
      // QQ and WeChat contacts: a report may give its own service group (开通便民QQ群：…)
      { kind: 'contact', weak: true, re: /(?:QQ|qq)群?号?[ \t\u3000]{0,3}[：:]/g },
      { kind: 'contact', weak: true, re: /(?:QQ|qq)群?号?[ \t\u3000]{0,3}[1-9][0-9]{4,11}(?![0-9])/g },
      { kind: 'contact', weak: true, re: /(?:指定|咨询|联系|客服|免费)(?:QQ|qq)/g },
      { kind: 'contact', weak: true, re: /(?:微信|V信|vx|VX|wx|WX)号?[ \t\u3000]{0,3}[：:][ \t\u3000]{0,3}[A-Za-z0-9_-]{5,20}/g },
    ],
  },
];

const KIND_NAME: Record<Kind, Message> = {
  watermark: msg('水印', 'watermark'),
  pitch: msg('会员推销', 'membership pitch'),
  contact: msg('QQ/微信联系方式', 'QQ/WeChat contact'),
  source: msg('来源注记', 'source note'),
  extra: msg('自定义的广告词', 'configured residue'),
};

/** 。！？!? by code unit. */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63;
}
/** ”’）)】」』: closing marks that stay with the sentence they end. */
function isSentenceCloser(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0xff09 || c === 41 || c === 0x3011 || c === 0x300d || c === 0x300f;
}
/** A Chinese character (U+3400–U+9FFF), a Latin letter or a digit. */
function isWordChar(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || isLatinCode(c) || isDigitCode(c);
}
/** A brand or slogan line inside an ad block: short, no sentence or clause marks, not a title. */
const SLOGAN_MAX = 20;
/** Longest line that weak phrases alone can make an ad line. */
const WEAK_LINE_MAX = 40;
const TITLE_WORDS = /总结|报告|汇报|述职|计划|要点|讲话|情况|方案|意见|通知/;
/** At most this many non-residue lines (slogans, blank lines) between two residue lines of a block. */
const MAX_GAP = 6;
const MAX_GAP_SLOGANS = 4;

interface Hit extends Span {
  kind: Kind;
  weak: boolean;
}

interface Segment extends Span {
  hits: Hit[];
}

interface ResidueLine {
  line: LineInfo;
  hits: Hit[];
  /** Only weak phrases: a member of an ad block at most, never a finding on its own. */
  weak: boolean;
}

export interface CopyResidueOptions {
  extra: RegExp[];
  allow: string[];
}

/** Reads `{"extra": [regex…], "allow": [word…]}`; invalid entries are dropped. */
export function readCopyResidueOptions(options: Record<string, unknown>): { options: CopyResidueOptions; problems: string[] } {
  const problems: string[] = [];
  const extra: RegExp[] = [];
  const allow: string[] = [];
  for (const key of Object.keys(options)) if (key !== 'extra' && key !== 'allow') problems.push(`unknown option "${key}"`);
  const list = (key: 'extra' | 'allow'): string[] => {
    const v = options[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.length === 0)) {
      problems.push(`"${key}" must be an array of non-empty strings`);
      return [];
    }
    return v as string[];
  };
  for (const source of list('extra')) {
    try {
      extra.push(new RegExp(source, 'gu'));
    } catch {
      problems.push(`invalid regular expression: ${source}`);
    }
  }
  allow.push(...list('allow'));
  return { options: { extra, allow }, problems };
}

export function validateCopyResidueOptions(options: Record<string, unknown>): Message | undefined {
  const { problems } = readCopyResidueOptions(options);
  if (problems.length === 0) return undefined;
  return msg(
    `规则「copy-residue」的选项有误：${problems.join('；')}（应形如 {"extra": [正则…], "allow": [词语…]}）`,
    `invalid options of rule "copy-residue": ${problems.join('; ')} (expected {"extra": [regex…], "allow": [word…]})`,
  );
}

export const copyResidue: Rule = {
  meta: {
    id: 'copy-residue',
    description: msg('从模板网站复制带入的水印和广告：仅供学习参考、会员资料、获得完整版、QQ号、（来源：网络）等', 'Watermarks and ads copied from template sites: 仅供学习参考, 会员资料, 获得完整版, QQ numbers, （来源：网络）…'),
    defaultSeverity: 'warning',
    docs: 'docs/rules/copy-residue.md',
    fixable: true,
  },
  validateOptions: validateCopyResidueOptions,
  check({ model, options, report }) {
    const { options: opts } = readCopyResidueOptions(options);
    const text = model.text;
    const mask = new TextMask(model);
    const hitsByLine = collectHits(model.text, model.lines, mask, opts);

    // 1. Residue lines (every sentence is residue) and residue sentences inside real lines.
    const whole = new Map<number, ResidueLine>();
    for (const [number, hits] of hitsByLine) {
      const line = model.lines[number - 1];
      const segments = splitSentences(text, line, mask);
      // Both lists are in text order: hand each segment the hits that overlap it.
      let first = 0;
      for (const seg of segments) {
        while (first < hits.length && hits[first].end <= seg.start) first++;
        for (let k = first; k < hits.length && hits[k].start < seg.end; k++) seg.hits.push(hits[k]);
      }
      // What is left once residue sentences and self-contained source notes are taken out.
      const residueLeft = segments.some((seg) => {
        if (seg.hits.some((h) => h.kind !== 'source')) return false;
        let k = 0;
        for (let o = seg.start; o < seg.end; o++) {
          while (k < seg.hits.length && seg.hits[k].end <= o) k++;
          if (k < seg.hits.length && seg.hits[k].start <= o) continue;
          if (isWordChar(text.charCodeAt(o))) return true;
        }
        return false;
      });
      if (!residueLeft) {
        const weak = hits.every((h) => h.weak);
        // A weak line joins a block only when it is short, like the ad lines around it.
        if (weak && text.slice(line.contentStart, line.end).trim().length > WEAK_LINE_MAX) continue;
        whole.set(line.number, { line, hits, weak });
        continue;
      }
      for (const seg of segments) {
        if (seg.hits.length === 0 || seg.hits.every((h) => h.weak)) continue;
        const sentence = seg.hits.some((h) => h.kind !== 'source');
        if (sentence) {
          reportPart(seg.start, seg.end, seg.hits);
        } else {
          for (const h of seg.hits) reportPart(h.start, h.end, [h]);
        }
      }
    }

    function reportPart(start: number, end: number, hits: Hit[]) {
      const what = describe(text, hits);
      let s = start;
      while (s < end && /[ \t\u3000]/.test(text[s])) s++;
      report({
        start: s,
        end,
        message: msg(`疑似从模板网站带入的${what['zh-CN']}，应删除`, `Looks like ${what.en} copied from a template site: remove it`),
        fix: { title: msg('删除这段文字', 'Remove this text'), edits: [{ start, end, text: '' }] },
      });
    }

    // 2. Blocks: residue lines joined across short slogan lines and blank lines.
    const lines = model.lines;
    let firstContent = 1;
    while (firstContent <= lines.length && lines[firstContent - 1].kind === 'blank') firstContent++;
    let lastContent = lines.length;
    while (lastContent >= 1 && lines[lastContent - 1].kind === 'blank') lastContent--;
    const numbers = [...whole.keys()].sort((a, b) => a - b);
    let i = 0;
    while (i < numbers.length) {
      const first = numbers[i];
      let last = first;
      let j = i + 1;
      while (j < numbers.length && joinable(last, numbers[j])) {
        last = numbers[j];
        j++;
      }
      if (j === numbers.length) last = withTrailingSlogans(last);
      if (numbers.slice(i, j).some((n) => !whole.get(n)!.weak)) reportBlock(first, last);
      i = j;
    }

    function joinable(a: number, b: number): boolean {
      if (b - a - 1 > MAX_GAP) return false;
      let slogans = 0;
      for (let n = a + 1; n < b; n++) {
        const l = lines[n - 1];
        if (l.kind === 'blank') continue;
        if (!isSlogan(l)) return false;
        slogans++;
      }
      return slogans <= MAX_GAP_SLOGANS;
    }

    /** Brand lines after the last residue line, up to the end of the document, go with it. */
    function withTrailingSlogans(last: number): number {
      let tail = last;
      let slogans = 0;
      for (let n = last + 1; n <= lines.length; n++) {
        const l = lines[n - 1];
        if (l.kind === 'blank') continue;
        if (!isSlogan(l) || ++slogans > MAX_GAP_SLOGANS) return last;
        tail = n;
      }
      return tail;
    }

    function isSlogan(l: LineInfo): boolean {
      if (l.kind !== 'text' || l.heading || l.numbered || l.number === model.title?.line) return false;
      const t = text.slice(l.contentStart, l.end).trim();
      if (t.length === 0 || t.length > SLOGAN_MAX) return false;
      if (/[。；;：:！？!?]/.test(t) || TITLE_WORDS.test(t)) return false;
      if (/^[0-9０-９]/.test(t)) return false;
      return [...t].some((c) => isHan(c));
    }

    function reportBlock(first: number, last: number) {
      const a = lines[first - 1];
      const hits: Hit[] = [];
      for (let n = first; n <= last; n++) hits.push(...(whole.get(n)?.hits ?? []));
      let start = a.start;
      let end = last < lines.length ? lines[last].start : text.length;
      const blank = (n: number) => n >= 1 && n <= lines.length && lines[n - 1].kind === 'blank';
      const allBlankBefore = first <= firstContent;
      const allBlankAfter = last >= lastContent;
      if (allBlankBefore) {
        // At the top: the document starts with what follows the block.
        start = 0;
        let n = last + 1;
        while (n <= lines.length && blank(n)) n++;
        end = n <= lines.length ? lines[n - 1].start : text.length;
      } else if (allBlankAfter) {
        // At the end: the document ends with the line break of its last real line.
        let n = first - 1;
        while (n >= 1 && blank(n)) n--;
        start = n < lines.length ? lines[n].start : text.length;
        end = text.length;
      } else if (blank(first - 1) && blank(last + 1)) {
        // In the middle, between blank lines: keep one run of blank lines.
        let n = last + 1;
        while (n <= lines.length && blank(n)) n++;
        end = lines[n - 1].start;
      }
      const count = last - first + 1;
      const what = describe(text, hits);
      // The finding is shown on the block's first residue phrase; the fix removes the whole block.
      const shown = hits[0];
      const edits: OffsetEdit[] = [{ start, end, text: '' }];
      report({
        start: shown.start,
        end: shown.end,
        message:
          count === 1
            ? msg(`疑似从模板网站带入的${what['zh-CN']}，应删除这一行`, `Looks like ${what.en} copied from a template site: remove the line`)
            : msg(`疑似从模板网站带入的广告块（共 ${count} 行：${what['zh-CN']}），应整块删除`, `Looks like an ad block copied from a template site (${count} lines: ${what.en}): remove the block`),
        fix: { title: count === 1 ? msg('删除这一行', 'Remove the line') : msg(`删除这 ${count} 行`, `Remove these ${count} lines`), edits },
      });
    }
  },
};

/** Residue hits per line number, in text order, with hits inside earlier ones dropped.
 * Built-in patterns never cross a line break: they run on the text lines that hold an anchor
 * word; configured ones run on each line, as documented. */
function collectHits(text: string, lines: readonly LineInfo[], mask: TextMask, opts: CopyResidueOptions): Map<number, Hit[]> {
  const all: Hit[] = [];
  const index = new LineLookup(lines);
  const add = (line: LineInfo, start: number, end: number, kind: Kind, weak: boolean) => {
    if (end <= start || mask.skip(start) || allowed(line.text, line.start, start, end, opts.allow)) return;
    all.push({ start, end, kind, weak });
  };
  for (const [line, groups] of anchoredLines(text, index)) {
    if (line.kind !== 'text') continue;
    for (let g = 0; g < BUILTIN_PHRASES.length; g++) {
      if (!(groups & (1 << g))) continue;
      for (const p of BUILTIN_PHRASES[g].patterns) {
        p.re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = p.re.exec(line.text))) add(line, line.start + m.index, line.start + m.index + m[0].length, p.kind, p.weak === true);
      }
    }
  }
  if (opts.extra.length > 0) {
    for (const line of lines) {
      if (line.kind !== 'text') continue;
      for (const re of opts.extra) {
        for (const m of line.text.matchAll(re)) add(line, line.start + m.index, line.start + m.index + m[0].length, 'extra', false);
      }
    }
  }
  all.sort((x, y) => x.start - y.start || y.end - x.end);
  const byLine = new Map<number, Hit[]>();
  let current: Hit[] = [];
  let currentLine = -1;
  let lastEnd = -1;
  for (const h of all) {
    if (h.end <= lastEnd) continue;
    lastEnd = h.end;
    const n = index.at(h.start).number;
    if (n !== currentLine) {
      current = [];
      currentLine = n;
      byLine.set(n, current);
    }
    current.push(h);
  }
  return byLine;
}

/** The lines holding an anchor word, in text order, each with a bit set per group (1 << g)
 * whose anchor words it holds. */
function anchoredLines(text: string, index: LineLookup): [LineInfo, number][] {
  const found = new Map<LineInfo, number>();
  for (let g = 0; g < BUILTIN_PHRASES.length; g++) {
    const anchor = BUILTIN_PHRASES[g].anchor;
    anchor.lastIndex = 0;
    while (anchor.test(text)) {
      const line = index.at(anchor.lastIndex - 1);
      found.set(line, (found.get(line) ?? 0) | (1 << g));
      // One word is enough: go on from the next line.
      anchor.lastIndex = Math.max(anchor.lastIndex, line.end);
    }
  }
  return [...found].sort((a, b) => a[0].start - b[0].start);
}

/** Finds the line of an offset: a cursor moving forward, with a binary search to go back. */
class LineLookup {
  private cursor = 0;
  constructor(private readonly lines: readonly LineInfo[]) {}
  at(offset: number): LineInfo {
    const lines = this.lines;
    if (lines[this.cursor].start > offset) {
      let lo = 0;
      let hi = this.cursor;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lines[mid].start <= offset) lo = mid;
        else hi = mid - 1;
      }
      this.cursor = lo;
    }
    while (this.cursor + 1 < lines.length && lines[this.cursor + 1].start <= offset) this.cursor++;
    return lines[this.cursor];
  }
}

/** A hit that overlaps an allowed word is the writer's own text. */
function allowed(line: string, base: number, start: number, end: number, allow: readonly string[]): boolean {
  for (const word of allow) {
    // The first occurrence that could still reach the hit.
    const i = line.indexOf(word, Math.max(0, start - base - word.length + 1));
    if (i >= 0 && base + i < end) return true;
  }
  return false;
}

/** Sentences of a line (content only, skipped text such as HTML comments outside them). */
function splitSentences(text: string, line: LineInfo, mask: TextMask): Segment[] {
  const out: Segment[] = [];
  let start = line.contentStart;
  const masked = mask.touches(line.contentStart, line.end);
  for (let i = line.contentStart; i < line.end; i++) {
    if (masked && mask.skip(i)) {
      if (i > start) out.push({ start, end: i, hits: [] });
      while (i < line.end && mask.skip(i)) i++;
      start = i;
      i--;
      continue;
    }
    if (isSentenceEnd(text.charCodeAt(i))) {
      let e = i + 1;
      while (e < line.end && (isSentenceEnd(text.charCodeAt(e)) || isSentenceCloser(text.charCodeAt(e)))) e++;
      out.push({ start, end: e, hits: [] });
      start = e;
      i = e - 1;
    }
  }
  if (start < line.end) out.push({ start, end: line.end, hits: [] });
  return out.filter((seg) => {
    for (let o = seg.start; o < seg.end; o++) if (!/\s/.test(text[o])) return true;
    return false;
  });
}

function describe(text: string, hits: Hit[]): Message {
  const kinds = [...new Set(hits.map((h) => h.kind))];
  const words = [...new Set(hits.map((h) => text.slice(h.start, h.end).trim()))].slice(0, 3).map((w) => `「${w}」`);
  const zh = kinds.map((k) => KIND_NAME[k]['zh-CN']).join('、');
  const en = kinds.map((k) => KIND_NAME[k].en).join(', ');
  return msg(`${zh}${words.join('')}`, `${en} ${words.join(' ')}`);
}
