// Term packs (the `terms` rule): dictionaries of wrong or non-standard forms, each with the form
// to write instead, why, and where that is laid down. The format follows prh (the dictionary
// format textlint's prh rule reads): `version`, `rules`, and per rule `expected`, `pattern` or
// `patterns`, and `specs` of `from`/`to` that double as tests. gongwen adds `note`, `source`,
// `date`, `exceptions` (longer words that contain a pattern and are right) and `firstMention`.

import type { Localized } from '../types.js';

/** A pack's entry as written (validated by pack.ts). */
export interface TermEntry {
  /** What to write instead. With a `/regex/` pattern, `$1`… take the pattern's groups. */
  expected: string;
  /** Literal strings, or `/regular expressions/` (run by the linear-time engine). */
  patterns: string[];
  /** Why, in a few words; the pack's `note` when absent. */
  note?: string | Localized;
  /** Where the form is laid down; the pack's `source` when absent. */
  source?: string;
  /** When the source was issued (YYYY, YYYY-MM or YYYY-MM-DD). */
  date?: string;
  /** Longer words that contain a pattern and are correct (确定单位 holds 定单): a match inside one is no finding. */
  exceptions?: string[];
  /** Only the first mention counts: it is reported when it is not one of the `exceptions` (党的二十大 at first mention). */
  firstMention?: boolean;
  /** False: never fixed, even in a pack whose entries are (the writer must choose). */
  fix?: boolean;
  /** Examples: `from` checked gives `to` (fixed, or for a pack without fixes: reported, and `to` not); `from` = `to`: not reported. */
  specs?: { from: string; to: string }[];
}

export interface TermPack {
  /** The pack's id: the key of its severity in the rule's `packs` option. */
  name: string;
  /** A title for the pack's page and messages. */
  title?: Localized;
  /** Default note and source of the pack's entries. */
  note?: string | Localized;
  source?: string;
  date?: string;
  /** Whether the pack's findings carry fixes (each entry may say `fix: false`). Default true. */
  fix: boolean;
  rules: TermEntry[];
  /** The file the pack came from, for problems (user packs). */
  file?: string;
}
