import * as assert from 'assert';
import { buildModel } from '../../server/src/engine/model/parse';
import { flatHeadings } from '../../server/src/engine/features/outline';
import { documentSymbols } from '../../server/src/engine/features/symbols';
import { foldingRanges } from '../../server/src/engine/features/folding';
import { matchMarker } from '../../server/src/engine/model/markers';

const headingsOf = (text: string) => flatHeadings(buildModel({ text })).map((h) => `${h.level}|${h.marker}|${h.title}|${h.runin ? 'runin' : ''}`);

describe('model: numbered headings', () => {
  it('reads a marker by the patterns its first character may begin (brackets, 第, numerals, circled, ASCII and full-width digits, through paste junk)', () => {
    const read = (line: string): string => {
      const m = matchMarker(line, 0);
      return m ? `${m.style} ${m.level} ${m.value} ${line.slice(m.start, m.start + m.length)}` : '-';
    };
    assert.deepStrictEqual(
      ['（三）、', '(3)', '（１２）', '第四，', '十二、', '⑦', '1.2.3 ', '１．', '１、', '12）', '５)', '##paidend##四、', '\u200b（二）', '2023年', '三年来', '（注）', '第三方', '8.5%'].map(read),
      ['cn-paren 2 3 （三）、', 'ar-paren-half 4 3 (3)', 'ar-paren 4 12 （１２）', 'cn-di 2 4 第四，', 'cn-dun 1 12 十二、', 'circled 4 7 ⑦', 'decimal 3 3 1.2.3', 'ar-dot 3 1 １．', 'ar-dun 3 1 １、', 'ar-half-close 4 12 12）', 'ar-half-close 4 5 ５)', 'cn-dun 1 4 四、', 'cn-paren 2 2 （二）', '-', '-', '-', '-', '-'],
    );
  });

  it('recognises every standard level and its variants', () => {
    const text = ['一、总体情况', '（一）工作开展', '1.学习情况', '（1）集中学习', '①周一学习', '(2)自学', '2）讨论', '2．调研', '3、督查', '二.存在问题', '三，下一步', '(二)半角括号'].join('\n');
    assert.deepStrictEqual(headingsOf(text), [
      '1|一、|总体情况|',
      '2|（一）|工作开展|',
      '3|1.|学习情况|',
      '4|（1）|集中学习|',
      '5|①|周一学习|',
      '4|(2)|自学|',
      '4|2）|讨论|',
      '3|2．|调研|',
      '3|3、|督查|',
      '1|二.|存在问题|',
      '1|三，|下一步|',
      '2|(二)|半角括号|',
    ]);
  });

  it('keeps 「（一）、」 and full-width digits as markers with their flaws recorded', () => {
    const m = buildModel({ text: '一、总体\n（一）、工作\n１．学习\n' });
    assert.strictEqual(m.headings[1]?.extraPunct, '、');
    assert.strictEqual(m.headings[1]?.marker, '（一）、');
    assert.strictEqual(m.headings[2]?.fullWidthDigits, true);
    assert.strictEqual(m.headings[2]?.number, '1');
  });

  it('splits run-in titles at the first sentence end outside quotes and brackets', () => {
    assert.deepStrictEqual(headingsOf('（一）主动学习强素质。始终把学习贯穿于整体工作之中。'), ['2|（一）|主动学习强素质|runin']);
    assert.deepStrictEqual(headingsOf('（二）落实“三会一课。”制度。正文'), ['2|（二）|落实“三会一课。”制度|runin']);
    assert.deepStrictEqual(headingsOf('一、标题以句号结束。'), ['1|一、|标题以句号结束|']);
    assert.deepStrictEqual(headingsOf('3、他们是：张三、李四，欢迎！'), ['3|3、|他们是：张三、李四，欢迎！|']);
    assert.deepStrictEqual(headingsOf('2、真了不起！接下来继续。'), ['3|2、|真了不起！|runin']);
  });

  it('does not take the traps for headings', () => {
    const traps = [
      '5.5%左右的预期增长目标，体现了稳中求进。',
      '2023年全县经济运行总体平稳。',
      '3、4月份气温偏低，影响了春播。',
      '1.5万元用于修缮。',
      '（',
      '第一，要加强学习。第二，要改进作风。',
      '一是加强学习；二是改进作风。',
      '统一是前提。',
      '| 1、 | 2、 |\n|---|---|\n| 一、 | 二、 |',
      '```\n一、代码里的文字\n```',
      '> 一、引用中的文字',
    ];
    for (const t of traps) assert.deepStrictEqual(headingsOf(t), [], t);
  });

  it('reads 「3、4月份」 as a heading when it continues a list', () => {
    assert.deepStrictEqual(headingsOf('1、第一项\n2、第二项\n3、4月份又有新成员加入。'), ['3|1、|第一项|', '3|2、|第二项|', '3|3、|4月份又有新成员加入|']);
  });

  it('reads indented markers, Markdown and decimal headings', () => {
    assert.deepStrictEqual(headingsOf('　　一、全角空格缩进\n    （一）半角空格缩进'), ['1|一、|全角空格缩进|', '2|（一）|半角空格缩进|']);
    assert.deepStrictEqual(headingsOf('# 报告标题\n\n## 一、概况\n\n### 背景\n\n1.1 Scope\n'), ['2|一、|概况|', '3||背景|', '4|1.1|Scope|']);
  });

  it('nests sections by level, also when levels are skipped', () => {
    const model = buildModel({ text: '一、甲\n1.子项\n（1）孙项\n二、乙\n（一）丙\n正文\n\n' });
    const tree = model.sections.map((s) => [s.heading.title, s.children.map((c) => [c.heading.title, c.children.map((g) => g.heading.title)])]);
    assert.deepStrictEqual(tree, [['甲', [['子项', ['孙项']]]], ['乙', [['丙', []]]]]);
    assert.strictEqual(model.sections[1]?.endLine, 5);
  });
});

