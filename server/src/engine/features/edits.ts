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
    if (last && before(e.range.start, last.range.end)) continue;
    if (last && e.range.start.line === last.range.end.line && e.range.start.character === last.range.end.character && rangeEmpty(e.range) && rangeEmpty(last.range)) continue;
    if (last && sameEdit(last, e)) continue;
    out.push(e);
  }
  return out;
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
