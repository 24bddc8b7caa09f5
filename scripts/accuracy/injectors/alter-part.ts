/**
 * total-mismatch: alters one part of a total whose parts add up (「共发展新党员63名，其中男性28名、女性35名」
 * → 「其中男性38名」): the slip of a writer who updates one figure and not the other.
 */
import { totalChecks } from '../../../server/src/engine/rules/total-mismatch';
import type { Figure } from '../../../server/src/engine';
import type { Defect, Injector } from './types';
import type { BenchText } from '../texts';

/**
 * The number with its first digit changed (9 → 8, else + 1): 35 → 45, 1.55 → 2.55. (A change in the last
 * place of a rounded figure, 8500亿 → 8501亿, can be rounding and no rule may call it an error.)
 */
export function alterLeadingDigit(numberText: string): string | undefined {
  const m = /[1-9]/.exec(numberText);
  if (!m) return undefined;
  const d = Number(m[0]);
  return numberText.slice(0, m.index) + String(d === 9 ? 8 : d + 1) + numberText.slice(m.index + 1);
}

/** The text with a figure's number replaced. */
export function replaceNumber(t: BenchText, f: Figure, newText: string): string {
  return t.text.slice(0, t.model.index.offsetAt(f.numberRange.start)) + newText + t.text.slice(t.model.index.offsetAt(f.numberRange.end));
}

export const alterPart: Injector = {
  id: 'alter-part',
  rule: 'total-mismatch',
  description: 'one part of a total whose parts add up, its first digit changed: 「其中男性28名、女性35名」 → 「男性38名」',
  *defects(t): Iterable<Defect> {
    for (const c of totalChecks(t.model)) {
      const { total, parts } = c.breakdown;
      if (!c.agrees || parts.length < 2 || total.source !== 'text') continue;
      const part = parts[0] as Figure;
      if (part.line !== total.line) continue;
      let altered = alterLeadingDigit(part.numberText);
      if (!altered) continue;
      // A part over the total is another rule's finding (subset-exceeds-total): lower the digit instead.
      if ((Number(altered.replace(/[,，]/g, '')) || 0) * part.multiplier > total.value) altered = part.numberText.replace(/[1-9]/, (d) => String(Number(d) - 1));
      const line = t.model.index.line(part.line).text;
      yield {
        text: replaceNumber(t, part, altered),
        line: total.line,
        from: total.range.start.character,
        to: part.range.end.character,
        what: `${line.slice(part.range.start.character, part.range.end.character)} → ${altered}${part.unit} (total ${total.text})`,
      };
    }
  },
};
