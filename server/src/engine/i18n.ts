// Wording a message at the edges: a template `…{name}…` in the user's language, its placeholders
// filled from the message's data. Lists are joined as the language joins them; a pair of texts
// gives the one for the language; a nested message is worded the same way.

import type { Locale, Localized, MessageArg, MessageData, MessageRef, MessageTable } from './types.js';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The placeholder names of a template, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

const LIST_SEPARATOR: Record<Locale, string> = { 'zh-CN': '、', en: ', ' };

function isRef(a: MessageArg): a is MessageRef {
  return typeof a === 'object' && a !== null && !Array.isArray(a) && 'id' in a;
}

function isLocalized(a: MessageArg): a is Localized {
  return typeof a === 'object' && a !== null && !Array.isArray(a) && 'zh-CN' in a;
}

/** Looks a message id up: its template in both languages, or undefined for an unknown id. */
export type MessageLookup = (id: string) => Localized | undefined;

export function argText(a: MessageArg, locale: Locale, lookup: MessageLookup): string {
  if (typeof a === 'string') return a;
  if (typeof a === 'number') return String(a);
  if (Array.isArray(a)) return (a as readonly string[]).join(LIST_SEPARATOR[locale]);
  if (isRef(a as MessageArg)) return render(a as MessageRef, locale, lookup);
  if (isLocalized(a as MessageArg)) return (a as Localized)[locale];
  return String(a);
}

/** The message in words. An unknown id or a missing placeholder is shown as such, never thrown:
 * the runner and the tests make sure neither happens. */
export function render(ref: MessageRef, locale: Locale, lookup: MessageLookup): string {
  const entry = lookup(ref.id);
  if (!entry) return ref.id;
  return fill(entry[locale], ref.data, locale, lookup);
}

export function fill(template: string, data: MessageData | undefined, locale: Locale, lookup: MessageLookup): string {
  if (template.indexOf('{') < 0) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = data && Object.hasOwn(data, name) ? data[name] : undefined;
    return value === undefined ? whole : argText(value, locale, lookup);
  });
}

/** A table's entries under ids `prefix/key`. */
export function prefixed(prefix: string, table: MessageTable): [string, Localized][] {
  return Object.entries(table).map(([key, entry]) => [`${prefix}/${key}`, entry]);
}
