// Markers that real drafts write wrong in ways that would otherwise cascade through the numbering
// checks, read the way their writer meant them, so that one slip is one finding on its own line:
// - a marker that lost its punctuation (三以产业振兴为抓手, 7健全台账, （三加强管理) where it fits
//   the sibling sequence on both sides (or closes it, on a short heading line);
// - a run that restarts at 一 inside a level-1 section (一． 二． under 二、): the next level down,
//   written with the wrong marker.
// Both happen on the flat list of body markers, before the section tree is built.

import { parseArabic, parseChineseNumeral } from './numerals.js';
import { standardMarker, type Level, type Marker } from './markers.js';
import { HAN, HAN_RANGES } from './chars.js';

/** What a line's content starts with when it may be a marker without its punctuation. */
export interface BareCandidate {
  line: number;
  marker: Marker;
  /** The line's content is short and has no sentence end: it can close a run on its own. */
  headingLike: boolean;
}

/** After a bare Chinese numeral: characters that make a word with it (三农, 四个意识, 十分, 二者). */
const ZH_WORD_AFTER = new Set('是者农会重风大分类要年月日次条点方级种批线化型期项个位名户人家倍成届轮起来多余只'.split(''));
/** After bare digits: units and words that make a number, not a marker (7月, 8个, 9人次). */
const AR_WORD_AFTER = new Set('年月日号时分秒天周个人名户家项次件条处所座台辆套张份本册万亿千百元角米里亩吨斤克度岁倍成届期批轮位起栋层间块只头场区类种点级'.split(''));

const ZH_BARE = /^[二三四五六七八九十]{1,3}/;
const AR_BARE = /^[0-9０-９]{1,2}/;
const BRACKET_BARE = new RegExp(`^[（(]([零〇一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})(?=[${HAN_RANGES}])`);

/**
 * A marker written without its punctuation at `at`, if the line starts like one. The returned
 * marker's `written` is what is there (三, 7, （三); `standard` adds what is missing.
 */
export function readBareMarker(text: string, at: number, lineEnd: number): Marker | undefined {
  const s = text.slice(at, Math.min(lineEnd, at + 8));
  const br = BRACKET_BARE.exec(s);
  if (br) {
    const numeral = br[1];
    const chinese = !/^[0-9０-９]/.test(numeral);
    const value = chinese ? parseChineseNumeral(numeral) : parseArabic(numeral);
    if (!value) return undefined;
    const level: Level = chinese ? 2 : 4;
    const numeralStart = at + 1;
    return bare(text, level, value, at, numeralStart, numeralStart + numeral.length, chinese ? numeral : String(value));
  }
  const zh = ZH_BARE.exec(s);
  if (zh) {
    const numeral = zh[0];
    const next = s[numeral.length];
    if (next === undefined || !HAN.test(next) || ZH_WORD_AFTER.has(next)) return undefined;
    const value = parseChineseNumeral(numeral);
    return value ? bare(text, 1, value, at, at, at + numeral.length, numeral) : undefined;
  }
  const ar = AR_BARE.exec(s);
  if (ar) {
    const numeral = ar[0];
    const next = s[numeral.length];
    if (next === undefined || !HAN.test(next) || AR_WORD_AFTER.has(next)) return undefined;
    const value = parseArabic(numeral);
    return value ? bare(text, 3, value, at, at, at + numeral.length, String(value)) : undefined;
  }
  return undefined;
}

function bare(text: string, level: Level, value: number, start: number, numeralStart: number, numeralEnd: number, standardNumeral: string): Marker {
  return {
    level,
    value,
    written: text.slice(start, numeralEnd),
    start,
    end: numeralEnd,
    numeralStart,
    numeralEnd,
    standard: standardMarker(level, standardNumeral),
    isStandard: false,
    missing: true,
  };
}

/** The fields of a body marker these repairs read and write. */
export interface RepairItem {
  line: number;
  marker: Marker;
  level: Level;
  value: number;
  isHeading: boolean;
}

/**
 * Which bare candidates are markers: those whose value fits between the nearest sibling before
 * (value − 1) and the nearest sibling after (value + 1), with no marker of a higher rank between;
 * those that open children restarting at 1 right after a deeper run that had counted on; or, on
 * a heading-like line, those that follow their sibling before and have none after. A candidate
 * with value 1 is never taken: nothing before it shows the sequence.
 */