describe('model: title, front matter, enumerations, tables', () => {
  it('takes the title from front matter, a # heading or a short first line', () => {
    assert.strictEqual(buildModel({ text: '---\ntitle: 年度总结\n---\n一、情况\n' }).title?.text, '年度总结');
    assert.strictEqual(buildModel({ text: '# 调研报告\n\n一、情况\n' }).title?.text, '调研报告');
    assert.strictEqual(buildModel({ text: '2023年度工作总结\n今年以来……\n' }).title?.text, '2023年度工作总结');
    assert.strictEqual(buildModel({ text: '各位代表：\n现在，我代表……\n' }).title, undefined);
    assert.strictEqual(buildModel({ text: '一、情况\n正文\n' }).title, undefined);
  });

  it('reports unterminated or invalid front matter without failing', () => {
    const open = buildModel({ text: '---\ntitle: 未结束\n一、情况\n' });
    assert.strictEqual(open.frontMatter?.terminated, false);
    assert.deepStrictEqual(flatHeadings(open).map((h) => h.title), ['情况']);
    const bad = buildModel({ text: '---\ntitle: [未闭合\n---\n正文\n' });
    assert.ok(bad.frontMatter?.error);
  });

  it('finds inline enumerations across paragraphs of one section, and restarts', () => {
    const model = buildModel({ text: '一、措施\n一是加强学习。\n二是改进作风。\n二、问题\n首先，认识不足；其次，方法不多；最后，落实不够。\n' });
    assert.deepStrictEqual(model.enumerations.map((e) => [e.family, e.items.map((i) => i.marker.replace(/[，,]$/, ''))]), [
      ['shi', ['一是', '二是']],
      ['order', ['首先', '其次', '最后']],
    ]);
    assert.strictEqual(model.enumerations[0]?.section?.heading.title, '措施');
  });

  it('parses GFM tables into cells with exact ranges', () => {
    const model = buildModel({ text: '| 项目 | 数量 |\n| --- | ---: |\n| 来信 | 12 |\n| 合计 | 12 |\n' });
    const table = model.tables[0];
    assert.ok(table);
    assert.deepStrictEqual(table.header.map((c) => c.text), ['项目', '数量']);
    assert.deepStrictEqual(table.rows.map((r) => r.map((c) => c.text)), [['来信', '12'], ['合计', '12']]);
    assert.deepStrictEqual(table.rows[1]?.[1]?.range, { start: { line: 3, character: 7 }, end: { line: 3, character: 9 } });
  });
});

describe('model: exact positions', () => {
  const lf = '标题文字\n一、第一部分\n（一）学习强素质。正文在这里。\n';
  it('gives the same ranges on LF and CRLF text', () => {
    const a = buildModel({ text: lf });
    const b = buildModel({ text: lf.replace(/\n/g, '\r\n') });
    assert.deepStrictEqual(documentSymbols(b), documentSymbols(a));
    assert.deepStrictEqual(foldingRanges(b), foldingRanges(a));
    assert.deepStrictEqual(b.headings[1]?.titleRange, { start: { line: 2, character: 3 }, end: { line: 2, character: 8 } });
  });

  it('counts a BOM as the character it is in the editor text', () => {
    const model = buildModel({ text: '\uFEFF一、标题\n正文\n' });
    assert.strictEqual(model.headings[0]?.title, '标题');
    assert.deepStrictEqual(model.headings[0]?.markerRange, { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } });
  });

  it('counts UTF-16 code units for characters outside the BMP', () => {
    const model = buildModel({ text: '（一）𠮷野家的调查。正文\n' });
    assert.deepStrictEqual(model.headings[0]?.titleRange, { start: { line: 0, character: 3 }, end: { line: 0, character: 10 } });
  });

  it('builds a model for empty, whitespace-only and very long input', () => {
    assert.deepStrictEqual(buildModel({ text: '' }).headings, []);
    assert.deepStrictEqual(buildModel({ text: '\n\n   \n' }).headings, []);
    const long = '一、' + '长'.repeat(10000) + '\n' + 'x'.repeat(10000);
    assert.strictEqual(buildModel({ text: long }).headings.length, 1);
  });
});
