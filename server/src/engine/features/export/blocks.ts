/**
 * The report as a list of layout blocks for export (Word, HTML): title, headings with their
 * own numbering text, body paragraphs, tables, signature and date. Built from the model the
 * diagnostics use: headings and paragraphs from the section model, inline Markdown
 * (bold, italic, code, links) from markdown-it.
 */
import type { Token } from 'markdown-it';
import { markdown } from '../../model/markdown';
import type { Heading, ReportModel, Table } from '../../model/types';
import { formatDate } from '../render/front';

export interface InlineRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly code?: boolean;
}

export interface TableBlockCell {
  readonly runs: InlineRun[];
  /** A 合计/总计/小计/Total row or column. */
  readonly total: boolean;
}

export type ExportBlock =
  | { readonly kind: 'title'; readonly text: string; readonly line: number }
  /** Subtitle and author lines centred under the title (楷体). */
  | { readonly kind: 'byline'; readonly text: string }
  | {
      readonly kind: 'heading';
      /** 1..4 (deeper levels are laid out as level 4). */
      readonly level: 1 | 2 | 3 | 4;
      /** Marker and title as written, e.g. 「（一）主动学习强素质。」. */
      readonly heading: InlineRun[];
      /** Body text that follows a run-in heading on the same line (empty otherwise). */
      readonly body: InlineRun[];
      readonly line: number;
    }
  | { readonly kind: 'paragraph'; readonly runs: InlineRun[]; readonly line: number; readonly variant: 'body' | 'quote' | 'list' }
  | { readonly kind: 'code'; readonly lines: string[]; readonly line: number }
  | { readonly kind: 'table'; readonly header: TableBlockCell[]; readonly rows: TableBlockCell[][]; readonly line: number }
  | { readonly kind: 'signature'; readonly lines: string[] }
  | { readonly kind: 'date'; readonly text: string };

/**
 * Front matter fields used by the layout, mapped as the preview maps them: title → title;
 * subtitle and author → centred lines under the title; unit → the signature at the end;
 * date → the date under the signature.
 */
export interface ReportMeta {
  readonly title: string | undefined;
  readonly subtitle: string | undefined;
  readonly unit: string | undefined;
  readonly author: string | undefined;
  readonly date: string | undefined;
}

const TOTAL_RE = /^(合计|总计|小计|共计|total)$/i;

export function reportMeta(model: ReportModel): ReportMeta {
  const data = model.frontMatter?.data ?? {};
  return { title: model.title?.text, subtitle: field(data['subtitle']), unit: field(data['unit']), author: field(data['author']), date: dateField(data['date']) };
}

function field(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s === '' ? undefined : s;
}

/** A YAML timestamp (2026-01-10) becomes 「2026年1月10日」, the way dates are written in reports. */
function dateField(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
  const s = field(v);
  return s === undefined ? undefined : formatDate(s);
}

/** Inline Markdown of one line of text as runs; raw HTML stays text (the parser has html off). */
export function inlineRuns(text: string): InlineRun[] {
  const runs: InlineRun[] = [];
  const children: Token[] = markdown().parseInline(text, {})[0]?.children ?? [];
  let bold = 0;
  let italic = 0;
  for (const tok of children) {
    switch (tok.type) {
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold = Math.max(0, bold - 1);
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic = Math.max(0, italic - 1);
        break;
      case 'code_inline':
        push(runs, { text: tok.content, code: true });
        break;
      case 'softbreak':
      case 'hardbreak':
        push(runs, { text: ' ' });
        break;
      case 'image':
        push(runs, { text: tok.content });
        break;
      default:
        if (tok.content) push(runs, { text: tok.content, bold: bold > 0, italic: italic > 0 });
    }
  }
  return runs;
}

function push(runs: InlineRun[], run: InlineRun): void {
  const prev = runs[runs.length - 1];
  const clean: InlineRun = { text: run.text, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italic: true } : {}), ...(run.code ? { code: true } : {}) };
  if (prev && !prev.code && !clean.code && !!prev.bold === !!clean.bold && !!prev.italic === !!clean.italic) {
    runs[runs.length - 1] = { ...prev, text: prev.text + clean.text };
  } else if (clean.text !== '') {
    runs.push(clean);
  }
}

/** Plain text of runs. */
export function runsText(runs: readonly InlineRun[]): string {
  return runs.map((r) => r.text).join('');
}

