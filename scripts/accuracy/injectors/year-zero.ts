/**
 * number-style: the 〇 of a year in Chinese numerals written as 零 (「二〇二四年」 → 「二零二四年」), and
 * a year in Arabic numerals written out in Chinese numerals with 零 (「2024年」 → 「二零二四年」): the
 * writer's usual slip. One year at a time.
 */
import { proseLines } from '../../../server/src/engine/model/prose';
import type { Injector } from './types';

const CN = '零一二三四五六七八九';
const YEAR = /(?<![0-9〇一二三四五六七八九])(?:(19|20)[0-9]{2}|[一二][〇一二三四五六七八九]{3})(?=年)/g;

export const yearZero: Injector = {
  id: 'year-zero',
  rule: 'number-style',
  description: 'a year written with 零 for 〇: 「2024年」/「二〇二四年」 → 「二零二四年」',
  *defects(t) {
    for (const { line, text } of proseLines(t.model)) {
      for (const m of text.matchAll(YEAR)) {
        const year = m[0];
        const wrong = /^[0-9]+$/.test(year) ? [...year].map((d) => CN.charAt(Number(d))).join('') : year.replace(/〇/g, '零');
        if (!wrong.includes('零')) continue;
        const at = m.index ?? 0;
        const offset = t.model.index.offsetAt({ line, character: at });
        yield { text: t.text.slice(0, offset) + wrong + t.text.slice(offset + year.length), line, from: at, to: at + wrong.length, what: `${year} → ${wrong}` };
      }
    }
  },
};
