// The message catalogue: every message the engine can produce, by id, in both languages —
// the rules' own (`rule-id/key`, from each rule's `meta.messages`) and the engine's
// (`config/key`). Front-ends word a message only when they show it.

import { CONFIG_MESSAGES } from './core-messages.js';
import { prefixed, render, type MessageLookup } from './i18n.js';
import { RULES } from './rules/index.js';
import { WORD_MESSAGES } from './word.js';
import type { Diagnostic, Locale, Localized, MessageRef } from './types.js';

const CATALOGUE: ReadonlyMap<string, Localized> = new Map([...prefixed('config', CONFIG_MESSAGES), ...prefixed('word', WORD_MESSAGES), ...RULES.flatMap((r) => prefixed(r.meta.id, r.meta.messages))]);

export const lookupMessage: MessageLookup = (id) => CATALOGUE.get(id);

/** Every message id, with its templates. */
export function allMessages(): ReadonlyMap<string, Localized> {
  return CATALOGUE;
}

/** A message in the given language. */
export function renderMessage(ref: MessageRef, locale: Locale): string {
  return render(ref, locale, lookupMessage);
}

/** A finding's message in the given language. */
export function diagnosticMessage(d: Diagnostic, locale: Locale): string {
  const text = render({ id: d.messageId, data: d.data }, locale, lookupMessage);
  return d.note ? text + render(d.note, locale, lookupMessage) : text;
}
