import * as assert from 'assert';
import { analysed } from '../support/analysis';
import * as fs from 'fs';
import * as path from 'path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { buildModel } from '../../server/src/engine';
import { sectionHover } from '../../server/src/engine/features/section-hover';
import { countReport, countText, stripMarkup } from '../../common/wordcount';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const SEED = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8');
const NO = { countPunctuation: false };
const YES = { countPunctuation: true };

/** An independent count for text without Latin punctuation inside words: Han characters plus runs of letters/digits. */
function naive(text: string): number {
  return (text.match(/\p{Script=Han}/gu) ?? []).length + (text.match(/[A-Za-z0-9]+(?:[.,][0-9]+)*/g) ?? []).length;
}

describe('writing: character count', () => {
  it('counts Chinese characters one each and Latin words and numbers one each', () => {
    assert.deepStrictEqual(countText('现将情况报告如下：', NO), { characters: 8, cjk: 8, words: 0, punctuation: 1 });
    assert.strictEqual(countText('现将情况报告如下：', YES).characters, 9);
    assert.strictEqual(countText('累计接收上级来文384件', NO).characters, 10);
    assert.strictEqual(countText('加装OBD定位系统300个', NO).characters, 9);
    assert.deepStrictEqual(countText('5.5%左右，1,000 people', NO), { characters: 5, cjk: 2, words: 3, punctuation: 2 });
    assert.strictEqual(countText(' \u3000\t\n', YES).characters, 0);
  });

  it('leaves out front matter and Markdown markup', () => {
    assert.strictEqual(stripMarkup('---\ntitle: 报告\n---\n## 一、概述\n正文').trim(), '一、概述\n正文');
    const table = '| 项目 | 数量 |\n| --- | ---: |\n| 合计 | 30 |';
    assert.strictEqual(countReport(table, YES).characters, 7);
    assert.strictEqual(countReport('**重点**工作`code`', YES).characters, 5);
  });

  it('agrees with an independent count on every line of the real seed report', () => {
    for (const line of SEED.split('\n')) {
      if (line.includes('#')) continue; // ##paidbegin## markers are markup-like
      assert.strictEqual(countText(line, NO).characters, naive(line), line.slice(0, 20));
    }
  });
});

describe('writing: section hover', () => {
  const model = buildModel({ text: SEED });
  const value = (h: ReturnType<typeof sectionHover>): string => (h?.contents as MarkupContent).value;

  it('shows the path and size of a run-in sub-section', () => {
    const h = sectionHover(analysed(model), { line: 3, character: 5 });
    assert.ok(h);
    assert.deepStrictEqual(h.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 11 } });
    const text = value(h);
    assert.ok(text.startsWith('**一、持之以恒加强领导班子自身建设 › （一）主动学习强素质**'), text);
    const line = SEED.split('\n')[3] ?? '';
    assert.ok(text.includes(`${naive(line)} characters (${countText(line, YES).characters} with punctuation), lines 4–4`), text);
  });

  it('sums the sub-sections of a level-1 section and escapes Markdown in titles', () => {
    const text = value(sectionHover(analysed(model), { line: 2, character: 0 }));
    const lines = SEED.split('\n');
    const parts = [3, 4, 5, 6].map((i) => countReport(lines[i] ?? '', NO).characters);
    const total = countReport(lines[2] ?? '', NO).characters + parts.reduce((a, b) => a + b, 0);
    assert.ok(text.includes(`${total} characters`), text);
    assert.ok(text.includes('Sub-sections:'));
    assert.ok(text.includes(`- （一）主动学习强素质: ${parts[0]} characters`), text);
    assert.ok(text.includes('（四）廉洁从政守\\#\\#paidbegin\\#\\#底线'), text);
    assert.strictEqual(text.split('\n').filter((l) => l.startsWith('- ')).length, 4);
  });

  it('shows the nested path three levels deep, on CRLF text with a BOM', () => {
    const m = buildModel({ text: '\uFEFF一、总体情况\r\n（一）工作进展\r\n1. 项目建设。完成投资3亿元。\r\n正文。\r\n' });
    const h = sectionHover(analysed(m), { line: 2, character: 1 });
    assert.ok(value(h).startsWith('**一、总体情况 › （一）工作进展 › 1.项目建设**'), value(h));
    assert.deepStrictEqual(h?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
    // 1 (the marker's number) + 项目建设 4 + 完成投资 4 + 3 + 亿元 2 + 正文 2; punctuation: . 。 。 。
    assert.ok(value(h).includes('14 characters (18 with punctuation), lines 3–4'), value(h));
    assert.deepStrictEqual(sectionHover(analysed(m), { line: 0, character: 1 })?.range?.start, { line: 0, character: 1 }); // after the BOM
  });

  it('is silent on body text and past the heading', () => {
    assert.strictEqual(sectionHover(analysed(model), { line: 1, character: 3 }), null);
    assert.strictEqual(sectionHover(analysed(model), { line: 3, character: 40 }), null);
  });
});
