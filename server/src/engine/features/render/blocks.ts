/**
 * The blocks of a rendered report and their HTML. A paragraph-like block keeps its source pieces
 * (inline Markdown with a class each) so that the page view can split it at a line boundary.
 */
import { escapeHtml, layoutLines, renderInline } from './inline';

/** Characters per line and lines per page of the GB/T 9704 text block. */
export const GRID_CHARS = 28;
export const GRID_LINES = 22;
/** Characters per line of the 2号 (22 pt) title in the same 156 mm text block. */
export const TITLE_CHARS = 20;

export type DiagSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface Piece {
  /** Inline Markdown source. */
  readonly text: string;
  /** Class of a span around the piece (e.g. a run-in heading), if any. */
  readonly cls?: string;
  /** A diagnostic marked on this piece (hover shows the message). */
  readonly diag?: { readonly severity: DiagSeverity; readonly message: string };
}

export interface ParaBlock {
  readonly kind: 'para';
  readonly line: number;
  readonly endLine: number;
  readonly tag: string;
  readonly cls: string;
  readonly pieces: Piece[];
  /** First-line indent in characters. */
  readonly indent: number;
  /** Characters per line. */
  readonly cap: number;
  /** Blank grid lines after the block. */
  readonly after: number;
  /** A heading: never left alone at the bottom of a page. */
  readonly keepWithNext: boolean;
}

export interface FixedBlock {
  readonly kind: 'fixed';
  readonly line: number;
  readonly endLine: number;
  readonly html: string;
  /** Grid lines the block takes, including blank lines before it. */
  readonly lines: number;
}

export interface TableRow {
  readonly line: number;
  readonly html: string;
  readonly lines: number;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly line: number;
  readonly endLine: number;
  /** `<thead>…</thead>` (repeated on every page the table runs onto). */
  readonly head: string;
  readonly headLines: number;
  readonly rows: TableRow[];
}

export type Block = ParaBlock | FixedBlock | TableBlock;

function pieceHtml(p: Piece): string {
  let html = renderInline(p.text);
  if (p.diag) {
    const point = p.text === '' ? ' report-diag-point' : '';
    html = `<mark class="report-diag report-diag-${p.diag.severity}${point}" title="${escapeHtml(p.diag.message)}">${html}</mark>`;
  }
  return p.cls ? `<span class="${p.cls}">${html}</span>` : html;
}

/** The text a paragraph shows, as laid out in the grid (Markdown source, a close estimate). */
export function plainOf(pieces: readonly Piece[]): string {
  return pieces.map((p) => p.text).join('');
}

/** Grid lines of a paragraph-like block (without the blank lines after it). */
export function paraLines(b: ParaBlock): number {
  return layoutLines(plainOf(b.pieces), b.cap - b.indent, b.cap).length;
}

/** HTML of a paragraph-like block (or of one part of it when split over pages). */
export function paraHtml(b: ParaBlock, pieces: readonly Piece[] = b.pieces, extraCls = ''): string {
  const gap = b.after > 0 && pieces === b.pieces ? ' report-gap' : '';
  const cls = (extraCls ? `${b.cls} ${extraCls}` : b.cls) + gap;
  return `<${b.tag} class="${cls}" data-line="${b.line}">${pieces.map(pieceHtml).join('')}</${b.tag}>`;
}

/** Splits the pieces of a paragraph at a text offset (into the joined text). */
export function splitPieces(pieces: readonly Piece[], offset: number): [Piece[], Piece[]] {
  const a: Piece[] = [];
  const b: Piece[] = [];
  let pos = 0;
  for (const p of pieces) {
    const end = pos + p.text.length;
    if (end <= offset) a.push(p);
    else if (pos >= offset) b.push(p);
    else {
      a.push({ ...p, text: p.text.slice(0, offset - pos) });
      b.push({ ...p, text: p.text.slice(offset - pos) });
    }
    pos = end;
  }
  return [a, b];
}

/** The pieces covering text offsets [from, to) of the joined text (empty pieces at `from` included). */
export function slicePieces(pieces: readonly Piece[], from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let pos = 0;
  for (const p of pieces) {
    const end = pos + p.text.length;
    if (p.text === '' ? pos >= from && pos < to : end > from && pos < to) {
      out.push(pos >= from && end <= to ? p : { ...p, text: p.text.slice(Math.max(0, from - pos), Math.min(p.text.length, to - pos)) });
    }
    pos = end;
    if (pos >= to) break;
  }
  return out;
}

/** HTML of a whole block in the flow view. */
export function blockHtml(b: Block): string {
  if (b.kind === 'para') return paraHtml(b);
  if (b.kind === 'fixed') return b.html;
  return tableHtml(b, b.rows);
}

export function tableHtml(b: TableBlock, rows: readonly TableRow[], cont = false): string {
  return `<table class="report-table${cont ? ' report-cont' : ''}" data-line="${cont ? (rows[0]?.line ?? b.line) : b.line}">${b.head}<tbody>${rows.map((r) => r.html).join('')}</tbody></table>`;
}
