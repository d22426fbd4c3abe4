// copy-residue: what template and document sites add to the texts they hand out — intros and
// outros (以下是小编整理的……), disclaimers (本文由网友上传，不代表本站立场), paywall and omission
// markers (……此处隐藏N个字……), breadcrumbs, metadata and share lines, related-links lists, title
// debris (_第1页, （精选6篇）), page-chunk numbers, repeated page titles, watermarks, membership
// pitches, contacts, spam.
//
// A residue line stands on its own: every clause of it is residue, or it sits in the site's
// frame at the top or the bottom of the text. Such lines, and blocks of them, are deleted whole.
// Inside a line that also holds report text only the residue itself is reported, and a fix
// removes nothing but a self-contained residue sentence, a title's debris or a bracketed source
// note: no fix ever removes the writer's words. Once a line is residue it is this rule's alone
// (`owns`): no other rule reports on it.

import { allMatches, compileUserPattern, type Pattern } from '../user-pattern.js';
import { HAN_RANGES, isHanCode, isDigitCode, isLatinCode, TextMask } from '../model/chars.js';
import { foldedText } from '../model/script-fold.js';
import { LiteralAutomaton } from '../model/literal-automaton.js';
import { topLevelAlternatives } from '../model/regex-source.js';
import type { Span } from '../model/markdown.js';
import type { LineInfo, ReportModel } from '../model/report-model.js';
import { defineRule, localized, type OffsetEdit, type RuleReport } from '../rule.js';
import type { Localized, MessageTable } from '../types.js';
import { alternation, REPORT_NOUNS, TITLE_WORDS } from '../model/words.js';

export type Kind =
  | 'watermark' | 'pitch' | 'contact' | 'source' | 'intro' | 'disclaimer' | 'paywall' | 'breadcrumb' | 'navigation' | 'metadata' | 'share'
  | 'related' | 'title-debris' | 'repeated-title' | 'chunk-number' | 'pager' | 'spam' | 'extra';

// ---- The residue families: data. Every quantifier is bounded; no pattern nests quantifiers or
// crosses a line break. Patterns open with a literal (a lookbehind follows the literal it checks),
// so that the engine can skip to candidate positions instead of trying each one. Each family's examples are fresh lines written for this project: a test
// checks that each pattern matches one of them and that the rule reports each example.

/** How much a phrase proves on its own.
 * - `site`: only template and document sites write it (本站, 小编整理, 网友上传, 我要投稿). It makes
 *   a line, a block or a sentence residue; inside a report's own sentence it is still reported,
 *   without a fix.
 * - `line`: a watermark a report may also say in its own sentences (请勿外传, 仅供学习, 扫一扫):
 *   residue only as a whole short line, or inside a block.
 * - `weak`: ordinary words (QQ：, 时间：, 资料咨询): only inside a block with a stronger phrase. */
export type Strength = 'site' | 'line' | 'weak';

export interface Family {
  id: string;
  kind: Kind;
  strength: Strength;
  /** Words every pattern of the family contains: a line without any is not searched. */
  anchor: RegExp;
  patterns: RegExp[];
  /** Inside a line that also holds report text: `remove` offers to delete just the match (title
   * debris, a bracketed source note); `report` reports it without a fix (an omission marker: the
   * text is missing, only the writer can restore it). Otherwise site phrases are reported there
   * without a fix, and `line`/`weak` ones not at all. */
  inline?: 'remove' | 'report';
  /** A match at the start of a line claims the whole line (breadcrumbs, related-links headers). */
  claimsLine?: boolean;
  /** Longest line (characters of content) that `line` phrases alone make residue. */
  maxLine?: number;
  /** Its phrases make a frame line only above the body, never at the end (a report's own date line). */
  topOnly?: boolean;
  /** Lines in our own words that show the family; each must be reported as residue. */
  examples: string[];
}

const SP = '[ \\t\\u3000]';
/** The nouns a report's title ends with. */
const TW = alternation([...REPORT_NOUNS, '计划', '方案', '材料', '讲话', '体会', '心得', '思路', '小结', '打算', '安排']);
/** A family's pattern: `SP` a space of any width, `TW` a title word, `HAN` a Han character's ranges. */
const re = (source: string): RegExp => new RegExp(source.replaceAll('SP', SP).replaceAll('TW', TW).replaceAll('HAN', HAN_RANGES), 'g');

