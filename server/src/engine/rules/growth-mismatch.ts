import { derivedCache } from '../model/derived';
import type { Figure } from '../model/figures';
import { movedFrom, sentencesOf, type Sentence } from '../model/statements';
import type { ReportModel } from '../model/types';
import { t } from '../i18n';
import { formatNumber } from './total-mismatch';
import { defineRule, type Finding } from './types';
import { memoTable } from '../util/memo-table';

/** How a rate follows from two figures. */
export type GrowthKind = 'percent' | 'points' | 'times-more' | 'times' | 'doubling';

export interface GrowthCheck {
  readonly kind: GrowthKind;
  /** The earlier figure, the later one and the stated rate (for 翻一番, the rate is undefined). */
  readonly from: Figure;
  readonly to: Figure;
  readonly rate: Figure | undefined;
  /** 翻一番 = 1, 翻两番 = 2 … */
  readonly doublings: number;
  readonly falling: boolean;
  /** The rate computed from the figures as written, and the interval their rounding allows. */
  readonly computed: number;
  readonly low: number;
  readonly high: number;
  readonly agrees: boolean;
  /** 「(29.33 − 11.66) / 11.66 = 151.5 %」 */
  readonly arithmetic: string;
  /** The text of the stated rate or multiple (「20.3%」 or 「翻一番」), for messages. */
  readonly stated: string;
}

const F = '\u0001(\\d+)\u0002';
const GAP = '[^，,。；;\u0001]';
const UP = '增长|增加|提高|上升|提升|扩大|增至|增加到|提高到|上升到|提升到|扩大到';
const DOWN = '下降|减少|降低|缩小|回落|下降到|减少到|降低到|缩小到|降至|减至';
/** 「由A增长到B，增长C%」「从A%提高到B%，提高N个百分点」「由A增加到B，增长N倍」「由A增加到B，翻了一番」. */
const FROM_TO = new RegExp(
  `(?:由|从)${GAP}{0,12}?${F}${GAP}{0,4}?(?:(${UP})|(${DOWN}))?(?:到|至)?了?${F}(${GAP}{0,6}[，,、]?${GAP}{0,10}?)(?:(?:(增长|增加|提高|上升|提升|增幅为?|涨幅为?)|(下降|减少|降低|回落|降幅为?))了?${F}|(翻了?([一两二三四])番))`,
  'gu',
);
/** 「比上年的A增长C%，达到B」. */
const THAN_REACH = new RegExp(`比${GAP}{0,10}?的${F}(?:(增长|增加|提高|上升)|(下降|减少|降低))了?${F}[，,]?(?:达到|达|为|增至|增加到|提高到|降至|降到|下降到)${F}`, 'gu');
/** 「B，是A的N倍」. */
const TIMES = new RegExp(`${F}[，,]?(?:是|为|相当于)${GAP}{0,10}?的?${F}的${F}`, 'gu');
/** Average yearly growth over several years is compound: not the simple ratio of two figures. */
const COMPOUND = /年均|平均|每年|年增|累计|同比|环比|比上年|较上年/u;
/**
 * A real rate, at comparable or constant prices (「按可比价格计算增长102%」「扣除价格因素实际增长」), cannot
 * be checked against the nominal amounts it follows.
 */
const REAL = /可比价|不变价|扣除价格|剔除价格|实际增长|实际增加|实际提高|实际下降/u;
const DOUBLINGS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4 };

/** Half a unit in the last place of a rounded figure (an integer count with no 万/亿 is exact). */
function halfUnit(f: Figure): number {
  const exactCount = f.decimals === 0 && f.multiplier === 1 && f.kind !== 'percent';
  return exactCount ? 0 : 0.5 * Math.pow(10, -f.decimals) * (f.kind === 'percent' ? 1 : f.multiplier);
}

const isExact = (f: Figure): boolean => f.approx === 'exact';
const sameScale = (a: Figure, b: Figure): boolean => (a.kind === 'percent' ? b.kind === 'percent' : a.unit === b.unit && a.per === b.per && (a.kind === 'count' || a.kind === 'amount' || a.kind === 'measure'));

const CACHE = derivedCache<GrowthCheck[]>();
/** The checks of each sentence object, kept as long as the sentence lives (they depend on the sentence alone). */
const BY_SENTENCE = memoTable<Sentence, readonly GrowthCheck[]>();

/** Every statement of two figures and the rate between them (memoised per model: the rule and the hover read it). */
export function growthChecks(model: ReportModel): GrowthCheck[] {
  let out = CACHE.get(model);
  if (!out) {
    out = [];
    for (const s of sentencesOf(model)) {
      if (s.figures.length < 2) continue;
      // A sentence of a paragraph an edit did not touch is the previous version's object: its checks are the same.
      let found = BY_SENTENCE.get(s);
      if (!found) BY_SENTENCE.set(s, (found = moved(s) ?? inSentence(s)));
      out.push(...found);
    }
    CACHE.set(model, out);
  }
  return out;
}

