import * as assert from 'assert';
import { findings, readReal } from './numbers-helpers';

const RULE = 'count-claim';

/** Replaces the first occurrence of `from` in a real report and returns the findings with the range's text. */
function onReal(file: string, from: string, to: string): Array<{ line: number; text: string; message: string }> {
  const original = readReal(file);
  assert.ok(original.includes(from), from);
  const { model, found } = findings(RULE, original.replace(from, to));
  return found.map((f) => ({ line: f.range.start.line + 1, text: model.index.line(f.range.start.line).text.slice(f.range.start.character, f.range.end.character), message: f.message }));
}

describe('count-claim', () => {
  describe('on the real reports: consistent claims are quiet, altered ones are caught', () => {
    const real: Array<[string, string, string, number, string]> = [
      ['2016-hailar-government-work-report.txt', '以下八个方面', '以下七个方面', 77, '七个方面'],
      ['2026-shaanxi-government-work-report.txt', '主要做了6个方面工作', '主要做了5个方面工作', 7, '5个方面'],
      ['2026-shaanxi-government-work-report.txt', '重点做好9个方面工作', '重点做好10个方面工作', 29, '10个方面'],
      ['2026-shaanxi-government-work-report.txt', '要重点把握三个方面：', '要重点把握四个方面：', 22, '四个方面'],
      ['1980-state-council-government-work-report.txt', '改革四个方面需要', '改革五个方面需要', 128, '五个方面'],
    ];
    for (const [file, from, to, line, text] of real) {
      it(`${file}: 「${to}」`, () => {
        assert.deepStrictEqual(onReal(file, from, from), []);
        const got = onReal(file, from, to);
        assert.deepStrictEqual(got.map((g) => [g.line, g.text]), [[line, text]]);
      });
    }
    it('names the count found', () => {
      const [g] = onReal('2016-hailar-government-work-report.txt', '以下八个方面', '以下七个方面');
      assert.strictEqual(g?.message, '"七个方面" announces 7 items, but 8 sub-sections follow.');
    });
  });

  const doc = (...lines: string[]): string => ['工作报告', ...lines, ''].join('\n');
  const flagged = (text: string): string[] => {
    const { model, found } = findings(RULE, text);
    return found.map((f) => model.index.line(f.range.start.line).text.slice(f.range.start.character, f.range.end.character));
  };

  const wrong: Array<[string, string[]]> = [
    [doc('一、明年工作安排', '明年重点做好以下五项工作：', '（一）抓项目。', '（二）稳就业。', '（三）保民生。', '（四）防风险。'), ['五项工作']],
    [doc('存在的问题主要有三点：一是学习不够深入；二是调研不够扎实。'), ['三点']],
    [doc('下一步，我们将从以下四个方面努力：', '一是加强学习。', '二是改进作风。', '三是狠抓落实。'), ['四个方面']],
    [doc('一、工作回顾', '一年来，主要做了3个方面工作：', '（一）抓党建。', '（二）抓发展。'), ['3个方面']],
    [doc('主要有以下两点体会：首先，要加强学习；其次，要勤于思考；最后，要勇于实践。'), ['两点']],
    [doc('二、存在的问题', '主要有以下四个方面的问题：', '（一）学习不够。', '（二）创新不足。', '（三）作风不实。'), ['四个方面']],
    [doc('下一步工作打算主要有两点：一是加强学习，二是狠抓落实，三是改进作风。'), ['两点']],
    [doc('重点抓好以下5项工作：一是稳增长；二是促改革；三是调结构；四是惠民生。'), ['5项工作']],
    [doc('围绕4个方面重点方向，努力实现以下3个方面主要目标。', '（一）甲', '（二）乙'), ['3个方面']],
    [doc('做好以下6项重点工作：', '（一）甲。', '（二）乙。', '（三）丙。', '（四）丁。', '（五）戊。', '（六）己。', '（七）庚。'), ['6项重点工作']],
  ];
  for (const [text, cells] of wrong) it(`catches 「${text.split('\n')[1] ?? ''}…」`, () => assert.deepStrictEqual(flagged(text), cells));

  it('reads 「重点做好十方面工作。」 before the first sub-heading as a claim', () => {
    assert.deepStrictEqual(flagged(doc('重点做好三方面工作。', '（一）稳增长', '（二）惠民生')), ['三方面']);
    assert.deepStrictEqual(flagged(doc('重点做好两方面工作。', '（一）稳增长', '（二）惠民生')), []);
  });

  const right: string[] = [
    doc('下阶段，我将从以下几个方面狠下功夫：一是加强队伍建设；二是发挥参谋作用；三是强化协调。'),
    doc('我们在三个方面取得了进展，群众满意度明显提升。'),
    doc('坚决贯彻“两个更好统筹”，深化开展“三个年”活动。'),
    doc('存在的问题主要有三点：一是学习不够深入；二是调研不够扎实；三是创新不够。'),
    doc('一、明年工作安排', '明年重点做好以下四项工作：', '（一）抓项目。', '（二）稳就业。', '（三）保民生。', '（四）防风险。'),
    doc('主要有三点：'),
    doc('## 3.1 卷积层的构建', '卷积层主要完成以下三个方面工作：', '1. 接受输入的数据；', '2. 进行非线性变换；', '3. 生成新的特征图。', '卷积层的构建步骤如下所示：', '1. 初始化参数；', '2. 卷积运算；', '3. 激活；', '4. 池化；', '5. 返回输出。'),
    // The 2026 Shanxi report's line 31: two counts in one sentence, the list belongs to the second.
    doc('锚定国家赋予山西的能源革命综合改革试点先行区、黄河中游和华北地区生态屏障6个方面重点方向，细化举措、奋力拼搏，努力实现以下3个方面主要目标。', '（一）甲', '（二）乙', '（三）丙'),
    doc('从创新、协调、绿色6个维度设置了29项主要指标，包括：地区生产总值年均增速5%左右，等等。', '具体部署了3项任务举措：一是服务保障；二是繁荣文化；三是深化交流。'),
  ];
  for (const text of right) it(`stays quiet on 「${text.split('\n').slice(1).join(' ').slice(0, 30)}…」`, () => assert.deepStrictEqual(flagged(text), []));
});
