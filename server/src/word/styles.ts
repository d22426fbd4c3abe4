// Styles of a Word document (styles.xml, and the theme's fonts): the paragraph and run properties
// that apply to a paragraph or run, layered as Word layers them: document defaults, then the
// paragraph style and the styles it is based on (the root first), then (for paragraphs) the
// numbering level's properties, then a character style, then what the paragraph or run sets itself.

import { child, childrenNamed, num, onOff, val, type XmlElement } from './xml.js';
import type { WordIndent } from '../engine/word.js';

export interface RunProps {
  /** Fonts per slot: East Asian text (Han characters) is set in `eastAsia`, ASCII in `ascii`. */
  eastAsia?: string;
  ascii?: string;
  hAnsi?: string;
  cs?: string;
  /** `w:hint`: `eastAsia` sets ambiguous characters (“ ” —) in the East Asian font. */
  hint?: string;
  /** Size in half-points (`w:sz`): 32 is 16 pt, 三号. */
  size?: number;
  bold?: boolean;
  /** Hidden text (`w:vanish`): a reader does not see it. */
  hidden?: boolean;
}

/** A paragraph's indents as Word writes them (the engine's plain-data type, which the layout rules read). */
export type Indent = WordIndent;

export interface ParaProps {
  styleId?: string;
  jc?: string;
  ind: Indent;
  /** `w:spacing`: `line` in 240ths of a line (lineRule auto) or twips (exact, atLeast). */
  line?: number;
  lineRule?: string;
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
  snapToGrid?: boolean;
}

interface Style {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  pPr?: XmlElement;
  rPr?: XmlElement;
}

/** The theme's fonts: major (headings) and minor (body), per script. */
export interface ThemeFonts {
  major: { latin?: string; ea?: string; cs?: string };
  minor: { latin?: string; ea?: string; cs?: string };
}

/** The fonts a theme names: `a:ea`, or for an empty one the font of the document's East Asian script (`a:font script="Hans"`). */
export function readThemeFonts(theme: XmlElement | undefined, eastAsiaLang: string | undefined): ThemeFonts {
  const scheme = child(child(theme, 'a:themeElements'), 'a:fontScheme');
  const script = eastAsiaLang ? (/^zh-(TW|HK|MO)/i.test(eastAsiaLang) ? 'Hant' : /^zh/i.test(eastAsiaLang) ? 'Hans' : /^ja/i.test(eastAsiaLang) ? 'Jpan' : /^ko/i.test(eastAsiaLang) ? 'Hang' : undefined) : undefined;
  const read = (el: XmlElement | undefined) => {
    const face = (name: string) => child(el, name)?.attrs.typeface || undefined;
    let ea = face('a:ea');
    if (!ea && script) ea = childrenNamed(el, 'a:font').find((f) => f.attrs.script === script)?.attrs.typeface || undefined;
    return { latin: face('a:latin'), ea, cs: face('a:cs') };
  };
  return { major: read(child(scheme, 'a:majorFont')), minor: read(child(scheme, 'a:minorFont')) };
}

const HEADING_NAME = /^heading\s*([1-9])$/i;

export class Styles {
  private readonly byId = new Map<string, Style>();
  private readonly defaultPara?: string;
  private readonly rPrDefault?: XmlElement;
  private readonly pPrDefault?: XmlElement;
  private readonly chains = new Map<string, Style[]>();

  constructor(
    root: XmlElement | undefined,
    private readonly theme: ThemeFonts,
  ) {
    const defaults = child(root, 'w:docDefaults');
    this.rPrDefault = child(child(defaults, 'w:rPrDefault'), 'w:rPr');
    this.pPrDefault = child(child(defaults, 'w:pPrDefault'), 'w:pPr');
    for (const s of childrenNamed(root, 'w:style')) {
      const id = s.attrs['w:styleId'];
      if (id === undefined) continue;
      const type = s.attrs['w:type'] ?? 'paragraph';
      this.byId.set(id, { id, type, name: val(s, 'w:name') ?? id, basedOn: val(s, 'w:basedOn'), pPr: child(s, 'w:pPr'), rPr: child(s, 'w:rPr') });
      const isDefault = s.attrs['w:default'] === '1' || s.attrs['w:default'] === 'true';
      if (type === 'paragraph' && isDefault && this.defaultPara === undefined) this.defaultPara = id;
    }
  }

