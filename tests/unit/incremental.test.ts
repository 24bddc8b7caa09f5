import * as assert from 'assert';
import fc from 'fast-check';
import { buildModel, DEFAULT_CONFIG, documentSymbols, foldingRanges, releaseDerived, runRules, type ReportModel } from '../../server/src/engine';
import { figuresOf } from '../../server/src/engine/model/figures';
import { sentencesOf } from '../../server/src/engine/model/statements';
import { breakdownsOf } from '../../server/src/engine/model/breakdown';
import { growthChecks } from '../../server/src/engine/rules/growth-mismatch';
import { bodyStartOf, reusedBlockTokens } from '../../server/src/engine/model/block-reuse';
import { generatedReport, REAL_REPORTS, textPiece, marker, text } from '../support/generators';

/**
 * Incremental analysis: a model built with `previous` (what the server does on every change)
 * reuses the paragraphs, figures and sentences the edit did not touch. Whatever it reuses, the
 * result must be exactly what a build from scratch gives.
 */

/** Everything the engine says about a model, as comparable JSON. */
function everything(model: ReportModel): string {
  return JSON.stringify({
    kinds: model.lineKinds,
    headings: model.headings,
    paragraphs: model.paragraphs.map((p) => [p.line, p.range, p.text, p.runinOf?.line]),
    enumerations: model.enumerations.map((e) => ({ ...e, section: e.section?.heading.line })),
    // (Every field of the Figure interface, read through it: a figure's line and ranges are read from its paragraph.)
    figures: figuresOf(model).all.map((f) => {
      const { text, numberText, number, multiplier, value, high, unit, per, kind, approx, qualifier, decimals, line, range, numberRange, source } = f;
      return { text, numberText, number, multiplier, value, high, unit, per, kind, approx, qualifier, decimals, line, range, numberRange, source, paragraph: f.paragraph ? [f.paragraph.line, f.paragraph.text] : undefined };
    }),
    sentences: sentencesOf(model).map((s) => [s.line, s.start, s.end, s.text, s.paragraph.line, s.clauses.map((c) => [c.start, c.end, c.text, c.delimiter, c.figures.map((f) => f.range)])]),
    breakdowns: breakdownsOf(model).map((b) => ({ ...b, sentence: [b.sentence.line, b.sentence.start] })),
    growth: growthChecks(model),
    diagnostics: runRules(model, DEFAULT_CONFIG),
    symbols: documentSymbols(model),
    folding: foldingRanges(model),
  });
}

/** A character edit: replace [from, from + remove) of the text with `insert` (offsets taken modulo the length). */
interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  insert: fc.oneof(fc.constant(''), textPiece, marker, fc.constantFrom('\n', '\r\n', '字', '，', '。', '3', '件', '一是', '\n\n')),
});

function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/**
 * Types the edits one after the other, each version built from the previous one as the server
 * builds it (taking over the paragraphs an edit moved), and compares with fresh builds.
 */
function typeAndCompare(start: string, edits: readonly Edit[]): void {
  let text = start;
  let previous = buildModel({ text });
  everything(previous); // analyse it fully, as the server does, so that there is something to reuse
  for (const e of edits) {
    text = apply(text, e);
    const incremental = buildModel({ text, previous, takeOver: true });
    assert.strictEqual(everything(incremental), everything(buildModel({ text })), `after editing to ${JSON.stringify(text.slice(0, 200))}`);
    previous = incremental;
  }
}

