import type { TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../model/lines';
import { INDENT_RE, matchMarker } from '../model/markers';
import { buildModel } from '../model/parse';
import type { Heading, ReportModel } from '../model/types';
import { renumberMarker, siblingRuns } from '../model/sibling-runs';
import type { CancellationToken } from '../util/cancellation';
import { toChineseNumeral, toCircled } from '../util/numerals';
import { applyEdits } from './edits';

/**
 * The GB/T 9704-2012 form of a marker with the value it should have: 一、 （一） 1. （1）.
 * 「第一，」 and ① keep their form (they are a writer's choice, not a mistake); decimal numbers
 * are renumbered only. A 「3、」 whose title starts with a digit (「3、4月份…」) keeps its 、,
 * since 「3.4月份」 would read as a number.
 */
export function standardForm(h: Heading, value: number, titleStartsWithDigit: boolean): string {
  switch (h.style) {
    case 'cn-dun':
    case 'cn-dot':
    case 'cn-comma':
      return `${toChineseNumeral(value)}、`;
    case 'cn-paren':
    case 'cn-paren-half':
      return `（${toChineseNumeral(value)}）`;
    case 'cn-di':
      return `第${toChineseNumeral(value)}${h.marker.slice(-1)}`;
    case 'ar-dot':
    case 'ar-dun':
      return titleStartsWithDigit ? `${value}${h.marker.includes('、') ? '、' : '.'}` : `${value}.`;
    case 'ar-paren':
    case 'ar-paren-half':
    case 'ar-half-close':
      return `（${value}）`;
    case 'circled':
      return toCircled(value);
    case 'decimal':
      return renumberMarker(h, value);
    default:
      return h.marker;
  }
}

/**
 * Body lines such as 「3、4月份……」, which the model reads as a heading only when it continues a
 * list (model/headings.ts): renumbering the list before them can change that.
 */
function hasContextualLines(model: ReportModel): boolean {
  return model.index.lines.some((l) => model.lineKinds[l.index] === 'text' && matchMarker(l.text, INDENT_RE.exec(l.text)?.[0].length ?? 0)?.digitFollows === true);
}

/** A marker Markdown reads as an ordered list item: 「1.」「4)」. */
const ORDERED_ITEM = /^[0-9]{1,9}[.)]/;

/**
 * Edits that change such a marker: a Markdown ordered list interrupts a paragraph only when it
 * starts at 1 (CommonMark), so renumbering one can change the blocks around it.
 */
function changesListItems(model: ReportModel, edits: readonly TextEdit[]): boolean {
  return edits.some((e) => ORDERED_ITEM.test(e.newText) || ORDERED_ITEM.test(model.index.line(e.range.start.line).text.slice(e.range.start.character, e.range.end.character)));
}

/** Edits that turn the model's text into `text`, which has the same lines: one per changed line, around what changed. */
function lineEdits(model: ReportModel, text: string): TextEdit[] {
  const after = new LineIndex(text);
  const edits: TextEdit[] = [];
  for (let i = 0; i < model.index.lineCount; i++) {
    const a = model.index.line(i).text;
    const b = after.line(i).text;
    if (a === b) continue;
    let from = 0;
    while (from < a.length && from < b.length && a.charCodeAt(from) === b.charCodeAt(from)) from++;
    let end = 0;
    while (end < a.length - from && end < b.length - from && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
    edits.push({ range: model.index.range(i, from, a.length - end), newText: b.slice(from, b.length - end) });
  }
  return edits;
}

/**
 * Document formatting: renumbers every list of sibling headings 1, 2, 3… and writes each marker
 * in its standard form. Only marker ranges change; running it twice changes nothing more.
 */
export function formatEdits(model: ReportModel, token?: CancellationToken): TextEdit[] {
  const edits = formatPass(model, token);
  if (edits.length === 0 || !(hasContextualLines(model) || changesListItems(model, edits))) return edits;
  // Renumbering 「2、」 to 「1、」 before 「3、4月份」 can make 「2、4月份」 a heading of the list, and
  // renumbering 「4.」 to 「1.」 can start a Markdown list inside a paragraph, which changes the
  // levels of the headings below (both found by npm run fuzz: formatting was not idempotent):
  // format again until nothing changes (at most a few passes).
  let text = applyEdits(model.index, edits);
  for (let pass = 0; pass < 4; pass++) {
    const next = buildModel({ text, uri: model.uri, version: model.version });
    const more = formatPass(next, token);
    if (more.length === 0) break;
    text = applyEdits(next.index, more);
  }
  return lineEdits(model, text);
}

function formatPass(model: ReportModel, token?: CancellationToken): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const run of siblingRuns(model)) {
    if (token?.isCancellationRequested) return [];
    // One 「3、4月份」 keeps the 、 of the whole list (the model reads it as a heading only in a 、 list).
    const digitNext = run.headings.some((h) => /^[0-9０-９]/.test(model.index.line(h.line).text.slice(h.markerRange.end.character)));
    run.headings.forEach((h, k) => {
      // The model reads markers up to 99 only: 「一百、」 would stop being a heading (and the next
      // format would renumber its children again), so the 100th sibling on keeps its marker.
      if (k + 1 > 99) return;
      const text = standardForm(h, k + 1, digitNext);
      if (text !== h.marker) edits.push({ range: h.markerRange, newText: text });
    });
  }
  edits.sort((a, b) => a.range.start.line - b.range.start.line);
  return edits;
}
