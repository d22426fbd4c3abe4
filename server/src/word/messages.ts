// The Word export's own messages (warnings about images, presets), by id `export/<key>`, in both
// languages; worded at the edges (the CLI, the language server) with `exportMessage`.

import { render } from '../engine/i18n.js';
import { lookupMessage } from '../engine/messages.js';
import type { Locale, MessageRef, MessageTable } from '../engine/types.js';

export const EXPORT_MESSAGES = {
  imageMissing: { 'zh-CN': '图片「{path}」不存在或无法读取，已改为它的说明文字', en: 'image "{path}" does not exist or cannot be read; its alt text is used instead' },
  imageRemote: { 'zh-CN': '图片「{path}」是网络地址，导出时不下载，已改为它的说明文字', en: 'image "{path}" is on the web and is not downloaded; its alt text is used instead' },
  imageUnsupported: { 'zh-CN': '图片「{path}」的格式不能放入 Word（只支持 PNG、JPEG、GIF、BMP），已改为它的说明文字', en: 'image "{path}" is in a format Word documents cannot take here (PNG, JPEG, GIF, BMP only); its alt text is used instead' },
  imageNoFolder: { 'zh-CN': '文档尚未保存，找不到相对路径的图片「{path}」，已改为它的说明文字', en: 'the document is not saved, so the relative image path "{path}" cannot be found; its alt text is used instead' },
  imageTooLarge: { 'zh-CN': '图片「{path}」超过 {max} MB，未放入，已改为它的说明文字', en: 'image "{path}" is larger than {max} MB and is left out; its alt text is used instead' },
  presetUnknown: { 'zh-CN': '没有名为「{name}」的导出预设；可用的预设：{known}', en: 'there is no export preset named "{name}"; the presets are: {known}' },
  presetLoop: { 'zh-CN': '导出预设「{name}」的 extends 绕成了一个圈', en: 'the extends of export preset "{name}" go round in a circle' },
  atLine: { 'zh-CN': '第 {line} 行：{message}', en: 'line {line}: {message}' },
  notChecked: { 'zh-CN': '此文档未作检查（过大或显示为乱码），不能导出', en: 'this document is not checked (it is too large, or shows garbled text), so it cannot be exported' },
  noteMissing: { 'zh-CN': '脚注「{label}」没有内容', en: 'footnote "{label}" has no text' },
} as const satisfies MessageTable;

export type ExportMessageKey = keyof typeof EXPORT_MESSAGES;

const TABLE: ReadonlyMap<string, { 'zh-CN': string; en: string }> = new Map(Object.entries(EXPORT_MESSAGES).map(([k, v]) => [`export/${k}`, v]));

export function exportRef(key: ExportMessageKey, data?: MessageRef['data']): MessageRef {
  return data ? { id: `export/${key}`, data } : { id: `export/${key}` };
}

/** An export message, or any engine message (a finding, a configuration problem), in words. */
export function exportMessage(ref: MessageRef, locale: Locale): string {
  return render(ref, locale, (id) => TABLE.get(id) ?? lookupMessage(id));
}
