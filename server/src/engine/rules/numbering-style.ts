import { t } from '../i18n';
import type { TextEdit } from 'vscode-languageserver-types';
import { markerFamily } from '../model/headings';
import type { Heading, MarkerStyle, ReportModel, Section } from '../model/types';
import { buildModel } from '../model/parse';
import { applyEdits } from '../features/edits';
import { CN_NUMERAL_CHARS, toAsciiDigits, toChineseNumeral } from '../util/numerals';
import { level1PeriodJudged, removePeriod } from './heading-punctuation';
import { siblingRuns, type SiblingRun } from '../model/sibling-runs';
import { defineRule, type Finding } from './types';

const CN_RUN = new RegExp(`[${CN_NUMERAL_CHARS}]+`, 'g');
const ARABIC: ReadonlySet<MarkerStyle> = new Set(['ar-dot', 'ar-dun', 'ar-paren', 'ar-paren-half', 'ar-half-close']);

/** The parent heading of every heading, by lines (-1 at the top). */
function outlineShape(model: ReportModel): string {
  const out: string[] = [];
  const walk = (sections: readonly Section[], parent: number): void => {
    for (const s of sections) {
      out.push(`${s.heading.line}<${parent}`);
      walk(s.children, s.heading.line);
    }
  };
  walk(model.sections, -1);
  return out.join(',');
}

/** After `edits` (which change markers, not lines), every heading is still a heading under the same parent. */
function keepsOutline(model: ReportModel, edits: readonly TextEdit[]): boolean {
  return outlineShape(buildModel({ text: applyEdits(model.index, edits) })) === outlineShape(model);
}

/** What is wrong with a marker on its own, and its corrected form (width and punctuation only). */
export function correctedMarker(h: Heading): { text: string; reason: string } | undefined {
  const n = toAsciiDigits(h.number);
  switch (h.style) {
    case 'cn-paren-half':
      return { text: `（${n}）`, reason: t('half-width brackets around a Chinese numeral') };
    case 'cn-dot':
    case 'cn-comma':
      return { text: `${n}、`, reason: t('a level-1 number is followed by "、"') };
    default:
      break;
  }
  if (h.extraPunct) {
    const text = toAsciiDigits(h.marker.slice(0, h.marker.length - h.extraPunct.length));
    return { text, reason: t('no "{0}" after a bracketed number', h.extraPunct) };
  }
  if (h.fullWidthDigits) return { text: toAsciiDigits(h.marker), reason: t('full-width digits') };
  return undefined;
}

/** How a marker is written, numeral aside: 「(三)」 → 「(N)」, 「（１２）」 → 「（Ｎ）」, 「五.」 → 「N.」. */
function writtenShape(h: Heading): string {
  return h.marker.trim().replace(CN_RUN, 'N').replace(/[0-9]+/g, 'N').replace(/[０-９]+/g, 'Ｎ');
}

/**
 * Non-standard markers that are the document's own style: every heading of their family (「(一)」 with
 * 「（一）」, 「一.」 with 「一、」) is written the same non-standard way, two headings at least. Such a
 * style is one finding at its first heading, with a fix for all; an odd one among standard siblings
 * is a finding of its own.
 */
function documentStyles(model: ReportModel, flawed: readonly Heading[]): Map<Heading, Heading[]> {
  const out = new Map<Heading, Heading[]>();
  const flawedSet = new Set(flawed);
  const byFamily = new Map<string, Heading[]>();
  for (const h of model.headings) {
    if (h.style === 'none' || h.value === 0) continue;
    const family = markerFamily(h.style);
    const list = byFamily.get(family);
    if (list) list.push(h);
    else byFamily.set(family, [h]);
  }
  for (const list of byFamily.values()) {
    if (list.length < 2 || !list.every((h) => flawedSet.has(h))) continue;
    const shape = writtenShape(list[0] as Heading);
    if (!list.every((h) => writtenShape(h) === shape)) continue;
    for (const h of list) out.set(h, list);
  }
  return out;
}

/** A line that opens a Markdown ordered list item: 「12. 」, 「3) 」 (ASCII digits, then a space or the line's end). */
const OPENS_ORDERED_ITEM = /^[ \t]{0,3}[0-9]{1,9}[.)](?:[ \t]|$)/;
/**
 * Lines read the same below a list item's first line as below a paragraph's: text (lazy lines of
 * either), headings and rules (「***」, 「---」: they end either, and an underline under a lazy line
 * is no setext title).
 */
