/**
 * Renders a report as HTML from the same model the diagnostics use (markdown-it tokens for the
 * block structure, the engine's headings for numbering). Used by the live preview (`report/render`)
 * and by the HTML export.
 *
 *   renderDocument(model, { view: 'flow' | 'page', diagnostics }) → { html, lineMap, title, pages }
 *   pageCss() → the CSS of the page view (GB/T 9704), to inline in a self-contained HTML file.
 *
 * Every element that comes from the source carries `data-line` (0-based source line).
 * Everything from the document is escaped; raw HTML is text, links keep only safe schemes,
 * remote images are never loaded.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Token } from 'markdown-it';
import type { Heading, ReportModel } from '../../model/types';
import { blockHtml, GRID_CHARS, TITLE_CHARS, type Block, type DiagSeverity, type ParaBlock, type Piece, type TableRow } from './blocks';
import { escapeHtml, layoutLines, renderInline } from './inline';
import { paginate } from './page';
import { frontBlocks, metaBlocks, signatureBlock } from './front';

import type { LineMapEntry, RenderView } from '../../../../../common/protocol';

export { pageCss } from './css';
export { escapeHtml } from './inline';
export type { LineMapEntry, RenderView };

export interface RenderOptions {
  /** 'flow' (default): one column that follows the editor theme; 'page': A4 pages per GB/T 9704. */
  readonly view?: RenderView;
  /** Diagnostics to mark in the text (the message shows on hover). */
  readonly diagnostics?: readonly Diagnostic[];
}

export interface RenderResult {
  readonly view: RenderView;
  /** The body: `<div class="report-flow">…</div>` or `<div class="report-pages">…</div>`. */
  readonly html: string;
  /** The rendered blocks in document order (sorted by line). */
  readonly lineMap: LineMapEntry[];
  readonly title: string;
  /** Number of pages (page view), 0 in the flow view. */
  readonly pages: number;
}

const SEVERITIES: DiagSeverity[] = ['error', 'error', 'warning', 'info', 'hint'];

interface Span {
  readonly from: number;
  readonly to: number;
  readonly cls?: string;
}

/** Pieces of one source line: the spans, cut where diagnostics start and end. */
function linePieces(model: ReportModel, line: number, spans: readonly Span[], diags: readonly Diagnostic[]): Piece[] {
  const text = model.index.line(line).text;
  const mine = diags.filter((d) => d.range.start.line <= line && d.range.end.line >= line);
  const pieces: Piece[] = [];
  const first = spans[0]?.from ?? 0;
  const last = spans[spans.length - 1]?.to ?? 0;
  for (const span of spans) {
    const cuts = new Set([span.from, span.to]);
    for (const d of mine) {
      const a = d.range.start.line < line ? 0 : d.range.start.character;
      const b = d.range.end.line > line ? text.length : d.range.end.character;
      for (const c of [a, b]) if (c > span.from && c < span.to) cuts.add(c);
    }
    const sorted = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const a = sorted[i] ?? 0;
      const b = sorted[i + 1] ?? 0;
      const d = mine.find((x) => (x.range.start.line < line ? 0 : x.range.start.character) <= a && (x.range.end.line > line ? text.length : x.range.end.character) >= b);
      pieces.push({ text: text.slice(a, b), ...(span.cls ? { cls: span.cls } : {}), ...(d ? { diag: diagOf(d) } : {}) });
    }
  }
  // Diagnostics that cover no rendered text (empty ranges, indentation, markers): a point marker.
  for (const d of mine) {
    const a = d.range.start.line < line ? 0 : d.range.start.character;
    const b = d.range.end.line > line ? text.length : d.range.end.character;
    if (Math.min(b, last) <= Math.max(a, first) && d.range.start.line === line) {
      const at = Math.min(Math.max(a, first), last);
      let pos = first;
      let k = 0;
      while (k < pieces.length && pos + (pieces[k]?.text.length ?? 0) <= at && pos < at) pos += pieces[k++]?.text.length ?? 0;
      pieces.splice(k, 0, { text: '', diag: diagOf(d) });
    }
  }
  return pieces;
}

function diagOf(d: Diagnostic): { severity: DiagSeverity; message: string } {
  const code = d.code !== undefined ? ` [${String(d.code)}]` : '';
  return { severity: SEVERITIES[d.severity ?? 1] ?? 'error', message: `${d.message}${code}` };
}

