import type { Token } from 'markdown-it';
import { unchangedLines, type Line, type LineIndex } from './lines';
import type { ReportModel } from './types';

/**
 * The block tokens of a version whose edit stays inside top-level paragraphs (typing in a line,
 * Enter or Backspace in a paragraph, a blank line put between two of its lines or taken away
 * between two paragraphs): the previous version's tokens, with those paragraphs made again from
 * the new lines and the tokens below moved by the change in line count. Markdown-it would give the
 * same tokens; any other edit is parsed again.
 *
 * Why the structure is known: markdown-it decides block structure from where lines start (their
 * indent, their first character), from blank lines, from 「|」 (tables), from the line under a title
 * (setext headings, and report_setext on the line before) and from the first line of a paragraph
 * (a link reference definition). In the span of paragraphs the edit touches, every line that is
 * not blank begins with a character that opens no block and holds no 「|」, the span begins and
 * ends with such a line, its first line keeps its indent, and the line after it is no underline:
 * then its lines are paragraphs split at the blank lines, and nothing around them changes.
 */
export function reusedBlockTokens(previous: ReportModel | undefined, index: LineIndex, bodyStart: number): Token[] | undefined {
  if (!previous || bodyStartOf(previous) !== bodyStart) return undefined;
  const oldLines = previous.index.lines;
  const lines = index.lines;
  const oldText = (i: number): string => (oldLines[i] as Line).text;
  const newText = (i: number): string => (lines[i] as Line).text;
  // The changed lines: old [top, oldEnd), new [top, newEnd).
  const { top, bottom } = unchangedLines(lines, oldLines);
  const oldEnd = oldLines.length - bottom;
  const newEnd = lines.length - bottom;
  if (top === oldEnd && top === newEnd) return undefined;
  const delta = lines.length - oldLines.length;
  // The old lines on either side of the change that must be paragraph lines: the changed lines
  // themselves, or the neighbours of a blank or an empty change.
  const lo = top === oldEnd || isBlank(oldText(top)) ? top - 1 : top;
  const hi = top === oldEnd || isBlank(oldText(oldEnd - 1)) ? oldEnd : oldEnd - 1;
  if (lo < bodyStart || hi >= oldLines.length || lo > hi) return undefined;
  const tokens = previous.tokens;
  const first = paragraphAt(tokens, lo);
  const last = paragraphAt(tokens, hi);
  if (first < 0 || last < 0) return undefined;
  // Old tokens first..last: top-level paragraphs only (three tokens each), blank lines between them.
  for (let k = first; k <= last + 2; k += 3) {
    const [o, i, c] = [tokens[k], tokens[k + 1], tokens[k + 2]];
    if (o?.type !== 'paragraph_open' || i?.type !== 'inline' || c?.type !== 'paragraph_close' || o.level !== 0) return undefined;
    const next = tokens[k + 3];
    if (k < last && o.map && next?.map) for (let line = o.map[1]; line < next.map[0]; line++) if (!isBlank(oldText(line))) return undefined;
  }
  const from = ((tokens[first] as Token).map as [number, number])[0];
  const to = ((tokens[last] as Token).map as [number, number])[1];
  // A table's rows go on until a line that is empty once trimmed (a line of 「\u00a0」 or 「\u3000」 ends
  // the table, yet starts a paragraph): a paragraph right under a table may become rows of it.
  if (tokens[first - 1]?.type === 'table_close' && from > 0 && !isBlank(oldText(from - 1))) return undefined;
  if (top === oldEnd && !(from < top && top < to)) return undefined;
  // The new lines of the span [from, to + delta).
  const end = to + delta;
  if (end <= from || isBlank(newText(from)) || isBlank(newText(end - 1))) return undefined;
  if (top <= from && !sameIndent(oldText(from), newText(from))) return undefined;
  for (let i = from; i < end; i++) if (!isBlank(newText(i)) && !opensNothing(newText(i))) return undefined;
  if (end < lines.length && /^[ \t]*[=-]/.test(newText(end))) return undefined;
  // The paragraphs of the span, then the tokens below it moved by delta lines.
  const [open, inline, close] = [tokens[first], tokens[first + 1], tokens[first + 2]] as [Token, Token, Token];
  const out = tokens.slice(0, first);
  for (let s = from; s < end; ) {
    let e = s;
    while (e < end && !isBlank(newText(e))) e++;
    out.push(clone(open, { map: [s, e] }), clone(inline, { map: [s, e] }), close);
    s = e;
    while (s < end && isBlank(newText(s))) s++;
  }
  for (let k = last + 3; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    out.push(delta === 0 || !t.map ? t : clone(t, { map: [t.map[0] + delta, t.map[1] + delta] }));
  }
  return out;
}

/**
 * The block tokens without the text of the paragraphs' inline tokens (which markdown-it joins from
 * the paragraph's lines: a copy of nearly the whole document for text pasted from Word, where a
 * paragraph is a line and no blank line parts them). Nothing reads it: the model and the preview
 * take a paragraph's text from its lines, inline syntax is parsed line by line; table cells and
 * code blocks keep theirs. Block reuse makes its paragraphs the same way.
 */
export function withoutParagraphText(tokens: Token[]): Token[] {
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.type === 'inline' && tokens[k - 1]?.type === 'paragraph_open') t.content = '';
  }
  return tokens;
}

/** A copy of a token (the previous version's stay as they are) with some fields changed. */
function clone(t: Token, fields: Partial<Token>): Token {
  return Object.assign(Object.create(Object.getPrototypeOf(t) as object) as Token, t, fields);
}

/** Blank as markdown-it reads it: spaces and tabs only (a full-width space is text). */
function isBlank(text: string): boolean {
  return leadingIndent(text) === text.length;
}

function sameIndent(a: string, b: string): boolean {
  const n = leadingIndent(a);
  return n === leadingIndent(b) && a.slice(0, n) === b.slice(0, n);
}

/** The first line of the body: the line after a closed front matter, else 0. */
export function bodyStartOf(model: ReportModel): number {
  return model.frontMatter?.terminated ? model.frontMatter.endLine + 1 : 0;
}

function leadingIndent(text: string): number {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i;
}

/**
 * Characters that may begin a Markdown block or a part of one at the start of a line: headings,
 * quotes, lists, rules, fences, tables, HTML, references and their titles, setext underlines.
 */
const OPENERS = new Set('#>-+*_=`~<[|:"\'('.split('').map((c) => c.charCodeAt(0)));
/** An ordered list item's marker (a number is otherwise text: 「2.具体措施」「2023年」). */
const ORDERED_MARKER = /^[0-9]{1,9}[.)](?:[ \t]|$)/;

/** A line that is not blank, holds no 「|」 or NUL, and begins (after its indent) with a character that opens no block. */
function opensNothing(text: string): boolean {
  const indent = leadingIndent(text);
  if (indent >= text.length || OPENERS.has(text.charCodeAt(indent)) || ORDERED_MARKER.test(text.slice(indent))) return false;
  return !text.includes('|') && !text.includes('\0');
}

/** Index of the top-level paragraph_open whose lines hold `line`, or -1. */
function paragraphAt(tokens: readonly Token[], line: number): number {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.level !== 0 || !t.map) continue;
    if (t.map[0] > line) return -1;
    if (line < t.map[1]) return t.type === 'paragraph_open' ? i : -1;
  }
  return -1;
}
