import { markerFamily } from './headings';
import { inlinePlainText } from './inline-text';
import type { LineIndex } from './lines';
import type { Heading, Section } from './types';

/** How a numbered line ends: a sentence 「。」, a clause 「；」「，」, or anything else (a title). */
type Ending = 'sentence' | 'clause' | 'other';

const CLAUSE_INSIDE = /[，；：,;:]/;

function ending(index: LineIndex, h: Heading): Ending {
  const text = inlinePlainText(index.line(h.line).text.slice(h.titleRange.start.character)).replace(/[\s\u3000]+$/u, '');
  const last = text.slice(-1);
  if (last === '。') return 'sentence';
  return last === '；' || last === ';' || last === '，' || last === ',' ? 'clause' : 'other';
}

/**
 * A numbered line that could be an item of a list: a line of its own with no heading under it (the
 * last item may have one: the heading after a list is taken in by its last item).
 */
function itemLike(s: Section, last: boolean): boolean {
  const h = s.heading;
  return h.mdDepth === 0 && !h.runin && (last || s.children.length === 0) && h.style !== 'none' && h.style !== 'decimal';
}

/**
 * Whether a run of numbered siblings of one family is a list rather than headings: items that end
 * with 「；」 or 「，」 (a heading never does), or items that all end with 「。」 and are, most of them,
 * full sentences with clauses inside (a list of tasks 「一、完成系统迁移，保证业务平稳。」 one per
 * line; the 1982 report's 「一、固定资产投资总规模，……纳入国家计划。」). Short headings that end with
 * 「。」 (the 2004 report's 「第一，保护和提高粮食综合生产能力。」, 「（一）抓项目。」) stay headings.
 */
function isList(index: LineIndex, run: readonly Section[]): boolean {
  if (run.length < 2 || !run.every((s, i) => itemLike(s, i === run.length - 1))) return false;
  const endings = run.map((s) => ending(index, s.heading));
  if (endings.includes('other')) return false;
  if (endings.includes('clause')) return true;
  const sentences = run.filter((s) => CLAUSE_INSIDE.test(s.heading.title)).length;
  return 2 * sentences >= run.length;
}

/** The lines of numbered list items among the headings found: they are body text, not headings. */
export function listItemLines(sections: readonly Section[], index: LineIndex): Set<number> {
  const lines = new Set<number>();
  const visit = (children: readonly Section[]): void => {
    let run: Section[] = [];
    const close = (): void => {
      if (isList(index, run)) for (const s of run) lines.add(s.heading.line);
      run = [];
    };
    for (const s of children) {
      const prev = run[run.length - 1]?.heading;
      const h = s.heading;
      // A 1 starts another list after two items or more (as in sibling-runs) or after another number
      // (「二、」 then 「一、…」), a number not above the last ends one (「三、」 after 「一、二、三、」); a slip
      // in the numbers (「①」「①」 at the start, 「五、」「七、」) does not.
      const restart = h.value === 1 ? run.length >= 2 || prev?.value !== 1 : h.value <= (prev?.value ?? 0);
      const continues = prev !== undefined && !restart && prev.level === h.level && markerFamily(prev.style) === markerFamily(h.style);
      if (!continues) close();
      run.push(s);
      visit(s.children);
    }
    close();
  };
  visit(sections);
  return lines;
}
