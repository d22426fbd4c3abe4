// Word's automatic numbering, resolved into the text a reader sees (ECMA-376 Part 1, 17.9):
// `w:num` → `w:abstractNum` (directly or through a numbering style, `w:numStyleLink`), the
// level's `w:start`, `w:numFmt`, `w:lvlText` (`%1、`, `（%2）`), `w:lvlRestart`, `w:isLgl`,
// `w:suff`, and the instance's `w:lvlOverride` (`w:startOverride`, or a whole `w:lvl`).
//
// Counting as Word does: instances (`w:num`) of one abstract numbering share its counters and go on
// from each other; an instance with a `w:startOverride` counts on its own from the override. A
// level counts up each time a paragraph uses it; using a level resets the levels below it unless
// their `w:lvlRestart` says otherwise (0: never; n: only after level n or above).

import { formatChineseNumeral } from '../engine/model/numerals.js';
import { child, childrenNamed, num, onOff, val, type XmlElement } from './xml.js';

export interface NumberingLevel {
  ilvl: number;
  start: number;
  format: string;
  text: string;
  /** `w:lvlRestart`: undefined restarts after any higher level; 0 never; n after level n (1-based) or above. */
  restart?: number;
  /** `w:isLgl`: every number of the text in Arabic digits. */
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  /** The style this level is linked to (`w:pStyle`): a paragraph of that style without a level of its own gets this one. */
  pStyle?: string;
  /** The level's paragraph properties (indentation) and the number's run properties. */
  pPr?: XmlElement;
  rPr?: XmlElement;
}

interface Instance {
  numId: string;
  abstractId: string;
  /** Levels replaced whole by the instance (`w:lvlOverride/w:lvl`). */
  levels: Map<number, NumberingLevel>;
  starts: Map<number, number>;
}

export interface NumberResult {
  /** The number as it is shown (`三、`, `（二）`, `1.`); empty for a level formatted `none` with no other text. */
  text: string;
  level: NumberingLevel;
  numId: string;
  /** The counter's value at this paragraph. */
  value: number;
  bullet: boolean;
}

export class Numbering {
  private readonly abstracts = new Map<string, { levels: Map<number, NumberingLevel>; numStyleLink?: string; styleLink?: string }>();
  private readonly instances = new Map<string, Instance>();
  /** Counters by the key of the abstract numbering (shared) or of an instance with start overrides (its own). */
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(
    root: XmlElement | undefined,
    /** A numbering style's numId (`w:numStyleLink` → the style → its `w:numPr/w:numId`). */
    private readonly styleNumId: (styleId: string) => string | undefined = () => undefined,
  ) {
    if (!root) return;
    for (const a of childrenNamed(root, 'w:abstractNum')) {
      const id = a.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, NumberingLevel>();
      for (const l of childrenNamed(a, 'w:lvl')) {
        const level = readLevel(l);
        if (level) levels.set(level.ilvl, level);
      }
      this.abstracts.set(id, { levels, numStyleLink: val(a, 'w:numStyleLink'), styleLink: val(a, 'w:styleLink') });
    }
    for (const n of childrenNamed(root, 'w:num')) {
      const numId = n.attrs['w:numId'];
      const abstractId = val(n, 'w:abstractNumId');
      if (numId === undefined || abstractId === undefined) continue;
      const inst: Instance = { numId, abstractId, levels: new Map(), starts: new Map() };
      for (const o of childrenNamed(n, 'w:lvlOverride')) {
        const ilvl = num(o, 'w:ilvl') ?? 0;
        const start = num(child(o, 'w:startOverride'), 'w:val');
        if (start !== undefined) inst.starts.set(ilvl, start);
        const whole = child(o, 'w:lvl');
        const level = whole ? readLevel(whole, ilvl) : undefined;
        if (level) inst.levels.set(ilvl, level);
      }
      this.instances.set(numId, inst);
    }
  }

  get isEmpty(): boolean {
    return this.instances.size === 0;
  }

  /** The abstract numbering of an instance, following a numbering style link once or twice. */
  private abstractOf(inst: Instance): { id: string; levels: Map<number, NumberingLevel> } | undefined {
    let id = inst.abstractId;
    for (let hops = 0; hops < 3; hops++) {
      const a = this.abstracts.get(id);
      if (!a) return undefined;
      if (!a.numStyleLink) return { id, levels: a.levels };
      const linked = this.styleNumId(a.numStyleLink);
      const target = linked !== undefined ? this.instances.get(linked) : undefined;
      if (!target || target.abstractId === id) return { id, levels: a.levels };
      id = target.abstractId;
    }
    return undefined;
  }

