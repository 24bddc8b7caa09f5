/**
 * The proofreading rules' finer points: the typo list's loading and its boundary and variant
 * entries, quotations over paragraphs, reduplication told from repeats by the word layer, number
 * conventions kept throughout a text, one finding per slip across rules, and what fix-all applies.
 */
import * as assert from 'assert';
import { PROOFREADING_RULES } from '../../common/proofreading';
import { typoList } from '../../server/src/engine/data/typos';
import { fixAllOf } from '../../server/src/engine/features/fix-all';
import { DEFAULT_CONFIG, type EngineConfig } from '../../server/src/engine/config';
import { buildModel } from '../../server/src/engine/model/parse';
import { RULES } from '../../server/src/engine/rules';
import { numberStyle } from '../../server/src/engine/rules/number-style';
import { repeatedWord } from '../../server/src/engine/rules/repeated-word';
import { documentYear, typo } from '../../server/src/engine/rules/typo';
import { confirmBoundary } from '../../server/src/engine/rules/typo-boundary';
import type { Rule } from '../../server/src/engine/rules/types';
import { unpairedPunctuation } from '../../server/src/engine/rules/unpaired-punctuation';
import { analysed, checkRule } from '../support/analysis';

const model = (text: string) => buildModel({ text, uri: 'file:///test.report.md' });
/** The texts a rule's findings cover, in order. */
function found(rule: Rule, text: string, config: EngineConfig = DEFAULT_CONFIG): string[] {
  const lines = text.split('\n');
  return checkRule(rule, model(text), config).map((f) => (lines[f.range.start.line] ?? '').slice(f.range.start.character, f.range.end.character));
}

describe('typo', () => {
  it('loads its list once, with more than 500 entries, and every wrong form once', () => {
    const list = typoList();
    assert.strictEqual(typoList(), list);
    assert.ok(list.entries.length >= 500, String(list.entries.length));
    assert.strictEqual(new Set(list.entries.map((e) => e.wrong)).size, list.entries.length);
  });

  it("finds the issue's misspellings and offers the right form as the preferred fix", () => {
    const pairs = [['再接再励', '再接再厉'], ['按步就班', '按部就班'], ['截止目前', '截至目前'], ['震憾', '震撼'], ['脱颍而出', '脱颖而出'], ['迄今为至', '迄今为止'], ['松驰', '松弛'], ['宏扬', '弘扬'], ['布署', '部署']];
    for (const [wrong, right] of pairs) {
      const text = `2024年，全体干部职工要${wrong}，推动各项工作。`; // a dated text: 宏扬 is a variant form
      const f = checkRule(typo, model(text));
      assert.strictEqual(f.length, 1, wrong);
      assert.strictEqual(f[0]?.fixes?.[0]?.edits[0]?.newText, right);
      assert.strictEqual(f[0]?.fixes?.[0]?.preferred, true);
    }
  });

  it('confirms a boundary entry only where the segmentation keeps it whole', () => {
    const at = (s: string, w: string): boolean => confirmBoundary(s, s.indexOf(w), s.indexOf(w) + w.length);
    assert.strictEqual(at('认真布署工作', '布署'), true);
    assert.strictEqual(at('做为一名党员干部', '做为'), true);
    assert.strictEqual(at('我们以经取得成效', '以经'), true);
    assert.strictEqual(at('发布署名文章', '布署'), false);
    assert.strictEqual(at('坚持以经济建设为中心', '以经'), false);
    assert.strictEqual(at('以经营主体为中心', '以经'), false);
    assert.strictEqual(at('这份内部资料', '份内'), false);
    assert.strictEqual(at('既使企业受益，又使群众满意', '既使'), false);
    assert.strictEqual(at('既使困难再大也要完成', '既使'), true);
  });

  it('dates a document by its front matter, else by the year it names most often', () => {
    assert.strictEqual(documentYear(model('---\ndate: 2001-05-01\n---\n2024年工作。')), 2001);
    assert.strictEqual(documentYear(model('1979年和1980年，1980年，到2000年。')), 1980);
    assert.strictEqual(documentYear(model('二〇二四年工作总结，2023年。二〇二四年。')), 2024);
    assert.strictEqual(documentYear(model('开发成员们，您好！')), undefined);
  });

  it('reports variant forms at info in texts of 2002 and later only, and not at all when off', () => {
    const text = '2024年，多种所有制成份共同发展。';
    const f = checkRule(typo, model(text));
    assert.deepStrictEqual(f.map((x) => [x.severity, x.fixes?.[0]?.edits[0]?.newText]), [['info', '成分']]);
    assert.deepStrictEqual(found(typo, '1988年，多种所有制成份共同发展。'), []);
    assert.deepStrictEqual(found(typo, '多种所有制成份共同发展。'), []);
    assert.deepStrictEqual(found(typo, text, { ...DEFAULT_CONFIG, rules: { typo: { variantSeverity: 'off' } } }), []);
  });

  it('does not report the simplified forms of 1956–1986 (颠复, 重迭) in texts written before 1987', () => {
    // The State Council reports of 1957 and 1959 (zh.wikisource.org) write 颠复, the standard form of their time.
    assert.deepStrictEqual(found(typo, '一九五八年，帝国主义对印度尼西亚的颠复活动，也遭到了严重的挫败。一九五九年。'), []);
    assert.deepStrictEqual(found(typo, '1959年，层层重迭的机构。'), []);
    assert.deepStrictEqual(found(typo, '2024年，防范颠复活动，精简重迭机构。'), ['颠复', '重迭']);
    assert.deepStrictEqual(found(typo, '防范颠复活动。'), ['颠复']);
  });

  it('reports a variant form only where a word holds it, not where two words meet (the 2026 Inner Mongolia and Hubei reports)', () => {
    assert.deepStrictEqual(found(typo, '2026年，建成20个500千伏输变电工程，办好屈原故里端午文化节。'), []);
    assert.deepStrictEqual(found(typo, '2024年，坚持社会统筹与个人帐户相结合，培养杰出人材。'), ['帐户', '人材']);
  });

  it('reports the longest of overlapping wrong forms once', () => {
    const f = found(typo, '我们要再接再励。');
    assert.deepStrictEqual(f, ['再接再励']);
  });
});

