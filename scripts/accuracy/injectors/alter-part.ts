/**
 * total-mismatch: alters one part of a total whose parts add up (「共发展新党员63名，其中男性28名、女性35名」
 * → 「其中男性38名」): the slip of a writer who updates one figure and not the other.
 */
import { totalChecks } from '../../../server/src/engine/rules/total-mismatch';
import type { Figure } from '../../../server/src/engine';
import { parseNumber } from '../../../server/src/engine/model/figures';
import type { Defect, Injector } from './types';
import type { BenchText } from '../texts';

/**
 * The number with its first digit changed (9 → 8, else + 1): 35 → 45, 1.55 → 2.55, ３５ → ４５, 五十七 → 六十七. (A change in the last
 * place of a rounded figure, 8500亿 → 8501亿, can be rounding and no rule may call it an error.)
 */
export function alterLeadingDigit(numberText: string): string | undefined {
  const m = /[1-9１-９]/u.exec(numberText);
  if (m) {
    const wide = m[0].charCodeAt(0) >= 0xff10;
    const d = wide ? m[0].charCodeAt(0) - 0xff10 : Number(m[0]);
    const next = d === 9 ? 8 : d + 1;
    return numberText.slice(0, m.index) + (wide ? String.fromCharCode(0xff10 + next) : String(next)) + numberText.slice(m.index + 1);
  }
  // Chinese numerals: 五十七 → 六十七, 九 → 八, 两 → 三 (十, 百 and 千 alone stay: 十四 → 二十四 would be another form).
  const c = /[一二两三四五六七八九]/u.exec(numberText);
  if (!c) return undefined;
  const order = '一二三四五六七八九';
  const d = c[0] === '两' ? 2 : order.indexOf(c[0]) + 1;
  return numberText.slice(0, c.index) + (order[d === 9 ? 7 : d] as string) + numberText.slice(c.index + 1);
}

/** The number with its first digit lowered by one (a 1 stays: 1 → 0 would change its length), or undefined. */
function lowerLeadingDigit(numberText: string): string | undefined {
  const m = /[2-9２-９]/u.exec(numberText);
  if (m && m.index === numberText.search(/[1-9１-９]/u)) return numberText.slice(0, m.index) + String.fromCharCode(m[0].charCodeAt(0) - 1) + numberText.slice(m.index + 1);
  const c = /[二两三四五六七八九]/u.exec(numberText);
  if (c && c.index === numberText.search(/[一二两三四五六七八九]/u)) return numberText.slice(0, c.index) + ('一一二三四五六七八'.charAt('二两三四五六七八九'.indexOf(c[0]) === 1 ? 1 : '一二三四五六七八九'.indexOf(c[0] === '两' ? '二' : c[0]))) + numberText.slice(c.index + 1);
  return undefined;
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
      const value = parseNumber(altered)?.value ?? 0;
      if (value * part.multiplier > total.value) altered = lowerLeadingDigit(part.numberText);
      if (!altered) continue;
      const line = t.model.index.line(part.line).text;
      yield {
        text: replaceNumber(t, part, altered),
        line: total.line,
        // The total and the part, in whichever order they come (「…，共计七十一个」 follows its parts).
        from: Math.min(total.range.start.character, part.range.start.character),
        to: Math.max(total.range.end.character, part.range.end.character),
        what: `${line.slice(part.range.start.character, part.range.end.character)} → ${altered}${part.unit} (total ${total.text})`,
      };
    }
  },
};
