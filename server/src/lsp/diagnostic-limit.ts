// At most MAX_DIAGNOSTICS diagnostics per document go to the editor, then one note saying how
// many more were found. A pathological draft (a line of 0.9 MB repeating "一是X市*（" has 450,000
// findings) otherwise made a 167 MB answer: seconds to convert and send, and far longer for the
// editor to read; nobody reads that many squiggles. The engine still finds them all: the status
// item's count (gongwen/documentStats) and the fixes are unchanged.

import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic, Locale } from '../engine/types.js';
import type { LspPositions } from './position-encoding.js';

export const MAX_DIAGNOSTICS = 10_000;

/** The findings that are shown: the first MAX_DIAGNOSTICS, in the document's order. */
export function shownDiagnostics(all: readonly Diagnostic[]): readonly Diagnostic[] {
  return all.length > MAX_DIAGNOSTICS ? all.slice(0, MAX_DIAGNOSTICS) : all;
}

const NOTE = {
  'zh-CN': (total: number, hidden: number) => `共发现 ${total} 处问题，只显示前 ${MAX_DIAGNOSTICS} 处；从这里起还有 ${hidden} 处未显示`,
  en: (total: number, hidden: number) => `${total} problems found; only the first ${MAX_DIAGNOSTICS} are shown, and ${hidden} more from here on are not`,
};

/** The note for the findings not shown, where the first of them is; undefined when all are shown. */
export function hiddenDiagnosticsNote(all: readonly Diagnostic[], locale: Locale, positions: LspPositions): LspDiagnostic | undefined {
  if (all.length <= MAX_DIAGNOSTICS) return undefined;
  const first = positions.range(all[MAX_DIAGNOSTICS].range).start;
  return { range: { start: first, end: first }, severity: 3, source: 'gongwen', code: 'too-many-problems', message: NOTE[locale](all.length, all.length - MAX_DIAGNOSTICS) };
}
