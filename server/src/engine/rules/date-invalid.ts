import type { Range } from 'vscode-languageserver-types';
import type { ReportModel } from '../model/types';
import { t } from '../i18n';
import { parseChineseNumeral, toAsciiDigits } from '../util/numerals';
import { defineRule, type Finding } from './types';

/** A date as written: 「2024年3月5日」「3月5日」「二〇二四年三月五日」, with a weekday after it if any. */
export interface WrittenDate {
  readonly line: number;
  readonly range: Range;
  readonly text: string;
  readonly year: number | undefined;
  readonly month: number;
  readonly day: number | undefined;
  /** 「（星期三）」 after the date: 0 = Sunday … 6 = Saturday. */
  readonly weekday: { readonly value: number; readonly range: Range; readonly text: string } | undefined;
  readonly chinese: boolean;
  /** Written with leading zeros (「03月05日」) or a two-digit year (「24年」). */
  readonly padded: boolean;
  readonly shortYear: boolean;
  /** The date is a line of its own (a 成文日期 under the signature). */
  readonly alone: boolean;
}

const D = '[0-9０-９]';
const C = '[〇零一二三四五六七八九十]';
const DATE_RE = new RegExp(
  `(?<![0-9０-９.．\\-/第])(?:(?<y>${D}{4}|${D}{2}|${C}{4})年)?(?<m>${D}{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?:(?<d>${D}{1,2}|${C}{1,3})[日号])?(?:[（(](?<w>星期[一二三四五六日天]|周[一二三四五六日天])[）)])?`,
  'gu',
);
const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];

function numberOf(s: string): number | undefined {
  const ascii = toAsciiDigits(s);
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  if (/^[〇零一二三四五六七八九]{4}$/u.test(s)) return Number([...s].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join(''));
  return parseChineseNumeral(s);
}

export function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Day of the week of a date of the Gregorian calendar (0 = Sunday). */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** A date of a text, at its offsets in the text (what a text says, wherever it stands). */
interface DateReading {
  readonly start: number;
  readonly text: string;
  readonly year: number | undefined;
  readonly month: number;
  readonly day: number | undefined;
  /** The weekday after the date, its offset in the text and its text. */
  readonly weekday: { readonly value: number; readonly start: number; readonly text: string } | undefined;
  readonly chinese: boolean;
  readonly padded: boolean;
  readonly shortYear: boolean;
  readonly alone: boolean;
}

const NO_DATES: readonly DateReading[] = Object.freeze([]);

/** The dates of a text (kept per text from one version to the next: most paragraphs did not change). */
function datesIn(text: string): readonly DateReading[] {
  let out: DateReading[] | undefined;
  DATE_RE.lastIndex = 0;
  for (const m of text.matchAll(DATE_RE)) {
    const g = m.groups ?? {};
    const ys = g['y'];
    const ds = g['d'];
    // A month alone needs its year or day to be a date (「3月」 is one; 「十二月」 too, but not 「一月份」 in prose: kept).
    if (ys === undefined && ds === undefined) continue;
    const month = numberOf(g['m'] ?? '');
    if (month === undefined) continue;
    const yearText = ys ?? '';
    const start = m.index ?? 0;
    const w = g['w'];
    const whole = m[0];
    const dateText = w ? whole.slice(0, whole.length - w.length - 2) : whole;
    (out ??= []).push({
      start,
      text: dateText,
      year: ys === undefined || yearText.length === 2 ? undefined : numberOf(yearText),
      month,
      day: ds === undefined ? undefined : numberOf(ds),
      weekday: w ? { value: WEEKDAYS[w.slice(-1)] ?? -1, start: start + dateText.length + 1, text: w } : undefined,
      chinese: /[〇零一二三四五六七八九十]/u.test(dateText),
      padded: /(?:^|年)[0０][0-9０-９]月|月[0０][0-9０-９][日号]/u.test(dateText),
      shortYear: ys !== undefined && yearText.length === 2,
      alone: text.trim() === whole.trim(),
    });
  }
  return out ?? NO_DATES;
}

