import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { buildModel, DEFAULT_CONFIG, runRules } from '../../server/src/engine';
import { completion } from '../../server/src/engine/features/completion';
import { REPORT_TEMPLATES } from '../../common/templates';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const real = (name: string): string => fs.readFileSync(path.join(REAL, name), 'utf8');

/** Completion at the `|` in `text` (the bar is removed). */
function at(text: string): CompletionItem[] {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0, 'no cursor');
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  const model = buildModel({ text: clean });
  return completion(model, model.index.positionAt(offset));
}
const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);
/** Completion on a new blank line inserted before 0-based `line` of a real report. */
function onNewLine(text: string, line: number): CompletionItem[] {
  const lines = text.split('\n');
  lines.splice(line, 0, '');
  const model = buildModel({ text: lines.join('\n') });
  return completion(model, { line, character: 0 });
}

const DOC = ['一、加强学习', '', '（一）理论学习。全年集中学习24次。', '', '二、履职尽责', '', '（一）办文。正文。', '（二）办会。正文。', '（三）督查。正文。', ''].join('\n');

describe('writing: completion of the next marker', () => {
  it('offers （四） after a （三） section, then the next level-1 marker, then the first child', () => {
    const items = at(DOC + '|');
    assert.deepStrictEqual(labels(items), ['（四）', '三、', '1.']);
    assert.strictEqual(items[0]?.preselect, true);
    assert.ok((items[0]?.sortText ?? '') < (items[1]?.sortText ?? ''));
    assert.deepStrictEqual((items[0]?.textEdit as TextEdit).range, { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } });
  });

  it('offers the first child first right under a heading that has no body yet', () => {
    assert.deepStrictEqual(labels(at('一、加强学习\n|')), ['（一）', '二、']);
    assert.deepStrictEqual(labels(at('一、加强学习\n\n（一）理论学习\n\n|')), ['1.', '（二）', '二、']);
    assert.deepStrictEqual(labels(at('一、甲\n（一）乙\n1. 丙\n|')), ['（1）', '2.', '（二）', '二、']);
  });

  it('continues level 4, circled and decimal numbering', () => {
    assert.deepStrictEqual(labels(at('一、甲\n（一）乙\n1. 丙\n（1）丁。正文。\n|')), ['（2）', '2.', '（二）', '二、']);
    assert.deepStrictEqual(labels(at('一、甲\n① 乙。正文。\n|')), ['②', '二、']);
    assert.deepStrictEqual(labels(at('1.1 背景\n\n正文。\n\n|')), ['1.2', '1.1.1']);
  });

  it('offers 一、 at the start of a document body without headings', () => {
    assert.deepStrictEqual(labels(at('现将有关情况报告如下：\n|')), ['一、']);
  });

  it('filters by what has been typed and replaces it, after indentation', () => {
    const items = at(DOC + '　　（|');
    assert.deepStrictEqual(labels(items), ['（四）']);
    assert.deepStrictEqual((items[0]?.textEdit as TextEdit).range, { start: { line: 9, character: 2 }, end: { line: 9, character: 3 } });
    assert.deepStrictEqual(labels(at(DOC + '三|')), ['三、']);
    // The closing bracket an editor auto-inserts after 「（」 is replaced too.
    const closed = at(DOC + '（|）');
    assert.deepStrictEqual(labels(closed), ['（四）']);
    assert.deepStrictEqual((closed[0]?.textEdit as TextEdit).range, { start: { line: 9, character: 0 }, end: { line: 9, character: 2 } });
  });

  it('follows the document\'s own style and Markdown headings', () => {
    assert.deepStrictEqual(labels(at('一、甲\n1、乙。正文。\n2、丙。正文。\n|')), ['3、', '二、', '（1）']);
    assert.deepStrictEqual(labels(at('## 一、概述\n\n正文。\n\n|')), ['## 二、', '（一）']);
    assert.deepStrictEqual(labels(at('一、甲\n\n（一）乙\n\n正文。\n\n二、丙\n\n|')), ['（一）', '三、']);
  });

  it('continues 第一，/第二，/第三， sections of the 1980 report', () => {
    // The line before 「第四，」 (0-based 52), at the end of the 第三， section with its body.
    const items = onNewLine(real('1980-state-council-government-work-report.txt'), 51);
    assert.deepStrictEqual(labels(items).slice(0, 2), ['第四，', '二、']);
  });

  it('continues the real seed report: （五） after its （四）, then 二、', () => {
    const items = onNewLine(real('2023-county-office-shuzhi-report.txt'), 7);
    assert.deepStrictEqual(labels(items).slice(0, 2), ['（五）', '二、']);
  });

  it('offers nothing inside code blocks, tables, front matter, a heading\'s marker or mid-word', () => {
    assert.deepStrictEqual(at('一、甲\n\n```\n|\n```\n'), []);
    assert.deepStrictEqual(at('一、甲\n\n| 项目 | 数量 |\n| --- | --- |\n| |甲 | 1 |\n'), []);
    assert.deepStrictEqual(at('---\ntitle: 报告\n|\n---\n\n一、甲\n'), []);
    assert.deepStrictEqual(at('一、甲\n|（一）乙\n'), []);
    assert.deepStrictEqual(at('一、甲\n这是一|段正文\n'), []);
  });
});

