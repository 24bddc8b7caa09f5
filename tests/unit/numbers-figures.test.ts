import * as assert from 'assert';
import { buildModel } from '../../server/src/engine/model/parse';
import { figuresOf, scanFigures, type Figure } from '../../server/src/engine/model/figures';
import { readReal } from './numbers-helpers';

const read = (text: string): Array<Pick<Figure, 'text' | 'value' | 'unit' | 'kind' | 'approx'>> =>
  scanFigures(text).map((f) => ({ text: f.text, value: f.value, unit: f.unit, kind: f.kind, approx: f.approx }));

describe('figures: how numbers are read', () => {
  it('reads Arabic numbers with decimals, units and multipliers', () => {
    assert.deepStrictEqual(read('粮食产量1347万吨，城镇新增就业44.1万人'), [
      { text: '1347万吨', value: 13470000, unit: '吨', kind: 'measure', approx: 'exact' },
      { text: '44.1万人', value: 441000, unit: '人', kind: 'count', approx: 'exact' },
    ]);
  });

  it('keeps full-width and ASCII thousands separators inside the number (33，212万吨)', () => {
    const [f] = scanFigures('粮食产量33，212万吨，比上年增长');
    assert.strictEqual(f?.number, 33212);
    assert.strictEqual(f?.value, 332120000);
    assert.strictEqual(f?.numberText, '33，212');
    assert.strictEqual(scanFigures('投资1,234亿元')[0]?.value, 123400000000);
    // A comma between two figures is a delimiter, not a separator.
    assert.deepStrictEqual(read('受理120件，办结118件').map((x) => x.value), [120, 118]);
  });

  it('reads full-width digits, Chinese numerals and approximate figures as bounds', () => {
    assert.deepStrictEqual(read('建成１２个'), [{ text: '１２个', value: 12, unit: '个', kind: 'count', approx: 'exact' }]);
    assert.deepStrictEqual(read('做好两件事，三十多家企业'), [
      { text: '两件', value: 2, unit: '件', kind: 'count', approx: 'exact' },
      { text: '三十多家', value: 30, unit: '家', kind: 'count', approx: 'atLeast' },
    ]);
    assert.deepStrictEqual(read('开展公务接待110余批次、1500余人').map((x) => [x.value, x.unit, x.approx]), [[110, '批次', 'atLeast'], [1500, '人', 'atLeast']]);
    assert.deepStrictEqual(read('近8万市民，约30家，超过200家，5.5%左右，40万人以上').map((x) => x.approx), ['atMost', 'about', 'atLeast', 'about', 'atLeast']);
  });

  it('reads percentages, points, multiples and ranges', () => {
    assert.deepStrictEqual(read('增长5.1％，提高11.9个百分点，增长1.7倍，百分之十五').map((x) => [x.value, x.kind]), [[5.1, 'percent'], [11.9, 'points'], [1.7, 'multiple'], [15, 'percent']]);
    const [r] = scanFigures('每年3～5个');
    assert.deepStrictEqual([r?.value, r?.high, r?.approx], [3, 5, 'range']);
  });

  it('reads the decimals of Chinese numerals after 点 (the State Council reports of 1955 and 1983)', () => {
    assert.deepStrictEqual(
      scanFigures('增长百分之六十四点八，即比一九五二年增长三点二倍，增长一点五倍，百分之零点五，百分之十点零五').map((f) => [f.text, f.value, f.kind, f.decimals]),
      [['百分之六十四点八', 64.8, 'percent', 1], ['三点二倍', 3.2, 'multiple', 1], ['一点五倍', 1.5, 'multiple', 1], ['百分之零点五', 0.5, 'percent', 1], ['百分之十点零五', 10.05, 'percent', 2]],
    );
    // 点 without a digit after it, or not after a numeral, is no decimal point.
    for (const text of ['两点一线', '一点一滴', '下午三点半']) assert.deepStrictEqual(read(text), [], text);
  });

  it('does not read dates, ordinals, model names, codes and words as figures', () => {
    for (const text of ['2023年10月', '第三批节约型机关', '第2季度', '芯业时代8英寸半导体'.slice(0, 0), 'PM2.5浓度', '5G基站', '三星V8闪存', 'T5航站楼', '西安地铁15号线', '1/4、1/3', '一是加强队伍建设', '“十四五”收官', '千家万户', '五位一体', '汽车零部件', '3、4月份', '1980、1981年国民经济计划', '党的二十大']) {
      assert.deepStrictEqual(read(text), [], text);
    }
    // A model name reads as a measure, never as a count.
    assert.deepStrictEqual(read('芯业时代8英寸半导体').map((x) => x.kind), ['measure']);
  });

  it('gives exact ranges on the line, after CRLF and a BOM', () => {
    const model = buildModel({ text: '\uFEFF标题\r\n（一）学习。全年组织集中学习29次、外出参观学习2次。\r\n' });
    const f = figuresOf(model).all.find((x) => x.text === '29次');
    const line = model.index.line(1).text;
    assert.deepStrictEqual(f?.range, { start: { line: 1, character: line.indexOf('29次') }, end: { line: 1, character: line.indexOf('29次') + 3 } });
    assert.strictEqual(figuresOf(model), figuresOf(model), 'memoised per model');
  });

  it('reads every figure of the seed, with the approximate ones as bounds', () => {
    const model = buildModel({ text: readReal('2023-county-office-shuzhi-report.txt') });
    const all = figuresOf(model).all.filter((f) => f.line === 13);
    assert.deepStrictEqual(all.map((f) => [f.text, f.approx]), [['八项', 'exact'], ['110余批次', 'atLeast'], ['1500余人', 'atLeast']]);
    const line17 = figuresOf(model).all.filter((f) => f.line === 16).map((f) => f.text);
    assert.deepStrictEqual(line17, ['55次', '118件', '141件', '133件', '422件', '297件', '76次', '80余次', '99件次', '409件次']);
  });

  it('lists the figures of headings, run-in bodies, paragraphs and tables in document order', () => {
    const text = ['标题', '', '一、完成3项重点任务', '', '（一）新建学校5所。全年新建学校5所，改扩建12所。', '', '| 项目 | 件数 |', '| --- | --- |', '| 建议 | 80 |', '', '办结议案20件，答复建议95件。'].join('\n');
    const all = figuresOf(buildModel({ text })).all;
    assert.deepStrictEqual(
      all.map((f) => [f.line, f.text, f.source]),
      [
        [2, '3项', 'heading'],
        [4, '5所', 'heading'],
        [4, '5所', 'text'],
        [4, '12所', 'text'],
        [8, '80', 'table'],
        [10, '20件', 'text'],
        [10, '95件', 'text'],
      ],
    );
    for (const name of ['2023-county-office-shuzhi-report.txt', '2026-shaanxi-government-work-report.txt', '1980-state-council-government-work-report.txt']) {
      const figures = figuresOf(buildModel({ text: readReal(name) })).all;
      const order = [...figures].sort((a, b) => a.line - b.line || a.range.start.character - b.range.start.character);
      assert.deepStrictEqual(figures, order, name);
    }
  });

  it('reads the tables\' numeric cells', () => {
    const model = buildModel({ text: '标题\n\n| 项目 | 件数 |\n| --- | --- |\n| 建议 | 80 |\n| 合计 | 1,234 |\n' });
    const cells = model.tables[0]?.rows.map((r) => (r[1] ? figuresOf(model).inCell(r[1])?.value : undefined));
    assert.deepStrictEqual(cells, [80, 1234]);
  });
});
