import * as assert from 'assert';
import { findings, readReal } from './numbers-helpers';

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
