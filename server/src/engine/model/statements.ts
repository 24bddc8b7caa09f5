import { derivedCache, paragraphCache } from './derived';
import { figuresOf, type Figure } from './figures';
import type { Paragraph, ReportModel } from './types';
import { memoTable } from '../util/memo-table';

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

/**
 * A sentence reads its line from its paragraph: a paragraph an edit only moved to another line is
 * taken over with its sentences as they are (ModelInput.takeOver).
 */
class ParagraphSentence implements Sentence {
  constructor(
    readonly paragraph: Paragraph,
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly clauses: readonly Clause[],
    readonly figures: readonly Figure[],
  ) {}

  get line(): number {
    return this.paragraph.line;
  }

  /** The sentence's fields as the Sentence interface has them (what JSON.stringify shows). */
  toJSON(): Sentence {
    const { paragraph, line, text, start, end, clauses, figures } = this;
    return { paragraph, line, text, start, end, clauses, figures };
  }
}

const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const CACHE = derivedCache<Sentence[]>();

/** Sentences of every body paragraph, with their clauses and figures (memoised per model). */
export function sentencesOf(model: ReportModel): Sentence[] {
  let list = CACHE.get(model);
  if (!list) {
    const figures = figuresOf(model);
    list = [];
    for (const p of model.paragraphs) {
      // (A paragraph taken over from the previous version has its sentences: they read their line from it.)
      let split = PARAGRAPH_SPLITS.get(p);
      if (split === undefined) {
        const own = figures.inParagraph(p);
        // Sentences depend on the text alone: split once, then moved along with the paragraph.
        split = model.memo.get<Split>(
          'sentences',
          p.text,
          () => ({ paragraph: p, figures: own, sentences: splitParagraph(p, own) }),
          (old) => (old.paragraph === p ? old : moveSplit(old, p, own)),
        );
        PARAGRAPH_SPLITS.set(p, split);
      }
      for (const s of split.sentences) list.push(s);
    }
    CACHE.set(model, list);
  }
  return list;
}

/** The sentences of each paragraph object. */
const PARAGRAPH_SPLITS = paragraphCache<Split>();

interface Split {
  readonly paragraph: Paragraph;
  readonly figures: readonly Figure[];
  readonly sentences: readonly Sentence[];
}

const NONE: readonly Figure[] = Object.freeze([]);
const sliceOf = (figures: readonly Figure[], from: number, to: number): readonly Figure[] => (from >= to ? NONE : figures.slice(from, to));

/** The sentences of an unchanged paragraph text that moved: same text, same clauses, the paragraph's new figures. */
function moveSplit(old: Split, p: Paragraph, figures: readonly Figure[]): Split {
  // Figures of the same text come in the same order: the k-th old figure is the k-th new one, and
  // the figures of each clause and sentence are a run of the paragraph's, in order (two cursors).
  const clauseCursor = { at: 0 };
  const sentenceCursor = { at: 0 };
  const same = (list: readonly Figure[], cursor: { at: number }): readonly Figure[] => {
    if (list.length === 0) return NONE;
    let k = cursor.at;
    while (k < old.figures.length && old.figures[k] !== list[0]) k++;
    if (k + list.length > figures.length || old.figures[k + list.length - 1] !== list[list.length - 1]) return list.map((f) => figures[old.figures.indexOf(f)] ?? f);
    cursor.at = k + list.length;
    return figures.slice(k, k + list.length);
  };
  const shift = p.range.start.character - old.paragraph.range.start.character;
  const sentences = old.sentences.map((s): Sentence => {
    const clauses = s.clauses.map((c) => ({ text: c.text, start: c.start + shift, end: c.end + shift, delimiter: c.delimiter, figures: same(c.figures, clauseCursor) }));
    const moved: Sentence = new ParagraphSentence(p, s.text, s.start + shift, s.end + shift, clauses, same(s.figures, sentenceCursor));
    MOVED_FROM.set(moved, s);
    // (One step back only: the link of the previous version's sentence would keep every older version alive.)
    MOVED_FROM.delete(s);
    return moved;
  });
  return { paragraph: p, figures, sentences };
}

const MOVED_FROM = memoTable<Sentence, Sentence>();

