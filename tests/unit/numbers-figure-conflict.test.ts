import * as assert from 'assert';
import { findings, readReal } from './numbers-helpers';
import { buildModel } from '../../server/src/engine/model/parse';
import { reportYear } from '../../server/src/engine/model/periods';

const RULE = 'figure-conflict';
const SEED = readReal('2023-county-office-shuzhi-report.txt');

/** The seed with lines inserted after its line 20 (the end of part 三, a review section; 四 is the plan). */
const withLines = (seed: string, ...extra: string[]): string => {
  const lines = seed.split('\n');
  lines.splice(20, 0, ...extra);
  return lines.join('\n');
};

/** Findings as [line, flagged text, related line] after inserting lines into the seed (1-based lines). */
function onSeed(...extra: string[]): Array<[number, string, number]> {
  const { model, found } = findings(RULE, withLines(SEED, ...extra));
  return found.map((f) => [f.range.start.line + 1, model.index.line(f.range.start.line).text.slice(f.range.start.character, f.range.end.character), (f.related?.[0]?.location.range.start.line ?? -2) + 1]);
}

describe('figure-conflict', () => {
  it('stays quiet on the seed as it is', () => assert.deepStrictEqual(onSeed(), []));

  it('catches 「集中学习30次」 against the summary\'s 「全年组织集中学习29次」', () => {
    const got = onSeed('总之，一年来集中学习30次，成效明显。');
    assert.deepStrictEqual(got, [[21, '30次', 4]]);
    const { found } = findings(RULE, withLines(SEED, '总之，一年来集中学习30次，成效明显。'));
    assert.strictEqual(found[0]?.message, '30次 here, but 29次 at line 4: the same figure with different values.');
  });

  it('catches a later 「办结116件」 of the same 信访事项 against 「办结118件」', () => {
    const seed = SEED.replace('收到上级交办信访事项件', '收到上级交办信访事项120件');
    const { model, found } = findings(RULE, withLines(seed, '全年收到上级交办信访事项120件，办结116件。'));
    assert.deepStrictEqual(found.map((f) => [f.range.start.line + 1, model.index.line(f.range.start.line).text.slice(f.range.start.character, f.range.end.character)]), [[21, '116件']]);
  });

  const wrong: string[] = [
    '累计上报政务信息540条。',
    '全年开展督促检查15次。',
    '全年累计开展公务接待，累计接收上级来文390件。',
    '会上通报，全年处理报废车辆12辆。',
    '回顾全年，召开支部党员大会25次。',
    '全年累计召开信访联席及研判会议60次。',
    '全年检查机关单位16家。',
    '全年编发各类文件320件。',
    '累计开展主题党日活动12次。',
    '全年开展主要领导对班子成员廉政谈话5次。',
  ];
  for (const line of wrong) it(`catches 「${line}」`, () => assert.strictEqual(onSeed(line).length, 1, JSON.stringify(onSeed(line))));

  it('stays quiet on a target in a plan section that restates a figure of the review', () => {
    const doc = ['工作报告', '一、工作回顾', '疏解提质一般制造业企业104家，打通53条断头路。', '二、重点工作', '疏解提质一般制造业企业80家，打通50条断头路。', ''].join('\n');
    assert.deepStrictEqual(findings(RULE, doc).found, []);
    const same = ['工作报告', '一、工作回顾', '疏解提质一般制造业企业104家。', '二、主要成效', '疏解提质一般制造业企业80家。', ''].join('\n');
    assert.strictEqual(findings(RULE, same).found.length, 1);
  });

  const right: string[] = [
    '全年累计上报政务信息535条。',
    '2024年累计上报政务信息600条。',
    '下一步，力争上报政务信息600条。',
    '上报政务信息同比增长20条。',
    '累计上报政务信息600余条。',
    '其中，累计上报政务信息100条。',
    '各乡镇累计上报政务信息，分别为120条、130条。',
    '新增就业1200人。',
    '开展督促检查12次。',
    '县政府办：累计上报政务信息600条。',
  ];

  it('stays quiet on the same statement in the plan section (四、下一步工作打算)', () => {
    const { found } = findings(RULE, SEED.replace(/\n*$/, '\n') + '累计上报政务信息600条。\n');
    assert.deepStrictEqual(found, []);
  });
  for (const line of right) it(`stays quiet on 「${line}」`, () => assert.deepStrictEqual(onSeed(line), []));
});

