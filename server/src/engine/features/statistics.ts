import type { FigureEntry, ReportStatistics } from '../../../../common/protocol';
import { figuresOf } from '../model/figures';
import { sectionAt } from '../model/sections';
import { sentencesOf } from '../model/statements';
import type { ReportModel, Section } from '../model/types';

export type { FigureEntry, ReportStatistics };

const label = (s: Section): string => `${s.heading.marker.trim()}${s.heading.title}`;

/** Every figure with its unit, section and context (the `report/statistics` request, `report-check --stats`). */
export function statistics(model: ReportModel): ReportStatistics {
  const contexts = new Map<unknown, string>();
  for (const s of sentencesOf(model)) for (const f of s.figures) contexts.set(f, window(s.text, f.from - s.start, f.to - s.start));
  const counts: Record<string, number> = {};
  const figures = figuresOf(model).all.map((f): FigureEntry => {
    const path: string[] = [];
    const inner = sectionAt(model.sections, f.line);
    for (let s: Section | undefined = inner; s; s = s.parent) path.unshift(label(s));
    counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    const context = contexts.get(f) ?? model.index.line(f.line).text.trim().slice(0, 120);
    return {
      text: f.text,
      value: f.value,
      unit: f.unit,
      kind: f.kind,
      approx: f.approx,
      qualifier: f.qualifier,
      range: f.range,
      section: path,
      sectionLine: inner ? inner.heading.line : -1,
      context,
    };
  });
  return { uri: model.uri, title: model.title ? model.title.text : null, figures, counts };
}

/** The sentence around a figure, cut to about 120 characters with the figure in view. */
function window(text: string, from: number, to: number): string {
  if (text.length <= 120) return text.trim();
  const start = Math.max(0, Math.min(from - 50, text.length - 120));
  const end = Math.min(text.length, Math.max(to + 50, start + 120));
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
