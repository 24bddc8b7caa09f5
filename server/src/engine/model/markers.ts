import { CIRCLED_CLASS, CN_NUMERAL_CHARS, hasFullWidthDigits, parseArabic, parseChineseNumeral, parseCircled, toAsciiDigits } from '../util/numerals';
import type { MarkerStyle } from './types';

/** A numbering marker found at the start of a line. */
export interface MarkerMatch {
  readonly style: MarkerStyle;
  readonly level: number;
  /** Numeral as written, without brackets or punctuation. */
  readonly number: string;
  readonly value: number;
  /** Offset of the marker in the line, and its length. */
  readonly start: number;
  readonly length: number;
  /** Punctuation wrongly added after the marker (the 、 of 「（一）、」), length included in `length`. */
  readonly extraPunct: string;
  readonly fullWidthDigits: boolean;
  /** The character after the marker is a digit (「3、4月份」): only a heading when it continues a list. */
  readonly digitFollows: boolean;
}

/** Leading indentation that reports use before markers: spaces, tabs, full-width spaces, NBSP. */
export const INDENT_RE = /^[ \t\u3000\u00a0]*/;

const CN = `[${CN_NUMERAL_CHARS}]{1,4}`;
const AR = '[0-9０-９]{1,3}';
const OPEN = '[（(]';
const CLOSE = '[）)]';

/** The class of a pattern's first character: which lines it may match (`matchMarker` runs only those). */
type Starts = 'bracket' | 'di' | 'cn' | 'circled' | 'ascii-digit' | 'digit';

interface Pattern {
  starts: Starts;
  re: RegExp;
  make(m: RegExpExecArray): Omit<MarkerMatch, 'start' | 'length' | 'digitFollows'> | undefined;
}

function cn(style: MarkerStyle, level: number, numeral: string, extra = ''): ReturnType<Pattern['make']> {
  const value = parseChineseNumeral(numeral);
  if (value === undefined || value === 0 || value > 99) return undefined;
  return { style, level, number: numeral, value, extraPunct: extra, fullWidthDigits: false };
}

function ar(style: MarkerStyle, level: number, numeral: string, extra = ''): ReturnType<Pattern['make']> {
  const value = parseArabic(numeral);
  if (value === undefined || value === 0 || value > 99) return undefined;
  return { style, level, number: toAsciiDigits(numeral), value, extraPunct: extra, fullWidthDigits: hasFullWidthDigits(numeral) };
}

// Order matters: the first pattern that matches wins.
const PATTERNS: Pattern[] = [
  // （一） (一) — with a wrongly added 、 or ， kept as extraPunct
  { starts: 'bracket', re: new RegExp(`^${OPEN}(${CN})${CLOSE}([、，,.．]*)`), make: (m) => cn(m[0].startsWith('（') && /）/.test(m[0]) ? 'cn-paren' : 'cn-paren-half', 2, m[1] ?? '', m[2] ?? '') },
  // 第一， 第一、 (and 「第一,」: a half-width comma reads as its full-width form)
  { starts: 'di', re: new RegExp(`^第(${CN})([，、,])`), make: (m) => { const r = cn('cn-di', 2, m[1] ?? ''); return r && { ...r, number: `第${m[1] ?? ''}` }; } },
  // 一、 一. 一． 一， 一,
  { starts: 'cn', re: new RegExp(`^(${CN})(、|[.．](?![0-9０-９])|[，,])`), make: (m) => cn(m[2] === '、' ? 'cn-dun' : m[2] === '，' || m[2] === ',' ? 'cn-comma' : 'cn-dot', 1, m[1] ?? '') },
  // （1） (1)
  { starts: 'bracket', re: new RegExp(`^${OPEN}(${AR})${CLOSE}([、，,.．]*)`), make: (m) => ar(m[0].startsWith('（') && /）/.test(m[0]) ? 'ar-paren' : 'ar-paren-half', 4, m[1] ?? '', m[2] ?? '') },
  // ①
  { starts: 'circled', re: new RegExp(`^([${CIRCLED_CLASS}])([、，,.．]*)`), make: (m) => { const v = parseCircled(m[1] ?? ''); return v === undefined ? undefined : { style: 'circled', level: 4, number: m[1] ?? '', value: v, extraPunct: m[2] ?? '', fullWidthDigits: false }; } },
  // 1.1 / 1.1.1 followed by white space (decimal numbering of technical reports)
  { starts: 'ascii-digit', re: /^([0-9]{1,3}(?:\.[0-9]{1,3}){1,4})\.?(?=[ \t\u3000])/, make: (m) => { const parts = (m[1] ?? '').split('.'); const v = Number(parts[parts.length - 1]); return v > 0 ? { style: 'decimal', level: parts.length, number: m[1] ?? '', value: v, extraPunct: '', fullWidthDigits: false } : undefined; } },
  // 1. 1． (not 5.5%)
  { starts: 'digit', re: new RegExp(`^(${AR})[.．](?![0-9０-９])`), make: (m) => ar('ar-dot', 3, m[1] ?? '') },
  // 1、
  { starts: 'digit', re: new RegExp(`^(${AR})、`), make: (m) => ar('ar-dun', 3, m[1] ?? '') },
  // 1） 1) — a wrongly added 、 or ， is extraPunct, as for （1）: formatting 「1），」 gives 「（1）」 in one step
  { starts: 'digit', re: new RegExp(`^(${AR})${CLOSE}([、，,.．]*)`), make: (m) => ar('ar-half-close', 4, m[1] ?? '', m[2] ?? '') },
];

