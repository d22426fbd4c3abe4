// The built-in term packs, as data (packs/*.json, bundled with the engine: no file is read at run
// time). Each is read by the same validator as a user's pack when the engine loads, without
// running its examples or compiling its patterns at every start: test/terms.test.ts checks them in
// full, as a user's pack is checked, and a pack that does not validate is a bug it catches.

import misspellingsData from './packs/misspellings.json' with { type: 'json' };
import variantsData from './packs/variants.json' with { type: 'json' };
import formulationsData from './packs/formulations.json' with { type: 'json' };
import { validatePack } from './pack.js';
import type { ConfigProblem } from '../types.js';
import type { TermPack } from './types.js';

/** Problems of the built-in packs' shape (empty; test/terms.test.ts asserts it, and runs their examples). */
export const BUILTIN_PACK_PROBLEMS: ConfigProblem[] = [];

function load(data: unknown, name: string): TermPack {
  const pack = validatePack(data, name, BUILTIN_PACK_PROBLEMS, () => ({ line: 0, column: 0 }), `server/src/engine/terms/packs/${name}.json`, true);
  if (!pack) throw new Error(`built-in term pack ${name} does not validate`);
  delete pack.file;
  pack.builtin = true;
  return pack;
}

/** In the order their findings win where two overlap at the same length. */
export const BUILTIN_PACKS: readonly TermPack[] = [load(misspellingsData, 'misspellings'), load(variantsData, 'variants'), load(formulationsData, 'formulations')];

export const BUILTIN_PACK_NAMES: readonly string[] = BUILTIN_PACKS.map((p) => p.name);
