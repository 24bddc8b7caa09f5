import type { Token } from 'markdown-it';
import type { LineIndex } from './lines';
import type { ReportModel } from './types';

/**
 * The block tokens of a version that differs from the previous one in the text of one line of a
 * top-level paragraph, where that line can neither start nor end a block, before and after the
 * edit: the previous version's tokens, with the paragraph's text updated. This is what typing in
 * a paragraph does, and markdown-it would give the same tokens; every other edit is parsed again.
 *
 * Why the structure cannot change: markdown-it decides block structure from where lines start
 * (their indent, their first character), from blank lines, from 「|」 (tables), from the line under
 * a title (setext headings, read by report_setext on the line before) and from the first line of a
 * paragraph (a link reference definition). So the line must keep its indent, begin both times with
 * a character that opens no block, hold no 「|」, not stand over a 「=」 or 「-」 line, and its
 * paragraph must not begin with 「[」.
 */
export function reusedBlockTokens(previous: ReportModel | undefined, index: LineIndex, bodyStart: number): Token[] | undefined {
  if (!previous || previous.index.lineCount !== index.lineCount || bodyStartOf(previous) !== bodyStart) return undefined;
  const oldLines = previous.index.lines;
  const lines = index.lines;
  let changed = -1;
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] as { text: string }).text === (oldLines[i] as { text: string }).text) continue;
    if (changed >= 0) return undefined;
    changed = i;
  }
  if (changed < bodyStart) return undefined;
  const before = (oldLines[changed] as { text: string }).text;
  const after = (lines[changed] as { text: string }).text;
  const indent = leadingIndent(after);
  if (leadingIndent(before) !== indent || before.slice(0, indent) !== after.slice(0, indent) || !opensNothing(before, indent) || !opensNothing(after, indent)) return undefined;
  const below = changed + 1 < lines.length ? (lines[changed + 1] as { text: string }).text : '';
  if (/^[ \t]*[=-]/.test(below)) return undefined;
  const tokens = previous.tokens;
  const at = paragraphAt(tokens, changed);
  if (at < 0) return undefined;
  const open = tokens[at] as Token;
  const inline = tokens[at + 1];
  const [from, to] = open.map as [number, number];
  if (!inline || inline.type !== 'inline' || /^[ \t]*\[/.test((lines[from] as { text: string }).text)) return undefined;
  // The paragraph's text as markdown-it (15) takes it: its lines joined (NUL as U+FFFD, as its
  // normalisation does), without ASCII spaces, tabs and line breaks at either end (Unicode spaces
  // stay). The unit tests compare with its parse.
  const parts: string[] = [];
  for (let i = from; i < to; i++) parts.push((lines[i] as { text: string }).text);
  const content = parts.join('\n').replace(/\0/g, '\uFFFD').replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  const copy = Object.assign(Object.create(Object.getPrototypeOf(inline) as object) as Token, inline, { content });
  const out = tokens.slice();
  out[at + 1] = copy;
  return out;
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

/** A line that is not blank, holds no 「|」 or NUL, and begins (after `indent`) with a character that opens no block. */
function opensNothing(text: string, indent: number): boolean {
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
