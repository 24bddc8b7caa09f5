import type { LineIndex } from './lines';
import type { Heading, LineKind, Section } from './types';
import { memoTable } from '../util/memo-table';

/** The range of a section not closed yet (every section is closed before buildSections returns). */
const UNCLOSED = Object.freeze({ start: Object.freeze({ line: 0, character: 0 }), end: Object.freeze({ line: 0, character: 0 }) });

/**
 * Nests headings into sections: a section spans from its heading to the next heading of the
 * same or a higher level. Skipped levels (一、 then 1.) still nest under the nearest shallower heading.
 */
export function buildSections(headings: readonly Heading[], index: LineIndex, kinds: readonly LineKind[]): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  const all: Section[] = [];
  for (const heading of headings) {
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= heading.level) stack.pop();
    const parent = stack[stack.length - 1];
    const section: Section = {
      heading,
      level: heading.level,
      parent,
      children: [],
      range: UNCLOSED, // (set when the section is closed, below)
      endLine: heading.line,
    };
    if (parent) parent.children.push(section);
    else roots.push(section);
    stack.push(section);
    all.push(section);
  }
  // End of each section: the line before the next heading of the same or a higher level, minus
  // trailing blanks. A section is closed when such a heading comes (one stack: linear in headings).
  const lastLine = index.lineCount - 1;
  const open: Section[] = [];
  const close = (s: Section, next: number): void => {
    let end = next - 1;
    while (end > s.heading.line && kinds[end] === 'blank') end--;
    s.endLine = end;
    s.range = { start: s.heading.markerRange.start, end: { line: end, character: index.line(end).text.length } };
  };
  for (const s of all) {
    for (let top = open[open.length - 1]; top && top.level >= s.level; top = open[open.length - 1]) close(open.pop() as Section, s.heading.line);
    open.push(s);
  }
  for (let top = open.pop(); top; top = open.pop()) close(top, lastLine + 1);
  return roots;
}

/** Every section in document order. */
export function flattenSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: readonly Section[]): void => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

/** Every section in document order (the order of their headings), per list of top-level sections. */
const ORDERED = memoTable<readonly Section[], { sections: Section[]; lines: Int32Array }>();

function ordered(sections: readonly Section[]): { sections: Section[]; lines: Int32Array } {
  let o = ORDERED.get(sections);
  if (!o) {
    const flat = flattenSections(sections);
    o = { sections: flat, lines: Int32Array.from(flat, (s) => s.heading.line) };
    ORDERED.set(sections, o);
  }
  return o;
}

/**
 * The innermost section containing a line. Logarithmic (rules ask for every paragraph and every
 * figure): the last section whose heading is at or above the line, or the nearest of its ancestors
 * that reaches the line — a section's descendants lie within it, and siblings do not overlap.
 * The list is a model's top-level sections, which never change once built.
 */
export function sectionAt(sections: readonly Section[], line: number): Section | undefined {
  const { sections: flat, lines } = ordered(sections);
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lines[mid] ?? 0) <= line) lo = mid + 1;
    else hi = mid;
  }
  for (let s = flat[lo - 1]; s; s = s.parent) if (line <= s.endLine) return s;
  return undefined;
}
