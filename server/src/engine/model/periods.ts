/**
 * The period the figures of a paragraph are about. Reports state the period once and let it run on:
 * 「过去的五年极不寻常。」 opens a run of paragraphs whose figures are five-year totals, 「刚刚过去的2025年，…」
 * a run of the year's figures, 「今年是“十五五”开局之年。」 a run of targets. A paragraph that opens with such
 * words sets the period of the paragraphs after it, until another one does or a level-1 section starts; a
 * heading whose title names a single period sets it too (「“十四五”时期工作回顾」), one that names two
 * (「一、“十四五”时期和2025年工作回顾」) leaves it to the paragraphs.
 *
 * Labels: 'term' (a five-year plan's period, 五年来), 'year:2025' (one year; 去年 and 过去一年 are the year
 * before the report's), 'plan:2026' (今年's targets), 'plan:term' (the coming five-year plan's). '' when nothing says.
 */
import { derivedCache } from './derived';
import type { Paragraph, ReportModel } from './types';

const LEAD = '^[\\s　]*(?:各位代表[！!，,]|同志们[！!，,])?[\\s　]*';
const TERM_OPEN = new RegExp(`${LEAD}(?:(?:刚刚)?过去的?五年|五年来|这五年|五年间|近五年|“?十[一二三四五六七八九]五”?(?:时期|期间|以来))`, 'u');
const Y = '(?:19|20|１９|２０|一九|二〇|二零)[0-9０-９〇零一二三四五六七八九]{2}';
/** 「刚刚过去的2025年…」, or a year and the frame of what follows (「2025年，」「１９５５年决算…」), or 去年. */
const YEAR_OPEN = new RegExp(
  `${LEAD}(?:(?:刚刚过去的|过去的)(?<y1>${Y})年|(?<y2>${Y})年(?:[，,是]|以来|全年|我们|工作|决算|预算|国家|全国|全省|全市|全区|全县|很|极|在)|(?<past>(?:刚刚)?过去的?一年|一年来|去年))`,
  'u',
);
const THIS_YEAR_OPEN = new RegExp(`${LEAD}(?:这一年|这一年来)`, 'u');
const PLAN_OPEN = new RegExp(`${LEAD}(?:今年|明年|下一步|下阶段|今后|未来五年)`, 'u');
/** Words of targets: a 「“十五五”时期」 that is to come. */
const TARGET_WORDS = /目标|任务|要|将|努力|力争|预期|建议|规划/u;
const YEAR_IN = new RegExp(`${Y}(?=年)`, 'u');
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A year written with ASCII, full-width or Chinese digits (「2025」「１９５５」「一九五八」). */
export function yearValue(written: string): number {
  let n = 0;
  for (const c of written) {
    const code = c.charCodeAt(0);
    n = n * 10 + (code >= 0xff10 && code <= 0xff19 ? code - 0xff10 : code >= 0x30 && code <= 0x39 ? code - 0x30 : (DIGIT[c] ?? 0));
  }
  return n;
}

/**
 * The year of the report's 今年 and the first year of its plans. A government work report is dated by its
 * meeting (「——2026年1月26日」): its 今年 is the year it plans, 2025 the year it reviews. A summary or 述职
 * report is titled by the year it reviews (「2023年度述职述德述廉报告」): its 今年 is that year.
 */
export interface ReportYear {
  readonly year: number;
  /** Years from this one on are plans. */
  readonly planFrom: number;
}

const REVIEW_TITLE = /年度|总结|述职|汇报|回顾|年终|半年/u;

/** Words of a heading that plans (「三、2026年重点工作」「二、2010年主要任务」), and of one that reviews. */
const PLAN_TITLE = /工作|任务|目标|安排|计划|部署|建议|打算/u;
const REVIEW_IN_TITLE = /回顾|完成|执行|总结|成就|成效|进展/u;

/**
 * The year of the report's plans when its text says so: the latest year named alone in a heading that plans
 * (「三、2026年重点工作」, or a line of its own that reads as one), else the year after the one the report opens with when a later paragraph opens with
 * the next year (「2025年是“十四五”收官之年。」 … 「2026年是“十五五”开局之年。」). A report pasted from 「各位代表」
 * on has no title or meeting date: the year its first lines name is the year it reviews.
 */
