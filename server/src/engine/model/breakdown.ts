import { parseComplementaryPairs, type ComplementaryPair } from '../data/complementary-pairs';
import { derivedCache } from './derived';
import { isAdditive } from './figure-units';
import type { Figure } from './figures';
import { CHANGE_WORDS, leadOf, movedFrom, sentencesOf, type Clause, type Sentence } from './statements';
import type { ReportModel } from './types';
import { memoTable } from '../util/memo-table';

/** A stated total and its parts in the same unit: listed after 「其中」, before 「共计」, or as the two sides of a complementary pair. */
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
/** Breakdowns of each sentence object, kept as long as the sentence lives (from one version to the next). */
const BY_SENTENCE = memoTable<Sentence, readonly Breakdown[]>();

/** Same unit, so the values add up (万元 and 亿元 are both 元; percentages are never parts here). */
export function sameMeasure(a: Figure, b: Figure): boolean {
  return a.unit === b.unit && a.per === b.per && isAdditive(a.kind) && isAdditive(b.kind);
}

/** Statements of a total and its parts (memoised per model). */
export function breakdownsOf(model: ReportModel): Breakdown[] {
  let list = CACHE.get(model);
  if (!list) {
    list = [];
    for (const sentence of sentencesOf(model)) {
      // (A total and a part are two figures: most sentences have fewer, and no breakdown.)
      if (sentence.figures.length < 2) continue;
      // A sentence of a paragraph an edit did not touch is the previous version's object, with its figures:
      // its breakdowns are the same too (they depend on the sentence alone).
      let found = BY_SENTENCE.get(sentence);
      if (!found) BY_SENTENCE.set(sentence, (found = moved(sentence) ?? find(sentence)));
      for (const b of found) list.push(b);
    }
    CACHE.set(model, list);
  }
  return list;
}

/** The breakdowns of a sentence moved from the previous version's (same text): theirs, with this sentence's figures. */
function moved(sentence: Sentence): Breakdown[] | undefined {
  const old = movedFrom(sentence);
  const found = old && BY_SENTENCE.get(old);
  if (!old || !found) return undefined;
  const figure = (f: Figure): Figure => sentence.figures[old.figures.indexOf(f)] ?? f;
  return found.map((b) => ({ total: figure(b.total), parts: b.parts.map(figure), complete: b.complete, pair: b.pair, sentence }));
}

function find(sentence: Sentence): Breakdown[] {
  return [...afterQizhong(sentence), ...totalAfterParts(sentence), ...pairWithoutQizhong(sentence)];
}

/**
 * The words before a figure back to the start of its statement: a 、 list shares the words before it
 * (「共办理人大代表议案、建议和政协委员提案218件」 is a 共 statement).
 */
function statementLead(clauses: readonly Clause[], i: number, f: Figure): string {
  let lead = leadOf(clauses[i] as Clause, f);
  for (let k = i - 1; k >= 0 && clauses[k]?.delimiter === '、'; k--) lead = `${clauses[k]?.text ?? ''}、${lead}`;
  return lead;
}

/** A total in an additive unit that is a stock, not a change (增长, 同比 …) or a share. */
function totalOf(clauses: readonly Clause[], i: number): Figure | undefined {
  const prev = clauses[i];
  const total = prev?.figures[prev.figures.length - 1];
  if (!prev || !total || !isAdditive(total.kind) || total.approx === 'range') return undefined;
  const lead = leadOf(prev, total);
  if (CHANGE_WORDS.test(lead) || CHANGE_WORDS.test(prev.text.slice(lead.length))) return undefined;
  return total;
}

