/**
 * The text a line of inline Markdown shows: 「**重点工作**」 → 「重点工作」, 「[文档](https://…)」 →
 * 「文档」, 「`report-check`」 → 「report-check」. Titles of headings (outline, symbols, CLI JSON,
 * export) are this text, not the source. One pass of a few patterns; no full inline parse.
 */

const LINK = /!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*\)/g;
const REF_LINK = /!?\[([^\]\n]+)\]\[[^\]\n]*\]/g;
const AUTOLINK = /<((?:https?|ftp|mailto):[^>\s]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/gi;
const CODE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g;
/** Emphasis delimiters: runs of * and _ (an underscore only outside words, as CommonMark reads it), ~~. */
const EMPHASIS = /\*+|~~|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
// eslint-disable-next-line no-control-regex
const KEPT = /\u0000(\d+)\u0000/g;

/** The visible text of one line of inline Markdown (code spans keep their content as written). */
export function inlinePlainText(source: string): string {
  if (!/[*_`[\]<\\~]/.test(source)) return source;
  // Code spans and escaped characters first: they are text as written, never Markdown.
  const kept: string[] = [];
  const keep = (text: string): string => {
    kept.push(text);
    return `\u0000${kept.length - 1}\u0000`;
  };
  let s = source.replace(CODE, (_m, _ticks: string, body: string) => keep(body.length > 2 && body.startsWith(' ') && body.endsWith(' ') ? body.slice(1, -1) : body));
  s = s.replace(ESCAPE, (_m, ch: string) => keep(ch));
  s = s.replace(LINK, (_m, text: string) => text).replace(REF_LINK, (_m, text: string) => text).replace(AUTOLINK, (_m, url: string) => url);
  s = s.replace(HTML_TAG, '').replace(EMPHASIS, '');
  return s.replace(KEPT, (_m, i: string) => kept[Number(i)] ?? '');
}
