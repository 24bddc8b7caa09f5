/**
 * Whether a find of a `boundary` entry of the typo list is the wrong word at that place, not two
 * correct words that meet (以经 in 以经济, 布署 in 发布署名): the clause around it is segmented by the
 * word layer with the wrong form offered as a word, and the find is confirmed when the best route
 * keeps it whole (决策|布署 but 发布|署名, 以|经济).
 */
import { isHanCode } from '../model/prose';
import { getLexicon, keepsWhole, segment } from '../model/words';

/**
 * The frequency the wrong form is offered with (jieba's scale: 的 ≈ 300,000, 部署 ≈ 4,000). Measured
 * on the corpus (docs/accuracy.md, "Proofreading rules"): at 300 the boundary entries put into the
 * corpus in place of their right form are kept whole 99 % of the time, and no occurrence of a
 * boundary entry in the corpus is (以经济, 以经营 stay 以|经…); at 10 only half are found.
 */
export const BOUNDARY_WORD_FREQUENCY = 300;
/**
 * Wrong forms that are also the start of a correct frame, and what makes the frame: 「既使…又…」
 * (既 + 使: 既使企业受益，又使群众满意) is no 即使 (whose frame is 即使…也…).
 */
const FRAMES: Record<string, RegExp> = { 既使: /^[^。！？；]*?又/ };
/** Characters of context taken on either side, within the clause. */
const WINDOW = 12;

/** The lexicon's frequency of a word (0 when it is none), on jieba's scale. */
function frequencyOf(word: string): number {
  const lex = getLexicon();
  const node = lex.find(word);
  return node < 0 ? 0 : Math.exp(lex.logProb(node) - lex.unknownLogProb);
}

/**
 * Whether a find of a variant form (异形词) is that word, not two words that meet: the clause is segmented with
 * the variant offered as a word (with its own frequency when the dictionary knows it), and the find is confirmed
 * when one word holds it whole — itself or a longer word written with it (「个人帐户」, 「杰出人材」). 「500千伏输变电
 * 工程」 is 千伏|输变电, not the variant 伏输; 「屈原故里」 is 屈原|故里, not 原故.
 */
export function confirmVariant(text: string, start: number, end: number): boolean {
  const [from, to] = around(text, start, end);
  const wrong = text.slice(start, end);
  const tokens = segment(text.slice(from, to), { extraWords: new Map([[wrong, Math.max(BOUNDARY_WORD_FREQUENCY, frequencyOf(wrong))]]) });
  return tokens.some((t) => t.start <= start - from && t.end >= end - from);
}

/** The clause around [start, end): WINDOW characters of Chinese on either side. */
function around(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && start - from < WINDOW && isHanCode(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < WINDOW && isHanCode(text.charCodeAt(to))) to++;
  return [from, to];
}

export function confirmBoundary(text: string, start: number, end: number): boolean {
  const frame = FRAMES[text.slice(start, end)];
  if (frame?.test(text.slice(end))) return false;
  const [from, to] = around(text, start, end);
  return keepsWhole(text.slice(from, to), start - from, end - from, BOUNDARY_WORD_FREQUENCY);
}
