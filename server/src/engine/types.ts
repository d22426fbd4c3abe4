// Public types of the gongwen engine. The engine knows nothing of VS Code or LSP:
// front-ends (CLI, language server) translate these into their own shapes.

/** A position in a text: `offset` is a UTF-16 code-unit index into the JS string;
 * `line` and `column` are 1-based, the column counted in UTF-16 code units. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export type Locale = 'zh-CN' | 'en';

/** Every user-facing string exists in both languages. */
export interface Message {
  'zh-CN': string;
  en: string;
}

/** A replacement of `[start, end)` (UTF-16 offsets) by `text`. */
export interface TextEdit {
  range: Range;
  text: string;
}

/** A fix is data: text edits on the source, applied by `applyFixes` everywhere. */
export interface Fix {
  title: Message;
  edits: TextEdit[];
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: Message;
  range: Range;
  fix?: Fix;
}

export interface RuleMeta {
  /** Public id: config key, CLI output, LSP `code`. */
  id: string;
  description: Message;
  defaultSeverity: Severity;
  /** Path of the rule's documentation page, relative to the package root. */
  docs: string;
  fixable: boolean;
}