/**
 * The previous version's sentence a sentence was moved from (its paragraph's text unchanged, on
 * another line): what was read from that one holds here too, with the figures at the same indexes.
 */
export function movedFrom(sentence: Sentence): Sentence | undefined {
  return MOVED_FROM.get(sentence);
}

/** Lookup table for the char codes of a set of (BMP) characters. */
function table(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}
const SENTENCE_END = table('。！？!?；;');
const CLAUSE_END_CHARS = '，,、：:。！？!?；;';
const CLAUSE_END = table(CLAUSE_END_CHARS);
/** The delimiters as strings, by char code (one string each, not one per clause). */
const DELIMITER = new Map([...CLAUSE_END_CHARS].map((c) => [c.charCodeAt(0), c]));
/** Some clause of the list holds more than white space. */
function anyText(clauses: readonly Clause[]): boolean {
  for (const x of clauses) if (x.text.trim() !== '') return true;
  return false;
}
const isComma = (c: number): boolean => c === 0xff0c || c === 0x2c;

/** Splits a paragraph into sentences and clauses, each with its slice of the paragraph's figures. */
function splitParagraph(p: Paragraph, figures: readonly Figure[]): Sentence[] {
  const base = p.range.start.character;
  const text = p.text;
  const out: Sentence[] = [];
  const n = figures.length;
  const figStart = (k: number): number => (figures[k]?.from ?? 0) - base;
  const digitAt = (k: number): boolean => isDigit(text.charCodeAt(k));
  let sStart = 0;
  let clauses: Clause[] = [];
  let cStart = 0;
  // Figures are in order and so are clauses and sentences: each takes the next slice of them.
  let cFig = 0;
  let sFig = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    let endsClause = c < 0 || CLAUSE_END[c] === 1;
    // A comma inside a number (「33，212」) is not a delimiter.
    if (endsClause && isComma(c) && digitAt(i - 1) && digitAt(i + 1) && digitAt(i + 2) && digitAt(i + 3) && !digitAt(i + 4)) endsClause = false;
    if (endsClause) {
      while (cFig < n && figStart(cFig) < cStart) cFig++;
      let hi = cFig;
      while (hi < n && figStart(hi) < i) hi++;
      clauses.push({ text: text.slice(cStart, i), start: base + cStart, end: base + i, delimiter: c < 0 ? '' : (DELIMITER.get(c) as string), figures: sliceOf(figures, cFig, hi) });
      cFig = hi;
      cStart = i + 1;
    }
    if (c < 0 || SENTENCE_END[c] === 1) {
      while (sFig < n && figStart(sFig) < sStart) sFig++;
      let hi = sFig;
      while (hi < n && figStart(hi) < i) hi++;
      if (anyText(clauses)) out.push(new ParagraphSentence(p, text.slice(sStart, i), base + sStart, base + i, clauses, sliceOf(figures, sFig, hi)));
      sFig = hi;
      clauses = [];
      sStart = i + 1;
    }
  }
  return out;
}

/** The text of a clause before a figure (its subject and verb): 「办结」 for 「办结118件」. */
export function leadOf(clause: Clause, figure: Figure): string {
  return clause.text.slice(0, Math.max(0, figure.from - clause.start));
}

const CLAUSE_OF = memoTable<Sentence, Map<Figure, Clause>>();

/** The clause of a sentence that holds a figure (a lookup: rules ask for every figure of a sentence). */
export function clauseOf(sentence: Sentence, figure: Figure): Clause | undefined {
  let byFigure = CLAUSE_OF.get(sentence);
  if (!byFigure) {
    byFigure = new Map();
    for (const c of sentence.clauses) for (const f of c.figures) if (!byFigure.has(f)) byFigure.set(f, c);
    CLAUSE_OF.set(sentence, byFigure);
  }
  return byFigure.get(figure);
}

/** Words that make a figure a change or a ratio, not a stock that parts add up to. */
export const CHANGE_WORDS = /增长|增加|增幅|增速|减少|下降|降低|提高|提升|上升|回落|净增|同比|环比|比上年|较上年|比去年|较去年|年均|人均|平均|每[年月日人户万千百]|占/u;