const SAME_IN_A_LIST: ReadonlySet<string> = new Set(['text', 'heading', 'hr']);

/**
 * Whether writing `marker` for the heading's could change how Markdown reads the lines around it:
 * 「１２. 」 is paragraph text, 「12. 」 opens a list item, which takes in the lines below it up to a
 * blank line (a table that interrupted the paragraph becomes lazy text of the item) and the
 * indented lines after that blank. Then the fix is not offered: the finding stays, and the writer
 * decides what the lines below are.
 */
function opensListBelow(model: ReportModel, h: Heading, marker: string): boolean {
  const text = model.index.line(h.line).text;
  const next = text.slice(0, h.markerRange.start.character) + marker + text.slice(h.markerRange.end.character);
  if (!OPENS_ORDERED_ITEM.test(next) || OPENS_ORDERED_ITEM.test(text)) return false;
  const kinds = model.lineKinds;
  let line = h.line + 1;
  for (; line < kinds.length && kinds[line] !== 'blank'; line++) if (!SAME_IN_A_LIST.has(kinds[line] ?? 'text')) return true;
  while (line < kinds.length && kinds[line] === 'blank') line++;
  // An item's content starts after its marker and one space: a line indented that far goes on with it.
  const indent = /^[ \t]*/.exec(line < kinds.length ? model.index.line(line).text : '')?.[0].length ?? 0;
  return line < kinds.length && indent >= h.markerRange.start.character + marker.length + 1;
}

/** The marker with its digits replaced by N: 「1、」 → 「N、」, so siblings can be compared. */
function shape(marker: string): string {
  return toAsciiDigits(marker).replace(/[0-9]+/, 'N');
}

const STANDARD_SHAPE: Record<number, string> = { 3: 'N.', 4: '（N）' };