export const FAMILIES: Family[] = [
  {
    id: 'study-watermark',
    kind: 'watermark',
    strength: 'line',
    anchor: /仅供|请勿|禁止|严禁|不得|用后/g,
    patterns: [
      re('(?:本文|本资料|此文|以上内容|本范文)?仅供(?:个人|大家|各位)?(?:学习|参考|借鉴|交流|研究)(?:参考|交流|借鉴|使用|之用)?'),
      re('(?:请勿|禁止|严禁|不得)(?:直接)?(?:照搬|照抄|抄袭|转载|外传|复制|传播)(?:照抄|照搬|转载)?'),
      re('(?:请勿|禁止|严禁|不得)(?:用于)?(?:商业|其他|其它)(?:用途|目的)'),
      re('用后(?:即)?删除'),
    ],
    maxLine: 30,
    examples: ['仅供学习交流 禁止外传', '本范文仅供参考，请勿照搬照抄', '严禁用于商业用途，用后即删除'],
  },
  {
    id: 'site-watermark',
    kind: 'watermark',
    strength: 'site',
    anchor: /投稿|转载|版权|来源于|来自|源自|摘自|转自|本站|倾情/g,
    patterns: [
      re('(?:之家|网|站|文库|文档)版权所有(?![人者])'),
      re('(?:精选优质文档SP{0,2}[-—－]?SP{0,2})?倾情为(?:你|您)奉上'),
      re('本文(?:系|为)[^，。！？,.!?\\r\\n]{0,12}投稿'),
      re('转载请(?:注明|保留)'),
      re('版权归(?:原)?作者(?:所有)?'),
      re('(?:本文|文章)(?:来源于|来自|源自|摘自|转自)(?:网络|互联网)'),
      re('本站(?:全部|所有|更多|海量)?(?:范文|资料|文章|内容|文档)'),
      re('(?:即可|免费)?下载本站'),
    ],
    examples: ['本文为网友投稿，转载请注明出处', '文章来源于网络，版权归原作者所有', '注册后即可下载本站全部范文', '某某文库版权所有！', '精选优质文档-倾情为你奉上'],
  },
  {
    id: 'source-words',
    kind: 'watermark',
    strength: 'weak',
    anchor: /来源于|来自|源自|摘自|转自/g,
    patterns: [re('(?:资料|内容|图片)(?:来源于|来自|源自|摘自|转自)(?:网络|互联网)')],
    examples: ['【图片来源于网络，侵权必删】'],
  },
  {
    id: 'source-note',
    kind: 'source',
    strength: 'site',
    anchor: /来源|转自|摘自/g,
    patterns: [re('[（(]SP{0,2}(?:来源|转自|摘自)[：:]?SP{0,2}(?:网络|互联网|网上)SP{0,2}[）)]')],
    inline: 'remove',
    examples: ['全年组织培训六期。（来源：网络）'],
  },
  {
    id: 'disclaimer',
    kind: 'disclaimer',
    strength: 'site',
    anchor: /网友|本站|本网|侵权|版权声明|预览|不全|原创|客服|二次传播|一经发现|用户|退款|会员|珍藏版/g,
    patterns: [
      re('(?:来源于|来自|由)?网友(?:上传|投稿|发布|分享|提供)'),
      re('不代表本(?:站|网|平台)(?:的)?(?:观点|立场)'),
      re('(?:本站|本网|本平台)(?:只|仅)?(?:提供|不)[^，。！？\\r\\n]{0,12}?(?:存储|保证|负责|承担)'),
      re('如有侵权[^\\r\\n]{0,12}?(?:删除|联系|告知)'),
      re('(?:仅部分|不可在线|无法在线)预览|(?:可)?反馈申请退款|[0-9]{1,4}页珍藏版'),
      re('(?:docx?|pdf|》)SP{0,2}由(?:会员|用户|网友)(?:分享|上传)'),
      re('侵权(?:必删|请联系|联系删除|删除)'),
      re('版权声明'),
      re('(?:文章|文档|本文)?内容仅供预览'),
      re('部分内容可能不全'),
      re('(?:若|如)需要?原创(?:文章|范文)?'),
      re('(?:咨询|联系)(?:在线)?客服'),
      re('不允许二次传播'),
      re('一经发现(?:收回|追究|必究)'),
      re('由用户(?:上传|提供)'),
    ],
    examples: [
      '本文由网友上传，不代表本站立场，如有侵权请联系删除',
      '版权声明：本站仅提供信息存储空间服务',
      '说明：文章内容仅供预览，部分内容可能不全',
      '若需要原创文章可咨询客服老师',
      '作品归作者所有，不允许二次传播，一经发现收回',
      '本文档由用户上传，收益归属内容提供方',
      '“仅部分预览”的文档，不可在线预览部分如有问题，可反馈申请退款',
      '《2024年团委工作总结.docx》由会员分享，更多相关内容（12页珍藏版）',
    ],
  },
  {
    id: 'intro-outro',
    kind: 'intro',
    strength: 'site',
    anchor: /小编|希望|但愿|为您|为你|为大家|给大家|以下|下面|欢迎|精心|更多|总结是|为此|因此|看看吧|参考吧|学习吧|范文|让我们|赶快|赶紧|真的|请欣赏|怎么|如何/g,
    patterns: [
      re('小编(?:精心|用心|特意|特地|为您|为你|为大家|给大家|给您)?(?:整理|收集|搜集|编辑|准备|推荐|分享|带来|汇总|精选|编写)'),
      re('(?:希望|但愿)[^，。！？\\r\\n]{0,12}?对(?:您|你|大家)(?:有所|有)?(?:帮助|启发|参考价值|收获)'),
      re('(?:希望|但愿)(?:能够?|可以)?(?:帮助到|帮到)(?:您|你|大家)'),
      re('请欣赏[^，。！？,\\r\\n]{0,30}?(?:TW)'),
      re('(?:怎么|如何)(?:去)?写(?:好)?(?:一份|一篇)?[^，。！？,\\r\\n]{0,12}?(?:TW)(?:呢|吗)'),
      re('(?:以下|下面)(?:是|为)(?:小编)?为(?:大家|您|你)'),
      re('(?:以下|下面)(?:提供|分享|奉上)[^，。！？,\\r\\n]{0,16}?(?:给|供)(?:大家|您|你)(?:参考|借鉴|学习)'),
      re('让我们一起来?(?:写|看看|学习)[^，。！？,\\r\\n]{0,8}?吧'),
      re('(?:为(?:您|你|大家)|给大家)(?:带来|整理|精选|推荐|收集|分享)(?:分享|收集|整理|推荐)?(?:了|的)'),
      re('(?:以下|下面)(?:是|为)[^，。！？\\r\\n]{0,44}?(?:范文|模板|精选|优秀文章)'),
      re('本文(?:将|会)?[^，。！？\\r\\n]{0,24}?(?:呈现|整理|收集|介绍|分享|提供|汇集|精选)[^，。！？\\r\\n]{0,24}?范文'),
      re('(?:阅读|参考|借鉴)(?:这些|以下|下面的|优秀)?范文[，,]?SP{0,2}(?:我们|你|您|大家)(?:可以|能够?|就能)'),
      re('欢迎(?:阅读|借鉴|收藏|下载|分享)'),
      re('精心(?:为(?:您|你|大家)|(?:挑选|整理|收集)(?:了|的)?[^，。！？,\\r\\n]{0,10}?(?:范文|文章|资料))'),
      re('为(?:您|你)提供[^，。！？,\\r\\n]{0,6}?(?:范文|资料|文章)'),
      re('(?:搜索|找)到?更多[^，。！？,\\r\\n]{0,8}?(?:范文|资料|文章)'),
      re('总结是(?:对|把)[^\\r\\n]{0,40}?(?:书面材料|应用文)'),
      re('(?:为此|因此)[^，。！？,\\r\\n]{0,6}?(?:写|做)(?:一份|一篇)(?:总结|报告)'),
      re('(?:快来|一起来?)(?:看看|参考|学习)吧'),
      re('(?:让我们|赶快|赶紧)[^，。！？,\\r\\n]{0,4}?(?:写|做|拟)(?:一份|一篇)[^，。！？,\\r\\n]{0,8}?吧'),
      re('(?:你|您)真的(?:懂得|知道|了解|会写)'),
      re('[（(][^（）()\\r\\n]{0,12}范文SP{0,2}[：:]'),
    ],
    examples: [
      '以下是小编精心收集的半年工作总结范文，供大家参考借鉴',
      '希望这篇范文对您有所帮助',
      '本栏目为您带来了述职报告五篇，欢迎阅读',
      '某某文库为您提供优质参考范文，想找什么都有',
      '在这里能搜索到更多你想要的范文',
      '总结是对一段时间工作的回顾和分析的书面材料，为此我们要写一份总结，快来看看吧',
      '写总结能让工作更有条理，让我们写一份总结吧。你真的懂得怎么写吗？',
      '请欣赏社区书记述职报告，由某某网整理，希望能够帮助到大家。',
      '我们该怎么去写自查报告呢？下面是为大家带来的几篇，让我们一起来写吧。',
      '以下提供一篇述职报告给大家参考！',
      '（汇报型范文：条理清楚，适合向上级汇报）',
      '本文将从几个方面呈现多篇街道工作总结范文，以供参考。',
      '写好总结并不难。通过阅读范文，我们可以学到结构和写法。',
    ],
  },
  {
    id: 'courtesy',
    kind: 'intro',
    strength: 'weak',
    anchor: /供|欢迎|感谢|谢谢|更多|整理|收集|编辑/g,
    patterns: [
      re('由[^，。！？,\\r\\n]{1,10}?(?:网|站)(?:精心)?(?:整理|收集|编辑)'),
      re('(?:仅)?供(?:大家|您|各位|你)(?:参考|借鉴|学习|阅读)(?:借鉴|参考)?'),
      re('欢迎参考'),
      re('(?:感谢|谢谢)(?:您的)?(?:阅读|浏览|支持|配合)'),
      re('更多(?:相关|精彩|优秀)?(?:范文|内容|资料|文章|文档)'),
    ],
    examples: ['以下是小编精心收集的半年工作总结范文，供大家参考借鉴', '更多范文请获取完整版', '以上范文由小编整理，欢迎参考，感谢阅读', '请欣赏社区书记述职报告，由某某网整理，希望能够帮助到大家。'],
  },
  {
    id: 'paywall',
    kind: 'paywall',
    strength: 'site',
    anchor: /此处|略|页|下载|阅读|全文|预览|显示|金币|积分|扣费|解压|…………|可编辑|全部|登录/g,
    patterns: [
      re('(?:……|…|\\.{3,6}|。。。)?此处(?:隐藏|省略|已隐藏)[0-9０-９]{1,6}个?字(?:……|…|\\.{3,6}|。。。)?'),
      re('(?:……|…|\\.{3,6})[（(]?略[）)]?(?:……|…|\\.{3,6})'),
      re('已(?:阅读|读|浏览)(?:到)?[0-9０-９]{1,4}页'),
      re('(?:还剩|剩余)[0-9０-９]{1,4}页(?:未读)?'),
      re('(?:点击|免费|立即)?下载(?:本文档|本文|全文|此文档|完整文档|后的文档|文档)'),
      re('(?:展开|查看|阅读)(?:全文|剩余|完整)(?:内容)?'),
      re('内容与下面显示的完全一致'),
      re('下载之前请确认'),
      re('(?:在线)?预览结束'),
      re('喜欢就下载'),
      re('[0-9]{1,5}SP{0,2}(?:金币|积分|下载券)'),
      re('(?:无法|如何)下载(?:资料|文档)?'),
      re('下载(?:需要|需)(?:金币|积分|下载券)'),
      re('(?:不重复|重复)扣费'),
      re('(?:用|使用)软件解压'),
      re('(?:…){4,12}SP{0,2}$'),
      re('下载后可(?:任意)?(?:编辑|修改)|可编辑(?:版|文档|word|Word)'),
      re('(?:阅读|查看|浏览)全部(?:图文)?内容|(?:您|你)需要先登录'),
    ],
    inline: 'report',
    examples: ['……此处隐藏2386个字……', '已阅读2页，还剩5页未读，继续阅读', '点击下载本文档，展开全文', '……略……', '下载后的内容与下面显示的完全一致，下载之前请确认', '在线预览结束，喜欢就下载吧', '下载需要金币：5 金币，已购买过的不重复扣费', '如果无法下载资料，请先用软件解压', '下载后可任意编辑的可编辑版文档', '（三）各村对政策的理解不够，…………', '（阅读全部图文内容，您需要先登录！）'],
  },
  {
    id: 'lead',
    kind: 'intro',
    strength: 'site',
    anchor: /导语|导读|编者按/g,
    patterns: [re('^SP{0,4}(?:导语|导读)SP{0,2}[：:]')],
    claimsLine: true,
    examples: ['导语：这篇半年总结由用户分享，可作写作参考。'],
  },
  {
    id: 'breadcrumb',
    kind: 'breadcrumb',
    strength: 'site',
    anchor: /位置|首页|主页|欢迎|>|»|›|＞/g,
    patterns: [
      re('^SP{0,4}(?:(?:您|你)?(?:当前|現在|现在)?(?:的|所在)?位置|所在位置)SP{0,2}[：:]'),
      // The welcome line at the top of a page: 您好，欢迎访问某某文档
      re('^SP{0,4}(?:您好|你好|HI|Hi|hi|Hello)SP{0,2}[，,!！]?SP{0,2}欢迎(?:访问|来到|光临)[^，。！？,.!?\\r\\n]{1,30}$'),
      re('(?:网站首页|首页|主页)SP{0,3}(?:>|->|›|»|＞|→|/|>>)'),
      re('^SP{0,4}(?:->|>|»|›|＞)SP{0,2}[^>\\r\\n]{1,16}SP{0,2}(?:->|>|»|›|＞)'),
      re('^SP{0,4}[^>，。,\\r\\n]{1,12}(?:SP{0,2}(?:>|->|»|›|＞)SP{0,2}[^>，。,\\r\\n]{1,16}){2,8}SP{0,2}(?:>|->|»|›|＞)?SP{0,4}$'),
      // Its last step the page's title: 某某网 > 工作总结 > 年度总结 > 民政局2025年工作总结及2026年工作计划
      re('^SP{0,4}[^>，。,\\r\\n]{1,16}(?:SP{0,2}(?:>|»|›|＞)SP{0,2}[^>，。,\\r\\n]{1,16}){1,6}SP{0,2}(?:>|»|›|＞)SP{0,2}[^>，。,\\r\\n]{17,48}?(?:TW)SP{0,4}$'),
      // Two steps after a site's name: 某某网 > 作文大全
      re('^SP{0,4}[HANA-Za-z0-9]{1,10}(?:网|站)SP{0,2}(?:>|»|›|＞)SP{0,2}[HAN][^>，。,#\\-\\r\\n]{0,15}SP{0,4}$'),
      // A path that ends with its separator: 工作总结 > 年终总结 >
      re('^SP{0,4}[HAN][^>，。,#\\-\\r\\n]{0,15}(?:SP{0,2}(?:>|»|›|＞)SP{0,2}[HAN][^>，。,#\\-\\r\\n]{0,15}){1,8}SP{0,2}(?:>|»|›|＞)SP{0,4}$'),
      // A site's name before its 首页 link: 某某素材网 首页
      re('^SP{0,4}[HANA-Za-z0-9]{2,12}SP{1,3}(?:首页|主页)SP{0,4}$'),
    ],
    claimsLine: true,
    examples: ['当前位置：首页 > 范文 > 工作总结', '首页 -> 文档 -> 总结汇报 ->', '您的位置：首页 > 总结报告', '-> 新闻 -> 通知公告', '范文网>总结>年终总结>', '总结大全 >年终总结 >', '好文网 > 作文大全', '某某网 > 工作总结 > 年度工作总结 > 区民政局2025年工作总结及2026年工作计划', '某某写作素材 首页', '您好，欢迎访问某某文档'],
  },
  {
    id: 'navigation',
    kind: 'navigation',
    strength: 'site',
    anchor: /首页|范文|文档|总结|报告/g,
    patterns: [
      re('^SP{0,4}(?=[^\\r\\n]{0,80}(?:首页|范文|文档))[HAN]{2,6}(?:(?:SP|[|｜/]){1,4}[HAN]{2,6}){4,24}SP{0,4}$'),
    ],
    examples: ['网站首页 工作总结 述职报告 心得体会 演讲稿 范文大全'],
  },
  {
    id: 'metadata',
    kind: 'metadata',
    strength: 'site',
    anchor: /投稿|围观|阅读|浏览|点击|人气|热度|发布|更新|上传|作者|收藏|打印|纠错|举报|分享本文|分享[ \t\u3000]{1,3}时间|:[0-5][0-9]:|本文|全文|栏目/g,
    patterns: [
      re('我要投稿'),
      re('人已围观'),
      re('[0-9０-９]{1,9}人(?:已)?(?:阅读|浏览|围观|收藏|点赞)'),
      re('(?:阅读|浏览|点击)(?:量|数|次数)?SP{0,2}[：:]SP{0,2}[0-9.]{1,9}[万wWkK]?'),
      re('(?:人气|热度)SP{0,2}[：:]SP{0,2}[0-9.]{1,9}[万wWkK]?'),
      re('[0-9.]{1,9}[万wW]?次(?:阅读|浏览)'),
      re('(?:发布|更新|上传|提交|录入)(?:时间|日期|于)SP{0,2}[：:]?'),
      re('作者SP{0,2}[：:]SP{0,2}(?:佚名|匿名|网友|admin|小编|未知)'),
      re('(?:收藏|打印|纠错|举报|分享)(?:本文|此文|本页)'),
      re('[12][0-9]{3}-[01][0-9]-[0-3][0-9]SP{1,3}[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'),
      re('(?:本文|全文)共?SP{0,2}[0-9]{2,6}SP{0,2}字'),
      re('栏目SP{0,2}[：:]|发布于|人气SP{0,2}[：:]'),
      re('[12][0-9]{3}-[01][0-9]-[0-3][0-9]SP{0,2}发布(?!会)'),
      // The uploader's line: 某用户 分享 时间：, user01 总结与计划阅读模式
      re('(?:分享|上传)SP{1,3}时间SP{0,2}[：:]'),
      re('^SP{0,4}[A-Za-z0-9_]{2,20}SP{1,3}[^，。！？,.!?\\r\\n]{0,16}阅读模式SP{0,4}$'),
    ],
    examples: ['小李 分享 时间：', 'wangwu88 心得体会2阅读模式', '- 2024-03-18 发布 |', '发布时间：2024-03-18 09:12:40 作者：佚名 我要投稿', '2023-07-02 人已围观 356人阅读', '阅读量：2310 收藏本文', '发布于 2021-04-09 3.1万次浏览', '栏目：工作总结 / 发布于：2022-11-05 / 人气：1.3W', '时间：2022-03-04 10:15:26', '本文共980字'],
  },
  {
    // 时间：2021-08-31 alone under a page's title. A report may close with its own date line, so
    // only the frame above the body takes it.
    id: 'page-date',
    kind: 'metadata',
    strength: 'line',
    anchor: /(?:时间|日期)[：:][ \t]{0,2}[12][0-9]{3}-/g,
    // A date alone (a timestamp with its time is the metadata family's, anywhere).
    patterns: [re('^SP{0,4}(?:时间|日期|发布时间|更新时间)SP{0,2}[：:]SP{0,2}[12][0-9]{3}-[01]?[0-9]-[0-3]?[0-9]SP{0,4}$')],
    maxLine: 30,
    topOnly: true,
    examples: ['时间：2024-03-18'],
  },
  {
    id: 'metadata-fields',
    kind: 'metadata',
    strength: 'weak',
    anchor: /[0-9]{4}|时间|日期|来源|栏目|分类|标签|字数|编辑|作者/g,
    patterns: [
      re('[12][0-9]{3}[-/.][01]?[0-9][-/.][0-3]?[0-9](?:SP{1,3}[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?)?'),
      re('(?:时间|日期|来源|栏目|分类|标签|类别|字数|编辑|责编|作者)SP{0,2}[：:]'),
    ],
    examples: ['栏目：工作总结 / 发布于：2022-11-05 / 人气：1.3W'],
  },
  {
    id: 'page-words',
    kind: 'metadata',
    strength: 'site',
    // Every pattern is a whole line that opens with its word: look only at line starts (after a
    // container prefix such as `> ` or `- `, which holds no Chinese).
    anchor: /^[^\r\n\u3400-\u9fff]{0,16}(?:内容|文档|在线|意见|网站|举报|投诉|分享|收藏|打印|纠错|预览|下载|点赞|评论|返回|关闭|复制|首页|客服|联系我们|关于我们|免责|正文|概述|简介|目录|摘要|约|KB|MB|页)/gm,
    patterns: [
      re('^SP{0,4}(?:[•·]SP{0,2})?(?:举报|分享|收藏|打印|纠错|预览|内容预览|下载|点赞|评论|返回顶部|返回首页|返回列表|关闭窗口|复制链接|文档简介|文档介绍|首页|在线客服|客服中心|联系我们|关于我们|意见反馈|投诉建议|投诉|网站地图|免责声明)SP{0,2}[：:]?SP{0,4}$'),
      re('^SP{0,4}【SP{0,2}(?:正文|概述|简介|目录|摘要)SP{0,2}】SP{0,4}$'),
      re('^SP{0,4}(?:[•·]SP{0,2})?约SP{0,2}[0-9.]{1,6}SP{0,2}(?:千字|万字|字|页)SP{0,4}$'),
      // A document page's size and length, as list items: - 37.5 KB |, - 2页
      re('^SP{0,4}[0-9][0-9.]{0,5}SP{0,2}(?:KB|MB|页)SP{0,2}[|｜]?SP{0,4}$'),
    ],
    examples: ['举报', '【正文】', '• 约 12页', '在线客服', '投诉建议', '文档介绍', '37.5 KB |', '2页'],
  },
  {
    id: 'page-prompts',
    kind: 'metadata',
    strength: 'site',
    anchor: /标签|字体|【大】|注册|会员|刷新|登录|打开全文|我站|网站编辑/g,
    patterns: [
      re('[\\[【]SP{0,2}标签SP{0,2}[：:][^\\]】\\r\\n]{0,12}[\\]】]'),
      re('字体(?:大小)?SP{0,2}[：:]|【大】SP{0,3}【中】SP{0,3}【小】'),
      re('(?:点此|立即|免费)注册|加入会员|站内会员|刷新页面|登录网站|打开全文|了解我站|网站编辑'),
    ],
    examples: ['[标签:年度总结]', '字体大小：【大】 【中】 【小】', '初次访问请【点此注册】加入会员'],
  },
  // Site names and addresses have families of their own: their patterns open with a class of
  // any length, slow to try at every position, so they run only on lines holding the name itself.
  {
    id: 'site-name',
    kind: 'metadata',
    strength: 'site',
    anchor: /(?:范文|文秘|作文|期刊)(?:专业)?(?:网|站|库)|学习啦|海量|(?:文学|范文|美文)(?:吧|帮)/g,
    patterns: [
      re('[HANA-Za-z0-9]{0,6}(?:范文|文秘|作文|期刊)(?:专业)?(?:网|站|库)|学习啦'),
      re('[HANA-Za-z0-9]{0,6}(?:文学|范文|美文)(?:吧|帮)'),
      re('海量(?:的)?(?:写作)?(?:范文|资料|文档)'),
    ],
    examples: ['某某范文网', '资深的文秘专业网，海量的写作范文库', '蓝莓文学吧', '十十范文帮'],
  },
  {
    id: 'site-address',
    kind: 'metadata',
    strength: 'site',
    anchor: /\.(?:com|cn|net|org|cc)/g,
    patterns: [re('【SP{0,2}(?:https?://)?(?:www\\.)?[A-Za-z0-9-]{1,30}\\.(?:com|cn|net|org|cc)')],
    examples: ['【www.example.com--工作总结】'],
  },
  {
    id: 'disclosure-fields',
    kind: 'metadata',
    strength: 'line',
    anchor: /索引号|发文|主题词|成文日期|发布机构|公开方式|生效日期/g,
    patterns: [re('(?:索引号|发文字号|发文时间|发文机关|主题词|成文日期|发布机构|公开方式|生效日期)SP{0,2}[：:]')],
    maxLine: 80,
    examples: ['索引号： | 发文字号： |', '发文机关： | 主题词： | 成文日期：'],
  },
  {
    id: 'share',
    kind: 'share',
    strength: 'site',
    anchor: /分享|手机|扫一扫/g,
    patterns: [
      re('分享到(?:朋友圈|微信|QQ|微博|QQ空间)'),
      re('(?:访问|进入|切换到?)手机版'),
      re('(?:在)?手机(?:上)?(?:阅读|打开|查看)(?:、分享)?(?:本文)?'),
      re('分享本文'),
    ],
    examples: ['微信扫一扫，分享到朋友圈', '访问手机版', '扫一扫在手机阅读、分享本文'],
  },
  {
    id: 'scan',
    kind: 'share',
    strength: 'line',
    anchor: /扫一扫/g,
    patterns: [re('(?:微信)?扫一扫')],
    maxLine: 20,
    examples: ['微信扫一扫，分享到朋友圈'],
  },
  {
    id: 'related',
    kind: 'related',
    strength: 'site',
    anchor: /相关|推荐|热门|精选|最新|猜你|延伸|大家|上一篇|下一篇/g,
    patterns: [
      re('^SP{0,4}(?:相关(?:文章|阅读|推荐|范文|文档|内容|专题|热搜|搜索)|推荐(?:阅读|文章|范文)|热门(?:文章|范文|推荐|阅读)|精选(?:文章|范文)|最新(?:文章|范文)|猜你喜欢|延伸阅读|大家(?:都在看|还看了))SP{0,2}[：:]?SP{0,4}$'),
      re('^SP{0,4}相关[^，。；：:,;\\r\\n]{1,16}?(?:报告|总结|范文|汇报|材料|文章)SP{0,2}[：:]SP{0,4}$'),
      re('^SP{0,4}(?:上一篇|下一篇)SP{0,2}[：:]'),
      re('^SP{0,4}相关[^，。；：:,;\\r\\n]{1,16}?(?:报告|总结|范文)SP{0,2}[：:](?=[^\\r\\n]{0,200}?(?:报告|总结)[、 ][^\\r\\n]{0,200}?(?:报告|总结))'),
    ],
    claimsLine: true,
    examples: ['相关文章：', '相关述职报告：', '下一篇：年度考核个人总结', '相关自查报告：档案工作自查报告、保密工作自查报告、安全生产自查报告'],
  },
  {
    // The page-break tags of site software, left in the text when a paged article is copied.
    id: 'pager',
    kind: 'pager',
    strength: 'site',
    anchor: /\[NextPage|\[nextpage|#p#/g,
    patterns: [re('SP{0,2}\\[(?:NextPage|nextpage)\\]SP{0,2}'), re('#p#[^#\\r\\n]{0,30}#e#')],
    inline: 'remove',
    examples: ['全年新增就业岗位三百个。[NextPage]下半年继续', '#p#第二页#e#'],
  },
  {
    id: 'title-debris',
    kind: 'title-debris',
    strength: 'site',
    anchor: /页|篇|【|范文|模板|范例|例文|全文|[0-9]{3,5}字|怎么写/g,
    patterns: [
      re('_第[0-9]{1,3}页'),
      re('范文[0-9一二三四五六七八九十]{1,3}篇'),
      re('[（(【\\[]SP{0,2}(?:精选|优选|推荐|通用|热门|最新|实用|必备|汇总|合集|集合|大全|范文|经典|优秀)?SP{0,2}[0-9一二三四五六七八九十多]{1,3}篇SP{0,2}(?:精选|汇总|合集|范文)?[）)】\\]]'),
      re('【(?:精选|优选|推荐|热门|最新|通用|实用|必备|汇总|合集|经典|优秀|原创|范文)[^】\\r\\n]{0,8}】'),
      re('(?:范文|模板|范例|例文)(?<=(?:TW|格式)(?:范文|模板|范例|例文))(?:大全|精选|汇总)?(?=SP{0,4}$)'),
      re('^SP{0,4}第[一二三四五六七八九十0-9]{1,3}篇SP{0,2}[：:]'),
      re('^SP{0,4}(?:第[0-9]{1,3}篇|篇[0-9]{1,3})SP{1,3}(?=[^，。；：,;:\\r\\n]{2,40}?(?:TW)SP{0,4}$)'),
      re('^SP{0,4}篇[一二三四五六七八九十0-9]{1,3}SP{0,2}[：:]'),
      re('(?:SP{1,2})?(?:第(?<=(?:TW|范文|模板|例文)SP{0,2}第)SP{0,2}[0-9一二三四五六七八九十]{1,3}SP{0,2}篇|篇(?<=(?:TW|范文|模板|例文)SP{0,2}篇)SP{0,2}[0-9一二三四五六七八九十]{1,3})(?=SP{0,4}$)'),
      re('(?:SP{1,2})?(?:范文|范例|模板|例文)(?<=(?:TW|格式)SP{0,2}(?:范文|范例|模板|例文))SP{0,2}[0-9]{1,2}(?=SP{0,4}$)'),
      re('^SP{0,4}(?:篇SP{0,2}[0-9一二三四五六七八九十]{1,3}|第SP{0,2}[0-9一二三四五六七八九十]{1,3}SP{0,2}篇)SP{0,4}$'),
      re('(?:范文|范例|模板|例文)?(?:[0-9]{4})?(?:精选|优选|优秀|推荐|最新|通用|热门|实用|汇总|合集|集合|大全)?[0-9一二三四五六七八九十]{1,3}篇(?=SP{0,4}$|[（(]|[0-9])'),
      re('(?:范文|模板|范例|例文)(?<=(?:TW)(?:范文|模板|范例|例文))(?=】)'),
      re('[（(]精选多篇[）)]'),
      re('(?:范文|模板)?[0-9]{3,5}字(?<=(?:TW|范文|模板)[0-9]{3,5}字)(?=SP{0,4}$)'),
      re('怎么写(?<=(?:TW)怎么写)(?=SP{0,4}$)'),
      re('【SP{0,2}第[0-9一二三四五六七八九十]{1,3}篇SP{0,2}】'),
      re('[（(]篇[0-9一二三四五六七八九十]{1,3}[）)](?<=(?:TW)[（(]篇[0-9一二三四五六七八九十]{1,3}[）)])(?=SP{0,4}$)'),
      re('篇(?<=(?:TW)SP{0,2}篇)SP{0,2}[（(][0-9一二三四五六七八九十]{1,3}[）)](?=SP{0,4}$)'),
      // A genre tag in brackets before the title: 【自查报告】某公司自查报告
      re('^SP{0,4}【[^】\\r\\n]{0,8}(?:TW)】(?=[^，。；,;\\r\\n]{1,38}?(?:TW)[^，。；,;！？!?\\r\\n]{0,16}$)'),
      re('[（(]SP{0,2}全文(?:共|完整)?SP{0,2}[0-9]{0,6}字?SP{0,2}[）)]'),
    ],
    inline: 'remove',
    examples: [
      '年度工作总结_第2页', '社区工作总结范文五篇', '述职报告（精选6篇）', '村级党建总结【推荐】', '镇半年工作总结范文', '第一篇：个人述职报告',
      '篇二：年度考核总结', '第2篇 县妇联年度工作报告', '中学教学工作总结 篇3', '党建工作总结第2篇', '安全检查自查报告模板2', '基层治理工作总结优秀9篇', '【卫生院半年工作总结范文】今年以来', '乡镇半年工作思路(精选多篇)', '社区工作总结（全文共1860字）', '妇联年度工作总结(集合5篇)', '篇2', '网点主任工作总结汇总十篇', '政协工作总结【第一篇】', '农业局上半年工作总结(篇1)', '支行工作总结篇(2)', '【述职报告】办公室主任述职报告', '关于卫生工作的自查报告范文1500字', '团委工作总结怎么写',
    ],
  },
  {
    // After a title's last word: a compilation's ordinal (妇联年度工作总结3), 供借鉴.
    id: 'title-ordinal',
    kind: 'title-debris',
    strength: 'site',
    anchor: new RegExp(TW, 'g'),
    patterns: [re('[0-9]{1,2}(?<=(?:TW)[0-9]{1,2})(?=SP{0,4}$)'), re('SP{0,2}(?:仅)?供(?:参考|借鉴|学习)(?<=(?:TW)SP{0,2}(?:仅)?供(?:参考|借鉴|学习))(?=SP{0,4}$)')],
    inline: 'remove',
    examples: ['妇联年度工作总结3', '农业农村局上半年工作总结 供借鉴'],
  },
  {
    id: 'spam',
    kind: 'spam',
    strength: 'line',
    anchor: /娱乐城|百家乐|真人视讯|老虎机|葡京|威尼斯人|赌场|博彩|投注|彩票|注册|开户|返水|成人|亚洲|欧美|日本|国产|av在线|av网站|买球/g,
    patterns: [
      re('(?:[HAN]{0,4}娱乐城|百家乐|真人视讯|老虎机|葡京|威尼斯人|(?:在线|网上)(?:赌场|博彩|投注)|博彩(?:网|平台|公司)|体育投注|彩票(?:平台|网|注册|开户)|注册(?:就)?送[0-9]{1,4}|开户(?:即)?送|返水)'),
      re('(?:在线)?成人(?:免费)?(?:视频|电影|影院)|(?:亚洲|欧美|日本|国产)(?:精品|另类|无码)|av(?:在线|网站)'),
      re('(?:欧洲杯|世界杯|足球)买球(?:平台|网)?|买球(?:平台|网|app|APP)'),
    ],
    maxLine: 80,
    examples: ['金沙娱乐城真人视讯百家乐，注册送88', '欧美精品 在线成人免费视频', '欧洲杯买球平台 买球网'],
  },
];

FAMILIES.push(
  {
    id: 'pitch',
    kind: 'pitch',
    strength: 'site',
    anchor: /会员|完整版|订阅|途径|下载/g,
    patterns: [
      re('会员(?:资料|材料|专享|专属)|会员群SP{0,3}[：:]'),
      re('(?:开通|购买|升级|充值)(?:VIP|vip)?会员|VIP会员'),
      re('(?:获得|获取|领取|下载)完整版'),
      re('(?:(?:现在|立即|马上|点击)?订阅)?[^，。！？\\r\\n]{0,4}?(?:立享|即享|尊享)[^，。！？\\r\\n]{0,8}?(?:权益|资料|服务|特权)|(?:现在|立即|马上|点击)订阅'),
      re('(?:其他|其它)(?:任何)?途径获取的(?:资料|文档)均?不完整'),
      re('(?:即可|就能|免费)下载(?:全部|所有|海量)?(?:范文|资料|文档)'),
    ],
    examples: ['【会员专享资料，严禁用于商业用途，违者必究】', '开通VIP会员即可下载全部范文', '获取完整版请联系客服', '现在订阅立享全部权益', '本站整理，其他任何途径获取的资料均不完整'],
  },
  {
    id: 'pitch-words',
    kind: 'pitch',
    strength: 'weak',
    anchor: /会员|资料咨询|倒卖|违者|必究/g,
    patterns: [
      re('会员(?:群|权益|免费)'),
      re('资料咨询'),
      re('(?:打击|举报)倒卖'),
      re('违者(?:后果自负|必究)|(?:侵权|翻版)必究'),
    ],
    examples: ['【会员专享资料，严禁用于商业用途，违者必究】', '获取完整版资料咨询，举报倒卖享会员权益'],
  },
  {
    id: 'contact',
    kind: 'contact',
    strength: 'weak',
    anchor: /QQ|qq|微信|V信|vx|VX|wx|WX/g,
    patterns: [
      re('(?:QQ|qq)群?号?SP{0,3}[：:]?SP{0,3}[1-9][0-9]{4,11}(?![0-9])'),
      re('(?:QQ|qq)群?号?SP{0,3}[：:]'),
      re('(?:指定|咨询|联系|客服|免费)(?:QQ|qq)'),
      re('(?:微信|V信|vx|VX|wx|WX)号?SP{0,3}[：:]SP{0,3}[A-Za-z0-9_-]{5,20}'),
    ],
    examples: ['获取完整版资料咨询唯一指定QQ：3581234567', '会员群：  免费QQ群：', '加微信：gongwen_2025 获取完整版'],
  },
);

/** The structural recognisers: no phrase, the shape of the text shows them. Listed with their
 * examples (each a small text, the residue on its last line) like the phrase families. */
export const STRUCTURAL: { id: string; kind: Kind; examples: string[] }[] = [
  { id: 'related-list', kind: 'related', examples: ['# 村委会2025年工作总结\n\n今年完成了道路硬化。\n\n相关文章：\n村委会年度工作总结【精选5篇】'] },
  {
    id: 'repeated-title',
    kind: 'repeated-title',
    examples: ['社区2025年上半年工作总结\n\n今年以来，社区围绕服务居民开展了多项工作，成效明显。\n\n社区2025年上半年工作总结'],
  },
  {
    id: 'chunk-number',
    kind: 'chunk-number',
    examples: ['今年以来，我们依托各街道综合服务中心，联合街道办事处、社区居委会和驻区单位共同开展了便民服务，服务范围覆盖辖区各街\n2、道办事处的全部社区。'],
  },
];

const KIND_NAME: Record<Kind, Localized> = {
  watermark: localized('水印', 'watermark'),
  pitch: localized('会员推销', 'membership pitch'),
  contact: localized('QQ/微信联系方式', 'QQ/WeChat contact'),
  source: localized('来源注记', 'source note'),
  intro: localized('网站导语', 'site intro or outro'),
  disclaimer: localized('网站声明', 'site disclaimer'),
  paywall: localized('付费阅读或省略提示', 'paywall or omission marker'),
  breadcrumb: localized('网页导航路径', 'breadcrumb'),
  navigation: localized('网站栏目菜单', 'site menu'),
  metadata: localized('网页发布信息', 'page metadata'),
  share: localized('分享提示', 'share prompt'),
  related: localized('相关文章链接', 'related-links list'),
  'title-debris': localized('网页标题附加词', 'page-title debris'),
  'repeated-title': localized('重复的网页标题', 'repeated page title'),
  'chunk-number': localized('分页序号', 'page-chunk number'),
  pager: localized('网页分页标记', 'page-break markup'),
  spam: localized('垃圾广告', 'spam'),
  extra: localized('自定义的广告词', 'configured residue'),
};

const RANK: Record<Strength, number> = { weak: 0, line: 1, site: 2 };
/** Kinds whose site phrases are reported (without a fix) even inside a report's own sentence:
 * no report says 不代表本站立场 or 小编整理. Pitches, contacts and page words inside a sentence
 * (推出会员专享服务) may be the report's own, and are left alone there. */
const INLINE_SURE = new Set<Kind>(['disclaimer', 'intro', 'paywall', 'watermark']);

/** 。！？!? by code unit. */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63;
}
/** ”’）)】」』: closing marks that stay with the sentence they end. */
function isSentenceCloser(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0xff09 || c === 41 || c === 0x3011 || c === 0x300d || c === 0x300f;
}
/** Where a clause ends: clause and sentence marks, separators of metadata and menus, spaces. */
function isClauseBreak(c: number): boolean {
  return (
    c === 0xff0c || c === 44 || c === 0x3002 || c === 0xff1b || c === 59 || c === 0xff01 || c === 33 || c === 0xff1f || c === 63 || c === 0x3001 ||
    c === 0xff1a || c === 58 || c === 124 || c === 0xff5c || c === 47 || c === 62 || c === 32 || c === 9 || c === 0x3000
  );
}
/** Word characters a clause may keep beside its residue phrases and still be residue
 * (`时间：… 总结 我要投稿`, `说明：文章内容仅供预览`): a few, counting a digit or Latin run as one. */
const LEFTOVER = 4;
/** Longest line that weak phrases alone can make a block member. */
const WEAK_LINE_MAX = 40;
/** Longest line that `line` phrases make residue by default. */
const LINE_MAX = 30;
/** A brand or slogan line inside a block: short, no sentence or clause marks, not a title. */
const SLOGAN_MAX = 20;
const TITLE_WORD = new RegExp(alternation([...TITLE_WORDS, '方案', '意见', '通知', '小结']));
/** At most this many non-residue lines (slogans, blank lines) between two residue lines of a block. */
const MAX_GAP = 6;
const MAX_GAP_SLOGANS = 4;
/** Longest line of the site's frame (a pitch or disclaimer line at the top or the bottom). */
const FRAME_LINE_MAX = 200;
/** Longest line that can be a page title, or a title in a related-links list. */
const TITLE_MAX = 60;

interface Hit extends Span {
  family: Family;
}

interface ResidueLine {
  line: LineInfo;
  hits: Hit[];
  kind?: Kind;
  /** Only weak phrases: a member of a block at most, never a finding on its own. */
  weak: boolean;
}

export interface CopyResidueOptions {
  extra: Pattern[];
  allow: string[];
}

/** Configured phrases: site strength. */
const EXTRA_FAMILY: Family = { id: 'extra', kind: 'extra', strength: 'site', anchor: /$^/g, patterns: [], examples: [] };

/** The rule's options, as `meta.options` has checked them: patterns compiled, words as given
 * (what does not compile, in options not checked first, is left out). */
export function readCopyResidueOptions(options: Record<string, unknown>): { options: CopyResidueOptions } {
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);
  const extra: Pattern[] = [];
  for (const source of strings(options.extra)) {
    const compiled = compileUserPattern(source);
    if ('pattern' in compiled) extra.push(compiled.pattern);
  }
  return { options: { extra, allow: strings(options.allow) } };
}

