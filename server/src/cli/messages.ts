// Every string the `gongwen` command prints, in both languages.

import type { Locale, Severity } from '../engine/types.js';
import type { WordReadDetail, WordReadProblem } from '../word/errors.js';

export interface Counts {
  total: number;
  errors: number;
  warnings: number;
  /** Infos and hints together. */
  infos: number;
  fixable: number;
}

export interface CliMessages {
  usage(version: string): string;
  severity(s: Severity): string;
  noProblems: string;
  summary(c: Counts): string;
  /** Appended to the summary after `--fix`. */
  fixed(n: number): string;
  unknownCommand(cmd: string): string;
  unknownOption(opt: string): string;
  missingValue(opt: string): string;
  unexpectedValue(opt: string): string;
  badFormat(value: string): string;
  badLocale(value: string): string;
  badJobs(value: string): string;
  badStructure(value: string): string;
  noPath: string;
  pathNotFound(p: string): string;
  notAFile(p: string): string;
  changedWhileChecking(p: string): string;
  noGlobMatch(pattern: string): string;
  cannotRead(p: string, reason: string): string;
  cannotReadDir(p: string, reason: string): string;
  binarySkipped(p: string): string;
  configNotFound(p: string): string;
  notRoundTrip(p: string, encoding: string): string;
  badEncoding(value: string): string;
  /** The encoding was detected without enough evidence; `fix`: fixes were refused because of it. */
  encodingUnsure(p: string, encoding: string, why: EncodingDoubt, fix: boolean): string;
  /** Bytes that do not decode in the encoding used, at a line and byte offset. */
  invalidBytes(p: string, line: number, offset: number, bytes: string, encoding: string, fix: boolean): string;
  /** The stated encoding reads as no ordinary text, and the bytes plainly are another encoding. */
  encodingMismatch(p: string, stated: string, looksLike: string, fix: boolean): string;
  /** The fixed text has a character the file's encoding cannot hold. */
  notEncodable(p: string, char: string, encoding: string): string;
  cannotWrite(p: string, reason: string): string;
  readOnly(p: string): string;
  /** On stderr when a signal stops the command. */
  interrupted(signal: string): string;
  internalError(p: string, reason: string): string;
  ruleFailed(p: string, rule: string, reason: string): string;
  seeHelp: string;
  /** A .docx that cannot be read, and why. */
  wordProblem(p: string, problem: WordReadProblem, where: WordReadDetail): string;
  /** A .doc, .wps (or another older format) given to check or import. */
  wordOldFormat(p: string): string;
  /** `--fix` on a Word document. */
  wordFixRefused(p: string): string;
  /** `gongwen import` of a file that is not a Word document. */
  importNotWord(p: string): string;
  /** The Markdown file `gongwen import` would write exists. */
  importExists(p: string): string;
  /** `-o` with more than one file to import. */
  importOneOutput: string;
  importWrote(from: string, to: string, paragraphs: number, automatic: number): string;
  /** Text output: where a finding in a Word document is. */
  wordPlace(part: 'body' | 'footnote' | 'endnote', paragraph: number): string;
  // gongwen export
  exportOnlyOption(opt: string): string;
  checkOnlyOption(opt: string): string;
  exportOneFile: string;
  exportDone(out: string): string;
  exportBlocked(p: string, n: number): string;
  exportForced(p: string, n: number): string;
  outputExists(out: string): string;
  askOverwrite(out: string): string;
  notOverwritten(out: string): string;
  outputIsInput(p: string): string;
  cannotWriteOutput(out: string, reason: string): string;
  readOnlyOutput(out: string): string;
  progress(p: string, stage: 'check' | 'layout' | 'write', percent: number): string;
}

/** Why a detected encoding is not sure (see WeakReason in engine/encoding.ts), with encodings as labels. */
export type EncodingDoubt = { kind: 'close'; alternative: string } | { kind: 'little' } | { kind: 'implausible' };

const ENCODING_NAMES = 'utf-8、gb18030（gbk、gb2312 同此）、big5、shift_jis、utf-16le、utf-16be';

const zhDoubt = (why: EncodingDoubt) =>
  why.kind === 'close' ? `也可能是 ${why.alternative}` : why.kind === 'little' ? '非 ASCII 的文字太少' : '按 UTF-8、GB18030、Big5、Shift_JIS 读都不像正常文字';

