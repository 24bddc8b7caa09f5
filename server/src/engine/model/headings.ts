import { inlinePlainText } from './inline-text';
import type { LineIndex } from './lines';
import { INDENT_RE, matchMarker, mayStartMarker, readThroughJunk, type MarkerMatch } from './markers';
import type { TextMemo } from './memo';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Heading, MarkerStyle } from './types';

/**
 * Sentence ends that close a run-in title. 「：」 does not: 「他们是：……」 stays one title. Half-width
 * 「!」「?」 count as their full-width forms, so a line reads the same before and after
 * punctuation-width converts them.
 */
const RUNIN_END = new Set(['。', '！', '？', '!', '?']);
const QUESTION_END = /[！？!?][\s\u3000*_`]*$/u;
const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '「': '」', '『': '』', '【': '】', '(': ')' };

interface TitleSplit {
  /** End of the title (exclusive) relative to the start of `rest`. */
  titleEnd: number;
  /** End of the heading part including the closing 。 of a run-in title. */
  headEnd: number;
  runin: boolean;
}

/** The first run-in end of `rest` outside brackets (the openers at `skip` enclose nothing); `closers` is left with the ones still open. */
function scanTitle(rest: string, closers: string[], skip: ReadonlySet<number> | undefined): TitleSplit | undefined {
  for (let i = 0; i < rest.length; i++) {
    const ch = rest.charAt(i);
    const closer = OPENERS[ch];
    if (closer) {
      if (skip === undefined || !skip.has(i)) closers.push(closer);
      continue;
    }
    if (closers.length > 0 && ch === closers[closers.length - 1]) {
      closers.pop();
      continue;
    }
    if (closers.length === 0 && RUNIN_END.has(ch)) {
      const after = rest.slice(i + 1).trim();
      if (after.length === 0) return undefined;
      // 「为什么要重写？为什么是现在？」: a title that asks more than once is one title; body text
      // after a question title ends like a sentence.
      if (ch !== '。' && QUESTION_END.test(inlinePlainText(after))) continue;
      return { titleEnd: ch === '。' ? i : i + 1, headEnd: i + 1, runin: true };
    }
  }
  return undefined;
}

/** Offsets of the openers of `text` that no later closer of theirs closes (matched innermost first, as a stack). */
function unclosedOpeners(text: string): Set<number> {
  const open: { at: number; closer: string }[] = [];
  const unmatched: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const closer = OPENERS[ch];
    if (closer) open.push({ at: i, closer });
    else {
      // A closer closes the innermost opener of its kind; the openers inside it were never closed.
      for (let k = open.length - 1; k >= 0; k--) {
        if (open[k]?.closer !== ch) continue;
        const inner = open.splice(k);
        inner.shift();
        unmatched.push(...inner.map((o) => o.at));
        break;
      }
    }
  }
  return new Set([...unmatched, ...open.map((o) => o.at)]);
}

/**
 * Where the title of a heading ends: at the first sentence end outside brackets and quotes that has text after it.
 * An opening bracket or quote that is never closed on the line (「（二）（机关公务接待高效规范。严格执行……」, a
 * stray 「（」 that unpaired-punctuation reports) encloses nothing: it does not hide the 「。」 of a run-in title.
 */
export function splitTitle(rest: string): TitleSplit {
  const closers: string[] = [];
  const found = scanTitle(rest, closers, undefined);
  if (found) return found;
  if (closers.length > 0) {
    const again = scanTitle(rest, [], unclosedOpeners(rest));
    if (again) return again;
  }
  const trimmed = rest.replace(/[\s\u3000]+$/u, '');
  const titleEnd = trimmed.endsWith('。') ? trimmed.length - 1 : trimmed.length;
  return { titleEnd, headEnd: trimmed.length, runin: false };
}

/** Sentence punctuation (either width) that makes a 「第一，」 or 「一，」 line a body paragraph rather than a heading. */
const SENTENCE_INSIDE = /[。！？；!?;]/;

export interface HeadingContext {
  /** The last heading seen at each level (cleared for deeper levels when a shallower one is seen). */
  lastAtLevel: Map<number, Heading>;
  /** The last `#` heading seen: numbered lines after it are inside its section. */
  atx?: Heading | undefined;
  /** The marker level of the first numbered line in that `#` section: it stands one level below the `#` heading. */
  atxBase?: number | undefined;
  /** The value of the last 「第N，」 paragraph read as body text since the last heading (an enumeration in the text). */
  bodyDi?: number | undefined;
}

