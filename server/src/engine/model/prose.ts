/**
 * The prose of a document as the proofreading rules read it (typo, unpaired-punctuation,
 * repeated-word, number-style): every line of body text, heading, table or quote, with Markdown
 * syntax and code masked (`maskInlineSyntax`) and the numbering markers of headings masked too.
 * Columns are the line's own. Computed once per model and shared by the rules.
 */
import { mayHaveInlineSyntax, maskInlineSyntax, MASKED } from './inline-syntax';
import type { ReportModel } from './types';
import { derivedCache } from './derived';
import { placeTable } from './memo';

export interface ProseLine {
  /** 0-based line. */
  readonly line: number;
  /** The line's text with non-prose characters replaced by MASKED (same length). */
  readonly text: string;
}

const PROSE_KINDS = new Set(['text', 'heading', 'table', 'quote']);

const cache = derivedCache<readonly ProseLine[]>();

/** The prose lines of a model, in order. */
export function proseLines(model: ReportModel): readonly ProseLine[] {
  let lines = cache.get(model);
  if (lines) return lines;
  const markers = new Map<number, [number, number]>();
  for (const h of model.headings) markers.set(h.line, [h.markerRange.start.character, h.markerRange.end.character]);
  const out: ProseLine[] = [];
  for (const l of model.index.lines) {
    if (!PROSE_KINDS.has(model.lineKinds[l.index] ?? '')) continue;
    let text = mayHaveInlineSyntax(l.text) ? model.memo.read('prose-mask', l.text, maskInlineSyntax) : l.text;
    const marker = markers.get(l.index);
    // (The same masked string from one version to the next: the rules' memo tables keyed by it find it by identity.)
    if (marker && marker[1] > marker[0]) {
      const [a, b] = marker;
      const masked = text;
      text = model.memo.get(placeTable('prose-marker', a, b), masked, () => masked.slice(0, a) + MASKED.repeat(b - a) + masked.slice(b));
    }
    out.push({ line: l.index, text });
  }
  cache.set(model, (lines = out));
  return lines;
}

const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;

/** A Chinese character (CJK unified ideographs, extension A, compatibility ideographs, 〇). */
export function isHanCode(c: number): boolean {
  return isHan(c);
}

/** Chinese punctuation: the CJK symbols block, full-width forms, curly quotes, ellipsis and dashes. */
export function isChinesePunctuation(c: number): boolean {
  return (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x301f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65) || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014;
}