/** Arabic siblings written in two ways (「1、」 among 「1.」): the minority follows the majority. */
function inconsistent(run: SiblingRun): Map<Heading, string> {
  const out = new Map<Heading, string>();
  const arabic = run.headings.filter((h) => ARABIC.has(h.style));
  const counts = new Map<string, number>();
  for (const h of arabic) {
    const s = shape(correctedMarker(h)?.text ?? h.marker);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  if (counts.size < 2) return out;
  const best = Math.max(...counts.values());
  const tied = [...counts.entries()].filter(([, c]) => c === best).map(([s]) => s);
  const std = STANDARD_SHAPE[run.level];
  const majority = std && tied.includes(std) ? std : (tied[0] ?? '');
  for (const h of arabic) {
    const s = shape(correctedMarker(h)?.text ?? h.marker);
    if (s !== majority) out.set(h, majority.replace('N', toAsciiDigits(h.number)));
  }
  return out;
}

/**
 * Markers that do not follow GB/T 9704-2012 (一、 （一） 1. （1）) or differ from their siblings:
 * 「(一)」, 「一.」, 「一，」, 「（一）、」, full-width digits, 「1、」 mixed with 「1.」 in one list,
 * Arabic numbers for the top level of a multi-level outline.
 */
export const numberingStyle = defineRule({
  id: 'numbering-style',
  defaultSeverity: 'warning',
  description: {
    en: 'Markers not in the GB/T 9704-2012 form or unlike their siblings: `(一)`, `一.`, `（一）、`, full-width digits, `1、` among `1.`.',
    zh: '编号写法不符合 GB/T 9704-2012，或与同级标题不一致。',
  },
  tags: ['structure'],
  fixable: 'safe',
  options: {},
  check(model, _options, token) {
    const out: Finding[] = [];
    const mixed = new Map<Heading, string>();
    /** Top-level Arabic headings → their list: converting one alone would break the list's sequence. */
    const topArabic = new Map<Heading, Heading[]>();
    const hasChildren = new Set(model.sections.filter((s) => s.children.length > 0).map((s) => s.heading));
    // Converted only when that keeps the outline: a numbered top-level heading after the list's first
    // that is not in it (「九.」 joins the new level-1 list, 「（一）」, 「6.12.5」 or a restarted second
    // list is taken in by it) means the list is not the outline's top level.
    const topNumbered = model.sections.map((s) => s.heading).filter((h) => h.style !== 'none' && h.value > 0);
    for (const run of siblingRuns(model)) {
      for (const [h, text] of inconsistent(run)) mixed.set(h, text);
      // Only Chinese titles: an English half of a bilingual report numbers its parts 1. 2. on purpose.
      // Not `#` headings: in Markdown the writer gives the levels with `#`, and 「## 1、」 chapters are its own convention.
      const arabic = run.headings.filter((h) => ARABIC.has(h.style) && h.mdDepth === 0);
      const alone = (first: Heading | undefined): boolean => topNumbered.every((h) => h.line < (first?.line ?? 0) || arabic.includes(h));
      if (run.parent === undefined && alone(arabic[0]) && arabic.some((h) => hasChildren.has(h) && /[\u3400-\u9fff]/u.test(h.title))) {
        for (const h of arabic) topArabic.set(h, arabic);
      }
    }
    const own: Array<{ h: Heading; fix: { text: string; reason: string }; edits: TextEdit[]; preferred: boolean; top: Heading[] | undefined }> = [];
    for (const h of model.headings) {
      if (token?.isCancellationRequested) return [];
      let fix = correctedMarker(h);
      let preferred = true;
      const sibling = mixed.get(h);
      // The sibling form is built from the corrected marker, so it cures both (one fix, not two in a row).
      if (sibling) fix = { text: sibling, reason: t('its siblings are written "{0}"', sibling.replace(/[0-9]+/, 'N')) };
      // Checked last and wins: its Chinese numeral also cures width and punctuation (one fix, not two in a row).
      const top = topArabic.get(h);
      if (top) {
        fix = { text: `${toChineseNumeral(h.value)}、`, reason: t('level-1 headings are numbered with Chinese numerals') };
        preferred = false;
      }
      if (!fix || fix.text === h.marker) continue;
      // A stand-alone level-1 heading takes no 「。」 (heading-punctuation): the headings that become
      // level 1 lose it in the same fix.
      const edits = top
        ? top.flatMap((g) => [{ range: g.markerRange, newText: `${toChineseNumeral(g.value)}、` }, ...(g.runin || !level1PeriodJudged(model, top) ? [] : (removePeriod(g) ?? []))])
        : opensListBelow(model, h, fix.text)
          ? []
          : [{ range: h.markerRange, newText: fix.text }];
      own.push({ h, fix, edits, preferred, top });
    }
    const styles = documentStyles(model, own.filter((o) => !o.top && !mixed.has(o.h)).map((o) => o.h));
    const reported = new Set<Heading[]>();
    for (const o of own) {
      const { h, fix, edits, preferred, top } = o;
      if (top) {
        // One finding for the list: its fix changes all of it.
        if (reported.has(top)) continue;
        reported.add(top);
        out.push({
          range: h.markerRange,
          message: t('Non-standard numbering "{0}" ({1}): write "{2}".', h.marker, fix.reason, fix.text),
          // (Offered when the headings keep their places in the outline: the new level-1 markers change the
          // levels read below them, which may take a heading into another's section.)
          fixes: keepsOutline(model, edits) ? [{ title: t('Number the {0} top-level headings with Chinese numerals (一、二、…)', top.length), edits, preferred }] : [],
        });
        continue;
      }
      const style = styles.get(h);
      if (style) {
        if (style[0] !== h) continue;
        const each = style.map((g) => own.find((x) => x.h === g)?.edits ?? []);
        // (All of them or none: changing some would leave the document in two styles.)
        const all = each.some((e) => e.length === 0) ? [] : each.flat();
        out.push({
          range: h.markerRange,
          message: t('This document writes "{0}" as "{1}" throughout ({2} headings, {3}): write "{0}".', fix.text, h.marker, style.length, fix.reason),
          fixes: all.length === 0 ? [] : [{ title: t('Change all {0} headings written "{1}" to "{2}"', style.length, h.marker, fix.text), edits: all, preferred: true }],
          related: style.slice(1).map((g) => ({ location: { uri: model.uri, range: g.markerRange }, message: t('also written "{0}"', g.marker) })),
        });
        continue;
      }
      out.push({
        range: h.markerRange,
        message: t('Non-standard numbering "{0}" ({1}): write "{2}".', h.marker, fix.reason, fix.text),
        fixes: edits.length === 0 ? [] : [{ title: t('Change "{0}" to "{1}"', h.marker, fix.text), edits, preferred }],
      });
    }
    return out;
  },
});
