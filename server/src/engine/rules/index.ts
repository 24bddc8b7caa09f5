import { frontMatter } from './front-matter';
import { numberingSequence } from './numbering-sequence';
import { numberingStyle } from './numbering-style';
import { placeholder } from './placeholder';
import { strayMarker } from './stray-marker';
import type { Rule } from './types';

/** Every rule, in the order their findings are reported. One file per rule. */
export const RULES: readonly Rule[] = [strayMarker, placeholder, frontMatter, numberingSequence, numberingStyle];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
