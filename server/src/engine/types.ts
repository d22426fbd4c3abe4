import type { RuleCategory } from './categories.js';

// Public types of the gongwen engine. The engine knows nothing of VS Code or LSP:
// front-ends (CLI, language server) translate these into their own shapes.


/** A position in a text: `offset` is a UTF-16 code-unit index into the JS string;
 * `line` and `column` are 1-based, the column counted in UTF-16 code units. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export type Locale = 'zh-CN' | 'en';

/** Text, or a message template, in both languages. */
export interface Localized {
  readonly 'zh-CN': string;
  readonly en: string;
}

/**
 * What a `{placeholder}` of a template is filled with: text or a number as it is; a list, joined
 * as the locale joins lists (、 or , ); a pair of texts, one per locale; or another message.
 */
export type MessageArg = string | number | readonly string[] | Localized | MessageRef;

export type MessageData = Readonly<Record<string, MessageArg>>;

/** A message by id (`rule-id/key` or `config/key`) with its placeholders' values; it is worded
 * only at the edges (CLI output, LSP conversion) by `renderMessage`. */
export interface MessageRef {
  readonly id: string;
  readonly data?: MessageData;
}

/** A replacement of `[start, end)` (UTF-16 offsets) by `text`. */
export interface TextEdit {
  readonly range: Range;
  readonly text: string;
}

/** A fix is data: text edits on the source, applied by `applyFixes` everywhere. */
export interface Fix {
  readonly title: MessageRef;
  readonly edits: readonly TextEdit[];
}

export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  /** The rule's category, or the one its finding named. */
  readonly category: RuleCategory;
  /** `rule-id/key`: stable, for CI consumers (JSON output) and translations. */
  readonly messageId: string;
  readonly data?: MessageData;
  readonly range: Range;
  readonly fix?: Fix;
  /** A remark worded after the message: set by the runner on a finding that starts on a number
   * Word's automatic numbering made (`word/automaticNumbering`), so the writer knows the number
   * is changed in the numbering, not in the text. */
  readonly note?: MessageRef;
}

/** A rule's messages: key → template in both languages, placeholders written `{name}`. */
export type MessageTable = Readonly<Record<string, Localized>>;

export interface RuleMeta<M extends MessageTable = MessageTable> {
  /** Public id: config key, CLI output, LSP `code`. */
  readonly id: string;
  /** A short name a writer knows the problem by (占位符, 序号连续): editor titles, the tables. */
  readonly name: Localized;
  readonly description: Localized;
  /** What kind of problem it finds (categories.ts): put before its messages in the editor, counted in the status item. */
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  /** Path of the rule's documentation page, relative to the package root; the LSP
   * `codeDescription` and the generated tables link to it. */
  readonly docs: string;
  /** Whether the rule's findings may carry fixes; the runner refuses a fix from a rule that says no. */
  readonly fixable: boolean;
  /** A fixable rule's: what its fix does; another's: why it has none (the writer must decide).
   * One phrase per language, shown in the generated tables. */
  readonly fixNote: Localized;
  /** JSON schema of the rule's options (`[severity, options]`), if it has any: validates them,
   * and is written into the generated configuration schema. */
  readonly options?: OptionsSchema;
  /** Every message the rule reports or titles a fix with; the runner refuses another id. */
  readonly messages: M;
  /** `word`: the rule reads the layout of a Word document (`model.word`, from a .docx check) and
   * finds nothing in Markdown. Its fixtures and page examples are Word documents (test/fixtures/word). */
  readonly input?: 'word';
  /** A rule whose findings come in groups of their own severity (terms: its packs). A finding
   * names its group; its severity is the rule's option `option[group]` when the user set one,
   * else the group's default (`defaults`, or `otherwise` for a group not listed), but never
   * above the rule's own severity. The runner refuses a group from a rule without this. */
  readonly groups?: SeverityGroups;
}

