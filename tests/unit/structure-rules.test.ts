import * as assert from 'assert';
import { setLanguage } from '../../server/src/engine/i18n';
import { applyFirstFix, findings, real, where } from './structure-helpers';

describe('heading-punctuation', () => {
  before(() => setLanguage('en'));
  const R = 'heading-punctuation';

  it('reports a heading without 。 among run-in and stand-alone siblings that end with it once (the notes of the 2026 Sichuan report)', () => {
    const text = [
      '名词解释', '1.“两重”：是指国家重大战略实施和重点领域安全能力建设。', '2.“两新”：是指大规模设备更新和消费品以旧换新。',
      '3.“自审自发”：2024年12月22日，国务院办公厅印发文件。推动专项债券发行。', '4.稳增长“21”条：2025年4月1日，省政府办公厅印发文件。推动经济运行回升。',
      '5.“双向揭榜挂帅”：企业找技术、成果找市场“双向', '6.“灯塔工厂”：由达沃斯世界经济论坛牵头评选。', '',
    ].join('\n');
    const found = findings(R, text);
    assert.deepStrictEqual(found.map((d) => where(text, d)[0]), [6]);
  });

  it('finds a stand-alone level-1 heading ending with 。 and removes it', () => {
    const text = '一、总体情况。\n正文。\n二、下一步\n正文。\n';
    const found = findings(R, text);
    assert.strictEqual(found.length, 1);
    assert.deepStrictEqual(where(text, found[0]!), [1, '一、总体情况。']);
    assert.strictEqual(applyFirstFix(text, found[0]!), '一、总体情况\n正文。\n二、下一步\n正文。\n');
  });

  it('finds the odd one out among stand-alone sibling headings', () => {
    const text = '一、甲\n（一）学习强素质\n正文。\n（二）党建促发展。\n正文。\n（三）决策聚合力\n正文。\n';
    const found = findings(R, text);
    assert.strictEqual(found.length, 1);
    assert.match(found[0]!.finding.message, /ends with "。" but its 2 sibling headings do not/);
    assert.strictEqual(applyFirstFix(text, found[0]!), text.replace('党建促发展。', '党建促发展'));
    const most = '一、甲\n1. 做好甲。\n2. 做好乙。\n3. 做好丙\n';
    const m = findings(R, most);
    assert.deepStrictEqual(m.map((d) => where(most, d)[0]), [4]);
    assert.strictEqual(applyFirstFix(most, m[0]!), '一、甲\n1. 做好甲。\n2. 做好乙。\n3. 做好丙。\n');
  });

  it('finds a heading that stands alone among run-in siblings, and offers to run the text on', () => {
    const text = '一、甲\n（一）主动学习强素质。始终把学习贯穿始终。\n（二）党建引领促发展\n　　严格执行“三会一课”。\n（三）民主决策聚合力。正确处理关系。\n';
    const found = findings(R, text);
    assert.strictEqual(found.length, 1);
    assert.deepStrictEqual(where(text, found[0]!), [3, '（二）党建引领促发展']);
    assert.match(found[0]!.finding.message, /its 2 sibling headings are run-in/);
    assert.strictEqual(found[0]!.finding.fixes?.[0]?.preferred, false);
    assert.strictEqual(applyFirstFix(text, found[0]!), text.replace('党建引领促发展\n　　严格', '党建引领促发展。严格'));
  });

  it('leaves the 「。」 of a stand-alone level-1 heading among run-in siblings (it ends a run-in title)', () => {
    // Found by npm run fuzz: removing it left a heading that the run-in check then reported.
    const text = '一、甲。正文\n二、乙。\n正文\n三、丙。正文\n';
    assert.deepStrictEqual(findings(R, text), []);
    assert.strictEqual(findings(R, '一、甲。\n正文\n二、乙\n三、丙。正文\n').length, 1);
  });

  it('does not judge run-in headings or titles that introduce a list with 「：」', () => {
    assert.deepStrictEqual(findings(R, '一、甲\n（一）学习。正文。\n（二）党建\n正文。\n二、进展有：\n三、下一步\n'), []);
  });

  it('is quiet on the real reports', () => {
    for (const f of ['1980-state-council-government-work-report.txt', '2002-04-cnpack-team-work-summary.txt', '2016-hailar-government-work-report.txt', '2023-county-office-shuzhi-report.txt', '2026-shaanxi-government-work-report.txt']) {
      assert.deepStrictEqual(findings(R, real(f)), [], f);
    }
  });
});

