// 输入时保持安静 / Quiet while typing: the line being typed gets no new squiggles until the writer
// pauses or the cursor leaves the line (markdownlint's focus mode, cspell's hideIssuesWhileTyping).
// `X月` is written before its number, so a placeholder finding on the line being typed is noise.
//
// Plain logic with the clock passed in, no VS Code: extension.ts feeds it the editor's events and
// runs every diagnostic list the server sends through `filter`; test/quiet-while-typing.test.ts
// drives it directly.

/** `off`: show everything at once; `placeholder`: hold back placeholder findings only; `on`: every finding. */
export type QuietMode = 'off' | 'placeholder' | 'on';

export const QUIET_MODES: readonly QuietMode[] = ['off', 'placeholder', 'on'];
export const DEFAULT_QUIET_MODE: QuietMode = 'placeholder';
/** How long the writer must pause before the line's findings are shown. */
export const QUIET_PAUSE_MS = 1500;

/** What `filter` needs of a diagnostic. */
export interface QuietDiagnostic {
  startLine: number;
  endLine: number;
  /** The rule id (the diagnostic's code). */
  rule: string;
  message: string;
}

interface Burst {
  uri: string;
  line: number;
  /** When the pause that ends the burst is over. */
  until: number;
  /** The findings on the line when the burst began (rule + message, counted): these stay shown. */
  before: Map<string, number>;
  /** Whether `filter` has held anything back during the burst (then the end needs a refresh). */
  held: boolean;
}

const keyOf = (d: QuietDiagnostic) => `${d.rule}\u0000${d.message}`;
const onLine = (d: QuietDiagnostic, line: number) => d.startLine <= line && line <= d.endLine;

export class QuietWhileTyping {
  private burst: Burst | undefined;

  constructor(
    private readonly mode: (uri: string) => QuietMode,
    readonly pauseMs = QUIET_PAUSE_MS,
  ) {}

  /** The line being typed, if a burst of typing is going on. */
  get typing(): { uri: string; line: number; until: number } | undefined {
    return this.burst && { uri: this.burst.uri, line: this.burst.line, until: this.burst.until };
  }

  /**
   * A keystroke on `line` of `uri` at time `now`. `shown` is what the editor shows for the document
   * at that moment: the findings already on the line stay; only new ones are held back.
   * Returns true when a burst on another line ended (its findings are due: refresh).
   */
  typed(uri: string, line: number, now: number, shown: readonly QuietDiagnostic[]): boolean {
    if (this.burst && this.burst.uri === uri && this.burst.line === line && now < this.burst.until) {
      this.burst.until = now + this.pauseMs;
      return false;
    }
    const ended = this.end();
    if (this.mode(uri) === 'off') return ended;
    const before = new Map<string, number>();
    for (const d of shown) {
      if (!onLine(d, line)) continue;
      const k = keyOf(d);
      before.set(k, (before.get(k) ?? 0) + 1);
    }
    this.burst = { uri, line, until: now + this.pauseMs, before, held: false };
    return ended;
  }

  /** The cursor is on `line` of `uri` (or in no report: `uri` undefined). Returns true when this ended a burst that held findings back. */
  moved(uri: string | undefined, line: number): boolean {
    if (!this.burst || (this.burst.uri === uri && this.burst.line === line)) return false;
    return this.end();
  }

  /** Time has passed: returns true when the pause is over and the burst held findings back. */
  tick(now: number): boolean {
    if (!this.burst || now < this.burst.until) return false;
    return this.end();
  }

  /** Ends any burst; true when it held findings back (they are due: refresh). */
  end(): boolean {
    const held = this.burst?.held ?? false;
    this.burst = undefined;
    return held;
  }

  /** The diagnostics of `uri` to show now: during a burst, the new ones on the line being typed are held back. */
  filter<D extends QuietDiagnostic>(uri: string, diagnostics: readonly D[], now: number): D[] {
    const burst = this.burst;
    if (!burst || burst.uri !== uri || now >= burst.until) return [...diagnostics];
    const mode = this.mode(uri);
    if (mode === 'off') return [...diagnostics];
    const allowance = new Map(burst.before);
    const out: D[] = [];
    for (const d of diagnostics) {
      if (!onLine(d, burst.line) || (mode === 'placeholder' && d.rule !== 'placeholder')) {
        out.push(d);
        continue;
      }
      const k = keyOf(d);
      const left = allowance.get(k) ?? 0;
      if (left > 0) {
        allowance.set(k, left - 1);
        out.push(d);
      } else {
        burst.held = true;
      }
    }
    return out;
  }
}

/** The setting's value, or the default for anything else. */
export function quietModeOf(value: unknown): QuietMode {
  return QUIET_MODES.includes(value as QuietMode) ? (value as QuietMode) : DEFAULT_QUIET_MODE;
}
