// The engine's own messages, beside the rules' (each rule declares its own in `meta.messages`):
// configuration problems, under ids `config/<key>`. Templates take `{placeholder}`s; the
// catalogue (messages.ts) words them at the edges.

import type { MessageTable } from './types.js';

export const CONFIG_MESSAGES = {
  tooDeep: {
    'zh-CN': '配置文件嵌套过深（超过 {max} 层），已按默认设置检查',
    en: 'configuration nested deeper than {max} levels; the defaults are used',
  },
  // A configuration file that is not valid JSON (config-syntax.ts): what is wrong and where.
  syntax: { 'zh-CN': '第 {line} 行第 {column} 列：配置文件语法错误（{code}）', en: 'line {line}, column {column}: syntax error in configuration ({code})' },
  syntaxQuote: {
    'zh-CN': '第 {line} 行第 {column} 列：这里用了中文引号{quotes}，JSON 要用英文引号 {straight}',
    en: 'line {line}, column {column}: Chinese quotation marks {quotes} are used here; JSON needs straight quotes {straight}',
  },
  syntaxSingleQuote: {
    'zh-CN': "第 {line} 行第 {column} 列：这里用了单引号 '…'，JSON 要用英文双引号 \"…\"",
    en: "line {line}, column {column}: single quotes '…' are used here; JSON needs double quotes \"…\"",
  },
  syntaxFullWidth: {
    'zh-CN': '第 {line} 行第 {column} 列：这里用了中文{name}「{char}」，JSON 要用英文{name} {ascii}',
    en: 'line {line}, column {column}: a full-width {name} "{char}" is used here; JSON needs the ASCII {name} {ascii}',
  },
  syntaxSeparator: {
    'zh-CN': '第 {line} 行第 {column} 列：这里用了「{char}」，JSON 的各项之间要用英文逗号 ,',
    en: 'line {line}, column {column}: "{char}" is used here; JSON separates entries with a comma ,',
  },
  syntaxFullWidthSpace: {
    'zh-CN': '第 {line} 行第 {column} 列：这里有全角空格，JSON 中只能用半角（英文）空格',
    en: 'line {line}, column {column}: a full-width space is used here; JSON allows only ASCII spaces',
  },
  syntaxHashComment: {
    'zh-CN': '第 {line} 行第 {column} 列：JSON 不能用 # 写注释，请改用 //',
    en: 'line {line}, column {column}: # does not start a comment in JSON; use // instead',
  },
  syntaxMissingComma: {
    'zh-CN': '第 {line} 行第 {column} 列：这里缺少英文逗号 ,（前后两项之间要用逗号隔开）',
    en: 'line {line}, column {column}: a comma , is missing here (entries are separated by commas)',
  },
  syntaxExtraComma: {
    'zh-CN': '第 {line} 行第 {column} 列：这里多写了一个逗号，请删去',
    en: 'line {line}, column {column}: one comma too many here; remove it',
  },
  syntaxUnexpected: {
    'zh-CN': '第 {line} 行第 {column} 列：这里不应出现「{text}」',
    en: 'line {line}, column {column}: "{text}" is not expected here',
  },
  syntaxColon: {
    'zh-CN': '第 {line} 行第 {column} 列：设置名称后面缺少英文冒号 :',
    en: "line {line}, column {column}: a colon : is missing after the setting's name",
  },
  syntaxCloseBrace: {
    'zh-CN': '第 {line} 行第 {column} 列：缺少右花括号 }（每个 { 都要有一个 } 与之对应）',
    en: 'line {line}, column {column}: a closing brace } is missing (each { needs its })',
  },
  syntaxCloseBracket: {
    'zh-CN': '第 {line} 行第 {column} 列：缺少右方括号 ]（每个 [ 都要有一个 ] 与之对应）',
    en: 'line {line}, column {column}: a closing bracket ] is missing (each [ needs its ])',
  },
  syntaxValue: {
    'zh-CN': '第 {line} 行第 {column} 列：这里缺少值（例如 "off"、"述职报告"、true、数字、[…] 或 {…}）',
    en: 'line {line}, column {column}: a value is missing here (such as "off", "述职报告", true, a number, […] or {…})',
  },
  syntaxPropertyName: {
    'zh-CN': '第 {line} 行第 {column} 列：这里应当是写在英文双引号中的设置名称，例如 "rules"',
    en: "line {line}, column {column}: a setting's name in double quotes is expected here, such as \"rules\"",
  },
  syntaxAfterEnd: {
    'zh-CN': '第 {line} 行第 {column} 列：配置在这里之前已经结束，最外层的 } 之后不能再有内容（多余的括号或文字请删去）',
    en: 'line {line}, column {column}: the configuration ended before this; nothing may follow the outermost } (remove the extra bracket or text)',
  },
  syntaxUnterminatedString: {
    'zh-CN': '第 {line} 行第 {column} 列：这段文字缺少结尾的英文双引号 "',
    en: 'line {line}, column {column}: this string has no closing double quote "',
  },
  syntaxUnterminatedComment: {
    'zh-CN': '第 {line} 行第 {column} 列：注释 /* 没有用 */ 结束',
    en: 'line {line}, column {column}: the comment /* is not closed with */',
  },
  syntaxBareWord: {
    'zh-CN': '第 {line} 行第 {column} 列：「{text}」要写在英文双引号中（JSON 中的名称和文字都要写成 "…"）',
    en: 'line {line}, column {column}: "{text}" must be in double quotes (JSON names and texts are written "…")',
  },
  syntaxEscape: {
    'zh-CN': '第 {line} 行第 {column} 列：反斜杠 \\ 后面不能跟「{char}」；文字中的反斜杠要写两次，例如正则 "\\\\d+"',
    en: 'line {line}, column {column}: a backslash \\ cannot be followed by "{char}"; in a string write it twice, as in the pattern "\\\\d+"',
  },
  notObject: { 'zh-CN': '配置必须是一个 JSON 对象', en: 'the configuration must be a JSON object' },
  unknownSetting: { 'zh-CN': '未知的配置项「{key}」', en: 'unknown setting "{key}"' },
  badType: { 'zh-CN': '「type」必须是报告类型名称（字符串）', en: '"type" must be a report type name (string)' },
  badStructure: {
    'zh-CN': '「structure」必须是 "auto"（只检查中文报告的结构）或 "always"（任何文件都检查）',
    en: '"structure" must be "auto" (check the structure of Chinese reports only) or "always" (of any file)',
  },
  badRules: { 'zh-CN': '「rules」必须是对象：规则编号 → 级别', en: '"rules" must be an object: rule id → severity' },
  unknownRule: { 'zh-CN': '未知的规则「{rule}」', en: 'unknown rule "{rule}"' },
  unknownRuleKnown: { 'zh-CN': '未知的规则「{rule}」；可用规则：{known}', en: 'unknown rule "{rule}"; known rules: {known}' },
  badSeverity: {
    'zh-CN': '规则「{rule}」的级别必须是 error、warning、info、hint 或 off',
    en: 'the severity of rule "{rule}" must be error, warning, info, hint or off',
  },
  optionsNotObject: { 'zh-CN': '规则「{rule}」的选项必须是对象', en: 'the options of rule "{rule}" must be an object' },
  badOptions: { 'zh-CN': '规则「{rule}」的选项有误：{problem}', en: 'invalid options of rule "{rule}": {problem}' },
  badTypes: { 'zh-CN': '「types」必须是对象：类型名称 → 定义', en: '"types" must be an object: type name → definition' },
  protoType: { 'zh-CN': '报告类型不能命名为「__proto__」', en: 'a report type cannot be named "__proto__"' },
  badTypeDefinition: {
    'zh-CN': '报告类型「{type}」的定义无效：required 必须是章节角色编号的数组',
    en: 'report type "{type}" is invalid: "required" must be an array of role ids',
  },
  typePattern: { 'zh-CN': '报告类型「{type}」中的{problem}', en: 'report type "{type}": {problem}' },
  badPlaceholders: {
    'zh-CN': '「placeholders」必须形如 {"extra": [正则…], "allow": [词语…]}',
    en: '"placeholders" must look like {"extra": [regex…], "allow": [word…]}',
  },
  placeholderPattern: { 'zh-CN': '占位符的{problem}', en: 'placeholder {problem}' },
  unknownTypeKnown: { 'zh-CN': '未知的报告类型「{type}」；可用类型：{known}', en: 'unknown report type "{type}"; known types: {known}' },
  unknownTypeDefault: {
    'zh-CN': '未知的报告类型「{type}」，已按「{fallback}」检查；可用类型：{known}',
    en: 'unknown report type "{type}", checked as "{fallback}"; known types: {known}',
  },
  undefinedRole: {
    'zh-CN': '报告类型「{type}」要求的章节「{role}」没有定义（在 types.{type}.roles 中给出它的 headings）',
    en: 'report type "{type}" requires section "{role}", which is not defined (give its headings in types.{type}.roles)',
  },
  encodingInFrontMatter: {
    'zh-CN': '「encoding」只能写在配置文件中（读文档之前就要知道它的编码），此处的设置已忽略',
    en: '"encoding" belongs in a configuration file (the encoding is needed before the document is read); ignored here',
  },
  badEncoding: { 'zh-CN': '「encoding」必须是 {names} 之一（没有 BOM 的文件所用的编码）', en: '"encoding" must be one of {names} (the encoding of files without a BOM)' },
  badExport: { 'zh-CN': '导出设置「export」有误，已按默认版式（gb）导出：{problem}', en: 'invalid export settings ("export"); the default layout (gb) is used: {problem}' },
  exportPageFormat: { 'zh-CN': '「{name}」中要有 {n} 代表页码，例如 "— {n} —"', en: '"{name}" needs {n} for the page number, as in "— {n} —"' },
  cannotRead: { 'zh-CN': '无法读取配置文件（{reason}）', en: 'cannot read configuration file ({reason})' },
  frontMatterSyntax: { 'zh-CN': '文档开头的 YAML 元数据有语法错误', en: 'syntax error in the YAML front matter' },
  frontMatterTooLarge: {
    'zh-CN': '文档开头的 YAML 元数据过大（超过 {max} 个字符），其中的 gongwen 设置未读取，已按其余设置检查',
    en: 'the YAML front matter is larger than {max} characters; its gongwen settings are not read, and the document is checked without them',
  },
  frontMatterTooDeep: {
    'zh-CN': '文档开头的 YAML 元数据嵌套过深（超过 {max} 层），其中的 gongwen 设置未读取，已按其余设置检查',
    en: 'the YAML front matter is nested deeper than {max} levels; its gongwen settings are not read, and the document is checked without them',
  },
  // Regular expressions from the user (user-pattern.ts).
  patternNotString: { 'zh-CN': '正则表达式必须是字符串：{value}', en: 'a regular expression must be a string: {value}' },
  patternEmpty: { 'zh-CN': '正则表达式为空', en: 'empty regular expression' },
  patternTooLong: {
    'zh-CN': '正则表达式过长（超过 {max} 个字符）：{start}…',
    en: 'regular expression longer than {max} characters: {start}…',
  },
  patternInvalid: {
    'zh-CN': '正则表达式「{source}」无效：{reason}（支持的写法见 docs/configuration.md：不支持前后查找 (?=…) (?<=…) 和反向引用 \\1）',
    en: 'invalid regular expression "{source}": {reason} (see docs/configuration.md for the syntax: no lookaround (?=…) (?<=…), no backreferences \\1)',
  },
  // Term packs (terms/pack.ts) and the `terms` setting.
  badTerms: {
    'zh-CN': '「terms」必须是对象：files（词表文件）、entries（词条）、allow（允许的词）',
    en: '"terms" must be an object: files (term pack files), entries (terms), allow (allowed words)',
  },
  termsFilesInFrontMatter: {
    'zh-CN': '「terms.files」只能写在配置文件 .gongwen.jsonc 中（文件路径相对于配置文件）',
    en: '"terms.files" belongs in the .gongwen.jsonc file (its paths are relative to that file)',
  },
  termsCannotRead: { 'zh-CN': '无法读取词表文件「{file}」（{reason}）', en: 'cannot read term pack "{file}" ({reason})' },
  termsTooLarge: { 'zh-CN': '词表文件过大（超过 {max} 个字符），未读取', en: 'term pack larger than {max} characters; not read' },
  termsSyntax: { 'zh-CN': '词表文件语法错误：{reason}', en: 'syntax error in the term pack: {reason}' },
  termsTooDeep: { 'zh-CN': '词表文件嵌套过深（超过 {max} 层），未读取', en: 'term pack nested deeper than {max} levels; not read' },
  termsNotObject: { 'zh-CN': '词表必须是对象，其中 rules 是词条列表', en: 'a term pack must be an object whose "rules" lists its entries' },
  termsField: { 'zh-CN': '「{name}」：{problem}', en: '"{name}": {problem}' },
  termsUnknownField: { 'zh-CN': '未知的字段「{name}」', en: 'unknown field "{name}"' },
  termsMissing: { 'zh-CN': '「{name}」缺少「{field}」', en: '"{name}" lacks "{field}"' },
  termsEmptyPattern: { 'zh-CN': '「{name}」：词形不能为空', en: '"{name}": a pattern must not be empty' },
  termsBadDate: { 'zh-CN': '「{name}」：日期写作 2001、2001-12 或 2001-12-19', en: '"{name}": write the date as 2001, 2001-12 or 2001-12-19' },
  termsBadName: { 'zh-CN': '「{name}」：词表名称不能为空，也不能叫 __proto__', en: '"{name}": a pack name must not be empty or __proto__' },
  termsSpecFailed: {
    'zh-CN': '「{name}」的例子不成立：「{from}」应得「{to}」，实得「{got}」',
    en: '"{name}": the example does not hold: "{from}" should give "{to}", but gives "{got}"',
  },
  termsSpecNotReported: {
    'zh-CN': '「{name}」的例子不成立：「{from}」应当报告，却没有报告',
    en: '"{name}": the example does not hold: "{from}" should be reported, and is not',
  },
  termsSpecReported: {
    'zh-CN': '「{name}」的例子不成立：「{to}」不应报告，却报告了「{got}」',
    en: '"{name}": the example does not hold: "{to}" should not be reported, yet "{got}" is',
  },
  // Rule options, checked against the rule's `meta.options` schema (options.ts).
  optionUnknown: { 'zh-CN': '未知的选项「{name}」', en: 'unknown option "{name}"' },
  optionType: { 'zh-CN': '「{name}」应为{expected}', en: '"{name}" must be {expected}' },
  optionEnum: { 'zh-CN': '「{name}」只能是 {allowed}', en: '"{name}" must be one of {allowed}' },
  optionEmpty: { 'zh-CN': '「{name}」不能为空字符串', en: '"{name}" must not be an empty string' },
  optionRange: { 'zh-CN': '「{name}」应在 {min} 到 {max} 之间', en: '"{name}" must be from {min} to {max}' },
  optionTooMany: { 'zh-CN': '「{name}」最多 {max} 项', en: '"{name}" takes at most {max} items' },
  optionPattern: { 'zh-CN': '「{name}」中的{problem}', en: '"{name}": {problem}' },
  typeObject: { 'zh-CN': '对象', en: 'an object' },
  typeArray: { 'zh-CN': '数组', en: 'an array' },
  typeString: { 'zh-CN': '字符串', en: 'a string' },
  typeBoolean: { 'zh-CN': 'true 或 false', en: 'true or false' },
  typeNumber: { 'zh-CN': '数字', en: 'a number' },
  typeInteger: { 'zh-CN': '整数', en: 'an integer' },
} as const satisfies MessageTable;

export type ConfigMessageKey = keyof typeof CONFIG_MESSAGES;