const zh: CliMessages = {
  usage: (version) =>
    [
      `gongwen ${version} — 检查中文工作总结、述职报告等公文草稿（Markdown）`,
      '',
      '用法：',
      '  gongwen check [选项] 路径…',
      '  gongwen import 文件.docx [-o 文件.md] [--overwrite]',
      '  gongwen export 草稿.md [-o 文件.docx] [--force] [--overwrite] [--preset 名称]',
      '  gongwen help | --help',
      '  gongwen --version',
      '',
      '路径可以是文件、目录（查找其中的 *.md、*.markdown，跳过 node_modules 和以点开头的目录）或通配符（如 "docs/**/*.md"）。',
      'Word 文件（.docx）也可以直接检查：问题按「文件:第几段:第几个字」列出，另有只在 Word 文件中才能查的版式规则（字体、字号、缩进、页边距、行数、页码）。',
      'gongwen import 把 .docx 转成 Markdown（自动编号写成文字），默认写到同名的 .md；文件已存在时不覆盖，除非加 --force；-o - 输出到屏幕。',
      '',
      '选项：',
      '  --format text|json     输出格式（默认 text）',
      '  --fix                  自动修复能修复的问题，并写回原文件（保留原编码）；Word 文件不能直接修复，请先 import',
      '  --encoding 编码        按指定的编码读写没有 BOM 的文件：utf-8、gb18030（gbk）、big5、shift_jis、utf-16le、utf-16be（默认自动判断）',
      '  --config 文件          使用指定的配置文件（默认就近查找 .gongwen.jsonc / .gongwen.json）',
      '  --type 类型            按指定的报告类型检查，如「述职报告」（默认按配置、文档开头的元数据或标题）',
      '  --structure always     任何文件都检查必备部分及其顺序（默认 auto：只检查中文报告）',
      '  --locale zh-CN|en      输出语言（默认 zh-CN）',
      '  --jobs N               文件很多（64 个以上）时用 N 个进程并行检查（默认为处理器核数；1 为只用一个进程）',
      '  -o, --output 文件      import：写到这个文件（- 为输出到屏幕）',
      '  --force                import：覆盖已存在的 Markdown 文件',
      '  -h, --help             显示本帮助',
      '  --version              显示版本号',
      '',
      '导出为 Word（GB/T 9704 公文格式）：gongwen export 草稿.md 写出 草稿.docx。先检查草稿，有错误级别的问题（如未填的占位符）时列出问题、不导出。',
      '  -o, --output 文件      写到这个文件（默认与草稿同名、扩展名 .docx）',
      '  --force                有错误级别的问题也导出',
      '  --overwrite            输出文件已存在时覆盖它（在终端中运行时会先询问；否则不加此项就不覆盖）',
      '  --preset 名称          按 .gongwen.jsonc 中 export.presets 的预设排版（默认 gb，即 GB/T 9704-2012）',
      '  --config、--type、--encoding、--locale 同 check',
      '  导出的退出码：0 已导出；1 有错误级别的问题，未导出；2 用法错误、草稿无法读取、输出文件已存在或无法写入。',
      '',
      '退出码：0 无错误；1 发现错误级别的问题；2 用法错误、文件无法读取或写回（如只读文件）、配置有误；130 / 143 被 Ctrl-C 或 SIGTERM 中断。',
    ].join('\n'),
  severity: (s) => ({ error: '错误', warning: '警告', info: '提示', hint: '提示' })[s],
  noProblems: '未发现问题',
  summary: (c) =>
    `共 ${c.total} 个问题（${c.errors} 个错误，${c.warnings} 个警告，${c.infos} 个提示）` + (c.fixable > 0 ? `，其中 ${c.fixable} 个可自动修复（--fix）` : ''),
  fixed: (n) => `已修复 ${n} 处`,
  unknownCommand: (cmd) => `未知的命令「${cmd}」`,
  unknownOption: (opt) => `未知的选项「${opt}」`,
  missingValue: (opt) => `选项「${opt}」缺少取值`,
  unexpectedValue: (opt) => `选项「${opt}」不接受取值`,
  badFormat: (v) => `不支持的输出格式「${v}」，可用：text、json`,
  badLocale: (v) => `不支持的语言「${v}」，可用：zh-CN、en`,
  ruleFailed: (p, r, why) => `${p}: 规则「${r}」运行出错，已跳过（其他规则照常检查）：${why}`,
  badJobs: (v) => `--jobs 需要 1 到 256 之间的整数，而不是「${v}」`,
  badStructure: (v) => `--structure 只能是 auto 或 always，而不是「${v}」`,
  noPath: '没有给出要检查的路径',
  pathNotFound: (p) => `${p}: 文件或目录不存在`,
  notAFile: (p) => `${p}: 不是普通文件（设备、管道等），未读取`,
  changedWhileChecking: (p) => `${p}: 文件在检查期间被修改或换成了别的文件，未写入修复（请重新运行）`,
  noGlobMatch: (p) => `${p}: 没有匹配的文件`,
  cannotRead: (p, r) => `${p}: 无法读取文件（${r}）`,
  cannotReadDir: (p, r) => `${p}: 无法读取目录（${r}）`,
  binarySkipped: (p) => `${p}: 是二进制文件，已跳过`,
  configNotFound: (p) => `${p}: 配置文件不存在或无法读取`,
  notRoundTrip: (p, enc) => `${p}: 文件内容按 ${enc} 解码后无法原样写回，未写入修复`,
  badEncoding: (v) => `不支持的编码「${v}」，可用：${ENCODING_NAMES}`,
  encodingUnsure: (p, enc, why, fix) =>
    fix
      ? `${p}: 无法确定文件编码（${zhDoubt(why)}），已按 ${enc} 检查，未写入修复；请用 --encoding 或配置项 encoding 指明编码后再修复`
      : `${p}: 无法确定文件编码（${zhDoubt(why)}），已按 ${enc} 检查；如不对，请用 --encoding 或配置项 encoding 指明编码`,
  invalidBytes: (p, line, offset, bytes, enc, fix) =>
    `${p}:${line}: 有不是合法 ${enc} 的字节（偏移 ${offset}：${bytes}），已按 ${enc} 检查` + (fix ? '，这些字节无法原样写回，未写入修复' : '，这些字节显示为 �'),
  encodingMismatch: (p, stated, looks, fix) =>
    `${p}: 按指定的编码 ${stated} 读出来不像正常文字，文件看起来是 ${looks}` + (fix ? '，未写入修复；请检查 --encoding 或配置项 encoding' : `；已按 ${stated} 检查`),
  notEncodable: (p, ch, enc) => `${p}: 修复后的文字中有 ${enc} 无法表示的字符「${ch}」，未写入修复`,
  cannotWrite: (p, r) => `${p}: 无法写回修复，原文件未改动（${r}）`,
  readOnly: (p) => `${p}: 文件是只读的，未写入修复（要修复请先改为可写）`,
  interrupted: (s) => `收到 ${s}，已停止：没有写了一半的文件，临时文件已删除`,
  internalError: (p, r) => `${p}: 检查时出错（${r}）`,
  seeHelp: '运行 gongwen --help 查看用法。',
  wordProblem: (p, problem, w) =>
    ({
      notZip: `${p}: 不是有效的 .docx 文件（不是 ZIP 压缩包：文件可能已损坏、没下载完，或只是改了扩展名）`,
      oldFormat: `${p}: 这是 Word 97–2003（.doc）或 WPS 格式的文件，请先在 Word 或 WPS 中「另存为」.docx 格式再检查`,
      encrypted: `${p}: 文件设置了打开密码，无法读取；请在 Word 中去掉密码另存一份再检查`,
      notWord: `${p}: 压缩包中没有 Word 文档（可能是 Excel、PowerPoint 或别的文件改了扩展名）`,
      tooLarge: `${p}: 文件中的「${w.part ?? ''}」过大，未读取`,
      badXml: `${p}: 文件已损坏：「${w.part ?? ''}」第 ${w.line ?? 0} 行第 ${w.column ?? 0} 列不是有效的 XML（${w.detail ?? ''}）`,
      tooDeep: `${p}: 「${w.part ?? ''}」第 ${w.line ?? 0} 行第 ${w.column ?? 0} 列的内容嵌套过深，未读取`,
    })[problem],
  wordOldFormat: (p) => `${p}: 这是 Word 97–2003（.doc）、WPS 或 RTF 格式的文件，请先在 Word 或 WPS 中「另存为」.docx 格式再检查或导入`,
  wordFixRefused: (p) => `${p}: Word 文件不能直接修复：请先用 gongwen import ${p} 转成 Markdown，在 Markdown 中修复（已照常检查）`,
  importNotWord: (p) => `${p}: 不是 Word 文件（.docx），不能导入`,
  importExists: (p) => `${p}: 文件已存在，未覆盖（要覆盖请加 --overwrite，或用 -o 指定别的文件名）`,
  importOneOutput: '-o 只能和一个要导入的文件一起用',
  importWrote: (from, to, n, auto) => `${from} → ${to}（${n} 段${auto > 0 ? `，${auto} 个自动编号已写成文字` : ''}）`,
  wordPlace: (part, n) => (part === 'footnote' ? `脚注${n}` : part === 'endnote' ? `尾注${n}` : `第${n}段`),
  exportOnlyOption: (opt) => `选项「${opt}」只用于 gongwen export`,
  checkOnlyOption: (opt) => `选项「${opt}」只用于 gongwen check，不用于 export`,
  exportOneFile: 'gongwen export 一次导出一个草稿：请只给出一个 Markdown 文件',
  exportDone: (out) => `已导出：${out}`,
  exportBlocked: (p, n) => `${p}: 有 ${n} 个错误级别的问题，未导出。请先改正；确要导出，加 --force：`,
  exportForced: (p, n) => `${p}: 有 ${n} 个错误级别的问题，按 --force 仍然导出`,
  outputExists: (out) => `${out}: 文件已存在，未覆盖，没有导出；要覆盖它请加 --overwrite，或用 -o 另给一个文件名`,
  askOverwrite: (out) => `${out} 已存在，是否覆盖？[y/N] `,
  notOverwritten: (out) => `${out}: 未覆盖，没有导出`,
  outputIsInput: (p) => `${p}: 输出文件就是草稿本身，没有导出（请用 -o 给出 .docx 文件名）`,
  cannotWriteOutput: (out, r) => `${out}: 无法写入（${r}），没有留下写了一半的文件`,
  readOnlyOutput: (out) => `${out}: 文件是只读的，未覆盖，没有导出`,
  progress: (p, stage, pct) => `${p}: ${{ check: '检查', layout: '排版', write: '写入' }[stage]} ${pct}%`,
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const enDoubt = (why: EncodingDoubt) =>
  why.kind === 'close' ? `it may be ${why.alternative}` : why.kind === 'little' ? 'too little non-ASCII text' : 'read as UTF-8, GB18030, Big5 or Shift_JIS it is no ordinary text';

const en: CliMessages = {
  usage: (version) =>
    [
      `gongwen ${version} — checks Chinese official work-report drafts in Markdown`,
      '',
      'Usage:',
      '  gongwen check [options] PATH…',
      '  gongwen import FILE.docx [-o FILE.md] [--overwrite]',
      '  gongwen export DRAFT.md [-o FILE.docx] [--force] [--overwrite] [--preset NAME]',
      '  gongwen help | --help',
      '  gongwen --version',
      '',
      'A PATH is a file, a directory (searched for *.md and *.markdown, skipping node_modules and dot folders) or a glob (e.g. "docs/**/*.md").',
      'Word documents (.docx) are checked too: findings are listed as file:paragraph N:column, with layout rules only a Word file allows (fonts, size, indent, margins, lines per page, page numbers).',
      'gongwen import writes a .docx as Markdown (automatic numbers as text), by default to the .md of the same name; an existing file is not overwritten without --force; -o - writes to the screen.',
      '',
      'Options:',
      '  --format text|json     output format (default: text)',
      '  --fix                  apply the available fixes and write the files back (same encoding); a Word document is not fixed: import it first',
      '  --encoding NAME        read and write files without a BOM in this encoding: utf-8, gb18030 (gbk), big5, shift_jis, utf-16le, utf-16be (default: detected)',
      '  --config FILE          use this configuration file (default: the nearest .gongwen.jsonc / .gongwen.json)',
      '  --type TYPE            check as this report type, e.g. 述职报告 (default: from the configuration, front matter or title)',
      '  --structure always     check required sections and their order in any file (default auto: Chinese reports only)',
      '  --locale zh-CN|en      language of the output (default: zh-CN)',
      '  --jobs N               check large batches (64 files or more) in N processes (default: the number of cores; 1: one process)',
      '  -o, --output FILE      import: write to this file (- for the screen)',
      '  --force                import: overwrite an existing Markdown file',
      '  -h, --help             show this help',
      '  --version              show the version',
      '',
      'Export to Word (GB/T 9704 layout): gongwen export DRAFT.md writes DRAFT.docx. The draft is checked first; error-severity problems (an unfilled placeholder…) are listed and nothing is exported.',
      '  -o, --output FILE      write to this file (default: the draft\'s name with .docx)',
      '  --force                export even with error-severity problems',
      '  --overwrite            replace the output file if it exists (in a terminal you are asked; otherwise it is never replaced without this)',
      '  --preset NAME          lay out with a preset from export.presets in .gongwen.jsonc (default gb: GB/T 9704-2012)',
      '  --config, --type, --encoding, --locale as for check',
      '  Export exit codes: 0 exported; 1 error-severity problems, not exported; 2 bad usage, an unreadable draft, an output file that exists or cannot be written.',
      '',
      'Exit codes: 0 no errors; 1 error-severity problems found; 2 bad usage, a file that cannot be read or written back (read-only), or a configuration problem; 130 / 143 stopped by Ctrl-C or SIGTERM.',
    ].join('\n'),
  severity: (s) => s,
  noProblems: 'No problems found',
  summary: (c) =>
    `${plural(c.total, 'problem', 'problems')} (${plural(c.errors, 'error', 'errors')}, ${plural(c.warnings, 'warning', 'warnings')}, ${plural(c.infos, 'info/hint', 'infos/hints')})` +
    (c.fixable > 0 ? `, ${c.fixable} fixable with --fix` : ''),
  fixed: (n) => `${n} fixed`,
  unknownCommand: (cmd) => `unknown command "${cmd}"`,
  unknownOption: (opt) => `unknown option "${opt}"`,
  missingValue: (opt) => `option "${opt}" needs a value`,
  unexpectedValue: (opt) => `option "${opt}" does not take a value`,
  badFormat: (v) => `unsupported format "${v}"; use text or json`,
  badLocale: (v) => `unsupported locale "${v}"; use zh-CN or en`,
  ruleFailed: (p, r, why) => `${p}: rule "${r}" failed and was skipped (the other rules still ran): ${why}`,
  badJobs: (v) => `--jobs takes a whole number from 1 to 256, not "${v}"`,
  badStructure: (v) => `--structure is auto or always, not "${v}"`,
  noPath: 'no path to check was given',
  pathNotFound: (p) => `${p}: no such file or directory`,
  notAFile: (p) => `${p}: not a regular file (a device, a pipe…); not read`,
  changedWhileChecking: (p) => `${p}: the file changed, or became another file, while it was checked; the fixes were not written (run again)`,
  noGlobMatch: (p) => `${p}: no files match`,
  cannotRead: (p, r) => `${p}: cannot read file (${r})`,
  cannotReadDir: (p, r) => `${p}: cannot read directory (${r})`,
  binarySkipped: (p) => `${p}: binary file, skipped`,
  configNotFound: (p) => `${p}: configuration file not found or not readable`,
  notRoundTrip: (p, enc) => `${p}: the content cannot be written back unchanged as ${enc}; fixes not written`,
  badEncoding: (v) => `unsupported encoding "${v}"; use utf-8, gb18030 (or gbk, gb2312), big5, shift_jis, utf-16le or utf-16be`,
  encodingUnsure: (p, enc, why, fix) =>
    `${p}: the encoding is not certain (${enDoubt(why)}); checked as ${enc}` +
    (fix ? '; fixes not written: state the encoding with --encoding or the encoding setting, then fix again' : '; if that is wrong, state the encoding with --encoding or the encoding setting'),
  invalidBytes: (p, line, offset, bytes, enc, fix) =>
    `${p}:${line}: bytes that are not valid ${enc} (offset ${offset}: ${bytes}); checked as ${enc}` + (fix ? '; they cannot be written back unchanged, fixes not written' : '; they show as �'),
  encodingMismatch: (p, stated, looks, fix) =>
    `${p}: read as the stated encoding ${stated} the file is no ordinary text; it looks like ${looks}` + (fix ? '; fixes not written: check --encoding or the encoding setting' : `; checked as ${stated}`),
  notEncodable: (p, ch, enc) => `${p}: the fixed text has a character ${enc} cannot hold ("${ch}"); fixes not written`,
  cannotWrite: (p, r) => `${p}: cannot write the fixes, the file is unchanged (${r})`,
  readOnly: (p) => `${p}: the file is read-only; the fixes were not written (make it writable to fix it)`,
  interrupted: (s) => `stopped by ${s}: no file was left half-written, temporary files were removed`,
  internalError: (p, r) => `${p}: checking failed (${r})`,
  seeHelp: 'Run gongwen --help for usage.',
  wordProblem: (p, problem, w) =>
    ({
      notZip: `${p}: not a valid .docx file (not a ZIP archive: the file may be damaged, partly downloaded, or only renamed)`,
      oldFormat: `${p}: a Word 97–2003 (.doc) or WPS file; save it as .docx in Word or WPS first, then check it`,
      encrypted: `${p}: the file is password-protected and cannot be read; remove the password in Word and save a copy`,
      notWord: `${p}: the archive holds no Word document (an Excel or PowerPoint file, or another file renamed?)`,
      tooLarge: `${p}: the part "${w.part ?? ''}" is too large; not read`,
      badXml: `${p}: the file is damaged: "${w.part ?? ''}" is not well-formed XML at line ${w.line ?? 0}, column ${w.column ?? 0} (${w.detail ?? ''})`,
      tooDeep: `${p}: "${w.part ?? ''}" nests too deeply at line ${w.line ?? 0}, column ${w.column ?? 0}; not read`,
    })[problem],
  wordOldFormat: (p) => `${p}: a Word 97–2003 (.doc), WPS or RTF file; save it as .docx in Word or WPS first, then check or import it`,
  wordFixRefused: (p) => `${p}: a Word document is not fixed in place: convert it with gongwen import ${p} and fix the Markdown (it was checked as usual)`,
  importNotWord: (p) => `${p}: not a Word document (.docx); not imported`,
  importExists: (p) => `${p}: the file exists and was not overwritten (add --overwrite to replace it, or name another file with -o)`,
  importOneOutput: '-o goes with one file to import',
  importWrote: (from, to, n, auto) => `${from} → ${to} (${plural(n, 'paragraph', 'paragraphs')}${auto > 0 ? `, ${plural(auto, 'automatic number', 'automatic numbers')} written as text` : ''})`,
  wordPlace: (part, n) => (part === 'footnote' ? `footnote ${n}` : part === 'endnote' ? `endnote ${n}` : `paragraph ${n}`),
  exportOnlyOption: (opt) => `option "${opt}" is for gongwen export only`,
  checkOnlyOption: (opt) => `option "${opt}" is for gongwen check, not export`,
  exportOneFile: 'gongwen export exports one draft: give one Markdown file',
  exportDone: (out) => `exported: ${out}`,
  exportBlocked: (p, n) => `${p}: ${plural(n, 'error-severity problem', 'error-severity problems')}; not exported. Correct them first, or add --force to export anyway:`,
  exportForced: (p, n) => `${p}: ${plural(n, 'error-severity problem', 'error-severity problems')}; exported anyway (--force)`,
  outputExists: (out) => `${out}: the file exists and was not replaced; nothing exported. Add --overwrite to replace it, or give another name with -o`,
  askOverwrite: (out) => `${out} exists. Replace it? [y/N] `,
  notOverwritten: (out) => `${out}: not replaced; nothing exported`,
  outputIsInput: (p) => `${p}: the output file is the draft itself; nothing exported (give a .docx name with -o)`,
  cannotWriteOutput: (out, r) => `${out}: cannot write (${r}); no half-written file was left`,
  readOnlyOutput: (out) => `${out}: the file is read-only and was not replaced; nothing exported`,
  progress: (p, stage, pct) => `${p}: ${{ check: 'checking', layout: 'laying out', write: 'writing' }[stage]} ${pct}%`,
};

export const MESSAGES: Record<Locale, CliMessages> = { 'zh-CN': zh, en };

export function isLocale(s: string): s is Locale {
  return s === 'zh-CN' || s === 'en';
}