export function acceptBare(items: readonly RepairItem[], candidates: readonly BareCandidate[]): BareCandidate[] {
  const out: BareCandidate[] = [];
  let k = 0;
  for (const c of candidates) {
    const level = c.marker.level;
    const value = c.marker.value;
    if (value < 2) continue;
    while (k < items.length && items[k].line < c.line) k++;
    // The sibling before: the nearest marker at this level, with none of a higher rank between.
    let before: RepairItem | undefined;
    for (let i = k - 1; i >= 0; i--) {
      if (items[i].level < level) break;
      if (items[i].level === level) {
        before = items[i];
        break;
      }
    }
    // Its children restart at 1 after a deeper run that had counted on: （五）… 四以… （一）…
    const prevItem = k > 0 ? items[k - 1] : undefined;
    const nextItem = k < items.length ? items[k] : undefined;
    const opensChildren = !!prevItem && !!nextItem && prevItem.level > level && prevItem.value >= 2 && nextItem.level > level && nextItem.value === 1;
    if (opensChildren && (!before || before.value === value - 1)) {
      out.push(c);
      continue;
    }
    if (!before || before.value !== value - 1) continue;
    let after: RepairItem | undefined;
    let closed = false;
    for (let i = k; i < items.length; i++) {
      if (items[i].level < level) {
        closed = true;
        break;
      }
      if (items[i].level === level) {
        after = items[i];
        break;
      }
    }
    if (after ? after.value === value + 1 : (closed || k >= items.length) && c.headingLike) out.push(c);
  }
  return out;
}

/** The punctuation a marker is written with after its numeral (、 . ． ， ,), '' for bracketed ones. */
function suffixOf(text: string, m: Marker): string {
  return text.slice(m.numeralEnd, m.end);
}

const OFF_STANDARD_SUFFIX = new Set(['.', '．', '，', ',']);

/**
 * Runs that restart at 一 inside a level-1 section are the next level down. A paragraph marker
 * 一 (level 1) after a level-1 sibling starts such a run when it is written differently from that
 * sibling with an off-standard mark (一． under 二、), or, written alike, when the sibling is 二 or
 * later and not the stretch's first level-1 marker (一、 二、 inside the 二、 that follows 一、; a
 * report that opens at 二、 shows no outer run, and renumbering it to 一、 must not change how the
 * markers after it are read). The run goes on over the markers written like its first that count
 * on from it, and ends at the one that continues the outer sequence. Each marker of the run is
 * rewritten to the level below: （一） when the section has no （一） of its own before the run,
 * else 1. — `demoted` records the level it was written at.
 */
export function demoteRestarts(text: string, items: readonly RepairItem[], barriers: readonly number[]): void {
  let outer: RepairItem | undefined;
  /** Whether `outer` follows another level-1 marker of its stretch: a first marker written 二、
   * (its 一 cut off, or a slip that renumbering will mend) shows no run to restart inside. */
  let outerFollows = false;
  let sawLevel2 = false;
  let b = 0;
  for (let i = 0; i < items.length; i++) {
    const m = items[i];
    // A plain heading (第二部分) starts the numbering afresh.
    let crossed = false;
    while (b < barriers.length && barriers[b] < m.line) {
      b++;
      crossed = true;
    }
    if (crossed) {
      outer = undefined;
      outerFollows = false;
      sawLevel2 = false;
    }
    if (m.level === 2) sawLevel2 = true;
    if (m.level !== 1) continue;
    const suffix = suffixOf(text, m.marker);
    const restarts =
      outer !== undefined &&
      m.value === 1 &&
      !m.isHeading &&
      !m.marker.missing &&
      (OFF_STANDARD_SUFFIX.has(suffix) ? suffix !== suffixOf(text, outer.marker) && outer.value >= 1 : outer.value >= 2 && outerFollows);
    if (!restarts || !outer) {
      outerFollows = outer !== undefined;
      outer = m;
      sawLevel2 = false;
      continue;
    }
    const to: Level = sawLevel2 ? 3 : 2;
    let expect = 1;
    let j = i;
    for (; j < items.length; j++) {
      const r = items[j];
      if (r.level !== 1) continue;
      if (b < barriers.length && barriers[b] < r.line) break;
      if (r.isHeading || r.marker.missing || suffixOf(text, r.marker) !== suffix || r.value !== expect || r.value === outer.value + 1) break;
      demote(text, r, to);
      expect++;
    }
    i = j - 1;
  }
}

function demote(text: string, r: RepairItem, to: Level): void {
  const m = r.marker;
  const numeral = text.slice(m.numeralStart, m.numeralEnd);
  const standardNumeral = to === 3 ? String(m.value) : numeral;
  m.demoted = m.level;
  m.level = to;
  m.standard = standardMarker(to, standardNumeral);
  m.isStandard = false;
  r.level = to;
}
