import MarkdownIt from 'markdown-it';

export type Markdown = InstanceType<typeof MarkdownIt>;

/**
 * The one Markdown parser of the project (the preview renders from the same tokens).
 * Report dialect: raw HTML is text, indented code blocks are off (reports indent paragraphs
 * with spaces), and setext headings are off (a line of ===== is a separator in pasted text).
 */
export function createMarkdown(): Markdown {
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
  md.disable(['code', 'lheading']);
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
 * it for the whole document on every version would cost more than the block parse itself.
 */
export function blockMarkdown(): Markdown {
  if (!blocks) {
    blocks = createMarkdown();
    blocks.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  }
  return blocks;
}