const MESSAGES = {
  line: { 'zh-CN': '疑似从模板网站带入的{what}，应删除这一行', en: 'Looks like {what} copied from a template site: remove the line' },
  block: { 'zh-CN': '疑似从模板网站带入的内容（共 {count} 行：{what}），应整块删除', en: 'Looks like a block copied from a template site ({count} lines: {what}): remove the block' },
  phrase: { 'zh-CN': '疑似从模板网站带入的{what}，应删除', en: 'Looks like {what} copied from a template site: remove it' },
  textMissing: {
    'zh-CN': '疑似从模板网站带入的{what}：此处原文不全，请补全原文后删除这段提示',
    en: 'Looks like {what} copied from a template site: text is missing here; restore it, then remove the marker',
  },
  verify: { 'zh-CN': '疑似从模板网站带入的{what}，请核实后删除', en: 'Looks like {what} copied from a template site: check it and remove it' },
  chunkNumber: {
    'zh-CN': '疑似文档网站分页时插入的序号「{marker}」：上一行的词语在这里被截断，应删除序号并接回上一行',
    en: 'Looks like a page-chunk number "{marker}" a document site inserted where it cut a word: remove it and rejoin the line above',
  },
  removeLine: { 'zh-CN': '删除这一行', en: 'Remove the line' },
  removeBlock: { 'zh-CN': '删除这 {count} 行', en: 'Remove these {count} lines' },
  removePhrase: { 'zh-CN': '删除这段文字', en: 'Remove this text' },
  removeChunkNumber: { 'zh-CN': '删除分页序号，接回上一行', en: 'Remove the number and rejoin the line' },
} as const satisfies MessageTable;