/**
 * Families of markers: two styles of one family are one list written two ways (「(四)」 among
 * 「（一）」, 「1、」 among 「1.」); two families of one level are two levels when one is found inside
 * the other (「第一，」 sub-sections with 「（一）」 items under them, as in the 1978 report).
 */
const FAMILY: Readonly<Record<MarkerStyle, string>> = {
  'cn-dun': 'cn', 'cn-dot': 'cn', 'cn-comma': 'cn', 'cn-paren': 'cn-paren', 'cn-paren-half': 'cn-paren', 'cn-di': 'di',
  'ar-dot': 'ar', 'ar-dun': 'ar', 'ar-paren': 'ar-paren', 'ar-paren-half': 'ar-paren', 'ar-half-close': 'ar-paren', circled: 'circled',
  decimal: 'decimal', none: 'none',
};

/** Emphasis opened before a marker: 「**（一）加强学习**」 is a heading written in bold. */
const LEADING_EMPHASIS = /^(?:\*\*|__)(?=\S)/;
/** 「## 1 项目进展」: a chapter number and a space, in a `#` heading only. */
const ATX_CHAPTER = /^([0-9]{1,2})(?=[ \t\u3000]+\S)/;

/**
 * Recognises a numbered heading on a body-text line, or returns undefined when the line is body text.
 * `context` decides ambiguous cases such as 「3、4月份……」 (a heading only when it continues 「2、」).
 * A `#` heading's level is its depth; a numbered line's level is its marker's, nested inside the
 * `#` section it is in and inside an open heading of another family of the same level.
 */
export function recogniseHeading(index: LineIndex, line: number, mdDepth: number, context: HeadingContext, memo?: TextMemo, previous?: PreviousHeadings): Heading | undefined {
  const text = index.line(line).text;
  let offset = (INDENT_RE.exec(text)?.[0].length ?? 0);
  if (line === 0 && text.charCodeAt(0) === 0xfeff) offset = Math.max(offset, 1 + (INDENT_RE.exec(text.slice(1))?.[0].length ?? 0));
  if (mdDepth > 0) {
    const m = /^#{1,6}(?:[ \t]+|$)/.exec(text.slice(offset));
    offset += m ? m[0].length : 0;
  }
  const emphasis = LEADING_EMPHASIS.exec(text.slice(offset))?.[0] ?? '';
  const at = offset + emphasis.length;
  let marker = markerAt(text, at, memo);
  if (!marker && mdDepth > 0) marker = chapterMarker(text, at);
  if (!marker) {
    if (mdDepth === 0) return undefined;
    return sameAsBefore(previous, line, text, mdDepth, mdDepth) ?? makeHeading(index, line, mdDepth, undefined, offset, mdDepth, '');
  }
  const level = mdDepth > 0 ? mdDepth : levelOf(marker, context);
  const textFollows = mdDepth === 0 && textOnNextLine(index, line, memo);
  if (mdDepth === 0 && !acceptMarker(text, marker, level, context, textFollows)) return undefined;
  return sameAsBefore(previous, line, text, mdDepth, level) ?? makeHeading(index, line, mdDepth, marker, offset, level, emphasis);
}

/** Where the previous version's lines went, for what a version takes over from it (ModelInput.takeOver). */
export interface Takeover {
  /** The line of the previous version a line of this one was on (itself unless ModelInput.takeOver; -1 for none). */
  readonly oldLine: (line: number) => number;
  /** Set once a paragraph, heading or table is taken over on another line. */
  readonly taken: { moved: boolean };
}

/** The previous version's headings by line, and its lines. */
export interface PreviousHeadings {
  readonly byLine: ReadonlyMap<number, Heading>;
  readonly index: LineIndex;
  readonly takeover: Takeover;
}

/**
 * The previous version's heading of this line when makeHeading would make the same one: same line
 * (or the line it was on, when the edit only moved it), same text (the marker is then the same: it
 * is read from the text), same depth and level.
 */
function sameAsBefore(previous: PreviousHeadings | undefined, line: number, text: string, mdDepth: number, level: number): Heading | undefined {
  if (!previous) return undefined;
  const from = previous.takeover.oldLine(line);
  const h = from < 0 ? undefined : previous.byLine.get(from);
  if (!h || h.mdDepth !== mdDepth || h.level !== level || from >= previous.index.lineCount || previous.index.line(from).text !== text) return undefined;
  if (h.line !== line) {
    moveHeading(h, line);
    previous.takeover.taken.moved = true;
  }
  return h;
}

/**
 * Puts a heading taken over from the previous version on its new line: new ranges (the old ones may
 * be held), their positions shared as makeHeading shares them.
 */
