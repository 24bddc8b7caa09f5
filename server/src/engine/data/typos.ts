/**
 * The typo list (typos.tsv, see README.md beside it), parsed on first use and kept: the wrong forms,
 * what to write instead, and whether a find must be confirmed at its place (`boundary`) or is a
 * non-recommended variant (`variant`). The file is bundled as text; the engine reads no file.
 */
import TYPOS_TSV from './typos.tsv';
import { Automaton } from '../util/automaton';

export interface TypoEntry {
  readonly wrong: string;
  readonly right: string;
  /** Source code of the entry (yxc2001, ywjz100, mcc, common …). */
  readonly source: string;
  /** The wrong form also occurs across a word boundary in correct text: confirm at the place. */
  readonly boundary: boolean;
  /** A non-recommended variant form (异形词), not a misspelling. */
  readonly variant: boolean;
  /** The standard simplified form from 1956 until 1986 (颠复, 重迭: 覆 and 叠 were restored in 1986): right in older texts. */
  readonly simplified1956: boolean;
}

export interface TypoList {
  readonly entries: readonly TypoEntry[];
  /** Every wrong form, in one automaton (index = index in `entries`). */
  readonly automaton: Automaton;
}

/** Parses the TSV text (comments and blank lines skipped; malformed lines are the data check's business). */
export function parseTypoList(text: string): TypoList {
  const entries: TypoEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '' || line.startsWith('#')) continue;
    const [wrong, right, source, note = ''] = line.split('\t');
    if (!wrong || !right || !source) continue;
    const notes = note.split(/;\s*/);
    entries.push({ wrong, right, source, boundary: notes.includes('boundary'), variant: notes.includes('variant'), simplified1956: notes.includes('simp1956') });
  }
  return { entries, automaton: new Automaton(entries.map((e) => e.wrong)) };
}

let list: TypoList | undefined;

/** The built-in list, parsed once on first use. */
export function typoList(): TypoList {
  return (list ??= parseTypoList(TYPOS_TSV));
}