type Report = (finding: RuleReport<typeof MESSAGES>) => void;

export const copyResidue = defineRule({
  meta: {
    id: 'copy-residue',
    name: localized('模板网站残留', 'template-site residue'),
    description: localized(
      '从模板网站复制带入的内容：小编导语、免责声明、付费与省略提示、导航路径、发布信息、相关文章、标题附加词、水印、会员推销、QQ号等',
      'Text copied in from template sites: intros, disclaimers, paywall and omission markers, breadcrumbs, page metadata, related links, title debris, watermarks, pitches, QQ numbers…',
    ),
    category: 'residue',
    defaultSeverity: 'warning',
    docs: 'docs/rules/copy-residue.md',
    fixable: true,
    fixNote: localized('只删除整行、整块或整句都是网站内容的部分', 'deletes the sentence, the line or the whole ad block'),
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: {
          type: 'array',
          description: localized('额外要报告的广告说法：正则表达式（Unicode 模式，逐行匹配）', 'additional residue phrases: regular expressions (Unicode mode, matched per line)'),
          items: { type: 'string', minLength: 1, format: 'user-pattern' },
        },
        allow: {
          type: 'array',
          description: localized('允许的词语（不是正则）：与之重叠的说法不报告', 'allowed words (not regular expressions): a phrase overlapping one is not reported'),
          items: { type: 'string', minLength: 1 },
        },
      },
    },
    messages: MESSAGES,
  },
  check({ model, options, report }) {
    const scan = startScan(model, readCopyResidueOptions(options).options);
    findResidueLines(scan);
    scan.titleLine = findPageTitle(scan);
    findFrameAbove(scan);
    findFrameBelow(scan);
    findRelatedLists(scan);
    findRepeatedTitles(scan);
    // The last recogniser of shape, judged on the residue lines before blocks drop the weak ones.
    const chunked = chunkNumbers(scan.text, scan.lines, scan.whole);
    const inBlock = reportBlocks(scan, report);
    reportInlineResidue(scan, inBlock, report);
    reportChunkNumbers(chunked, report);
  },
});