describe('unpaired-punctuation', () => {
  it('takes a quotation over paragraphs the Chinese way, and a short quote at a paragraph start as no continuation', () => {
    assert.deepStrictEqual(found(unpairedPunctuation, '　　“第一段。\n\n　　“第二段。\n\n　　“第三段。”\n'), []);
    assert.deepStrictEqual(found(unpairedPunctuation, '　　他说：“第一段。\n\n　　“四人帮”是反革命。\n'), ['“']);
    assert.deepStrictEqual(found(unpairedPunctuation, '　　他说：“第一段。\n\n　　第二段。\n'), ['“']);
  });

  it('lets a line cut in mid-sentence close its marks on the next two lines, not a finished paragraph', () => {
    assert.deepStrictEqual(found(unpairedPunctuation, '国务院已经发布《\n关于扩大企业自主权的规定\n》，在十个方面扩大了自主权。\n'), []);
    assert.deepStrictEqual(found(unpairedPunctuation, '国务院已经发布《关于扩大企业自主权的规定。\n》\n'), ['《', '》']);
  });

  it('reports crossed marks once, a quote closed by the other quote once, and single quotes outside double ones', () => {
    assert.deepStrictEqual(found(unpairedPunctuation, '根据（《规定）》执行。'), ['《']);
    assert.deepStrictEqual(found(unpairedPunctuation, '而“六五’时期增长更快。'), ['’']);
    assert.deepStrictEqual(found(unpairedPunctuation, '他说：‘要坚持“两个毫不动摇”。’'), ['‘']);
    assert.deepStrictEqual(found(unpairedPunctuation, '他说：“要坚持‘两个毫不动摇’。”「“引文‘内’”」'), []);
  });

  it('leaves apostrophes, item labels, smileys, code and link targets alone', () => {
    assert.deepStrictEqual(found(unpairedPunctuation, 'Xi’an 和 People’s Daily；1）可读性；a）维护性；好的：）`（`[链接](https://a.cn/（)'), []);
  });
});

describe('repeated-word', () => {
  it('reports function words and words typed twice', () => {
    for (const [text, want] of [['我们的的工作', '的的'], ['完成了了任务', '了了'], ['在在全省', '在在'], ['我们是是', '是是'], ['进一步进一步加强', '进一步进一步'], ['我们我们一定', '我们我们']]) {
      assert.deepStrictEqual(found(repeatedWord, text as string), [want], text);
    }
  });

  it('leaves a reduplicated measure word and a name in a list alone, and still finds a doubled adverb (Hubei and Jilin 2026)', () => {
    // 届 is tagged an adverb (届时) but is a measure word (两届, 几届): 届届 is every one, as 个个.
    assert.deepStrictEqual(found(repeatedWord, '奥运会延续“届届见金”，亚运会、全运会奖牌数中部领先。'), []);
    // A short item of a 、 list is a name the dictionary lacks, not 莫 typed twice.
    assert.deepStrictEqual(found(repeatedWord, '启动向海、莫莫格、哈泥保护区生态保护修复。'), []);
    assert.deepStrictEqual(found(repeatedWord, '投资结构也也不合理，其余产品的质量都都不及去年。'), ['也也', '都都']);
  });

  it('takes a run of three copies or more as one slip, fixed to one copy at once', () => {
    assert.deepStrictEqual(found(repeatedWord, '我们的的的工作，进一步进一步进一步加强管理。'), ['的的的', '进一步进一步进一步']);
    const f = checkRule(repeatedWord, model('进一步进一步进一步加强管理。'));
    assert.deepStrictEqual(f.map((x) => [x.range.start.character, x.range.end.character, x.message, x.fixes?.[0]?.edits[0]?.newText]), [[0, 9, '"进一步" is written 3 times: "进一步进一步进一步".', '进一步']]);
    // An odd copy left after a doubling is the same slip: nothing is left to report after the fix.
    assert.deepStrictEqual(found(repeatedWord, '（一）标题标题标题标题标题'), ['标题标题标题标题标题']);
  });

  it('leaves reduplication, words that meet, numbers and names alone', () => {
    for (const text of ['常常', '天天向上', '人人参与', '研究研究再说', '一个个项目', '看看文件', '谢谢大家', '清清楚楚', '和和美美', '是是非非', '不甚了了', '工作作风', '为了了解情况', '达到目的的手段', '现在在哪里', '大学学报', '1.1.1节', '22日', '张婷婷主任', '一步一步', '……', '——']) {
      assert.deepStrictEqual(found(repeatedWord, text), [], text);
    }
  });
});

