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
      const text = t.text.slice(0, t.model.index.offsetAt(f.numberRange.start)) + t.text.slice(t.model.index.offsetAt(f.numberRange.end));
      // The place: what followed the number (multiplier and unit), now at `from`.
      const unitLength = f.range.end.character - to;
      yield { text, line: f.line, from, to: from + unitLength, what: `deleted ${line.slice(from, to)} before ${line.slice(to, f.range.end.character)}` };
    }
  },
};
