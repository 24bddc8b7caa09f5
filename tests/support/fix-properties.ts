/**
 * Properties of the editing features (formatting, quick fixes), checked when the engine has them:
 * formatting is idempotent, and applying an offered fix removes that diagnostic without adding a
 * diagnostic of a structure rule. Shared by tests/unit/fuzz-fixes.test.ts and scripts/fuzz.ts.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { applyEdits, buildModel, DEFAULT_CONFIG, fixAllOf, formatEdits, runRules, type ReportModel, type RuleDiagnostic } from '../../server/src/engine';
import { describeInput } from './engine-properties';

/**
 * The structure rules (issue 3) that judge the outline: a fix must never add one of theirs. The
 * lexical rules (stray-marker, placeholder, punctuation-width) are left out: they judge characters
 * and their neighbours, and removing junk next to them can rightly reveal one (「首先，##paidbegin##;」
 * → 「首先，;」 shows the half-width 「;」 in a Chinese sentence).
 */
export const STRUCTURE_RULES = new Set(['numbering-sequence', 'numbering-style', 'heading-punctuation', 'enumeration-sequence']);

const model = (text: string): ReportModel => buildModel({ text, uri: 'file:///fuzz.report.md', version: 1 });

/** Formatting once more changes nothing. */
export function checkFormatIdempotent(text: string): boolean {
  const first = model(text);
  const once = applyEdits(first.index, formatEdits(first));
  const second = model(once);
  const twice = applyEdits(second.index, formatEdits(second));
  if (twice !== once) throw new Error(`formatting is not idempotent:\n once: ${describeInput(once, 300)}\ntwice: ${describeInput(twice, 300)}`);
  return true;
}

/** Where an offset of the original text is after the edits (an offset inside an edit goes to its start). */
function mapOffset(offset: number, m: ReportModel, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const e of edits) {
    const from = m.index.offsetAt(e.range.start);
    const to = m.index.offsetAt(e.range.end);
    if (to <= offset && from < offset) shift += e.newText.length - (to - from);
    else if (from < offset && offset < to) return from + shift;
  }
  return offset + shift;
}

function countByRule(found: readonly RuleDiagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of found) counts.set(d.rule.id, (counts.get(d.rule.id) ?? 0) + 1);
  return counts;
}

/**
 * Applies up to `limit` offered fixes (each on its own to the original text) and checks that the
 * diagnostic is gone (no diagnostic of its rule and message where the fix moved its start) and
 * that no structure rule has more diagnostics than before.
 * Returns the number of fixes checked.
 */
/** Lines of `after` that are 「N、」 / 「N）」 headings followed by a digit and were the same text but no heading in `before`. */
function joinedHeadingLines(before: ReportModel, after: ReportModel): Set<number> {
  const headingTexts = new Set(before.headings.map((h) => before.index.line(h.line).text));
  const bodyTexts = new Set(before.index.lines.filter((l) => !headingTexts.has(l.text)).map((l) => l.text));
  const out = new Set<number>();
  for (const h of after.headings) {
    if (h.style !== 'ar-dun' && h.style !== 'ar-half-close') continue;
    const text = after.index.line(h.line).text;
    if (/^[0-9０-９]/.test(text.slice(h.markerRange.end.character)) && bodyTexts.has(text)) out.add(h.line);
  }
  return out;
}

export function checkFixes(text: string, limit = 4): number {
  const m = model(text);
  // Fix-all (the CLI's --fix and source.fixAll) applies fixes in passes: it must not throw and must
  // give a model of a document.
  const result = fixAllOf(m, DEFAULT_CONFIG);
  if (typeof result.model.text !== 'string') throw new Error(`fixAll gave no model for ${describeInput(text, 200)}`);
  const found = runRules(m, DEFAULT_CONFIG);
  const before = countByRule(found);
  let checked = 0;
  for (const d of found) {
    for (const fix of d.finding.fixes ?? []) {
      if (checked >= limit) return checked;
      checked++;
      const fixed = applyEdits(m.index, fix.edits);
      const fixedModel = model(fixed);
      const afterFound = runRules(fixedModel, DEFAULT_CONFIG);
      const after = countByRule(afterFound);
      const where = `fix "${fix.title}" of ${d.rule.id} at ${d.finding.range.start.line + 1}:${d.finding.range.start.character + 1}`;
      // "That diagnostic": the same rule and message where the fix moved its start to.
      const at = fixedModel.index.positionAt(mapOffset(m.index.offsetAt(d.finding.range.start), m, fix.edits));
      const still = afterFound.find((x) => x.rule.id === d.rule.id && x.finding.message === d.finding.message && x.finding.range.start.line === at.line && x.finding.range.start.character === at.character);
      // Two identical neighbours (「\uFEFF\uFEFF」): the next one moves into the place of the fixed one,
      // so a finding there counts only if the rule's findings with that message did not go down.
      const same = (list: readonly RuleDiagnostic[]): number => list.filter((x) => x.rule.id === d.rule.id && x.finding.message === d.finding.message).length;
      if (still && same(afterFound) >= same(found)) {
        throw new Error(`${where} did not remove its diagnostic\n before: ${describeInput(text, 300)}\n  after: ${describeInput(fixed, 300)}`);
      }
      // A renumbering can make a 「2、4月份……」 line continue the list, so that the model now reads it
      // as a heading (as the format documents: such a line is a heading only when it continues the
      // list). Findings on such a line are about a heading that was not one before, not caused by
      // a wrong fix: they do not count.
      const joined = joinedHeadingLines(m, fixedModel);
      const counted = joined.size === 0 ? after : countByRule(afterFound.filter((x) => !joined.has(x.finding.range.start.line)));
      for (const id of STRUCTURE_RULES) {
        if ((counted.get(id) ?? 0) > (before.get(id) ?? 0)) {
          throw new Error(`${where} added a ${id} diagnostic\n before: ${describeInput(text, 300)}\n  after: ${describeInput(fixed, 300)}`);
        }
      }
    }
  }
  return checked;
}
