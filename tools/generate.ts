// Everything about the rules that is written down outside the rules is generated from their
// metadata (`meta` in server/src/engine/rules/*.ts): the `rules` part of the configuration
// schema (and its `export` part, from engine/export-settings.ts), the `gongwen.rules` setting of package.json, the rule tables of the README and the
// header table of each rule page, and docs/messages.md (every message id with its templates). `npm run generate` writes them; `npm run generate -- --check`
// (and a test) fails when a committed file differs from what the rules say.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/engine/rules/index.js';
import { CONFIG_MESSAGES } from '../server/src/engine/core-messages.js';
import { WORD_MESSAGES } from '../server/src/engine/word.js';
import type { Rule } from '../server/src/engine/rule.js';
import type { Localized, OptionsSchema } from '../server/src/engine/types.js';
import { CATEGORIES } from '../server/src/engine/categories.js';
import { EXPORT_SETTINGS_SCHEMA } from '../server/src/engine/export-settings.js';
import { EXPORT_MESSAGES } from '../server/src/word/messages.js';
import { BUILTIN_PACKS } from '../server/src/engine/terms/builtin.js';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示', hint: '暗示' } as const;

/** A bilingual description as the schema and the VS Code settings show it: `中文 / English`. */
function both(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

/** `meta.options` as JSON schema: descriptions in both languages, user patterns as `#/definitions/pattern`. */
function optionsJsonSchema(schema: OptionsSchema): Record<string, unknown> {
  if (schema.format === 'user-pattern') return { $ref: '#/definitions/pattern' };
  const out: Record<string, unknown> = {};
  if (schema.description) out.description = both(schema.description['zh-CN'], schema.description.en);
  if (schema.type) out.type = schema.type;
  if (schema.enum) out.enum = schema.enum;
  if (schema.minLength !== undefined) out.minLength = schema.minLength;
  if (schema.maxItems !== undefined) out.maxItems = schema.maxItems;
  if (schema.minimum !== undefined) out.minimum = schema.minimum;
  if (schema.maximum !== undefined) out.maximum = schema.maximum;
  if (schema.additionalProperties !== undefined) out.additionalProperties = typeof schema.additionalProperties === 'object' ? optionsJsonSchema(schema.additionalProperties) : schema.additionalProperties;
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, optionsJsonSchema(v)]));
  if (schema.items) out.items = optionsJsonSchema(schema.items);
  if (schema.default !== undefined) out.default = schema.default;
  return out;
}

function ruleSchemaDescription(rule: Rule): string {
  const m = rule.meta;
  const zh = `${m.description['zh-CN']}（默认 ${m.defaultSeverity}${m.fixable ? '，可自动修复' : ''}）`;
  const en = `${m.description.en} (default ${m.defaultSeverity}${m.fixable ? ', fixable' : ''})`;
  return both(zh, en);
}

/** The `rules` properties of schemas/gongwen.schema.json. */
export function schemaRules(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const rule of RULES) {
    const m = rule.meta;
    const description = ruleSchemaDescription(rule);
    if (!m.options) {
      out[m.id] = { description, $ref: '#/definitions/ruleSetting' };
      continue;
    }
    out[m.id] = {
      description,
      oneOf: [
        { $ref: '#/definitions/severity' },
        {
          description: both('[级别, 选项]：写成数组时选项整体替换', "[severity, options]: the options replace the rule's options"),
          type: 'array',
          minItems: 1,
          maxItems: 2,
          items: [{ $ref: '#/definitions/severity' }, { description: both(`${m.id} 的选项`, `options of ${m.id}`), ...optionsJsonSchema(m.options) }],
          additionalItems: false,
        },
      ],
    };
  }
  return out;
}

/** The `gongwen.rules` properties of package.json's `contributes.configuration`. */
export function settingsRules(): Record<string, unknown> {
  const severities = ['error', 'warning', 'info', 'hint', 'off'];
  return Object.fromEntries(RULES.map((r) => [r.meta.id, { type: 'string', enum: severities, description: ruleSchemaDescription(r) }]));
}

function fixCell(rule: Rule, locale: 'zh-CN' | 'en'): string {
  const note = rule.meta.fixNote[locale];
  if (locale === 'zh-CN') return rule.meta.fixable ? `能：${note}` : `不能（${note}）`;
  return rule.meta.fixable ? `yes: ${note}` : `no (${note})`;
}