function plannedYear(model: ReportModel, opening: number | undefined): number | undefined {
  let planned: number | undefined;
  // Headings, and lines that read as unnumbered headings (short, no sentence punctuation).
  // (Each text is read once, then kept from one version of the document to the next.)
  const consider = (title: string): void => {
    const y = model.memo.read('planned-year', title, yearPlannedBy);
    if (y !== undefined && (planned === undefined || y > planned)) planned = y;
  };
  for (const h of model.headings) consider(h.title);
  for (const p of model.paragraphs) if (p.text.length <= 40 && !/[。，；！？,;]/u.test(p.text)) consider(p.text);
  if (planned !== undefined) return opening === undefined || planned >= opening ? planned : undefined;
  if (opening === undefined) return undefined;
  for (const p of model.paragraphs) if (model.memo.read('year-is-open', p.text, yearItOpensWith) === opening + 1) return opening + 1;
  return undefined;
}

const ONE_YEAR = new RegExp(`${Y}(?=年)`, 'gu');
const YEAR_IS_OPEN = new RegExp(`${LEAD}${Y}(?=年是)`, 'u');

/** The year a title plans, when it names exactly one and reads as a plan (「三、2026年重点工作」). */
function yearPlannedBy(title: string): number | undefined {
  const years = [...title.matchAll(ONE_YEAR)];
  if (years.length !== 1 || !PLAN_TITLE.test(title) || REVIEW_IN_TITLE.test(title)) return undefined;
  return yearValue(years[0]?.[0] ?? '');
}

/** The year of a paragraph that opens 「2026年是……」, else -1. */
function yearItOpensWith(text: string): number {
  const m = YEAR_IS_OPEN.exec(text);
  return m ? yearValue(m[0].replace(/^[^0-9０-９一二]*/u, '')) : -1;
}

/** (The latest year of the first lines: 「关于1955年国家决算和1956年国家预算的报告」 is of 1956.) */
export function reportYear(model: ReportModel): ReportYear | undefined {
  let year: number | undefined;
  let first = '';
  let firstLine = -1;
  const all = new RegExp(YEAR_IN.source, 'gu');
  for (let l = 0; l < Math.min(6, model.index.lineCount); l++) {
    const text = model.index.line(l).text;
    for (const m of text.matchAll(all)) {
      const y = yearValue(m[0]);
      if (year === undefined || y > year) year = y;
      if (firstLine < 0) [first, firstLine] = [text, l];
    }
  }
  const title = model.title?.text ?? first;
  const review = REVIEW_TITLE.test(title) && !/政府工作报告|计划.{0,6}报告|预算.{0,6}报告/u.test(title);
  // A summary titled by the year it reviews (「2023年度述职述德述廉报告」) keeps that year; a report that plans says
  // which year. (A section heading 「一、2025年工作回顾」 is no title.)
  let opening = 0;
  while (opening < model.index.lineCount && model.index.line(opening).text.trim() === '') opening++;
  const titled = model.title !== undefined || (firstLine === opening && !model.headings.some((h) => h.line === firstLine));
  if (!(review && titled)) {
    const planned = plannedYear(model, year);
    if (planned !== undefined) return { year: planned, planFrom: planned };
  }
  if (year === undefined) return undefined;
  return { year, planFrom: review ? year + 1 : year };
}

const SO_FAR_OPEN = new RegExp(`${LEAD}(?:今年以来|今年来|本年度|今年上半年|今年前)`, 'u');

/** The period a piece of text opens with, if it names one. */
export function openingPeriod(text: string, ry: ReportYear | undefined): string | undefined {
  const y = YEAR_OPEN.exec(text);
  const written = y?.groups?.['y1'] ?? y?.groups?.['y2'];
  if (written) {
    const n = yearValue(written);
    return ry !== undefined && n >= ry.planFrom ? `plan:${n}` : `year:${n}`;
  }
  // 去年 and 过去一年 are the year before the one the report plans.
  if (y?.groups?.['past']) return ry !== undefined ? `year:${ry.planFrom - 1}` : 'year:past';
  if (SO_FAR_OPEN.test(text)) return ry !== undefined ? `year:${ry.year}` : 'year:this';
  if (/^\s*未来五年/u.test(text)) return 'plan:term';
  if (PLAN_OPEN.test(text)) return ry !== undefined && ry.planFrom > ry.year && /^\s*今年/u.test(text) ? `year:${ry.year}` : planOf(ry);
  if (TERM_OPEN.test(text)) return termToCome(text.slice(0, 20), ry?.planFrom) ? 'plan:term' : 'term';
  return undefined;
}

