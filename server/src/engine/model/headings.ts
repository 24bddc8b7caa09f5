import type { LineIndex } from './lines';
import { INDENT_RE, matchMarker, mayStartMarker, type MarkerMatch } from './markers';
import type { TextMemo } from './memo';
import type { Heading } from './types';

/**
 * Sentence ends that close a run-in title. 「：」 does not: 「他们是：……」 stays one title. Half-width
 * 「!」「?」 count as their full-width forms, so a line reads the same before and after
 * punctuation-width converts them.
 */
const RUNIN_END = new Set(['。', '！', '？', '!', '?']);
const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '「': '」', '『': '』', '【': '】', '(': ')' };

interface TitleSplit {
  /** End of the title (exclusive) relative to the start of `rest`. */
  titleEnd: number;
  /** End of the heading part including the closing 。 of a run-in title. */
  headEnd: number;
  runin: boolean;
}

/** Where the title of a heading ends: at the first sentence end outside brackets and quotes that has text after it. */
export function splitTitle(rest: string): TitleSplit {
  const closers: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const ch = rest.charAt(i);
    const closer = OPENERS[ch];
    if (closer) {
      closers.push(closer);
      continue;
    }
    if (closers.length > 0 && ch === closers[closers.length - 1]) {
      closers.pop();
      continue;
    }
    if (closers.length === 0 && RUNIN_END.has(ch)) {
      const after = rest.slice(i + 1);
      if (after.trim().length > 0) {
        return { titleEnd: ch === '。' ? i : i + 1, headEnd: i + 1, runin: true };
      }
      break;
    }
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
}

/**
 * Recognises a numbered heading on a body-text line, or returns undefined when the line is body text.
 * `context` decides ambiguous cases such as 「3、4月份……」 (a heading only when it continues 「2、」).
 */
export function recogniseHeading(index: LineIndex, line: number, mdDepth: number, context: HeadingContext, memo?: TextMemo): Heading | undefined {
  const text = index.line(line).text;
  let offset = (INDENT_RE.exec(text)?.[0].length ?? 0);
  if (line === 0 && text.charCodeAt(0) === 0xfeff) offset = Math.max(offset, 1 + (INDENT_RE.exec(text.slice(1))?.[0].length ?? 0));
  if (mdDepth > 0) {
    const m = /^#{1,6}(?:[ \t]+|$)/.exec(text.slice(offset));
    offset += m ? m[0].length : 0;
  }
  const at = offset;
  const marker = !mayStartMarker(text, at) ? undefined : memo ? memo.get('marker', `${at}:${text}`, () => matchMarker(text, at)) : matchMarker(text, at);
  if (!marker) {
    if (mdDepth === 0) return undefined;
    return makeHeading(index, line, mdDepth, undefined, offset);
  }
  if (mdDepth === 0 && !acceptMarker(text, marker, context)) return undefined;
  return makeHeading(index, line, mdDepth, marker, offset);
}

function acceptMarker(text: string, marker: MarkerMatch, context: HeadingContext): boolean {
  const rest = text.slice(marker.start + marker.length);
  if ((marker.style === 'cn-di' || marker.style === 'cn-comma') && SENTENCE_INSIDE.test(rest.replace(/[。\s\u3000]+$/u, ''))) {
    return false;
  }
  if (marker.digitFollows && (marker.style === 'ar-dun' || marker.style === 'ar-half-close')) {
    // 「3、4月份……」: a heading only when it continues a list of the same kind.
    const prev = context.lastAtLevel.get(marker.level);
    return prev !== undefined && prev.style === marker.style && prev.value === marker.value - 1;
  }
  if (marker.style === 'decimal' && rest.trim().length === 0) return false;
  return true;
}

function makeHeading(index: LineIndex, line: number, mdDepth: number, marker: MarkerMatch | undefined, contentStart: number): Heading {
  const text = index.line(line).text;
  let markerStart = contentStart;
  let markerEnd = contentStart;
  if (marker) {
    markerStart = marker.start;
    markerEnd = marker.start + marker.length;
  }
  let rest = text.slice(markerEnd);
  if (mdDepth > 0) rest = rest.replace(/[ \t]+#+[ \t]*$/, ''); // closing sequence of an ATX heading
  const lead = /^[ \t\u3000]*/.exec(rest)?.[0].length ?? 0;
  const split = splitTitle(rest.slice(lead));
  const titleStart = markerEnd + lead;
  const titleEnd = titleStart + split.titleEnd;
  return {
    level: marker ? marker.level : mdDepth,
    style: marker ? marker.style : 'none',
    number: marker ? marker.number : '',
    value: marker ? marker.value : 0,
    marker: text.slice(markerStart, markerEnd),
    title: text.slice(titleStart, titleEnd),
    line,
    runin: split.runin,
    markerRange: index.range(line, markerStart, markerEnd),
    titleRange: index.range(line, titleStart, titleEnd),
    headingRange: index.range(line, markerStart, titleStart + split.headEnd),
    mdDepth,
    fullWidthDigits: marker ? marker.fullWidthDigits : false,
    extraPunct: marker ? marker.extraPunct : '',
  };
}
