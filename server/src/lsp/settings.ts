// Editor settings as the client sends them, checked value by value before the server uses them.

import { DEFAULT_SETTINGS, type GongwenSettings } from '../protocol.js';

/** Settings as the client sent them, each value checked: a bad one (maxFileSize -1 or "abc",
 * enable "false", run "sometimes") falls back to its default and is named in `bad`. */
export function validSettings(value: unknown): { settings: GongwenSettings; bad: string[] } {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const bad: string[] = [];
  const pick = <K extends keyof GongwenSettings>(key: K, ok: (x: unknown) => boolean): GongwenSettings[K] => {
    if (!(key in v) || v[key] === undefined) return DEFAULT_SETTINGS[key];
    if (ok(v[key])) return v[key] as GongwenSettings[K];
    bad.push(`${key}: ${JSON.stringify(v[key])}`);
    return DEFAULT_SETTINGS[key];
  };
  const settings: GongwenSettings = {
    enable: pick('enable', (x) => typeof x === 'boolean'),
    reportType: pick('reportType', (x) => typeof x === 'string'),
    rules: pick('rules', (x) => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.values(x).every((s) => typeof s === 'string')),
    run: pick('run', (x) => x === 'onType' || x === 'onSave'),
    maxFileSize: pick('maxFileSize', (x) => typeof x === 'number' && Number.isFinite(x) && x > 0),
    structure: pick('structure', (x) => x === 'auto' || x === 'always'),
    files: filesSetting(v.files, bad),
  };
  // `auto` (or nothing) leaves the language to the editor; case is not held against a hand-written value.
  if ('locale' in v && v.locale !== undefined && v.locale !== null) {
    const tag = typeof v.locale === 'string' ? v.locale.toLowerCase() : undefined;
    if (tag === 'zh-cn' || tag === 'en') settings.locale = tag === 'en' ? 'en' : 'zh-CN';
    else if (tag !== 'auto' && tag !== '') bad.push(`locale: ${JSON.stringify(v.locale)}`);
  }
  return { settings, bad };
}

const globList = (x: unknown): x is string[] => Array.isArray(x) && x.every((g) => typeof g === 'string');

/** `files: { include, exclude }`, each a list of globs; a bad one falls back to none. */
function filesSetting(value: unknown, bad: string[]): GongwenSettings['files'] {
  const out = { include: [] as string[], exclude: [] as string[] };
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    bad.push(`files: ${JSON.stringify(value)}`);
    return out;
  }
  for (const key of ['include', 'exclude'] as const) {
    const list = (value as Record<string, unknown>)[key];
    if (list === undefined || list === null) continue;
    if (globList(list)) out[key] = list;
    else bad.push(`files.${key}: ${JSON.stringify(list)}`);
  }
  return out;
}

/**
 * The `gongwen` settings in what a client sends with `workspace/didChangeConfiguration`, for a
 * client that cannot be asked (no `workspace/configuration`: Neovim 0.7, ALE, Sublime Text). The
 * shapes in use: `{ gongwen: { … } }` (the usual one), dotted keys `{ "gongwen.enable": false }`,
 * and the section's own keys `{ enable: false }` (some clients send only the server's section).
 */
export function pushedSettings(settings: unknown): unknown {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return {};
  const expanded = expandDottedKeys(settings as Record<string, unknown>);
  const section = expanded.gongwen;
  if (typeof section === 'object' && section !== null && !Array.isArray(section)) return section;
  return expanded;
}

/** `{ "a.b": 1 }` → `{ a: { b: 1 } }`, merged into what the plain keys hold; a value given both
 * ways is the dotted one. `__proto__` is no key here. */
function expandDottedKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries = Object.entries(value).filter(([key]) => !key.split('.').includes('__proto__'));
  for (const [key, v] of entries) if (!key.includes('.')) out[key] = v;
  for (const [key, v] of entries) {
    if (!key.includes('.')) continue;
    const parts = key.split('.');
    let at = out;
    for (const part of parts.slice(0, -1)) {
      const next = Object.hasOwn(at, part) ? at[part] : undefined;
      // A copy, never the client's own object.
      at[part] = typeof next === 'object' && next !== null && !Array.isArray(next) ? { ...next } : {};
      at = at[part] as Record<string, unknown>;
    }
    at[parts[parts.length - 1]] = v;
  }
  return out;
}
