/**
 * missing-number: deletes each count's number in turn (「实施省级重点项目58个」 → 「实施省级重点项目个」,
 * 「完成投资3500亿元以上」 → 「完成投资亿元以上」): the writer's slip the rule is for.
 */
import { figuresOf } from '../../../server/src/engine';
import type { Injector } from './types';

export const deleteCount: Injector = {
  id: 'delete-count',
  rule: 'missing-number',
  description: "each count's number deleted (and its 万/亿 kept): 「重点项目58个」 → 「重点项目个」",
  *defects(t) {
    for (const f of figuresOf(t.model).all) {
      if (f.source !== 'text' || (f.kind !== 'count' && f.kind !== 'amount' && f.kind !== 'percent' && f.kind !== 'points' && f.kind !== 'multiple')) continue;
      if (f.approx === 'range' || f.unit === '百分之') continue;
      const line = t.model.index.line(f.line).text;
      const from = f.numberRange.start.character;
      const to = f.numberRange.end.character;
      // Only whole numbers: not the 二 of 「四點二倍」 or 「一百二」 (the figure reads the end of a longer numeral).
      if (/[0-9０-９.．点點〇零一二两三四五六七八九十百千万亿萬億]/u.test(line.charAt(from - 1))) continue;
      // Not where the text stays correct without it: 「这两笔款项」 → 「这笔款项」, 「1000多个」 → 「多个」.
      if (/[这那每各该本此首哪某其]/u.test(line.charAt(from - 1)) || /^[多几]/u.test(line.slice(to))) continue;
      // 「突破3万亿元」 → 「突破万亿元」: the multiplier reads as the number itself (one trillion), still correct.
      if (/^[万亿]/u.test(line.slice(to)) && /(?:超|过|突破|破|逾|近|上|迈上|跨上|站上)$/u.test(line.slice(0, from))) continue;
      const text = t.text.slice(0, t.model.index.offsetAt(f.numberRange.start)) + t.text.slice(t.model.index.offsetAt(f.numberRange.end));
      // The place: what followed the number (multiplier and unit), now at `from`.
      const unitLength = f.range.end.character - to;
      yield { text, line: f.line, from, to: from + unitLength, what: `deleted ${line.slice(from, to)} before ${line.slice(to, f.range.end.character)}` };
    }
  },
};
