// Document figures for the status bar: 字数 counted the way office word processors count it —
// every Chinese character and full-width punctuation mark is one, every run of Latin letters or
// digits is one word — over the report text only (no Markdown marks, comments, code or front matter).

import type { ReportModel } from './model/report-model.js';
import { inSpans } from './model/markdown.js';

export interface DocumentStats {
  /** 字数 as offices count it. */
  characters: number;
  /** Chinese characters alone. */
  chinese: number;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87e][\udc00-\udfff]/;
const FULL_PUNCT = /[\u3000-\u303f\uff01-\uff60“”‘’…—·]/;
const WORDISH = /[A-Za-z0-9\u00c0-\u024f]/;

export function documentStats(model: ReportModel): DocumentStats {
  const { text, md } = model;
  let characters = 0;
  let chinese = 0;
  for (const line of model.lines) {
    if (line.kind !== 'text' && line.kind !== 'table') continue;
    let inWord = false;
    for (let i = line.start; i < line.end; i++) {
      const c = text[i];
      if (inSpans(md.excluded, i)) {
        inWord = false;
        continue;
      }
      const code = c.charCodeAt(0);
      if (code >= 0xd800 && code <= 0xdbff) {
        const pair = text.slice(i, i + 2);
        i++;
        if (HAN.test(pair)) {
          characters++;
          chinese++;
        }
        inWord = false;
        continue;
      }
      if (HAN.test(c)) {
        characters++;
        chinese++;
        inWord = false;
      } else if (FULL_PUNCT.test(c)) {
        if (c !== '\u3000') characters++;
        inWord = false;
      } else if (WORDISH.test(c)) {
        if (!inWord) characters++;
        inWord = true;
      } else {
        inWord = false;
      }
    }
  }
  return { characters, chinese };
}
