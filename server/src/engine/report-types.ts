// Report types and the section roles they require. Users may add types and roles in
// `.gongwen.jsonc` (see config.ts); built-in ones are defined here.

import type { ReportType, RoleDefinition } from './types.js';

export type { ReportType, RoleDefinition } from './types.js';


const PROBLEMS: RoleDefinition = {
  id: 'problems',
  name: { 'zh-CN': '存在问题', en: 'problems' },
  headings: [
    '存在(的)?(主要)?(问题|不足|短板|差距|困难)',
    '问题(和|与|及|、)(不足|差距|短板)',
    '(不足|差距|短板)(和|与|及|、)(问题|不足|差距|短板|弱项)',
    '不足之处',
    '短板弱项',
    '^(主要)?(问题|不足|差距)$',
    '(问题|不足)(及|和|与)?(原因|分析)',
  ],
  paragraphs: [
    '(也|还|仍|尚|依然|仍然)(存在|有)(着)?(一些|不少|一定的?|诸多|许多|部分|某些|很多)?(的)?(问题|不足|差距|短板|薄弱环节)',
    '(问题|不足)(和|与|及)(不足|问题|差距)',
    '不足之处',
    '存在的(问题|不足)',
  ],
  anywhere: ['(经|通过)(自查|排查|检查|核查|自评|清查)[^。！？!?]{0,40}?(未发现|没有发现|未查出|未出现)'],
  frameHeading: '存在的问题和不足',
  frameBody: '一是【待补充：问题及其原因】；二是【待补充】。',
  frameParagraph: '工作中也还存在一些问题和不足：【待补充：主要问题及其原因】。',
};

const PLANS: RoleDefinition = {
  id: 'plans',
  name: { 'zh-CN': '下一步打算', en: 'next steps' },
  headings: [
    '下一?步',
    '今后(的)?(工作|努力|打算|计划)',
    '(明年|来年|新的一年|新一年|下半年|下阶段|下一阶段|\\d{4}年)(的)?(工作)?(计划|打算|安排|思路|重点|举措|设想|目标)',
    '工作(计划|打算|思路|举措|设想|安排)',
    '努力方向',
    '(改进|提升)(措施|方向|举措)',
    '(未来|今后)(的)?(工作)?展望',
    '下一?阶段(的)?工作',
  ],
  paragraphs: [
    '下一?步[，,：:]?(我|将|要|继续|工作|重点|打算|计划|，)',
    '(新的一年|新一年|明年|来年|今后|下半年|下阶段|下一阶段)[，,]?(我们|我局|我|全局|全体|本单位|将|要|继续)',
    // An opener at the paragraph's start, then a verb of the future in its first clause, whatever
    // the subject between: 下半年，区委区政府将…, 新的一年，中心党支部将…, 2026年，我们将…
    '^(下一?步|下半年|下阶段|下一阶段|今后|未来|新的一年|新一年|明年|来年|(19|20)\\d{2}年|二〇[〇一二三四五六七八九]{2}年)(工作中|里|中)?[，,]?[^，,。；;！？]{0,16}?(将|要|继续|力争|努力|计划|打算)',
    '努力方向',
  ],
  frameHeading: '下一步工作打算',
  frameBody: '一是【待补充：工作目标和思路】；二是【待补充：具体措施】。',
  frameParagraph: '下一步，我们将【待补充：今后的工作思路和具体措施】。',
};

const SELF_CHECK: RoleDefinition = {
  id: 'self-check',
  name: { 'zh-CN': '自查情况', en: 'self-inspection findings' },
  headings: ['自查(的)?(情况|结果|工作|开展)', '(检查|排查)(的)?(情况|结果)', '基本情况'],
  paragraphs: ['(经|通过)(自查|排查|检查)', '自查(发现|情况)'],
  frameHeading: '自查情况',
  frameBody: '【待补充：自查的范围、方法和发现】。',
  frameParagraph: '经自查，【待补充：自查的范围、方法和发现】。',
};

const RECTIFICATION: RoleDefinition = {
  id: 'rectification',
  name: { 'zh-CN': '整改措施', en: 'corrective measures' },
  headings: ['整改(的)?(措施|方案|计划|举措|意见|打算|情况|方向)', '(下一?步|今后)(的)?整改', '改进措施', '(工作|整改|改进)建议'],
  paragraphs: ['(针对|对于|对照)(上述|以上|存在的|这些)?(问题|不足)[，,]?(我们|我局|将|要|已|制定|采取)', '整改措施', '立行立改', '限期整改'],
  frameHeading: '整改措施',
  frameBody: '一是【待补充：整改措施和时限】；二是【待补充】。',
  frameParagraph: '针对上述问题，我们将【待补充：整改措施、责任人和完成时限】。',
};

export const BUILTIN_ROLES: Record<string, RoleDefinition> = {
  problems: PROBLEMS,
  plans: PLANS,
  'self-check': SELF_CHECK,
  rectification: RECTIFICATION,
};

export const DEFAULT_TYPE = '工作总结';

export const BUILTIN_TYPES: Record<string, ReportType> = {
  工作总结: { name: '工作总结', required: ['problems', 'plans'] },
  半年总结: { name: '半年总结', required: ['problems', 'plans'] },
  述职报告: {
    name: '述职报告',
    required: ['problems', 'plans'],
    frames: {
      problems: { frameHeading: '存在的不足', frameParagraph: '回顾一年来的工作，本人也还存在一些不足：【待补充：主要不足及其原因】。' },
      plans: {
        frameHeading: '今后努力方向',
        frameBody: '一是【待补充：努力方向】；二是【待补充：具体措施】。',
        frameParagraph: '今后，本人将【待补充：努力方向和具体措施】。',
      },
    },
  },
  自查报告: { name: '自查报告', required: ['self-check', 'problems', 'rectification'] },
  党建工作总结: { name: '党建工作总结', required: ['problems', 'plans'] },
};

/** The type a report's title names, by how it ends: …自查报告, …述职报告, …上半年工作总结, …党建工作总结. */
export function typeFromTitle(title: string): string | undefined {
  const t = title.replace(/[\s\u3000*_#]/g, '');
  if (/自查(?:自纠|自评)?(?:工作)?(?:情况)?(?:的)?报告$/.test(t)) return '自查报告';
  if (/述职(?:述廉|述责|述德)*(?:工作)?报告$/.test(t)) return '述职报告';
  if (/党建(?:工作)?总结$/.test(t)) return '党建工作总结';
  if (/(?:上|下)?半年(?:度)?(?:工作)?总结$/.test(t)) return '半年总结';
  return undefined;
}