describe('writing: completion of inline enumerations', () => {
  it('offers 三是 after 一是……二是……', () => {
    const items = at('四、下一步工作打算\n下阶段：一是加强队伍建设；二是发挥参谋作用；|');
    assert.deepStrictEqual(labels(items), ['三是']);
  });

  it('replaces a partly typed marker and offers 二是 after a single 一是', () => {
    const items = at('下阶段：一是加强队伍建设；二是发挥参谋作用；三|');
    assert.deepStrictEqual(labels(items), ['三是']);
    assert.deepStrictEqual((items[0]?.textEdit as TextEdit).range, { start: { line: 0, character: 22 }, end: { line: 0, character: 23 } });
    assert.deepStrictEqual(labels(at('下阶段：一是加强队伍建设；|')), ['二是']);
  });

  it('continues the seed report\'s run-in enumeration and the other families', () => {
    const seed = real('2023-county-office-shuzhi-report.txt').split('\n');
    const line = seed[21] ?? '';
    const model = buildModel({ text: seed.join('\n') });
    assert.deepStrictEqual(labels(completion(model, { line: 21, character: line.length })), ['四是']);
    assert.deepStrictEqual(labels(at('具体来说：第一，抓学习；第二，抓落实；|')), ['第三，']);
    assert.deepStrictEqual(labels(at('包括：（1）甲；（2）乙；|')), ['（3）']);
    assert.deepStrictEqual(labels(at('首先，统一思想；其次，完善机制；|')), ['再次，']);
  });

  it('offers 四是 first on a new paragraph after the Hailar report\'s 一是/二是/三是 paragraphs', () => {
    const items = onNewLine(real('2016-hailar-government-work-report.txt'), 87);
    assert.strictEqual(items[0]?.label, '四是');
  });

  it('offers nothing in the middle of a clause or after an unrelated paragraph', () => {
    assert.deepStrictEqual(at('下阶段：一是加强队伍建设；二是发挥|参谋作用；'), []);
    assert.deepStrictEqual(labels(at('一、甲\n一是甲；二是乙。\n\n另起一段正文。|')), []);
  });
});

describe('writing: skeletons in an empty document', () => {
  it('offers every skeleton as a snippet in an empty document, and none elsewhere', () => {
    const items = at('\n|\n');
    assert.deepStrictEqual(labels(items), REPORT_TEMPLATES.map((t) => t.name));
    assert.ok(items.every((i) => i.insertTextFormat === 2 && (i.textEdit as TextEdit).newText.includes('${')));
    assert.ok(labels(items).includes('述职述德述廉报告'));
    assert.ok(!labels(at('一、甲\n|')).includes('述职述德述廉报告'));
  });
});

describe('writing: completion and renumbering write markers alike', () => {
  it('the next marker after full-width digits keeps the width, as the renumbering fix does', () => {
    const offered = labels(at('一、工作回顾\n１、抓学习。正文。\n２、抓落实。正文。\n|'));
    assert.ok(offered.includes('３、') && !offered.includes('3、'), offered.join(' '));
    // numbering-sequence's fix for 「１、」「３、」 renumbers to 「２、」: the same width.
    const model = buildModel({ text: '一、工作回顾\n１、抓学习\n３、抓落实\n' });
    const fix = runRules(model, DEFAULT_CONFIG).find((d) => d.rule.id === 'numbering-sequence')?.finding.fixes?.[0];
    assert.deepStrictEqual(fix?.edits.map((e) => e.newText), ['２、']);
  });

  it('a new sibling of 「（一）、」 leaves out the stray 、; of a decimal heading counts its last part', () => {
    assert.ok(labels(at('一、总体\n（一）、学习\n正文。\n|')).includes('（二）'));
    assert.ok(labels(at('## 1 项目进展\n### 1.1 社区\n正文。\n|')).includes('### 1.2'));
  });
});
