/**
 * The outline of Markdown written by hand (tests/fixtures/markdown/, with truth/*.json), and the
 * points of issue 15 one by one: inline Markdown is not part of a title, 「？」 titles are whole lines,
 * decimal chapters written with a space, setext headings where the document uses them, what is never
 * a heading, and `#` numbering over deeper levels.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { runRules } from '../../server/src/engine/diagnostics';
import { exportBlocks, runsText } from '../../server/src/engine/features/export/blocks';
import { flatHeadings } from '../../server/src/engine/features/outline';
import { renderDocument } from '../../server/src/engine/features/render/render';
import { documentSymbols } from '../../server/src/engine/features/symbols';
import { buildModel } from '../../server/src/engine/model/parse';

const ROOT = path.join(__dirname, '..', '..');
const MD = path.join(ROOT, 'tests', 'fixtures', 'markdown');
const headingsOf = (text: string): string[] => flatHeadings(buildModel({ text })).map((h) => `${h.line}|${h.level}|${h.marker}|${h.title}${h.runin ? '|runin' : ''}`);

interface Truth {
  title?: { text: string; line: number };
  outline: Array<{ level: number; number: string; marker: string; title: string; line: number; runin: boolean }>;
}

describe('outline of the hand-written Markdown reports equals truth/*.json', () => {
  const files = fs.readdirSync(MD).filter((f) => f.endsWith('.report.md')).sort();
  it('has the Markdown fixtures', () => assert.ok(files.length >= 4));
  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(MD, file), 'utf8');
      const truth = JSON.parse(fs.readFileSync(path.join(MD, 'truth', file.replace(/\.report\.md$/, '.json')), 'utf8')) as Truth;
      const model = buildModel({ text, uri: `file:///${file}` });
      assert.deepStrictEqual(flatHeadings(model), truth.outline);
      assert.strictEqual(model.title?.text, truth.title?.text);
      assert.strictEqual((model.title?.line ?? -1) + 1, truth.title?.line);
    });
    it(`${file}: every rule is quiet on it`, () => {
      const text = fs.readFileSync(path.join(MD, file), 'utf8');
      const found = runRules(buildModel({ text, uri: `file:///${file}` }), DEFAULT_CONFIG).map((d) => `${d.rule.id} ${d.finding.range.start.line + 1}:${d.finding.range.start.character + 1} ${d.finding.message}`);
      assert.deepStrictEqual(found, []);
    });
  }
});

describe('outline: inline Markdown is not part of a title', () => {
  const text = '# 年度总结\n\n## 2. **重点工作**\n\n### `report-check` 命令行\n\n### [导出](https://example.com/export "导出说明") 与 *预览*\n\n**（一）加强学习。**认真学习了……\n';
  const model = buildModel({ text, uri: 'file:///t.report.md' });

  it('gives the rendered text as the title, with the source range of the text', () => {
    assert.deepStrictEqual(headingsOf(text), ['3|2|2.|重点工作', '5|3||report-check 命令行', '7|3||导出 与 预览', '9|4|（一）|加强学习|runin']);
    const h = model.headings[0];
    assert.deepStrictEqual(h?.titleRange, { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } });
    const bold = model.headings[3];
    assert.deepStrictEqual(bold?.markerRange, { start: { line: 8, character: 2 }, end: { line: 8, character: 5 } });
    assert.deepStrictEqual(bold?.headingRange, { start: { line: 8, character: 2 }, end: { line: 8, character: 12 } });
  });

  it('in document symbols, the CLI JSON, the preview and the export alike', () => {
    const symbols = documentSymbols(model);
    assert.deepStrictEqual([symbols[0]?.name, ...(symbols[0]?.children ?? []).map((s) => s.name)], ['2.重点工作', 'report-check 命令行', '导出 与 预览']);
    assert.ok(renderDocument(model).html.includes('<strong>重点工作</strong>'));
    const heading = exportBlocks(model).find((b) => b.kind === 'heading' && b.line === 2);
    assert.strictEqual(heading && heading.kind === 'heading' ? runsText(heading.heading) : '', '2. 重点工作');
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', '-'], { input: text, encoding: 'utf8' });
    const out = JSON.parse(cli.stdout) as { files: Array<{ outline: Array<{ title: string; children: Array<{ title: string }> }> }> };
    assert.strictEqual(out.files[0]?.outline[0]?.title, '重点工作');
  });
});

describe('outline: a title that ends with ？ or ！ is the whole line', () => {
  it('as a # heading and on a line of its own', () => {
    assert.deepStrictEqual(headingsOf('## 三、明年还能做什么？\n'), ['1|2|三、|明年还能做什么？']);
    assert.deepStrictEqual(headingsOf('一、总体\n2、为什么要重写？\n'), ['1|1|一、|总体', '2|3|2、|为什么要重写？']);
    // Two questions: one title, not a run-in heading cut at the first 「？」.
    assert.deepStrictEqual(headingsOf('（二）为什么要重写？为什么是现在？\n'), ['1|2|（二）|为什么要重写？为什么是现在？']);
    assert.deepStrictEqual(headingsOf('## （二）为什么要重写？旧模块已经停止维护\n'), ['1|2|（二）|为什么要重写？旧模块已经停止维护']);
    // Body text after a question title is still run-in.
    assert.deepStrictEqual(headingsOf('（二）为什么要重写？旧模块已经停止维护。\n'), ['1|2|（二）|为什么要重写？|runin']);
  });
});

describe('outline: decimal chapters written with a space', () => {
  it('are numbered headings of their # level, over their 1.1 sections', () => {
    const text = '# 项目报告\n\n## 1 项目进展\n\n### 1.1 核心功能\n\n### 1.2 发布\n\n## 2 社区建设\n\n### 2.1 贡献者\n';
    assert.deepStrictEqual(headingsOf(text), ['3|2|1|项目进展', '5|3|1.1|核心功能', '7|3|1.2|发布', '9|2|2|社区建设', '11|3|2.1|贡献者']);
    const m = buildModel({ text });
    assert.deepStrictEqual(m.headings[0]?.markerRange, { start: { line: 2, character: 3 }, end: { line: 2, character: 4 } });
    assert.strictEqual(m.headings[0]?.style, 'decimal');
    // Not in body text: 「1 项目进展」 there is a line that starts with a figure.
    assert.deepStrictEqual(headingsOf('1 个项目进展顺利。\n'), []);
  });
});

describe('outline: setext headings where the document uses them', () => {
  it('reads a title over === and sections over ---', () => {
    const text = '周报\n====\n\n本周完成\n--------\n\n迁移完毕。\n';
    const m = buildModel({ text });
    assert.strictEqual(m.title?.text, '周报');
    assert.deepStrictEqual(headingsOf(text), ['4|2||本周完成']);
    assert.strictEqual(m.lineKinds[4], 'hr');
  });

  it('not after a table row, under a sentence, or where --- closes front matter', () => {
    assert.deepStrictEqual(headingsOf('| 任务 | 状态 |\n|---|---|\n| 迁移 | 完成 |\n---\n'), []);
    assert.deepStrictEqual(headingsOf('| 任务 | 状态 |\n---\n'), []);
    assert.deepStrictEqual(headingsOf('这一段是备注，不是标题。\n------\n'), []);
    const fm = buildModel({ text: '---\ntitle: 年度总结\n---\n正文。\n' });
    assert.deepStrictEqual(flatHeadings(fm), []);
    assert.strictEqual(fm.title?.text, '年度总结');
    // A front matter that does not start the document: its lines are no headings either.
    assert.deepStrictEqual(headingsOf('\n---\ntitle: 年度总结\n---\n正文。\n'), []);
  });
});

describe('outline: what is never a heading', () => {
  it('version numbers and dotted identifiers at the start of a line', () => {
    assert.deepStrictEqual(headingsOf('## 1 发布\n\n2.4.0 版本发布，修复了若干问题。\n\n2.4.1 版本修复了若干问题。\n\n1.2.3-beta 已经可用。\n'), ['1|2|1|发布']);
    // A decimal section title is one.
    assert.deepStrictEqual(headingsOf('## 2 发布\n\n### 2.4 版本\n\n2.4.1 修复\n'), ['1|2|2|发布', '3|3|2.4|版本', '5|4|2.4.1|修复']);
    assert.deepStrictEqual(headingsOf('1.1 背景\n\n正文。\n'), ['1|2|1.1|背景']);
  });

  it('numbered lines in code blocks, HTML blocks, tables and block quotes', () => {
    const text = '一、概况\n\n```\n1、代码\n```\n\n<div>\n（一）HTML 里的行\n</div>\n\n| 1、表里 | 2 |\n|---|---|\n| （二）表里 | 3 |\n\n> （三）引用\n\n二、下一步\n';
    assert.deepStrictEqual(headingsOf(text), ['1|1|一、|概况', '17|1|二、|下一步']);
  });

  it('items of an ordered list in a Markdown document', () => {
    assert.deepStrictEqual(headingsOf('## 评审\n\n1. 边界条件\n2. 日志字段\n'), ['1|2||评审']);
    // In text pasted from Word, or under a `#` title only, 「1. 丙」 is a heading.
    assert.deepStrictEqual(headingsOf('一、甲\n（一）乙\n1. 丙\n'), ['1|1|一、|甲', '2|2|（一）|乙', '3|3|1.|丙']);
    assert.deepStrictEqual(headingsOf('# 述职报告\n\n一、甲\n\n（一）乙\n\n1. 丙\n'), ['3|1|一、|甲', '5|2|（一）|乙', '7|3|1.|丙']);
  });

  it('numbered full sentences one per line: a list, not headings', () => {
    const text = '一、今年的工作\n正文。\n二、明年的工作任务\n明年重点做好以下工作。\n一、完成系统迁移，保证业务平稳。\n二、补齐监控告警，缩短恢复时间。\n三、整理运维文档，方便新人上手。\n三、需要的支持\n正文。\n';
    assert.deepStrictEqual(headingsOf(text), ['1|1|一、|今年的工作', '3|1|二、|明年的工作任务', '8|1|三、|需要的支持']);
    // Headings that end with 「。」 over text of their own stay headings (the 2004 report's 「第一，」 sections).
    assert.deepStrictEqual(headingsOf('第一，保护粮食生产能力。\n正文。\n第二，推进结构调整。\n正文。\n'), ['1|2|第一，|保护粮食生产能力', '3|2|第二，|推进结构调整']);
    // Items ending with 「；」, the last with 「。」.
    assert.deepStrictEqual(headingsOf('（一）甲\n一、物资消耗高的企业；\n二、产品积压的企业；\n三、落后企业。\n'), ['1|2|（一）|甲']);
  });
});

describe('outline: a # heading\'s numbering continues across deeper levels', () => {
  it('## 1、, ### 1.1, #### 1、–3、, ## 2、: 1、 then 2、 at level 2, no gap reported', () => {
    const text = '# 总结\n\n## 1、项目\n\n### 1.1 重构\n\n#### 1、拆分\n\n#### 2、重写\n\n#### 3、测试\n\n## 2、团队\n';
    assert.deepStrictEqual(headingsOf(text), ['3|2|1、|项目', '5|3|1.1|重构', '7|4|1、|拆分', '9|4|2、|重写', '11|4|3、|测试', '13|2|2、|团队']);
    const seq = runRules(buildModel({ text }), DEFAULT_CONFIG).filter((d) => d.rule.id === 'numbering-sequence' || d.rule.id === 'numbering-style');
    assert.deepStrictEqual(seq.map((d) => d.finding.message), []);
  });

  it('numbered lines nest under the # section they are in', () => {
    assert.deepStrictEqual(headingsOf('## 一、概况\n\n（一）学习\n\n1.集中学习\n\n## 二、问题\n'), ['1|2|一、|概况', '3|3|（一）|学习', '5|4|1.|集中学习', '7|2|二、|问题']);
    assert.deepStrictEqual(headingsOf('## 工作回顾\n\n一、学习\n\n（一）集中学习\n'), ['1|2||工作回顾', '3|3|一、|学习', '5|4|（一）|集中学习']);
  });

  it('「第一，」 sections with （一） items under them: two levels', () => {
    const text = '三、加快经济建设\n第一，全国动员，大办农业\n正文。\n（一）抓好两头\n（二）开垦荒地\n第二，加快发展基础工业\n正文。\n四、繁荣科学教育\n';
    assert.deepStrictEqual(headingsOf(text), ['1|1|三、|加快经济建设', '2|2|第一，|全国动员，大办农业', '4|3|（一）|抓好两头', '5|3|（二）|开垦荒地', '6|2|第二，|加快发展基础工业', '8|1|四、|繁荣科学教育']);
  });
});

describe('outline: an ordered item nested in another list is a list item', () => {
  it('reads 「    3. ……」 under a bullet 「- 2. ……」 of a `#` document as the bullet list\'s items', () => {
    const text = '# 2022 年终总结\n\n## 清单\n\n- 1. 读完《C++ Primer》\n- 2. 二次开发入门\n    3. ObjectARX 的实体与反应器\n    4. 自定义对象\n- 5. 写了三篇博客\n\n## 明年计划\n\n继续学习。\n';
    assert.deepStrictEqual(headingsOf(text), ['3|2||清单', '11|2||明年计划']);
    assert.deepStrictEqual(runRules(buildModel({ text, uri: 'file:///t.report.md' }), DEFAULT_CONFIG).map((d) => d.rule.id), []);
  });

  it('does so in text without `#` sections when the outer list is a bullet list', () => {
    const text = '一、学习情况\n\n- 已完成：\n  1. 读书\n  2. 写作\n\n二、下步打算\n\n继续学习。\n';
    assert.deepStrictEqual(headingsOf(text), ['1|1|一、|学习情况', '7|1|二、|下步打算']);
  });

  it('keeps indented numbered headings of pasted text, which no list holds', () => {
    const text = '一、总体情况\n    1. 经济运行\n全年经济平稳。\n    2. 社会事业\n各项事业全面进步。\n';
    assert.deepStrictEqual(headingsOf(text), ['1|1|一、|总体情况', '2|3|1.|经济运行', '4|3|2.|社会事业']);
  });
});
