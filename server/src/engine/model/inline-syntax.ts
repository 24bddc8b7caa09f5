/**
 * What of a line is not prose: inline code, URLs and autolinks, e-mail addresses, HTML tags and
 * comments, the syntax of Markdown links and images (brackets, destination, title), reference links
 * and their definitions, footnote marks, task-list boxes, emphasis delimiters and backslashes of
 * escapes. Rules that judge punctuation and characters (punctuation-width, unpaired-punctuation,
 * repeated-word, …) read lines through this mask, so that Markdown syntax and code are never taken
 * for punctuation. The text of a link or an image's alt text stays prose.
 *
 * The API is `maskInlineSyntax(text): string`: same length, same columns, every masked character
 * replaced by MASKED (U+0000).
 */

/** The mark that stands for a masked character (never prose, never punctuation). */
export const MASKED = '\u0000';

const mask = (s: string): string => MASKED.repeat(s.length);

/** Code spans: a run of backticks to the next run of the same length (nothing inside is Markdown). */
const CODE = /(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g;
/** A link reference definition or a footnote definition's label, a whole line: 「[docs]: https://… "说明"」. */
const DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(?:<[^<>\n]*>|\S+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/;
const FOOTNOTE_DEF = /^[ \t]{0,3}\[\^[^\]\s]+\]:/;
const TASK_BOX = /^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[[ xX]\](?=[ \t])/;

// Link destination: <…>, or text without spaces whose brackets are balanced (one level); then an
// optional title in quotes or brackets.
const DEST = String.raw`(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)`;
const TITLE = String.raw`(?:[ \t]+(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\((?:[^()\\\n]|\\.)*\)))?`;
const LABEL = String.raw`((?:[^[\]\\\n]|\\.|\[[^[\]\n]*\])*)`;
/** Inline links and images: the brackets and 「](…)」 are syntax, the text between is prose. */
const INLINE_LINK = new RegExp(String.raw`(!?\[)${LABEL}(\]\([ \t]*${DEST}${TITLE}[ \t]*\))`, 'g');
/** Full and collapsed reference links: 「[文档][docs]」, 「[文档][]」. */
const REF_LINK = new RegExp(String.raw`(!?\[)${LABEL}(\]\[[^[\]\n]*\])`, 'g');
const FOOTNOTE_REF = /\[\^[^\]\s]+\]/g;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/g;
const URL = /\b(?:https?|ftp|file|mailto):[^\s，。；！？“”（）<>]*/gi;
const WWW = /\bwww\.[^\s，。；！？“”（）<>]*/gi;
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const HTML = /<!--.*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w:.-]*(?:[ \t]*=[ \t]*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*[ \t]*\/?>/g;
/** Emphasis and strikethrough delimiters (an underscore only at the edge of a word, as CommonMark reads it). */
const EMPHASIS = /\*+|~~|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
/** The backslash of an escape (the escaped character is text, as written). */
const ESCAPE = /\\(?=[!-/:-@[-`{-~])/g;

/**
 * Characters that every non-prose span above contains: a line without any of them is all prose
 * (a one-pass test callers may use before they call maskInlineSyntax, which makes it too).
 */
const SYNTAX_CHARS = /[`:@<[\]!*_~\\]|www\./i;

/** Whether a line may hold inline syntax that maskInlineSyntax would mask. */
export function mayHaveInlineSyntax(text: string): boolean {
  return SYNTAX_CHARS.test(text);
}

/** The line with every non-prose character replaced by MASKED: same length, same columns. */
export function maskInlineSyntax(text: string): string {
  if (!SYNTAX_CHARS.test(text)) return text;
  if (FOOTNOTE_DEF.test(text)) text = text.replace(FOOTNOTE_DEF, mask);
  else if (DEFINITION.test(text)) return mask(text);
  let s = text.replace(TASK_BOX, (m, lead: string) => lead + mask(m.slice(lead.length)));
  s = s.replace(CODE, mask);
  s = s.replace(AUTOLINK, mask).replace(HTML, mask);
  s = s.replace(INLINE_LINK, (_m, open: string, label: string, rest: string) => mask(open) + label + mask(rest));
  s = s.replace(REF_LINK, (_m, open: string, label: string, rest: string) => mask(open) + label + mask(rest));
  s = s.replace(FOOTNOTE_REF, mask);
  s = s.replace(URL, mask).replace(WWW, mask).replace(EMAIL, mask);
  s = s.replace(ESCAPE, mask).replace(EMPHASIS, mask);
  return s;
}