/** What the phases of the check share: the text, the residue phrases found in each line, and the
 * lines found so far to be residue as a whole. */
interface Scan {
  readonly text: string;
  /** The text folded to simplified script (總結_第2頁 is 总结_第2页), offset for offset: phrases
   * are matched on it; messages show the source. */
  readonly folded: string;
  readonly lines: readonly LineInfo[];
  readonly mask: TextMask;
  readonly hitsByLine: Map<number, Hit[]>;
  /** Lines that are residue as a whole, by line number. */
  readonly whole: Map<number, ResidueLine>;
  /** The page's title line, once found; its copies are found later, and the one kept becomes it. */
  titleLine: LineInfo | undefined;
}

function startScan(model: ReportModel, opts: CopyResidueOptions): Scan {
  const folded = foldedText(model);
  const mask = new TextMask(model);
  return { text: model.text, folded, lines: model.lines, mask, hitsByLine: collectHits(folded, model.lines, mask, opts), whole: new Map(), titleLine: undefined };
}

/** A line's words (folded), without code, comments and URLs. */
function content(scan: Scan, l: LineInfo): string {
  return visible(scan.folded, l, scan.mask);
}

function isResidue(scan: Scan, n: number): boolean {
  return scan.whole.has(n) && !scan.whole.get(n)!.weak;
}

