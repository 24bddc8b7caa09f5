import type { Figure } from '../model/figures';
import { clauseOf, leadOf, sentencesOf, type Sentence } from '../model/statements';
import type { ReportModel } from '../model/types';
import { t } from '../i18n';
import { defineRule, type Finding } from './types';

/** 「办结率」 → 「办结」: the rate's stem names the counted part. */
const RATE_RE = /(\p{Script=Han}{2})率(?:达到|达|为|是|超过)?$/u;
/** Words that introduce the whole a rate is taken of. */
const BASE_VERBS = /受理|收到|接收|接到|登记|摸排|排查|交办|共计|合计|总计|共有|共|参加|参与|抽检|抽查|检查|检测|调查|发放|参评|应[到参]|报名|立案|受检|接待|征集|收集/u;
const EXACT = new Set(['exact']);

export interface RateCheck {
  readonly rate: Figure;
  readonly part: Figure;
  readonly whole: Figure;
  readonly computed: number;
}

/** Rates stated together with the counts they are computed from. */
export function rateChecks(model: ReportModel): RateCheck[] {
  const out: RateCheck[] = [];
  for (const sentence of sentencesOf(model)) {
    if (sentence.figures.length < 3) continue; // a rate and the two counts it is computed from
    for (const rate of sentence.figures) {
      if (rate.kind !== 'percent' || !EXACT.has(rate.approx)) continue;
      const clause = clauseOf(sentence, rate);
      if (!clause) continue;
      const m = RATE_RE.exec(leadOf(clause, rate));
      const stem = m?.[1];
      if (!stem) continue;
      const found = partAndWhole(sentence, rate, stem);
      if (found) out.push({ rate, ...found, computed: (found.part.value / found.whole.value) * 100 });
    }
  }
  return out;
}

function partAndWhole(sentence: Sentence, rate: Figure, stem: string): { part: Figure; whole: Figure } | undefined {
  const counts = sentence.figures.filter((f) => f !== rate && (f.kind === 'count' || f.kind === 'amount') && EXACT.has(f.approx) && f.value > 0);
  // The part: the nearest count whose words name the stem (「办结118件」 for 办结率).
  const parts = counts.filter((f) => {
    const c = clauseOf(sentence, f);
    const lead = c ? leadOf(c, f) : '';
    return lead.includes(stem) && !lead.includes('应' + stem);
  });
  const part = parts.filter((f) => f.from < rate.from).pop() ?? parts[0];
  if (!part) return undefined;
  // The whole: the nearest earlier figure in the same unit, introduced by 受理/收到/共… and without the stem.
  // Another count in between (「共200件，其中刑事案件80件，结案75件」) makes the base ambiguous.
  const whole = sentence.figures.filter((f) => f !== part && f !== rate && f.unit === part.unit && f.from < part.from).pop();
  if (!whole || !counts.includes(whole)) return undefined;
  const c = clauseOf(sentence, whole);
  const lead = c ? leadOf(c, whole) : '';
  if (!BASE_VERBS.test(lead) || (lead.includes(stem) && !lead.includes('应' + stem)) || lead.includes('其中')) return undefined;
  return { part, whole };
}

/** Rounding tolerance: one unit in the last decimal place the rate is written with. */
export function rateAgrees(check: RateCheck): boolean {
  const step = Math.pow(10, -check.rate.decimals);
  return Math.abs(check.computed - check.rate.value) <= step + 1e-9;
}

export function formatRate(value: number, decimals: number): string {
  return (Math.round(value * Math.pow(10, decimals)) / Math.pow(10, decimals)).toFixed(decimals);
}

export const rateMismatch = defineRule({
  id: 'rate-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: 'A rate that disagrees with the counts stated with it: 受理120件，办结118件，办结率92％ (118 / 120 = 98.3 %).',
    zh: '比率与同句中的数量不符（如“受理120件，办结118件，办结率92％”）。',
  },
  tags: ['numbers'],
  fixable: 'suggestion',
  options: {},
  check(model, _options, token) {
    if (token?.isCancellationRequested) return [];
    const out: Finding[] = [];
    for (const c of rateChecks(model)) {
      if (rateAgrees(c)) continue;
      const shown = formatRate(c.computed, Math.max(1, c.rate.decimals));
      const fixed = formatRate(c.computed, c.rate.decimals);
      out.push({
        range: c.rate.range,
        message: t('Rate {0} does not match the counts: {1} / {2} = {3}%.', c.rate.text, c.part.numberText, c.whole.numberText, shown),
        fixes: [{ title: t('Change the rate to {0}', fixed + c.rate.unit), edits: [{ range: c.rate.numberRange, newText: fixed }] }],
        related: [
          { location: { uri: model.uri, range: c.part.range }, message: t('the part: {0}', c.part.text) },
          { location: { uri: model.uri, range: c.whole.range }, message: t('the whole: {0}', c.whole.text) },
        ],
        data: { computed: c.computed },
      });
    }
    return out;
  },
});
