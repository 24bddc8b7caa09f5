import * as assert from 'assert';
import { setLanguage } from '../../server/src/engine/i18n';
import { splitRestarts } from '../../server/src/engine/model/sibling-runs';
import { applyFirstFix, findings, real, where } from './structure-helpers';

const SEQ = 'numbering-sequence';
const STYLE = 'numbering-style';

describe('numbering-sequence', () => {
  before(() => setLanguage('en'));

  it('finds a gap and names the expected marker; the fix renumbers the following siblings', () => {
    const text = '一、总体情况\n（一）学习\n正文。\n（二）党建\n（四）决策\n（五）廉洁\n二、下一步\n（一）计划\n';
    const found = findings(SEQ, text);
    assert.strictEqual(found.length, 1);
    assert.deepStrictEqual(where(text, found[0]!), [5, '（四）']);
    assert.match(found[0]!.finding.message, /expected "（三）" here, found "（四）"/);
    assert.strictEqual(found[0]!.severity, 'warning');
    assert.strictEqual(applyFirstFix(text, found[0]!), text.replace('（四）决策', '（三）决策').replace('（五）廉洁', '（四）廉洁'));
  });

  it('finds a duplicate once, and the count goes on from it', () => {
    const text = '一、甲\n二、乙\n二、丙\n三、丁\n';
    const found = findings(SEQ, text);
    assert.strictEqual(found.length, 1);
    assert.deepStrictEqual(where(text, found[0]!), [3, '二、']);
    assert.match(found[0]!.finding.message, /Duplicate number: expected "三、"/);
    assert.strictEqual(applyFirstFix(text, found[0]!), '一、甲\n二、乙\n三、丙\n四、丁\n');
  });

  it('finds a list that does not start at 1 and an out-of-order number', () => {
    const start = findings(SEQ, '一、甲\n2. 乙\n3. 丙\n');
    assert.strictEqual(start.length, 1);
    assert.match(start[0]!.finding.message, /does not start at 1: expected "1\."/);
    const order = findings(SEQ, '（1）甲\n（3）乙\n（2）丙\n');
    assert.deepStrictEqual(order.map((d) => d.finding.message.split(':')[0]), ['A number is skipped', 'Out of order']);
  });

  it('takes a list interrupted by the numbered points of one of its parts as one list (the 1981 State Council report)', () => {
    // （一）（二）（三） are the report's parts, 一、…三、 the points of part （二）: 「（三）」 continues 「（二）」.
    const text = '（一）当前的经济形势\n正文。\n（二）今后经济建设的方针\n正文。\n一、依靠政策和科学，加快农业的发展\n正文。\n二、把消费品工业的发展放到重要地位\n正文。\n三、提高能源的利用效率\n正文。\n（三）我国经济发展的前景\n正文。\n';
    assert.deepStrictEqual(findings(SEQ, text), []);
    // Without its （二） the list still skips a number.
    assert.match(findings(SEQ, text.replace('（二）今后经济建设的方针\n正文。\n', ''))[0]?.finding.message ?? '', /does not start at 1|skipped/);
  });

  it('keeps Arabic width, 第X and circled markers when renumbering', () => {
    const text = '一、甲\n第一，乙\n第三，丙\n二、丁\n１．戊\n３．己\n①庚\n③辛\n';
    const found = findings(SEQ, text);
    assert.deepStrictEqual(found.map((d) => where(text, d)[1]), ['第三，', '３．', '③']);
    assert.deepStrictEqual(found.map((d) => d.finding.fixes?.[0]?.edits[0]?.newText), ['第二，', '２．', '②']);
  });

  it('lets a list restart under a new parent', () => {
    assert.deepStrictEqual(findings(SEQ, '一、甲\n1. 子\n2. 子\n二、乙\n1. 子\n2. 子\n'), []);
  });

  it('accepts a second list that restarts on purpose, but not a lone restart', () => {
    assert.deepStrictEqual(findings(SEQ, '一、甲\n1、子\n2、子\n3、子\n附：调查\n1、问\n2、问\n'), []);
    const lone = findings(SEQ, '一、甲\n1、子\n2、子\n1、子\n');
    assert.match(lone[0]!.finding.message, /expected "3、" here, found "1、"/);
    const twice = findings(SEQ, '（一）甲\n（一）乙\n（二）丙\n');
    assert.strictEqual(twice.length, 1);
    assert.deepStrictEqual(where('（一）甲\n（一）乙\n（二）丙\n', twice[0]!), [2, '（一）']);
  });

  it('reads a heading pasted twice after a restart as a duplicate in the restarted list, not a return to the list before it', () => {
    // 「（一）（二）」 a list, 「（一）…（三）」 restarted, then the same 「（三）」 line again: a copy.
    const text = '一、加强班子建设\n（一）民主决策\n（二）廉洁从政。严格遵守各项规定。\n（一）活动安排科学精细。坚持统筹。\n（二）纽带作用充分发挥。主动对接。\n（三）办文办会水平提升。压减发文。\n（三）办文办会水平提升。压减发文。\n（四）信息工作取得实效。服务决策。\n';
    const found = findings(SEQ, text);
    assert.deepStrictEqual(found.map((f) => where(text, f)), [[7, '（三）']]);
    assert.match(found[0]!.finding.message, /Duplicate number: expected "（四）" here, found "（三）" again/);
    // Another heading of that number goes back to the list before the restart (「三、」 after 「一、二、」 and 「一、…三、」),
    // and so does one of another style at the same level (「（三）」 after 「（二）」 and 「1.…3.」).
    const run = (items: Array<[number, string, string]>): string[][] => splitRestarts(items.map(([value, style, title]) => ({ value, style, title }))).map((r) => r.map((h) => `${h.value}${h.title}`));
    assert.deepStrictEqual(run([[1, 'cn-dun', '甲'], [2, 'cn-dun', '乙'], [1, 'cn-dun', '子'], [2, 'cn-dun', '丑'], [3, 'cn-dun', '寅'], [3, 'cn-dun', '丙']]), [['1子', '2丑', '3寅'], ['1甲', '2乙', '3丙']]);
    assert.deepStrictEqual(run([[1, 'cn-paren', '甲'], [2, 'cn-paren', '乙'], [1, 'ar-dot', '子'], [2, 'ar-dot', '丑'], [3, 'ar-dot', '寅'], [3, 'cn-paren', '寅']]), [['1子', '2丑', '3寅'], ['1甲', '2乙', '3寅']]);
    assert.deepStrictEqual(run([[1, 'cn-dun', '甲'], [2, 'cn-dun', '乙'], [1, 'cn-dun', '子'], [2, 'cn-dun', '丑'], [3, 'cn-dun', '寅'], [3, 'cn-dun', '寅']]), [['1甲', '2乙'], ['1子', '2丑', '3寅', '3寅']]);
  });

  it('is quiet on cnpack, whose survey restarts 1、 on purpose', () => {
    assert.deepStrictEqual(findings(SEQ, real('2002-04-cnpack-team-work-summary.txt')), []);
  });

  it('finds a (三) dropped from a real report', () => {
    const text = real('2023-county-office-shuzhi-report.txt').replace('（三）民主决策聚合力', '（四）民主决策聚合力');
    const found = findings(SEQ, text);
    assert.deepStrictEqual(found.map((d) => where(text, d)), [[6, '（四）'], [7, '（四）']]);
    assert.match(found[0]!.finding.message, /A number is skipped/);
    assert.match(found[1]!.finding.message, /Duplicate/);
  });

  it('speaks Chinese', () => {
    setLanguage('zh-cn');
    try {
      const found = findings(SEQ, '一、甲\n（一）乙\n（二）丙\n（四）丁\n');
      assert.strictEqual(found[0]!.finding.message, '编号跳号：此处应为“（三）”，实际为“（四）”。');
    } finally {
      setLanguage('en');
    }
  });
});