function moveHeading(h: Heading, line: number): void {
  const moved = new Map<Position, Position>();
  const at = (p: Position): Position => {
    let q = moved.get(p);
    if (!q) moved.set(p, (q = { line, character: p.character }));
    return q;
  };
  const range = (r: Range): Range => ({ start: at(r.start), end: at(r.end) });
  const mutable = h as { line: number; markerRange: Range; titleRange: Range; headingRange: Range };
  mutable.line = line;
  mutable.markerRange = range(h.markerRange);
  mutable.titleRange = range(h.titleRange);
  mutable.headingRange = range(h.headingRange);
}

/** The next line is text (not blank, not numbered itself): the text of a number standing alone on its line. */
function textOnNextLine(index: LineIndex, line: number, memo: TextMemo | undefined): boolean {
  if (line + 1 >= index.lineCount) return false;
  const next = index.line(line + 1).text;
  const indent = INDENT_RE.exec(next)?.[0].length ?? 0;
  return next.trim().length > 0 && markerAt(next, indent, memo) === undefined;
}

/** Memo tables of markers by the column they are read at (the key is then the line's text as it is: no new string to hash). */
const MARKER_TABLES: string[] = [];

/** matchMarker, kept per line text from one version to the next. */
function markerAt(text: string, at: number, memo: TextMemo | undefined): MarkerMatch | undefined {
  if (!mayStartMarker(text, at)) return undefined;
  if (!memo) return matchMarker(text, at);
  const table = (MARKER_TABLES[at] ??= `marker:${at}`);
  return memo.get(table, text, () => matchMarker(text, at));
}

/** 「## 7 成果」: read through paste junk as matchMarker reads (「7 \uFEFF成果」 is chapter 7, as it is once the junk is removed). */
function chapterMarker(text: string, at: number): MarkerMatch | undefined {
  const { rest, at: columns } = readThroughJunk(text.slice(at));
  const m = ATX_CHAPTER.exec(rest);
  const value = Number(m?.[1] ?? 0);
  if (!m || value === 0) return undefined;
  // Junk before the number stays outside the marker, junk inside it is part of it.
  const start = columns ? (columns[0] ?? 0) : 0;
  const end = columns ? (columns[m[0].length - 1] ?? 0) + 1 : m[0].length;
  return { style: 'decimal', level: 1, number: m[1] ?? '', value, start: at + start, length: end - start, extraPunct: '', fullWidthDigits: false, digitFollows: false };
}

/** The level of a numbered line (not a `#` heading) in the outline built so far. */
function levelOf(marker: MarkerMatch, context: HeadingContext): number {
  const family = FAMILY[marker.style];
  let sameFamily: Heading | undefined;
  let otherFamily: Heading | undefined;
  for (const h of context.lastAtLevel.values()) {
    if (h.mdDepth > 0 || h.markerLevel !== marker.level) continue;
    if (FAMILY[h.style] === family) {
      if (!sameFamily || h.level > sameFamily.level) sameFamily = h;
    }
    else if (!otherFamily || h.level > otherFamily.level) otherFamily = h;
  }
  if (sameFamily) return sameFamily.level;
  if (otherFamily) return otherFamily.level + 1;
  const atx = context.atx;
  if (!atx) return marker.level;
  // Inside a `#` section the first numbered line is one level down (「## 一、…」 then 「（一）…」,
  // 「### 背景」 then 「1.1 …」), and the deeper markers below it.
  return atx.level + 1 + Math.max(0, marker.level - (context.atxBase ?? marker.level));
}

/**
 * A dotted number at the start of a line whose text is a sentence (「2.4.1 版本修复了若干问题。」,
 * 「2.4.0 版本发布后，……。」) is a version number in body text, not a decimal heading (「1.1 背景」).
 * (Read from the text, not from the numbers around it: renumbering must not change what is a heading.)
 */
function versionInText(rest: string): boolean {
  return /[。！？!?]$/.test(inlinePlainText(rest).trim());
}