function headingText(model: ReportModel, h: Heading): string {
  const text = model.index.line(h.line).text;
  const from = h.marker ? h.markerRange.start.character : h.titleRange.start.character;
  if (h.runin) return text.slice(from, h.headingRange.end.character);
  let s = text.slice(from).trimEnd();
  if (h.mdDepth > 0) s = s.replace(/[ \t]+#+$/, '');
  return s;
}

function tableBlock(t: Table): ExportBlock {
  const totalCols = new Set<number>();
  t.header.forEach((c, i) => {
    if (TOTAL_RE.test(runsText(inlineRuns(c.text)).trim())) totalCols.add(i);
  });
  const header = t.header.map((c) => ({ runs: inlineRuns(c.text), total: false }));
  const rows = t.rows.map((row) => {
    const totalRow = row.some((c) => TOTAL_RE.test(runsText(inlineRuns(c.text)).trim()));
    return row.map((c, i) => ({ runs: inlineRuns(c.text), total: totalRow || totalCols.has(i) }));
  });
  return { kind: 'table', header, rows, line: t.startLine };
}

const LIST_RE = /^[-*+][ \t]+/;
const QUOTE_RE = /^[ \t\u3000]*(>[ \t]?)+/;

/** The layout blocks of a report, in document order. */
export function exportBlocks(model: ReportModel): ExportBlock[] {
  const blocks: ExportBlock[] = [];
  const meta = reportMeta(model);
  const title = model.title;
  if (title) blocks.push({ kind: 'title', text: title.text, line: title.line });
  for (const text of [meta.subtitle, meta.author]) if (text !== undefined) blocks.push({ kind: 'byline', text });
  const titleLine = title && title.source !== 'frontmatter' ? title.line : -1;

  const headings = new Map(model.headings.map((h) => [h.line, h]));
  const paragraphs = new Map(model.paragraphs.filter((p) => !p.runinOf).map((p) => [p.line, p]));
  const runinBodies = new Map(model.paragraphs.filter((p) => p.runinOf).map((p) => [p.line, p]));
  const tables = new Map(model.tables.map((t) => [t.startLine, t]));
  const fences = new Map(model.tokens.filter((t) => t.type === 'fence' && t.map).map((t) => [t.map?.[0] ?? -1, t]));

  for (let line = 0; line < model.index.lineCount; line++) {
    if (line === titleLine) continue;
    const kind = model.lineKinds[line];
    if (kind === 'heading') {
      const h = headings.get(line);
      if (h) {
        const body = runinBodies.get(line);
        // Styled by the level its marker implies (一、 Heading 1 …), by its depth when unnumbered.
        const level = Math.min(4, Math.max(1, h.markerLevel || h.level)) as 1 | 2 | 3 | 4;
        blocks.push({ kind: 'heading', level, heading: inlineRuns(headingText(model, h)), body: body ? inlineRuns(body.text) : [], line });
      } else {
        const text = model.index.line(line).text.replace(/^[ \t]*#+[ \t]*/, '').replace(/[ \t]+#+[ \t]*$/, '').trim();
        if (text) blocks.push({ kind: 'heading', level: 1, heading: inlineRuns(text), body: [], line });
      }
    } else if (kind === 'text') {
      const p = paragraphs.get(line);
      if (!p || p.text.trim() === '') continue;
      const list = LIST_RE.test(p.text);
      blocks.push({ kind: 'paragraph', runs: inlineRuns(list ? '• ' + p.text.replace(LIST_RE, '') : p.text), line, variant: list ? 'list' : 'body' });
    } else if (kind === 'table') {
      const t = tables.get(line);
      if (t) blocks.push(tableBlock(t));
    } else if (kind === 'code') {
      const fence = fences.get(line);
      if (fence) blocks.push({ kind: 'code', lines: fence.content.replace(/\n$/, '').split('\n'), line });
    } else if (kind === 'quote') {
      const text = model.index.line(line).text.replace(QUOTE_RE, '').trim();
      if (text) blocks.push({ kind: 'paragraph', runs: inlineRuns(text), line, variant: 'quote' });
    }
  }

  if (meta.unit !== undefined) blocks.push({ kind: 'signature', lines: [meta.unit] });
  if (meta.date) blocks.push({ kind: 'date', text: meta.date });
  return blocks;
}

/** Width of text in body characters: Latin letters, digits and ASCII punctuation count ½, everything else 1. */
export function textWidthChars(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x100 ? 0.5 : 1;
  return w;
}

/**
 * Right indents (in characters) of the signature and the date, GB/T 9704-2012 7.3.5.2 (no seal):
 * the signature ends two characters from the right margin and the date starts two characters to
 * the right of the signature's first character; when the date is longer, the date ends two
 * characters from the margin and the signature moves right.
 */
export function signatureLayout(signature: readonly string[], date: string | undefined): { signatureRight: number; dateRight: number } {
  const sig = Math.max(0, ...signature.map(textWidthChars));
  if (!date || sig === 0) return { signatureRight: 2, dateRight: 2 };
  const d = textWidthChars(date);
  const dateRight = Math.max(2, sig - d);
  return { signatureRight: dateRight + d + 2 - sig, dateRight };
}
