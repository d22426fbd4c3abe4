// Font names as offices write them, by family: 仿宋 is 仿宋, 仿宋_GB2312, FangSong, FangSong_GB2312,
// 华文仿宋 or 方正仿宋 alike, so that no check reports one for another. A name this does not know
// gives no family, and the checks then say nothing about it.

export type FontFamily = 'fangsong' | 'kai' | 'hei' | 'song' | 'xiaobiaosong' | 'dengxian' | 'yahei';

/** Known families by name fragment, the more particular first (小标宋 before 宋, 仿宋 before 宋). */
const FAMILIES: [RegExp, FontFamily][] = [
  [/小标宋|xiaobiaosong|fzxbs/i, 'xiaobiaosong'],
  [/仿宋|fangsong|fzfs|stfangsong/i, 'fangsong'],
  [/楷|kaiti|\bkai\b|fzkai|stkaiti|dfkai/i, 'kai'],
  [/雅黑|yahei/i, 'yahei'],
  [/黑体|simhei|heiti|fzhei|fzht|stheiti|黑/i, 'hei'],
  [/等线|dengxian/i, 'dengxian'],
  [/宋|simsun|nsimsun|songti|stsong|fzss/i, 'song'],
];

export function fontFamily(name: string | undefined): FontFamily | undefined {
  if (!name) return undefined;
  for (const [re, family] of FAMILIES) if (re.test(name)) return family;
  return undefined;
}

/** How a family is named in messages. */
export const FAMILY_NAMES: Record<FontFamily, { 'zh-CN': string; en: string }> = {
  fangsong: { 'zh-CN': '仿宋', en: 'FangSong (仿宋)' },
  kai: { 'zh-CN': '楷体', en: 'KaiTi (楷体)' },
  hei: { 'zh-CN': '黑体', en: 'SimHei (黑体)' },
  song: { 'zh-CN': '宋体', en: 'SimSun (宋体)' },
  xiaobiaosong: { 'zh-CN': '小标宋', en: 'XiaoBiaoSong (小标宋)' },
  dengxian: { 'zh-CN': '等线', en: 'DengXian (等线)' },
  yahei: { 'zh-CN': '微软雅黑', en: 'Microsoft YaHei (微软雅黑)' },
};

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Whether text has a Han character (set in the East Asian font). */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}