/** The checks of a sentence moved from the previous version's (same text): theirs, with this sentence's figures and line. */
function moved(s: Sentence): readonly GrowthCheck[] | undefined {
  const old = movedFrom(s);
  const found = old && BY_SENTENCE.get(old);
  if (!old || !found) return undefined;
  if (found.length === 0) return found;
  const figure = (f: Figure): Figure => s.figures[old.figures.indexOf(f)] ?? f;
  return found.map((c) => {
    const to = figure(c.to);
    const rate = c.rate && figure(c.rate);
    return { ...c, from: figure(c.from), to, rate };
  });
}

function template(s: Sentence): string {
  let text = '';
  let at = s.start;
  s.figures.forEach((f, k) => {
    text += s.text.slice(at - s.start, f.from - s.start) + `\u0001${k}\u0002`;
    at = f.to;
  });
  return text + s.text.slice(at - s.start);
}

/** The character before a figure is a numeral's: the figure is the tail of a longer number (「七十二亿六千万度」 read as 六千万度). */
const NUMERAL_BEFORE = /[0-9０-９〇零一二两三四五六七八九十百千万亿点.．]$/u;

function inSentence(s: Sentence): GrowthCheck[] {
  const out: GrowthCheck[] = [];
  // Each pattern needs its words and figures: most sentences have none of them, and no template is made.
  const { text } = s;
  const fromTo = text.includes('由') || text.includes('从');
  const three = s.figures.length >= 3;
  const thanReach = three && text.includes('比');
  const times = three && (text.includes('是') || text.includes('为') || text.includes('相当于'));
  if (!fromTo && !thanReach && !times) return out;
  const tpl = template(s);
  const whole = (f: Figure | undefined): Figure | undefined => (f && !NUMERAL_BEFORE.test(s.text.slice(Math.max(0, f.from - s.start - 1), f.from - s.start)) ? f : undefined);
  const fig = (k: string | undefined): Figure | undefined => (k === undefined ? undefined : whole(s.figures[Number(k)]));
  if (fromTo) for (const m of tpl.matchAll(FROM_TO)) {
    const [, a, up, down, b, between, rateUp, rateDown, c, doubling, times] = m;
    if (COMPOUND.test(between ?? '') || COMPOUND.test(tpl.slice(Math.max(0, (m.index ?? 0) - 6), m.index))) continue;
    if (REAL.test(m[0]) || REAL.test(tpl.slice(Math.max(0, (m.index ?? 0) - 12), m.index))) continue;
    const from = fig(a);
    const to = fig(b);
    if (!from || !to) continue;
    const falling = down !== undefined || rateDown !== undefined;
    if ((up !== undefined && rateDown !== undefined) || (down !== undefined && rateUp !== undefined)) continue;
    const check = doubling ? compare(from, to, undefined, falling, DOUBLINGS[times ?? ''] ?? 0, doubling) : compare(from, to, fig(c), falling, 0, '');
    if (check) out.push(check);
  }
  if (thanReach) for (const m of tpl.matchAll(THAN_REACH)) {
    const [, a, , rateDown, c, b] = m;
    if (REAL.test(m[0])) continue;
    const from = fig(a);
    const to = fig(b);
    if (!from || !to) continue;
    const check = compare(from, to, fig(c), rateDown !== undefined, 0, '');
    if (check) out.push(check);
  }
  if (times) for (const m of tpl.matchAll(TIMES)) {
    const [, b, a, n] = m;
    const to = fig(b);
    const from = fig(a);
    const rate = fig(n);
    if (!to || !from || !rate || rate.kind !== 'multiple') continue;
    const check = compare(from, to, rate, false, 0, '', true);
    if (check) out.push(check);
  }
  return out;
}

