/**
 * The word layer: Chinese text read as words, by jieba's method without its HMM — the DAG of the
 * lexicon's words over each run of Chinese and ASCII letters/digits, and the route of highest
 * log-probability through it (ties go to the longer word). A character no word covers is a word of
 * its own (frequency 1); consecutive single ASCII or full-width letters/digits on the route are one
 * token (`m` when all digits, else `eng`); anything else (punctuation, spaces) is a token per
 * character (`\r\n` one), tagged `x`. The lexicon is jieba's dictionary, pruned (`./lexicon.ts`),
 * unpacked on first use. Pure: the rules call it on a clause or a window around a candidate.
 * Where no word of the lexicon spans a place (no word holds the two characters there), the route
 * is the best route of each side: the scores start again there, and `wordAt` routes only the window
 * between two such places around an offset to find its token.
 *
 *   segment('对全区个景区景点')            → 对/p 全区/n 个/q 景区/n 景点/n (offsets in UTF-16 units)
 *   measureWordAt('实施省级重点项目个', 8) → the token 个/q: a free-standing measure word
 *   measureWordAt('完善个人信息', 2)       → undefined (个 is inside 个人)
 *   nounPhraseBefore('新建城市书房38个', 6) → 城市书房 (start 2, end 6)
 *   keepsWhole('发布署名', 1, 3, 10)        → false: even as a word 布署 loses to 发布|署名
 *
 * `isMeasureWord` knows jieba's 量词 (tag q) and the few it tags otherwise (OTHER_MEASURE_WORDS).
 * Whether a measure word lacks its number is the rule's decision: `segment` also shows 这个, 各个,
 * 每个 (r) and 整个 (b) as words of their own.
 */
import { packedLexicon } from '../data/lexicon';
import { Lexicon, OTHER_MEASURE_WORDS, PAIR_BITS, pairHash } from './lexicon';
import { memoTable } from '../util/memo-table';

export interface Token {
  readonly text: string;
  /** UTF-16 offsets into the segmented text. */
  readonly start: number;
  readonly end: number;
  /** jieba's POS tag: n, v, q, m, p, uj, … ('x' for punctuation and unknown characters). */
  readonly pos: string;
}

export interface SegmentOptions {
  /** Words to add for this call with their frequency (jieba's scale: 的 ≈ 300,000, 个人 12,744). */
  readonly extraWords?: ReadonlyMap<string, number>;
  /** Tags of extra words the lexicon lacks (else 'x'): 办结 → v. */
  readonly extraTags?: ReadonlyMap<string, string>;
}

let lexicon: Lexicon | undefined;
let unpacked: ((lex: Lexicon) => void) | undefined;

/** The lexicon, unpacked on first use. */
export function getLexicon(): Lexicon {
  if (lexicon === undefined) {
    lexicon = new Lexicon(packedLexicon());
    unpacked?.(lexicon);
  }
  return lexicon;
}

/** Calls `listener` when the built-in lexicon is unpacked (a cache keeps its tables for the next process). */
export function onLexiconUnpacked(listener: ((lex: Lexicon) => void) | undefined): void {
  unpacked = listener;
}

/** Replaces the lexicon (scripts measuring another pruning); undefined returns to the built-in one. */
export function useLexicon(other: Lexicon | undefined): void {
  lexicon = other;
}

const isAlnum = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
/** Characters of jieba's word runs (RE_HAN_DEFAULT: CJK, ASCII letters, digits and +#&._%-), full-width letters and digits too. */
const inRun = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xdfff) || isAlnum(c) || c === 0x2b || c === 0x23 || c === 0x26 || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2d;
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Splits `text` into words: every character is in exactly one token, in order. */
export function segment(text: string, options?: SegmentOptions): Token[] {
  const lex = getLexicon();
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (inRun(c)) {
      let j = i + 1;
      while (j < text.length && inRun(text.charCodeAt(j))) j++;
      segmentRun(lex, text, i, j, options, out);
      i = j;
    } else {
      const end = c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : isHighSurrogate(c) && i + 1 < text.length ? i + 2 : i + 1;
      out.push({ text: text.slice(i, end), start: i, end, pos: 'x' });
      i = end;
    }
  }
  return out;
}

/** Scratch arrays of segmentRun (segment is not re-entrant: nothing it calls segments), grown as needed. */
let bestScratch = new Float64Array(256);
let nextScratch = new Int32Array(256);
let nodeScratch = new Int32Array(256);