describe('incremental analysis', function () {
  this.timeout(120_000);

  it('gives what a fresh build gives, on generated reports edited at random', () => {
    fc.assert(fc.property(generatedReport(20), fc.array(edit, { minLength: 1, maxLength: 8 }), typeAndCompare), { numRuns: 300 });
  });

  it('gives what a fresh build gives, on the real reports edited at random', () => {
    fc.assert(fc.property(fc.constantFrom(...REAL_REPORTS), fc.array(edit, { minLength: 1, maxLength: 4 }), (r, edits) => typeAndCompare(r.text, edits)), { numRuns: 40 });
  });

  it('moves the breakdowns and growth statements of paragraphs that moved (lines above added, indents changed)', () => {
    const text = ['一、工作情况', '　　全年共受理信访事项120件，其中来信80件、来访40件。', '　　地区生产总值由100亿元增长到120亿元，增长20%。', '　　粮食产量由50万吨增加到100万吨，翻了一番。'].join('\n');
    const fresh = buildModel({ text });
    assert.ok(breakdownsOf(fresh).length > 0 && growthChecks(fresh).length >= 2, 'the text has breakdowns and growth statements');
    const at = text.indexOf('\n');
    typeAndCompare(text, [
      { at, remove: 0, insert: '\n新增一行。' }, // every paragraph below moves down a line
      { at: text.indexOf('全年') + 12, remove: 0, insert: '　' }, // (somewhere in the first paragraph, after the line above: its text changes)
      { at: 0, remove: 0, insert: '\n\n' },
      { at: 0, remove: 2, insert: '' },
    ]);
  });

  it('reuses the paragraphs an edit did not touch, and re-reads the one it did', () => {
    const text = REAL_REPORTS[0]?.text ?? '';
    const before = buildModel({ text });
    everything(before);
    const target = before.paragraphs[Math.floor(before.paragraphs.length / 2)];
    assert.ok(target);
    const lines = text.split('\n');
    lines[target.line] = `${lines[target.line] ?? ''}新增12件。`;
    const after = buildModel({ text: lines.join('\n'), previous: before });
    const reused = after.paragraphs.filter((p) => before.paragraphs.includes(p));
    assert.strictEqual(reused.length, after.paragraphs.length - 1);
    assert.ok(!before.paragraphs.includes(after.paragraphs.find((p) => p.line === target.line) as never));
    // The reused paragraphs keep their figures (the same objects), the edited one has its new figure.
    const reusedFigures = figuresOf(after).all.filter((f) => f.paragraph && f.paragraph !== after.paragraphs.find((p) => p.line === target.line));
    assert.ok(reusedFigures.every((f) => figuresOf(before).all.includes(f)));
    assert.ok(figuresOf(after).all.some((f) => f.line === target.line && f.text === '12件'));
  });

  it('takeOver: a paragraph an edit moved to another line is the same object there, with its figures, sentences and breakdowns, their ranges on the new line', () => {
    const text = ['一、总体情况', '　　全年共受理信访事项120件，其中来信80件、来访40件。', '（一）主要做法', '　　地区生产总值由100亿元增长到120亿元，增长20%。', '二、存在问题', '　　新建城市书房38个。'].join('\n');
    const before = buildModel({ text });
    everything(before);
    const [first, second, third] = before.paragraphs;
    assert.ok(first && second && third);
    const oldFigures = figuresOf(before).all.filter((f) => f.paragraph !== first);
    const oldSentences = sentencesOf(before);
    const oldBreakdown = breakdownsOf(before)[0];
    // Enter at the end of the first line: every paragraph moves down one line.
    const edited = `一、总体情况\n${text.slice(text.indexOf('\n'))}`;
    const after = buildModel({ text: edited, previous: before, takeOver: true });
    assert.deepStrictEqual(after.paragraphs, [first, second, third], 'the same paragraph objects');
    assert.deepStrictEqual(after.paragraphs.map((p) => [p.line, p.range.start.line]), [[2, 2], [4, 4], [6, 6]]);
    const figures = figuresOf(after).all.filter((f) => f.paragraph !== first);
    assert.ok(figures.length === 4 && figures.every((f, k) => f === oldFigures[k]), 'the same figure objects');
    assert.deepStrictEqual(figures.map((f) => [f.line, f.range.start.line, f.numberRange.end.line]), [[4, 4, 4], [4, 4, 4], [4, 4, 4], [6, 6, 6]]);
    assert.ok(sentencesOf(after).every((s, k) => s === oldSentences[k] && s.line === s.paragraph.line));
    assert.strictEqual(breakdownsOf(after)[0], oldBreakdown);
    assert.strictEqual(everything(after), everything(buildModel({ text: edited })));
    // The previous model's paragraphs stand on the new lines now: a version built from it again reads them afresh.
    const again = buildModel({ text: `\n\n${text}`, previous: before, takeOver: true });
    assert.ok(again.paragraphs.every((p) => !before.paragraphs.includes(p)));
    assert.strictEqual(everything(again), everything(buildModel({ text: `\n\n${text}` })));
  });

  it('takeOver: headings and tables an edit moved are the same objects on their new lines, their ranges and cells moved', () => {
    const text = ['一、总体情况', '　　全年办结信访事项118件。', '', '| 项目 | 数量 |', '| --- | --- |', '| 书房 | 38个 |', '', '（一）主要做法', '　　新建城市书房38个。', '二、存在问题', '　　仍有不足。'].join('\n');
    const before = buildModel({ text });
    everything(before);
    const [h1, h2, h3] = before.headings;
    const table = before.tables[0];
    assert.ok(h1 && h2 && h3 && table);
    const oldRange = h2.titleRange;
    // Two lines put in under the first paragraph: the table and the headings below move down two lines.
    const edited = text.replace('118件。', '118件。\n新增一段。\n');
    const after = buildModel({ text: edited, previous: before, takeOver: true });
    assert.deepStrictEqual(after.headings, [h1, h2, h3]);
    assert.deepStrictEqual(after.headings.map((h) => [h.line, h.markerRange.start.line, h.titleRange.end.line, h.headingRange.end.line]), [[0, 0, 0, 0], [9, 9, 9, 9], [11, 11, 11, 11]]);
    assert.deepStrictEqual(oldRange.start.line, 7, 'a range handed out before is left as it was');
    assert.strictEqual(after.tables[0], table);
    assert.deepStrictEqual([table.startLine, table.endLine, table.range.start.line, table.rows[0]?.[1]?.range.start.line, table.header[0]?.range.end.line], [5, 7, 5, 7, 5]);
    assert.strictEqual(figuresOf(after).inCell(table.rows[0]?.[1] as never)?.range.start.line, 7);
    assert.strictEqual(everything(after), everything(buildModel({ text: edited })));
  });

  it('two paragraphs of one text keep their own figures and sentences from one version to the next', () => {
    const text = ['一、总体情况', '　　新建城市书房38个，其中社区书房20个。', '二、主要做法', '　　新建城市书房38个，其中社区书房20个。', '三、存在问题', '　　仍有不足。'].join('\n');
    const before = buildModel({ text });
    everything(before);
    const oldFigures = figuresOf(before).all;
    const oldSentences = sentencesOf(before);
    for (const takeOver of [false, true]) {
      const edited = text.replace('仍有不足', '仍有一些不足');
      const after = buildModel({ text: edited, previous: before, takeOver });
      assert.strictEqual(figuresOf(after).all.length, 4);
      assert.ok(figuresOf(after).all.every((f, k) => f === oldFigures[k]), `takeOver ${takeOver}: the same figure objects, for both copies of the text`);
      assert.ok(sentencesOf(after).slice(0, 2).every((s, k) => s === oldSentences[k]), 'the same sentence objects');
      assert.strictEqual(everything(after), everything(buildModel({ text: edited })));
    }
  });

  it('without takeOver, a paragraph that moved is a new object and the previous model keeps its lines', () => {
    const text = ['一、总体情况', '　　全年共受理信访事项120件，其中来信80件、来访40件。', '二、存在问题', '　　新建城市书房38个。'].join('\n');
    const before = buildModel({ text });
    const expected = everything(before);
    for (const edited of [`\n${text}`, `${text.slice(0, 6)}\n${text.slice(6)}`, text.slice(1)]) {
      const after = buildModel({ text: edited, previous: before });
      assert.strictEqual(everything(after), everything(buildModel({ text: edited })));
      assert.ok(after.paragraphs.every((p) => !before.paragraphs.includes(p) || before.index.line(p.line).text.includes(p.text)));
    }
    assert.strictEqual(everything(before), expected, 'the previous model is as it was');
  });

  it('reuses the Line objects above an edit, and moves the lines below it with their texts', () => {
    const text = ['一、总体情况', '　　全年办结信访事项118件。', '（一）主要做法', '　　新建城市书房38个。', '二、存在问题', '　　仍有不足。'].join('\r\n');
    const before = buildModel({ text });
    // Enter in the middle of the fourth line: the lines below move down by one.
    const at = text.indexOf('城市书房');
    const after = buildModel({ text: `${text.slice(0, at)}\r\n${text.slice(at)}`, previous: before });
    const [b, a] = [before.index.lines, after.index.lines];
    assert.strictEqual(a.length, b.length + 1);
    for (let i = 0; i < 3; i++) assert.strictEqual(a[i], b[i], `line ${i} is the previous Line`);
    assert.notStrictEqual(a[3], b[3]);
    for (let i = 5; i < a.length; i++) {
      assert.strictEqual(a[i]?.text, b[i - 1]?.text);
      assert.strictEqual(a[i]?.index, i);
      assert.strictEqual(a[i]?.start, (b[i - 1]?.start ?? 0) + 2);
    }
    // (Below the edit the strings are the previous version's, which JavaScript cannot tell apart from equal ones.)
    const last = (m: ReportModel): string | undefined => m.paragraphs[m.paragraphs.length - 1]?.text;
    assert.strictEqual(last(after), last(before));
  });

  it('keeps the headings and tables of lines an edit did not touch, and makes new ones where it did', () => {
    const text = ['一、总体情况', '　　全年办结信访事项118件。', '', '| 项目 | 数量 |', '| --- | --- |', '| 书房 | 38个 |', '', '（一）主要做法', '　　新建城市书房38个。', '二、存在问题', '　　仍有不足。'].join('\n');
    const before = buildModel({ text });
    everything(before);
    // Typing in the paragraph under 「（一）」: every heading and the table stay the previous version's objects.
    const at = text.indexOf('城市书房') + 2;
    const typed = buildModel({ text: `${text.slice(0, at)}字${text.slice(at)}`, previous: before });
    assert.deepStrictEqual(typed.headings.map((h) => before.headings.includes(h)), [true, true, true]);
    assert.strictEqual(typed.tables[0], before.tables[0]);
    // Renaming a heading makes that one anew (its title changed), the others are kept.
    const renamed = buildModel({ text: text.replace('主要做法', '主要措施'), previous: typed });
    assert.deepStrictEqual(renamed.headings.map((h) => typed.headings.includes(h)), [true, false, true]);
    assert.strictEqual(renamed.headings[1]?.title, '主要措施');
    // A line put in above them moves them: new objects on the new lines, and the table is read again.
    const moved = buildModel({ text: `\n${text}`, previous: renamed });
    assert.ok(moved.headings.every((h) => !renamed.headings.includes(h)));
    assert.notStrictEqual(moved.tables[0], renamed.tables[0]);
    assert.strictEqual(moved.tables[0]?.startLine, 4);
    // A cell edited: the table is read again.
    const cell = buildModel({ text: text.replace('38个 |', '39个 |'), previous: typed });
    assert.notStrictEqual(cell.tables[0], typed.tables[0]);
    assert.strictEqual(cell.tables[0]?.rows[0]?.[1]?.text, '39个');
  });

  it("memo.read computes a key's value once and hands the same value to the next versions", () => {
    let calls = 0;
    const length = (key: string): { n: number } => {
      calls++;
      return { n: key.length };
    };
    const first = buildModel({ text: '甲' });
    const a = first.memo.read('test-read', '一段文字', length);
    assert.strictEqual(first.memo.read('test-read', '一段文字', length), a);
    const second = buildModel({ text: '乙', previous: first });
    assert.strictEqual(second.memo.read('test-read', '一段文字', length), a);
    assert.deepStrictEqual([a.n, calls], [4, 1]);
    assert.deepStrictEqual(second.memo.read('test-read', '另一段', length), { n: 3 });
    assert.strictEqual(calls, 2);
  });

  it('keeps no copy of the paragraphs\' text in the block tokens (a Word paste is one paragraph), but the table cells\' and code blocks\'', () => {
    const real = REAL_REPORTS.find((r) => r.name.startsWith('2026-shaanxi'));
    assert.ok(real);
    const model = buildModel({ text: `${real.text}\n\n| 项目 | 金额 |\n| --- | --- |\n| 合计 | 12亿元 |\n\n\`\`\`\n代码\n\`\`\`\n` });
    const paragraphs = model.tokens.filter((t, k) => t.type === 'inline' && model.tokens[k - 1]?.type === 'paragraph_open');
    assert.ok(paragraphs.length > 0 && paragraphs.every((t) => t.content === ''));
    assert.ok(model.tokens.some((t) => t.type === 'inline' && t.content === '12亿元'));
    assert.ok(model.tokens.some((t) => t.type === 'fence' && t.content === '代码\n'));
    // Block reuse makes its paragraphs the same way.
    const edited = buildModel({ text: model.text.replace('陕西', '陕西省'), previous: model });
    assert.ok(edited.tokens.filter((t, k) => t.type === 'inline' && edited.tokens[k - 1]?.type === 'paragraph_open').every((t) => t.content === ''));
  });

  it('keeps the block tokens of an edit inside paragraphs (typing, Enter, Backspace, blank lines), exactly as markdown-it parses the new text', () => {
    // Retype a line (with Markdown openers, table bars, markers, underlines or plain text), break
    // one in two, join one to the next, put a blank line in or take one out; compare with a parse
    // from scratch, and count how often the previous version's tokens were kept.
    const lineText = fc.oneof(text(6), marker.chain((m) => text(4).map((t) => m + t)), fc.constantFrom('', '　　', '===', '---', '- 甲', '1. 甲', '2.甲', '| 甲 | 乙 |', '|---|---|', '[甲]: /url', '"标题"', '> 甲', '# 甲', '```', '<div>', '\t甲', '    甲', '甲|乙'));
    type LineChange = { kind: 'retype'; text: string; keepIndent: boolean } | { kind: 'split'; at: number; blank: boolean } | { kind: 'join' } | { kind: 'blank' } | { kind: 'unblank' };
    const change: fc.Arbitrary<LineChange> = fc.oneof(
      fc.record({ kind: fc.constant('retype' as const), text: lineText, keepIndent: fc.boolean() }),
      fc.record({ kind: fc.constant('split' as const), at: fc.nat(), blank: fc.boolean() }),
      fc.record({ kind: fc.constant('join' as const) }),
      fc.record({ kind: fc.constant('blank' as const) }),
      fc.record({ kind: fc.constant('unblank' as const) }),
    );
    const kept = new Map<string, number>();
    const check = (start: string, lineAt: number, c: LineChange): void => {
      const lines = start.split('\n');
      const i = lineAt % lines.length;
      const old = lines[i] ?? '';
      if (c.kind === 'retype') lines[i] = (c.keepIndent ? (/^[ \t]*/.exec(old)?.[0] ?? '') : '') + c.text.replace(/[\r\n\u2028\u2029\u0085]/g, '');
      else if (c.kind === 'split') lines.splice(i, 1, old.slice(0, c.at % (old.length + 1)), ...(c.blank ? [''] : []), old.slice(c.at % (old.length + 1)));
      else if (c.kind === 'join' && i + 1 < lines.length) lines.splice(i, 2, old + (lines[i + 1] ?? ''));
      else if (c.kind === 'blank') lines.splice(i + 1, 0, '');
      else if (c.kind === 'unblank') {
        const b = lines.findIndex((l, k) => k >= i && /^[ \t]*$/.test(l));
        if (b >= 0) lines.splice(b, 1);
      }
      const edited = lines.join('\n');
      const previous = buildModel({ text: start });
      const incremental = buildModel({ text: edited, previous });
      const fresh = buildModel({ text: edited });
      if (reusedBlockTokens(buildModel({ text: start }), fresh.index, bodyStartOf(fresh)) !== undefined) kept.set(c.kind, (kept.get(c.kind) ?? 0) + 1);
      assert.strictEqual(JSON.stringify(incremental.tokens), JSON.stringify(fresh.tokens), `${c.kind} at line ${i} ${JSON.stringify(old)}: ${JSON.stringify(lines.slice(Math.max(0, i - 1), i + 3))}`);
    };
    check('甲乙\u0000丙\n丁戊己\n庚', 1, { kind: 'retype', text: '丁戊己字', keepIndent: false }); // a NUL in another line of the paragraph
    check('正文第一句。\n---\n正文', 0, { kind: 'retype', text: '工作回顾', keepIndent: false }); // a title over a rule: a setext heading now
    check('正文第一句。\n正文第二句。\n---', 1, { kind: 'split', at: 3, blank: false }); // the same after Enter
    // A line of Unicode spaces under a table ends the table and starts a paragraph; typing in it makes it a row (seed 931418210).
    check('---\n---\n列0 | 列1\n--- | :---:\n\u00a0\n一、\n', 4, { kind: 'retype', text: '（二）', keepIndent: false });
    check('| 指标 | 数值 |\n| --- | --- |\n| 收入 | 12 |\n\u3000\u3000\n正文', 3, { kind: 'retype', text: '　　全年收入12亿元。', keepIndent: false });
    check('- 列表\n\n正文一\n正文二', 2, { kind: 'retype', text: '  正文一', keepIndent: false }); // an indent that continues the list item above
    fc.assert(fc.property(generatedReport(20), fc.nat(), change, check), { numRuns: 600 });
    fc.assert(fc.property(fc.constantFrom(...REAL_REPORTS), fc.nat(), change, (r, at, c) => check(r.text, at, c)), { numRuns: 300 });
    // Most edits of the real reports are of plain paragraph lines: their tokens were kept, not parsed again.
    for (const kind of ['retype', 'split', 'join', 'blank']) assert.ok((kept.get(kind) ?? 0) >= 10, `${kind}: tokens kept ${kept.get(kind) ?? 0} times`);
  });

  it('releaseDerived drops figures and sentences but the model stays usable, and the next version reads afresh', () => {
    const text = REAL_REPORTS[2]?.text ?? '';
    const model = buildModel({ text });
    const before = everything(model);
    const figures = figuresOf(model);
    releaseDerived(model);
    assert.notStrictEqual(figuresOf(model), figures, 'figures are read again');
    assert.strictEqual(everything(model), before);
    // Read again (above): the figures a next version would reuse, were they not released.
    const read = figuresOf(model).all;
    assert.ok(read.length > 0);
    releaseDerived(model);
    const next = buildModel({ text: `${text}\n新增一段。`, previous: model });
    assert.ok(figuresOf(next).all.every((f) => !read.includes(f)), 'nothing is reused after a release');
    assert.strictEqual(everything(next), everything(buildModel({ text: `${text}\n新增一段。` })));
  });
});