function compare(from: Figure, to: Figure, rate: Figure | undefined, falling: boolean, doublings: number, doublingText: string, times = false): GrowthCheck | undefined {
  if (!isExact(from) || !isExact(to) || (rate && !isExact(rate)) || !sameScale(from, to) || from.value <= 0) return undefined;
  const [a, ua, b, ub] = [from.value, halfUnit(from), to.value, halfUnit(to)];
  const scale = from.kind === 'percent' ? 1 : from.multiplier;
  const show = (v: number, f: Figure): string => formatNumber(v / (f.kind === 'percent' ? 1 : scale), Math.max(from.decimals, to.decimals, 0));
  let kind: GrowthKind;
  let value: (x: number, y: number) => number;
  let arithmetic: string;
  const sign = falling ? -1 : 1;
  if (doublings > 0) {
    kind = 'doubling';
    value = (x, y) => y / x;
    arithmetic = `${show(b, to)} / ${show(a, from)}`;
  } else if (!rate) {
    return undefined;
  } else if (rate.kind === 'points') {
    if (from.kind !== 'percent') return undefined;
    kind = 'points';
    value = (x, y) => sign * (y - x);
    arithmetic = falling ? `${show(a, from)} − ${show(b, to)}` : `${show(b, to)} − ${show(a, from)}`;
  } else if (rate.kind === 'percent') {
    if (from.kind === 'percent') return undefined; // 「由44%提高到45%，提高1%」: relative or points, unclear
    kind = 'percent';
    value = (x, y) => (sign * (y - x) * 100) / x;
    arithmetic = falling ? `(${show(a, from)} − ${show(b, to)}) / ${show(a, from)}` : `(${show(b, to)} − ${show(a, from)}) / ${show(a, from)}`;
  } else if (rate.kind === 'multiple') {
    if (from.kind === 'percent' || falling) return undefined;
    kind = times ? 'times' : 'times-more';
    value = times ? (x, y) => y / x : (x, y) => y / x - 1;
    arithmetic = times ? `${show(b, to)} / ${show(a, from)}` : `${show(b, to)} / ${show(a, from)} − 1`;
  } else {
    return undefined;
  }
  // The interval the rounding of both figures allows (the rate grows with b and falls with a).
  const corners = [value(a - ua, b - ub), value(a - ua, b + ub), value(a + ua, b - ub), value(a + ua, b + ub), value(a, b)].filter((v) => Number.isFinite(v));
  const computed = value(a, b);
  const low = Math.min(...corners);
  const high = Math.max(...corners);
  let agrees: boolean;
  let stated: string;
  if (kind === 'doubling') {
    const target = Math.pow(2, doublings);
    // 翻一番 is twice as much, said of figures that are roughly twice: within a tenth.
    agrees = high >= target * 0.9 && low <= target * 1.1;
    stated = doublingText;
  } else {
    const r = rate as Figure;
    const ur = 0.5 * Math.pow(10, -r.decimals);
    agrees = high >= r.value - ur - 1e-9 && low <= r.value + ur + 1e-9;
    stated = r.text;
  }
  const unit = kind === 'percent' ? '%' : kind === 'points' ? '个百分点' : '倍';
  const decimals = kind === 'doubling' ? 2 : Math.max(1, (rate as Figure).decimals);
  const full = `${arithmetic} = ${formatNumber(computed, decimals)}${kind === 'doubling' ? '' : unit}`;
  return { kind, from, to, rate, doublings, falling, computed, low, high, agrees, arithmetic: full, stated };
}

export const growthMismatch = defineRule({
  id: 'growth-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: 'A growth rate that does not follow from the two figures it is computed from: 由11.66亿元增加到29.33亿元，增长51.5% (the figures give 151.5 %).',
    zh: '增长率与其所依据的两个数据不符（如“由11.66亿元增加到29.33亿元，增长51.5%”，按数据应为151.5%）。',
  },
  tags: ['numbers'],
  fixable: 'suggestion',
  options: {},
  check(model, _options, token) {
    if (token?.isCancellationRequested) return [];
    const out: Finding[] = [];
    for (const c of growthChecks(model)) {
      if (c.agrees) continue;
      const related = [
        { location: { uri: model.uri, range: c.from.range }, message: t('from: {0}', c.from.text) },
        { location: { uri: model.uri, range: c.to.range }, message: t('to: {0}', c.to.text) },
      ];
      if (c.kind === 'doubling') {
        out.push({ range: { start: c.from.range.start, end: c.to.range.end }, message: t('"{0}" means twice as much, but the figures give {1}.', c.stated, c.arithmetic), related, data: { arithmetic: c.arithmetic } });
        continue;
      }
      const rate = c.rate as Figure;
      // The computed value is offered when both figures are exact (no rounding in them).
      const exact = c.low === c.high;
      const fixed = formatNumber(c.computed, rate.decimals);
      out.push({
        range: rate.range,
        message: t('{0} does not follow from {1} and {2}: {3}.', rate.text, c.from.text, c.to.text, c.arithmetic),
        fixes: exact ? [{ title: t('Change the rate to {0}', fixed + rate.unit), edits: [{ range: rate.numberRange, newText: fixed }] }] : [],
        related,
        data: { arithmetic: c.arithmetic, computed: c.computed },
      });
    }
    return out;
  },
});
