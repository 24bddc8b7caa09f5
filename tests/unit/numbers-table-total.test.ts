import * as assert from 'assert';
import { findings } from './numbers-helpers';

const RULE = 'table-total';
const table = (...rows: string[]): string => ['统计表', '', ...rows, ''].join('\n');

/** The text of every flagged cell. */
function flagged(text: string): string[] {
  const { model, found } = findings(RULE, text);
  return found.map((f) => model.index.line(f.range.start.line).text.slice(f.range.start.character, f.range.end.character));
}

describe('table-total', () => {
  it('checks a 合计 row and shows the sum', () => {
    const text = table('| 类别 | 件数 |', '| --- | ---: |', '| 人大代表建议 | 80 |', '| 政协提案 | 30 |', '| 合计 | 120 |');
    const { found } = findings(RULE, text);
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0]?.message, 'The table total 120 is not the sum of its cells: 80 + 30 = 110 ≠ 120.');
    assert.deepStrictEqual(found[0]?.range, { start: { line: 6, character: 7 }, end: { line: 6, character: 10 } });
    assert.strictEqual(found[0]?.fixes?.[0]?.edits[0]?.newText, '110');
  });

  const wrong: Array<[string, string, string[]]> = [
    ['a 总计 row, several columns', table('| 项目 | 2022年 | 2023年 |', '|---|---|---|', '| 来信 | 50 | 60 |', '| 来访 | 40 | 45 |', '| 总计 | 90 | 100 |'), ['100']],
    ['a Total column', table('| 单位 | 来信 | 来访 | 合计 |', '|---|---|---|---|', '| 甲 | 5 | 4 | 9 |', '| 乙 | 3 | 3 | 7 |'), ['7']],
    ['小计 rows and a 合计 row', table('| 项目 | 金额（万元） |', '|---|---|', '| 低保金 | 9823 |', '| 救助金 | 307 |', '| 小计 | 10130 |', '| 补助 | 623 |', '| 医疗救助 | 476 |', '| 小计 | 1100 |', '| 合计 | 11230 |'), ['1100', '11230']],
    ['decimals beyond rounding', table('| 行业 | 投资（亿元） |', '|---|---|', '| 教育 | 12.1 |', '| 卫生 | 10.2 |', '| **合计** | **23.4** |'), ['**23.4**']],
    ['thousands separators', table('| 类别 | 人数 |', '|---|---|', '| 城镇 | 1,200 |', '| 农村 | 3,400 |', '| 合计 | 4,500 |'), ['4,500']],
    ['numbers with units and empty cells', table('| 类别 | 数量 |', '|---|---|', '| 来信 | 50件 |', '| 来访 | - |', '| 网上 | 20件 |', '| 合计 | 80件 |'), ['80件']],
  ];
  for (const [name, text, cells] of wrong) it(`catches ${name}`, () => assert.deepStrictEqual(flagged(text), cells));

  const right: Array<[string, string]> = [
    ['a correct 合计 row and column', table('| 单位 | 来信 | 来访 | 合计 |', '|---|---|---|---|', '| 甲 | 5 | 4 | 9 |', '| 乙 | 3 | 3 | 6 |', '| 合计 | 8 | 7 | 15 |')],
    ['decimals within rounding', table('| 行业 | 投资（亿元） |', '|---|---|', '| 教育 | 12.14 |', '| 卫生 | 10.23 |', '| 文化 | 11.06 |', '| 合计 | 33.4 |')],
    ['rate and growth columns', table('| 指标 | 数量 | 增长% | 占比 |', '|---|---|---|---|', '| 甲 | 50 | 12.5 | 60 |', '| 乙 | 40 | 8.1 | 50 |', '| 合计 | 90 | 10.6 | 100 |')],
    ['a column with text', table('| 项目 | 说明 |', '|---|---|', '| 甲 | 已完成 |', '| 乙 | 5 |', '| 合计 | 7 |')],
    ['a table without totals', table('| 项目 | 数量 |', '|---|---|', '| 甲 | 5 |', '| 乙 | 7 |')],
    ['a correct 小计/合计 table', table('| 项目 | 金额 |', '|---|---|', '| 低保金 | 9823 |', '| 救助金 | 307 |', '| 小计 | 10130 |', '| 补助 | 623 |', '| 医疗救助 | 476 |', '| 小计 | 1099 |', '| 合计 | 11229 |')],
  ];
  for (const [name, text] of right) it(`stays quiet on ${name}`, () => assert.deepStrictEqual(flagged(text), []));
});