/** The plan of the report's coming year: 'plan:2026'. */
const planOf = (ry: ReportYear | undefined): string => (ry !== undefined ? `plan:${ry.planFrom}` : 'plan');

const ORDINAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 「十五五」 in a report of 2026: a five-year plan that starts in or after the report's year (六五 began in 1981, each five years on). */
function termToCome(text: string, year: number | undefined): boolean {
  const m = /十([一二三四五六七八九])五/u.exec(text);
  if (!m || year === undefined) return false;
  const start = 1981 + 5 * (10 + (ORDINAL[m[1] ?? ''] ?? 0) - 6);
  return start >= year;
}

const NAMED = new RegExp(`(?<base>[比较与同从由至到是])?(?<y>${Y})年|(?<term>十[一二三四五六七八九]五)|(?<five>五年来|五年间|过去五年|过去的五年|五年(?=[新累共建完实]))`, 'gu');

/**
 * The periods a sentence names itself, as labels ('year:2025', 'term', 'plan:2026', 'plan:term'), sorted and joined; '' when
 * none. A year after 比, 较, 从 … is a base or a start (「比2020年提高」), not the period of the figures.
 */
export function namedPeriod(text: string, ry: ReportYear | undefined): string {
  // (Most sentences name no period: a year, 十X五 and 五年 all hold 年 or 五.)
  if (!text.includes('年') && !text.includes('五')) return '';
  const labels = new Set<string>();
  for (const m of text.matchAll(NAMED)) {
    const g = m.groups ?? {};
    if (g['y'] !== undefined) {
      if (g['base'] !== undefined) continue;
      const n = yearValue(g['y']);
      labels.add(ry !== undefined && n >= ry.planFrom ? `plan:${n}` : `year:${n}`);
    } else if (g['term'] !== undefined) labels.add(termToCome(g['term'], ry?.planFrom) ? 'plan:term' : 'term');
    else labels.add('term');
  }
  return [...labels].sort().join(',');
}

const CACHE = derivedCache<Map<Paragraph, string>>();

/** The period of every body paragraph (memoised per model). */
export function paragraphPeriods(model: ReportModel): Map<Paragraph, string> {
  let out = CACHE.get(model);
  if (out) return out;
  out = new Map();
  const ry = reportYear(model);
  const headings = new Map(model.headings.map((h) => [h.line, h]));
  // A summary reviews the year of its title: that is the period of whatever names none.
  const fallback = ry !== undefined && ry.planFrom > ry.year ? `year:${ry.year}` : '';
  let current = fallback;
  let lastHeadingLine = -1;
  // (What a title or a paragraph's opening names depends on its text and the report's year alone: kept per text.)
  const years = ry === undefined ? '' : `${ry.year}:${ry.planFrom}`;
  const titleTable = `period-title:${years}`;
  const openTable = `period-open:${years}`;
  for (const p of model.paragraphs) {
    // Headings between the previous paragraph and this one (a run-in body's heading is on its line).
    for (let l = lastHeadingLine + 1; l <= p.line; l++) {
      const h = headings.get(l);
      if (!h) continue;
      const named = model.memo.get(titleTable, h.title, () => titlePeriod(h.title, ry));
      if (named !== undefined) current = named;
      else if (h.level === 1) current = fallback;
    }
    lastHeadingLine = p.line;
    const opens = THIS_YEAR_OPEN.test(p.text) ? (current.startsWith('year:') ? current : ry !== undefined ? `year:${ry.planFrom - 1}` : 'year:past') : model.memo.get(openTable, p.text, () => openingPeriod(p.text, ry));
    if (opens !== undefined) current = opens;
    out.set(p, current);
  }
  CACHE.set(model, out);
  return out;
}

/** A heading's period when its title names exactly one (「2026年重点工作」, 「“十四五”时期工作回顾」). */
function titlePeriod(title: string, ry: ReportYear | undefined): string | undefined {
  const years = title.match(ONE_YEAR) ?? [];
  const terms = title.match(/十[一二三四五六七八九]五/gu) ?? [];
  if (years.length + terms.length !== 1) return undefined;
  if (years[0] !== undefined) {
    const n = yearValue(years[0]);
    return ry !== undefined && n >= ry.planFrom ? `plan:${n}` : `year:${n}`;
  }
  return termToCome(title, ry?.planFrom) || (TARGET_WORDS.test(title) && !/回顾|完成|成就|成效/u.test(title)) ? 'plan:term' : 'term';
}