/**
 * The best route through text[from, to), a run or a window of one between cuts: nextScratch[k] is
 * where the word at k ends, nodeScratch[k] its lexicon node (offsets from `from`).
 */
function route(lex: Lexicon, text: string, from: number, to: number, extra: ReadonlyMap<string, number> | undefined): void {
  const n = to - from;
  if (bestScratch.length < n + 1) {
    const size = Math.max(n + 1, bestScratch.length * 2);
    bestScratch = new Float64Array(size);
    nextScratch = new Int32Array(size);
    nodeScratch = new Int32Array(size);
  }
  const best = bestScratch;
  const next = nextScratch;
  /** The lexicon node of the word the route takes at k, or -1 (an extra word, an unknown character). */
  const wordNode = nodeScratch;
  best[n] = 0;
  next[n] = 0;
  const extraEdges = extra ? edgesOf(text, from, to, extra) : undefined;
  const extraBits = extra && extra.size > 0 ? extraPairs(extra) : undefined;
  for (let k = n - 1; k >= 0; k--) {
    let score = -Infinity;
    let end = -1;
    let chosen = -1;
    const edges = extraEdges?.get(k);
    let node = 0;
    for (let j = k; j < n; j++) {
      const c = text.charCodeAt(from + j);
      // (No word holds the first two code units together: their node's children, hundreds for a
      // first character, need no search.)
      if (j === k + 1 && !lex.mayJoin(text.charCodeAt(from + k), c)) break;
      node = lex.child(node, c);
      if (node < 0) break;
      if (!lex.isWord(node) || edges?.has(j + 1)) continue;
      const s = lex.logProb(node) + (best[j + 1] as number);
      if (s >= score) {
        score = s;
        end = j + 1;
        chosen = node;
      }
    }
    if (edges) {
      for (const [e, logProb] of edges) {
        const s = logProb + (best[e] as number);
        if (s > score || (s === score && e > end)) {
          score = s;
          end = e;
          chosen = -1;
        }
      }
    }
    if (end < 0) {
      // No word here: the character alone (a surrogate pair stays whole).
      end = k + 1 < n && isHighSurrogate(text.charCodeAt(from + k)) ? k + 2 : k + 1;
      score = lex.unknownLogProb + (best[end] as number);
    }
    // Where no word spans the place before k, the route to the left is the best route of the left
    // side alone: its scores start again from 0 (so a window between two such places, as wordAt
    // routes it, gets exactly the tokens of the whole run).
    best[k] = k > 0 && isCut(lex, text, from + k, extraBits) ? 0 : score;
    next[k] = end;
    wordNode[k] = chosen;
  }
}

/** One run of word characters, text[from, to): DAG, best route, then tokens. */
function segmentRun(lex: Lexicon, text: string, from: number, to: number, options: SegmentOptions | undefined, out: Token[]): void {
  route(lex, text, from, to, options?.extraWords);
  const n = to - from;
  const next = nextScratch;
  const wordNode = nodeScratch;
  let runStart = -1;
  for (let k = 0; k < n; k = next[k] as number) {
    const end = next[k] as number;
    if (end === k + 1 && isAlnum(text.charCodeAt(from + k))) {
      if (runStart < 0) runStart = k;
      continue;
    }
    if (runStart >= 0) pushAlnum(text, from + runStart, from + k, out);
    runStart = -1;
    const word = text.slice(from + k, from + end);
    const node = wordNode[k] as number;
    out.push({ text: word, start: from + k, end: from + end, pos: (node >= 0 ? lex.tag(node) : tagOf(word)) ?? options?.extraTags?.get(word) ?? 'x' });
  }
  if (runStart >= 0) pushAlnum(text, from + runStart, from + n, out);
}

/** Pairs of code units that follow each other in an extra word, as bits of a small table by pairHash (kept per map). */
const EXTRA_PAIRS = memoTable<ReadonlyMap<string, number>, Int32Array>();
const EXTRA_PAIR_SHIFT = 10; // 2^(PAIR_BITS - 10) bits

function extraPairs(extra: ReadonlyMap<string, number>): Int32Array {
  let bits = EXTRA_PAIRS.get(extra);
  if (!bits) {
    bits = new Int32Array(1 << (PAIR_BITS - EXTRA_PAIR_SHIFT - 5));
    for (const word of extra.keys()) {
      for (let i = 1; i < word.length; i++) {
        const h = pairHash(word.charCodeAt(i - 1), word.charCodeAt(i)) >>> EXTRA_PAIR_SHIFT;
        bits[h >>> 5]! |= 1 << (h & 31);
      }
    }
    EXTRA_PAIRS.set(extra, bits);
  }
  return bits;
}