function acceptMarker(text: string, marker: MarkerMatch, level: number, context: HeadingContext, textFollows: boolean): boolean {
  const rest = text.slice(marker.start + marker.length);
  // A number alone on its line with its text on the next line (「一、」, then 「继续增加能源……」) is a
  // list item broken after its number.
  if (rest.trim().length === 0 && textFollows) return false;
  if (marker.style === 'cn-di' || marker.style === 'cn-comma') {
    // 「第一，……；」「第二，……；」「第三，……；」「第四，……。」: the last item of an enumeration in
    // the text, whose items are sentences, is one of them, not a heading. So is any later item of
    // it (not the first), whatever its number: a skipped or repeated 「第N」 is enumeration-sequence's
    // finding, and renumbering it must not turn it into a heading.
    const body = SENTENCE_INSIDE.test(rest.replace(/[。\s\u3000]+$/u, '')) || (marker.style === 'cn-di' && context.bodyDi !== undefined && marker.value > 1);
    if (body) {
      if (marker.style === 'cn-di') context.bodyDi = marker.value;
      return false;
    }
  }
  if (marker.digitFollows && (marker.style === 'ar-dun' || marker.style === 'ar-half-close')) {
    // 「3、4月份……」: a heading only when it continues a list of the same kind.
    const prev = context.lastAtLevel.get(level);
    return prev !== undefined && prev.style === marker.style && prev.value === marker.value - 1;
  }
  if (marker.style === 'decimal' && versionInText(rest)) return false;
  return true;
}

/** Ends of a title that are Markdown, not text: the closing 「**」 of a bold heading, a closing 「#」 sequence. */
const TRAILING_SYNTAX = /(?:\*\*|__)+$/;
const WRAPPED = /^(\*\*|__|\*|_|~~)(?=\S)[\s\S]*\S\1$/;

function makeHeading(index: LineIndex, line: number, mdDepth: number, marker: MarkerMatch | undefined, contentStart: number, level: number, emphasis: string): Heading {
  const text = index.line(line).text;
  let markerStart = contentStart + emphasis.length;
  let markerEnd = markerStart;
  if (marker) {
    markerStart = marker.start;
    markerEnd = marker.start + marker.length;
  }
  let rest = text.slice(markerEnd);
  if (mdDepth > 0) rest = rest.replace(/[ \t]+#+[ \t]*$/, '').replace(/^#+[ \t]*$/, ''); // closing sequence of an ATX heading
  const lead = /^[ \t\u3000]*/.exec(rest)?.[0].length ?? 0;
  // A `#` heading is its whole line: never run-in.
  const split = mdDepth > 0 ? wholeTitle(rest.slice(lead)) : splitTitle(rest.slice(lead));
  let titleStart = markerEnd + lead;
  let titleEnd = titleStart + split.titleEnd;
  let headEnd = titleStart + split.headEnd;
  // 「**（一）加强学习。**正文」: the closing delimiter belongs to the heading.
  if (emphasis && split.runin) {
    const close = text.slice(headEnd).startsWith(emphasis) ? emphasis.length : 0;
    headEnd += close;
  }
  let source = text.slice(titleStart, titleEnd);
  // 「**重点工作**」: the title's range is its text, inside the emphasis that wraps it.
  const wrap = WRAPPED.exec(source);
  if (wrap && !split.runin) {
    const d = wrap[1]?.length ?? 0;
    titleStart += d;
    titleEnd -= d;
    source = text.slice(titleStart, titleEnd);
  }
  const syntax = TRAILING_SYNTAX.exec(source)?.[0].length ?? 0;
  if (syntax > 0 && !split.runin) {
    titleEnd -= syntax;
    const plain = text.slice(titleStart, titleEnd);
    if (plain.endsWith('。')) titleEnd--;
  }
  // The three ranges share their positions where they meet (nothing mutates a range): 4,500 headings
  // of a 1 MB report kept 27,000 position objects, now about half.
  const markerRange = index.range(line, markerStart, markerEnd);
  const titleRange = titleStart === markerEnd ? { start: markerRange.end, end: { line, character: titleEnd } } : index.range(line, titleStart, titleEnd);
  const headingRange = { start: markerRange.start, end: headEnd === titleEnd ? titleRange.end : { line, character: headEnd } };
  return {
    level,
    markerLevel: marker ? marker.level : 0,
    style: marker ? marker.style : 'none',
    number: marker ? marker.number : '',
    value: marker ? marker.value : 0,
    marker: text.slice(markerStart, markerEnd),
    title: inlinePlainText(text.slice(titleStart, titleEnd)),
    line,
    runin: split.runin,
    markerRange,
    titleRange,
    headingRange,
    mdDepth,
    fullWidthDigits: marker ? marker.fullWidthDigits : false,
    extraPunct: marker ? marker.extraPunct : '',
  };
}

function wholeTitle(rest: string): TitleSplit {
  const trimmed = rest.replace(/[\s\u3000]+$/u, '');
  return { titleEnd: trimmed.endsWith('。') ? trimmed.length - 1 : trimmed.length, headEnd: trimmed.length, runin: false };
}

/** The family of a marker style (see FAMILY): 「(一)」 and 「（一）」 are one, 「第一，」 another. */
export function markerFamily(style: MarkerStyle): string {
  return FAMILY[style];
}
