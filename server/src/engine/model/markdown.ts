import MarkdownIt from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import { matchMarker, withoutJunk } from './markers';

export type Markdown = InstanceType<typeof MarkdownIt>;

/** A line that reads as a title: short, no sentence or clause end, not a table row, not a YAML field. */
const SETEXT_TEXT_MAX = 40;
const NOT_A_TITLE = /[。；，、：;,:]$|\|/;
// (「title：」 too: making the colon full-width, as punctuation-width offers, must not make the line a title.)
const YAML_FIELD = /^[A-Za-z_][\w-]*[ \t]*[:：]/;
const UNDERLINE = /^(?:=+|-+)[ \t]*$/;
/**
 * Setext headings as the report dialect reads them: one line of title text with 「===」 (level 1) or
 * 「---」 (level 2) right under it. Not a paragraph line, a table row, a YAML field (an unclosed front
 * matter) or a long line: in pasted text a rule of ===== or ----- under a paragraph is a separator.
 */
function setextHeading(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const next = startLine + 1;
  if (next >= endLine || state.sCount[startLine] === undefined) return false;
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4 || (state.sCount[next] ?? 0) - state.blkIndent >= 4) return false;
  if ((state.sCount[next] ?? 0) < state.blkIndent) return false;
  const lineText = (i: number): string => state.src.slice((state.bMarks[i] ?? 0) + (state.tShift[i] ?? 0), state.eMarks[i] ?? 0);
  const under = lineText(next);
  if (!UNDERLINE.test(under)) return false;
  const text = lineText(startLine).trim();
  // Judged as a reader sees the line: without paste junk (removing it, as stray-marker offers, must
  // not make the line a title or not).
  // Its numbering marker is not judged either (「一.」 and 「一、」, 「007）」 and 「（1）」 are the same
  // line to a reader: Format Document rewrites markers), and a number alone on its line is no title.
  const seen = withoutJunk(text).trim();
  const marker = matchMarker(seen, 0);
  const title = (marker ? seen.slice(marker.start + marker.length) : seen).trim();
  if (title === '' || [...title].length > SETEXT_TEXT_MAX || NOT_A_TITLE.test(title) || YAML_FIELD.test(seen) || UNDERLINE.test(seen)) return false;
  // Other blocks; a number in full-width digits too (「１２. 」), which numbering-style makes half-width.
  if (/^(?:[#>`~]|[-*+][ \t]|[0-9０-９]{1,9}[.)．][ \t])/.test(seen)) return false;
  if (silent) return true;
  const level = under.startsWith('=') ? 1 : 2;
  state.line = next + 1;
  const open = state.push('heading_open', `h${level}`, 1);
  open.markup = under.charAt(0);
  open.map = [startLine, state.line];
  const inline = state.push('inline', '', 0);
  inline.content = text;
  inline.map = [startLine, state.line - 1];
  inline.children = [];
  state.push('heading_close', `h${level}`, -1).markup = under.charAt(0);
  return true;
}

/**
 * The one Markdown parser of the project (the preview renders from the same tokens).
 * Report dialect: raw HTML is text, indented code blocks are off (reports indent paragraphs
 * with spaces), and setext headings are read only where the underlined line reads as a title.
 */
export function createMarkdown(): Markdown {
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
  md.disable(['code', 'lheading']);
  md.block.ruler.before('paragraph', 'report_setext', setextHeading, { alt: ['paragraph'] });
  return md;
}

let shared: Markdown | undefined;
/** The full parser: inline Markdown of the preview and the exporters. */
export function markdown(): Markdown {
  shared ??= createMarkdown();
  return shared;
}

let blocks: Markdown | undefined;
/**
 * The same dialect, block structure only: what the model classifies lines with. Inline parsing
 * (emphasis, links, entities) is done where something is rendered, on the text of one line; doing
 * it for the whole document on every version would cost more than the block parse itself. HTML
 * blocks are recognised here (their lines are still shown as text) so that a numbered line inside
 * one is not taken for a heading.
 */
export function blockMarkdown(): Markdown {
  if (!blocks) {
    blocks = createMarkdown();
    blocks.set({ html: true });
    blocks.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  }
  return blocks;
}
