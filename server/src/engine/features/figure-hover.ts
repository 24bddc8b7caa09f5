import type { Hover, Position } from 'vscode-languageserver-types';
import { figuresOf, type Figure } from '../model/figures';
import type { Analysis } from '../analysis';
import type { ReportModel } from '../model/types';
import { t } from '../i18n';
import { countClaims } from '../rules/count-claim';
import { growthChecks } from '../rules/growth-mismatch';
import { rateChecks, formatRate } from '../rules/rate-mismatch';
import { tableTotals } from '../rules/table-total';
import { formatNumber, totalChecks } from '../rules/total-mismatch';

const KIND_LABEL: Record<Figure['kind'], string> = {
  count: 'count',
  amount: 'amount of money',
  measure: 'quantity',
  percent: 'percentage',
  points: 'percentage points',
  multiple: 'multiple',
  plain: 'number',
};

/** How a figure reads: 「exact」, 「at least 110 (余)」, 「3 to 5」. */
export function describeApprox(f: Figure): string {
  const v = formatNumber(f.value, 6);
  switch (f.approx) {
    case 'exact':
      return t('exact');
    case 'atLeast':
      return t('approximate: at least {0} ({1})', v, f.qualifier);
    case 'atMost':
      return t('approximate: at most {0} ({1})', v, f.qualifier);
    case 'about':
      return t('approximate: about {0} ({1})', v, f.qualifier);
    case 'range':
      return t('range: {0} to {1}', v, formatNumber(f.high ?? f.value, 6));
  }
}

/** The arithmetic a figure takes part in: a total with its parts, a rate with its counts, a table total. */
function arithmeticOf(model: ReportModel, f: Figure): string[] {
  const out: string[] = [];
  for (const c of totalChecks(model)) if (c.breakdown.total === f && c.breakdown.parts.length >= 2) out.push(t('Parts: {0}', c.arithmetic));
  for (const c of rateChecks(model)) {
    if (c.rate === f) out.push(t('Rate: {0} / {1} = {2}%', c.part.numberText, c.whole.numberText, formatRate(c.computed, Math.max(1, f.decimals))));
  }
  for (const c of tableTotals(model)) if (c.total === f) out.push(t('Sum of the cells: {0}', c.arithmetic));
  // A rate and the two figures it comes from: the same arithmetic on each of the three.
  for (const c of growthChecks(model)) {
    if (c.rate !== f && c.from !== f && c.to !== f) continue;
    out.push(t('Growth: {0}', `${c.arithmetic} ${c.agrees ? '≈' : '≠'} ${c.stated}`));
  }
  for (const c of countClaims(model)) {
    if (c.range.start.line !== f.line || c.range.start.character !== f.range.start.character) continue;
    out.push(c.kind === 'sections' ? t('Announces {0} items; {1} sub-sections follow', c.claimed, c.items.length) : t('Announces {0} items; the list that follows has {1}', c.claimed, c.items.length));
  }
  return out;
}

/** Hover on any figure: how it was read (value, unit, exact or approximate) and the arithmetic it is part of. */
export function figureHover(analysis: Analysis, position: Position): Hover | null {
  const { model } = analysis;
  const f = figuresOf(model).at(position);
  if (!f) return null;
  const value = f.multiplier > 1 ? `${f.numberText} × ${formatNumber(f.multiplier, 0)} = ${formatNumber(f.value, 6)}` : formatNumber(f.value, 6);
  const lines = [
    `**${t('Figure')}** \`${f.text}\``,
    '',
    `- ${t('Value')}: ${value}`,
    `- ${t('Unit')}: ${f.unit ? `${f.unit}${f.per}` : t('(none)')} (${t(KIND_LABEL[f.kind])})`,
    `- ${describeApprox(f)}`,
    ...arithmeticOf(model, f).map((a) => `- ${a}`),
  ];
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: f.range };
}
