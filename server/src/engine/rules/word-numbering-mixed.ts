// word-numbering-mixed: in a Word document, sibling section numbers are either all Word's
// automatic numbering or all typed. Mixed, a typed number does not move when a section is added
// or removed, and the automatic ones count on past it: 一、 二、 typed 三、 then an automatic 三、.

import { automaticNumberAt } from '../word.js';
import { defineRule, localized } from '../rule.js';
import { siblingGroups } from './numbering-sequence.js';

export const wordNumberingMixed = defineRule({
  meta: {
    id: 'word-numbering-mixed',
    name: localized('自动编号与手工序号混用', 'automatic and typed numbers mixed'),
    description: localized(
      'Word 文件：同一级的序号应全部用自动编号或全部手工输入，不要混用',
      'Word documents: sibling section numbers are all automatic numbering or all typed, not both',
    ),
    category: 'numbering',
    defaultSeverity: 'warning',
    docs: 'docs/rules/word-numbering-mixed.md',
    fixable: false,
    fixNote: localized('在 Word 中统一编号方式', 'make the numbering one kind in Word'),
    input: 'word',
    messages: {
      typed: {
        'zh-CN': '序号「{marker}」是手工输入的，同级的其他 {count} 个序号是 Word 自动编号：增删段落时两者不会一起变',
        en: 'Section number "{marker}" is typed, while {count} of its siblings are Word\'s automatic numbering: they do not change together when sections are added or removed',
      },
      automatic: {
        'zh-CN': '序号「{marker}」是 Word 自动编号，同级的其他 {count} 个序号是手工输入的：增删段落时两者不会一起变',
        en: 'Section number "{marker}" is Word\'s automatic numbering, while {count} of its siblings are typed: they do not change together when sections are added or removed',
      },
    },
  },
  check({ model, report }) {
    const word = model.word;
    if (!word) return;
    for (const group of siblingGroups(model.numbered)) {
      if (group.length < 2 || group[0].scope.kind !== 'body') continue;
      const automatic = group.filter((n) => automaticNumberAt(word, n.marker.start) !== undefined);
      if (automatic.length === 0 || automatic.length === group.length) continue;
      const typed = group.filter((n) => !automatic.includes(n));
      // The fewer kind is the odd one out; on a tie, the typed numbers.
      const odd = typed.length <= automatic.length ? typed : automatic;
      const others = group.length - odd.length;
      for (const n of odd) {
        report({ start: n.marker.start, end: n.marker.end, messageId: odd === typed ? 'typed' : 'automatic', data: { marker: n.marker.written, count: others } });
      }
    }
  },
});
