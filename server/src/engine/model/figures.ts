import type { Approx } from '../../../../common/protocol';
import { derivedCache, paragraphCache } from './derived';
import type { Position, Range } from 'vscode-languageserver-types';
import { parseChineseNumeral, toAsciiDigits } from '../util/numerals';
import { NON_FIGURE_FOLLOWERS, UNIT_ALTERNATION, unitKind, type FigureKind } from './figure-units';
import type { Heading, Paragraph, ReportModel, TableCell } from './types';
import { memoTable } from '../util/memo-table';

export type { FigureKind } from './figure-units';

/** How exact a figure is (defined with the protocol): an approximate figure is a bound, never an exact value. */
export type { Approx };

/** What a figure says, whatever line it stands on. */
export class FigureReading {
  constructor(
    /** The figure as written, from the number through its unit and trailing qualifier (「110余批次」, 「5.5%左右」). */
    readonly text: string,
    /** The number as written (「33，212」, 「三十」, 「1.27」). */
    readonly numberText: string,
    /** The number as written, as a value (33212 for 「33，212万吨」). */
    readonly number: number,
    /** 1, or 1e4 for 万, 1e8 for 亿… */
    readonly multiplier: number,
    /** number × multiplier (for percentages: the percentage, 5.5 for 5.5%). */
    readonly value: number,
    /** Upper value of a range (「3～5个」), × multiplier. */
    readonly high: number | undefined,
    /** The measure word or unit after the number and multiplier ('' when none): 件, 人次, 吨, 元, %, 个百分点, 倍. */
    readonly unit: string,
    /** A per-unit suffix such as 「/年」. */
    readonly per: string,
    readonly kind: FigureKind,
    readonly approx: Approx,
    /** The word that makes it approximate (约, 近, 余, 以上, 左右…), '' for exact figures. */
    readonly qualifier: string,
    /** Digits after the decimal point. */
    readonly decimals: number,
  ) {}
}

/** A number as written in the report, with its unit and how it reads, where it stands. */
export interface Figure extends FigureReading {
  readonly line: number;
  /** Range of the whole figure (number, multiplier, unit, trailing qualifier). */
  readonly range: Range;
  /** Range of the number alone. */
  readonly numberRange: Range;
  /** The columns its range starts and ends at on its line (read without making the range). */
  readonly from: number;
  readonly to: number;
  /** Where it was read: body text, a heading's title or a table cell. */
  readonly source: 'text' | 'heading' | 'table';
  /** The paragraph it was read from (source 'text'). */
  readonly paragraph: Paragraph | undefined;
}

const AR = '[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?';
/** A Chinese numeral, with its decimals after 点 (「六十四点八」). */
const CN = '[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?';
const MULT = '万亿|千万|百万|万|亿';
/**
 * A figure: 百分之 and a number (group PCT), or a number (NUM), an optional range to a second number
 * (NUM2 after a separator), 余/多, a multiplier, a unit, a per-unit suffix and a trailing qualifier.
 * (Numbered groups: a match makes no groups object.)
 */