/** 「<total>，其中<part>、<part>」, the total in the clause before 其中 or, past a rate or a share, an earlier one in the same unit. */
function afterQizhong(sentence: Sentence): Breakdown[] {
  const out: Breakdown[] = [];
  const { clauses } = sentence;
  for (let i = 1; i < clauses.length; i++) {
    const clause = clauses[i];
    if (!clause || !/^\s*其中/u.test(clause.text) || clauses[i - 1]?.delimiter === '、') continue;
    // The total: the last figure of the clause before 「其中」; past clauses of rates and shares only
    // (「今年拟安排财政赤字8000亿元，赤字率下降到1.5％左右，其中中央财政赤字5500亿元…」).
    let t = i - 1;
    while (t > 0 && (clauses[t]?.figures ?? []).length > 0 && (clauses[t]?.figures ?? []).every((f) => f.kind === 'percent' || f.kind === 'points')) t--;
    const total = totalOf(clauses, t);
    if (!total) continue;
    const totalLead = statementLead(clauses, t, total);
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
        if (CHANGE_WORDS.test(lead) || CHANGE_WORDS.test(c.text.slice(f.from - c.start))) {
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

/** A clause that is the total of what was listed before it: 「…，地方有十四个建设项目，共计七十一个」「…，合计218件」. */
const SUM_CLAUSE = /^\s*(?:以上|上述|两项|三项|各项|两者|二者)?(?:共计|合计|总计|累计|共|计)(?:为|达|达到|有)?$/u;

/** 「冶金工业部有五十七个建设项目，地方有十四个建设项目，共计七十一个」: the parts listed first, each in a clause of its own. */
function totalAfterParts(sentence: Sentence): Breakdown[] {
  const out: Breakdown[] = [];
  const { clauses } = sentence;
  for (let i = 2; i < clauses.length; i++) {
    const clause = clauses[i];
    const total = clause?.figures.length === 1 ? clause.figures[0] : undefined;
    if (!clause || !total || !isAdditive(total.kind) || total.approx !== 'exact' || !SUM_CLAUSE.test(leadOf(clause, total))) continue;
    const parts: Figure[] = [];
    let ok = true;
    // The parts: one figure a clause, back to the start of the sentence or the previous total.
    // (At most 20 parts: a breakdown is a short list.)
    for (let k = i - 1; k >= 0 && k >= i - 20; k--) {
      const c = clauses[k] as Clause;
      const same = c.figures.filter((f) => sameMeasure(f, total));
      if (same.length === 0 || (same.length === 1 && SUM_CLAUSE.test(leadOf(c, same[0] as Figure)))) break;
      if (same.length > 1 || c.figures.length !== same.length || same.some((f) => f.approx !== 'exact' || CHANGE_WORDS.test(leadOf(c, f)))) {
        ok = false;
        break;
      }
      parts.unshift(same[0] as Figure);
    }
    if (!ok || parts.length < 2 || PARTIAL.test(clauses.slice(0, i).map((c) => c.text).join('，'))) continue;
    out.push({ total, parts, complete: true, pair: undefined, sentence });
  }
  return out;
}

/** 「全村共有人口1200人，男600人，女580人」: a total, then the two sides of a complementary pair, without 其中. */
function pairWithoutQizhong(sentence: Sentence): Breakdown[] {
  const out: Breakdown[] = [];
  const { clauses } = sentence;
  for (let i = 0; i + 2 < clauses.length; i++) {
    const total = totalOf(clauses, i);
    if (!total || total.approx !== 'exact' || !TOTAL_WORD.test(statementLead(clauses, i, total))) continue;
    const a = clauses[i + 1] as Clause;
    const b = clauses[i + 2] as Clause;
    if (/^\s*其中/u.test(a.text) || a.figures.length !== 1 || b.figures.length !== 1) continue;
    const [pa, pb] = [a.figures[0] as Figure, b.figures[0] as Figure];
    if (!sameMeasure(pa, total) || !sameMeasure(pb, total) || pa.approx !== 'exact' || pb.approx !== 'exact') continue;
    const [la, lb] = [leadOf(a, pa).trim(), leadOf(b, pb).trim()];
    // The parts are named by their category alone (男, 女性, 城镇), not by another statement (「女性党员占」).
    if (la.length > 4 || lb.length > 4 || PARTIAL.test(a.text + b.text)) continue;
    const pair = complementaryPair(la, lb);
    if (pair) out.push({ total, parts: [pa, pb], complete: true, pair, sentence });
  }
  return out;
}
