import { parseComplementaryPairs, type ComplementaryPair } from '../data/complementary-pairs';
import { derivedCache } from './derived';
import { isAdditive } from './figure-units';
import type { Figure } from './figures';
import { CHANGE_WORDS, leadOf, sentencesOf, type Sentence } from './statements';
import type { ReportModel } from './types';

/** A stated total and the parts listed after 「其中」 in the same unit. */
export interface Breakdown {
  readonly total: Figure;
  readonly parts: readonly Figure[];
  /** Stated as the whole breakdown: an explicit total (共/合计…), two parts or more, no 「等」. */
  readonly complete: boolean;
  /** The two parts name complementary categories (男/女, 城镇/农村…): nothing is left over. */
  readonly pair: ComplementaryPair | undefined;
  readonly sentence: Sentence;
}

let pairs: ComplementaryPair[] | undefined;

/** The complementary pair two parts' words name, one side each (「男性35名、女性37名」 → 男性/女性). */
export function complementaryPair(leadA: string, leadB: string): ComplementaryPair | undefined {
  pairs ??= parseComplementaryPairs();
  let best: ComplementaryPair | undefined;
  for (const p of pairs) {
    const hit = (leadA.includes(p.first) && leadB.includes(p.second) && !leadA.includes(p.second)) || (leadA.includes(p.second) && leadB.includes(p.first) && !leadB.includes(p.second));
    if (hit && (!best || p.first.length + p.second.length > best.first.length + best.second.length)) best = p;
  }
  return best;
}

const TOTAL_WORD = /共计|合计|总计|累计|共有|总数|总量|总额|共/u;
const PARTIAL = /等|主要|包括|含|以上|部分|另有/u;
const CACHE = derivedCache<Breakdown[]>();

/** Same unit, so the values add up (万元 and 亿元 are both 元; percentages are never parts here). */
export function sameMeasure(a: Figure, b: Figure): boolean {
  return a.unit === b.unit && a.per === b.per && isAdditive(a.kind) && isAdditive(b.kind);
}

/** Statements 「<total>，其中<part>、<part>」 (memoised per model). */
export function breakdownsOf(model: ReportModel): Breakdown[] {
  let list = CACHE.get(model);
  if (!list) {
    list = sentencesOf(model).flatMap(find);
    CACHE.set(model, list);
  }
  return list;
}

function find(sentence: Sentence): Breakdown[] {
  const out: Breakdown[] = [];
  const { clauses } = sentence;
  for (let i = 1; i < clauses.length; i++) {
    const clause = clauses[i];
    const prev = clauses[i - 1];
    if (!clause || !prev || !/^\s*其中/u.test(clause.text) || prev.delimiter === '、') continue;
    // The total: the last figure of the clause before 「其中」.
    const total = prev.figures[prev.figures.length - 1];
    if (!total || !isAdditive(total.kind) || total.approx === 'range') continue;
    const totalLead = leadOf(prev, total);
    if (CHANGE_WORDS.test(totalLead) || CHANGE_WORDS.test(prev.text.slice(totalLead.length))) continue;
    // The parts: figures in the same unit from 「其中」 to the end of the sentence.
    const parts: Figure[] = [];
    const leads: string[] = [];
    let mixed = false;
    let partialWords = false;
    for (let k = i; k < clauses.length; k++) {
      const c = clauses[k];
      if (!c) continue;
      if (k > i && /^\s*其中/u.test(c.text)) break;
      const partText = k === i ? c.text.replace(/^\s*其中[，,：:]?/u, '') : c.text;
      if (PARTIAL.test(partText)) partialWords = true;
      for (const f of c.figures) {
        const lead = leadOf(c, f);
        if (!sameMeasure(f, total)) {
          // A duration, a share or a sum of money is never a part of a count (「其中专题班4期，历时3个月」);
          // another count word is (件 against 次): the parts are not all stated.
          if (f.kind === total.kind) mixed = true;
          continue;
        }
        if (CHANGE_WORDS.test(lead) || CHANGE_WORDS.test(c.text.slice(f.range.start.character - c.start))) {
          mixed = true;
          continue;
        }
        parts.push(f);
        leads.push(k === i ? lead.replace(/^\s*其中[，,：:]?/u, '') : lead);
      }
    }
    if (parts.length === 0) continue;
    const exact = parts.every((p) => p.approx === 'exact') && total.approx === 'exact';
    const pair = parts.length === 2 && !mixed && !partialWords && exact ? complementaryPair(leads[0] ?? '', leads[1] ?? '') : undefined;
    const complete = pair !== undefined || (!mixed && !partialWords && parts.length >= 2 && TOTAL_WORD.test(totalLead) && exact);
    out.push({ total, parts, complete, pair, sentence });
  }
  return out;
}

