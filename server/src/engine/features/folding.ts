import type { CancellationToken } from '../util/cancellation';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { flattenSections } from '../model/sections';
import type { ReportModel } from '../model/types';

/** Folding ranges: sections, front matter, tables and fenced code. */
export function foldingRanges(model: ReportModel, token?: CancellationToken): FoldingRange[] {
  const out: FoldingRange[] = [];
  if (model.frontMatter?.terminated && model.frontMatter.endLine > model.frontMatter.startLine) {
    out.push({ startLine: model.frontMatter.startLine, endLine: model.frontMatter.endLine, kind: FoldingRangeKind.Region });
  }
  for (const s of flattenSections(model.sections)) {
    if (token?.isCancellationRequested) return [];
    if (s.endLine > s.heading.line) out.push({ startLine: s.heading.line, endLine: s.endLine });
  }
  for (const t of model.tables) {
    if (t.endLine > t.startLine) out.push({ startLine: t.startLine, endLine: t.endLine });
  }
  for (const tok of model.tokens) {
    if (tok.type === 'fence' && tok.map && tok.map[1] - 1 > tok.map[0]) out.push({ startLine: tok.map[0], endLine: tok.map[1] - 1 });
  }
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}
