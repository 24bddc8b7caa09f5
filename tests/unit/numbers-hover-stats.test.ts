import * as assert from 'assert';
import { analysed } from '../support/analysis';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../server/src/engine/features/hover';
import { figureHover } from '../../server/src/engine/features/figure-hover';
import { statistics } from '../../server/src/engine/features/statistics';
import { buildModel } from '../../server/src/engine/model/parse';
import { REAL, readReal } from './numbers-helpers';

const SEED = readReal('2023-county-office-shuzhi-report.txt');

/** Hover text at the first occurrence of `needle` (plus `offset` characters) on a line. */
function hoverAt(text: string, needle: string, offset = 0, useAll = false): string | undefined {
  const model = buildModel({ text });
  const line = model.index.lines.find((l) => l.text.includes(needle));
  if (!line) throw new Error(needle);
  const position = { line: line.index, character: line.text.indexOf(needle) + offset };
  const h = useAll ? hover(analysed(model), position) : figureHover(analysed(model), position);
  return h ? (h.contents as MarkupContent).value : undefined;
}

describe('hover on figures', () => {
  it('shows how an approximate figure was read', () => {
    const v = hoverAt(SEED, '110余批次', 1);
    assert.match(v ?? '', /`110余批次`/);
    assert.match(v ?? '', /Unit: 批次 \(count\)/);
    assert.match(v ?? '', /approximate: at least 110 \(余\)/);
  });

  it('shows an exact figure with its multiplier and value', () => {
    const v = hoverAt(readReal('2026-shaanxi-government-work-report.txt'), '44.1万人');
    assert.match(v ?? '', /Value: 44\.1 × 10000 = 441000/);
    assert.match(v ?? '', /- exact/);
  });

  it('shows the arithmetic of a total, a rate and a table total', () => {
    assert.match(hoverAt('标题\n共办理建议议案120件，其中人大代表建议80件、政协提案30件。\n', '120件') ?? '', /Parts: 80 \+ 30 = 110 ≠ 120/);
    assert.match(hoverAt('标题\n受理120件，办结118件，办结率92％。\n', '92％') ?? '', /Rate: 118 \/ 120 = 98\.3%/);
    assert.match(hoverAt('标题\n\n| 类别 | 件数 |\n|---|---|\n| 甲 | 80 |\n| 乙 | 30 |\n| 合计 | 120 |\n', '| 120', 2) ?? '', /Sum of the cells: 80 \+ 30 = 110 ≠ 120/);
  });

  it('shows the arithmetic of a growth rate on the rate and on both figures', () => {
    // The 2016 Hailar report's 「由11.66亿元增加到29.33亿元」 with a rate written after it.
    const text = '标题\n农牧民人均可支配收入由11.66亿元增加到29.33亿元，增长51.5%。\n';
    for (const needle of ['51.5%', '11.66亿元', '29.33亿元']) assert.match(hoverAt(text, needle, 1) ?? '', /Growth: \(29\.33 − 11\.66\) \/ 11\.66 = 151\.5% ≠ 51\.5%/, needle);
    assert.match(hoverAt('标题\n由11.66亿元增加到29.33亿元，增长151.5%。\n', '151.5%', 1) ?? '', /Growth: \(29\.33 − 11\.66\) \/ 11\.66 = 151\.5% ≈ 151\.5%/);
    assert.match(hoverAt('标题\n由45.2%提高到48.9%，提高3.7个百分点。\n', '3.7个', 1) ?? '', /Growth: 48\.9 − 45\.2 = 3\.7个百分点 ≈ 3\.7个百分点/);
    assert.doesNotMatch(hoverAt('标题\n地区生产总值增长5.1％。\n', '5.1', 1) ?? '', /Growth/);
  });

  it('shows the length of the list a count claim announces', () => {
    const v = hoverAt(readReal('2016-hailar-government-work-report.txt'), '八个方面', 1);
    assert.match(v ?? '', /Announces 8 items; 8 sub-sections follow/);
  });

  it('is part of the document hover and gives nothing off a figure', () => {
    assert.match(hoverAt(SEED, '办结118件', 2, true) ?? '', /`118件`/);
    assert.strictEqual(hoverAt(SEED, '收到上级交办', 1), undefined);
  });
});

describe('report statistics', () => {
  it('lists every figure of the seed with its section and context', () => {
    const stats = statistics(buildModel({ text: SEED, uri: 'file:///seed.report.md' }));
    assert.strictEqual(stats.title, '2023年度述职述德述廉报告');
    assert.strictEqual(stats.figures.length, 56);
    const first = stats.figures[0];
    assert.deepStrictEqual([first?.text, first?.value, first?.unit, first?.approx], ['29次', 29, '次', 'exact']);
    assert.deepStrictEqual(first?.section, ['一、持之以恒加强领导班子自身建设', '（一）主动学习强素质']);
    assert.strictEqual(first?.sectionLine, 3);
    assert.ok(first?.context.includes('集中学习29次'), first?.context);
    const approx = stats.figures.filter((f) => f.approx !== 'exact').map((f) => f.text);
    assert.deepStrictEqual(approx, ['110余批次', '1500余人', '80余次', '400余份']);
    assert.strictEqual(stats.counts['count'], 53);
  });

  it('keeps the figure in view in the context of a long sentence', () => {
    const stats = statistics(buildModel({ text: readReal('2026-shaanxi-government-work-report.txt') }));
    for (const f of stats.figures) assert.ok(f.context.includes(f.text), `${f.text} not in ${f.context}`);
  });

  describe('report-check --stats', () => {
    const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
    const seed = path.join(REAL, '2023-county-office-shuzhi-report.txt');
    before(function () {
      if (!fs.existsSync(CLI)) this.skip();
    });
    it('prints JSON, CSV and text', () => {
      const json = JSON.parse(run(['--stats', '--format', 'json', seed]).stdout) as { files: Array<{ figures: Array<{ text: string; line: number; column: number }> }> };
      const figures = json.files[0]?.figures ?? [];
      assert.strictEqual(figures.length, 56);
      assert.deepStrictEqual(figures.find((f) => f.text === '118件'), { ...figures.find((f) => f.text === '118件'), line: 17 });
      const csv = run(['--stats', '--format', 'csv', seed]).stdout.trim().split('\n');
      assert.strictEqual(csv[0], 'file,line,column,text,value,unit,kind,approx,qualifier,section,context');
      assert.strictEqual(csv.length, 57);
      assert.match(csv.find((l) => l.includes(',110余批次,')) ?? '', /,110余批次,110,批次,count,atLeast,余,/);
      const text = run(['--stats', seed]);
      assert.strictEqual(text.status, 0);
      assert.match(text.stdout, /56 figure\(s\)/);
      assert.match(text.stdout, /17:\d+ {2}118件 {2}= 118 件/);
      assert.strictEqual(run(['--stats', '--format', 'sarif', seed]).status, 2);
    });
  });
});