/** Lines that are residue as a whole. */
function findResidueLines(scan: Scan): void {
  const { text, lines, mask, whole } = scan;
  for (const [number, all] of scan.hitsByLine) {
    const line = lines[number - 1];
    // Phrases that count only above the body are weighed by the frame, below.
    const hits = all.some((h) => h.family.topOnly) ? all.filter((h) => !h.family.topOnly) : all;
    if (hits.length === 0) continue;
    const verdict = classify(text, line, hits, content(scan, line).length, mask);
    if (verdict) whole.set(number, { line, hits, weak: verdict === 'weak' });
  }
}

/** The page title: among the lines before the first sentence that are not residue, the first
 * that names a report (else the first short one). */
function findPageTitle(scan: Scan): LineInfo | undefined {
  let shortLine: LineInfo | undefined;
  for (const l of scan.lines) {
    if (l.kind !== 'text' || scan.whole.has(l.number)) continue;
    // A numbered line is the body's first section, not the page's title.
    if (l.numbered) break;
    const t = content(scan, l);
    if (t.length > TITLE_MAX || /[。！？；;]/.test(t)) break;
    shortLine ??= l;
    if (TITLE_WORD.test(t)) return l;
  }
  return shortLine;
}

/**
 * A line of the site's frame: the lines with a site phrase above the title and the body's first
 * line, and below the body's last line. Only a short line whose every sentence holds a residue
 * phrase: a report pasted as one long paragraph that mentions 本站 somewhere is not the site's frame.
 */
function frameCandidate(scan: Scan, l: LineInfo, top: boolean): boolean {
  const { text, mask } = scan;
  const all = scan.hitsByLine.get(l.number);
  const hits = top || !all ? all : all.filter((h) => !h.family.topOnly);
  if (!hits || hits.length === 0 || l.kind !== 'text' || l.heading || l.numbered) return false;
  const length = content(scan, l).length;
  if (length > FRAME_LINE_MAX) return false;
  // A watermark phrase makes a frame line only when the line is nothing else (本材料仅限内部
  //使用，请勿外传。 closing a report is the report's own sentence).
  const sure =
    hits.some((h) => h.family.strength === 'site' && !h.family.inline) ||
    (hits.some((h) => h.family.strength === 'line') && length <= TITLE_MAX && clausesCovered(text, l.contentStart, l.end, hits, mask));
  if (!sure) return false;
  let k = 0;
  for (const seg of splitSentences(text, l, mask)) {
    while (k < hits.length && hits[k].end <= seg.start) k++;
    let held = false;
    for (let h = k; h < hits.length && hits[h].start < seg.end; h++) if (hits[h].family.strength !== 'weak') held = true;
    if (!held) return false;
  }
  return true;
}

/** Above the body, a site writes its summary of the page and then its intro: a line whose last
 * sentence is a site intro that names 范文 or 小编 (以下是…相关范文，供您参考！) is the site's
 * paragraph. */
function introParagraph(scan: Scan, l: LineInfo): boolean {
  const hits = scan.hitsByLine.get(l.number);
  if (!hits || l.kind !== 'text' || l.heading || l.numbered || content(scan, l).length > FRAME_LINE_MAX) return false;
  const sentences = splitSentences(scan.text, l, scan.mask);
  const last = sentences[sentences.length - 1];
  if (!last || !/范文|小编/.test(scan.folded.slice(last.start, last.end))) return false;
  return hits.some((h) => h.family.kind === 'intro' && h.family.strength === 'site' && h.start >= last.start);
}

/** The site's frame above the body: from the first line down, up to the first line of the report. */
function findFrameAbove(scan: Scan): void {
  const { text, lines, whole } = scan;
  for (let n = 1; n <= lines.length; n++) {
    const l = lines[n - 1];
    if (l.kind === 'blank' || l.kind === 'excluded' || isResidue(scan, n) || l === scan.titleLine) continue;
    if (frameCandidate(scan, l, true) || introParagraph(scan, l)) whole.set(n, { line: l, hits: scan.hitsByLine.get(n)!, weak: false });
    // A page's counters (views, likes) copied as list items above the text: - 0
    else if (LIST_ITEM.test(text.slice(l.start, l.contentStart)) && /^[0-9]{1,6}$/.test(content(scan, l))) whole.set(n, { line: l, hits: [], kind: 'metadata', weak: false });
    else if (!isSlogan(scan, l) && !whole.has(n)) break;
  }
}

/** The site's frame below the body: from the last line up, up to the last line of the report
 * (never past the title). */
function findFrameBelow(scan: Scan): void {
  const { lines, whole } = scan;
  for (let n = lines.length; n >= 1; n--) {
    const l = lines[n - 1];
    if (l.kind === 'blank' || l.kind === 'excluded' || isResidue(scan, n)) continue;
    if (l === scan.titleLine) break;
    if (frameCandidate(scan, l, false)) whole.set(n, { line: l, hits: scan.hitsByLine.get(n)!, weak: false });
    else if (!isSlogan(scan, l) && !whole.has(n)) break;
  }
}

/** A recogniser of shape: related-links lists, the linked titles under a related-links header. */
function findRelatedLists(scan: Scan): void {
  const { lines, whole } = scan;
  for (const n of [...whole.keys()]) {
    const r = whole.get(n)!;
    if (!r.hits.some((h) => h.family.kind === 'related' && h.family.claimsLine && h.start <= r.line.contentStart + 4)) continue;
    for (let m = n + 1; m <= lines.length; m++) {
      const l = lines[m - 1];
      if (l.kind === 'blank') continue;
      if (whole.has(m) && !whole.get(m)!.weak) break;
      if (!isListedTitle(scan, l)) break;
      whole.set(m, { line: l, hits: [], kind: 'related', weak: false });
    }
  }
}

/** A recogniser of shape: copies of the page title that sites put between pages (社区工作总结_第2页, or the title
 * again before each chunk): one copy stays, the first without debris, else the first, and it
 * becomes the title line. */
function findRepeatedTitles(scan: Scan): void {
  const { folded, lines, whole } = scan;
  const titleLine = scan.titleLine;
  if (!titleLine) return;
  const title = normalTitle(content(scan, titleLine));
  if (title.length < 6 || !TITLE_WORD.test(title)) return;
  // Lengths are of the visible words: a comment on the title line (<!-- … -->) is not the title's.
  const copies = lines.filter((l) => {
    if (l.number < titleLine.number || l.kind !== 'text' || l.numbered || whole.has(l.number)) return false;
    const words = content(scan, l);
    return words.length <= TITLE_MAX + 20 && normalTitle(words) === title;
  });
  // A copy stamped with a page number (_第2页) is the site's page header, not the title.
  const paged = (l: LineInfo) => /_第[0-9]{1,3}页/.test(folded.slice(l.contentStart, l.end));
  const keep = copies.find((l) => !paged(l)) ?? copies[0];
  for (const l of copies) if (l !== keep && !l.heading) whole.set(l.number, { line: l, hits: scan.hitsByLine.get(l.number) ?? [], kind: 'repeated-title', weak: false });
  scan.titleLine = keep;
}

/** Blocks: residue lines joined across short slogan lines and blank lines, each reported with a
 * fix that deletes it; a block of weak lines only is no residue. Returns the lines of the blocks. */
function reportBlocks(scan: Scan, report: Report): Set<number> {
  const { lines, whole } = scan;
  let firstContent = 1;
  while (firstContent <= lines.length && lines[firstContent - 1].kind === 'blank') firstContent++;
  let lastContent = lines.length;
  while (lastContent >= 1 && lines[lastContent - 1].kind === 'blank') lastContent--;
  const numbers = [...whole.keys()].sort((a, b) => a - b);
  const inBlock = new Set<number>();
  let i = 0;
  while (i < numbers.length) {
    const first = numbers[i];
    let last = first;
    let j = i + 1;
    while (j < numbers.length && joinable(scan, last, numbers[j])) {
      last = numbers[j];
      j++;
    }
    if (j === numbers.length) last = withTrailingSlogans(scan, last);
    const members = numbers.slice(i, j).map((n) => whole.get(n)!);
    if (members.some((r) => !r.weak)) {
      reportBlock(scan, report, first, last, members, firstContent, lastContent);
      for (let n = first; n <= last; n++) inBlock.add(n);
    }
    else for (const r of members) whole.delete(r.line.number);
    i = j;
  }
  return inBlock;
}

function joinable(scan: Scan, a: number, b: number): boolean {
  if (b - a - 1 > MAX_GAP) return false;
  let slogans = 0;
  for (let n = a + 1; n < b; n++) {
    const l = scan.lines[n - 1];
    if (l.kind === 'blank') continue;
    if (!isSlogan(scan, l)) return false;
    slogans++;
  }
  return slogans <= MAX_GAP_SLOGANS;
}

/** Brand lines after the last residue line, up to the end of the document, go with it. */
function withTrailingSlogans(scan: Scan, last: number): number {
  const lines = scan.lines;
  let tail = last;
  let slogans = 0;
  for (let n = last + 1; n <= lines.length; n++) {
    const l = lines[n - 1];
    if (l.kind === 'blank') continue;
    if (!isSlogan(scan, l) || ++slogans > MAX_GAP_SLOGANS) return last;
    tail = n;
  }
  return tail;
}

function isSlogan(scan: Scan, l: LineInfo): boolean {
  if (l.kind !== 'text' || l.heading || l.numbered || l === scan.titleLine) return false;
  const t = content(scan, l);
  if (t.length === 0 || t.length > SLOGAN_MAX) return false;
  if (/[。；;：:！？!?]/.test(t) || TITLE_WORD.test(t)) return false;
  if (/^[0-9０-９]/.test(t)) return false;
  for (let k = 0; k < t.length; k++) if (isHanCode(t.charCodeAt(k))) return true;
  return false;
}