/** Content columns of a line: after indentation (and quote / bullet markers), before trailing blanks. */
function contentSpan(text: string): { from: number; to: number; bullet: boolean } {
  const m = /^[\s\u3000\uFEFF]*(?:>[ \t]?)*[\s\u3000]*/u.exec(text);
  let from = m ? m[0].length : 0;
  let bullet = false;
  const b = /^[-*+][ \t]+/.exec(text.slice(from));
  if (b) {
    from += b[0].length;
    bullet = true;
  }
  const to = text.replace(/[\s\u3000]+$/u, '').length;
  return { from, to: Math.max(from, to), bullet };
}

function headingBlock(model: ReportModel, h: Heading, diags: readonly Diagnostic[], kind: 'quote' | ''): ParaBlock {
  // Laid out by the level its marker implies (一、 黑体, （一） 楷体, …), by its depth when unnumbered.
  const level = Math.min(Math.max(h.markerLevel || h.level, 1), 5);
  const text = model.index.line(h.line).text;
  const start = h.headingRange.start.character;
  if (h.runin) {
    const to = contentSpan(text).to;
    const spans: Span[] = [
      { from: start, to: h.headingRange.end.character, cls: `report-h report-h${level}` },
      { from: h.headingRange.end.character, to },
    ];
    return { kind: 'para', line: h.line, endLine: h.line, tag: 'p', cls: `report-p report-runin${kind ? ' report-quote' : ''}`, pieces: linePieces(model, h.line, spans, diags), indent: 2, cap: GRID_CHARS, after: 0, keepWithNext: false };
  }
  const to = Math.max(h.headingRange.end.character, contentSpan(text).to);
  const end = h.mdDepth > 0 ? h.headingRange.end.character : to;
  const tag = `h${Math.min(level + 1, 6)}`;
  return { kind: 'para', line: h.line, endLine: h.line, tag, cls: `report-h report-h${level}`, pieces: linePieces(model, h.line, [{ from: start, to: end }], diags), indent: 2, cap: GRID_CHARS, after: 0, keepWithNext: true };
}

function bodyBlock(model: ReportModel, line: number, diags: readonly Diagnostic[], quote: boolean): ParaBlock | undefined {
  const text = model.index.line(line).text;
  const span = contentSpan(text);
  if (span.to <= span.from) return undefined;
  let pieces = linePieces(model, line, [{ from: span.from, to: span.to }], diags);
  if (span.bullet) pieces = [{ text: '• ' }, ...pieces];
  const cls = `report-p${quote ? ' report-quote' : ''}${span.bullet ? ' report-li' : ''}`;
  return { kind: 'para', line, endLine: line, tag: 'p', cls, pieces, indent: 2, cap: GRID_CHARS, after: 0, keepWithNext: false };
}

function tableBlock(model: ReportModel, tokens: Token[], start: number): { block: Block; next: number } {
  const open = tokens[start];
  const [from, to] = open?.map ?? [0, 1];
  let head = '';
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let texts: string[] = [];
  let rowLine = from;
  let inHead = false;
  let i = start + 1;
  let cols = 1;
  for (; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok || tok.type === 'table_close') break;
    if (tok.type === 'thead_open') inHead = true;
    else if (tok.type === 'thead_close') inHead = false;
    else if (tok.type === 'tr_open') {
      cells = [];
      texts = [];
      rowLine = tok.map?.[0] ?? rowLine;
    } else if (tok.type === 'th_open' || tok.type === 'td_open') {
      const inline = tokens[i + 1];
      const content = inline?.type === 'inline' ? inline.content : '';
      const align = /text-align:(left|right|center)/.exec(String(tok.attrGet('style') ?? ''))?.[1];
      cells.push(`<${tok.tag}${align ? ` class="report-align-${align}"` : ''}>${renderInline(content)}</${tok.tag}>`);
      texts.push(content);
    } else if (tok.type === 'tr_close') {
      if (inHead) {
        cols = Math.max(1, cells.length);
        head = `<thead><tr data-line="${rowLine}">${cells.join('')}</tr></thead>`;
      } else {
        const total = /^(合计|总计|小计|共计|总计|累计|合 计|总 计)/.test((texts[0] ?? '').trim());
        const cap = Math.max(2, Math.floor(GRID_CHARS / cols) - 1);
        const lines = Math.max(1, ...texts.map((t) => layoutLines(t, cap, cap).length));
        rows.push({ line: rowLine, lines, html: `<tr${total ? ' class="report-total"' : ''} data-line="${rowLine}">${cells.join('')}</tr>` });
      }
    }
  }
  const headCap = Math.max(2, Math.floor(GRID_CHARS / cols) - 1);
  const headLines = Math.max(1, ...model.tables.filter((t) => t.startLine === from).flatMap((t) => t.header.map((c) => layoutLines(c.text, headCap, headCap).length)));
  return { block: { kind: 'table', line: from, endLine: to - 1, head, headLines, rows }, next: i };
}