describe('number-style', () => {
  it('writes 〇 in Chinese-numeral years (a preferred fix), ○ alone at info', () => {
    const f = checkRule(numberStyle, model('二零二四年和二O二三年，一九九0年，一九八○年。'));
    assert.deepStrictEqual(f.map((x) => [x.fixes?.[0]?.edits[0]?.newText, x.fixes?.[0]?.preferred, x.severity]), [['二〇二四', true, undefined], ['二〇二三', true, undefined], ['一九九〇', true, undefined], ['一九八〇', true, 'info']]);
  });

  it('reports 零 in a year at info only in texts written before 1987 (the 〇 convention is of 1987)', () => {
    // The State Council report of 1959: 「同建国初期的一九五零年的一百七十亿元作比较」.
    const early = checkRule(numberStyle, model('一九五九年的计划。如果同建国初期的一九五零年的一百七十亿元作比较，一九五九年增长二点八倍。'));
    assert.deepStrictEqual(early.map((x) => [x.fixes?.[0]?.edits[0]?.newText, x.severity]), [['一九五〇', 'info']]);
    const late = checkRule(numberStyle, model('二〇二四年，二零二四年的计划，2024年。'));
    assert.deepStrictEqual(late.map((x) => [x.fixes?.[0]?.edits[0]?.newText, x.severity]), [['二〇二四', undefined]]);
  });

  it('takes a dash for spans of years, months and days and a wave dash for other ranges', () => {
    const f = checkRule(numberStyle, model('2021-2025年，1-6月，3-5年，2-3家，4.5%-5%。'));
    assert.deepStrictEqual(f.map((x) => x.fixes?.[0]?.edits[0]?.newText), ['—', '—', '～', '～', '～']);
  });

  it('leaves a grouping convention kept throughout a text alone, and reports it where it is a slip', () => {
    assert.deepStrictEqual(found(numberStyle, '粮食33，212万吨，增加2，737万吨，共4，900万吨。'), []);
    assert.deepStrictEqual(found(numberStyle, '完成投资6，600万元，总计123456万元。'), ['6，600']);
  });

  it('reports 、 between quoted items only where the text mostly writes them without it', () => {
    assert.deepStrictEqual(found(numberStyle, '按照“三个先行”、“两个并重”、“一个中心”的要求。'), []);
    assert.deepStrictEqual(found(numberStyle, '推动“A”“B”“C”融合，“D”、“E”品牌。'), ['、']);
  });
});

describe('proofreading rules together', () => {
  it('give one slip one finding', () => {
    const rules = (text: string): string[] => analysed(text).findings.map((f) => f.rule.id);
    assert.deepStrictEqual(rules('各项工作取得新进展。。。\n'), ['number-style']);
    assert.deepStrictEqual(rules('各项工作，，取得新进展。\n'), ['repeated-word']);
    assert.deepStrictEqual(rules('一年来...各项工作取得新进展。\n'), ['number-style']);
  });

  it('fix-all applies the typo, the repeated mark and the 〇, and leaves the writer the rest', () => {
    const text = '二零二四年，我们再接再励，，推动3-5个项目落地，的的确确。他说“好’。\n';
    const fixed = fixAllOf(model(text), DEFAULT_CONFIG).model.text;
    assert.strictEqual(fixed, '二〇二四年，我们再接再厉，推动3-5个项目落地，的的确确。他说“好’。\n');
  });
});

describe('the Proofreading view', () => {
  it('groups exactly the rules tagged proofreading', () => {
    assert.deepStrictEqual(PROOFREADING_RULES.map((r) => r.id).sort(), RULES.filter((r) => r.tags.includes('proofreading')).map((r) => r.id).sort());
  });
});
