import type { Range } from 'vscode-languageserver-types';
import { t } from '../i18n';
import { isChinesePunctuation, isHanCode, proseLines } from '../model/prose';
import { documentYear } from './typo';
import { defineRule, type Finding, type Severity } from './types';

/**
 * 〇 for the zero of a year in Chinese numerals is the convention of the 1987 《关于出版物上数字用法的试行规定》
 * and GB/T 15835 after it: in texts written before 1987 a year with 零 (「一九五零年」) followed the usage of
 * its time and is reported at info only, as ○ is.
 */
const ZERO_NORM_YEAR = 1987;

/** A year in Chinese numerals with a zero that is not 〇 (二零二四年, 二O二四年, 一九九0年, 一九八○年). */
const CN_YEAR = /(?<![〇零○OＯoｏ0０一二三四五六七八九十百千万亿两])[一二][〇零○OＯoｏ0０一二三四五六七八九]{3}(?=年)/g;
const WRONG_ZERO = /[零○OＯoｏ0０]/g;
/** Thousands grouped with a full-width comma or a 、 (6，600 / 33，212，000). */
const GROUPED = /(?<![0-9０-９.．，、])([0-9]{1,3})((?:，[0-9]{3})+|(?:、[0-9]{3})+)(?![0-9０-９]|[，、][0-9])/g;
const GROUPED_HINT = /[0-9][，、][0-9]|[0-9]{5}/;
/** A number written without grouping that has at least five digits before the decimal point. */
const UNGROUPED = /(?<![0-9.，、])[0-9]{5,}/g;
/** A numeric range with a half-width hyphen: 3-5个, 4.5-5%, 2021-2025年. */
const HYPHEN_RANGE = /(?<![0-9A-Za-z.\-/_]|[A-Za-z/][ \u00a0])([0-9]{1,4}(?:\.[0-9]+)?)(%|％)?-([0-9]{1,4}(?:\.[0-9]+)?)(%|％)?(?![0-9A-Za-z.\-/_])/g;
/** 「？。」「！。」: an end mark doubled (「？。。」: every 。 after it goes, so that the fix leaves none). */
const DOUBLE_END = /[？！]。+/g;
/** 「...」「。。。」 for 「……」, 「--」 for 「——」. */
const ELLIPSIS = /\.{3,}|。{3,}|…{3,}/g;
const DASH = /-{2,}|－{2,}/g;
/** A line that may hold one of DOUBLE_END, ELLIPSIS, DASH. */
const MARKS_HINT = /[？！]。|\.\.\.|。。。|………|--|－－/;

/** 、 between quoted or titled items (「“A”、“B”」, 「《A》、《B》」) and the same items written without it. */
const SERIAL_PAIRS: ReadonlyArray<{ withMark: RegExp; without: RegExp }> = [
  { withMark: /”、“/g, without: /”“/g },
  { withMark: /》、《/g, without: /》《/g },
];

const YEAR_HINT = 1;
const HYPHEN_HINT = 2;
const MARK_HINT = 4;
const GROUP_HINT = 8;
const SERIAL_HINT = 16;

/** What a line may hold: the tests that decide which of the scans below it needs. */
function hintsOf(text: string): number {
  return (
    (text.includes('年') ? YEAR_HINT : 0) |
    (text.includes('-') ? HYPHEN_HINT : 0) |
    (MARKS_HINT.test(text) ? MARK_HINT : 0) |
    (GROUPED_HINT.test(text) ? GROUP_HINT : 0) |
    (text.includes('“') || text.includes('《') ? SERIAL_HINT : 0)
  );
}

interface Place {
  readonly line: number;
  readonly from: number;
  readonly to: number;
  readonly message: string;
  readonly fix?: { title: string; edits: Array<{ from: number; to: number; newText: string }>; preferred?: boolean };
  readonly severity?: Severity;
}

const chineseAt = (s: string, i: number): boolean => i >= 0 && i < s.length && (isHanCode(s.charCodeAt(i)) || isChinesePunctuation(s.charCodeAt(i)));

/** A place of one line, in its columns: `early` when its severity is info in a text written before 1987. */
type LinePlace = Omit<Place, 'line'> & { readonly early?: boolean };

function years(p: { readonly text: string }, out: LinePlace[]): void {
  for (const m of p.text.matchAll(CN_YEAR)) {
    const year = m[0];
    if (!/[零○OＯoｏ0０]/.test(year) || !/[一二三四五六七八九〇]{2}/.test(year.replace(WRONG_ZERO, '〇'))) continue;
    const right = year.replace(WRONG_ZERO, '〇');
    const from = m.index ?? 0;
    // ○ (a white circle) looks like 〇 on paper: texts typed before 〇 was in the fonts used it throughout.
    const circleOnly = !/[零OＯoｏ0０]/.test(year);
    const oldZero = !circleOnly && !/[OＯoｏ0０]/.test(year);
    out.push({
      from, to: from + year.length,
      message: t('A year in Chinese numerals writes zero as "〇": "{0}年" (GB/T 15835).', right),
      fix: { title: t('Change "{0}" to "{1}"', year, right), edits: [{ from, to: from + year.length, newText: right }], preferred: true },
      ...(circleOnly ? { severity: 'info' as const } : oldZero ? { early: true } : {}),
    });
  }
}

