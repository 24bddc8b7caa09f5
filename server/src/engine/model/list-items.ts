import { enumerationMarkers } from './enumerations';
import { markerFamily } from './headings';
import { splitRestarts } from './sibling-runs';
import { inlinePlainText } from './inline-text';
import type { LineIndex } from './lines';
import { placeTable, type TextMemo } from './memo';
import type { EnumerationFamily, Heading, MarkerStyle, Section } from './types';

/** How a numbered line ends: a sentence 「。」, a clause 「；」「，」, or anything else (a title). */
type Ending = 'sentence' | 'clause' | 'other';

const CLAUSE_INSIDE = /[，；：,;:]/;

function ending(index: LineIndex, h: Heading, memo: TextMemo | undefined): Ending {
  const line = index.line(h.line).text;
  const from = h.titleRange.start.character;
  // (Kept per line text and title column from one version to the next.)
  return memo ? memo.get(placeTable('ending', from), line, () => endingOf(line, from)) : endingOf(line, from);
}

function endingOf(line: string, from: number): Ending {
  const text = inlinePlainText(line.slice(from)).replace(/[\s\u3000]+$/u, '');
  const last = text.slice(-1);
  if (last === '。') return 'sentence';
  return last === '；' || last === ';' || last === '，' || last === ',' ? 'clause' : 'other';
}

/**
 * A numbered line that could be an item of a list: a line of its own (not run-in, not a `#`
 * heading) with no heading under it; the last item may have one (the heading after a list is taken
 * in by its last item).
 */
function itemLike(s: Section, last: boolean): boolean {
  const h = s.heading;
  return h.mdDepth === 0 && !h.runin && (last || s.children.length === 0) && h.style !== 'none' && h.style !== 'decimal';
}

/**
 * Whether a list of numbered siblings is a list of items rather than of headings: every item a line
 * of its own that ends like a sentence or a clause, and either some end with 「；」 or 「，」 (a heading
 * never does) or they end with 「。」 and most of them are full sentences with clauses inside (a list
 * of tasks 「一、完成系统迁移，保证业务平稳。」 one per line; the 1982 report's 「一、固定资产投资总规模，
 * ……纳入国家计划。」). Short headings that end with 「。」 (the 2004 report's 「第一，保护和提高粮食综合
 * 生产能力。」, 「（一）抓项目。」) and lists with run-in or titled members (the cnpack summary's 1、…5、)
 * stay headings.
 */
function isList(index: LineIndex, run: readonly Section[], memo: TextMemo | undefined): boolean {
  if (run.length < 2 || !run.every((s, i) => itemLike(s, i === run.length - 1))) return false;
  const endings = run.map((s) => ending(index, s.heading, memo));
  if (endings.includes('other')) return false;
  if (endings.includes('clause')) return true;
  const sentences = run.filter((s) => CLAUSE_INSIDE.test(s.heading.title)).length;
  return 2 * sentences >= run.length;
}

/** The prefixes of goesOn's memo tables, per family (made once). */
const GOES_ON: Partial<Record<EnumerationFamily, string>> = {};

/** The inline enumeration family a numbering marker's style also belongs to. */
const ENUMERATION_FAMILY: Partial<Record<MarkerStyle, EnumerationFamily>> = { 'ar-paren': 'paren', 'ar-paren-half': 'paren', circled: 'circled', 'cn-di': 'di' };

/**
 * A numbered line that goes on with more items of its own kind (「（1）全面加强学习；（2）建设队伍；（3）……」,
 * 「第一，……；第二，……」): the line is an enumeration, not a heading with a run-in title. (Whatever
 * their numbers: renumbering them, as the fixes do, must not make the line a heading.)
 */
function goesOn(index: LineIndex, h: Heading, memo: TextMemo | undefined): boolean {
  const family = ENUMERATION_FAMILY[h.style];
  if (!family || h.mdDepth !== 0) return false;
  const line = index.line(h.line).text;
  const from = h.markerRange.end.character;
  const read = (): boolean => enumerationMarkers(line.slice(from)).some((m) => m.family === family);
  // (Kept per line text, marker end and family from one version to the next.)
  return memo ? memo.get(placeTable((GOES_ON[family] ??= `goes-on-${family}`), from), line, read) : read();
}

/**
 * The lines of numbered list items among the headings found: they are body text, not headings.
 * A list is a run of siblings of one level and one family that follow one another, split where a
 * list restarts as sibling-runs splits them (so that renumbering a list, as Format Document does,
 * never turns its items into headings or back).
 */
export function listItemLines(sections: readonly Section[], index: LineIndex, memo?: TextMemo): Set<number> {
  const lines = new Set<number>();
  const visit = (children: readonly Section[]): void => {
    let group: Section[] = [];
    const close = (): void => {
      // (A list has two items at least: a group of one is none.)
      if (group.length < 2) {
        group = [];
        return;
      }
      const byHeading = new Map(group.map((s) => [s.heading, s]));
      for (const run of splitRestarts(group.map((s) => s.heading))) {
        const sections = run.map((h) => byHeading.get(h) as Section).sort((a, b) => a.heading.line - b.heading.line);
        if (isList(index, sections, memo)) for (const s of sections) lines.add(s.heading.line);
      }
      group = [];
    };
    for (const s of children) {
      const prev = group[group.length - 1]?.heading;
      const h = s.heading;
      if (goesOn(index, h, memo)) lines.add(h.line);
      if (prev && (prev.level !== h.level || markerFamily(prev.style) !== markerFamily(h.style))) close();
      group.push(s);
      visit(s.children);
    }
    close();
  };
  visit(sections);
  return lines;
}
