/**
 * The proofreading rules (tag `proofreading` in the engine's rule declarations) as the client's
 * Proofreading view groups them: the rule id (a diagnostic's code) and its name in English, the key
 * of its translation. tests/unit/proofreading-view.test.ts keeps this list equal to the engine's.
 */
export interface ProofreadingRule {
  readonly id: string;
  readonly name: string;
}

export const PROOFREADING_RULES: readonly ProofreadingRule[] = [
  { id: 'typo', name: 'Wrong words' },
  { id: 'repeated-word', name: 'Repeated words and marks' },
  { id: 'unpaired-punctuation', name: 'Unpaired marks' },
  { id: 'number-style', name: 'Number and mark style' },
  { id: 'placeholder', name: 'Placeholders left in' },
];
