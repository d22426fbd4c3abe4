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
  };
  return { settings, bad };
}