/** Every date in the body paragraphs and headings. */
export function writtenDates(model: ReportModel): WrittenDate[] {
  const out: WrittenDate[] = [];
  const add = (line: number, column: number, text: string): void => {
    if (text.indexOf('月') < 0) return;
    for (const d of model.memo.read('written-dates', text, datesIn)) {
      const start = column + d.start;
      const w = d.weekday;
      out.push({
        line,
        range: { start: { line, character: start }, end: { line, character: start + d.text.length } },
        text: d.text,
        year: d.year,
        month: d.month,
        day: d.day,
        weekday: w ? { value: w.value, range: { start: { line, character: column + w.start }, end: { line, character: column + w.start + w.text.length } }, text: w.text } : undefined,
        chinese: d.chinese,
        padded: d.padded,
        shortYear: d.shortYear,
        alone: d.alone,
      });
    }
  };
  for (const p of model.paragraphs) add(p.line, p.range.start.character, p.text);
  for (const h of model.headings) add(h.line, h.titleRange.start.character, model.index.line(h.line).text.slice(h.titleRange.start.character, h.titleRange.end.character));
  return out;
}

function check(model: ReportModel): Finding[] {
  const out: Finding[] = [];
  for (const d of writtenDates(model)) {
    if (d.month < 1 || d.month > 12) {
      out.push({ range: d.range, message: t('{0} is not a date: there is no month {1}.', d.text, d.month) });
      continue;
    }
    if (d.day !== undefined && (d.day < 1 || d.day > daysInMonth(d.year, d.month))) {
      out.push({ range: d.range, message: t('{0} is not a date: month {1} has {2} days.', d.text, d.month, daysInMonth(d.year, d.month)) });
      continue;
    }
    if (d.weekday && d.year !== undefined && d.day !== undefined && d.weekday.value >= 0) {
      const real = weekdayOf(d.year, d.month, d.day);
      if (real !== d.weekday.value) {
        const right = d.weekday.text.slice(0, -1) + (WEEKDAY_NAMES[real] ?? '');
        out.push({
          range: d.weekday.range,
          message: t('{0} was a {1}, not {2}.', d.text, right, d.weekday.text),
          fixes: [{ title: t('Change to {0}', right), edits: [{ range: d.weekday.range, newText: right }] }],
        });
      }
    }
    // GB/T 9704-2012 7.3.5.1: the 成文日期 in Arabic numerals, the year in full, months and days without a leading 0.
    if (d.padded && d.year !== undefined && d.day !== undefined) {
      const right = `${d.year}年${d.month}月${d.day}日`;
      out.push({
        range: d.range,
        message: t('{0}: dates are written without leading zeros ({1}, GB/T 9704-2012 7.3.5.1).', d.text, right),
        fixes: [{ title: t('Change to {0}', right), edits: [{ range: d.range, newText: right }] }],
      });
    } else if (d.alone && d.day !== undefined && (d.chinese || d.shortYear)) {
      const right = d.year !== undefined ? `${d.year}年${d.month}月${d.day}日` : undefined;
      out.push({
        range: d.range,
        message: d.shortYear ? t('{0}: the date of a document gives the year in full (GB/T 9704-2012 7.3.5.1).', d.text) : t('{0}: the date of a document is written in Arabic numerals (GB/T 9704-2012 7.3.5.1).', d.text),
        fixes: right ? [{ title: t('Change to {0}', right), edits: [{ range: d.range, newText: right }] }] : [],
      });
    }
  }
  return out;
}

export const dateInvalid = defineRule({
  id: 'date-invalid',
  defaultSeverity: 'error',
  description: {
    en: 'A date that does not exist (2月30日, 13月), a weekday that does not match its date, or a document date not written per GB/T 9704-2012 (2024年03月05日).',
    zh: '不存在的日期（如“2月30日”“13月”）、与日期不符的星期，或不符合GB/T 9704-2012的成文日期写法（如“2024年03月05日”）。',
  },
  tags: ['numbers'],
  fixable: 'suggestion',
  options: {},
  check(model, _options, token) {
    if (token?.isCancellationRequested) return [];
    return check(model);
  },
});