describe('figure-conflict: subjects by their noun phrase, figures by their period', () => {
  const doc = (...lines: string[]): string => ['政府工作报告', ...lines, ''].join('\n');
  const flagged = (text: string): Array<[number, string]> => {
    const { model, found } = findings(RULE, text);
    return found.map((f) => [f.range.start.line, model.index.line(f.range.start.line).text.slice(f.range.start.character, f.range.end.character)]);
  };

  it('knows 「城市书房40个」 two paragraphs later as the 「新建城市书房38个」 of the review', () => {
    const text = doc('一、2025年工作回顾', '文化惠民扎实推进，新建城市书房38个、乡村文化广场120个。', '全民阅读深入开展，举办读书活动300余场。', '公共文化服务体系日益完善，城市书房40个，覆盖全部街道。');
    assert.deepStrictEqual(flagged(text), [[4, '40个']]);
    assert.deepStrictEqual(flagged(text.replace('城市书房40个', '城市书房38个')), []);
  });

  it('knows the noun phrase after a figure: 「建成38个城市书房」 and 「城市书房40个」', () => {
    assert.deepStrictEqual(flagged(doc('一、2025年工作回顾', '建成38个城市书房，文化惠民扎实推进。', '公共文化服务体系日益完善，城市书房40个。')), [[3, '40个']]);
  });

  it('keeps the modifier of a noun phrase: 省级 and 国家级 are different subjects', () => {
    assert.deepStrictEqual(flagged(doc('一、2025年工作回顾', '新增省级专精特新中小企业100户。', '培育国家级专精特新中小企业30户。')), []);
  });

  it('reads the period from the paragraph that sets it (the 2026 Henan report: 五年来 and 2025)', () => {
    const text = doc(
      '一、“十四五”时期和2025年工作回顾',
      '过去的五年极不寻常。经济社会发展取得新成就。',
      '民生福祉不断增进。持续推动“高效办成一件事”，城镇新增就业603.7万人，新增农村劳动力转移就业246.2万人。',
      '刚刚过去的2025年很不平凡。',
      '（一）千方百计稳就业稳企业稳市场稳预期。深入实施援企稳岗政策，突出抓好重点群体就业，城镇新增就业121.7万人。',
    );
    assert.deepStrictEqual(flagged(text), []);
    // The same two statements in one period are one figure stated twice.
    assert.deepStrictEqual(flagged(text.replace('刚刚过去的2025年很不平凡。', '我们还做了以下工作。')), [[5, '121.7万人']]);
  });

  it('tells the year from the five years when the five-year part comes second (the 2026 Hainan report)', () => {
    const text = doc('一、2025年和“十四五”时期工作回顾', '刚刚过去的2025年，是“十四五”收官之年。', '这一年，我们精准施策、务实笃行，民生福祉改善提升。', '新生儿免费参加城乡医保等10件民生实事圆满完成。城镇新增就业17.78万人。', '五年来，我们坚定不移践行以人民为中心的发展思想。', '城镇新增就业86.22万人、农村劳动力转移就业53.47万人。');
    assert.deepStrictEqual(flagged(text), []);
  });

  it('keeps a plan apart from the result, and the coming term\'s targets apart from this year\'s', () => {
    // The 2026 Gansu report's parts are unnumbered: 「“十四五”时期工作回顾」 … 「今年是“十五五”开局之年。」
    const gansu = doc('“十四五”时期工作回顾', '新增国家级单项冠军企业5户、专精特新中小企业1003户。', '今年是“十五五”开局之年。', '新增省级创新平台30个、专精特新中小企业100户、高新技术企业150家。');
    assert.deepStrictEqual(flagged(gansu), []);
    const shanxi = doc('“十五五”时期是我国基本实现社会主义现代化夯实基础的关键时期。', '实施农业“特”“优”战略，高标准农田达到3050万亩。', '2026年是“十五五”开局之年。', '坚持稳面积、增单产两手发力，新建改造高标准农田80万亩。');
    assert.deepStrictEqual(flagged(shanxi), []);
    // Two targets of the same plan that disagree are a conflict.
    assert.deepStrictEqual(flagged(doc('二、2026年重点工作', '新建改造高标准农田80万亩。', '推动特优农业提质增效，高标准农田90万亩。')), [[3, '90万亩']]);
  });

  it('reads a plan word as a plan of what follows it, and 计划 as a name when it is one (the 2026 Anhui report)', () => {
    const review = doc('一、2025年工作回顾', '优化升级江淮英才计划，遴选支持创新创业领军人才197名，新增“两院”院士5人。', '人才队伍不断壮大，创新创业领军人才207名。');
    assert.deepStrictEqual(flagged(review), [[3, '207名']]);
    // A result before the plan word is a result; the target after it is a plan.
    assert.deepStrictEqual(flagged(doc('一、2025年工作回顾', '遴选支持创新创业领军人才197名，力争明年领军人才300名。', '人才队伍不断壮大，创新创业领军人才207名。')), [[3, '207名']]);
  });

  it('compares the two statements of one period when the subject is stated in another period too (the 2026 Anhui report)', () => {
    const text = doc('一、2025年工作回顾', '建成精品示范村150个。', '二、2026年重点工作', '建设精品示范村200个，打造和美乡村。', '乡村振兴扎实推进，精品示范村300个。');
    assert.deepStrictEqual(flagged(text), [[5, '300个']]);
    // 新增 is a flow: 「新增精品示范村200个」 is not the stock 「精品示范村300个」.
    assert.deepStrictEqual(flagged(text.replace('建设精品示范村200个', '新增精品示范村200个')), []);
  });

  it('does not take a general subject alone: 「完成投资」 of two projects (the 2012 Hailar report)', () => {
    const text = doc('一、2011年工作回顾', '全年共实施城市建设项目43个，完成投资10.2亿元。', '坚持“稳一产”的发展思路，全年共实施现代化农牧业项目27个，完成投资1.75亿元。');
    assert.deepStrictEqual(flagged(text), []);
  });

  it('dates a report pasted from 「各位代表」 on by the year it plans, not the year it reviews (the 2026 Fujian and Hunan reports)', () => {
    // No title and no meeting date: the first lines name 2025, the year reviewed; 「2026年是…」 opens the plans.
    const fujian = [
      '各位代表：', '现在，我代表省人民政府，向大会报告工作，请予审议。', '一、一年接着一年干，新福建建设持续取得新进展新成效',
      '2025年是“十四五”收官之年。一年来，我们坚持稳中求进工作总基调。', '就业促进更有力。推动出台高质量充分就业促进条例，城镇新增就业54.58万人，高校毕业生就业保持稳定。',
      '三、一鼓作气勇争先，全力推动“十五五”开好局、起好步', '2026年是“十五五”开局之年。',
      '今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右；城镇调查失业率控制在5%左右，城镇新增就业50万人；居民消费价格涨幅2%左右。', '',
    ].join('\n');
    assert.deepStrictEqual(flagged(fujian), []);
    // A heading that plans names the year: 「三、关于2026年工作」.
    const hunan = ['各位代表：', '一、2025年和“十四五”时期工作回顾', '过去的一年，极不寻常。', '全方位促进就业创业。城镇新增就业82.7万人。', '三、关于2026年工作', '今年经济社会发展的主要预期目标是：城镇新增就业70万人；居民收入增速高于经济增速。', ''].join('\n');
    assert.deepStrictEqual(flagged(hunan), []);
    assert.deepStrictEqual(reportYear(buildModel({ text: hunan })), { year: 2026, planFrom: 2026 });
    // A summary titled by the year it reviews keeps that year, whatever its plan heading says.
    assert.deepStrictEqual(reportYear(buildModel({ text: `${SEED}\n五、2024年工作打算\n继续加强学习。\n` })), { year: 2023, planFrom: 2024 });
  });

  it('does not take a count after 等 as a figure of the report: it counts the items just listed (the 2026 Hunan report)', () => {
    const text = doc('一、2025年工作回顾', '交通领域，桑龙、城龙、醴娄等7条高速公路建成通车。', '加快邵永、铜吉等6条高铁，京港澳和沪昆扩容、张官等17条高速公路建设。');
    assert.deepStrictEqual(flagged(text), []);
  });

  it('does not take a subject that comes after the number (the 2008 State Council report)', () => {
    const text = doc('二、2008年工作的总体部署', '今年中央财政将安排832亿元，用于支持教育事业。', '为加快社会保障体系建设，今年中央财政将安排2762亿元，比上年增加458亿元。');
    assert.deepStrictEqual(flagged(text), []);
  });
});
