/**
 * Whether a find of a `boundary` entry of the typo list is the wrong word at that place, not two
 * correct words that meet (以经 in 以经济, 布署 in 发布署名): the clause around it is segmented by the
 * word layer with the wrong form offered as a word, and the find is confirmed when the best route
 * keeps it whole (决策|布署 but 发布|署名, 以|经济).
 */
import { isHanCode } from '../model/prose';
import { keepsWhole } from '../model/words';

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

export function confirmBoundary(text: string, start: number, end: number): boolean {
  const frame = FRAMES[text.slice(start, end)];
  if (frame?.test(text.slice(end))) return false;
  let from = start;
  while (from > 0 && start - from < WINDOW && isHanCode(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < WINDOW && isHanCode(text.charCodeAt(to))) to++;
  return keepsWhole(text.slice(from, to), start - from, end - from, BOUNDARY_WORD_FREQUENCY);
}
