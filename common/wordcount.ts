/**
 * Character counts the way word limits of Chinese reports are counted (as Word/WPS 「字数」 does):
 * every Chinese character counts one, every run of Latin letters or digits (a word, a number)
 * counts one, punctuation counts only when asked, white space and Markdown markup never.
 * Pure: the language server's hover and the client's status bar share it.
 */

export interface CountOptions {
  /** Count punctuation marks (「，。、“”」 and ASCII ones) as characters. */
  readonly countPunctuation: boolean;
}

export interface CharCount {
  /** The count as configured: cjk + words (+ punctuation when counted). */
  readonly characters: number;
  /** Chinese (CJK) characters, including full-width letters used as text. */
  readonly cjk: number;
  /** Latin words and numbers (「2025」, 「OBD」, 「5.5」 count one each). */
  readonly words: number;
  readonly punctuation: number;
}

const CJK = /[\p{Script=Han}\u3005\u3007\u3040-\u30ff\uac00-\ud7af]/u;
const WORD = /[\p{L}\p{N}]/u;

/** Counts the characters of plain text. */
export function countText(text: string, options: CountOptions): CharCount {
  let cjk = 0;
  let words = 0;
  let punctuation = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let ch = text.charAt(i);
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) ch = text.slice(i, ++i + 1);
    if (CJK.test(ch)) {
      cjk++;
      inWord = false;
    } else if (WORD.test(ch)) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && (ch === '.' || ch === ',' || ch === '\'' || ch === '-') && WORD.test(text.charAt(i + 1)) && !CJK.test(text.charAt(i + 1))) {
      // 5.5, 1,000, don't, COVID-19: one word
    } else if (/\s/u.test(ch) || ch === '\uFEFF' || ch === '\u200b') {
      inWord = false;
    } else {
      punctuation++;
      inWord = false;
    }
  }
  return { characters: cjk + words + (options.countPunctuation ? punctuation : 0), cjk, words, punctuation };
}

/**
 * The text a reader sees, without front matter and Markdown markup: heading hashes, list bullets,
 * table pipes and delimiter rows, fences, emphasis and code marks, link targets.
 */
export function stripMarkup(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  let start = 0;
  if (/^\uFEFF?---\s*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
    if (end > 0) start = end + 1;
  }
  const out: string[] = [];
  for (const line of lines.slice(start)) {
    if (/^\s*(?:```|~~~)/.test(line)) continue;
    if (/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table delimiter row, hr
    out.push(
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s*(?:[-*+]|>)\s+/, '')
        .replace(/\]\([^)]*\)/g, ']')
        .replace(/[|*_`[\]]/g, ' '),
    );
  }
  return out.join('\n');
}

/** Counts a Markdown report text (front matter and markup excluded). */
export function countReport(text: string, options: CountOptions): CharCount {
  return countText(stripMarkup(text), options);
}
