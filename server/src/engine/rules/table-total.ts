import { figuresOf, type Figure } from '../model/figures';
import type { ReportModel, TableCell } from '../model/types';
import { t } from '../i18n';
import { formatNumber, roundingTolerance } from './total-mismatch';
import { defineRule, type Finding } from './types';

const TOTAL_LABEL = /^(?:合\s*计|总\s*计|小\s*计|共\s*计|总数|总量|总额|全部|total|sum|subtotal)$/iu;
const SUBTOTAL = /^(?:小\s*计|subtotal)$/iu;
/** Columns that do not add up: rates, shares, growth, averages, ranks, years. */
const NON_ADDITIVE = /%|％|率|占比|比重|比例|增长|增速|增幅|同比|环比|均|排名|名次|序号|编号|年份|年度|日期|时间|单价|价格|指数/u;
const EMPTY = /^(?:|-|—|－|–|\/|／|无)$/u;

export interface TableTotal {
  readonly cell: TableCell;
  readonly total: Figure;
  readonly parts: readonly Figure[];
  readonly sum: number;
  readonly arithmetic: string;
  readonly sumText: string;
  readonly agrees: boolean;
}

const clean = (s: string): string => s.replace(/[*_`]/g, '').trim();

/** Every 合计/总计/小计 row and column of the GFM tables, with the sum of the cells it totals. */
export function tableTotals(model: ReportModel): TableTotal[] {
  const out: TableTotal[] = [];
  const figures = figuresOf(model);
  const value = (cell: TableCell | undefined): Figure | null | undefined => {
    // undefined: not a number (the line can't be totalled); null: empty (counts as nothing)
    if (!cell || EMPTY.test(clean(cell.text))) return null;
    const f = figures.inCell(cell);
    return f && f.approx === 'exact' && f.kind !== 'percent' && f.kind !== 'multiple' && f.kind !== 'points' ? f : undefined;
  };
  for (const table of model.tables) {
    const additive = table.header.map((h) => !NON_ADDITIVE.test(h.text));
    const isTotalRow = table.rows.map((r) => TOTAL_LABEL.test(clean(r[0]?.text ?? '')));
    // Row totals: each numeric column of a 合计/小计 row against the rows it totals.
    table.rows.forEach((row, r) => {
      if (!isTotalRow[r]) return;
      const sub = SUBTOTAL.test(clean(row[0]?.text ?? ''));
      let first = 0;
      if (sub) for (let k = r - 1; k >= 0; k--) if (isTotalRow[k]) { first = k + 1; break; }
      // A 小计 totals the rows since the previous total row; a 合计 totals every detail row above it.
      const members = table.rows.slice(first, r).filter((_, k) => !isTotalRow[first + k]);
      for (let c = 1; c < row.length; c++) {
        if (!additive[c]) continue;
        const total = value(row[c]);
        if (!total) continue;
        const parts = members.map((m) => value(m[c]));
        if (parts.some((p) => p === undefined)) continue;
        add(out, row[c] as TableCell, total, parts.filter((p): p is Figure => !!p));
      }
    });
    // Column totals: a 合计 column against the numeric cells to its left.
    table.header.forEach((h, c) => {
      if (c === 0 || !TOTAL_LABEL.test(clean(h.text))) return;
      table.rows.forEach((row) => {
        const total = value(row[c]);
        if (!total) return;
        const parts = row.slice(1, c).map((cell, k) => (additive[k + 1] ? value(cell) : null));
        if (parts.some((p) => p === undefined)) return;
        add(out, row[c] as TableCell, total, parts.filter((p): p is Figure => !!p));
      });
    });
  }
  return out;
}

function add(out: TableTotal[], cell: TableCell, total: Figure, parts: Figure[]): void {
  if (parts.length < 2) return;
  const scale = total.multiplier;
  const decimals = Math.max(total.decimals, ...parts.map((p) => p.decimals));
  const sum = parts.reduce((a, p) => a + p.value, 0);
  const sumText = formatNumber(sum / scale, decimals);
  const agrees = Math.abs(sum - total.value) <= roundingTolerance([total, ...parts]);
  const arithmetic = `${parts.map((p) => formatNumber(p.value / scale, decimals)).join(' + ')} = ${sumText} ${agrees ? '=' : '≠'} ${formatNumber(total.value / scale, decimals)}`;
  out.push({ cell, total, parts, sum, arithmetic, sumText, agrees });
}

export const tableTotal = defineRule({
  id: 'table-total',
  defaultSeverity: 'error',
  description: {
    en: 'A 合计/总计/小计 row or column of a table that is not the sum of the cells it totals.',
    zh: '表格中的合计/总计/小计行或列不等于其所合计单元格之和。',
  },
  tags: ['numbers', 'tables'],
  fixable: 'suggestion',
  options: {},
  check(model, _options, token) {
    if (token?.isCancellationRequested) return [];
    return tableTotals(model)
      .filter((x) => !x.agrees)
      .map(
        (x): Finding => ({
          range: x.cell.range,
          message: t('The table total {0} is not the sum of its cells: {1}.', x.total.text, x.arithmetic),
          fixes: [{ title: t('Set the total to {0}', x.sumText), edits: [{ range: x.total.numberRange, newText: x.sumText }] }],
          data: { arithmetic: x.arithmetic },
        }),
      );
  },
});
