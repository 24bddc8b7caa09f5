import * as assert from 'assert';
import { expectSpans } from './numbers-helpers';

const RULE = 'subset-exceeds-total';

describe('subset-exceeds-total', () => {
  it('points to the whole', () => {
    const [f] = expectSpans(RULE, '共有干部职工58人，其中党员«60人»。');
    assert.strictEqual(f?.message, 'Part 60人 is larger than the total 58人 it belongs to.');
    assert.deepStrictEqual(f?.related?.[0]?.location.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } });
  });

  describe('catches a part larger than its whole', () => {
    const cases = [
      '共办理建议议案120件，其中人大代表建议«180件»、政协提案30件。',
      '全年新增市场主体1.2万户，其中企业«1.5万户»。',
      '累计接收上级来文384件，其中省级来文«400件»。',
      '全年接待游客8000万人次，其中入境游客«9000万人次»。',
      '完成投资33.4亿元，其中教育投入«35亿元»。',
      '新建改建农村公路1200公里，其中硬化路«1500公里»。',
      '发放小额担保贷款9705万元，其中妇女创业贷款«1.2亿元»。',
      '摸排信访隐患422件，化解办结«497件»。',
      '收到上级交办信访事项118件，办结«120件»。',
      '受理行政复议案件36件，办结«38件»。',
      '排查矛盾纠纷1200起，调处化解«1250起»。',
      '发现问题隐患20处，整改到位«25处»。',
      '网上受理初信初访141件，化解办结«143件»。',
      '累计接收群众来信300封，其中匿名信«320封»。'.replace(/封/g, '件'),
      '全区共有中小学校45所，其中小学«50所»、中学20所。',
      '新增城镇就业3.25万人，其中高校毕业生«3.5万人»。',
      '共召开各类会议55次，其中常务会议«60次»。',
      '登记各类问题线索80条，办结«85条»。',
      '受理群众诉求3，212件，办结«3，300件»。',
      '全年处理信访事项近100件，其中重点事项«120件»。',
    ];
    for (const c of cases) it(c.replace(/[«»]/g, ''), () => void expectSpans(RULE, c));
  });

  describe('stays quiet on parts within the whole, bounds and non-additive breakdowns', () => {
    const cases = [
      '摸排信访隐患422件，化解办结297件。',
      '汽车产量增长1.7倍，其中新能源汽车增长17.2倍。',
      '工农业总产值，比1980年预计增长5.5％，其中，农业总产值增长4％，工业总产值增长6％。',
      '新增就业1500余人，其中大学生1600人。',
      '出口1000亿元，其中机电产品占比86％。',
      '营业收入增加100亿元，其中工业增加150亿元。',
      '接待游客607万人次，其中过夜游客增长120万人次。',
      '受理案件120件，其中办结118件。',
      '收到群众来信120件，办结118件。',
      '累计发放城乡低保金9823万元、贫困大学生救助金307万元、低收入高龄老人生活补助623万元，城乡特困群体大病医疗救助金476万元。',
      '收到群众来信120件，网上初信初访141件。',
      '受理信访事项120件，办结125件（含上年结转）。',
      '新增就业近1500人，其中大学生1400人。',
    ];
    for (const c of cases) it(c, () => void expectSpans(RULE, c));
  });
});
