/**
 * repeated-word: a function word typed twice (「的」 → 「的的」, 「在」 → 「在在」), a mark typed twice
 * (「，」 → 「，，」), one at a time where they occur as words in the real texts.
 */
import { proseLines } from '../../../server/src/engine/model/prose';
import { segment } from '../../../server/src/engine/model/words';
import type { Injector } from './types';

/** The characters doubled: particles, prepositions, conjunctions and adverbs as they stand in text. */
const WORDS = new Set(['的', '了', '在', '和', '与', '对', '把', '被', '是', '也', '都', '就', '将', '并', '从']);
const MARKS = new Set(['，', '、', '；', '。']);

export const doubleCharacter: Injector = {
  id: 'double-character',
  rule: 'repeated-word',
  description: 'a function word or a mark typed twice: 「的工作」 → 「的的工作」, 「，」 → 「，，」',
  *defects(t) {
    for (const { line, text } of proseLines(t.model)) {
      for (const tok of segment(text)) {
        if (!WORDS.has(tok.text) && !MARKS.has(tok.text)) continue;
        // Only a word standing between two others, not 「的的确确」-like runs already doubled.
        if (text.charAt(tok.start - 1) === tok.text || text.charAt(tok.end) === tok.text) continue;
        const offset = t.model.index.offsetAt({ line, character: tok.start });
        yield { text: t.text.slice(0, offset) + tok.text + t.text.slice(offset), line, from: tok.start, to: tok.end + 1, what: `doubled ${tok.text}` };
      }
    }
  },
};
