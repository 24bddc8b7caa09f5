import * as assert from 'assert';
import { expectSpans } from './numbers-helpers';

const RULE = 'total-mismatch';

describe('total-mismatch', () => {
  it('shows the arithmetic and offers to set the total to the sum', () => {
    const [f] = expectSpans(RULE, '共办理建议议案«120件»，其中人大代表建议80件、政协提案30件。');
    assert.strictEqual(f?.message, 'The parts do not add up to the total 120件: 80 + 30 = 110 ≠ 120.');
    assert.strictEqual(f?.fixes?.[0]?.title, 'Set the total to 110');
    assert.deepStrictEqual(f?.fixes?.[0]?.edits, [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } }, newText: '110' }]);
    assert.strictEqual(f?.related?.length, 2);
  });

  describe('catches totals that disagree with their whole breakdown', () => {
    const cases = [
      '共受理信访事项«120件»，其中来信50件、来访40件、网上信访20件。',
      '全年共召开各类会议«29次»，其中办公例会8次、常务会议11次、党组会议12次。',
      '累计发放补助资金«2000万元»，其中低保金1500万元、救助金600万元。',
      '共有工作人员«58人»，其中在编人员30人、聘用人员30人。',
      '全区共有中小学校«45所»，其中小学28所、中学15所。',
      '合计完成投资«33.4亿元»，其中教育12.1亿元、卫生10.2亿元、文化12.5亿元。',
      '总计接待游客«607万人次»，其中国内游客590万人次、入境游客27万人次。',
      '累计上报政务信息«535条»，其中被省级采用300条、被市级采用240条。',
      '共计处理报废和闲置车辆«24辆»，其中拍卖14辆、报废12辆。',
      '共发放宣传资料«400份»，其中政策解读250份、安全常识200份。',
      '累计完成投资«2.65亿元»，其中基础设施1.5亿元、平台建设8000万元、配套工程5000万元。',
      '全年共化解矛盾纠纷«430件»，其中婚姻家庭类200件、邻里纠纷类130件、其他类90件。',
    ];
    for (const c of cases) it(c.replace(/[«»]/g, ''), () => void expectSpans(RULE, c));
  });

  describe('stays quiet on correct, partial and non-additive breakdowns', () => {
    const cases = [
      '共办理建议议案120件，其中人大代表建议80件、政协提案40件。',
      '共办理建议议案120件，其中人大代表建议80件。',
      '共受理信访事项120件，其中来信50件、来访40件等。',
      '受理信访事项120件，其中来信50件、来访40件。',
      '共受理信访事项120件，其中主要是来信50件、来访40件。',
      '工农业总产值，比1980年预计增长5.5％，其中，农业总产值增长4％，工业总产值增长6％。',
      '汽车产量增长1.7倍，其中新能源汽车增长17.2倍。',
      '累计发放城乡低保金9823万元、贫困大学生救助金307万元、低收入高龄老人生活补助623万元，城乡特困群体大病医疗救助金476万元。',
      '共完成投资33.4亿元，其中教育12.1亿元、卫生10.2亿元、文化11.1亿元。',
      '共完成投资33.4亿元，其中教育12.12亿元、卫生10.24亿元、文化11.06亿元。',
      '共有企业1000家，其中民营企业占比86％、国有企业占比10％。',
      '共有干部职工58人，其中男职工30人、女职工30人以上。',
      '共有干部职工100余人，其中男职工30人、女职工30人。',
      '共有干部职工58人，其中党员60人。',
      '共有干部职工120人，其中党员80人、女性50人。',
      '全局共有干部职工120人，其中本科以上学历90人、35岁以下青年干部40人。',
      '共接待游客8000万人次，其中国内游客增长7000万人次、入境游客增长200万人次。',
    ];
    for (const c of cases) it(c, () => void expectSpans(RULE, c));
  });
});
