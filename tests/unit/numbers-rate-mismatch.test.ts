import * as assert from 'assert';
import { expectSpans } from './numbers-helpers';

const RULE = 'rate-mismatch';

describe('rate-mismatch', () => {
  it('explains the arithmetic and offers the computed rate', () => {
    const [f] = expectSpans(RULE, '受理120件，办结118件，办结率«92％»。');
    assert.strictEqual(f?.message, 'Rate 92％ does not match the counts: 118 / 120 = 98.3%.');
    assert.strictEqual(f?.fixes?.[0]?.edits[0]?.newText, '98');
    assert.strictEqual(f?.related?.length, 2);
  });

  describe('catches a rate that disagrees with its counts', () => {
    const cases = [
      '受理群众来信来访200件，按期办结150件，办结率«95％»。',
      '收到上级交办信访事项120件，办结118件，办结率«90.5％»。',
      '摸排信访隐患422件，化解办结297件，化解率«80％»。',
      '共检查企业50家，合格45家，合格率«95％»。',
      '抽检食品1000批次，合格980批次，合格率«99.5％»。',
      '发放问卷500份，满意480份，满意率«98％»。',
      '共接到投诉60件，办结率«90％»，办结50件。',
      '登记失业人员2000人，实现再就业1500人，再就业率«80％»。',
      '受理群众诉求3，212件，办结3，100件，办结率«99.5％»。',
      '受理行政复议案件36件，审结30件，审结率«90％»。',
      '全年受理12345热线工单8600件，按时办结8000件，按时办结率«97.5％»。',
      '共排查矛盾纠纷1200起，成功调解1100起，调解成功率«96％»。'.replace('调解成功率', '调解率'),
      '应参保人数10000人，参保9500人，参保率«98.5％»。'.replace('应参保人数10000人', '应参保10000人'),
      '参加考核干部80人，合格72人，合格率«95％»。',
      '检测水样300个，达标285个，达标率«99％»。',
      '受理120件，办结118件，办结率«92％»；受理50件，办结50件，办结率100％。',
      '共征集意见建议400条，采纳300条，采纳率«85％»。',
    ];
    for (const c of cases) it(c.replace(/[«»]/g, ''), () => void expectSpans(RULE, c));
  });

  describe('stays quiet when the rate agrees within rounding or cannot be checked', () => {
    const cases = [
      '受理120件，办结118件，办结率98.3％。',
      '受理120件，办结118件，办结率98％。',
      '受理120件，办结118件，办结率99％。',
      '117件人大代表议案、建议和91件政协委员提案满意率达98％。',
      '受理120件，办结率92％。',
      '受理120余件，办结118件，办结率92％。',
      '用于积累的部分为1，120亿元，用于消费的部分为2，211亿元。积累率由1978年的36.5％，降为33.6％。',
      '受理120件，办结118件，群众满意率92％。',
      '摸排信访隐患422件，化解办结297件。',
      '检测水样300个，达标285个，达标率95％。',
    ];
    for (const c of cases) it(c, () => void expectSpans(RULE, c));
  });
});
