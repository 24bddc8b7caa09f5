/**
 * date-invalid: makes a real date impossible — its day one past the end of its month (「2024年4月30日」 →
 * 「2024年4月31日」, 「2月28日」 → 「2月30日」), or its month 13 when it has no day (「2024年12月」 → 「2024年13月」).
 */
import { daysInMonth, writtenDates } from '../../../server/src/engine/rules/date-invalid';
import type { Defect, Injector } from './types';

export const impossibleDate: Injector = {
  id: 'impossible-date',
  rule: 'date-invalid',
  description: 'a real date made impossible: its day past the end of its month (4月31日, 2月30日) or month 13',
  *defects(t): Iterable<Defect> {
    for (const d of writtenDates(t.model)) {
      if (d.chinese || d.month < 1 || d.month > 12) continue;
      const wrong = d.day !== undefined ? d.text.replace(/[0-9０-９]{1,2}(?=[日号]$)/u, String(Math.max(daysInMonth(d.year, d.month) + 1, 30))) : d.text.replace(/[0-9０-９]{1,2}(?=月)/u, '13');
      if (wrong === d.text) continue;
      const at = t.model.index.offsetAt(d.range.start);
      const end = t.model.index.offsetAt(d.range.end);
      yield { text: t.text.slice(0, at) + wrong + t.text.slice(end), line: d.line, from: d.range.start.character, to: d.range.start.character + wrong.length, what: `${d.text} → ${wrong}` };
    }
  },
};