export interface SeverityGroups {
  readonly option: string;
  readonly defaults: Readonly<Record<string, Severity>>;
  readonly otherwise: Severity;
  /** A group's category where it is not the rule's (terms: 错别字, 异形词, 规范表述). */
  readonly categories?: Readonly<Record<string, RuleCategory>>;
}

/** The subset of JSON schema that rule options use; `description` is in both languages. */
export interface OptionsSchema {
  readonly type?: 'object' | 'array' | 'string' | 'boolean' | 'number' | 'integer';
  readonly description?: Localized;
  readonly properties?: Readonly<Record<string, OptionsSchema>>;
  /** false: no other keys; a schema: every other key's value follows it (a map of names). */
  readonly additionalProperties?: boolean | OptionsSchema;
  readonly items?: OptionsSchema;
  readonly minLength?: number;
  /** Bounds of a number (inclusive). */
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxItems?: number;
  readonly enum?: readonly (string | number | boolean)[];
  /** A regular expression from the user: compiled with the linear-time engine when validated. */
  readonly format?: 'user-pattern';
  readonly default?: unknown;
}

// Configuration, as the engine resolves it (config.ts) and rules read it.

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?];

export interface ConfigProblem {
  /** The file the problem is in; undefined for front matter or settings given in code. */
  path?: string;
  /** 1-based; 0 when the problem has no position. */
  line: number;
  column: number;
  message: MessageRef;
}

export interface RuleConfig {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export type StructureSetting = 'auto' | 'always';

export interface ResolvedConfig {
  typeName: string;
  type: ReportType;
  /** Where the type came from: an option (`--type`, editor), a file or front matter, the report's title, or nothing. */
  typeSource: 'option' | 'file' | 'title' | 'setting' | 'default';
  structure: StructureSetting;
  /** Whether required sections and their order are checked: in a Chinese report, or always when `structure` says so. */
  checkStructure: boolean;
  roles: Record<string, RoleDefinition>;
  rules: Record<string, RuleConfig>;
  placeholders: { extra: Pattern[]; allow: string[] };
  /** The user's term packs (files and inline entries, each a pack) and allowed words, for the terms rule. */
  terms: { packs: TermPack[]; allow: string[] };
}

// Report types and section roles (report-types.ts holds the built-in ones).

export interface RoleDefinition {
  id: string;
  name: Localized;
  /** Regular expressions (source strings) matched against a section heading's title. */
  headings: string[];
  /** Regular expressions matched anywhere in an unnumbered closing paragraph line. */
  paragraphs: string[];
  /** Regular expressions matched in any line of the body, not only closing paragraphs (a
   * self-check that found nothing wrong: 经自查，未发现……问题). Built-in roles only. */
  anywhere?: string[];
  /** Title of the section frame inserted when the role is missing (numbered reports). */
  frameHeading: string;
  /** Body line of the frame; its blank is a visible placeholder. */
  frameBody: string;
  /** Whole closing paragraph inserted in a report without numbered sections. */
  frameParagraph: string;
}

export interface ReportType {
  name: string;
  /** Role ids in the order they must appear. */
  required: string[];
  /** How this type words a role's inserted frame, where it differs from the role's own (a 述职报告's plans are 今后努力方向). */
  frames?: Record<string, Partial<Pick<RoleDefinition, 'frameHeading' | 'frameBody' | 'frameParagraph'>>>;
}

// Patterns from a user, compiled by user-pattern.ts.

/** A match: where it starts and ends in the searched string (UTF-16 offsets, as JavaScript's). */
export interface PatternMatch {
  index: number;
  end: number;
}

/** What the engine needs of a pattern: the first match at or after an offset. */
export interface Pattern {
  readonly source: string;
  exec(text: string, from?: number): PatternMatch | null;
}

// Term packs (the terms rule; terms/types.ts describes the format).

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
  /** A built-in pack: its `/regex/` patterns are trusted and run natively (a user's run in re2js). */
  builtin?: boolean;
}