/**
 * No word of the lexicon (nor an extra word) spans the place before text[at], which is inside a run:
 * the routes of the two sides are independent. (Never inside a surrogate pair.)
 */
function isCut(lex: Lexicon, text: string, at: number, extra: Int32Array | undefined): boolean {
  const a = text.charCodeAt(at - 1);
  const b = text.charCodeAt(at);
  if (isHighSurrogate(a) || lex.mayJoin(a, b)) return false;
  if (extra === undefined) return true;
  const h = pairHash(a, b) >>> EXTRA_PAIR_SHIFT;
  return ((extra[h >>> 5] as number) & (1 << (h & 31))) === 0;
}

/** text[at] is in a run as segment reads runs (not the second half of a pair whose first half is outside: 😀). */
function runCharAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (!inRun(c)) return false;
  if (!isLowSurrogate(c) || at === 0) return true;
  const before = text.charCodeAt(at - 1);
  return !isHighSurrogate(before) || inRun(before);
}

/**
 * An edge of a window of wordAt before text[p]: the run's edge, or a cut that does not fall between
 * two letters or digits (consecutive single ones on the route are one token).
 */
function windowEdge(lex: Lexicon, text: string, p: number, bits: Int32Array | undefined): boolean {
  return p <= 0 || p >= text.length || !runCharAt(text, p - 1) || !runCharAt(text, p) || (!(isAlnum(text.charCodeAt(p - 1)) && isAlnum(text.charCodeAt(p))) && isCut(lex, text, p, bits));
}

/** The longest window wordAt routes (a longer one is a text that words run through: 国家国家国家…). */
const MAX_WINDOW = 48;

/**
 * Where the token of `segment(text, options)` that covers text[at] starts and ends, found by
 * routing only the window around it between two places no word spans (a few characters, where
 * segmenting the whole clause would read all of it); undefined when that window is longer than
 * MAX_WINDOW (so that a call stays cheap whatever the text).
 */
export function wordAt(text: string, at: number, options?: SegmentOptions): { readonly start: number; readonly end: number } | undefined {
  const c = text.charCodeAt(at);
  if (!runCharAt(text, at)) {
    // What segment makes a token of its own: \r\n, a surrogate pair outside the runs, one character.
    const start = (c === 0x0a && text.charCodeAt(at - 1) === 0x0d) || (isLowSurrogate(c) && at > 0 && isHighSurrogate(text.charCodeAt(at - 1))) ? at - 1 : at;
    const first = text.charCodeAt(start);
    return { start, end: first === 0x0d && text.charCodeAt(start + 1) === 0x0a ? start + 2 : isHighSurrogate(first) && start + 1 < text.length ? start + 2 : start + 1 };
  }
  const lex = getLexicon();
  const extra = options?.extraWords;
  const bits = extra && extra.size > 0 ? extraPairs(extra) : undefined;
  let from = at;
  while (!windowEdge(lex, text, from, bits)) if (at - --from > MAX_WINDOW) return undefined;
  let to = at + 1;
  while (!windowEdge(lex, text, to, bits)) if (++to - from > MAX_WINDOW) return undefined;
  if (to === from + 1) return { start: from, end: to };
  const ends = windowRoute(lex, text, from, to, extra);
  let alnumStart = -1;
  for (let j = 0, k = 0; j < ends.length; k = ends[j++] as number) {
    const end = ends[j] as number;
    const single = end === k + 1 && isAlnum(text.charCodeAt(from + k));
    if (single && alnumStart < 0) alnumStart = k;
    if (!single) alnumStart = -1;
    if (from + end > at) {
      if (!single) return { start: from + k, end: from + end };
      let last = end;
      for (let i = j + 1; i < ends.length && ends[i] === last + 1 && isAlnum(text.charCodeAt(from + last)); i++) last++;
      return { start: from + alnumStart, end: from + last };
    }
  }
  return { start: at, end: at + 1 }; // (not reached: the route covers the window)
}

