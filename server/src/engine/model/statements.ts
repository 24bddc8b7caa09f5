import { figuresOf, type Figure } from './figures';
import type { Paragraph, ReportModel } from './types';

/** A clause: text between two of ，、；：。！？ (columns are absolute columns on the paragraph's line). */
export interface Clause {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The punctuation that ends it ('' at the end of the paragraph). */
  readonly delimiter: string;
  readonly figures: readonly Figure[];
}

/** A sentence: text between two of 。！？； (a statement with its figures). */
export interface Sentence {
  readonly paragraph: Paragraph;
  readonly line: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly clauses: readonly Clause[];
  readonly figures: readonly Figure[];
}

const codes = (s: string): Set<number> => new Set([...s].map((c) => c.charCodeAt(0)));
const SENTENCE_END = codes('。！？!?；;');
const CLAUSE_END = codes('，,、：:。！？!?；;');
const COMMAS = codes('，,');
const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const CACHE = new WeakMap<ReportModel, Sentence[]>();

/** Sentences of every body paragraph, with their clauses and figures (memoised per model). */
export function sentencesOf(model: ReportModel): Sentence[] {
  let list = CACHE.get(model);
  if (!list) {
    const figures = figuresOf(model);
    list = model.paragraphs.flatMap((p) => splitParagraph(p, figures.inParagraph(p)));
    CACHE.set(model, list);
  }
  return list;
}

function splitParagraph(p: Paragraph, figures: readonly Figure[]): Sentence[] {
  const base = p.range.start.character;
  const out: Sentence[] = [];
  let sStart = 0;
  let clauses: Clause[] = [];
  let cStart = 0;
  // Figures are in order: each clause and sentence takes a slice of them.
  const inRange = (a: number, b: number): Figure[] => {
    let lo = 0;
    while (lo < figures.length && (figures[lo]?.range.start.character ?? 0) < base + a) lo++;
    let hi = lo;
    while (hi < figures.length && (figures[hi]?.range.start.character ?? 0) < base + b) hi++;
    return figures.slice(lo, hi);
  };
  const text = p.text;
  let i = 0;
  // (Defined once, not per character: a closure per character of every paragraph was GC-bound.)
  const at = (k: number): number => text.charCodeAt(i + k);
  for (i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    let endsClause = i === text.length || CLAUSE_END.has(c);
    // A comma inside a number (「33，212」) is not a delimiter.
    if (endsClause && COMMAS.has(c) && isDigit(at(-1)) && isDigit(at(1)) && isDigit(at(2)) && isDigit(at(3)) && !isDigit(at(4))) endsClause = false;
    if (endsClause) {
      clauses.push({ text: text.slice(cStart, i), start: base + cStart, end: base + i, delimiter: c < 0 ? '' : text.charAt(i), figures: inRange(cStart, i) });
      cStart = i + 1;
    }
    if (i === text.length || SENTENCE_END.has(c)) {
      if (clauses.some((c) => c.text.trim() !== '')) {
        out.push({ paragraph: p, line: p.line, text: text.slice(sStart, i), start: base + sStart, end: base + i, clauses, figures: inRange(sStart, i) });
      }
      clauses = [];
      sStart = i + 1;
    }
  }
  return out;
}

/** The text of a clause before a figure (its subject and verb): 「办结」 for 「办结118件」. */
export function leadOf(clause: Clause, figure: Figure): string {
  return clause.text.slice(0, Math.max(0, figure.range.start.character - clause.start));
}

/** The clause of a sentence that holds a figure. */
export function clauseOf(sentence: Sentence, figure: Figure): Clause | undefined {
  return sentence.clauses.find((c) => c.figures.includes(figure));
}

/** Words that make a figure a change or a ratio, not a stock that parts add up to. */
export const CHANGE_WORDS = /增长|增加|增幅|增速|减少|下降|降低|提高|提升|上升|回落|净增|同比|环比|比上年|较上年|比去年|较去年|年均|人均|平均|每[年月日人户万千百]|占/u;