describe('enumeration-sequence', () => {
  before(() => setLanguage('en'));
  const R = 'enumeration-sequence';

  it('finds 一是……二是……四是 and renumbers it', () => {
    const text = '一、工作打算\n下一步，一是加强队伍建设；二是发挥参谋作用；四是做好协调。\n';
    const found = findings(R, text);
    assert.strictEqual(found.length, 1);
    assert.deepStrictEqual(where(text, found[0]!), [2, '四是']);
    assert.match(found[0]!.finding.message, /expected "三是" here, found "四是"/);
    assert.strictEqual(applyFirstFix(text, found[0]!), text.replace('四是', '三是'));
  });

  it('counts the first item where the scan does not read it: in the section heading, or as 首先 (the State Council reports of 1985 and 1955)', () => {
    // 1985: 「第一、」 has no 。 inside and is a heading; 「第二、」 and 「第三、」 have one and are body text.
    const heading = '第一、必须坚持实事求是、稳步前进的方针\n这几年我国经济的平均增长速度已经相当高了。\n第二、既要搞活经济，又要加强管理。我们正在进行的是一场深刻的改革。\n第三、加强全局观念，克服本位主义。经济改革是关系全局的。\n';
    assert.deepStrictEqual(findings(R, heading), []);
    // 1955: 「首先，」 … 「第二，」 … 「第三，」, each alone on its line before its text.
    const order = '三、厉行节约\n首先，\n我们必须大大地削减非生产性建设的支出。\n第二，\n我们必须大大地降低生产性建设的成本。\n第三，\n我们必须克服其他的浪费。\n';
    assert.deepStrictEqual(findings(R, order), []);
    // Without them the enumeration still starts at 2; 第一 inside a word (第一个五年计划) is no item.
    const gap = '三、厉行节约\n在第一个五年计划中，非生产性投资较多。\n第二，\n我们必须大大地降低生产性建设的成本。\n第三，\n我们必须克服其他的浪费。\n';
    assert.match(findings(R, gap)[0]?.finding.message ?? '', /does not start at 1/);
  });

  it('finds 第一……第三, a repeated 其次 and a duplicate （2）', () => {
    const di = findings(R, '第一，要抓学习。第三，要抓落实。\n');
    assert.match(di[0]!.finding.message, /expected "第二" here, found "第三"/);
    const order = '首先，统一思想；其次，明确责任；其次，狠抓落实；最后，加强督查。\n';
    const o = findings(R, order);
    assert.strictEqual(o.length, 1);
    assert.deepStrictEqual(where(order, o[0]!), [1, '其次，']);
    assert.match(o[0]!.finding.message, /Repeated item.*expected "再次"/);
    assert.strictEqual(applyFirstFix(order, o[0]!), order.replace('其次，狠抓', '再次，狠抓'));
    const paren = '包括：（1）甲；（2）乙；（2）丙。\n';
    assert.deepStrictEqual(findings(R, paren).map((d) => d.finding.fixes?.[0]?.edits[0]?.newText), ['（3）']);
  });

  it('accepts complete enumerations and separate ones that restart', () => {
    assert.deepStrictEqual(findings(R, '一是甲；二是乙；三是丙。\n另外，一是丁；二是戊。\n首先，甲；其次，乙；最后，丙。\n'), []);
  });

  it('is quiet on the real reports (2023 seed: 一是…二是…三是 complete)', () => {
    for (const f of ['2016-hailar-government-work-report.txt', '2023-county-office-shuzhi-report.txt', '2026-shaanxi-government-work-report.txt', '1980-state-council-government-work-report.txt']) {
      assert.deepStrictEqual(findings(R, real(f)), [], f);
    }
  });
});

describe('punctuation-width', () => {
  before(() => setLanguage('en'));
  const R = 'punctuation-width';

  it('finds half-width marks in Chinese sentences and converts them', () => {
    const text = '地区生产总值287.9亿元,同比增长8.9%;注:以下为预计数(按可比价格计算)。是吗?好!\n';
    const found = findings(R, text);
    assert.deepStrictEqual(found.map((d) => where(text, d)[1]), [',', ';', ':', '(按可比价格计算)', '?', '!']);
    assert.ok(found.every((d) => d.severity === 'info'));
    assert.strictEqual(applyFirstFix(text, found[3]!), text.replace('(按可比价格计算)', '（按可比价格计算）'));
    assert.strictEqual(applyFirstFix(text, found[0]!), text.replace('亿元,同比', '亿元，同比'));
  });

  it('is quiet on English, numbers, URLs, code and brackets after ASCII words', () => {
    const text = [
      'Hello, world: is it ok? Yes!',
      '共计1,234人，时间10:30，增长3.5%。',
      '访问https://www.example.org/a?b=1,2查看，或发信至a@b.cn。',
      '运行`f(x, y)`即可，GDP(国内生产总值)增长。',
      '请看[链接](http://x.cn/a(b))。',
      '<!-- report-disable-next-line placeholder: 说明 -->',
    ].join('\n');
    assert.deepStrictEqual(findings(R, text).map((d) => where(text, d)), []);
  });

  it('gives one summary for a document written with half-width punctuation, and hints at each place', () => {
    const para = '我们坚持发展,改善民生;推动改革,扩大开放,成效明显。\n';
    const text = '工作报告\n' + para.repeat(6);
    const found = findings(R, text);
    assert.strictEqual(found.length, 1 + 24);
    assert.strictEqual(found[0]!.severity, 'info');
    assert.match(found[0]!.finding.message, /half-width punctuation in Chinese text throughout \(24 places\)/);
    assert.ok(found.slice(1).every((d) => d.severity === 'hint'));
    assert.strictEqual(applyFirstFix(text, found[0]!), '工作报告\n' + '我们坚持发展，改善民生；推动改革，扩大开放，成效明显。\n'.repeat(6));
  });

  it('finds % mixed with ％ and follows the majority', () => {
    const text = '增长5％，下降3％，持平0%。\n';
    const found = findings(R, text);
    assert.deepStrictEqual(found.map((d) => [where(text, d)[1], d.finding.fixes?.[0]?.edits[0]?.newText]), [['%', '％']]);
    assert.deepStrictEqual(findings(R, real('2026-shaanxi-government-work-report.txt')), []);
  });

  it('speaks Chinese', () => {
    setLanguage('zh-cn');
    try {
      assert.strictEqual(findings(R, '增长,明显。\n')[0]!.finding.message, '中文中使用了半角“,”：应使用“，”。');
    } finally {
      setLanguage('en');
    }
  });
});