/**
 * The routes of wordAt's windows by their text (where each word of the route ends, from the
 * window's start), for one lexicon and one map of extra words: a report says 国家, 项目, 支持 hundreds
 * of times, and a window's route depends on its characters alone. Forgotten when full. (Not for
 * segment: the corpus's runs hold far more distinct windows than its candidates, and a route kept
 * there was slower than a route made again.)
 */
interface WindowRoutes {
  readonly lex: Lexicon;
  /** (Arrays of small integers: a typed array takes more than twice the memory of one so short.) */
  readonly routes: Map<string, readonly number[]>;
}
/** By map of extra words (NO_EXTRA for none): a map made for one call (keepsWhole's) takes its routes with it. */
const WINDOW_ROUTES = memoTable<object, WindowRoutes>();
const NO_EXTRA = {};
const ROUTE_SCRATCH: number[] = [];
/** Windows kept per lexicon and map of extra words (4,450 distinct ones in the 800,000 characters of the corpus). */
const MAX_WINDOW_ROUTES = 8192;

function windowRoute(lex: Lexicon, text: string, from: number, to: number, extra: ReadonlyMap<string, number> | undefined): readonly number[] {
  let cache = WINDOW_ROUTES.get(extra ?? NO_EXTRA);
  if (cache === undefined || cache.lex !== lex) WINDOW_ROUTES.set(extra ?? NO_EXTRA, (cache = { lex, routes: new Map() }));
  const key = text.slice(from, to);
  let ends = cache.routes.get(key);
  if (ends === undefined) {
    route(lex, text, from, to, extra);
    const next = nextScratch;
    const words = ROUTE_SCRATCH;
    words.length = 0;
    for (let k = 0; k < to - from; k = next[k] as number) words.push(next[k] as number);
    ends = words.slice(); // (of its length: an array grown by push holds 17 slots or more)
    if (cache.routes.size >= MAX_WINDOW_ROUTES) cache.routes.clear();
    cache.routes.set(key, ends);
  }
  return ends;
}

/** Consecutive single letters and digits on the route, as one token: `m` when all digits, else `eng`. */
function pushAlnum(text: string, start: number, end: number, out: Token[]): void {
  let digits = true;
  for (let q = start; q < end && digits; q++) digits = isDigit(text.charCodeAt(q));
  out.push({ text: text.slice(start, end), start, end, pos: digits ? 'm' : 'eng' });
}

/** Extra words by their first character, for maps of more than a few words (kept per map). */
interface ExtraIndex {
  readonly first: Uint8Array;
  readonly byFirst: ReadonlyMap<number, ReadonlyArray<readonly [string, number]>>;
}
const EXTRA_INDEX = memoTable<ReadonlyMap<string, number>, ExtraIndex>();
/** Up to this many extra words are searched one by one; more go through an index of first characters. */
const FEW_EXTRA_WORDS = 4;

function extraIndex(extra: ReadonlyMap<string, number>): ExtraIndex {
  let idx = EXTRA_INDEX.get(extra);
  if (!idx) {
    const first = new Uint8Array(65536);
    const byFirst = new Map<number, Array<readonly [string, number]>>();
    for (const [word, freq] of extra) {
      if (!word || freq <= 0) continue;
      const c = word.charCodeAt(0);
      first[c] = 1;
      let list = byFirst.get(c);
      if (!list) byFirst.set(c, (list = []));
      list.push([word, freq]);
    }
    EXTRA_INDEX.set(extra, (idx = { first, byFirst }));
  }
  return idx;
}

/** Extra words found in text[from, to): start → (end → log-probability), offsets relative to `from`; undefined when none. */
function edgesOf(text: string, from: number, to: number, extra: ReadonlyMap<string, number>): Map<number, Map<number, number>> | undefined {
  let edges: Map<number, Map<number, number>> | undefined;
  const logTotal = -getLexicon().unknownLogProb;
  if (extra.size <= FEW_EXTRA_WORDS) {
    const run = text.slice(from, to);
    for (const [word, freq] of extra) {
      if (!word || freq <= 0) continue;
      for (let at = run.indexOf(word); at >= 0; at = run.indexOf(word, at + 1)) edges = addEdge(edges, at, at + word.length, Math.log(freq) - logTotal);
    }
    return edges;
  }
  // Every occurrence (overlapping ones too), found in one pass over the run.
  const { first, byFirst } = extraIndex(extra);
  for (let at = from; at < to; at++) {
    const c = text.charCodeAt(at);
    if (first[c] === 0) continue;
    for (const [word, freq] of byFirst.get(c) as ReadonlyArray<readonly [string, number]>) {
      if (at + word.length <= to && text.startsWith(word, at)) edges = addEdge(edges, at - from, at - from + word.length, Math.log(freq) - logTotal);
    }
  }
  return edges;
}

