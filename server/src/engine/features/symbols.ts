import type { CancellationToken } from '../util/cancellation';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Enumeration, ReportModel, Section } from '../model/types';

function headingName(s: Section): string {
  const h = s.heading;
  const name = `${h.marker.trim()}${h.title}`;
  return name.length > 0 ? name : h.marker || '(untitled)';
}

function enumerationSymbols(enumerations: readonly Enumeration[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const e of enumerations) {
    for (const item of e.items) {
      out.push({
        name: item.label || item.marker,
        kind: SymbolKind.EnumMember,
        range: item.range,
        selectionRange: item.markerRange,
      });
    }
  }
  return out;
}

/** Hierarchical document symbols: sections nest; inline enumerations are children of their section. */
export function documentSymbols(model: ReportModel, token?: CancellationToken): DocumentSymbol[] {
  const bySection = new Map<Section | undefined, Enumeration[]>();
  for (const e of model.enumerations) {
    const list = bySection.get(e.section) ?? [];
    list.push(e);
    bySection.set(e.section, list);
  }
  const convert = (s: Section): DocumentSymbol => {
    const children = [...s.children.map(convert), ...enumerationSymbols(bySection.get(s) ?? [])];
    children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return {
      name: headingName(s),
      detail: s.heading.runin ? '' : undefined,
      kind: s.level <= 1 ? SymbolKind.Namespace : s.level === 2 ? SymbolKind.Module : SymbolKind.Field,
      range: s.range,
      selectionRange: s.heading.headingRange,
      children,
    };
  };
  if (token?.isCancellationRequested) return [];
  const top = [...model.sections.map(convert), ...enumerationSymbols(bySection.get(undefined) ?? [])];
  top.sort((a, b) => a.range.start.line - b.range.start.line);
  return top;
}
