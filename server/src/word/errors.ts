// Why a file could not be read as a Word document: a code and the facts for the message, worded
// by the front-ends (cli/messages.ts, the VS Code client), never a stack trace.

export type WordReadProblem =
  /** Not a ZIP archive at all (a text file named .docx, a truncated download). */
  | 'notZip'
  /** A Word 97–2003 .doc (or WPS) compound file: it must be saved as .docx first. */
  | 'oldFormat'
  /** A password-protected .docx (an encrypted package inside a compound file). */
  | 'encrypted'
  /** A ZIP archive without a Word document in it (an .xlsx, a .zip renamed). */
  | 'notWord'
  /** A part larger than the reader accepts (a ZIP bomb, or a document far beyond any report). */
  | 'tooLarge'
  /** A part that is not well-formed XML. */
  | 'badXml'
  /** Elements nested deeper than the reader follows (xml.ts MAX_DEPTH). */
  | 'tooDeep';

export interface WordReadDetail {
  part?: string;
  line?: number;
  column?: number;
  detail?: string;
}

export class WordReadError extends Error {
  constructor(
    readonly problem: WordReadProblem,
    readonly where: WordReadDetail = {},
  ) {
    super(`${problem}${where.part ? ` in ${where.part}` : ''}${where.line ? ` at ${where.line}:${where.column}` : ''}${where.detail ? `: ${where.detail}` : ''}`);
  }
}
