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
      '梳理城市公共服务事项，明确公共项。',
      '按照生产批次，抽检食品120批次。',
      '统计服务人次，全年共服务1200人次。',
    ];
    for (const c of cases) it(c, () => void expectSpans(RULE, c));
  });
});

describe('missing-number: the word layer\'s classes (issue 13, second round)', () => {
  describe('catches a count whose number is gone', () => {
    const cases = [
      // After a verb of reaching a number (the 2026 Gansu and Anhui reports).
      '规模以上工业企业从1832户增加到«户»。',
      '全国设立的工人技术学校将达«所»，招生9.7万人。',
      '全年新开工20层以上高层13栋，已建和在建高层达«栋»。',
      '人形机器人产量突破«台»。',
      // After 等, closing a list.
      '国务院先后提出银行业监督管理法草案、对外贸易法修订草案等«部»法律议案。',
      '消除桥园里、和苑等«处»易积水点位。',
      // After a preposition, before the counted noun.
      '为«户»低收入农牧户发放冬煤补贴。',
      '为«栋»老旧高层建筑安装消防设施。',
      // A verb of building before schools (the issue's 「新建所学校」).
      '落实学前教育三年行动计划，新建«所»公立幼儿园。',
      // A noun, then at the end of an item the unit the paragraph counts in.
      '新增国家级单项冠军企业5户、专精特新中小企业«户»。',
      '完成投资5.2亿元，建成保障性住房«套»。',
      // The session of a party committee.
      '按照省委十一届«次»全会部署，扎实推进各项工作。',
      '落实省委十二届十次、«次»全会精神。',
      // 前 needs its number.
      '85个学科进入ESI世界学科排名前«％»。',
      '第一产业增加值增速连续19个季度居全国前«位»。',
      // From the 2026 provincial reports, one number deleted each.
      '全省技术合同成交额达«亿元»。',
      '国家高新技术企业达到1.5万家、科技型中小企业«万家»。',
      '中职学校由«所»优化整合为47所，教育质量进一步提升。',
      '推动制造业、数字经济核心产业增加值年均分别增长5%、«%»以上。',
      '新增4个国家生态文明建设示范区、«个»“两山”实践创新基地。',
      '能力建设加快，首批«个»未来产业先导区获批建设，新增5个。',
      '全年接管80个弃管小区，完成«个»老旧小区改造任务。',
      '结合“节能宣传周”等活动，发放宣传资料«余份»、制作横幅3条。',
      '提请审议地方性法规草案«件»，办理人大代表建议520件。',
      '设立服务站12个。新设外资企业«家»。',
      '完成困难重度残疾人家庭无障碍改造«户»，改造建设残疾人服务设施12个。',
      '新增普惠托位«个»，适龄儿童入园率达95%。',
    ];
    for (const c of cases) it(c.replace(/[«»]/g, ''), () => void expectSpans(RULE, c));
  });

  describe('stays quiet where the unit is part of a word or the text is correct', () => {
    const cases = [
      // The corpus findings of the first round (1964, 1984, 2026 Chongqing, Guangxi and Hainan reports).
      '而在援助别国的时候，又必须促进受援国家实现自力更生。',
      '要学习马克思列宁主义，学习毛泽东著作，活学活用，学到家。',
      '我们决不迁就于一时的事变，也不受任何外来压力所左右。',
      '深化小微企业融资协调机制，开展“千企万户大走访”。',
      '推进南宁、百色、来宾、梧州泛铝件先进制造基地建设。',
      '增强全民国家安全意识和素养，厚植家国情怀根基。',
      // 类 is a suffix; 台 after 对 is Taiwan; a doubled measure word is every one; 等项 is the older 各项.
      '新增债券重点投向产业基础建设、民生保障类项目。',
      '去年居民消费价格总水平比上年上涨4.8%，主要是食品和居住类价格涨幅较大。',
      '我们要继续坚持对台工作大政方针。',
      '“村超”“村BA”等村字号活动热闹非凡，“支支串飞”“小车小团”广受欢迎。',
      '积极地发展文化、教育、卫生等项事业。',
      '智能油气采排成套装备获“创客中国”一等奖。',
      '更加注重集群发展、拓展产业链条、集聚产业要素。',
      '我国是一个经济文化落后而又发展极不平衡的发展中国家，改革只能在经济环境还不宽松的情况下进行。',
      '植树造林到实现绿化也还有个很长的过程。',
      '适合种粮食的耕地必须种粮食而不能改种其他作物。',
      '开展“千家万户”大走访，新增5个。',
      '实现政府投资带动，突破万亿元大关，新增5个。',
    ];
    for (const c of cases) it(c, () => void expectSpans(RULE, c));
  });
});