const FIGURE_RE = new RegExp(
  `(?:百分之(${AR}|${CN}))|(${AR}|${CN})(?:([～~—–\\-至到])(${AR}|${CN}))?([余多])?(${MULT})?([余多])?(${UNIT_ALTERNATION})?(/(?:年|月|日|天|小时|人|户))?(以上|以下|左右|上下|以内)?`,
  'gu',
);
const PCT = 1;
const NUM = 2;
const NUM2 = 4;
const MORE1 = 5;
const MULT_GROUP = 6;
const MORE2 = 7;
const UNIT = 8;
const PER = 9;
const POST = 10;
const MULTIPLIERS: Record<string, number> = { 万亿: 1e12, 千万: 1e7, 百万: 1e6, 万: 1e4, 亿: 1e8 };
const AT_LEAST_BEFORE = /(?:超过|不少于|不低于|突破|多于|高于|超|逾)$/u;
const AT_MOST_BEFORE = /(?:将近|接近|不足|不到|少于|低于|近)$/u;
const ABOUT_BEFORE = /(?:大约|约)$/u;

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Value of a number written with Arabic (ASCII or full-width) digits and separators, or Chinese numerals. */
export function parseNumber(s: string): { value: number; decimals: number } | undefined {
  const ascii = toAsciiDigits(s).replace(/[,，]/g, '').replace('．', '.');
  if (/^[0-9]+(?:\.[0-9]+)?$/.test(ascii)) return { value: Number(ascii), decimals: ascii.includes('.') ? ascii.length - ascii.indexOf('.') - 1 : 0 };
  const point = s.indexOf('点');
  const cn = parseChineseNumeral(point < 0 ? s : s.slice(0, point));
  if (cn === undefined || point < 0) return cn === undefined ? undefined : { value: cn, decimals: 0 };
  // 「六十四点八」: the digits after 点 one by one.
  const fraction = [...s.slice(point + 1)].map((c) => CN_DIGIT[c] ?? 0).join('');
  return { value: Number(`${cn}.${fraction}`), decimals: fraction.length };
}

/** Where a piece of text is: its line, the column it starts at, what it is. */
export interface TextPlace {
  readonly line: number;
  readonly column: number;
  readonly source: Figure['source'];
  readonly paragraph: Paragraph | undefined;
}

const NOWHERE: TextPlace = { line: 0, column: 0, source: 'text', paragraph: undefined };
const rangeOf = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });

/**
 * A figure at its columns. A figure of a paragraph reads its line from the paragraph: when an edit
 * only moves the paragraph to another line, the paragraph and its figures are taken over as they
 * are (ModelInput.takeOver), and the ranges are made anew, once, for the new line.
 */
class PlacedFigure extends FigureReading implements Figure {
  readonly source: Figure['source'];
  readonly paragraph: Paragraph | undefined;
  /** The line of a figure outside the body paragraphs (a heading's, a table's). */
  private readonly fixedLine: number;
  readonly from: number;
  readonly to: number;
  private readonly numberFrom: number;
  private readonly numberTo: number;
  private ranges: { readonly range: Range; readonly numberRange: Range } | undefined = undefined;

  constructor(r: FigureReading, place: TextPlace, from: number, to: number, numberFrom: number, numberTo: number) {
    super(r.text, r.numberText, r.number, r.multiplier, r.value, r.high, r.unit, r.per, r.kind, r.approx, r.qualifier, r.decimals);
    this.source = place.source;
    this.paragraph = place.paragraph;
    this.fixedLine = place.line;
    this.from = from;
    this.to = to;
    this.numberFrom = numberFrom;
    this.numberTo = numberTo;
  }

  get line(): number {
    return this.paragraph === undefined ? this.fixedLine : this.paragraph.line;
  }

  get range(): Range {
    return this.placed().range;
  }

  get numberRange(): Range {
    return this.placed().numberRange;
  }

  /** The ranges on the figure's line (made again only when its paragraph moved). */
  private placed(): { readonly range: Range; readonly numberRange: Range } {
    const line = this.line;
    let r = this.ranges;
    if (r === undefined || r.range.start.line !== line) this.ranges = r = { range: rangeOf(line, this.from, this.to), numberRange: rangeOf(line, this.numberFrom, this.numberTo) };
    return r;
  }

  /** The figure's fields as the Figure interface has them but its columns (what JSON.stringify shows). */
  toJSON(): Omit<Figure, 'from' | 'to'> {
    const { text, numberText, number, multiplier, value, high, unit, per, kind, approx, qualifier, decimals, line, range, numberRange, source, paragraph } = this;
    return { text, numberText, number, multiplier, value, high, unit, per, kind, approx, qualifier, decimals, line, range, numberRange, source, paragraph };
  }

  /** The same figure at another place, `columns` further right. */
  movedTo(at: TextPlace, columns: number): PlacedFigure {
    return new PlacedFigure(this, at, this.from + columns, this.to + columns, this.numberFrom + columns, this.numberTo + columns);
  }
}

