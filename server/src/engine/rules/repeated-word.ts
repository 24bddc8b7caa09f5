import { t } from '../i18n';
import { isHanCode, proseLines } from '../model/prose';
import { segment, tagOf, tokenAt, type Token } from '../model/words';
import { defineRule, type Finding } from './types';

/** Marks that are never doubled on purpose (「。。。」 is number-style's: an ellipsis written wrong; 「！！」「？？」 are emphasis). */
const isMark = (c: number): boolean => c === 0xff0c /* ， */ || c === 0x3001 /* 、 */ || c === 0xff1b /* ； */ || c === 0xff1a /* ： */ || c === 0x3002; /* 。 */
const PERIOD = '。'.charCodeAt(0);

/**
 * jieba's tags of the words that never reduplicate: particles (的 uj, 了 ul, 地 uv, 得 ud, 着 uz,
 * 过 ug), prepositions, conjunctions, adverbs, pronouns. Nouns, measure words, verbs, adjectives and
 * numerals do (人人, 个个, 看看, 好好, 一一), and their AA forms are dictionary words.
 */
const FUNCTION_TAGS = new Set(['uj', 'ul', 'uv', 'ud', 'uz', 'ug', 'p', 'c', 'd', 'r']);
/** Tags of two-character words whose ABAB form is a reduplication (研究研究, 雪白雪白, 一步一步). */
const ABAB_TAGS = new Set(['v', 'vn', 'a', 'ad', 'an', 'z', 'm', 'q', 'd', 'o', 'e', 'y']);
/** Context segmented on either side of a candidate (within its run of Chinese characters). */
const WINDOW = 10;
const MAX_WORD = 4;

/**
 * A one-character verb that does not reduplicate (是是, 有有): neither its AA nor its A一A form is a
 * word of the dictionary (看看, 说一说 are).
 */
function isNonReduplicatingVerb(ch: string): boolean {
  return tagOf(ch) === 'v' && tagOf(ch + ch) === undefined && tagOf(`${ch}一${ch}`) === undefined;
}

/** The segmentation of the run of Chinese characters around [from, to), cut to WINDOW either side. */
function around(text: string, from: number, to: number): { tokens: Token[]; offset: number } {
  let a = from;
  while (a > 0 && from - a < WINDOW && isHanCode(text.charCodeAt(a - 1))) a--;
  let b = to;
  while (b < text.length && b - to < WINDOW && isHanCode(text.charCodeAt(b))) b++;
  return { tokens: segment(text.slice(a, b)), offset: a };
}

const suspects = new Map<number, boolean>();

/**
 * A measure word that jieba tags as an adverb (届 d: 届时): 两届 and 几届 are numerals of the dictionary. Its
 * AA form means every one (「奥运会延续“届届见金”」), as 个个, 件件 do.
 */
function isMeasureAdverb(ch: string): boolean {
  return tagOf(ch) === 'd' && tagOf(`两${ch}`) === 'm' && tagOf(`几${ch}`) === 'm';
}

/** A character whose doubling can be a slip: a function word or a verb that does not reduplicate. */
function suspect(c: number): boolean {
  let s = suspects.get(c);
  if (s === undefined) {
    const ch = String.fromCharCode(c);
    suspects.set(c, (s = (FUNCTION_TAGS.has(tagOf(ch) ?? '') && !isMeasureAdverb(ch)) || isNonReduplicatingVerb(ch)));
  }
  return s;
}

/** The doubled character at i is in a run of at most four Chinese characters between a 、 and a mark: an item of a list of names. */
function inShortListItem(text: string, i: number): boolean {
  let a = i;
  while (a > 0 && isHanCode(text.charCodeAt(a - 1))) a--;
  let b = i + 2;
  while (b < text.length && isHanCode(text.charCodeAt(b))) b++;
  return b - a <= 4 && text.charAt(a - 1) === '、' && /^[、，。；,;]$/u.test(text.charAt(b));
}

/** True when the character doubled at [i, i + 2) is a slip: two one-character function words. */
function doubledCharacterIsSlip(text: string, i: number): boolean {
  if (!suspect(text.charCodeAt(i))) return false; // 人人, 个个, 说说: no segmentation needed
  const { tokens, offset } = around(text, i, i + 2);
  const first = tokenAt(tokens, i - offset);
  const second = tokenAt(tokens, i + 1 - offset);
  if (!first || !second || first === second) return false; // 常常, 天天, 不甚了了: a word
  if (first.text.length !== 1 || second.text.length !== 1) return false; // not 工作|作风, 目的|的, 为了|了解
  // An adverb doubled in a short item of a 、 list is a name (「启动向海、莫莫格、哈泥保护区」).
  return !(tagOf(first.text) === 'd' && inShortListItem(text, i));
}

/** True when text[i, i + n) written twice is a slip: one word, typed again, that does not reduplicate. */
function doubledWordIsSlip(text: string, i: number, n: number): boolean {
  const { tokens, offset } = around(text, i, i + 2 * n);
  const first = tokenAt(tokens, i - offset);
  const second = tokenAt(tokens, i + n - offset);
  if (!first || !second || first.start !== i - offset || first.end !== i + n - offset || second.end !== i + 2 * n - offset) return false;
  const tag = tagOf(first.text) ?? '';
  if (n === 2 && ABAB_TAGS.has(tag)) return false; // 研究研究, 一步一步
  return tag !== 'm' && tag !== 'o';
}

