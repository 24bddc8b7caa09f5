/**
 * growth-mismatch: a growth rate that does not follow from its two figures. The published texts state
 * almost no rate beside the two figures it comes from (the ones they state are 年均, compound rates),
 * so the injector takes the real statements 「由A增加到B」「从A%提高到B%」 that state no rate, and
 * writes after B the rate with its first digit changed (「由11.66亿元增加到29.33亿元，增长251.5%」) —
 * and, in `correctRates`, the right rate, on which the rule must stay quiet.
 */
import { figuresOf, type Figure } from '../../../server/src/engine';
import { alterLeadingDigit } from './alter-part';
import type { BenchText } from '../texts';
import type { Defect, Injector } from './types';

const FROM_TO = /(?:由|从)$/u;
const VERB = /^(?:增加|增长|提高|上升|扩大|提升)?(?:到|至)$/u;

interface Statement {
  readonly a: Figure;
  readonly b: Figure;
  readonly rate: string;
  readonly unit: string;
}

function statements(t: BenchText): Statement[] {
  const out: Statement[] = [];
  const all = figuresOf(t.model).all.filter((f) => f.source === 'text' && f.approx === 'exact');
  for (let i = 0; i + 1 < all.length; i++) {
    const a = all[i] as Figure;
    const b = all[i + 1] as Figure;
    if (a.line !== b.line || a.value <= 0 || b.value <= a.value) continue;
    const line = t.model.index.line(a.line).text;
    if (!FROM_TO.test(line.slice(0, a.range.start.character)) || !VERB.test(line.slice(a.range.end.character, b.range.start.character))) continue;
    if (/^[，,]?\S{0,8}?(?:增长|提高|增加|翻)/u.test(line.slice(b.range.end.character)) || /年均|平均/u.test(line.slice(Math.max(0, a.range.start.character - 12), b.range.end.character + 12))) continue;
    const percent = a.kind === 'percent' && b.kind === 'percent';
    const same = a.unit === b.unit && a.per === b.per && (a.kind === 'count' || a.kind === 'amount' || a.kind === 'measure');
    if (!percent && !same) continue;
    const decimals = Math.max(a.decimals, b.decimals);
    if (percent) out.push({ a, b, rate: (b.value - a.value).toFixed(decimals), unit: '个百分点' });
    else out.push({ a, b, rate: (((b.value - a.value) * 100) / a.value).toFixed(1), unit: '%' });
  }
  return out;
}

function write(t: BenchText, s: Statement, rate: string): Defect {
  const at = t.model.index.offsetAt(s.b.range.end);
  const verb = s.unit === '%' ? '增长' : '提高';
  const insert = `，${verb}${rate}${s.unit}`;
  const from = s.b.range.end.character + 1 + verb.length;
  return { text: t.text.slice(0, at) + insert + t.text.slice(at), line: s.b.line, from, to: from + rate.length + s.unit.length, what: `${s.a.text} → ${s.b.text}${insert}` };
}

export const alterRate: Injector = {
  id: 'alter-rate',
  rule: 'growth-mismatch',
  description: 'a wrong rate written after a real 「由A增加到B」: its first digit changed (「由11.66亿元增加到29.33亿元，增长251.5%」)',
  *defects(t): Iterable<Defect> {
    for (const s of statements(t)) {
      const altered = alterLeadingDigit(s.rate);
      if (altered) yield write(t, s, altered);
    }
  },
};

/** The same statements with the right rate: the rule must find nothing there. */
export function* correctRates(t: BenchText): Iterable<Defect> {
  for (const s of statements(t)) yield write(t, s, s.rate);
}