describe('numbering-style', () => {
  before(() => setLanguage('en'));

  it('finds the half-width (四) of the 2016 Hailar report and fixes it', () => {
    const text = real('2016-hailar-government-work-report.txt');
    const found = findings(STYLE, text);
    assert.strictEqual(found.length, 1);
    assert.deepStrictEqual(where(text, found[0]!), [53, '(四)']);
    assert.match(found[0]!.finding.message, /write "（四）"/);
    const fixed = applyFirstFix(text, found[0]!);
    assert.strictEqual(fixed, text.replace('　　(四)政府', '　　（四）政府'));
    assert.deepStrictEqual(findings(STYLE, fixed), []);
  });

  it('rewrites 一. 一， （一）、 and full-width digits in the standard form', () => {
    const text = '一.甲\n二，乙\n（一）、丙\n（二）丁\n１.戊\n';
    const found = findings(STYLE, text);
    assert.deepStrictEqual(
      found.map((d) => [where(text, d)[1], d.finding.fixes?.[0]?.edits[0]?.newText]),
      [['一.', '一、'], ['二，', '二、'], ['（一）、', '（一）'], ['１.', '1.']],
    );
  });

  it('finds 1、 mixed with 1. in one list, and accepts a list written 1、 throughout', () => {
    const mixed = findings(STYLE, '一、甲\n1. 子\n2、子\n3. 子\n');
    assert.strictEqual(mixed.length, 1);
    assert.strictEqual(mixed[0]!.finding.fixes?.[0]?.edits[0]?.newText, '2.');
    assert.deepStrictEqual(findings(STYLE, real('2002-04-cnpack-team-work-summary.txt')), []);
  });

  it('suggests Chinese numerals for an Arabic top level with sub-levels, not as a safe fix', () => {
    // One finding for the list, on its first heading: its fix changes all of it.
    const found = findings(STYLE, '1. 总体\n（1）甲\n2. 下一步\n（1）乙\n');
    assert.strictEqual(found.length, 1);
    assert.deepStrictEqual(found[0]!.finding.fixes?.[0]?.edits.map((e) => e.newText), ['一、', '二、']);
    assert.strictEqual(found[0]!.finding.fixes?.[0]?.preferred, false);
    // The whole list changes at once: no sequence problem appears.
    const text = '1. 总体\n（1）甲\n2. 下一步\n（1）乙\n';
    const fixed = applyFirstFix(text, findings(STYLE, text)[0]!);
    assert.strictEqual(fixed, '一、 总体\n（1）甲\n二、 下一步\n（1）乙\n');
    assert.deepStrictEqual(findings(SEQ, fixed), []);
    assert.deepStrictEqual(findings(STYLE, '1. 甲\n2. 乙\n'), []);
    // The English half of a bilingual report keeps its own numbering.
    const bilingual = '一、总体\n（一）甲\n二、下一步\n（一）乙\nEnglish version\n1. Overview\n(1) Growth\n2. Next steps\n(1) Plans\n';
    assert.deepStrictEqual(findings(STYLE, bilingual), []);
    assert.deepStrictEqual(findings(STYLE, '1. Overview\n(1) Growth\n2. Next steps\n(1) Plans\n'), []);
    assert.deepStrictEqual(findings(SEQ, bilingual), []);
  });

  it('is quiet on the correct markers of the real reports', () => {
    for (const f of ['1980-state-council-government-work-report.txt', '2023-county-office-shuzhi-report.txt', '2026-shaanxi-government-work-report.txt']) {
      assert.deepStrictEqual(findings(STYLE, real(f)), [], f);
    }
  });
});
