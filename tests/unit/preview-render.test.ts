import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildModel } from '../../server/src/engine/model/parse';
import { diagnostics } from '../../server/src/engine/diagnostics';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { pageCss, renderDocument } from '../../server/src/engine/features/render/render';
import { formatDate } from '../../server/src/engine/features/render/front';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const SEED = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8');

function render(text: string, view: 'flow' | 'page' = 'flow'): string {
  return renderDocument(buildModel({ text }), { view }).html;
}

/** Elements with a given data-line: their outer HTML. */
function atLine(html: string, line: number): string[] {
  const re = new RegExp(`<(\\w+)[^>]*data-line="${line}"[^>]*>.*?</\\1>`, 'gs');
  return html.match(re) ?? [];
}

describe('preview render: constructs of the seed', () => {
  const model = buildModel({ text: SEED });
  const result = renderDocument(model);

  it('renders the title line as the centred title', () => {
    assert.strictEqual(result.title, '2023年度述职述德述廉报告');
    assert.deepStrictEqual(atLine(result.html, 0), ['<h1 class="report-title report-gap" data-line="0">2023年度述职述德述廉报告</h1>']);
  });

  it('renders the body as paragraphs, one per source line', () => {
    const [p] = atLine(result.html, 1);
    assert.ok(p?.startsWith('<p class="report-p" data-line="1">今年以来，在上级部门的关心支持下'), p);
    assert.ok(p?.endsWith('现将个人履职情况报告如下：</p>'), p);
  });

  it('renders a level-1 heading on its own line in its level font class', () => {
    assert.deepStrictEqual(atLine(result.html, 2), ['<h2 class="report-h report-h1" data-line="2">一、持之以恒加强领导班子自身建设</h2>']);
    assert.deepStrictEqual(atLine(result.html, 20), ['<h2 class="report-h report-h1" data-line="20">四、下一步工作打算</h2>']);
  });

  it('renders a run-in heading as a heading span followed by the body in the same paragraph', () => {
    const [p] = atLine(result.html, 3);
    assert.ok(p?.startsWith('<p class="report-p report-runin" data-line="3"><span class="report-h report-h2">（一）主动学习强素质。</span>始终把学习贯穿于整体工作之中'), p);
    assert.strictEqual((p?.match(/<span/g) ?? []).length, 1);
  });

  it('gives every heading of the model a rendered element at its line', () => {
    for (const h of model.headings) {
      const els = atLine(result.html, h.line);
      assert.strictEqual(els.length, 1, `line ${h.line}`);
      assert.ok(els[0]?.includes(`report-h${h.level}`), els[0]);
      assert.ok(els[0]?.includes(h.title), `${h.title} in ${els[0]}`);
    }
  });

  it('has a line map: one entry per block, in source order, covering every non-blank line', () => {
    const lines = result.lineMap.map((e) => e.line);
    assert.deepStrictEqual(lines, [...lines].sort((a, b) => a - b));
    const nonBlank = model.lineKinds.map((k, i) => (k === 'blank' ? -1 : i)).filter((i) => i >= 0);
    assert.deepStrictEqual(lines, nonBlank);
    assert.ok(result.lineMap.every((e) => e.page === 0));
    assert.strictEqual((result.html.match(/data-line="/g) ?? []).length, lines.length);
  });

  it('marks diagnostics in place with the message on hover', () => {
    const diags = diagnostics(model, DEFAULT_CONFIG);
    const html = renderDocument(model, { diagnostics: diags }).html;
    const [p] = atLine(html, 6);
    assert.match(p ?? '', /<span class="report-h report-h2">（四）廉洁从政守<\/span><span class="report-h report-h2"><mark class="report-diag report-diag-error" title="[^"]*##paidbegin##[^"]*\[stray-marker\]">##paidbegin##<\/mark><\/span><span class="report-h report-h2">底线。<\/span>/);
    // Without the option nothing is marked.
    assert.ok(!result.html.includes('report-diag'));
    // Text is unchanged by the markers.
    assert.strictEqual(p?.replace(/<[^>]+>/g, ''), atLine(result.html, 6)[0]?.replace(/<[^>]+>/g, ''));
  });
});

describe('preview render: Markdown constructs', () => {
  it('renders a table with borders class, alignment and the 合计 row emphasised', () => {
    const html = render('# 表\n\n一、情况\n\n| 项目 | 金额（万元） |\n|:--|--:|\n| 教育 | 120 |\n| 合计 | 120 |\n');
    assert.match(html, /<table class="report-table" data-line="4"><thead><tr data-line="4"><th class="report-align-left">项目<\/th><th class="report-align-right">金额（万元）<\/th><\/tr><\/thead>/);
    assert.match(html, /<tr data-line="6"><td class="report-align-left">教育<\/td><td class="report-align-right">120<\/td><\/tr>/);
    assert.match(html, /<tr class="report-total" data-line="7"><td class="report-align-left">合计<\/td>/);
  });

  it('renders inline emphasis, code, safe links and local images', () => {
    const html = render('正文有**重点**和*强调*，`代码`，[链接](https://example.org/a?b=1&c=2)和![图](img/a.png)。');
    assert.ok(html.includes('<strong>重点</strong>'));
    assert.ok(html.includes('<em>强调</em>'));
    assert.ok(html.includes('<code>代码</code>'));
    assert.ok(html.includes('<a href="https://example.org/a?b=1&amp;c=2">链接</a>'));
    assert.ok(html.includes('<img src="img/a.png" alt="图">'));
  });

  it('renders fenced code, rules, quotes and bullets', () => {
    const html = render('甲\n\n```\n<b>x</b>\n```\n\n---\n\n> 引用的话\n\n- 项目一\n');
    assert.ok(html.includes('<pre class="report-code" data-line="2"><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>'));
    assert.ok(html.includes('<hr class="report-hr" data-line="6">'));
    assert.ok(html.includes('<p class="report-p report-quote" data-line="8">引用的话</p>'));
    assert.ok(html.includes('<p class="report-p report-li" data-line="10">• 项目一</p>'));
  });

  it('renders # headings, numbered Markdown headings and the decimal levels', () => {
    const html = render('# 工作总结\n\n## 一、主要工作\n\n正文。\n\n1.加强学习。认真学习。\n');
    assert.ok(html.includes('<h1 class="report-title report-gap" data-line="0">工作总结</h1>'));
    assert.ok(html.includes('<h2 class="report-h report-h1" data-line="2">一、主要工作</h2>'));
    assert.ok(html.includes('<p class="report-p report-runin" data-line="6"><span class="report-h report-h3">1.加强学习。</span>认真学习。</p>'));
  });
});

describe('preview render: front matter as a real report shows it', () => {
  const text = '---\ntitle: 2024年个人述职报告\nauthor: 张三\nunit: 某县人民政府办公室\ndate: 2024-12-05\n---\n一、主要工作\n正文。\n';
  const r = renderDocument(buildModel({ text }));

  it('puts the title and the author line at the top', () => {
    assert.ok(r.html.startsWith('<div class="report-flow"><h1 class="report-title" data-line="1">2024年个人述职报告</h1>\n<p class="report-author report-gap" data-line="2">张三</p>'), r.html);
  });

  it('puts the signature and the date at the end', () => {
    assert.ok(r.html.endsWith('<div class="report-signature" data-line="3"><p class="report-sign-unit" data-line="3">某县人民政府办公室</p><p class="report-sign-date" data-line="4">2024年12月5日</p></div></div>'), r.html);
  });

  it('writes dates the GB/T 9704 way', () => {
    assert.strictEqual(formatDate('2024-01-09'), '2024年1月9日');
    assert.strictEqual(formatDate('2024/12/31'), '2024年12月31日');
    assert.strictEqual(formatDate('二〇二四年'), '二〇二四年');
  });

  it('shows front matter values as text, never as Markdown or HTML', () => {
    const html = render('---\ntitle: "<script>alert(1)</script> *x*"\nunit: "<img src=x onerror=alert(1)>"\n---\n正文。\n');
    assert.ok(html.includes('<h1 class="report-title report-gap" data-line="1">&lt;script&gt;alert(1)&lt;/script&gt; *x*</h1>'), html);
    assert.ok(html.includes('<p class="report-sign-unit" data-line="2">&lt;img src=x onerror=alert(1)&gt;</p>'), html);
  });
});

describe('preview render: page CSS per GB/T 9704', () => {
  const css = pageCss();
  it('sets the A4 page, the margins and the 156 × 225 mm text block with 22 × 28 grid', () => {
    assert.match(css, /width: 210mm; height: 297mm;/);
    assert.match(css, /padding: 37mm 26mm 35mm 28mm;/);
    assert.match(css, /width: 156mm; height: 225mm;/);
    assert.match(css, /--report-line: calc\(225mm \/ 22\); --report-char: calc\(156mm \/ 28\);/);
  });
  it('uses the standard font names with Noto CJK fallbacks', () => {
    assert.match(css, /\.report-title \{ font-family: "方正小标宋简体".*"Noto Serif CJK SC".*font-size: 22pt/);
    assert.match(css, /\.report-h1 \{ font-family: "黑体", "SimHei".*"Noto Sans CJK SC"/);
    assert.match(css, /\.report-h2 \{ font-family: "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti"/);
    assert.match(css, /\.report-page-body \{[^}]*font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", [^}]*"STFangsong"[^}]*"Noto Serif CJK SC"[^}]*font-size: 16pt/);
  });
  it('places page numbers: odd right, even left, 4号 宋体', () => {
    assert.match(css, /\.report-page-number \{ position: absolute; top: calc\(37mm \+ 225mm \+ 7mm\); font-family: "宋体", "SimSun"[^}]*font-size: 14pt/);
    assert.match(css, /\.report-page-odd \.report-page-number \{ right:/);
    assert.match(css, /\.report-page-even \.report-page-number \{ left:/);
  });
});