/** Adds the edge start → end to `edges` (made on the first one). */
function addEdge(edges: Map<number, Map<number, number>> | undefined, start: number, end: number, logProb: number): Map<number, Map<number, number>> {
  const all = edges ?? new Map<number, Map<number, number>>();
  let m = all.get(start);
  if (!m) all.set(start, (m = new Map()));
  m.set(end, logProb);
  return all;
}

/** The lexicon's tag of `word`, or undefined when it is no word of the lexicon. */
export function tagOf(word: string): string | undefined {
  const lex = getLexicon();
  const node = lex.find(word);
  return node < 0 ? undefined : lex.tag(node);
}

/** A measure word (量词): one jieba tags q (个, 家, 次, 公里 …; also 天, 代, 口), or one of OTHER_MEASURE_WORDS (件, 项, 人次 …). */
export function isMeasureWord(word: string): boolean {
  return OTHER_MEASURE_WORDS.includes(word) || tagOf(word) === 'q';
}

/** The token of `tokens` (in order, as `segment` returns them) that covers `offset`. */
export function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid] as Token;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}

/**
 * The free-standing measure word at `offset` of `text` (a clause): the token covering that offset
 * when the segmentation makes a measure word of it (个 in 对全区个景区, not in 个人), else undefined.
 */
export function measureWordAt(text: string, offset: number, tokens: readonly Token[] = segment(text)): Token | undefined {
  const t = tokenAt(tokens, offset);
  return t && isMeasureWord(t.text) ? t : undefined;
}

/**
 * True when the best route through `text` keeps text[start, end) as one word once it is added with
 * frequency `freq` (the typo rule's question: is 布署 a word of 「发布署名」? no: 发布|署名).
 */
export function keepsWhole(text: string, start: number, end: number, freq = 1): boolean {
  const tokens = segment(text, { extraWords: new Map([[text.slice(start, end), freq]]) });
  return tokens.some((t) => t.start === start && t.end === end);
}

export interface NounPhrase {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
}

/** Tags of the words a noun phrase is made of: nouns, names, verbal and adjectival nouns, 区别词, abbreviations, set phrases. */
const NOMINAL = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'ng', 'vn', 'an', 'b', 'j', 'l']);
/** Words jieba tags as names or abbreviations that a report uses as the verb of a count (新建 is a district). */
const COUNTING_VERBS = new Set(['新建', '改扩建']);
const nominal = (t: Token): boolean => NOMINAL.has(t.pos) && !COUNTING_VERBS.has(t.text);

/**
 * The noun phrase that ends at `offset` of `text` (where a figure starts): the nominal words right
 * before it, less leading verbal nouns (培育, 建设: there they are the verb of the clause).
 * 「新建城市书房38个」 and 「城市书房40个」 both give 城市书房. Undefined when no noun is adjacent.
 */
export function nounPhraseBefore(text: string, offset: number, tokens: readonly Token[] = segment(text)): NounPhrase | undefined {
  const last = tokens.findIndex((t) => t.end === offset);
  if (last < 0 || !nominal(tokens[last] as Token)) return undefined;
  let first = last;
  while (first > 0 && nominal(tokens[first - 1] as Token)) first--;
  while (first < last && tokens[first]?.pos === 'vn') first++;
  return phrase(text, tokens.slice(first, last + 1));
}

/** The noun phrase that starts at `offset` of `text` (after a figure and its unit): 「38个城市书房」 → 城市书房. */
export function nounPhraseAfter(text: string, offset: number, tokens: readonly Token[] = segment(text)): NounPhrase | undefined {
  const first = tokens.findIndex((t) => t.start === offset);
  if (first < 0 || !nominal(tokens[first] as Token)) return undefined;
  let last = first;
  while (last + 1 < tokens.length && nominal(tokens[last + 1] as Token)) last++;
  return phrase(text, tokens.slice(first, last + 1));
}

function phrase(text: string, tokens: readonly Token[]): NounPhrase {
  const start = (tokens[0] as Token).start;
  const end = (tokens[tokens.length - 1] as Token).end;
  return { text: text.slice(start, end), start, end, tokens };
}
