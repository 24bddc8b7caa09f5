import * as assert from 'assert';
import fc from 'fast-check';
import { buildModel, DEFAULT_CONFIG, documentSymbols, foldingRanges, releaseDerived, runRules, type ReportModel } from '../../server/src/engine';
import { figuresOf } from '../../server/src/engine/model/figures';
import { sentencesOf } from '../../server/src/engine/model/statements';
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
    figures: figuresOf(model).all.map((f) => ({ ...f, paragraph: f.paragraph ? [f.paragraph.line, f.paragraph.text] : undefined })),
    sentences: sentencesOf(model).map((s) => [s.line, s.start, s.end, s.text, s.paragraph.line, s.clauses.map((c) => [c.start, c.end, c.text, c.delimiter, c.figures.map((f) => f.range)])]),
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

/** Types the edits one after the other, each version built from the previous one, and compares with fresh builds. */
function typeAndCompare(start: string, edits: readonly Edit[]): void {
  let text = start;
  let previous = buildModel({ text });
  everything(previous); // analyse it fully, as the server does, so that there is something to reuse
  for (const e of edits) {
    text = apply(text, e);
    const incremental = buildModel({ text, previous });
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

  it('keeps the block tokens when one line of a paragraph is retyped, exactly as markdown-it parses the new text', () => {
    // Replace the text of one line (no line breaks: the line count stays) with Markdown openers,
    // table bars, markers, underlines and plain text, and compare with a parse from scratch.
    const lineText = fc.oneof(text(6), marker.chain((m) => text(4).map((t) => m + t)), fc.constantFrom('', '　　', '===', '---', '- 甲', '1. 甲', '2.甲', '| 甲 | 乙 |', '|---|---|', '[甲]: /url', '"标题"', '> 甲', '# 甲', '```', '<div>', '\t甲', '    甲', '甲|乙'));
    let reused = 0;
    const check = (start: string, lineAt: number, replacement: string, keepIndent: boolean): void => {
      const lines = start.split('\n');
      const i = lineAt % lines.length;
      const old = lines[i] ?? '';
      const indent = keepIndent ? (/^[ \t]*/.exec(old)?.[0] ?? '') : '';
      lines[i] = indent + replacement.replace(/[\r\n\u2028\u2029\u0085]/g, '');
      const edited = lines.join('\n');
      const previous = buildModel({ text: start });
      const incremental = buildModel({ text: edited, previous });
      if (incremental.tokens !== previous.tokens && incremental.tokens.length === previous.tokens.length && incremental.tokens.every((t, k) => t === previous.tokens[k] || t.type === 'inline')) reused++;
      assert.strictEqual(JSON.stringify(incremental.tokens), JSON.stringify(buildModel({ text: edited }).tokens), `line ${i} ${JSON.stringify(old)} → ${JSON.stringify(lines[i])}`);
    };
    check('甲乙\u0000丙\n丁戊己\n庚', 1, '丁戊己字', false); // a NUL in another line of the paragraph
    fc.assert(fc.property(generatedReport(20), fc.nat(), lineText, fc.boolean(), check), { numRuns: 400 });
    fc.assert(fc.property(fc.constantFrom(...REAL_REPORTS), fc.nat(), lineText, fc.boolean(), (r, at, t, keep) => check(r.text, at, t, keep)), { numRuns: 150 });
    // Most edits of the real reports are of plain paragraph lines: the tokens were reused, not parsed again.
    assert.ok(reused > 50, `reused ${reused} times`);
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