  /** The level of an instance (override first); undefined when the instance or level is not defined. */
  level(numId: string, ilvl: number): NumberingLevel | undefined {
    const inst = this.instances.get(numId);
    if (!inst) return undefined;
    return inst.levels.get(ilvl) ?? this.abstractOf(inst)?.levels.get(ilvl);
  }

  /** The level of an instance linked to a paragraph style (`w:lvl/w:pStyle`), for a style's numbering without `w:ilvl`. */
  levelForStyle(numId: string, styleId: string): number | undefined {
    const inst = this.instances.get(numId);
    const a = inst && this.abstractOf(inst);
    if (!a) return undefined;
    for (const l of a.levels.values()) if (l.pStyle === styleId) return l.ilvl;
    return undefined;
  }

  /** Counts one numbered paragraph and returns its number; undefined when `numId` is 0 or not defined. */
  next(numId: string, ilvl: number): NumberResult | undefined {
    if (numId === '0') return undefined;
    const inst = this.instances.get(numId);
    if (!inst) return undefined;
    const abstract = this.abstractOf(inst);
    if (!abstract) return undefined;
    const levelOf = (i: number) => inst.levels.get(i) ?? abstract.levels.get(i);
    const level = levelOf(ilvl);
    if (!level) return undefined;
    const own = inst.starts.size > 0;
    const key = own ? `num:${numId}` : `abs:${abstract.id}`;
    let counters = this.counters.get(key);
    if (!counters) this.counters.set(key, (counters = []));
    const startOf = (i: number) => inst.starts.get(i) ?? levelOf(i)?.start ?? 0;
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    // Lower levels restart after this one, unless their lvlRestart keeps them going.
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const d = levelOf(deeper);
      const restart = d?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl + 1 <= restart) counters[deeper] = undefined;
    }
    const bullet = level.format === 'bullet';
    const text = bullet
      ? level.text
      : level.text.replace(/%([1-9])/g, (_, d: string) => {
          const i = Number(d) - 1;
          const l = levelOf(i);
          const value = counters[i] ?? startOf(i);
          if (!l) return '';
          return formatNumber(value, level.legal ? 'decimal' : l.format);
        });
    return { text, level, numId, value: counters[ilvl]!, bullet };
  }
}

function readLevel(l: XmlElement, fallbackIlvl?: number): NumberingLevel | undefined {
  const ilvl = num(l, 'w:ilvl') ?? fallbackIlvl;
  if (ilvl === undefined || ilvl < 0 || ilvl > 8) return undefined;
  const suff = val(l, 'w:suff');
  const restart = num(child(l, 'w:lvlRestart'), 'w:val');
  return {
    ilvl,
    start: num(child(l, 'w:start'), 'w:val') ?? 0,
    format: val(l, 'w:numFmt') ?? 'decimal',
    text: child(l, 'w:lvlText')?.attrs['w:val'] ?? '',
    restart,
    legal: onOff(l, 'w:isLgl') ?? false,
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    pStyle: val(l, 'w:pStyle'),
    pPr: child(l, 'w:pPr'),
    rPr: child(l, 'w:rPr'),
  };
}

const CIRCLED = 0x2460; // ① … ⑳
const PARENTHESIZED = 0x2474; // ⑴ … ⒇
const FULL_STOP = 0x2488; // ⒈ … ⒛
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const LEGAL_DIGITS = ['', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IDEOGRAPH_DIGITS = '〇一二三四五六七八九';

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let s = '';
  for (const [v, r] of table) while (n >= v) (s += r), (n -= v);
  return s;
}

/** Word's letters: A … Z, then AA … ZZ, AAA … (the letter repeated). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function legalChinese(n: number): string {
  if (n <= 0 || n > 99) return formatChineseNumeral(n);
  const t = Math.floor(n / 10);
  const u = n % 10;
  return (t ? (t === 1 ? '' : LEGAL_DIGITS[t]) + '拾' : '') + LEGAL_DIGITS[u];
}

/** A counter's value in a `w:numFmt`. Formats without a rendering here are written in Arabic digits. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'ordinal': {
      const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
      return `${n}${s}`;
    }
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return n === 0 ? '〇' : formatChineseNumeral(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/[0-9]/g, (d) => IDEOGRAPH_DIGITS[Number(d)]);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return legalChinese(n);
    case 'ideographTraditional':
      return n >= 1 ? HEAVENLY_STEMS[(n - 1) % 10] : String(n);
    case 'ideographZodiac':
      return n >= 1 ? EARTHLY_BRANCHES[(n - 1) % 12] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(CIRCLED + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(PARENTHESIZED + n - 1) : String(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(FULL_STOP + n - 1) : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}
