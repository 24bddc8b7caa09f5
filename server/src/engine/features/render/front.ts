/**
 * Front matter as a real report shows it (documented in README, "Preview"):
 *   title    → the title, centred (2号 小标宋) at the top;
 *   subtitle → a line under the title, centred (楷体);
 *   author   → the author's line under the title, centred (楷体), as 述职报告 print the name;
 *   unit     → the signature (发文机关署名) at the end, right-aligned;
 *   date     → the date (成文日期) under the signature, written 2023年12月20日.
 */
import type { ReportModel } from '../../model/types';
import { GRID_CHARS, TITLE_CHARS, type Block, type FixedBlock, type ParaBlock } from './blocks';
import { escapeHtml, layoutLines } from './inline';

function field(model: ReportModel, key: string): string | undefined {
  const v = model.frontMatter?.data?.[key];
  if (v instanceof Date) return formatDate(v.toISOString().slice(0, 10));
  if (typeof v === 'string' || typeof v === 'number') {
    const s = String(v).trim();
    return s === '' ? undefined : s;
  }
  return undefined;
}

/** 2023-12-20, 2023/12/20, 2023.12.20 → 2023年12月20日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function formatDate(s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : s;
}

function fieldLine(model: ReportModel, key: string): number {
  const fm = model.frontMatter;
  if (!fm) return 0;
  for (let i = fm.startLine + 1; i < fm.endLine; i++) if (new RegExp(`^${key}[ \\t]*:`).test(model.index.line(i).text)) return i;
  return fm.startLine;
}

function lineBlock(model: ReportModel, key: string, cls: string, after: number): ParaBlock | undefined {
  const value = field(model, key);
  if (value === undefined) return undefined;
  const line = fieldLine(model, key);
  // Front matter values are plain text: a backslash before every Markdown punctuation keeps it literal.
  const text = value.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
  return { kind: 'para', line, endLine: line, tag: 'p', cls, pieces: [{ text }], indent: 0, cap: GRID_CHARS, after, keepWithNext: true };
}

/** Subtitle and author lines under the title. */
export function metaBlocks(model: ReportModel): ParaBlock[] {
  const sub = lineBlock(model, 'subtitle', 'report-subtitle', 0);
  const author = lineBlock(model, 'author', 'report-author', 0);
  const out = [sub, author].filter((b): b is ParaBlock => b !== undefined);
  const last = out[out.length - 1];
  if (last) out[out.length - 1] = { ...last, after: 1 };
  return out;
}

/** The title block at the top when the title comes from the front matter (else the body's title line does it). */
export function frontBlocks(model: ReportModel): Block[] {
  const t = model.title;
  if (!t) return metaBlocks(model);
  if (t.source !== 'frontmatter') return [];
  const meta = metaBlocks(model);
  const text = t.text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
  const title: ParaBlock = { kind: 'para', line: t.line, endLine: t.line, tag: 'h1', cls: 'report-title', pieces: [{ text }], indent: 0, cap: TITLE_CHARS, after: meta.length > 0 ? 0 : 1, keepWithNext: true };
  return [title, ...meta];
}

/** Signature and date at the end, after one blank line. */
export function signatureBlock(model: ReportModel): FixedBlock | undefined {
  const unit = field(model, 'unit');
  const date = field(model, 'date');
  if (unit === undefined && date === undefined) return undefined;
  const rows: string[] = [];
  let lines = 1;
  const line = fieldLine(model, unit !== undefined ? 'unit' : 'date');
  if (unit !== undefined) {
    rows.push(`<p class="report-sign-unit" data-line="${fieldLine(model, 'unit')}">${escapeHtml(unit)}</p>`);
    lines += layoutLines(unit, GRID_CHARS - 4, GRID_CHARS - 4).length;
  }
  if (date !== undefined) {
    rows.push(`<p class="report-sign-date" data-line="${fieldLine(model, 'date')}">${escapeHtml(formatDate(date))}</p>`);
    lines += 1;
  }
  return { kind: 'fixed', line, endLine: line, lines, html: `<div class="report-signature" data-line="${line}">${rows.join('')}</div>` };
}
