import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildModel } from '../../server/src/engine/model/parse';
import { renderBlocks, renderDocument } from '../../server/src/engine/features/render/render';
import { paraLines } from '../../server/src/engine/features/render/blocks';
import { charWidth, layoutLines } from '../../server/src/engine/features/render/inline';
import { paginate } from '../../server/src/engine/features/render/page';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const LONG = fs.readFileSync(path.join(REAL, '2026-shaanxi-government-work-report.txt'), 'utf8');
const SEED = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8');

const strip = (html: string): string => html.replace(/<[^>]+>/g, '');

describe('page view: the 28-character grid', () => {
  it('counts CJK characters, full-width punctuation and Chinese quotes as one, ASCII as half', () => {
    assert.deepStrictEqual([...'中，“a1%×'].map(charWidth), [1, 1, 1, 0.5, 0.5, 0.5, 1]);
  });

  it('breaks lines of 28 characters after a first line indented by two', () => {
    const text = '字'.repeat(60);
    assert.deepStrictEqual(layoutLines(text, 26, 28), [0, 26, 54]);
    assert.deepStrictEqual(layoutLines('a'.repeat(56), 28, 28), [0]);
    assert.deepStrictEqual(layoutLines('a'.repeat(57), 28, 28), [0, 56]);
  });

  it('never starts a line with closing punctuation nor ends one with an opening quote', () => {
    // 。 would be the 27th character of the first line: the 26th character goes down with it.
    assert.deepStrictEqual(layoutLines('字'.repeat(26) + '。后文', 26, 28), [0, 25]);
    // “ would end the first line: it goes down with the word it opens.
    assert.deepStrictEqual(layoutLines('字'.repeat(25) + '“引”' + '字'.repeat(5), 26, 28), [0, 25]);
  });
});

describe('page view: pagination of a long report', () => {
  const model = buildModel({ text: LONG });
  const blocks = renderBlocks(model);
  const { pages, used } = paginate(blocks);
  const result = renderDocument(model, { view: 'page' });

  it('flows the report into as many pages of 22 lines as it needs', () => {
    const total = blocks.reduce((n, b) => n + (b.kind === 'para' ? paraLines(b) : 0), 0);
    assert.ok(pages.length >= Math.ceil(total / 22), `${pages.length} pages for ${total} lines`);
    assert.ok(pages.length <= Math.ceil(total / 22) * 1.15, `${pages.length} pages for ${total} lines: too much space left`);
    assert.strictEqual(result.pages, pages.length);
    for (const [i, n] of used.entries()) assert.ok(n <= 22, `page ${i + 1} uses ${n} lines`);
    // Full pages: all but the last are filled to at least 20 lines.
    assert.ok(used.slice(0, -1).every((n) => n >= 20), JSON.stringify(used));
  });

  it('keeps every character of the text, in order, across page breaks', () => {
    const flow = renderDocument(model, { view: 'flow' });
    const byLine = (map: typeof flow.lineMap, html: string): Map<number, string> => {
      const out = new Map<number, string>();
      const re = /<(p|h\d)[^>]*data-line="(\d+)"[^>]*>(.*?)<\/\1>/gs;
      for (const m of html.matchAll(re)) out.set(Number(m[2]), (out.get(Number(m[2])) ?? '') + strip(m[3] ?? ''));
      assert.ok(map.length > 0);
      return out;
    };
    const a = byLine(flow.lineMap, flow.html);
    const b = byLine(result.lineMap, result.html);
    assert.deepStrictEqual([...b.entries()], [...a.entries()]);
  });

  it('splits a paragraph over a page break: the continuation has no first-line indent', () => {
    const splits = result.lineMap.filter((e, i, all) => i > 0 && all[i - 1]?.line === e.line);
    assert.ok(splits.length >= 5, `${splits.length} paragraphs continue on the next page`);
    for (const s of splits) {
      const prev = result.lineMap[result.lineMap.indexOf(s) - 1];
      assert.strictEqual(s.page, (prev?.page ?? 0) + 1);
    }
    assert.ok(result.html.includes('report-cont" data-line='));
    assert.ok(result.html.includes('report-split" data-line='));
  });

  it('never leaves a heading alone at the bottom of a page', () => {
    for (const page of pages) {
      const last = page[page.length - 1];
      assert.ok(last && !/^<h\d/.test(last.html), last?.html.slice(0, 80));
    }
  });

  it('numbers the pages 「— n —」, odd pages right and even pages left', () => {
    const numbers = [...result.html.matchAll(/<section class="report-page report-page-(odd|even)" data-page="(\d+)">.*?<div class="report-page-number">— (\d+) —<\/div><\/section>/gs)];
    assert.strictEqual(numbers.length, result.pages);
    numbers.forEach((m, i) => {
      assert.strictEqual(Number(m[2]), i + 1);
      assert.strictEqual(Number(m[3]), i + 1);
      assert.strictEqual(m[1], (i + 1) % 2 === 1 ? 'odd' : 'even');
    });
  });

  it('has a line map with the page of every block, pages in order', () => {
    const p = result.lineMap.map((e) => e.page);
    assert.deepStrictEqual(p, [...p].sort((x, y) => x - y));
    assert.strictEqual(p[0], 1);
    assert.strictEqual(p[p.length - 1], result.pages);
  });
});

describe('page view: exact layouts', () => {
  it('splits one 1000-character paragraph into 22 + 14 lines', () => {
    const model = buildModel({ text: '字'.repeat(1000) });
    const { pages, used } = paginate(renderBlocks(model));
    assert.deepStrictEqual(used, [22, 14]); // (2 + 1000) / 28 = 35.8 → 36 lines
    assert.strictEqual(strip(pages[0]?.[0]?.html ?? '').length, 26 + 21 * 28);
    assert.ok(pages[1]?.[0]?.html.startsWith('<p class="report-p report-cont" data-line="0">'));
  });

  it('puts the seed on several pages, the title on the first', () => {
    const r = renderDocument(buildModel({ text: SEED }), { view: 'page' });
    assert.ok(r.pages > 1, `${r.pages} pages`);
    assert.match(r.html, /^<div class="report-pages"><section class="report-page report-page-odd" data-page="1"><div class="report-page-body"><h1 class="report-title report-gap" data-line="0">2023年度述职述德述廉报告<\/h1>/);
  });

  it('moves a table to the next page when it does not fit, repeating the header when it runs on', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `| 项目${i + 1} | ${i + 1} |`).join('\n');
    const text = `${'字'.repeat(28 * 20 - 2)}\n\n| 项目 | 数量 |\n|---|---|\n${rows}\n| 合计 | 465 |\n`;
    const r = renderDocument(buildModel({ text }), { view: 'page' });
    const tables = [...r.html.matchAll(/<table class="report-table( report-cont)?"/g)];
    assert.ok(tables.length >= 2, `${tables.length} table parts`);
    assert.strictEqual((r.html.match(/<thead>/g) ?? []).length, tables.length);
    assert.ok(r.html.includes('<tr class="report-total"'));
    // the paragraph fills page 1 (20 lines); the table starts on page 2
    assert.strictEqual(r.lineMap.find((e) => e.line === 2)?.page, 2);
  });
});
