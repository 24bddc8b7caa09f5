import type { TextEdit } from 'vscode-languageserver-types';
import { t } from '../i18n';
import { markerFamily } from '../model/headings';
import type { Heading, ReportModel, Section } from '../model/types';
import { displayMarker, renumberMarker, siblingRuns, type SiblingRun } from '../model/sibling-runs';
import { defineRule, type Finding, type Fix } from './types';

/** Edits that renumber a run from position `from` on, so that it counts up from `startValue`. */
export function renumberEdits(run: SiblingRun, from: number, startValue: number): TextEdit[] {
  const edits: TextEdit[] = [];
  run.headings.slice(from).forEach((h, k) => {
    const want = startValue + k;
    const text = renumberMarker(h, want);
    if (text !== h.marker) edits.push({ range: h.markerRange, newText: text });
  });
  return edits;
}

function message(kind: 'start' | 'gap' | 'duplicate' | 'order', expected: string, actual: string): string {
  switch (kind) {
    case 'start':
      return t('The list does not start at 1: expected "{0}" here, found "{1}".', expected, actual);
    case 'gap':
      return t('A number is skipped: expected "{0}" here, found "{1}".', expected, actual);
    case 'duplicate':
      return t('Duplicate number: expected "{0}" here, found "{1}" again.', expected, actual);
    default:
      return t('Out of order: expected "{0}" here, found "{1}".', expected, actual);
  }
}

/**
 * A list that seems to start at N continues an earlier list whose last heading is N−1 and is a sibling of
 * one of its ancestors: the outline put it a level too deep. The 1981 report numbers its three parts
 * （一）（二）（三） and the ten points of part （二） 一、…十、, so 「（三）我国经济发展的前景」 after 十、 reads as
 * the first of a list under 十、. (A list under another parent of the same level restarts: the 5月份 plan's
 * 2、 after the 1、 of the part before it is a list without its 1、.)
 */
function continuesEarlierList(model: ReportModel, h: Heading, sectionOf: ReadonlyMap<Heading, Section>): boolean {
  const family = markerFamily(h.style);
  let earlier: Heading | undefined;
  for (const x of model.headings) if (x.line < h.line && markerFamily(x.style) === family) earlier = x;
  if (!earlier || earlier.value !== h.value - 1) return false;
  const parentOfEarlier = sectionOf.get(earlier)?.parent;
  for (let a = sectionOf.get(h)?.parent; a !== undefined; a = a.parent) if (a.parent === parentOfEarlier) return true;
  return false;
}

/** The section of every heading. */
function sectionsByHeading(model: ReportModel): Map<Heading, Section> {
  const out = new Map<Heading, Section>();
  const walk = (list: readonly Section[]): void => {
    for (const s of list) {
      out.set(s.heading, s);
      walk(s.children);
    }
  };
  walk(model.sections);
  return out;
}

/**
 * Siblings of one level under one parent must count 1, 2, 3…: a gap （二）→（四）, a duplicate,
 * an order mistake or a list that does not start at 1 is reported once where it happens; the
 * count then continues from the number found, so one slip gives one warning.
 */
export const numberingSequence = defineRule({
  id: 'numbering-sequence',
  defaultSeverity: 'warning',
  description: {
    en: 'A skipped, repeated or reordered number among sibling headings (（二） then （四）); a list that restarts on purpose is fine.',
    zh: '同一层级的标题编号跳号、重号或顺序颠倒。',
  },
  tags: ['structure'],
  fixable: 'safe',
  options: {},
  check(model, _options, token) {
    const out: Finding[] = [];
    let sections: Map<Heading, Section> | undefined;
    for (const run of siblingRuns(model)) {
      if (token?.isCancellationRequested) return [];
      let expected = 1;
      let first = true;
      const seen = new Set<number>();
      const head = run.headings[0];
      if (head && head.value > 1 && continuesEarlierList(model, head, (sections ??= sectionsByHeading(model)))) expected = head.value;
      run.headings.forEach((h: Heading, i) => {
        if (h.value !== expected) {
          const kind = i === 0 ? 'start' : seen.has(h.value) ? 'duplicate' : h.value > expected ? 'gap' : 'order';
          const want = displayMarker(h, expected);
          const from = expected;
          const fix: Fix = {
            title: t('Renumber from here: "{0}" and the following headings', want),
            // Built on demand: built eagerly, k findings in a run of n headings cost k·n edits (fuzz: 5,000 headings took seconds).
            get edits(): TextEdit[] {
              return renumberEdits(run, i, from);
            },
            // The first fix of a list renumbers all of the rest: fix-all applies that one only.
            preferred: first,
          };
          first = false;
          const prev = run.headings[i - 1];
          out.push({
            range: h.markerRange,
            message: message(kind, want, h.marker.trim()),
            fixes: [fix],
            ...(prev ? { related: [{ location: { uri: model.uri, range: prev.markerRange }, message: t('previous heading of this level') }] } : {}),
          });
          expected = h.value;
        }
        seen.add(h.value);
        expected++;
      });
    }
    return out;
  },
});
