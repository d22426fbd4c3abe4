// Term packs (the `terms` rule): dictionaries of wrong or non-standard forms, each with the form
// to write instead, why, and where that is laid down. The format follows prh (the dictionary
// format textlint's prh rule reads): `version`, `rules`, and per rule `expected`, `pattern` or
// `patterns`, and `specs` of `from`/`to` that double as tests. gongwen adds `note`, `source`,
// `date`, `exceptions` (longer words that contain a pattern and are right) and `firstMention`.

export type { TermEntry, TermPack } from '../types.js';
