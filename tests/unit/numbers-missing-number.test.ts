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
      // Units whose first character is no unit alone (平 of 水平, 公 of 公共, 美 of 美好): still read where they are written.
      '实施既有建筑节能改造16万平方米、“一户一阀”改造«平方米»，完成101条背街巷道的综合改造。',
      '新建改造农村公路1200公里、桥梁«公里»。',
      '进出口总额达到120亿美元，实际利用外资«美元»。',
      '新增光伏装机30万千瓦、风电«千瓦»。',
      '造林绿化面积12万亩，治理水土流失«平方公里»。',
      // A count at the end of its clause after a word holding a unit character (人员, 品类): the count is read, not the word.
      '全年城镇新增就业5527人，下岗失业人员再就业«人»，“零就业家庭”动态就业援助100%。',
      '通达全球127个国家和地区的584个港口，运输货物品类增至«种»，运输箱量和货值均增长3倍以上。',
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
      '粮食生产必须抓得很紧很紧。适合种粮食的耕地必须种粮食而不能改种其他作物，这必须作为一个长期的政策定下来。',
      '开展“千家万户”大走访，新增5个。',
      '实现政府投资带动，突破万亿元大关，新增5个。',
    ];
    for (const c of cases) it(c, () => void expectSpans(RULE, c));
  });
});

describe('missing-number: classes of published reports the rule was not tuned on (docs/accuracy.md, Generalisation)', () => {
  describe('stays quiet where the unit is part of a word, a name, a label or a compound unit', () => {
    const cases = [
      // Compound units after a figure (State Council report of 1955): 人公里, 载重吨; a grade, then a name (Zhejiang 2026).
      '旅客周转量将达到三百二十亿人公里，增长百分之五十九点五。',
      '五年内新增轮船四十万载重吨。',
      '中欧北极集装箱航线成功首航，30万吨级条帚门航道建成投运，宁波舟山港集装箱吞吐量4387万标箱。',
      // A place abbreviation the dictionary lacks (Hunan 2026): 长株潭.
      '实施长株潭一体化提升战略，加快建设绿心中央公园，新增项目31个。',
      // 国家 is a word: 「工业— 农业国家」 (1979); 人 of a place or a group, the object of a verb, 人多 (1959, 1979, 1987, 1957).
      '很快地把我国建成为一个有相当水平的工业— 农业国家。新建企业12家。',
      '即所谓康巴人。现在世界上有一些人，口口声声说他们同情西藏人，共有一百一十几万人。',
      '大力发扬大庆人、大寨人自力更生、艰苦创业的革命干劲，新增120人。',
      '各级各类学校特别是高等学校担负着教育人、塑造人的光荣使命，招生120万人。',
      '尤其是象我们这样人多且穷的国家，要求国民经济的发展有一定的后备力量，招生120万人。',
      // 有份 (1957), a stem label 卯项 (1957), 座商 in a list of nouns (1955).
      '劳动人民是很少有份的，现在有六十万人。',
      '第十三款卯项，准备把新式武器运进南朝鲜。',
      '零售商中的大多数，不论是座商或摊贩，他们的货源只能依靠国营商业，全国有二百万户。',
      // Words made with the unit (Yunnan, Sichuan, Qinghai 2026): 亩均, 举报件办结率, 分批次, 次差公路, 种源, 定项.
      '提升亩均投资、产出和税收强度，新增项目31个。',
      '第三轮中央生态环境保护督察交办的群众举报件办结率99.1%。',
      '加快数字政府建设，分批次推出特色应用场景，新增12个。',
      '新改建普通省道和农村公路5000公里以上，基本消除农村次差公路，再建500座农牧区便民桥。',
      '建设全国领先的牛、羊、牧草种源基地，新建基地12个。',
      '实行定项限额补助，全年补助120项。',
      // 家 as a home, in a place name, in a list of agents (Guangdong, Qinghai, Jiangxi, Fujian 2026).
      '大力开展线上线下消费融合促销活动和到家业务，新增企业12家。',
      '喇家遗址、热水墓群入选全国“百年百大考古发现”，新增企业12家。',
      '探索推行“科学家+企业家+投资家”新型孵化模式，新增企业12家。',
      // 名 as “famous” where the clause counts its noun later (Zhejiang 2026).
      '举办名中医惠老医养健体服务活动1000场，实现市县全覆盖。',
      // Abbreviations of single characters, a quoted letter for the number (Guangdong, Hunan, Hubei, Jiangxi 2026).
      '鼓励支持个体经济健康发展，推动个转企、小升规（限），新增企业12家。',
      '构建“个转企、企升规、规改股、股上市”梯度培育机制，新增企业12家。',
      '加快形成“大中小微个”市场经营主体梯次培育、协调发展的良好格局，新增企业12家。',
      '建设“1”个省级成果转移转化中心，指导建设“M”个设区市分中心，引导高校院所组建“N”个转化中心。',
      // Alternative units in brackets (Guangdong 2026), a bare magnitude that names a class or a scale (Zhejiang, Sichuan 2026).
      '抵离口岸的交通工具达2813.8万辆（艘、架、列）次。',
      '全年共招引落地亿元以上重大产业项目3150个，带动面上产业投资增长6.5%。',
      '对年耗能万吨标准煤以上的企业开展节能监察，检查企业120家。',
      '电子信息、装备制造、特色消费品等产业集群均达到万亿元规模；355项事项实现通办。',
      // One 万 of a counted noun after a verb (Zhejiang 2026) — ambiguous: a deleted number before 万名 reads the same.
      '引育1000名乡村运营人才，带动万名青年入乡发展。',
    ];
    for (const c of cases) it(c, () => void expectSpans(RULE, c));
  });

  describe('still catches a deleted number next to these classes (deletions in the corpus)', () => {
    const cases = [
      // A verb of change before 到家; counted names in quotes that lost their number; 分 and a one-character unit.
      '农牧业龙头企业20家，农民专业合作社发展到«家»。',
      '严防“«个»有之”，深刻警醒背离“两个维护”之害。',
      '落实好“气«条»”“水十条”“土十条”政策。',
      '报告分«个»部分：一、三年来的斗争和新时期的总任务。',
      // 率先 is no rate; a magnitude used as an adjective is no compound unit; a time word before the unit.
      '主张在«个»核大国率先停止试验、改进、生产核武器，全国有12个。',
      '兰州新区经济总量突破500亿元。新增百亿县区«个»，累计达到46个。',
      '现在国内生产总值每增长1个百分点的增量，相当于5年前«个百分点»、10年前2.5个百分点的增量。',
      // At the end of a clause a bare magnitude has lost its number.
      '统筹安排省级财政资金«亿元»，新增项目31个。',
    ];
    for (const c of cases) it(c.replace(/[«»]/g, ''), () => void expectSpans(RULE, c));
  });
});
