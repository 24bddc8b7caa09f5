import { statistics, t, type FigureEntry, type ReportModel } from '../engine';

export type StatsFormat = 'text' | 'json' | 'csv';

interface StatsFile {
  readonly path: string;
  readonly model: ReportModel;
}

const csvCell = (s: string | number): string => {
  const v = String(s);
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/** Every figure of every file, for reviewers who check figures against source tables (`report-check --stats`). */
export function statsReport(files: readonly StatsFile[], format: StatsFormat): string {
  const all = files.map((f) => ({ path: f.path, stats: statistics(f.model) }));
  if (format === 'json') {
    return (
      JSON.stringify(
        {
          files: all.map(({ path, stats }) => ({
            path,
            title: stats.title,
            counts: stats.counts,
            figures: stats.figures.map((x) => ({ ...plain(x), line: x.range.start.line + 1, column: x.range.start.character + 1 })),
          })),
        },
        null,
        2,
      ) + '\n'
    );
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
    lines.push(`${path}: ${t('{0} figure(s)', stats.figures.length)}`);
    let section = '\u0000';
    for (const x of stats.figures) {
      const s = x.section.join(' › ');
      if (s !== section) {
        section = s;
        lines.push(`  ${s || t('(before the first heading)')}`);
      }
      const how = x.approx === 'exact' ? '' : ` (${x.approx}${x.qualifier ? ` ${x.qualifier}` : ''})`;
      lines.push(`    ${x.range.start.line + 1}:${x.range.start.character + 1}  ${x.text}  = ${x.value}${x.unit ? ` ${x.unit}` : ''}${how}`);
    }
  }
  return lines.join('\n') + '\n';
}

function plain(x: FigureEntry): Omit<FigureEntry, 'range' | 'sectionLine'> {
  return { text: x.text, value: x.value, unit: x.unit, kind: x.kind, approx: x.approx, qualifier: x.qualifier, section: x.section, context: x.context };
}
