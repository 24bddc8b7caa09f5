/**
 * Inline rendering for the preview and the HTML export: markdown-it (the project's one parser)
 * tokenises the inline text, this file turns the tokens into HTML with its own small, strict
 * renderer: every text is escaped, links keep only safe schemes, remote images are not loaded.
 */
import type { Token } from 'markdown-it';
import { t } from '../../i18n';
import { markdown } from '../../model/markdown';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Links: web and mail addresses, and relative references (files beside the report, #anchors). */
export function safeHref(href: string): string | undefined {
  const h = href.trim();
  if (/^(https?:|mailto:)/i.test(h)) return h;
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('//')) return undefined; // javascript:, data:, file:, vbscript:, protocol-relative
  return h;
}

/** Images: only files beside the report (relative paths) are shown; anything remote is never loaded. */
export function safeImageSrc(src: string): string | undefined {
  const s = src.trim();
  if (s === '' || /^[a-z][a-z0-9+.-]*:/i.test(s) || s.startsWith('//') || s.startsWith('\\')) return undefined;
  return s;
}

function attr(token: Token, name: string): string {
  return String(token.attrGet(name) ?? '');
}

function renderTokens(tokens: Token[]): string {
  let out = '';
  const openLinks: boolean[] = [];
  for (const tok of tokens) {
    switch (tok.type) {
      case 'text':
      case 'text_special':
        out += escapeHtml(tok.content);
        break;
      case 'softbreak':
        out += '\n';
        break;
      case 'hardbreak':
        out += '<br>';
        break;
      case 'code_inline':
        out += `<code>${escapeHtml(tok.content)}</code>`;
        break;
      case 'strong_open':
      case 'em_open':
      case 's_open':
        out += `<${tok.tag}>`;
        break;
      case 'strong_close':
      case 'em_close':
      case 's_close':
        out += `</${tok.tag}>`;
        break;
      case 'link_open': {
        const href = safeHref(attr(tok, 'href'));
        openLinks.push(href !== undefined);
        const title = attr(tok, 'title');
        out += href !== undefined ? `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>` : '<span class="report-link-blocked">';
        break;
      }
      case 'link_close':
        out += openLinks.pop() ? '</a>' : '</span>';
        break;
      case 'image': {
        const alt = tok.children ? plainText(tok.children) : tok.content;
        const src = safeImageSrc(attr(tok, 'src'));
        out += src !== undefined
          ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`
          : `<span class="report-img-blocked" title="${escapeHtml(attr(tok, 'src'))}">[${escapeHtml(alt || t('image'))}]</span>`;
        break;
      }
      default:
        // html_inline cannot occur (html: false); anything unknown is shown as its text.
        if (tok.content) out += escapeHtml(tok.content);
        break;
    }
  }
  return out;
}

function plainText(tokens: Token[]): string {
  return tokens.map((t) => (t.children ? plainText(t.children) : t.type === 'text' || t.type === 'code_inline' ? t.content : '')).join('');
}

/** Renders one piece of inline Markdown (a line, or part of a line) as escaped HTML. */
export function renderInline(text: string): string {
  if (text === '') return '';
  const tokens = markdown().parseInline(text, {});
  return renderTokens(tokens[0]?.children ?? []);
}

// ------------------------------------------------------------------ widths and line breaking

/** Width of a character in the page grid: full-width (CJK) = 1, ASCII and half-width = 0.5. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x20) return 0;
  if (c < 0x80) return 0.5;
  if (c === 0xd7 || c === 0xf7 || c === 0xb1 || c === 0xa7) return 1; // × ÷ ± § are full-width in Chinese fonts
  if (c < 0x2000) return 0.5;
  // Quotes “” ‘’, the dashes ― —, • … ‰ ′ ″ ※ are full-width in Chinese fonts (GB2312 characters).
  if (c < 0x2070) return (c >= 0x2014 && c <= 0x201f) || c === 0x2022 || c === 0x2026 || (c >= 0x2030 && c <= 0x2033) || c === 0x203b ? 1 : 0.5;
  if (c >= 0xff61 && c <= 0xffdc) return 0.5; // half-width katakana / hangul
  return 1;
}

/** Characters that must not start a line (Chinese line-breaking rules, 避头). */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉”’…—,.;:?!)]}%％']);

/** Characters that must not end a line (避尾): opening brackets and quotes. */
const NO_END = new Set([...'（《「『【〔〈“‘([{']);

/**
 * Where the lines of a paragraph start when laid out in a grid `capacity` characters wide,
 * the first line `firstCapacity` wide (the first-line indent). Returns the offsets in `text`
 * (UTF-16) of each line's first character; [0] for an empty text.
 */
export function layoutLines(text: string, firstCapacity: number, capacity: number): number[] {
  const starts = [0];
  let used = 0;
  let cap = firstCapacity;
  let lineStart = 0;
  // Offsets of the two characters before the current one (避头尾 may move them to the next line).
  let prev1 = -1;
  let prev2 = -1;
  const charAt = (o: number): string => String.fromCodePoint(text.codePointAt(o) ?? 0);
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(c);
    const w = charWidth(ch);
    if (used + w > cap + 1e-9 && used > 0) {
      // Break before this character; a closing punctuation mark takes the previous character along,
      // an opening quote or bracket goes down with the character it opens.
      let k = i;
      let before = prev1;
      if (NO_START.has(ch) && prev1 > lineStart) {
        k = prev1;
        before = prev2;
      }
      if (before > lineStart && NO_END.has(charAt(before))) k = before;
      starts.push(k);
      lineStart = k;
      used = 0;
      for (let j = k; j < i; ) {
        const cj = text.codePointAt(j) ?? 0;
        used += charWidth(String.fromCodePoint(cj));
        j += cj > 0xffff ? 2 : 1;
      }
      cap = capacity;
    }
    used += w;
    prev2 = prev1;
    prev1 = i;
    i += c > 0xffff ? 2 : 1;
  }
  return starts;
}