/** The numbers of a line grouped with 「，」 or 「、」, and how many it writes without grouping. */
function groupedIn(text: string): { found: LinePlace[]; ungrouped: number } {
  const found: LinePlace[] = [];
  if (!GROUPED_HINT.test(text)) return { found, ungrouped: 0 };
  for (const m of text.matchAll(GROUPED)) {
    const [all, lead = '', rest = ''] = m;
    if (rest.startsWith('、') && lead.length === 3) continue; // 100、200、300: a list
    const from = m.index ?? 0;
    const plain = all.replace(/[，、]/g, '');
    found.push({
      from, to: from + all.length,
      message: t('"{0}" is used as a thousands separator in "{1}": write "{2}" (GB/T 15835).', rest.charAt(0), all, plain),
      fix: { title: t('Change "{0}" to "{1}"', all, plain), edits: [{ from, to: from + all.length, newText: plain }] },
      severity: 'info',
    });
  }
  return { found, ungrouped: text.match(UNGROUPED)?.length ?? 0 };
}

function grouped(lines: ReadonlyArray<{ readonly line: number; readonly read: LineRead }>, out: Place[]): void {
  const found: Place[] = [];
  let ungrouped = 0;
  for (const { line, read } of lines) {
    for (const lp of read.grouped.found) found.push({ ...lp, line });
    ungrouped += read.grouped.ungrouped;
  }
  // A text that groups its large numbers this way throughout follows an older convention: not a slip.
  if (found.length >= 3 && found.length > ungrouped) return;
  out.push(...found);
}

function ranges(p: { readonly text: string }, out: LinePlace[]): void {
  for (const m of p.text.matchAll(HYPHEN_RANGE)) {
    const [all, a = '', unit = '', b = '', unit2 = ''] = m;
    const from = m.index ?? 0;
    const to = from + all.length;
    if (!chineseAt(p.text, from - 1) && !chineseAt(p.text, to)) continue;
    const after = p.text.charAt(to);
    // Spans of years, months or days take a dash (2021—2025年, 1—6月), other ranges, durations too
    // (3～5个, 3～5年), a wave dash — GB/T 15834-2011 4.13.
    const years = a.length === 4 && b.length === 4 && /^(?:19|20)/.test(a) && /^(?:19|20)/.test(b);
    const mark = (years && after === '年') || /[月日号]/.test(after) ? '—' : '～';
    const at = from + a.length + unit.length;
    out.push({
      from, to,
      message: t('A range in Chinese text takes "{0}", not a hyphen: "{1}" (GB/T 15834).', mark, `${a}${unit}${mark}${b}${unit2}`),
      fix: { title: t('Change "{0}" to "{1}"', '-', mark), edits: [{ from: at, to: at + 1, newText: mark }] },
      severity: 'info',
    });
  }
}

function marks(p: { readonly text: string }, out: LinePlace[]): void {
  for (const m of p.text.matchAll(DOUBLE_END)) {
    const from = m.index ?? 0;
    const first = m[0].charAt(0);
    out.push({
      from, to: from + m[0].length,
      message: t('"{0}" already ends the sentence: the "。" after it is one mark too many.', first),
      fix: { title: t('Remove "{0}"', m[0].slice(1)), edits: [{ from: from + 1, to: from + m[0].length, newText: '' }] },
    });
  }
  for (const m of p.text.matchAll(ELLIPSIS)) {
    const from = m.index ?? 0;
    const to = from + m[0].length;
    if (m[0].startsWith('.') && !chineseAt(p.text, from - 1) && !chineseAt(p.text, to)) continue;
    if (m[0].startsWith('…') && m[0].length % 2 === 0) continue;
    out.push({
      from, to,
      message: t('The Chinese ellipsis is "……" (two marks of three dots), not "{0}" (GB/T 15834).', m[0]),
      fix: { title: t('Change "{0}" to "{1}"', m[0], '……'), edits: [{ from, to, newText: '……' }] },
    });
  }
  for (const m of p.text.matchAll(DASH)) {
    const from = m.index ?? 0;
    const to = from + m[0].length;
    if (!chineseAt(p.text, from - 1) && !chineseAt(p.text, to) && !(p.text.slice(0, from).trim() === '' && /[0-9\p{Script=Han}]/u.test(p.text.charAt(to)))) continue;
    out.push({
      from, to,
      message: t('The Chinese dash is "——", not "{0}" (GB/T 15834).', m[0]),
      fix: { title: t('Change "{0}" to "{1}"', m[0], '——'), edits: [{ from, to, newText: '——' }] },
    });
  }
}

