/**
 * Issue 15, the rules: one finding for a document's own non-standard style, lists told from headings,
 * 「？」 titles, 第一步/第一条 enumerations, the inline-syntax mask, invisible characters by name and
 * a document full of them as one finding.
 */
import * as assert from 'assert';
import { setLanguage, t } from '../../server/src/engine/i18n';
import { MASKED, mayHaveInlineSyntax, maskInlineSyntax } from '../../server/src/engine/model/inline-syntax';
import { applyFirstFix, findings, where } from './structure-helpers';

const visible = (s: string): string => s.split(MASKED).join('·');

describe('numbering-style: a document\'s own non-standard style is one finding', () => {
  before(() => setLanguage('en'));
  const R = 'numbering-style';

  it('every level-2 heading written (一): one warning on the first, with a fix for all', () => {
    const text = '一、基本情况\n(一)调研对象\n正文。\n(二)调研方法\n正文。\n二、主要发现\n(一)评审工具好用\n正文。\n(二)环境搭建太慢\n正文。\n';
    const found = findings(R, text);
    assert.strictEqual(found.length, 1);
    assert.deepStrictEqual(where(text, found[0]!), [2, '(一)']);
    assert.strictEqual(found[0]!.finding.message, 'This document writes "（一）" as "(一)" throughout (4 headings, half-width brackets around a Chinese numeral): write "（一）".');
    assert.strictEqual(found[0]!.finding.fixes?.[0]?.preferred, true);
    const fixed = applyFirstFix(text, found[0]!);
    assert.strictEqual(fixed, text.replace(/\((.)\)/g, '（$1）'));
    assert.deepStrictEqual(findings(R, fixed), []);
  });

  it('every level-1 heading written 一.: one warning', () => {
    const text = '2023年度工作总结\n一.主要工作\n正文。\n二.存在问题\n正文。\n三.下一步打算\n正文。\n';
    const found = findings(R, text);
    assert.deepStrictEqual(found.map((d) => where(text, d)), [[2, '一.']]);
    assert.match(found[0]!.finding.message, /writes "一、" as "一\." throughout \(3 headings/);
    assert.strictEqual(applyFirstFix(text, found[0]!), text.replace(/([一二三])\./g, '$1、'));
  });

  it('an odd one among standard siblings, or two different flaws, each get their own warning', () => {
    const odd = '二、主要发现\n（一）甲\n（二）乙\n(三)丙\n（四）丁\n';
    assert.deepStrictEqual(findings(R, odd).map((d) => where(odd, d)), [[4, '(三)']]);
    const two = '一.甲\n二，乙\n';
    assert.deepStrictEqual(findings(R, two).map((d) => where(two, d)), [[1, '一.'], [2, '二，']]);
  });

  it('the 1958 report\'s full-width （１）…（１０）: one warning', () => {
    const fullWidth = (n: number): string => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const text = '第五、关于文化教育\n' + Array.from({ length: 10 }, (_v, i) => `\u3000\u3000（${fullWidth(i + 1)}）继续发展群众办学，形式多样。正文。`).join('\n') + '\n';
    const found = findings(R, text);
    assert.strictEqual(found.length, 1);
    assert.match(found[0]!.finding.message, /writes "（1）" as "（１）" throughout \(10 headings, full-width digits\)/);
  });
});

describe('heading-punctuation: lists and question titles', () => {
  before(() => setLanguage('en'));
  const R = 'heading-punctuation';

  it('a title ending with ？ among titles without punctuation is no inconsistency', () => {
    assert.deepStrictEqual(findings(R, '## 一、项目进展\n\n## 二、团队协作\n\n## 三、明年还能做什么？\n'), []);
    assert.deepStrictEqual(findings(R, '一、甲\n1、为什么要重写\n正文。\n2、为什么要重写？\n正文。\n3、重写了哪些部分\n正文。\n'), []);
  });

  it('names the mark its siblings end with', () => {
    const text = '三、加强政府自身建设\n第一，推进政府职能转变。\n正文。\n第二，坚持科学民主决策。\n正文。\n第三，全面推行依法行政\n正文。\n';
    const found = findings(R, text);
    assert.deepStrictEqual(found.map((d) => [where(text, d), d.finding.message]), [[[6, '第三，全面推行依法行政'], 'This heading has no "。" at the end but its 2 sibling headings do.']]);
    assert.strictEqual(found[0]!.finding.fixes?.[0]?.title, 'Add "。" at the end of the heading');
  });

  it('a run of numbered full sentences ending with 。, one per line, is a list', () => {
    const text = '一、今年的工作\n正文。\n二、明年的工作任务\n明年重点做好以下工作。\n一、完成系统迁移，保证业务平稳。\n二、补齐监控告警，缩短恢复时间。\n三、整理运维文档，方便新人上手。\n三、需要的支持\n正文。\n';
    assert.deepStrictEqual(findings(R, text), []);
    assert.deepStrictEqual(findings('numbering-sequence', text), []);
  });

  it('a # heading at level 1 by its marker ending with 。 is still found', () => {
    const text = '# 总结\n\n## 一、项目进展\n\n正文。\n\n## 二、团队协作。\n\n正文。\n';
    assert.deepStrictEqual(findings(R, text).map((d) => where(text, d)), [[7, '二、团队协作。']]);
  });
});

describe('enumeration-sequence: 第一步, 第一条, 第一批, 第一点', () => {
  before(() => setLanguage('en'));
  const R = 'enumeration-sequence';

  it('start a 第一 sequence that 第二， continues', () => {
    assert.deepStrictEqual(findings(R, '发布分三步走：第一步，冻结代码；第二步，回归测试；第三步，灰度发布。\n'), []);
    assert.deepStrictEqual(findings(R, '值班有三条要求：第一条，十五分钟内响应；第二，三天内复盘；第三，落实到任务单。\n'), []);
    assert.deepStrictEqual(findings(R, '分两批推进：第一批，完成试点；第二批，全面推开。\n'), []);
    assert.deepStrictEqual(findings(R, '讲三点意见：第一点，统一思想；第二点，明确责任；第三点，狠抓落实。\n'), []);
  });

  it('and a slip among them is found at its marker', () => {
    const text = '发布分三步走：第一步，冻结代码；第二步，回归测试；第四步，灰度发布。\n';
    const found = findings(R, text);
    assert.deepStrictEqual(found.map((d) => [where(text, d), d.finding.message]), [[[1, '第四步，'], 'The enumeration skips a number: expected "第三步" here, found "第四步".']]);
    assert.strictEqual(applyFirstFix(text, found[0]!), text.replace('第四步', '第三步'));
  });
});

describe('inline-syntax mask: Markdown syntax is not prose', () => {
  it('keeps the length and masks link and image syntax, titles, code, autolinks, emphasis', () => {
    const cases: Array<[string, string]> = [
      ['见[说明](https://x.cn/a "说明:二")。', '见·说明························。'],
      ['图![架构(v2)](a(1).png)。', '图··架构(v2)···········。'],
      ['运行 `a:b, c` 即可', '运行 ········ 即可'],
      ['这是**重点**,然后', '这是··重点··,然后'],
      ['见[文档][docs]。', '见·文档·······。'],
      ['访问 <https://x.cn/?a=1> 或', '访问 ··················· 或'],
      ['- [x] 完成', '- ··· 完成'],
      ['<span title="a:b">字</span>', '··················字·······'],
      ['脚注[^1]。', '脚注····。'],
      ['转义\\(不是括号', '转义·(不是括号'],
    ];
    for (const [text, want] of cases) {
      const masked = maskInlineSyntax(text);
      assert.strictEqual(masked.length, text.length, text);
      assert.strictEqual(visible(masked), want, text);
    }
    assert.strictEqual(visible(maskInlineSyntax('[docs]: https://x.cn/d "说明(二)"')), '·'.repeat(30));
    // A line with none of the characters syntax needs is all prose, and is returned as it is.
    assert.strictEqual(mayHaveInlineSyntax('一年来，我紧紧围绕全局中心工作（见附件），认真履行岗位职责。'), false);
    for (const [text] of cases) assert.strictEqual(mayHaveInlineSyntax(text), true, text);
    assert.strictEqual(visible(maskInlineSyntax('[^1]: 数据来源：统计局。')), '····· 数据来源：统计局。');
  });

  it('punctuation-width is quiet on that syntax and still finds half-width marks in the prose of a link', () => {
    const quiet = '详见[使用说明](https://example.com/docs "使用说明:第二版")，运行 `a:b` 即可。\n![图](a(1).png "图:一")\n';
    assert.deepStrictEqual(findings('punctuation-width', quiet), []);
    const text = '详见[年度报告,第二版](https://example.com/r)。\n';
    assert.deepStrictEqual(findings('punctuation-width', text).map((d) => where(text, d)), [[1, ',']]);
  });
});

describe('stray-marker: invisible characters by name, and a document full of them', () => {
  before(() => setLanguage('en'));
  const R = 'stray-marker';

  it('names the character it found', () => {
    const found = findings(R, '线上故障\u200d2 次。\n');
    assert.strictEqual(found[0]?.finding.message, 'Invisible character "zero-width joiner" (U+200D) pasted into the text.');
    assert.match(findings(R, '正文\u200b\u2060继续\n')[0]?.finding.message ?? '', /"zero-width space" \(U\+200B\), "word joiner" \(U\+2060\)/);
    setLanguage('zh');
    try {
      assert.strictEqual(findings(R, '线上故障\u200d2 次。\n')[0]?.finding.message, `正文中混入了不可见字符“${t('zero-width joiner')}”（U+200D）。`);
      assert.strictEqual(t('zero-width joiner'), '零宽连字');
    } finally {
      setLanguage('en');
    }
  });

  it('leaves the joiners of emoji alone', () => {
    assert.deepStrictEqual(findings(R, '徽章是 👩\u200d💻，标志是 👨\u200d👩\u200d👧 和 🏳\ufe0f\u200d🌈。\n'), []);
  });

  it('one finding, with one fix, for a document with one on every paragraph', () => {
    const paras = ['一年来认真履行岗位职责。', '全年发布十四个版本。', '单元测试覆盖率明显提高。', '今年带了两位新同事。', '读完了两本书。', '明年计划接入值班系统。'];
    const text = paras.map((p) => p.slice(0, 3) + '\u200b' + p.slice(3)).join('\n') + '\n';
    const found = findings(R, text);
    // The summary, then each place as a hint (faint in the editor, not counted as a problem).
    assert.strictEqual(found.length, 6);
    assert.deepStrictEqual(found.map((f) => f.severity), ['error', 'hint', 'hint', 'hint', 'hint', 'hint']);
    assert.ok(found.slice(1).every((f) => !f.finding.fixes?.some((x) => x.preferred)), 'fix-all applies the summary, not each place');
    assert.deepStrictEqual(found[0]!.finding.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } });
    assert.strictEqual(found[0]!.finding.message, '6 invisible characters ("zero-width space" (U+200B)) pasted into 6 of the 6 paragraphs of this document.');
    assert.strictEqual(applyFirstFix(text, found[0]!), paras.join('\n') + '\n');
    // A few are found one by one, as errors.
    const few = text.split('\n').slice(0, 2).join('\n') + '\n' + '正文。\n'.repeat(20);
    assert.deepStrictEqual(findings(R, few).map((f) => f.severity), ['error', 'error']);
    // Many in a long document (a Wikisource copy has one in a paragraph here and there) are one finding too.
    const scattered = Array.from({ length: 40 }, (_, i) => (i % 6 === 0 ? '一年来认\u200b真履行职责。' : '正文。')).join('\n') + '\n';
    assert.deepStrictEqual(findings(R, scattered).filter((f) => f.severity !== 'hint').length, 1);
  });
});
