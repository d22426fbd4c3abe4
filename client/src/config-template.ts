// The `.gongwen.jsonc` that the command 创建配置文件 / Create Configuration File writes: every
// setting commented out, so the file changes nothing until the writer changes it (a report is
// checked the same with it as without it; test/create-config.test.ts checks that).

/** `$schema` of the file written: served by the extension (a text document content provider for
 * this scheme), so it resolves in VS Code and its forks whichever version is installed. */
export const SCHEMA_SCHEME = 'gongwen';
export const SCHEMA_URI = `${SCHEMA_SCHEME}://schemas/gongwen.schema.json`;

export const CONFIG_FILE_NAMES = ['.gongwen.jsonc', '.gongwen.json'] as const;

/** The text of a new `.gongwen.jsonc`; `ruleIds` are listed in a comment. */
export function configTemplate(ruleIds: readonly string[]): string {
  const rules = wrap(ruleIds.join('、'), 88).map((l) => `    //   ${l}`);
  return [
    '// gongwen 配置文件：本文件夹及其子文件夹中的报告按这里的设置检查。',
    '// gongwen configuration: applies to the reports in this folder and its subfolders.',
    '// 去掉某行开头的 // 即启用该设置。 / Remove the // at the start of a line to use that setting.',
    '// 完整说明见扩展自带的 docs/configuration.md。 / Reference: docs/configuration.md in the extension.',
    '{',
    `  "$schema": "${SCHEMA_URI}",`,
    '',
    '  // 报告类型（决定必备哪些部分及其顺序）：工作总结、半年总结、述职报告、自查报告、党建工作总结；',
    '  // 不写时按标题判断，否则为工作总结。',
    '  // Report type (decides the required sections and their order); when absent, from the title, else 工作总结.',
    '  // "type": "述职报告",',
    '',
    '  // 检查必备部分及其顺序：auto 只检查中文报告，always 任何 Markdown 文件都检查。',
    '  // Required sections and their order: auto — Chinese reports only; always — any Markdown file.',
    '  // "structure": "auto",',
    '',
    '  // 各规则的级别：error、warning、info、hint，或 off 关闭。 / Severity per rule: error, warning, info, hint, or off.',
    '  "rules": {',
    '    // "placeholder": "warning",',
    '    // "section-order": "off",',
    '    // 规则编号 / Rule ids:',
    ...rules,
    '  },',
    '',
    '  // 占位符：extra 另算作占位符的写法（正则表达式），allow 不算占位符的词。',
    '  // Placeholders: extra — more patterns (regular expressions); allow — words that are not placeholders.',
    '  "placeholders": {',
    '    // "extra": ["待定"],',
    '    // "allow": ["X光机"]',
    '  },',
    '',
    '  // 导出为 Word（gongwen export、导出为 Word（公文格式））的版式：默认的 gb 预设按 GB/T 9704-2012；',
    '  // 可改字体、每页行数、页码样式，也可定义自己的预设（presets），见 docs/export.md。',
    '  // Layout of the Word export: the default gb preset follows GB/T 9704-2012; fonts, lines per page,',
    '  // the page-number style, and presets of your own: see docs/export.md.',
    '  "export": {',
    '    // "fonts": { "body": "仿宋_GB2312", "level2": "楷体_GB2312" },',
    '    // "linesPerPage": 22,',
    '    // "pageNumber": { "format": "— {n} —", "position": "outside" }',
    '  }',
    '}',
    '',
  ].join('\n');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const part of text.split('、')) {
    const next = line ? `${line}、${part}` : part;
    if (line && next.length > width) {
      out.push(`${line}、`);
      line = part;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}