/**
 * The patterns that may match a text by its first character, in PATTERNS order (each pattern is
 * anchored and begins with one class of characters, its `starts`: the others cannot match, so they
 * are not run).
 */
const startingWith = (...classes: Starts[]): readonly Pattern[] => PATTERNS.filter((p) => classes.includes(p.starts));
const BRACKET_PATTERNS = startingWith('bracket');
const DI_PATTERNS = startingWith('di');
const CN_PATTERNS = startingWith('cn');
const CIRCLED_PATTERNS = startingWith('circled');
const ASCII_DIGIT_PATTERNS = startingWith('ascii-digit', 'digit');
const WIDE_DIGIT_PATTERNS = startingWith('digit');
const NONE: readonly Pattern[] = [];

function patternsFor(c: string): readonly Pattern[] {
  if (c === '（' || c === '(') return BRACKET_PATTERNS;
  if (c === '第') return DI_PATTERNS;
  if (c >= '0' && c <= '9') return ASCII_DIGIT_PATTERNS;
  if (c >= '０' && c <= '９') return WIDE_DIGIT_PATTERNS;
  if (c === '') return NONE;
  if (CN_NUMERAL_CHARS.includes(c)) return CN_PATTERNS;
  return parseCircled(c) === undefined ? NONE : CIRCLED_PATTERNS;
}

/** The first character of every pattern above, and of the paste junk read through (below). */
const MARKER_START = new RegExp(`^[（(第${CN_NUMERAL_CHARS}0-9０-９${CIRCLED_CLASS}#[【\u200b\u200c\u200d\u2060\ufeff\ufffd]$`, 'u');

/** Most lines are prose: a marker can only begin with a bracket, 第, a numeral, a digit (or paste junk). */
export function mayStartMarker(text: string, offset: number): boolean {
  return MARKER_START.test(text.charAt(offset));
}

/**
 * Paste junk that the stray-marker rule reports and removes (「##paidend##」, zero-width characters,
 * U+FFFD): a marker is read through it (「##paidend##四、」, 「第\u200b二，」), so that removing it does
 * not change the outline.
 */
const JUNK_RE = /##[A-Za-z][A-Za-z0-9_-]{1,30}##|\[(?:paid|vip)[a-z]*\]|【(?:隐藏内容|付费内容|VIP专享)】|\u200b|\u200c|\u200d|\u2060|\ufeff|\ufffd/gi;
const JUNK_NEAR_RE = /[#[【\u200b\u200c\u2060\ufeff\ufffd]|\u200d/;

/** Whether a text may hold paste junk: it has a character that junk begins with (stray-marker reads only such lines). */
export function mayHoldJunk(text: string): boolean {
  return JUNK_NEAR_RE.test(text);
}

/** The text without its paste junk (「报告##paidbegin##」 → 「报告」): what a reader sees of the line. */
export function withoutJunk(text: string): string {
  return JUNK_NEAR_RE.test(text) ? text.replace(JUNK_RE, '') : text;
}

/**
 * `raw` as a reader sees it, without its paste junk, and the column in `raw` of each character left
 * (`at` undefined when no junk is near the start: `rest` is then `raw`). Indentation after leading
 * junk is indentation (「##paidend##」, two spaces, 「一、」); without leading junk the text is read as
 * it is (junk further on does not change where a marker may start).
 */
export function readThroughJunk(raw: string): { readonly rest: string; readonly at: readonly number[] | undefined } {
  if (!JUNK_NEAR_RE.test(raw.slice(0, 64))) return { rest: raw, at: undefined };
  let at: number[] = [];
  let rest = '';
  let from = 0;
  const keep = (to: number): void => {
    for (let i = from; i < to; i++) at.push(i);
    rest += raw.slice(from, to);
  };
  JUNK_RE.lastIndex = 0;
  let leadingJunk = false;
  for (let m = JUNK_RE.exec(raw); m !== null; m = JUNK_RE.exec(raw)) {
    if (m.index === 0) leadingJunk = true;
    keep(m.index);
    from = m.index + m[0].length;
  }
  keep(raw.length);
  const lead = leadingJunk ? (INDENT_RE.exec(rest)?.[0].length ?? 0) : 0;
  rest = rest.slice(lead);
  at = at.slice(lead);
  return { rest, at };
}

/** Recognises a numbering marker at `offset` in `text` (after indentation). */
export function matchMarker(text: string, offset: number): MarkerMatch | undefined {
  if (!mayStartMarker(text, offset)) return undefined;
  const { rest, at } = readThroughJunk(text.slice(offset));
  for (const p of patternsFor(rest.charAt(0))) {
    const m = p.re.exec(rest);
    if (!m) continue;
    const made = p.make(m);
    if (!made) continue;
    const after = rest.charAt(m[0].length);
    // Junk before the marker stays outside it, junk inside it is part of it.
    const start = at ? (at[0] ?? 0) : 0;
    const end = at ? (at[m[0].length - 1] ?? 0) + 1 : m[0].length;
    return { ...made, start: offset + start, length: end - start, digitFollows: /[0-9０-９]/.test(after) };
  }
  return undefined;
}

/** Standard (GB/T 9704-2012) form of a marker for a level and value. */
export function standardMarker(level: number, value: number, toCn: (n: number) => string): string {
  switch (level) {
    case 1:
      return `${toCn(value)}、`;
    case 2:
      return `（${toCn(value)}）`;
    case 3:
      return `${value}.`;
    default:
      return `（${value}）`;
  }
}
