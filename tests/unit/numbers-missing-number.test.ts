import * as assert from 'assert';
import { expectSpans, findings, readReal } from './numbers-helpers';

const RULE = 'missing-number';

describe('missing-number', () => {
  it('finds the seed\'s missing count at line 17 (「收到上级交办信访事项件」) and nothing else', () => {
    const { found, model } = findings(RULE, readReal('2023-county-office-shuzhi-report.txt'));
    assert.strictEqual(found.length, 1);
    const f = found[0];
    const line = model.index.line(16).text;
    const col = line.indexOf('收到上级交办信访事项件') + '收到上级交办信访事项'.length;
    assert.deepStrictEqual(f?.range, { start: { line: 16, character: col }, end: { line: 16, character: col + 1 } });
    assert.strictEqual(line.slice(col, col + 1), '件');
    assert.strictEqual(f?.fixes?.[0]?.title, 'Insert the missing number');
    assert.deepStrictEqual(f?.fixes?.[0]?.edits, [{ range: { start: { line: 16, character: col }, end: { line: 16, character: col } }, newText: 'XX' }]);
  });

  describe('catches a missing number in statements varied from real reports', () => {
    const cases = [
      '累计召开信访联席及研判会议55次，收到上级交办信访事项«件»，办结118件。',
      '社会消费品零售总额同比增长«％»。',
      '国际货邮吞吐量增长«%»，新设外资企业428家。',
      '工业投资占比提高«个百分点»，民间投资占比达到42.2％。',
      '限额以上通讯器材、家用电器零售额分别增长40.9％、«％»。',
      '全年共受理群众来信，共计«件»。',
      '全年共办理人大代表建议和政协提案，共«件»。',
      '发放城乡低保金合计«万元»。',
      '累计接收上级来文384件，编发各类简报«件»、会议纪要28件。',
      '服务办公例会8次、常务会议«次»、党组会议10次。',
      '召开支部党员大会23次、支部委员会«次»，开展主题党日活动11次。',
      '吸纳培养积极分子4名，发展对象转预备党员«名»。',
      '检查机关单位14家，下发整改通知单«份»、督办函3份。',
      '购置更新执法车辆8辆，拟拍卖闲置车辆«辆»，处理报废车辆10辆。',
      '发放宣传资料400余份、制作横幅«条»、标语5条。',
      '开展重点用能单位节能审计2家次，反食品浪费和公共机构节能指导检查«家次»。',
      '向包案县领导呈送提示单99件次，下发督办函、提示单«件次»。',
      '新增国家级中小企业特色产业集群1个、产业强镇«个»。',
      '新认定省级企业技术中心45家，新增工业企业研发机构«家»。',
      '突破重点产业链技术难题761项，新增首台（套）重大技术装备«项»。',
      '全年交通、水利投资分别达到845亿元、«亿元»。',
      '全年交通投资845亿元、水利投资«亿元»。',
      '完成“保交房”项目625个、“保回迁”项目«个»。',
      '城镇新增就业44.1万人，帮助失业、困难人员就业«万人»。',
      '县级领导开展接访约访«次»，下访80余次。',
      '累计上报政务信息«条»，被采用120条。',
      '新增工业企业研发机构1000家，科技成果转化企业新增«家»。',
      '地区生产总值增长«％»，城镇新增就业44.1万人，居民人均可支配收入增长5.6％。',
      '城镇化率增至«％»。',
      '累计开展公务接待110余批次、接待外宾«批次»。',
      '改造城镇老旧小区870个、惠及«万人»，帮助失业人员就业16.8万人。',
      '新建和改造高标准农田94.18万亩，治理沙化土地«万亩»。',
      '收到上级交办信访事项«件»，办结118件；摸排信访隐患422件，化解办结«件»。',
    ];
    for (const c of cases) it(c.replace(/[«»]/g, ''), () => void expectSpans(RULE, c));
  });

  describe('stays quiet on correct text', () => {
    const cases = [
      '累计接收上级来文384件，编发各类文件314件、会议纪要28件。',
      '收到文件，办结118件。',
      '本次会议审议了各类事项，办结118件。',
      '规范8小时以外交往圈，有效避免了违纪行为发生。',
      '选派骨干到村入户，走访农户1200户。',
      '办结多件，化解纠纷12件。',
      '收到信访件，办结118件。',
      '增长率（%）按可比价计算。',
      '单位：%',
      '5.5%左右的预期增长，与全国目标一致。',
      '确保各项工作落实，全年办结118件。',
      '深入开展“一户一策”帮扶，走访农户1200户。',
      '服务企业家，新增企业家协会会员12家。',
      '同比增长5.6％，比上年提高0.3个百分点。',
      '购置车辆，处理报废车辆10辆。',
      '走访脱贫户、监测户1200户。',
      '慰问老党员50人、脱贫户、监测户1200户。',
      '处理信访件、投诉件120件。',
      '（单位：亿元、%）',
      '表1 主要指标（单位：万元、%、个百分点）',
      '收到群众来信、来电、来访件120件。',
      '大力推进项目建设，新开工项目120个。',
    ];
    for (const c of cases) it(c, () => void expectSpans(RULE, c));
  });
});
