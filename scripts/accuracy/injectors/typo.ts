/**
 * typo: each right form of the typo list where it occurs in the real texts, written as its wrong
 * form (「部署」 → 「布署」, 「再接再厉」 → 「再接再励」). Misspellings and variant forms are separate
 * kinds: variants are reported only in texts written in 2002 or later, so only those get them; the
 * simplified forms of 1956–1986 (颠复, 重迭) only in texts of 1987 and later.
 */
import { typoList, type TypoEntry } from '../../../server/src/engine/data/typos';
import { proseLines } from '../../../server/src/engine/model/prose';
import { documentYear } from '../../../server/src/engine/rules/typo';
import type { BenchText } from '../texts';
import type { Defect, Injector } from './types';

function* corrupt(t: BenchText, variants: boolean): Iterable<Defect> {
  const byRight = new Map<string, TypoEntry[]>();
  // The simplified forms of 1956–1986 (颠复) are right in texts written before 1987: no defect there.
  const before1987 = (documentYear(t.model) ?? 9999) < 1987;
  for (const e of typoList().entries) {
    if (e.variant !== variants || (e.simplified1956 && before1987)) continue;
    const list = byRight.get(e.right) ?? [];
    list.push(e);
    byRight.set(e.right, list);
  }
  const rights = [...byRight.keys()];
  let turn = 0;
  for (const { line, text } of proseLines(t.model)) {
    for (const right of rights) {
      for (let at = text.indexOf(right); at >= 0; at = text.indexOf(right, at + right.length)) {
        const entries = byRight.get(right) as TypoEntry[];
        const e = entries[turn++ % entries.length] as TypoEntry;
        const offset = t.model.index.offsetAt({ line, character: at });
        yield { text: t.text.slice(0, offset) + e.wrong + t.text.slice(offset + right.length), line, from: at, to: at + e.wrong.length, what: `${right} → ${e.wrong}${e.boundary ? ' (boundary)' : ''}` };
      }
    }
  }
}

export const typoMisspelling: Injector = {
  id: 'typo-misspelling',
  rule: 'typo',
  description: 'a right form of the list written as its misspelling: 「部署」 → 「布署」',
  defects: (t) => corrupt(t, false),
};

export const typoVariant: Injector = {
  id: 'typo-variant',
  rule: 'typo',
  description: 'a recommended form written as its non-recommended variant (texts of 2002 and later): 「成分」 → 「成份」',
  *defects(t) {
    if ((documentYear(t.model) ?? 0) >= 2002) yield* corrupt(t, true);
  },
};