/** For each of SERIAL_PAIRS, the 、 between quoted or titled items of a line and how many such items it writes without it. */
function serialIn(text: string): Array<{ found: LinePlace[]; plain: number }> {
  return SERIAL_PAIRS.map(({ withMark, without }) => {
    const found: LinePlace[] = [];
    if (!text.includes('“') && !text.includes('《')) return { found, plain: 0 };
    for (const m of text.matchAll(withMark)) {
      const from = (m.index ?? 0) + 1;
      found.push({
        from, to: from + 1,
        message: t('No "、" between quoted or titled items ("{0}{1}", GB/T 15834): this document writes them without it elsewhere.', m[0].charAt(0), m[0].charAt(2)),
        fix: { title: t('Remove "{0}"', '、'), edits: [{ from, to: from + 1, newText: '' }] },
        severity: 'info',
      });
    }
    return { found, plain: text.match(without)?.length ?? 0 };
  });
}

function serialMarks(lines: ReadonlyArray<{ readonly line: number; readonly read: LineRead }>, out: Place[]): void {
  SERIAL_PAIRS.forEach((_, k) => {
    const found: Place[] = [];
    let plain = 0;
    for (const { line, read } of lines) {
      const pair = read.serial[k];
      if (!pair) continue;
      plain += pair.plain;
      for (const lp of pair.found) found.push({ ...lp, line });
    }
    // Many edited texts keep the 、 throughout (the standard says 通常不用): a house style, not a slip.
    if (plain > found.length) out.push(...found);
  });
}

/** What number-style reads in one line (its text alone decides it: kept per text from version to version). */
interface LineRead {
  readonly hints: number;
  /** Years, ranges and marks, in that order. */
  readonly own: readonly LinePlace[];
  readonly grouped: { readonly found: readonly LinePlace[]; readonly ungrouped: number };
  readonly serial: ReadonlyArray<{ readonly found: readonly LinePlace[]; readonly plain: number }>;
}

const NO_SERIAL: LineRead['serial'] = [];
const NO_GROUPED: LineRead['grouped'] = { found: [], ungrouped: 0 };

function readLine(text: string): LineRead {
  const hints = hintsOf(text);
  const own: LinePlace[] = [];
  const p = { text };
  if (hints & YEAR_HINT) years(p, own);
  if (hints & HYPHEN_HINT) ranges(p, own);
  if (hints & MARK_HINT) marks(p, own);
  return { hints, own, grouped: hints & GROUP_HINT ? groupedIn(text) : NO_GROUPED, serial: hints & SERIAL_HINT ? serialIn(text) : NO_SERIAL };
}

/**
 * Numbers and marks written against GB/T 15835-2011 and GB/T 15834-2011: a Chinese-numeral year
 * with 零/O/0 for 〇; a full-width comma or 、 grouping thousands (6，600); a numeric range with a
 * half-width hyphen (3-5个); 、 between quoted or titled items where the document otherwise
 * omits it; 「？。」「！。」; 「...」「。。。」 for 「……」 and 「--」 for 「——」.
 */
export const numberStyle = defineRule({
  id: 'number-style',
  defaultSeverity: 'warning',
  description: {
    en: 'Numbers and marks against GB/T 15835/15834: 二零二四年 → 二〇二四年, 6，600 → 6600, 3-5个 → 3～5个, 》、《, ？。, ... and -- for …… and ——.',
    zh: '数字与标点用法（GB/T 15835、GB/T 15834）：二零二四年→二〇二四年、6，600→6600、3-5个→3～5个、》、《、？。、以 ... 和 -- 代替 …… 和 ——。',
  },
  tags: ['proofreading', 'numbers', 'punctuation'],
  fixable: 'safe',
  options: {},
  check(model, _options, token) {
    const lines = proseLines(model);
    const places: Place[] = [];
    let before: boolean | undefined;
    const early = (): boolean => (before ??= (documentYear(model) ?? ZERO_NORM_YEAR) < ZERO_NORM_YEAR);
    // Each line is read once (kept from the previous version for every line an edit did not touch): most lines have none of these marks.
    const reads = lines.map((p) => ({ line: p.line, read: model.memo.read('number-style', p.text, readLine) }));
    for (const { line, read } of reads) {
      if (token?.isCancellationRequested) return [];
      for (const { early: oldZero, ...lp } of read.own) places.push(oldZero && early() ? { ...lp, line, severity: 'info' } : { ...lp, line });
    }
    grouped(reads.filter((r) => (r.read.hints & GROUP_HINT) !== 0), places);
    serialMarks(reads.filter((r) => (r.read.hints & SERIAL_HINT) !== 0), places);
    places.sort((a, b) => a.line - b.line || a.from - b.from);
    const range = (line: number, from: number, to: number): Range => model.index.range(line, from, to);
    return places.map((p): Finding => ({
      range: range(p.line, p.from, p.to),
      message: p.message,
      ...(p.fix ? { fixes: [{ title: p.fix.title, edits: p.fix.edits.map((e) => ({ range: range(p.line, e.from, e.to), newText: e.newText })), ...(p.fix.preferred ? { preferred: true } : {}) }] } : {}),
      ...(p.severity ? { severity: p.severity } : {}),
    }));
  },
});
