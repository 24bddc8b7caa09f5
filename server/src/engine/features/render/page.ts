/**
 * Pagination of the page view (GB/T 9704-2012): 22 lines of 28 characters per A4 page.
 * The engine lays the blocks out in the character grid (see layoutLines), so the result is the
 * same in the preview, in the HTML export and in tests; the page CSS uses the same grid.
 */
import { GRID_LINES, paraHtml, plainOf, slicePieces, tableHtml, type Block, type ParaBlock, type TableRow } from './blocks';
import { layoutLines } from './inline';

export interface PlacedBlock {
  readonly line: number;
  readonly endLine: number;
  /** 1-based page. */
  readonly page: number;
  readonly html: string;
}

export interface Pagination {
  /** The blocks of each page, in order (pages[0] is page 1). */
  readonly pages: PlacedBlock[][];
  /** Grid lines used on each page. */
  readonly used: number[];
}

/** Flows the blocks into as many pages as they need, splitting paragraphs and tables at line boundaries. */
export function paginate(blocks: readonly Block[], linesPerPage = GRID_LINES): Pagination {
  const pages: PlacedBlock[][] = [[]];
  const used: number[] = [0];
  const remaining = (): number => linesPerPage - (used[used.length - 1] ?? 0);
  const atTop = (): boolean => (used[used.length - 1] ?? 0) === 0;
  const newPage = (): void => {
    pages.push([]);
    used.push(0);
  };
  const put = (b: { line: number; endLine: number }, html: string, lines: number): void => {
    pages[pages.length - 1]?.push({ line: b.line, endLine: b.endLine, page: pages.length, html });
    used[used.length - 1] = Math.min(linesPerPage, (used[used.length - 1] ?? 0) + lines);
  };
  /** Blank lines after a block are dropped at the bottom of a page. */
  const skip = (lines: number): void => {
    if (lines > 0 && !atTop()) used[used.length - 1] = Math.min(linesPerPage, (used[used.length - 1] ?? 0) + lines);
  };

  for (const block of blocks) {
    if (block.kind === 'fixed') {
      if (block.lines > remaining() && !atTop()) newPage();
      put(block, block.html, block.lines);
      continue;
    }
    if (block.kind === 'table') {
      placeTable(block.rows, block.headLines, (rows, cont) => put({ line: cont ? (rows[0]?.line ?? block.line) : block.line, endLine: block.endLine }, tableHtml(block, rows, cont), 0));
      continue;
    }
    placePara(block);
  }

  function placePara(b: ParaBlock): void {
    // One layout per paragraph: the pieces are cut at the line starts where pages break.
    const starts = layoutLines(plainOf(b.pieces), b.cap - b.indent, b.cap);
    const n = starts.length;
    // A heading needs room for itself and one line after it.
    if (b.keepWithNext && n + 1 > remaining() && !atTop()) newPage();
    if (remaining() <= 0) newPage();
    if (n <= remaining() || b.keepWithNext) {
      if (n > remaining() && !atTop()) newPage();
      put(b, paraHtml(b), n); // (a heading taller than a page overflows rather than split)
      skip(b.after);
      return;
    }
    const total = plainOf(b.pieces).length;
    let from = 0;
    while (from < n) {
      if (remaining() <= 0) newPage();
      const take = Math.min(remaining(), n - from);
      const last = from + take >= n;
      const part = slicePieces(b.pieces, starts[from] ?? 0, last ? total + 1 : (starts[from + take] ?? total));
      const cls = [from > 0 ? 'report-cont' : '', last ? '' : 'report-split'].filter(Boolean).join(' ');
      put(b, paraHtml(b, part, cls), take);
      from += take;
    }
    skip(b.after);
  }

  function placeTable(rows: readonly TableRow[], headLines: number, emit: (rows: TableRow[], cont: boolean) => void): void {
    let chunk: TableRow[] = [];
    let chunkLines = 0;
    let cont = false;
    // The table's borders take about one line.
    if (headLines + 1 + (rows[0]?.lines ?? 0) > remaining() && !atTop()) newPage();
    let room = remaining() - headLines - 1;
    for (const row of rows) {
      if (chunk.length > 0 && chunkLines + row.lines > room) {
        emit(chunk, cont);
        used[used.length - 1] = linesPerPage;
        newPage();
        cont = true;
        chunk = [];
        chunkLines = 0;
        room = remaining() - headLines - 1;
      }
      chunk.push(row);
      chunkLines += row.lines;
    }
    emit(chunk, cont);
    used[used.length - 1] = Math.min(linesPerPage, (used[used.length - 1] ?? 0) + headLines + 1 + chunkLines);
  }

  return { pages, used };
}
