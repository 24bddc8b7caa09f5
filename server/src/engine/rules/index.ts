import { countClaim } from './count-claim';
import { dateInvalid } from './date-invalid';
import { enumerationSequence } from './enumeration-sequence';
import { figureConflict } from './figure-conflict';
import { frontMatter } from './front-matter';
import { growthMismatch } from './growth-mismatch';
import { headingPunctuation } from './heading-punctuation';
import { missingNumber } from './missing-number';
import { percentRange } from './percent-range';
import { rateMismatch } from './rate-mismatch';
import { subsetExceedsTotal } from './subset-exceeds-total';
import { tableTotal } from './table-total';
import { totalMismatch } from './total-mismatch';
import { numberingSequence } from './numbering-sequence';
import { numberingStyle } from './numbering-style';
import { placeholder } from './placeholder';
import { punctuationWidth } from './punctuation-width';
import { strayMarker } from './stray-marker';
import { typo } from './typo';
import { repeatedWord } from './repeated-word';
import { numberStyle } from './number-style';
import { unpairedPunctuation } from './unpaired-punctuation';
import type { Rule } from './types';

/** Every rule, in the order their findings are reported. One file per rule. */
export const RULES: readonly Rule[] = [strayMarker, placeholder, frontMatter, numberingSequence, numberingStyle, headingPunctuation, enumerationSequence, punctuationWidth, missingNumber, percentRange, rateMismatch, growthMismatch, subsetExceedsTotal, totalMismatch, tableTotal, countClaim, figureConflict, dateInvalid, typo, repeatedWord, unpairedPunctuation, numberStyle];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