  /** The paragraph style a paragraph has: its own `w:pStyle` if defined, else the default paragraph style. */
  paragraphStyle(pStyle: string | undefined): string | undefined {
    if (pStyle !== undefined && this.byId.get(pStyle)?.type === 'paragraph') return pStyle;
    return this.defaultPara;
  }

  name(styleId: string | undefined): string | undefined {
    return styleId === undefined ? undefined : this.byId.get(styleId)?.name;
  }

  /** A style and those it is based on, the root first; cycles and unknown ids end the chain. */
  private chain(id: string | undefined): Style[] {
    if (id === undefined) return [];
    const cached = this.chains.get(id);
    if (cached) return cached;
    const out: Style[] = [];
    const seen = new Set<string>();
    for (let s = this.byId.get(id); s && !seen.has(s.id) && out.length < 32; s = s.basedOn ? this.byId.get(s.basedOn) : undefined) {
      seen.add(s.id);
      out.unshift(s);
    }
    this.chains.set(id, out);
    return out;
  }

  /** The numbering a style gives its paragraphs (`w:numPr` in the style or a style it is based on). */
  styleNumbering(styleId: string | undefined): { numId?: string; ilvl?: number } {
    const out: { numId?: string; ilvl?: number } = {};
    for (const s of this.chain(styleId)) {
      const numPr = child(s.pPr, 'w:numPr');
      if (!numPr) continue;
      const numId = val(numPr, 'w:numId');
      const ilvl = num(child(numPr, 'w:ilvl'), 'w:val');
      if (numId !== undefined) out.numId = numId;
      if (ilvl !== undefined) out.ilvl = ilvl;
    }
    return out;
  }

  /** The `w:numId` of a numbering style (for `w:numStyleLink`). */
  numberingStyleNumId(styleId: string): string | undefined {
    return this.styleNumbering(styleId).numId;
  }

  /** The heading level of a style by its built-in name (`heading 1` → 0), if it is one. */
  headingLevel(styleId: string | undefined): number | undefined {
    for (const s of this.chain(styleId).reverse()) {
      const m = HEADING_NAME.exec(s.name);
      if (m) return Number(m[1]) - 1;
    }
    return undefined;
  }

  isTitleStyle(styleId: string | undefined): boolean {
    return this.chain(styleId).some((s) => /^title$/i.test(s.name));
  }

  /** Paragraph properties: defaults, style chain, the numbering level's, the paragraph's own. */
  paragraphProps(styleId: string | undefined, levelPPr: XmlElement | undefined, direct: XmlElement | undefined): ParaProps {
    const out: ParaProps = { styleId, ind: {} };
    applyPPr(out, this.pPrDefault);
    for (const s of this.chain(styleId)) applyPPr(out, s.pPr);
    applyPPr(out, levelPPr);
    applyPPr(out, direct);
    return out;
  }

  /** Run properties of text: defaults, the paragraph style chain, the character style chain, the run's own. */
  runProps(paraStyle: string | undefined, direct: XmlElement | undefined, extra?: XmlElement): RunProps {
    const out: RunProps = {};
    this.applyRPr(out, this.rPrDefault);
    for (const s of this.chain(paraStyle)) this.applyRPr(out, s.rPr);
    const rStyle = val(direct, 'w:rStyle');
    if (rStyle !== undefined) for (const s of this.chain(rStyle)) if (s.type === 'character') this.applyRPr(out, s.rPr);
    this.applyRPr(out, direct);
    this.applyRPr(out, extra);
    return out;
  }

  private themeFont(name: string | undefined): string | undefined {
    if (!name) return undefined;
    const set = name.startsWith('major') ? this.theme.major : this.theme.minor;
    if (name.endsWith('EastAsia')) return set.ea;
    if (name.endsWith('Bidi')) return set.cs;
    return set.latin;
  }

