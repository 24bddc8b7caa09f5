import type { LineIndex } from './lines';
import type { Heading, LineKind, Section } from './types';

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
      range: index.linesRange(heading.line, heading.line),
      endLine: heading.line,
    };
    if (parent) parent.children.push(section);
    else roots.push(section);
    stack.push(section);
    all.push(section);
  }
  // End of each section: the line before the next heading of the same or a higher level, minus trailing blanks.
  const lastLine = index.lineCount - 1;
  for (let i = 0; i < all.length; i++) {
    const s = all[i];
    if (!s) continue;
    let next = lastLine + 1;
    for (let j = i + 1; j < all.length; j++) {
      const other = all[j];
      if (other && other.level <= s.level) {
        next = other.heading.line;
        break;
      }
    }
    let end = next - 1;
    while (end > s.heading.line && kinds[end] === 'blank') end--;
    s.endLine = end;
    s.range = { start: { line: s.heading.line, character: s.heading.markerRange.start.character }, end: { line: end, character: index.line(end).text.length } };
  }
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

/** The innermost section containing a line. */
export function sectionAt(sections: readonly Section[], line: number): Section | undefined {
  let found: Section | undefined;
  let list = sections;
  for (;;) {
    const s = list.find((c) => c.heading.line <= line && line <= c.endLine);
    if (!s) return found;
    found = s;
    list = s.children;
  }
}