/** Every figure in a piece of text (by default columns relative to the text on line 0). */
export function scanFigures(text: string, place: TextPlace = NOWHERE): Figure[] {
  return scanPlaced(text, place);
}

function scanPlaced(text: string, place: TextPlace): PlacedFigure[] {
  const out: PlacedFigure[] = [];
  FIGURE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE_RE.exec(text)) !== null) {
    if (m[0].length === 0) {
      FIGURE_RE.lastIndex++;
      continue;
    }
    const f = read(text, m, place);
    if (f) out.push(f);
  }
  return out;
}

function read(text: string, m: RegExpExecArray, place: TextPlace): PlacedFigure | undefined {
  const numText = m[NUM] ?? '';
  const unit = m[UNIT] ?? '';
  const code = numText.charCodeAt(0);
  const chinese = !((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)); // not an ASCII or full-width digit
  // Fast exit for the many Chinese numerals in words (一是, 十四五, 百姓): a figure needs a measure word.
  if (chinese && m[PCT] === undefined && unit === '') return undefined;
  const start = m.index;
  const end = start + m[0].length;
  const before = text.slice(Math.max(0, start - 4), start);
  const after = text.slice(end, end + 6);
  if (m[PCT] !== undefined) {
    const n = parseNumber(m[PCT]);
    if (!n) return undefined;
    const col = place.column + start;
    const reading: FigureReading = { text: m[0], numberText: m[PCT], number: n.value, multiplier: 1, value: n.value, high: undefined, unit: '百分之', per: '', kind: 'percent', approx: 'exact', qualifier: '', decimals: n.decimals };
    return new PlacedFigure(reading, place, col, col + m[0].length, col + 3, col + m[0].length);
  }
  const kind = unitKind(unit);
  const mult = m[MULT_GROUP] ?? '';
  const prev = before.slice(-1);
  if (chinese) {
    // Chinese numerals are figures only before a measure word: not 「一是」「十四五」「千家万户」「五位一体」 or 「第三批」.
    if (!/^(?:[二两三四五六七八九十]|一[百千]|[零〇一]点)/u.test(numText) || prev === '第' || prev === '初' || prev === '周') return undefined;
    if (kind === 'plain' || ((kind === 'measure' || kind === 'amount') && !mult)) return undefined;
    if (/^(?:一体|数|阶)/u.test(after) && unit === '位') return undefined;
    if (unit === '期') return undefined; // 「二期工程」: a phase, not a count
    if (m[NUM2] !== undefined && !/^[零〇一二两三四五六七八九十百千]/u.test(m[NUM2])) return undefined;
  } else {
    // Not part of a code, a model name or a fraction: V8, PM2.5, 5G, 1/4, 1.2.3.
    if (/[A-Za-z0-9０-９_.．/#\\-]/.test(prev)) return undefined;
    if (prev === '第') return undefined;
    if (/^[A-Za-z]/.test(after) && !/[%％]$/.test(unit)) return undefined;
    if (/^[/:：][0-9]/.test(after) || /^[.．][0-9]/.test(after)) return undefined;
    if (m[NUM2] !== undefined && /^[零〇一二两三四五六七八九十百千]/u.test(m[NUM2])) return undefined;
  }
  if (unit === '' && NON_FIGURE_FOLLOWERS.test(after)) return undefined;
  if (unit === '' && /^、[0-9０-９]+月/u.test(after)) return undefined; // 「3、4月份」
  const n = parseNumber(numText);
  if (!n) return undefined;
  if (unit === '年' && (n.decimals === 0 && n.value >= 1000 && n.value <= 2999 || /^[度底初末末中]/u.test(after))) return undefined; // a date
  if (unit === '' && !mult && !m[MORE1] && !m[MORE2] && n.decimals === 0 && n.value >= 1900 && n.value <= 2100) return undefined; // a year
  const multiplier = mult ? (MULTIPLIERS[mult] ?? 1) : 1;
  const n2 = m[NUM2] !== undefined ? parseNumber(m[NUM2]) : undefined;
  if (m[NUM2] !== undefined && (!n2 || n2.value <= n.value || (unit === '' && !mult))) {
    // 「2010-2015」 or 「3-2」 are not ranges; keep the first number alone only when it has a unit of its own (it hasn't).
    return undefined;
  }
  const more = m[MORE1] ?? m[MORE2] ?? '';
  let approx: Approx = 'exact';
  let qualifier = '';
  const post = m[POST] ?? '';
  if (n2) {
    approx = 'range';
  } else if (more) {
    approx = 'atLeast';
    qualifier = more;
  } else if (post === '以上') {
    approx = 'atLeast';
    qualifier = post;
  } else if (post === '以下' || post === '以内') {
    approx = 'atMost';
    qualifier = post;
  } else if (post === '左右' || post === '上下') {
    approx = 'about';
    qualifier = post;
  } else {
    const b = text.slice(Math.max(0, start - 3), start);
    const q = AT_LEAST_BEFORE.exec(b) ?? AT_MOST_BEFORE.exec(b) ?? ABOUT_BEFORE.exec(b);
    if (q) {
      qualifier = q[0];
      approx = AT_LEAST_BEFORE.test(b) ? 'atLeast' : AT_MOST_BEFORE.test(b) ? 'atMost' : 'about';
    }
  }
  const col = place.column + start;
  const reading: FigureReading = {
    text: m[0],
    numberText: numText,
    number: n.value,
    multiplier,
    value: n.value * multiplier,
    high: n2 ? n2.value * multiplier : undefined,
    unit,
    per: m[PER] ?? '',
    kind,
    approx,
    qualifier,
    decimals: n.decimals,
  };
  return new PlacedFigure(reading, place, col, col + m[0].length, col, col + numText.length);
}

/** The figures of a model, read once and kept as long as the model lives. */
export interface FigureIndex {
  readonly all: readonly Figure[];
  /** Figures of one body paragraph, in order. */
  inParagraph(p: Paragraph): readonly Figure[];
  /** Figure of one table cell (undefined when the cell is not a number). */
  inCell(cell: TableCell): Figure | undefined;
  /** The figure at a position, if any. */
  at(position: Position): Figure | undefined;
}

const CACHE = derivedCache<FigureIndex>();

/** Figures of a report (memoised per model: the model stays cheap when no numeric rule runs). */
export function figuresOf(model: ReportModel): FigureIndex {
  let idx = CACHE.get(model);
  if (!idx) {
    idx = buildIndex(model);
    CACHE.set(model, idx);
  }
  return idx;
}

interface Placed {
  readonly at: TextPlace;
  readonly figures: PlacedFigure[];
}

/** The memo tables of figuresAt, per source (constant names: no new string per lookup). */
const FIGURE_TABLES: Record<Figure['source'], string> = { text: 'figures:text', heading: 'figures:heading', table: 'figures:table' };

/** Figures of a text at a place: read once, then moved along with the text from version to version (see TextMemo). */
function figuresAt(model: ReportModel, text: string, at: TextPlace): PlacedFigure[] {
  // (The figures of a paragraph read their line from it: the same paragraph object is the same place.)
  const same = (a: TextPlace): boolean => (a.paragraph !== undefined ? a.paragraph === at.paragraph : a.line === at.line && a.column === at.column && a.source === at.source && at.paragraph === undefined);
  const placed = model.memo.get<Placed>(
    FIGURE_TABLES[at.source],
    text,
    () => ({ at, figures: scanPlaced(text, at) }),
    (old) => (same(old.at) ? old : { at, figures: old.figures.map((f) => f.movedTo(at, at.column - old.at.column)) }),
  );
  return placed.figures;
}

/** Before: by line, then column (by columns, not ranges: a moved paragraph's figures make their ranges only when a rule asks). */
const before = (a: PlacedFigure, b: PlacedFigure): number => a.line - b.line || a.from - b.from;

const sorted = (list: readonly PlacedFigure[]): boolean => {
  for (let i = 1; i < list.length; i++) if (before(list[i - 1] as PlacedFigure, list[i] as PlacedFigure) > 0) return false;
  return true;
};

/**
 * The figures of the headings, the paragraphs and the tables in document order; on one place, a
 * heading's first, then a paragraph's, then a table's (as a stable sort of the three lists one
 * after the other puts them). Each list is in document order as read, so they are merged (one pass);
 * one that is not is sorted with the others.
 */
function inDocumentOrder(...lists: [PlacedFigure[], PlacedFigure[], PlacedFigure[]]): PlacedFigure[] {
  if (!lists.every(sorted)) return lists.flat().sort(before);
  const [h, p, t] = lists;
  const all: PlacedFigure[] = new Array<PlacedFigure>(h.length + p.length + t.length);
  let i = 0;
  let j = 0;
  let k = 0;
  for (let n = 0; n < all.length; n++) {
    // The first of the three lists' next figures; on a tie the earlier list's.
    let pick = 0;
    let best = i < h.length ? h[i] : undefined;
    const q = j < p.length ? p[j] : undefined;
    if (q !== undefined && (best === undefined || before(q, best) < 0)) {
      best = q;
      pick = 1;
    }
    const r = k < t.length ? t[k] : undefined;
    if (r !== undefined && (best === undefined || before(r, best) < 0)) {
      best = r;
      pick = 2;
    }
    all[n] = best as PlacedFigure;
    if (pick === 0) i++;
    else if (pick === 1) j++;
    else k++;
  }
  return all;
}

/** The figures of each paragraph object. */
const PARAGRAPH_FIGURES = paragraphCache<PlacedFigure[]>();

/** The text of a heading's title as written (its line's text in the title's range), per heading object. */
const TITLE_TEXT = memoTable<Heading, string>();

function buildIndex(model: ReportModel): FigureIndex {
  const inHeadings: PlacedFigure[] = [];
  const inParagraphs: PlacedFigure[] = [];
  const inTables: PlacedFigure[] = [];
  const byParagraph = new Map<Paragraph, Figure[]>();
  const byCell = new Map<TableCell, Figure>();
  for (const h of model.headings) {
    // (A heading kept from the previous version gives the same string: the memo finds it by identity.)
    let text = TITLE_TEXT.get(h);
    if (text === undefined) TITLE_TEXT.set(h, (text = model.index.line(h.line).text.slice(h.titleRange.start.character, h.titleRange.end.character)));
    for (const f of figuresAt(model, text, { line: h.line, column: h.titleRange.start.character, source: 'heading', paragraph: undefined })) inHeadings.push(f);
  }
  for (const p of model.paragraphs) {
    // (A paragraph taken over from the previous version has its figures: they read their line from it.)
    let list = PARAGRAPH_FIGURES.get(p);
    if (list === undefined) PARAGRAPH_FIGURES.set(p, (list = figuresAt(model, p.text, { line: p.line, column: p.range.start.character, source: 'text', paragraph: p })));
    for (const f of list) inParagraphs.push(f);
    byParagraph.set(p, list);
  }
  for (const table of model.tables) {
    for (const cell of table.rows.flat()) {
      const found = figuresAt(model, cell.text, { line: cell.range.start.line, column: cell.range.start.character, source: 'table', paragraph: undefined });
      const only = found[0];
      const rest = only ? cell.text.slice(0, only.range.start.character - cell.range.start.character) + cell.text.slice(only.range.end.character - cell.range.start.character) : '';
      // The cell holds the figure alone (perhaps in **bold**).
      if (found.length === 1 && only && /^[*_\s]*$/.test(rest)) {
        byCell.set(cell, only);
        inTables.push(only);
      }
    }
  }
  const all = inDocumentOrder(inHeadings, inParagraphs, inTables);
  return {
    all,
    inParagraph: (p) => byParagraph.get(p) ?? [],
    inCell: (c) => byCell.get(c),
    at: (pos) => all.find((f) => f.line === pos.line && f.from <= pos.character && pos.character <= f.to),
  };
}
