import { derivedCache } from './derived';
import type { Heading, ReportModel, Section } from './types';
import { CN_NUMERAL_CHARS, toChineseNumeral, toCircled } from '../util/numerals';

/**
 * Numbered sibling lists: the headings of one level directly under one parent (or at the top),
 * split where a second, separate list restarts on purpose.
 *
 * A restart is a heading numbered 1 that follows a list of at least two items and is itself
 * continued by a 2 (cnpack's survey 1、…5、 after the report's 1、…7、). A lone 1 after a list,
 * or a 1 after a single item, is a mistake of the list and stays in it. A heading that continues
 * the list before a restart and not the restarted one returns to it: the 1986 report numbers its
 * parts 一、…四、 and the sections of its parts 一、…五、 as well.
 */
export interface SiblingRun {
  readonly parent: Section | undefined;
  readonly level: number;
  readonly headings: readonly Heading[];
}

/** Headings that take part in numbering: numbered ones (not unnumbered Markdown headings). */
function numbered(h: Heading): boolean {
  return h.style !== 'none' && h.value > 0;
}

const CACHE = derivedCache<readonly SiblingRun[]>();

/** The numbered sibling lists of a model, in document order (memoised per model: three rules and formatting read them). */
export function siblingRuns(model: ReportModel): readonly SiblingRun[] {
  let runs = CACHE.get(model);
  if (!runs) CACHE.set(model, (runs = findSiblingRuns(model)));
  return runs;
}

function findSiblingRuns(model: ReportModel): SiblingRun[] {
  const runs: SiblingRun[] = [];
  const visit = (parent: Section | undefined, children: readonly Section[]): void => {
    if (children.length === 0) return;
    const byLevel = new Map<number, Heading[]>();
    for (const c of children) {
      if (!numbered(c.heading)) continue;
      const list = byLevel.get(c.level) ?? [];
      list.push(c.heading);
      byLevel.set(c.level, list);
    }
    for (const [level, list] of byLevel) for (const headings of splitRestarts(list)) runs.push({ parent, level, headings });
    for (const c of children) visit(c, c.children);
  };
  visit(undefined, model.sections);
  runs.sort((a, b) => (a.headings[0]?.line ?? 0) - (b.headings[0]?.line ?? 0));
  return runs;
}

/**
 * One level's numbered headings under one parent, split into the lists they make: a 1 after two
 * items or more that is continued by a 2 starts a list inside the current one; a number that
 * continues a list before a restart, and not the restarted one, returns to it (「三、」 after 「一、
 * 二、」 and a restarted 「一、…五、」); a copy of the current list's last heading stays in it, a duplicate.
 * Lists come out in the order they close.
 */
export function splitRestarts<T extends { readonly value: number; readonly style?: string; readonly title?: string }>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  const outer: T[][] = [];
  let current: T[] = [];
  list.forEach((h, i) => {
    const next = list[i + 1];
    if (current.length >= 2 && h.value === 1 && next?.value === 2) {
      outer.push(current);
      current = [];
    }
    const previous = current[current.length - 1];
    const last = previous?.value ?? 0;
    // (A copy of the current list's last heading, the same number, style and title, is a duplicate in
    // that list, which numbering-sequence reports: a 「（三）甲」 pasted twice after a restart does not go
    // back to an outer 「（一）（二）」. A 「三、乙」 after 「一、二、」 and 「一、…三、甲」 does, as it always did.)
    const staysInCurrent = last + 1 === h.value || (previous !== undefined && last === h.value && previous.style === h.style && previous.title !== undefined && previous.title === h.title);
    for (let k = outer.length - 1; k >= 0 && !staysInCurrent; k--) {
      const o = outer[k] as T[];
      if ((o[o.length - 1]?.value ?? 0) + 1 !== h.value) continue;
      if (current.length > 0) out.push(current);
      for (const inner of outer.splice(k + 1)) out.push(inner);
      current = outer.pop() as T[];
      break;
    }
    current.push(h);
  });
  for (const run of [...outer, current]) if (run.length > 0) out.push(run);
  return out;
}

const CN_RE = new RegExp(`[${CN_NUMERAL_CHARS}]+`);
const CIRCLED_RE = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/u;

function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x30 + 0xff10));
}

/**
 * The heading's marker with its number replaced by `value`, in the heading's own style: brackets,
 * punctuation and digit width kept (making a marker standard is numbering-style's fix, not a
 * renumbering's). The one marker rewriter: renumbering fixes, formatting and completion use it.
 * `dropExtraPunct` leaves out a stray mark after the brackets (the 、 of 「（一）、」), as a new marker should.
 */
export function renumberMarker(h: Heading, value: number, options: { dropExtraPunct?: boolean } = {}): string {
  const m = options.dropExtraPunct && h.extraPunct && h.marker.endsWith(h.extraPunct) ? h.marker.slice(0, -h.extraPunct.length) : h.marker;
  const digits = (n: number): string => (h.fullWidthDigits ? toFullWidthDigits(String(n)) : String(n));
  switch (h.style) {
    case 'cn-dun':
    case 'cn-dot':
    case 'cn-comma':
    case 'cn-paren':
    case 'cn-paren-half':
    case 'cn-di':
      return m.replace(CN_RE, toChineseNumeral(value));
    case 'circled':
      return m.replace(CIRCLED_RE, toCircled(value));
    case 'decimal':
      // The last part of 「1.2」 / 「1.2.」 / 「1 」.
      return m.replace(/[0-9０-９]+(?=[.．]?\s*$)/, () => digits(value));
    case 'none':
      return m;
    default:
      return m.replace(/[0-9０-９]+/, () => digits(value));
  }
}

/** The numeral part of a marker as a reader names it: 「（三）」 → 「（三）」, used in messages. */
export function displayMarker(h: Heading, value: number = h.value): string {
  return renumberMarker(h, value).trim();
}
