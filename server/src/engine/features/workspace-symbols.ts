import type { CancellationToken } from '../util/cancellation';
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { flattenSections } from '../model/sections';
import type { ReportModel } from '../model/types';

/** Loose match used by editors: every query character appears in order (case-insensitive). */
export function fuzzyMatch(query: string, name: string): boolean {
  if (!query) return true;
  const q = [...query.toLowerCase().replace(/\s+/g, '')];
  const n = name.toLowerCase();
  let at = 0;
  for (const ch of q) {
    const found = n.indexOf(ch, at);
    if (found < 0) return false;
    at = found + ch.length;
  }
  return true;
}

/** Sections of many reports whose names match the query. */
export function workspaceSymbols(models: Iterable<ReportModel>, query: string, token?: CancellationToken, limit = 2000): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  for (const model of models) {
    for (const s of flattenSections(model.sections)) {
      if (token?.isCancellationRequested || out.length >= limit) return out;
      const name = `${s.heading.marker.trim()}${s.heading.title}`;
      if (!fuzzyMatch(query, name)) continue;
      const parent = s.parent;
      out.push({
        name,
        kind: s.level <= 1 ? SymbolKind.Namespace : s.level === 2 ? SymbolKind.Module : SymbolKind.Field,
        location: { uri: model.uri, range: s.heading.headingRange },
        ...(parent ? { containerName: `${parent.heading.marker.trim()}${parent.heading.title}` } : model.title ? { containerName: model.title.text } : {}),
      });
    }
  }
  return out;
}
