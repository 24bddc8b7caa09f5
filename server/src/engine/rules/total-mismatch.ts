import type { Figure } from '../model/figures';
import type { ReportModel } from '../model/types';
import { t } from '../i18n';
import { breakdownsOf, type Breakdown } from '../model/breakdown';
import { defineRule, type Finding } from './types';

/** Attributes of people that overlap (a member can be both 党员 and 女性): their counts need not add up, either way. */
const OVERLAPPING = /党员|团员|女性|女职工|女干部|妇女|少数民族|学历|大专|本科|硕士|博士|研究生|岁以下|岁以上|退役军人|残疾|职称|党外/u;

export interface TotalCheck {
  readonly breakdown: Breakdown;
  /** Sum of the parts, in base units (元, 件…). */
  readonly sum: number;
  /** 「80 + 30 = 110 ≠ 120」, in the total's scale (万, 亿…). */
  readonly arithmetic: string;
  /** The sum written as the total's number would be. */
  readonly sumText: string;
  readonly agrees: boolean;
}

/** Half a unit in the last place of each rounded figure (exact integers round nothing). */
export function roundingTolerance(figures: readonly Figure[]): number {
  let tol = 1e-9;
  for (const f of figures) if (f.decimals > 0 || f.multiplier > 1) tol += 0.5 * Math.pow(10, -f.decimals) * f.multiplier;
  return tol;
}

/** A number for display: at most `decimals` decimals, no trailing zeros. */
export function formatNumber(value: number, decimals: number): string {
  const s = value.toFixed(Math.max(0, Math.min(decimals, 6)));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Every 「total，其中 parts」 statement with its arithmetic. */
export function totalChecks(model: ReportModel): TotalCheck[] {
  return breakdownsOf(model).map((b) => {
    const scale = b.total.multiplier;
    const decimals = Math.max(b.total.decimals, ...b.parts.map((p) => p.decimals + Math.max(0, Math.round(Math.log10(scale / p.multiplier)))));
    const sum = b.parts.reduce((a, p) => a + p.value, 0);
    const parts = b.parts.map((p) => formatNumber(p.value / scale, decimals));
    const sumText = formatNumber(sum / scale, decimals);
    const diff = Math.abs(sum - b.total.value);
    const agrees = diff <= roundingTolerance([b.total, ...b.parts]);
    const arithmetic = `${parts.join(' + ')} = ${sumText} ${agrees ? '=' : '≠'} ${formatNumber(b.total.value / scale, decimals)}`;
    return { breakdown: b, sum, arithmetic, sumText, agrees };
  });
}

export const totalMismatch = defineRule({
  id: 'total-mismatch',
  defaultSeverity: 'error',
  description: {
    en: 'A total and its whole breakdown disagree: 共120件，其中80件、30件 (80 + 30 = 110 ≠ 120).',
    zh: '总数与所列分项之和不符（如“共120件，其中80件、30件”）。',
  },
  tags: ['numbers'],
  fixable: 'suggestion',
  options: {},
  check(model, _options, token) {
    if (token?.isCancellationRequested) return [];
    const out: Finding[] = [];
    for (const c of totalChecks(model)) {
      const { total, parts, complete } = c.breakdown;
      if (c.agrees || parts.length < 2 || parts.some((p) => p.value > total.value)) continue; // one part over the total: subset-exceeds-total
      if (total.approx !== 'exact' || parts.some((p) => p.approx !== 'exact')) continue;
      // More than the total is wrong unless the parts are overlapping attributes (党员, 女性, 本科学历…);
      // less only when the parts are stated as the whole breakdown.
      if (c.sum < total.value && !complete) continue;
      if (!c.breakdown.pair && OVERLAPPING.test(c.breakdown.sentence.text)) continue;
      out.push({
        range: total.range,
        message: c.breakdown.pair
          ? t('The parts do not add up to the total {0}: {1} ({2} and {3} leave nothing out).', total.text, c.arithmetic, c.breakdown.pair.first, c.breakdown.pair.second)
          : t('The parts do not add up to the total {0}: {1}.', total.text, c.arithmetic),
        fixes: [{ title: t('Set the total to {0}', c.sumText), edits: [{ range: total.numberRange, newText: c.sumText }] }],
        related: parts.map((p) => ({ location: { uri: model.uri, range: p.range }, message: t('part: {0}', p.text) })),
        data: { arithmetic: c.arithmetic },
      });
    }
    return out;
  },
});
