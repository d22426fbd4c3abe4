// terms: dictionary checks, as data packs (terms/): misspellings (错别字, never a word), variant
// forms (异形词, the official list's recommended form) and official formulations (规范表述, hints
// only), plus the user's own packs from `.gongwen.jsonc`. One matcher reads the text once for
// every pack; each pack's findings have the pack's severity (meta.groups, option `packs`).

import { defineRule, localized } from '../rule.js';
import { proseLines } from '../model/report-model.js';
import { TextMask } from '../model/chars.js';
import { BUILTIN_PACKS } from '../terms/builtin.js';
import { CompiledTerms, findTerms } from '../terms/matcher.js';
import type { TermPack } from '../terms/types.js';
import type { Localized, OptionsSchema } from '../types.js';

const SEVERITY_ENUM = ['error', 'warning', 'info', 'hint', 'off'];
const severityOption = (zh: string, en: string): OptionsSchema => ({ type: 'string', enum: SEVERITY_ENUM, description: localized(zh, en) });

/** Matchers by the packs (and allowed words) they cover; a few kept, as an editor switches documents. */
const MATCHERS = new Map<string, CompiledTerms>();
const PACK_IDS = new WeakMap<TermPack, number>();
let nextPackId = 1;

function packId(p: TermPack): number {
  let id = PACK_IDS.get(p);
  if (id === undefined) PACK_IDS.set(p, (id = nextPackId++));
  return id;
}

function matcherFor(packs: readonly TermPack[], allow: readonly string[]): CompiledTerms {
  const key = packs.map(packId).join(',') + '\u0000' + allow.join('\u0001');
  let m = MATCHERS.get(key);
  if (m) {
    // Most recently used last.
    MATCHERS.delete(key);
    MATCHERS.set(key, m);
    return m;
  }
  m = new CompiledTerms(packs, allow);
  MATCHERS.set(key, m);
  if (MATCHERS.size > 8) MATCHERS.delete(MATCHERS.keys().next().value!);
  return m;
}

function text(v: string | Localized): Localized {
  return typeof v === 'string' ? { 'zh-CN': v, en: v } : v;
}

export const terms = defineRule({
  meta: {
    id: 'terms',
    name: localized('词语', 'terms'),
    description: localized('错别字、异形词和规范表述（按词表检查，可加自己的词表）', 'Misspellings, variant forms and official formulations (by term packs; add your own)'),
    // A pack's own category (the built-in ones below); a user's pack (unit names, titles) is wording.
    category: 'formulation',
    defaultSeverity: 'error',
    docs: 'docs/rules/terms.md',
    fixable: true,
    fixNote: localized('错别字、异形词改为推荐写法，只改不同的字；规范表述只提示', 'misspellings and variant forms become the recommended form, only the differing characters change; formulations are hints only'),
    groups: { option: 'packs', defaults: { misspellings: 'error', variants: 'warning', formulations: 'hint' }, otherwise: 'warning', categories: { misspellings: 'misspelling', variants: 'variant', formulations: 'formulation' } },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        packs: {
          type: 'object',
          description: localized(
            '各词表的级别（off 关闭该词表）；不写时：错别字 error、异形词 warning、规范表述 hint、自己的词表 warning，都不高于本规则的级别',
            "each pack's severity (off turns it off); by default misspellings error, variants warning, formulations hint, your own packs warning, none above the rule's severity",
          ),
          properties: {
            misspellings: severityOption('错别字', 'misspellings'),
            variants: severityOption('异形词', 'variant forms'),
            formulations: severityOption('规范表述', 'official formulations'),
          },
          additionalProperties: severityOption('自己的词表（按词表名称）', 'your own pack (by its name)'),
        },
      },
    },
    messages: {
      replace: { 'zh-CN': '「{found}」应为「{expected}」：{note}（{source}）', en: '"{found}" should be "{expected}": {note} ({source})' },
      advise: { 'zh-CN': '「{found}」：规范表述为「{expected}」，{note}（{source}）', en: '"{found}": the standard formulation is "{expected}"; {note} ({source})' },
      fix: { 'zh-CN': '改为「{expected}」', en: 'Change to "{expected}"' },
    },
  },
  check({ model, config, options, report }) {
    const settings = (options.packs ?? {}) as Record<string, unknown>;
    const packs = [...BUILTIN_PACKS, ...config.terms.packs].filter((p) => settings[p.name] !== 'off' && p.rules.length > 0);
    if (packs.length === 0) return;
    const matcher = matcherFor(packs, config.terms.allow);
    const mask = new TextMask(model);
    const skip = (start: number, end: number): boolean => {
      if (!mask.touches(start, end)) return false;
      for (let o = start; o < end; o++) if (mask.skip(o)) return true;
      return false;
    };
    const segments = (function* () {
      for (const line of proseLines(model)) yield { start: line.start, end: line.start + line.text.length };
    })();
    for (const hit of findTerms(matcher, model.text, segments, skip)) {
      const pack = hit.pack;
      const note = hit.entry.note ?? pack.note ?? pack.title;
      const source = hit.entry.source ?? pack.source;
      const file = pack.file?.split(/[\\/]/).pop();
      const data = {
        found: hit.found,
        expected: hit.replacement,
        note: note !== undefined ? text(note) : localized(`词表「${pack.name}」`, `pack "${pack.name}"`),
        source: source !== undefined ? text(source) : file ? localized(`词表文件 ${file}`, `pack file ${file}`) : localized('.gongwen.jsonc 中的词条', 'entries in .gongwen.jsonc'),
      };
      const fix = hit.fixable ? { messageId: 'fix' as const, data: { expected: hit.replacement }, edits: [hit.edit] } : undefined;
      if (pack.fix) report({ start: hit.start, end: hit.end, messageId: 'replace', data, group: pack.name, ...(fix ? { fix } : {}) });
      else report({ start: hit.start, end: hit.end, messageId: 'advise', data, group: pack.name });
    }
  },
});
