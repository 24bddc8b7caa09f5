import type { Position, Range } from 'vscode-languageserver-types';

/** One line of the document, without its line break. */
export interface Line {
  /** 0-based line number. */
  readonly index: number;
  /** Offset of the first character in the document text (UTF-16 code units). */
  readonly start: number;
  /** The text of the line without the line break. */
  readonly text: string;
}

/** The lines an edit left as they were: `top` lines at the top, `bottom` at the bottom, moved by `delta` lines. */
export interface KeptLines {
  readonly top: number;
  readonly bottom: number;
  readonly delta: number;
}

/**
 * Splits text into lines exactly as LSP counts them: `\r\n`, `\n` and `\r` end a line,
 * columns are UTF-16 code units. A BOM, if the text has one, is an ordinary character here
 * (editors strip it before they hand us the text; the CLI strips it when it decodes a file).
 */
export class LineIndex {
  readonly lines: Line[] = [];
  /**
   * With a previous index: how many lines at the top and at the bottom the edit left as they were,
   * and by how many lines those at the bottom moved (line i of the bottom run was line i − delta).
   */
  readonly kept: KeptLines | undefined;

  /**
   * With `previous` (the index of the previous version of the same document), a line outside the
   * edited stretch of text is the previous version's Line (before the edit) or carries its string
   * (after it): the memo tables keyed by line and paragraph texts then find their keys by identity
   * instead of hashing and comparing every line's text again.
   */
  constructor(
    readonly text: string,
    previous?: LineIndex,
  ) {
    let start = 0;
    if (text.indexOf('\r') < 0) {
      // (The usual text, \n only: indexOf, with no match object per line on every version.)
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        this.lines.push({ index: this.lines.length, start, text: text.slice(start, i) });
        start = i + 1;
      }
    } else {
      const re = /\r\n|\r|\n/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        this.lines.push({ index: this.lines.length, start, text: text.slice(start, m.index) });
        start = m.index + m[0].length;
      }
    }
    this.lines.push({ index: this.lines.length, start, text: text.slice(start) });
    this.kept = previous ? this.reuse(previous) : undefined;
  }

  /**
   * The lines before the edited ones are the previous version's Line objects, and those after it
   * carry the previous version's strings: the memo tables keyed by line and paragraph texts then
   * find their keys by identity instead of comparing every line's text again. (Each line is
   * compared once, as a whole string, from the top down to the first changed one and from the
   * bottom up to the last.)
   */
  private reuse(previous: LineIndex): KeptLines {
    const olds = previous.lines;
    const lines = this.lines;
    const { top, bottom } = unchangedLines(lines, olds);
    const keep = (i: number, b: Line): void => {
      const a = lines[i] as Line;
      lines[i] = b.index === i && b.start === a.start ? b : { index: i, start: a.start, text: b.text };
    };
    for (let i = 0; i < top; i++) keep(i, olds[i] as Line);
    for (let k = 1; k <= bottom; k++) keep(lines.length - k, olds[olds.length - k] as Line);
    return { top, bottom, delta: lines.length - olds.length };
  }

  get lineCount(): number {
    return this.lines.length;
  }

  line(i: number): Line {
    const l = this.lines[Math.max(0, Math.min(i, this.lines.length - 1))];
    if (!l) throw new Error('empty line index');
    return l;
  }

  /** Position of a document offset. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lines[mid]?.start ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const line = this.line(lo);
    return { line: lo, character: Math.min(clamped - line.start, line.text.length) };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.lines.length) return this.text.length;
    const line = this.line(Math.max(0, pos.line));
    return line.start + Math.max(0, Math.min(pos.character, line.text.length));
  }

  /** Range of columns [from, to) on one line. */
  range(line: number, from: number, to: number): Range {
    return { start: { line, character: from }, end: { line, character: to } };
  }

  /** Range covering whole lines first..last (to the end of the last line's text). */
  linesRange(first: number, last: number): Range {
    return { start: { line: first, character: 0 }, end: { line: last, character: this.line(last).text.length } };
  }
}

/**
 * Lines first..last of `b` have the texts of the lines of `a` `delta` lines above them (0: at the
 * same place): an edit left them as they were, or only moved them.
 */
export function sameLineTexts(a: LineIndex, b: LineIndex, first: number, last: number, delta = 0): boolean {
  if (first - delta < 0 || last - delta >= a.lineCount || last >= b.lineCount) return false;
  for (let l = first; l <= last; l++) if (a.line(l - delta).text !== b.line(l).text) return false;
  return true;
}

/**
 * How many lines at the top and at the bottom of `lines` have the texts of the lines of `olds` at
 * the same place from either end (the two runs do not overlap): what an edit left as it was.
 */
export function unchangedLines(lines: readonly Line[], olds: readonly Line[]): { top: number; bottom: number } {
  const n = Math.min(lines.length, olds.length);
  let top = 0;
  while (top < n && (lines[top] as Line).text === (olds[top] as Line).text) top++;
  let bottom = 0;
  while (bottom < n - top && (lines[lines.length - 1 - bottom] as Line).text === (olds[olds.length - 1 - bottom] as Line).text) bottom++;
  return { top, bottom };
}
