/**
 * What of a line is not prose: inline code, URLs, e-mail addresses, HTML comments, Markdown link
 * targets and image marks. Rules that judge punctuation and characters (punctuation-width,
 * unpaired-punctuation, repeated-word, …) read lines through this mask, so that Markdown syntax
 * and code are never taken for punctuation.
 */

/** Spans that are not prose, one pattern each (a single pass over the line per pattern). */
const MASKS = [/`[^`]*`/g, /\b(?:https?|ftp|file|mailto):[^\s，。；！？“”（）<>]*/gi, /\bwww\.[^\s，。；！？“”（）<>]*/gi, /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, /<!--.*?-->/g, /\]\([^)\s]*\)/g, /!\[/g];

/** The mark that stands for a masked character (never prose, never punctuation). */
export const MASKED = '\u0000';

/** The line with every non-prose character replaced by MASKED: same length, same columns. */
export function maskInlineSyntax(text: string): string {
  let s = text;
  for (const re of MASKS) s = s.replace(re, (m) => MASKED.repeat(m.length));
  return s;
}