/** The blocks of the report in document order. */
export function renderBlocks(model: ReportModel, diags: readonly Diagnostic[] = []): Block[] {
  const blocks: Block[] = [...frontBlocks(model)];
  const headingAt = new Map(model.headings.map((h) => [h.line, h]));
  const title = model.title;
  const tokens = model.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok || tok.level !== 0 || !tok.map || tok.type.endsWith('_close')) continue;
    const [from, to] = tok.map;
    if (tok.type === 'table_open') {
      const { block, next } = tableBlock(model, tokens, i);
      blocks.push(block);
      i = next;
      continue;
    }
    if (tok.type === 'fence' || tok.type === 'code_block') {
      blocks.push({ kind: 'fixed', line: from, endLine: to - 1, lines: Math.max(1, to - from), html: `<pre class="report-code" data-line="${from}"><code>${escapeHtml(tok.content)}</code></pre>` });
      continue;
    }
    if (tok.type === 'hr') {
      blocks.push({ kind: 'fixed', line: from, endLine: from, lines: 1, html: `<hr class="report-hr" data-line="${from}">` });
      continue;
    }
    const quote = tok.type === 'blockquote_open';
    for (let line = from; line < to; line++) {
      // (An 'hr' line here is the underline of a setext heading.)
      if (model.lineKinds[line] === 'blank' || model.lineKinds[line] === 'frontmatter' || model.lineKinds[line] === 'hr') continue;
      if (title && title.source !== 'frontmatter' && title.line === line) {
        blocks.push(titleBlock(model, line, diags), ...metaBlocks(model));
        continue;
      }
      const h = headingAt.get(line);
      const b = h ? headingBlock(model, h, diags, quote ? 'quote' : '') : bodyBlock(model, line, diags, quote);
      if (b) blocks.push(b);
    }
  }
  const sig = signatureBlock(model);
  if (sig) blocks.push(sig);
  return blocks;
}

/** The title line of the body (a `#` heading or a short first line). */
function titleBlock(model: ReportModel, line: number, diags: readonly Diagnostic[]): ParaBlock {
  const r = model.title?.range;
  const from = r?.start.character ?? 0;
  const to = r?.end.character ?? model.index.line(line).text.length;
  const pieces = linePieces(model, line, [{ from, to }], diags);
  return { kind: 'para', line, endLine: line, tag: 'h1', cls: 'report-title', pieces, indent: 0, cap: TITLE_CHARS, after: metaBlocks(model).length > 0 ? 0 : 1, keepWithNext: true };
}

/** Renders the report: the flow view or the page view, with its line map. */
export function renderDocument(model: ReportModel, options: RenderOptions = {}): RenderResult {
  const view: RenderView = options.view === 'page' ? 'page' : 'flow';
  const blocks = renderBlocks(model, options.diagnostics ?? []);
  const title = model.title?.text ?? '';
  if (view === 'flow') {
    const html = `<div class="report-flow">${blocks.map(blockHtml).join('\n')}</div>`;
    return { view, html, title, pages: 0, lineMap: blocks.map((b) => ({ line: b.line, endLine: b.endLine, page: 0 })) };
  }
  const { pages } = paginate(blocks);
  const html = pages
    .map((placed, i) => {
      const n = i + 1;
      const side = n % 2 === 1 ? 'odd' : 'even';
      return `<section class="report-page report-page-${side}" data-page="${n}"><div class="report-page-body">${placed.map((p) => p.html).join('\n')}</div><div class="report-page-number">— ${n} —</div></section>`;
    })
    .join('\n');
  const lineMap = pages.flat().map((p) => ({ line: p.line, endLine: p.endLine, page: p.page }));
  return { view, html: `<div class="report-pages">${html}</div>`, title, pages: pages.length, lineMap };
}
