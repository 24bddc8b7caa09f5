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
export function markdown(): Markdown {
  shared ??= createMarkdown();
  return shared;
}