/** A linked title under a related-links header: short, no sentence, a report's name. */
function isListedTitle(scan: Scan, l: LineInfo): boolean {
  if (l.kind !== 'text') return false;
  const t = content(scan, l);
  if (t.length === 0 || t.length > TITLE_MAX || /[。；;！？]/.test(t)) return false;
  return TITLE_WORD.test(t) || /范文|篇|心得|体会|【/.test(t);
}

function reportBlock(scan: Scan, report: Report, first: number, last: number, members: ResidueLine[], firstContent: number, lastContent: number): void {
  const { text, lines } = scan;
  const a = lines[first - 1];
  const z = lines[last - 1];
  const hits: Hit[] = [];
  const kinds = new Set<Kind>();
  for (const r of members) {
    hits.push(...r.hits);
    if (r.kind) kinds.add(r.kind);
  }
  let start = a.start;
  let end = last < lines.length ? lines[last].start : text.length;
  const blank = (n: number) => n >= 1 && n <= lines.length && lines[n - 1].kind === 'blank';
  if (first <= firstContent) {
    // At the top: the document starts with what follows the block.
    start = 0;
    let n = last + 1;
    while (n <= lines.length && blank(n)) n++;
    end = n <= lines.length ? lines[n - 1].start : text.length;
  } else if (last >= lastContent) {
    // At the end: the document ends with the line break of its last real line.
    let n = first - 1;
    while (n >= 1 && blank(n)) n--;
    start = n < lines.length ? lines[n].start : text.length;
    end = text.length;
  } else if (blank(first - 1) && blank(last + 1)) {
    // In the middle, between blank lines: keep one run of blank lines.
    let n = last + 1;
    while (n <= lines.length && blank(n)) n++;
    end = lines[n - 1].start;
  }
  const count = last - first + 1;
  const what = describe(text, hits, [...kinds]);
  const edits: OffsetEdit[] = [{ start, end, text: '' }];
  // The finding spans every line the fix removes, so the squiggle shows what goes.
  const where = {
    // From the list marker or quote mark when the line has one: the fix removes it too.
    start: /\S/.test(text.slice(a.start, a.contentStart)) ? a.start : a.contentStart,
    end: z.end,
    owns: true,
    ownsFrom: a.start,
  };
  if (count === 1) report({ ...where, messageId: 'line', data: { what }, fix: { messageId: 'removeLine', edits } });
  else report({ ...where, messageId: 'block', data: { count, what }, fix: { messageId: 'removeBlock', data: { count }, edits } });
}

/** Residue inside lines that also hold report text: a sentence that is residue through and
 * through, else each run of residue phrases. */
function reportInlineResidue(scan: Scan, inBlock: ReadonlySet<number>, report: Report): void {
  const { text, lines, mask } = scan;
  for (const [number, hits] of scan.hitsByLine) {
    if (inBlock.has(number)) continue;
    const line = lines[number - 1];
    const words = content(scan, line);
    const titleLike = words.length <= TITLE_MAX && !/[。！？]/.test(words);
    // Both lists are in text order: hand each sentence the hits that overlap it.
    let first = 0;
    for (const seg of splitSentences(text, line, mask)) {
      while (first < hits.length && hits[first].end <= seg.start) first++;
      const inside: Hit[] = [];
      for (let k = first; k < hits.length && hits[k].start < seg.end; k++) inside.push(hits[k]);
      if (inside.length === 0) continue;
      const siteHits = inside.filter((h) => h.family.strength === 'site' && !h.family.inline);
      if (siteHits.length > 0 && clausesCovered(text, seg.start, seg.end, inside, mask)) {
        // A sentence that is residue through and through: remove that sentence only.
        reportPart(text, report, seg.start, seg.end, inside, 'remove');
        continue;
      }
      // One finding per run of overlapping phrases handled alike (小编为大家收集 and 为大家收集的).
      let run: { start: number; end: number; hits: Hit[]; how: PartHow } | undefined;
      for (const h of inside) {
        const f = h.family;
        let how: PartHow | undefined;
        if (f.inline === 'remove') how = f.kind !== 'title-debris' || titleLike ? 'remove' : undefined;
        // Spam stuck to a page title (……述职报告范文五篇-<casino name>) goes with the debris.
        else if (f.kind === 'spam' && titleLike) how = 'remove';
        else if (f.inline === 'report') how = 'missing';
        else if (f.strength === 'site' && INLINE_SURE.has(f.kind)) how = 'check';
        if (!how) continue;
        if (run && run.how === how && h.start < run.end) {
          run.end = Math.max(run.end, h.end);
          run.hits.push(h);
          continue;
        }
        if (run) reportPart(text, report, run.start, run.end, run.hits, run.how);
        run = { start: h.start, end: h.end, hits: [h], how };
      }
      if (run) reportPart(text, report, run.start, run.end, run.hits, run.how);
    }
  }
}

/** How residue inside a line is reported: removed (with a fix), as missing text, or to be checked. */
type PartHow = 'remove' | 'missing' | 'check';

function reportPart(text: string, report: Report, start: number, end: number, hits: Hit[], how: PartHow): void {
  const what = describe(text, hits);
  let s = start;
  while (s < end && /[ \t\u3000]/.test(text[s])) s++;
  if (how === 'remove') report({ start: s, end, owns: true, messageId: 'phrase', data: { what }, fix: { messageId: 'removePhrase', edits: [{ start, end, text: '' }] } });
  else report({ start: s, end, owns: true, messageId: how === 'missing' ? 'textMissing' : 'verify', data: { what } });
}

/** Page-chunk numbers, each with a fix that deletes it. */
function reportChunkNumbers(chunked: readonly ChunkNumber[], report: Report): void {
  for (const c of chunked) {
    report({ start: c.start, end: c.end, owns: true, messageId: 'chunkNumber', data: { marker: c.marker }, fix: { messageId: 'removeChunkNumber', edits: [{ start: c.start, end: c.end, text: '' }] } });
  }
}

/** Whether a line is residue as a whole: `site`/`line` when it is reported, `weak` when it can
 * only join a block, undefined when it holds report text. */
function classify(text: string, line: LineInfo, hits: Hit[], length: number, mask: TextMask): Strength | undefined {
  if (line.kind !== 'text') return undefined;
  if (hits.some((h) => h.family.claimsLine && h.end === line.end)) return 'site';
  let best: Strength = 'weak';
  let maxLine = 0;
  const distinct = new Set<string>();
  for (const h of hits) {
    if (RANK[h.family.strength] > RANK[best]) best = h.family.strength;
    if (h.family.strength === 'line') maxLine = Math.max(maxLine, h.family.maxLine ?? LINE_MAX);
    if (h.family.strength === 'site') distinct.add(text.slice(h.start, h.end));
  }
  if (clausesCovered(text, line.contentStart, line.end, hits, mask)) {
    if (best === 'site') return 'site';
    // A watermark line: short, and two phrases of it, or in a block (then it joins as weak).
    if (best === 'line' && length <= maxLine) return hits.filter((h) => h.family.strength !== 'weak').length >= 2 ? 'line' : 'weak';
    return length <= WEAK_LINE_MAX ? 'weak' : undefined;
  }
  // Spam: two spam words in one line.
  if (hits.filter((h) => h.family.kind === 'spam').length >= 2) return 'site';
  // Two different site phrases covering half the line's words.
  if (distinct.size >= 2 && coverage(text, line.contentStart, line.end, hits) >= 0.5) return 'site';
  return undefined;
}

/** The line's content without skipped text (code, HTML comments, URLs), trimmed. */
function visible(text: string, line: LineInfo, mask: TextMask): string {
  if (!mask.touches(line.contentStart, line.end)) return text.slice(line.contentStart, line.end).trim();
  let out = '';
  for (let o = line.contentStart; o < line.end; o++) if (!mask.skip(o)) out += text[o];
  return out.trim();
}

/** Every clause of [start, end) is residue: its words outside the hits are at most LEFTOVER. */
function clausesCovered(text: string, start: number, end: number, hits: readonly Hit[], mask: TextMask): boolean {
  let units = 0;
  let run = 0; // 1 digit run, 2 Latin run
  let k = 0;
  const masked = mask.touches(start, end);
  for (let o = start; o < end; o++) {
    if (masked && mask.skip(o)) continue;
    const c = text.charCodeAt(o);
    while (k < hits.length && hits[k].end <= o) k++;
    const covered = k < hits.length && hits[k].start <= o;
    if (!covered && isClauseBreak(c)) {
      if (units > LEFTOVER) return false;
      units = 0;
      run = 0;
      continue;
    }
    if (covered) {
      run = 0;
      continue;
    }
    if (isHanCode(c)) {
      units++;
      run = 0;
    } else if (isDigitCode(c)) {
      if (run !== 1) units++;
      run = 1;
    } else if (isLatinCode(c)) {
      if (run !== 2) units++;
      run = 2;
    } else {
      run = 0;
    }
  }
  return units <= LEFTOVER;
}

/** The share of word characters of [start, end) inside hits. */
function coverage(text: string, start: number, end: number, hits: readonly Hit[]): number {
  let words = 0;
  let inside = 0;
  let k = 0;
  for (let o = start; o < end; o++) {
    const c = text.charCodeAt(o);
    if (!(isHanCode(c) || isDigitCode(c) || isLatinCode(c))) continue;
    words++;
    while (k < hits.length && hits[k].end <= o) k++;
    if (k < hits.length && hits[k].start <= o) inside++;
  }
  return words === 0 ? 0 : inside / words;
}

const DEBRIS = FAMILIES.filter((f) => f.kind === 'title-debris').flatMap((f) => f.patterns);
const SPAM = FAMILIES.find((f) => f.id === 'spam')!.patterns;
const PINYIN = /[（(][a-zü\u00e0-\u01dc]{1,6}[）)]/g;

/** A bullet list item's prefix (page counters copied as `- 0`). */
const LIST_ITEM = /^[ \t]{0,3}[-*+][ \t]+$/;

