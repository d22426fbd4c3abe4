// The typed protocol shared by the VS Code client and the gongwen language server, on top of LSP.
// Plain data, string constants and request types: the client bundle imports this file too.

import { RequestType } from 'vscode-languageserver-protocol';

/** Settings under `gongwen.*`, read per document with `workspace/configuration`, or as the client
 * last sent them in `workspace/didChangeConfiguration` when it cannot be asked. */
export interface GongwenSettings {
  enable: boolean;
  /** Report type (工作总结, 述职报告, …); empty: from `.gongwen.jsonc` / front matter, else 工作总结. */
  reportType: string;
  /** Severity per rule id: "error" | "warning" | "info" | "hint" | "off". */
  rules: Record<string, string>;
  /** Check as you type, or when the file is saved. */
  run: 'onType' | 'onSave';
  /** Documents larger than this (UTF-8 bytes) are not checked: one informational diagnostic says so. */
  maxFileSize: number;
  /** `always`: check required sections in any Markdown file; `auto`: in Chinese reports only. */
  structure: 'auto' | 'always';
  /** Language of messages (`gongwen.locale`); absent (`auto`): the editor's (`initializationOptions.locale`,
   * else the client's `locale`), zh-CN when the editor names none. */
  locale?: 'zh-CN' | 'en';
  /** Globs (`gongwen.files.include` / `exclude`): documents always checked, even when they do not
   * read as a report, and never checked. Others are checked when they read as a report. */
  files: { include: string[]; exclude: string[] };
}

export const DEFAULT_SETTINGS: GongwenSettings = { enable: true, reportType: '', rules: {}, run: 'onType', maxFileSize: 5_000_000, structure: 'auto', files: { include: [], exclude: [] } };


export interface DocumentStatsParams {
  uri: string;
}

export interface DocumentStatsResult {
  /** 字数 as offices count it; null when checking is off for the document. */
  characters: number | null;
  /** Why the document is not checked: it does not read as a report, or `gongwen.files.exclude`
   * (or the extension's own folder) leaves it out. */
  notChecked?: 'not-report' | 'excluded';
  placeholders: number;
  problems: number;
  /** Problems per category, named in the session's language (序号: 2, 错别字: 1), most first. */
  categories?: { name: string; count: number }[];
  reportType: string;
}

/** `gongwen/documentStats`: figures for the language status item; null when checking is off. */
export const DOCUMENT_STATS_REQUEST = new RequestType<DocumentStatsParams, DocumentStatsResult | null, void>('gongwen/documentStats');

export interface ImportWordParams {
  /** The bytes of the .docx, in base64 (the client reads the file; the server never opens it). */
  data: string;
}

/** Why a file could not be read as a Word document (server/src/word/errors.ts). */
export type ImportWordProblem = 'notZip' | 'oldFormat' | 'encrypted' | 'notWord' | 'tooLarge' | 'badXml' | 'tooDeep';

export type ImportWordResult =
  | { ok: true; markdown: string; paragraphs: number; automaticNumbers: number }
  | { ok: false; problem: ImportWordProblem; part?: string; line?: number; column?: number };

/** `gongwen/importWord`: a .docx as Markdown, every numbered paragraph with its visible number as text. */
export const IMPORT_WORD_REQUEST = new RequestType<ImportWordParams, ImportWordResult, void>('gongwen/importWord');

/** Commands the server executes (`workspace/executeCommand`). */
export const SERVER_COMMANDS = {
  /** Arguments: [uri]. Applies every fix in the document through `workspace/applyEdit`. */
  fixAll: 'gongwen.server.fixAll',
  /** Arguments: none. Drops caches, re-reads configuration, re-checks open documents. */
  recheck: 'gongwen.server.recheck',
} as const;

/** The code action kind for fix-on-save: `"editor.codeActionsOnSave": {"source.fixAll.gongwen": "explicit"}`. */
export const FIX_ALL_KIND = 'source.fixAll.gongwen';

/** What a gongwen diagnostic carries in `data`, so code actions need no server state. */
export interface DiagnosticData {
  /** Document version the diagnostic was computed for. */
  version: number;
  rule: string;
  /** The finding's message id (`rule-id/key`). */
  messageId?: string;
  fix?: {
    title: string;
    edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
  };
}

/** A finding that stops an export, as the client lists it: 1-based line and column, worded in the document's language. */
export interface ExportFinding {
  line: number;
  column: number;
  rule: string;
  message: string;
}

export interface ExportParams {
  uri: string;
  /** A preset of `export.presets` (default: the configuration's, else gb). */
  preset?: string;
  /** Export even with error-severity findings (the user chose 仍然导出). */
  force?: boolean;
}

export type ExportResult =
  /** The .docx, base64; what could not be placed (images), worded. */
  | { kind: 'docx'; data: string; warnings: string[] }
  /** Error-severity findings: nothing was made (send again with force). */
  | { kind: 'blocked'; findings: ExportFinding[] }
  /** The export cannot be made (an unknown preset, a document too large or garbled), worded. */
  | { kind: 'refused'; message: string };

/** `gongwen/exportDocx`: the document's current text checked and, without blocking findings (or forced), laid out as a GB/T 9704 .docx. The client writes the bytes where the user chose. */
export const EXPORT_DOCX_REQUEST = new RequestType<ExportParams, ExportResult | null, void>('gongwen/exportDocx');
