import { statistics, t, type FigureEntry, type ReportModel } from '../engine';
import { printable, printableCell, printableJson } from './printable';

export type StatsFormat = 'text' | 'json' | 'csv';

interface StatsFile {
  readonly path: string;
  readonly model: ReportModel;
}

/** Leading characters that make a spreadsheet read a cell as a formula (with their full-width forms, which Excel also takes). */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/u;
const NUMBER = /^[+-]?[0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?$/i;

/**
 * One CSV cell (RFC 4180 quoting). A cell that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return, other than a plain number) is prefixed with a single quote
 * and quoted, as OWASP's CSV-injection guidance says; controls other than tab and line breaks are escaped.
 */
export function csvCell(s: string | number): string {
  let v = printableCell(String(s));
  const formula = FORMULA_START.test(v) && !NUMBER.test(v);
  if (formula) v = `'${v}`;
  return formula || /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Every figure of every file, for reviewers who check figures against source tables (`report-check --stats`). */
export function statsReport(files: readonly StatsFile[], format: StatsFormat): string {
  const all = files.map((f) => ({ path: f.path, stats: statistics(f.model) }));
  if (format === 'json') {
    const json = {
      files: all.map(({ path, stats }) => ({
        path,
        title: stats.title,
        counts: stats.counts,
        figures: stats.figures.map((x) => ({ ...plain(x), line: x.range.start.line + 1, column: x.range.start.character + 1 })),
      })),
    };
    return printableJson(JSON.stringify(json, null, 2)) + '\n';
  }
  if (format === 'csv') {
    const rows = [['file', 'line', 'column', 'text', 'value', 'unit', 'kind', 'approx', 'qualifier', 'section', 'context']];
    for (const { path, stats } of all) {
      for (const x of stats.figures) rows.push([path, String(x.range.start.line + 1), String(x.range.start.character + 1), x.text, String(x.value), x.unit, x.kind, x.approx, x.qualifier, x.section.join(' › '), x.context]);
    }
    return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
  }
  const lines: string[] = [];
  for (const { path, stats } of all) {
    lines.push(`${printable(path)}: ${t('{0} figure(s)', stats.figures.length)}`);
    let section = '\u0000';
    for (const x of stats.figures) {
      const s = x.section.join(' › ');
      if (s !== section) {
        section = s;
        lines.push(`  ${s ? printable(s) : t('(before the first heading)')}`);
      }
      const how = x.approx === 'exact' ? '' : ` (${x.approx}${x.qualifier ? ` ${x.qualifier}` : ''})`;
      lines.push(`    ${x.range.start.line + 1}:${x.range.start.character + 1}  ${printable(x.text)}  = ${x.value}${x.unit ? ` ${printable(x.unit)}` : ''}${printable(how)}`);
    }
  }
  return lines.join('\n') + '\n';
}

function plain(x: FigureEntry): Omit<FigureEntry, 'range' | 'sectionLine'> {
  return { text: x.text, value: x.value, unit: x.unit, kind: x.kind, approx: x.approx, qualifier: x.qualifier, section: x.section, context: x.context };
}
