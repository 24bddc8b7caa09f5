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

/**
 * Splits text into lines exactly as LSP counts them: `\r\n`, `\n` and `\r` end a line,
 * columns are UTF-16 code units. A BOM, if the text has one, is an ordinary character here
 * (editors strip it before they hand us the text; the CLI strips it when it decodes a file).
 */
export class LineIndex {
  readonly lines: Line[] = [];

  constructor(readonly text: string) {
    let start = 0;
    const re = /\r\n|\r|\n/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      this.lines.push({ index: this.lines.length, start, text: text.slice(start, m.index) });
      start = m.index + m[0].length;
    }
    this.lines.push({ index: this.lines.length, start, text: text.slice(start) });
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