/** A title's words (visible, folded), without debris, spam, pinyin, marks and separators. */
function normalTitle(visibleWords: string): string {
  let t = visibleWords;
  for (const p of DEBRIS) t = t.replace(p, '');
  for (const p of SPAM) t = t.replace(p, '');
  // Pinyin that some sites print after characters (总结(jié)), marks and separators.
  return t.replace(PINYIN, '').replace(/[\s\u3000#*_（）()【】\[\]\-—－|｜]/g, '');
}

interface ChunkNumber extends Span {
  marker: string;
}

/** `2、` starting a line where a document site cut a word: the line above is prose that stops
 * mid-sentence on a Chinese character, this line goes on with one, and no `1、` list is running. */
function chunkNumbers(text: string, lines: readonly LineInfo[], whole: Map<number, ResidueLine>): ChunkNumber[] {
  const out: ChunkNumber[] = [];
  const recent = new Map<number, number>();
  for (const l of lines) {
    if (l.kind !== 'text') continue;
    const m = /^([0-9]{1,2})、/.exec(text.slice(l.contentStart, l.contentStart + 4));
    if (!m) continue;
    const value = Number(m[1]);
    const seen = recent.get(value - 1);
    recent.set(value, l.number);
    if (value < 2 || (seen !== undefined && l.number - seen < 60) || l.heading || whole.has(l.number)) continue;
    if (!isHanCode(text.charCodeAt(l.contentStart + m[0].length))) continue;
    let p = l.number - 1;
    while (p >= 1 && lines[p - 1].kind === 'blank' && l.number - p <= 2) p--;
    const prev = lines[p - 1];
    if (!prev || prev.kind !== 'text' || prev.heading || whole.has(prev.number)) continue;
    const prose = text.slice(prev.contentStart, prev.end).trimEnd();
    if (prose.length < 30 || !/[，。；]/.test(prose) || !isHanCode(prose.charCodeAt(prose.length - 1))) continue;
    out.push({ start: prev.contentStart + prose.length, end: l.contentStart + m[0].length, marker: m[0] });
  }
  return out;
}

/** Residue hits per line number, in text order, with hits inside earlier ones dropped. Built-in
 * patterns never cross a line break: they run on the text lines that hold an anchor word of their
 * family; configured ones run on each line, as documented. */
function collectHits(text: string, lines: readonly LineInfo[], mask: TextMask, opts: CopyResidueOptions): Map<number, Hit[]> {
  const all: Hit[] = [];
  const index = new LineLookup(lines);
  const add = (line: LineInfo, start: number, end: number, family: Family) => {
    if (end <= start || mask.skip(start) || allowed(line.text, line.start, start, end, opts.allow)) return;
    // A line-claiming phrase at the start of the line's content takes the rest of the line.
    if (family.claimsLine && start <= line.contentStart + 4 && /^[ \t\u3000]*$/.test(text.slice(line.contentStart, start))) end = Math.max(end, line.end);
    all.push({ start, end, family });
  };
  for (const [f, numbers] of anchorLines(text, lines).entries()) {
    const family = FAMILIES[f];
    for (const number of numbers) {
      const line = lines[number - 1];
      if (line.kind !== 'text') continue;
      // Without a trailing comment or code span, so that patterns anchored at the line's end hold.
      let lineEnd = line.end;
      if (mask.touches(line.contentStart, line.end)) {
        while (lineEnd > line.contentStart && (mask.skip(lineEnd - 1) || /\s/.test(text[lineEnd - 1]))) lineEnd--;
      }
      const lineText = text.slice(line.contentStart, lineEnd);
      for (const p of family.patterns) {
        p.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = p.exec(lineText))) {
          if (m[0].length === 0) {
            p.lastIndex++;
            continue;
          }
          add(line, line.contentStart + m.index, line.contentStart + m.index + m[0].length, family);
        }
      }
    }
  }
  if (opts.extra.length > 0) {
    for (const line of lines) {
      if (line.kind !== 'text') continue;
      for (const p of opts.extra) {
        for (const m of allMatches(p, line.text)) add(line, line.start + m.index, line.start + m.end, EXTRA_FAMILY);
      }
    }
  }
  all.sort((x, y) => x.start - y.start || y.end - x.end || RANK[y.family.strength] - RANK[x.family.strength]);
  const byLine = new Map<number, Hit[]>();
  let current: Hit[] = [];
  let currentLine = -1;
  let lastEnd = -1;
  for (const h of all) {
    if (h.end <= lastEnd) continue;
    lastEnd = h.end;
    const n = index.at(h.start).number;
    if (n !== currentLine) {
      current = byLine.get(n) ?? [];
      currentLine = n;
      byLine.set(n, current);
    }
    current.push(h);
  }
  return byLine;
}

/** A family's anchor taken apart: its literal alternatives, which one automaton searches for
 * every family at once, and a regular expression of the others, searched on its own. */
interface AnchorParts {
  literals: string[];
  rest?: RegExp;
}

/** The text an alternative matches when it is a plain string (escaped punctuation allowed); undefined otherwise. */
function literalOf(alternative: string): string | undefined {
  let out = '';
  for (let i = 0; i < alternative.length; i++) {
    const c = alternative[i];
    if (c === '\\') {
      const e = alternative[i + 1];
      if (e === undefined || /[0-9A-Za-z]/.test(e)) return undefined;
      out += e;
      i++;
    } else if ('^$.|?*+()[]{}\r\n'.includes(c)) return undefined;
    else out += c;
  }
  return out === '' ? undefined : out;
}

export function anchorParts(anchor: RegExp): AnchorParts {
  if (!/^[gm]*$/.test(anchor.flags)) return { literals: [], rest: anchor };
  const literals: string[] = [];
  const others: string[] = [];
  for (const a of topLevelAlternatives(anchor.source)) {
    const literal = literalOf(a);
    if (literal === undefined) others.push(a);
    else literals.push(literal);
  }
  return { literals, rest: others.length > 0 ? new RegExp(others.join('|'), anchor.flags) : undefined };
}

interface Anchors {
  automaton: LiteralAutomaton;
  /** The family of each literal, by the automaton's id. */
  familyOf: number[];
  rests: (RegExp | undefined)[];
}

let anchors: Anchors | undefined;

function anchorsOfFamilies(): Anchors {
  if (anchors) return anchors;
  const automaton = new LiteralAutomaton();
  const familyOf: number[] = [];
  const rests = FAMILIES.map((family, f) => {
    const parts = anchorParts(family.anchor);
    for (const literal of parts.literals) familyOf[automaton.add(literal)] = f;
    return parts.rest;
  });
  return (anchors = { automaton, familyOf, rests });
}

/** For each family (by index), the numbers of the lines that hold one of its anchor words, in
 * order: the lines its patterns are tried on. One pass of the automaton for the literal words of
 * every family, and a regular expression for each family's other anchors. */
export function anchorLines(text: string, lines: readonly LineInfo[]): Map<number, number[]> {
  const { automaton, familyOf, rests } = anchorsOfFamilies();
  const found: number[][] = FAMILIES.map(() => []);
  const lookup = new LineLookup(lines);
  automaton.scan(text, 0, text.length, (id, end) => {
    const list = found[familyOf[id]];
    const n = lookup.at(end - 1).number;
    if (list[list.length - 1] !== n) list.push(n);
  });
  const out = new Map<number, number[]>();
  FAMILIES.forEach((_, f) => {
    let numbers = found[f];
    const rest = rests[f];
    if (rest) {
      const more: number[] = [];
      const index = new LineLookup(lines);
      rest.lastIndex = 0;
      while (rest.test(text)) {
        const line = index.at(rest.lastIndex - 1);
        // One word is enough: go on from the next line.
        rest.lastIndex = Math.max(rest.lastIndex, line.end);
        more.push(line.number);
      }
      if (more.length > 0) numbers = numbers.length === 0 ? more : [...new Set([...numbers, ...more])].sort((x, y) => x - y);
    }
    if (numbers.length > 0) out.set(f, numbers);
  });
  return out;
}

/** Finds the line of an offset: a cursor moving forward, with a binary search to go back. */
class LineLookup {
  private cursor = 0;
  constructor(private readonly lines: readonly LineInfo[]) {}
  at(offset: number): LineInfo {
    const lines = this.lines;
    if (lines[this.cursor].start > offset) {
      let lo = 0;
      let hi = this.cursor;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lines[mid].start <= offset) lo = mid;
        else hi = mid - 1;
      }
      this.cursor = lo;
    }
    while (this.cursor + 1 < lines.length && lines[this.cursor + 1].start <= offset) this.cursor++;
    return lines[this.cursor];
  }
}

/** A hit that overlaps an allowed word is the writer's own text. */
function allowed(line: string, base: number, start: number, end: number, allow: readonly string[]): boolean {
  for (const word of allow) {
    // The first occurrence that could still reach the hit.
    const i = line.indexOf(word, Math.max(0, start - base - word.length + 1));
    if (i >= 0 && base + i < end) return true;
  }
  return false;
}

/** Sentences of a line (content only, skipped text such as HTML comments outside them). */
function splitSentences(text: string, line: LineInfo, mask: TextMask): Span[] {
  const out: Span[] = [];
  let start = line.contentStart;
  const masked = mask.touches(line.contentStart, line.end);
  for (let i = line.contentStart; i < line.end; i++) {
    if (masked && mask.skip(i)) {
      if (i > start) out.push({ start, end: i });
      while (i < line.end && mask.skip(i)) i++;
      start = i;
      i--;
      continue;
    }
    if (isSentenceEnd(text.charCodeAt(i))) {
      let e = i + 1;
      while (e < line.end && (isSentenceEnd(text.charCodeAt(e)) || isSentenceCloser(text.charCodeAt(e)))) e++;
      out.push({ start, end: e });
      start = e;
      i = e - 1;
    }
  }
  if (start < line.end) out.push({ start, end: line.end });
  return out.filter((seg) => {
    for (let o = seg.start; o < seg.end; o++) if (!/\s/.test(text[o])) return true;
    return false;
  });
}

/** What a finding names, in both languages: its kinds of residue, and up to three of its phrases quoted. */
function describe(text: string, hits: Hit[], extraKinds: Kind[] = []): Localized {
  const kinds = [...new Set([...hits.map((h) => h.family.kind), ...extraKinds])];
  const words = [...new Set(hits.map((h) => text.slice(h.start, h.end).trim()))].slice(0, 3).map((w) => `「${w.length > 16 ? w.slice(0, 15) + '…' : w}」`);
  const zh = kinds.map((k) => KIND_NAME[k]['zh-CN']).join('、');
  const en = kinds.map((k) => KIND_NAME[k].en).join(', ');
  return localized(`${zh}${words.join('')}`, `${en} ${words.join(' ')}`.trim());
}