  private applyRPr(out: RunProps, rPr: XmlElement | undefined): void {
    if (!rPr) return;
    const fonts = child(rPr, 'w:rFonts');
    if (fonts) {
      // A theme font wins over the explicit font of the same slot.
      const slot = (explicit: string, theme: string): string | undefined => {
        if (fonts.attrs[theme] !== undefined) return this.themeFont(fonts.attrs[theme]) ?? fonts.attrs[explicit];
        return fonts.attrs[explicit];
      };
      const eastAsia = slot('w:eastAsia', 'w:eastAsiaTheme');
      const ascii = slot('w:ascii', 'w:asciiTheme');
      const hAnsi = slot('w:hAnsi', 'w:hAnsiTheme');
      const cs = slot('w:cs', 'w:cstheme');
      if (eastAsia !== undefined) out.eastAsia = eastAsia;
      if (ascii !== undefined) out.ascii = ascii;
      if (hAnsi !== undefined) out.hAnsi = hAnsi;
      if (cs !== undefined) out.cs = cs;
      if (fonts.attrs['w:hint'] !== undefined) out.hint = fonts.attrs['w:hint'];
    }
    const size = num(child(rPr, 'w:sz'), 'w:val');
    if (size !== undefined) out.size = size;
    const bold = onOff(rPr, 'w:b');
    if (bold !== undefined) out.bold = bold;
    const hidden = onOff(rPr, 'w:vanish');
    if (hidden !== undefined) out.hidden = hidden;
  }
}

function applyPPr(out: ParaProps, pPr: XmlElement | undefined): void {
  if (!pPr) return;
  const jc = val(pPr, 'w:jc');
  if (jc !== undefined) out.jc = jc;
  const ind = child(pPr, 'w:ind');
  if (ind) {
    const get = (...names: string[]) => {
      for (const n of names) {
        const v = num(ind, n);
        if (v !== undefined) return v;
      }
      return undefined;
    };
    const left = get('w:left', 'w:start');
    const right = get('w:right', 'w:end');
    const leftChars = get('w:leftChars', 'w:startChars');
    const rightChars = get('w:rightChars', 'w:endChars');
    const firstLine = get('w:firstLine');
    const firstLineChars = get('w:firstLineChars');
    const hanging = get('w:hanging');
    const hangingChars = get('w:hangingChars');
    if (left !== undefined) out.ind.left = left;
    if (right !== undefined) out.ind.right = right;
    if (leftChars !== undefined) out.ind.leftChars = leftChars;
    if (rightChars !== undefined) out.ind.rightChars = rightChars;
    // A first-line indent and a hanging one exclude each other: the later layer's wins.
    if (firstLine !== undefined || firstLineChars !== undefined) {
      delete out.ind.hanging;
      delete out.ind.hangingChars;
      if (firstLine !== undefined) out.ind.firstLine = firstLine;
      if (firstLineChars !== undefined) out.ind.firstLineChars = firstLineChars;
      else delete out.ind.firstLineChars;
    }
    if (hanging !== undefined || hangingChars !== undefined) {
      delete out.ind.firstLine;
      delete out.ind.firstLineChars;
      if (hanging !== undefined) out.ind.hanging = hanging;
      if (hangingChars !== undefined) out.ind.hangingChars = hangingChars;
      else delete out.ind.hangingChars;
    }
  }
  const spacing = child(pPr, 'w:spacing');
  if (spacing) {
    const line = num(spacing, 'w:line');
    if (line !== undefined) {
      out.line = line;
      out.lineRule = spacing.attrs['w:lineRule'] ?? 'auto';
    }
  }
  const outline = num(child(pPr, 'w:outlineLvl'), 'w:val');
  if (outline !== undefined) out.outlineLevel = outline;
  const numPr = child(pPr, 'w:numPr');
  if (numPr) {
    const numId = val(numPr, 'w:numId');
    const ilvl = num(child(numPr, 'w:ilvl'), 'w:val');
    if (numId !== undefined) out.numId = numId;
    if (ilvl !== undefined) out.ilvl = ilvl;
  }
  const snap = onOff(pPr, 'w:snapToGrid');
  if (snap !== undefined) out.snapToGrid = snap;
}
