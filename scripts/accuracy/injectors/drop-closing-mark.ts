/**
 * unpaired-punctuation: each closing mark of a pair (》 ” ’ ） 】 〕 」) deleted in turn where its
 * paragraph pairs it (「《政府工作报告》提出」 → 「《政府工作报告提出」): the opener is left unclosed.
 */
import { proseLines } from '../../../server/src/engine/model/prose';
import type { Injector } from './types';

const PAIRS: Record<string, string> = { '》': '《', '”': '“', '’': '‘', '）': '（', '】': '【', '〕': '〔', '」': '「' };

export const dropClosingMark: Injector = {
  id: 'drop-closing-mark',
  rule: 'unpaired-punctuation',
  description: 'one closing mark of a pair deleted: 「《纲要》提出」 → 「《纲要提出」',
  *defects(t) {
    for (const { line, text } of proseLines(t.model)) {
      const stack: Array<{ ch: string; at: number }> = [];
      for (let i = 0; i < text.length; i++) {
        const ch = text.charAt(i);
        if (Object.values(PAIRS).includes(ch)) stack.push({ ch, at: i });
        const opener = PAIRS[ch];
        if (opener === undefined) continue;
        const top = stack[stack.length - 1];
        if (top?.ch !== opener) continue;
        stack.pop();
        const offset = t.model.index.offsetAt({ line, character: i });
        // The defect is the opener left alone.
        yield { text: t.text.slice(0, offset) + t.text.slice(offset + 1), line, from: top.at, to: top.at + 1, what: `deleted ${ch} (opened at column ${top.at + 1})` };
      }
    }
  },
};
