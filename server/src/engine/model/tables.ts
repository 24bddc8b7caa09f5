import type { LineIndex } from './lines';
import type { Table, TableCell } from './types';

/** Splits a GFM table row into cells with exact column ranges (escaped pipes and code spans respected). */
export function splitRow(index: LineIndex, line: number): TableCell[] {
  const text = index.line(line).text;
  const bounds: number[] = [];
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '`') inCode = !inCode;
    if (ch === '|' && !inCode) bounds.push(i);
  }
  const first = text.search(/\S/);
  const last = text.trimEnd().length;
  const edges = [...bounds];
  if (edges[0] !== first) edges.unshift(first - 1);
  if (edges[edges.length - 1] !== last - 1) edges.push(last);
  const cells: TableCell[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = (edges[k] ?? 0) + 1;
    const b = edges[k + 1] ?? text.length;
    const raw = text.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    cells.push({ text: content, range: index.range(line, a + lead, a + lead + content.length) });
  }
  return cells;
}

export function parseTable(index: LineIndex, startLine: number, endLine: number): Table | undefined {
  if (endLine < startLine + 1) return undefined;
  const header = splitRow(index, startLine);
  const rows: TableCell[][] = [];
  for (let l = startLine + 2; l <= endLine; l++) {
    if (index.line(l).text.trim() === '') continue;
    rows.push(splitRow(index, l));
  }
  return { startLine, endLine, range: index.linesRange(startLine, endLine), header, rows };
}
