import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { LineIndex } from '../model/lines';

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Sorts edits by position and drops any that overlap an earlier one (the first one wins). */
export function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((x, y) => x.e.range.start.line - y.e.range.start.line || x.e.range.start.character - y.e.range.start.character || x.i - y.i)
    .map((x) => x.e);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && conflicts(last, e)) continue;
    out.push(e);
  }
  return out;
}

/**
 * True when edit `b`, which comes after `a` in position order (or at the same start, later), cannot
 * be applied with it: it starts inside `a`, both insert at the same place, or it is the same edit.
 */
export function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (before(b.range.start, a.range.end)) return true;
  if (b.range.start.line === a.range.end.line && b.range.start.character === a.range.end.character && rangeEmpty(b.range) && rangeEmpty(a.range)) return true;
  return sameEdit(a, b);
}

function rangeEmpty(r: Range): boolean {
  return r.start.line === r.end.line && r.start.character === r.end.character;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.newText === b.newText && JSON.stringify(a.range) === JSON.stringify(b.range);
}

/** Applies non-overlapping edits to the text the index was built from. */
export function applyEdits(index: LineIndex, edits: readonly TextEdit[]): string {
  const text = index.text;
  let out = '';
  let at = 0;
  for (const e of nonOverlapping(edits)) {
    const from = index.offsetAt(e.range.start);
    const to = index.offsetAt(e.range.end);
    out += text.slice(at, from) + e.newText;
    at = to;
  }
  return out + text.slice(at);
}
