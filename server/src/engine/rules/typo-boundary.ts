/**
 * Whether a find of a `boundary` entry of the typo list is the wrong word at that place, not two
 * correct words that meet (以经 in 以经济, 布署 in 发布署名).
 *
 * Until the word layer is in the engine this is a conservative local check: the find is confirmed
 * only when no Chinese character stands right before or after it, so it cannot be part of a
 * neighbouring word.
 */
import { isHanCode } from '../model/prose';

export function confirmBoundary(text: string, start: number, end: number): boolean {
  return !(start > 0 && isHanCode(text.charCodeAt(start - 1))) && !(end < text.length && isHanCode(text.charCodeAt(end)));
}