/** 清清楚楚, 和和美美, 方方面面: AABB of Chinese characters is a reduplication, never two slips. */
function isAabb(text: string, i: number): boolean {
  if (i < 0 || i + 3 >= text.length) return false;
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 2);
  return a !== b && text.charCodeAt(i + 1) === a && text.charCodeAt(i + 3) === b && isHanCode(a) && isHanCode(b);
}

interface Place {
  readonly from: number;
  readonly to: number;
  readonly once: string;
  readonly mark: boolean;
}

/** Where each character code was last seen (an absolute position, from `epoch`): one pass finds the characters that come again within a doubled word. */
const lastSeen = new Int32Array(65536).fill(-1);
let epoch = 0;

/**
 * Positions i of the line whose character comes again within MAX_WORD characters (text[i] is one
 * of text[i + 1 … i + 4]): the only places a doubling can start, in order. One read per character:
 * the first occurrence of text[i] after i is within reach exactly when i is such a position.
 */
function candidates(text: string): number[] {
  const n = text.length;
  if (epoch > 0x3fffffff - n) {
    lastSeen.fill(-1);
    epoch = 0;
  }
  const base = epoch;
  epoch += n + MAX_WORD + 1;
  const out: number[] = [];
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const seen = lastSeen[c] as number;
    lastSeen[c] = base + i;
    if (seen >= base && base + i - seen <= MAX_WORD) {
      const p = seen - base;
      if (out.length > 0 && (out[out.length - 1] as number) > p) sorted = false;
      out.push(p);
    }
  }
  return sorted ? out : out.sort((a, b) => a - b);
}

function scanLine(text: string): Place[] {
  const out: Place[] = [];
  const n = text.length;
  // (No read past the end: an out-of-bounds charCodeAt makes V8 give up optimising the loop.)
  const at = (k: number): number => (k < n ? text.charCodeAt(k) : -1);
  let from = 0;
  for (const i of candidates(text)) {
    if (i < from) continue;
    from = visit(text, i, at, out);
  }
  return out;
}

/** What a doubling starting at i is (a mark, a character, a word), added to `out`; the position to go on from. */
function visit(text: string, i: number, at: (k: number) => number, out: Place[]): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  const next = at(i + 1);
  if (isMark(c) && next === c) {
    let j = i + 2;
    while (at(j) === c) j++;
    if (!(c === PERIOD && j - i >= 3)) out.push({ from: i, to: j, once: text.charAt(i), mark: true });
    return j;
  }
  if (!isHanCode(c)) return i + 1;
  if (next === c) {
    if (!isAabb(text, i) && !isAabb(text, i - 2) && doubledCharacterIsSlip(text, i)) {
      const to = runEnd(text, i, 1);
      out.push({ from: i, to, once: text.charAt(i), mark: false });
      return to;
    }
    return i + 1;
  }
  for (let w = 2; w <= MAX_WORD && i + 2 * w <= n; w++) {
    if (text.charCodeAt(i + w) !== c || !repeats(text, i, w)) continue; // no string made for most characters
    if (doubledWordIsSlip(text, i, w)) {
      const to = runEnd(text, i, w);
      out.push({ from: i, to, once: text.slice(i, i + w), mark: false });
      return to;
    }
  }
  return i + 1;
}

/** The end of the copies of text[i, i + w) that follow one another from i (at least two): 「的的的」 is one slip, fixed at once. */
function runEnd(text: string, i: number, w: number): number {
  let to = i + 2 * w;
  while (to + w <= text.length && text.startsWith(text.slice(i, i + w), to)) to += w;
  return to;
}

/** text[i, i + n) is Chinese characters and comes again right after itself. */
function repeats(text: string, i: number, n: number): boolean {
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(i + k);
    if (!isHanCode(c) || text.charCodeAt(i + n + k) !== c) return false;
  }
  return true;
}

/**
 * A character, word or mark typed twice by accident: 「的的」「了了」「进一步进一步」「，，」「。。」.
 * Reduplication is told apart by the word layer: AA, AABB and ABAB words of the dictionary (常常,
 * 天天, 人人, 看看), AABB forms (清清楚楚), two words that meet (工作|作风, 目的|的, 为了|了解), and words of the classes
 * that reduplicate (verbs, adjectives, nouns, measure words, numerals) are not repeats.
 */
export const repeatedWord = defineRule({
  id: 'repeated-word',
  defaultSeverity: 'warning',
  description: {
    en: 'A character, word or mark typed twice by accident (的的, 进一步进一步, ，，); reduplication (常常, 看看, 清清楚楚, 研究研究) is not reported.',
    zh: '误重复的字、词或标点（的的、进一步进一步、，，）；叠词（常常、看看、清清楚楚、研究研究）不报。',
  },
  tags: ['proofreading'],
  fixable: 'safe',
  options: {},
  check(model, _options, token) {
    const findings: Finding[] = [];
    for (const { line, text } of proseLines(model)) {
      if (token?.isCancellationRequested) return [];
      // Kept from the previous version for every line an edit did not touch (segmentation is the cost).
      for (const p of model.memo.read('repeated-word', text, scanLine)) {
        const range = model.index.range(line, p.from, p.to);
        const found = text.slice(p.from, p.to);
        findings.push({
          range,
          message: p.mark ? t('"{0}" is typed {1} times: one is enough.', p.once, p.to - p.from) : (p.to - p.from) / p.once.length > 2 ? t('"{0}" is written {1} times: "{2}".', p.once, (p.to - p.from) / p.once.length, found) : t('"{0}" is written twice: "{1}".', p.once, found),
          fixes: [{ title: t('Change "{0}" to "{1}"', found, p.once), edits: [{ range, newText: p.once }], ...(p.mark ? { preferred: true } : {}) }],
        });
      }
    }
    return findings;
  },
});
