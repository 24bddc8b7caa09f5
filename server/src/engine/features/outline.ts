import { flattenSections } from '../model/sections';
import type { OutlineNode } from '../../../../common/protocol';
import type { Enumeration, ReportModel, Section } from '../model/types';

export type { OutlineNode };


const ENUM_NUMBER: Record<string, (marker: string) => string> = {
  shi: (m) => m.replace(/是$/, ''),
  di: (m) => m.replace(/[，、：,]$/, ''),
  order: (m) => m.replace(/[，,：:]$/, ''),
  paren: (m) => m.replace(/[（()）]/g, ''),
  circled: (m) => m,
};

function enumNodes(e: Enumeration, level: number): OutlineNode[] {
  const num = ENUM_NUMBER[e.family] ?? ((m: string) => m);
  return e.items.map((it) => ({
    kind: 'enumeration' as const,
    level,
    number: num(it.marker),
    marker: it.marker,
    title: it.label.slice(it.marker.length),
    line: it.line + 1,
    children: [],
  }));
}

export function outline(model: ReportModel): OutlineNode[] {
  const enums = new Map<Section | undefined, Enumeration[]>();
  for (const e of model.enumerations) enums.set(e.section, [...(enums.get(e.section) ?? []), e]);
  const convert = (s: Section): OutlineNode => {
    const children = [...s.children.map(convert), ...(enums.get(s) ?? []).flatMap((e) => enumNodes(e, s.level + 1))];
    children.sort((a, b) => a.line - b.line);
    const h = s.heading;
    return { kind: 'heading', level: h.level, number: h.number, marker: h.marker, title: h.title, line: h.line + 1, runin: h.runin, children };
  };
  const top = [...model.sections.map(convert), ...(enums.get(undefined) ?? []).flatMap((e) => enumNodes(e, 1))];
  top.sort((a, b) => a.line - b.line);
  return top;
}

/** Flat list of headings (for comparing with the truth files). */
export function flatHeadings(model: ReportModel): Array<{ level: number; number: string; marker: string; title: string; line: number; runin: boolean }> {
  return flattenSections(model.sections).map((s) => ({
    level: s.heading.level,
    number: s.heading.number,
    marker: s.heading.marker,
    title: s.heading.title,
    line: s.heading.line + 1,
    runin: s.heading.runin,
  }));
}