/** The README's rule table in one language. */
export function readmeTable(locale: 'zh-CN' | 'en'): string {
  const rows = RULES.map((r) => {
    const m = r.meta;
    const severity = locale === 'zh-CN' ? SEVERITY_ZH[m.defaultSeverity] : m.defaultSeverity;
    return `| [\`${m.id}\`](${m.docs}) | ${m.name[locale]} | ${CATEGORIES[m.category][locale]} | ${m.description[locale]} | ${severity} | ${fixCell(r, locale)} |`;
  });
  const head = locale === 'zh-CN' ? '| 规则编号 | 名称 | 类别 | 检查什么 | 默认级别 | 自动修复 |' : '| Rule | Name | Category | What it checks | Default severity | Fix |';
  return [head, '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The header table of a rule page, in one language. */
export function docHeader(rule: Rule, locale: 'zh-CN' | 'en'): string {
  const m = rule.meta;
  const options = m.options?.properties ? Object.keys(m.options.properties).map((k) => `\`${k}\``) : [];
  const groups = m.groups ? [...Object.entries(m.groups.defaults), ['*', m.groups.otherwise] as const] : [];
  const groupCell = (zh: boolean) => groups.map(([g, sev]) => `${g === '*' ? (zh ? '其他' : 'others') : `\`${g}\``} \`${sev}\``).join(zh ? '、' : ', ');
  if (locale === 'zh-CN') {
    return [
      '| 项目 | 内容 |',
      '| --- | --- |',
      `| 规则编号 | \`${m.id}\` |`,
      `| 名称 | ${m.name['zh-CN']} |`,
      `| 类别 | ${CATEGORIES[m.category]['zh-CN']} |`,
      `| 默认级别 | \`${m.defaultSeverity}\`（${SEVERITY_ZH[m.defaultSeverity]}） |`,
      ...(m.groups ? [`| 各组级别（\`${m.groups.option}\`） | ${groupCell(true)} |`] : []),
      `| 自动修复 | ${fixCell(rule, 'zh-CN')} |`,
      `| 选项 | ${options.length ? options.join('、') : '无'} |`,
    ].join('\n');
  }
  return [
    '| | |',
    '| --- | --- |',
    `| Rule id | \`${m.id}\` |`,
    `| Name | ${m.name.en} |`,
    `| Category | ${CATEGORIES[m.category].en} |`,
    `| Default severity | \`${m.defaultSeverity}\` |`,
    ...(m.groups ? [`| Severity by group (\`${m.groups.option}\`) | ${groupCell(false)} |`] : []),
    `| Fixable | ${fixCell(rule, 'en')} |`,
    `| Options | ${options.length ? options.join(', ') : 'none'} |`,
  ].join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** docs/messages.md: every message id with its templates, for translators and CI consumers of
 * `messageId` (JSON output, LSP `data.messageId`). */
export function messagesPage(): string {
  const out = [
    '# 提示编号 / Message ids',
    '',
    '<!-- 本文件由 npm run generate 从规则的 meta.messages 生成，请勿手改。 Generated by npm run generate from the rules\' meta.messages; do not edit. -->',
    '',
    '命令行 `--format json` 输出的 `messageId` 和语言服务器诊断的 `data.messageId` 取以下编号：编号不随版本和语言变化；`{…}` 是填入的内容。',
    'The `messageId` of the CLI\'s JSON output and of the language server\'s `data.messageId` is one of these ids: stable across versions and languages; `{…}` are the values filled in.',
    '',
  ];
  const table = (prefix: string, messages: Readonly<Record<string, { 'zh-CN': string; en: string }>>) => {
    out.push('| 编号 id | 中文 | English |', '| --- | --- | --- |');
    for (const [key, m] of Object.entries(messages)) out.push(`| \`${prefix}/${key}\` | ${cell(m['zh-CN'])} | ${cell(m.en)} |`);
    out.push('');
  };
  for (const rule of RULES) {
    out.push(`## [${rule.meta.id}](${rule.meta.docs.replace(/^docs\//, '')})`, '');
    table(rule.meta.id, rule.meta.messages);
  }
  out.push('## 配置 / configuration', '');
  table('config', CONFIG_MESSAGES);
  out.push('## Word 文件 / Word documents', '');
  table('word', WORD_MESSAGES);
  out.push('## 导出为 Word / Word export', '');
  table('export', EXPORT_MESSAGES);
  return out.join('\n');
}

function both2(v: string | Localized | undefined): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : v['zh-CN'] === v.en ? v['zh-CN'] : `${v['zh-CN']} / ${v.en}`;
}

/** docs/terms-packs.md: every entry of the built-in term packs, with its source, from the pack data. */
export function termsPacksPage(): string {
  const out = [
    '# 内置词表 / Built-in term packs',
    '',
    '<!-- 本文件由 npm run generate 从 server/src/engine/terms/packs/*.json 生成，请勿手改。 Generated by npm run generate from the pack data; do not edit. -->',
    '',
    '[terms](rules/terms.md) 规则的内置词表。每条的「依据」不写时，用词表的依据。The built-in packs of the terms rule; an entry without its own source has the pack\'s.',
    '',
  ];
  for (const pack of BUILTIN_PACKS) {
    out.push(`## \`${pack.name}\`：${both2(pack.title)}`, '');
    out.push(`- 条目 / entries: ${pack.rules.length}`);
    if (pack.source) out.push(`- 依据 / source: ${pack.source}${pack.date ? `（${pack.date}）` : ''}`);
    if (pack.note) out.push(`- 说明 / note: ${both2(pack.note)}`);
    out.push(`- 自动修复 / fixed: ${pack.fix ? '能 / yes' : '不能，只提示 / no, hints only'}`, '');
    out.push('| 应写作 expected | 报告的写法 patterns | 不报告 exceptions | 说明 note | 依据 source |', '| --- | --- | --- | --- | --- |');
    for (const e of pack.rules) {
      const src = e.source ? `${e.source}${e.date ? `（${e.date}）` : ''}` : '';
      const row = [e.expected, e.patterns.map((p) => `\`${p}\``).join(' '), (e.exceptions ?? []).join('、') + (e.firstMention ? (e.exceptions?.length ? '；' : '') + '只看第一次出现 / first mention only' : ''), both2(e.note), src];
      out.push(`| ${row.map(cell).join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export function replaceRegion(text: string, name: string, content: string, file: string): string {
  const open = `<!-- generated:${name} -->`;
  const close = `<!-- /generated:${name} -->`;
  const a = text.indexOf(open);
  const b = text.indexOf(close);
  if (a < 0 || b < a) throw new Error(`${file}: no ${open} … ${close} region`);
  return text.slice(0, a + open.length) + '\n' + content + '\n' + text.slice(b);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Every generated file: path (relative to `root`) → the content it should have. */
export function generatedFiles(root: string): Map<string, string> {
  const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
  const out = new Map<string, string>();

  const schema = JSON.parse(read('schemas/gongwen.schema.json'));
  schema.properties.rules.properties = schemaRules();
  // The export section, from its schema in the engine (export-settings.ts).
  schema.properties.export = optionsJsonSchema(EXPORT_SETTINGS_SCHEMA);
  out.set('schemas/gongwen.schema.json', json(schema));

  const pkg = JSON.parse(read('package.json'));
  pkg.contributes.configuration.properties['gongwen.rules'].properties = settingsRules();
  out.set('package.json', json(pkg));

  let readme = read('README.md');
  readme = replaceRegion(readme, 'rules-zh', readmeTable('zh-CN'), 'README.md');
  readme = replaceRegion(readme, 'rules-en', readmeTable('en'), 'README.md');
  out.set('README.md', readme);

  out.set('docs/messages.md', messagesPage());
  out.set('docs/terms-packs.md', termsPacksPage());

  for (const rule of RULES) {
    const file = rule.meta.docs;
    let page = read(file);
    page = replaceRegion(page, 'header-zh', docHeader(rule, 'zh-CN'), file);
    page = replaceRegion(page, 'header-en', docHeader(rule, 'en'), file);
    out.set(file, page);
  }
  return out;
}

/** The generated files that differ from what is on disk. */
export function drift(root: string): string[] {
  const stale: string[] = [];
  for (const [file, content] of generatedFiles(root)) {
    const now = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8') : undefined;
    if (now !== content) stale.push(file);
  }
  return stale;
}
