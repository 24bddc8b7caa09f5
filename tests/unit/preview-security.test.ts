import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildModel } from '../../server/src/engine/model/parse';
import { renderDocument } from '../../server/src/engine/features/render/render';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');

/** A report full of payloads: each would set window.__pwned or load something remote if it ran. */
export const PAYLOADS = [
  '---',
  'title: "<script>window.__pwned=1</script>标题"',
  'author: "<img src=x onerror=window.__pwned=1>"',
  'unit: "\\"><svg onload=window.__pwned=1>"',
  '---',
  '一、<script>window.__pwned=1</script>总体情况',
  '（一）<img src=x onerror="window.__pwned=1">图片。<svg onload="window.__pwned=1"></svg>正文。',
  '正文<iframe src="https://evil.example/frame"></iframe>和<object data="https://evil.example/o"></object>。',
  '<div style="background:url(https://evil.example/bg.png)">样式</div><style>body{background:url(https://evil.example/s.png)}</style>',
  '[点我](javascript:window.__pwned=1) [数据](data:text/html,<script>window.__pwned=1</script>) [文件](file:///etc/passwd) [VB](vbscript:msgbox) [协议相对](//evil.example/x)',
  '<javascript:window.__pwned=1> <https://example.org/ok>',
  '![远程图片](https://evil.example/track.png) ![协议相对](//evil.example/t.png) ![本地](images/a.png "题注\\"><script>window.__pwned=1</script>")',
  '[标题属性](https://example.org "\\" onmouseover=\\"window.__pwned=1")',
  '<a href="javascript:window.__pwned=1">原始链接</a><meta http-equiv="refresh" content="0;url=https://evil.example">',
  '',
  '| <script>window.__pwned=1</script> | 数额 |',
  '|---|---|',
  '| <img src=x onerror=window.__pwned=1> | ![t](https://evil.example/cell.png) |',
  '| 合计 | [x](javascript:alert(1)) |',
  '',
  '```',
  '<script>window.__pwned=1</script>',
  '```',
].join('\n');

const TAGS = new Set(['div', 'section', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'span', 'mark', 'strong', 'em', 's', 'code', 'pre', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br']);
const ATTRS = new Set(['class', 'data-line', 'data-page', 'href', 'src', 'alt', 'title']);

/** Checks every tag of the HTML against an allow-list; returns the problems found. */
export function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const tag = (m[1] ?? '').toLowerCase();
    if (!TAGS.has(tag)) problems.push(`tag <${tag}>`);
    for (const a of (m[2] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)) {
      const name = (a[1] ?? '').toLowerCase();
      const value = a[2] ?? '';
      if (!ATTRS.has(name)) problems.push(`attribute ${name} on <${tag}>`);
      if (name === 'href' && !/^(https?:|mailto:|[^:]*$)/i.test(value)) problems.push(`href ${value}`);
      if (name === 'href' && value.startsWith('//')) problems.push(`href ${value}`);
      if (name === 'src' && (/^[a-z][\w+.-]*:/i.test(value) || value.startsWith('//'))) problems.push(`src ${value}`);
    }
  }
  // Anything that looks like a tag but isn't well-formed would be a parser confusion.
  const leftovers = html.replace(/<\/?[a-zA-Z][\w-]*(?:\s+[\w-]+(?:="[^"]*")?)*\s*\/?>/g, '');
  if (/[<>]/.test(leftovers)) problems.push(`stray < or >: ${/.{0,30}[<>].{0,30}/s.exec(leftovers)?.[0]}`);
  return problems;
}

describe('preview security: the rendered HTML', () => {
  const model = buildModel({ text: PAYLOADS });
  for (const view of ['flow', 'page'] as const) {
    it(`has only allowed tags and attributes, safe links and no remote images (${view} view)`, () => {
      const html = renderDocument(model, { view, diagnostics: [{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } }, message: '"><script>window.__pwned=1</script>', severity: 1 }] }).html;
      assert.deepStrictEqual(unsafeParts(html), []);
      assert.ok(!/evil\.example[^<"]*"/.test(html.replace(/title="[^"]*"/g, '')), 'no attribute points at evil.example');
    });
  }

  it('shows raw HTML as text', () => {
    const html = renderDocument(model).html;
    assert.ok(html.includes('一、&lt;script&gt;window.__pwned=1&lt;/script&gt;总体情况'));
    assert.ok(html.includes('&lt;iframe src=&quot;https://evil.example/frame&quot;&gt;&lt;/iframe&gt;'));
    assert.ok(html.includes('&lt;div style=&quot;background:url(https://evil.example/bg.png)&quot;&gt;样式&lt;/div&gt;'));
  });

  it('drops unsafe link targets but keeps the text; shows remote images as their alt text', () => {
    const html = renderDocument(model).html;
    // markdown-it refuses javascript:/data:/file:/vbscript: links: they stay text; our renderer refuses protocol-relative ones.
    assert.ok(html.includes('[点我](javascript:window.__pwned=1) [数据](data:text/html,&lt;script&gt;'), html);
    assert.ok(html.includes('<span class="report-link-blocked">协议相对</span>'), html);
    assert.ok(!/href="(javascript|data|file|vbscript):/i.test(html));
    assert.ok(html.includes('<span class="report-img-blocked" title="https://evil.example/track.png">[远程图片]</span>'));
    assert.ok(html.includes('<img src="images/a.png" alt="本地">'));
    assert.ok(html.includes('<a href="https://example.org/ok">https://example.org/ok</a>'));
  });

  it('renders the real reports with safe HTML only', () => {
    for (const f of fs.readdirSync(REAL).filter((n) => n.endsWith('.txt'))) {
      const html = renderDocument(buildModel({ text: fs.readFileSync(path.join(REAL, f), 'utf8') }), { view: 'page' }).html;
      assert.deepStrictEqual(unsafeParts(html), [], f);
    }
  });
});
