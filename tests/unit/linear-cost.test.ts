/**
 * Work that grew faster than the input, and now does not: fix-all (each fix was checked by
 * re-sorting every edit taken so far), the innermost section of a line (a linear search, asked
 * for every paragraph and every figure), and count claims on one long line (each claim searched
 * the paragraph again). The results are those of the former code (its definitions are the
 * references here). The time is bounded by its growth: the whole input costs under 8 × a quarter of
 * it (linear work grows 4 ×, quadratic 16 ×), and under a generous bound in CPU seconds far below what
 * the former code took (figures in the tests' names; `npm run bench -- --only doubling,fixall` prints
 * the curves).
 */
import * as assert from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-types';
import { buildModel, DEFAULT_CONFIG, fixAllOf, ruleById, runRules, type RuleDiagnostic, type Section } from '../../server/src/engine';
import { nonOverlapping } from '../../server/src/engine/features/edits';
import { pickFixes } from '../../server/src/engine/features/fix-all';
import { sectionAt } from '../../server/src/engine/model/sections';
import { inUnitBrackets } from '../../server/src/engine/model/bare-unit-words';
import { paragraphPeriods } from '../../server/src/engine/model/periods';
import { sentencesOf } from '../../server/src/engine/model/statements';
import { commaHeavyReport } from '../../scripts/bench-scaling';
import { generatedReport, REAL_REPORTS } from '../support/generators';

/** The former pickFixes: a fix is taken when all edits taken so far and its own sort without an overlap. */
function referencePick(found: readonly RuleDiagnostic[]): { fixes: unknown[]; edits: TextEdit[] } {
  const fixes: unknown[] = [];
  const edits: TextEdit[] = [];
  for (const d of found) {
    const fix = d.finding.fixes?.find((f) => f.preferred);
    if (!fix || fix.edits.length === 0) continue;
    if (nonOverlapping([...edits, ...fix.edits]).length !== edits.length + fix.edits.length) continue;
    edits.push(...fix.edits);
    const s = d.finding.range.start;
    fixes.push({ rule: d.rule.id, line: s.line + 1, column: s.character + 1, title: fix.title });
  }
  return { fixes, edits };
}

/** The former sectionAt: the first section containing the line at each level, descending. */
function referenceSectionAt(sections: readonly Section[], line: number): Section | undefined {
  let found: Section | undefined;
  let list = sections;
  for (;;) {
    const s = list.find((c) => c.heading.line <= line && line <= c.endLine);
    if (!s) return found;
    found = s;
    list = s.children;
  }
}

function cpuSeconds(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
}

/** A full collection, also where mocha runs without --expose-gc (the flag can be set at run time). */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * CPU seconds of a piece of work at n and at a quarter of n (after a warm-up at a thirtieth, so that the
 * quarter is not the run that compiles the code). `prepare(n)` builds the input outside the timing and
 * returns the work to time. Linear work grows about 4 × from the quarter
 * to the whole, quadratic work 16 ×: a ratio tells them apart on a machine of any speed or load, where
 * a bound in seconds alone failed once a shared machine was slow (figure-conflict: 1.53 s against 1.5).
 */
function growth(prepare: (n: number) => () => void, n: number): { whole: number; quarter: number; message: string } {
  prepare(Math.ceil(n / 30))();
  // Each run starts after a full collection, and each size counts its better of two runs: the collector's
  // threads count in the CPU time, and garbage left by earlier tests made one run 13 × its quarter.
  const best = (size: number): number =>
    Math.min(
      ...[0, 1].map(() => {
        const work = prepare(size);
        collectGarbage();
        return cpuSeconds(work);
      }),
    );
  const quarter = best(n / 4);
  const whole = best(n);
  return { whole, quarter, message: `${whole.toFixed(2)} s against ${quarter.toFixed(2)} s at a quarter of the size` };
}

const position = fc.record({ line: fc.nat(3), character: fc.nat(6) });
const edit = fc.tuple(position, fc.nat(3), fc.boolean(), fc.constantFrom('', 'a', '，')).map(([start, len, nextLine, newText]): TextEdit => ({
  range: { start, end: nextLine ? { line: start.line + 1, character: len } : { line: start.line, character: start.character + len } },
  newText,
}));
const finding = fc.record({ edits: fc.array(edit, { maxLength: 4 }), preferred: fc.boolean(), hasFix: fc.boolean() });

describe('linear cost', function () {
  this.timeout(120_000);

  it('pickFixes takes exactly the fixes the former quadratic version took, in the same order', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 14 }), (specs) => {
        const found = specs.map(
          (s, i) =>
            ({
              rule: { id: `r${i}` },
              finding: { range: { start: { line: 0, character: i }, end: { line: 0, character: i } }, message: '', fixes: s.hasFix ? [{ title: `t${i}`, preferred: s.preferred, edits: s.edits }] : [] },
            }) as unknown as RuleDiagnostic,
        );
        assert.deepStrictEqual(pickFixes(found), referencePick(found));
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });

  it('fix-all of a 100,000-character report with about 6,000 half-width commas leaves no half-width comma between Chinese characters, at under 8 × the CPU of a quarter of it and under 6 s (was 14 s)', () => {
    const text = commaHeavyReport(100_000);
    assert.ok((text.match(/,/g) ?? []).length > 5000);
    assert.doesNotMatch(fixAllOf(buildModel({ text }), DEFAULT_CONFIG).model.text, /[\p{Script=Han}],[\p{Script=Han}]/u);
    const { whole, quarter, message } = growth((n) => {
      const report = commaHeavyReport(n);
      return () => void fixAllOf(buildModel({ text: report }), DEFAULT_CONFIG);
    }, 100_000);
    assert.ok(whole < 8 * quarter && whole < 6, message);
  });

  it('sectionAt gives the former answer for every line of the real reports and of generated ones', () => {
    const texts = [...REAL_REPORTS.map((r) => r.text), ...fc.sample(generatedReport(), { numRuns: 60, seed: 7 })];
    for (const text of texts) {
      const model = buildModel({ text });
      for (let line = -1; line <= model.index.lineCount; line++) assert.strictEqual(sectionAt(model.sections, line), referenceSectionAt(model.sections, line), `line ${line}`);
    }
  });

  it('30,000 top-level sections with figures cost under 8 × what 7,500 cost and under 10 s of CPU (quadratic work grows 16 ×; the former code took 12 s)', () => {
    // A ratio, not a bound in seconds alone: on a slow shared machine (2026-12-04) the linear code took
    // 3.5–5.4 s of CPU here (the collector's threads count too), 3–6 × its time at a quarter of the size;
    // quadratic work grows 16 × per 4 × the input, and the former code took 12 s.
    const doc = (n: number): string => {
      let text = '';
      for (let i = 1; i <= n; i++) text += `# 第${i}节\n完成任务${i}项，办结${i % 7}件。\n`;
      return text;
    };
    const { whole, quarter, message } = growth((n) => {
      const text = doc(n);
      return () => void runRules(buildModel({ text }), DEFAULT_CONFIG);
    }, 30_000);
    assert.ok(whole < 8 * quarter && whole < 10, message);
  });

  it('count-claim on one 210,000-character line of 30,000 claims costs under 8 × a quarter of it and under 3 s of CPU (was 7 s)', () => {
    const rule = ruleById('count-claim');
    assert.ok(rule);
    const { whole, quarter, message } = growth((n) => {
      const model = buildModel({ text: '一、工作\n' + '完成三项任务，'.repeat(n) + '\n' });
      return () => void runRules(model, DEFAULT_CONFIG, undefined, [rule]);
    }, 30_000);
    assert.ok(whole < 8 * quarter && whole < 3, message);
  });

  it('missing-number on one 180,000-character line of 20,000 bare measure words costs under 8 × a quarter of it and under 5 s of CPU (was over 20 s)', () => {
    // Every candidate asks whether the paragraph counts in its unit: answered once per paragraph, not per candidate.
    const rule = ruleById('missing-number');
    assert.ok(rule);
    const { whole, quarter, message } = growth((n) => {
      const model = buildModel({ text: '一、工作\n' + '建设重点项目户，'.repeat(n) + '\n' });
      return () => void runRules(model, DEFAULT_CONFIG, undefined, [rule]);
    }, 20_000);
    assert.ok(whole < 8 * quarter && whole < 5, message);
  });

  it('inUnitBrackets gives the former answer (a search back to the last 「（」 of the line) wherever a unit may stand', () => {
    // The former definition, which searched the whole line before every candidate.
    const former = (text: string, at: number, length: number): boolean => {
      const open = text.lastIndexOf('（', at);
      const close = text.indexOf('）', open);
      if (open < 1 || close < open || at > close + 1) return false;
      if (!/[0-9０-９零一二两三四五六七八九十百千万亿][\p{Script=Han}]{1,2}$/u.test(text.slice(Math.max(0, open - 6), open))) return false;
      const items = text.slice(open + 1, close).split(/[、，,]/u);
      if (!items.every((x) => /^\p{Script=Han}{1,2}$/u.test(x))) return false;
      return at < close || length <= 2;
    };
    const piece = fc.constantFrom('（', '）', '、', '，', ',', '辆', '艘', '架', '列', '次', '万', '2813.8', '3', '𠀀', 'a', ' ', '。', '（艘、架、列）', '万辆（艘、架）次', '重点项目');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.nat(), fc.integer({ min: 1, max: 3 }), (pieces, n, length) => {
        const text = pieces.join('');
        if (text.length === 0) return;
        // A unit starts where a character starts, never between the halves of a surrogate pair (「𠀀」).
        let at = n % text.length;
        const low = text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff;
        if (at > 0 && low && text.charCodeAt(at - 1) >= 0xd800 && text.charCodeAt(at - 1) <= 0xdbff) at--;
        assert.strictEqual(inUnitBrackets(text, at, length), former(text, at, length), `${JSON.stringify(text)} at ${at}`);
      }),
      { numRuns: 5000 },
    );
  });

  it('figure-conflict on 30,000 statements of one subject costs under 8 × a quarter of them and under 3 s of CPU (the former grouping took 57 × and 11 s)', () => {
    const rule = ruleById('figure-conflict');
    assert.ok(rule);
    const { whole, quarter, message } = growth((n) => {
      let text = '一、工作\n';
      for (let i = 1; i <= n; i++) text += `城市书房${i}个。\n`;
      const model = buildModel({ text });
      // The sentences and the periods of paragraphs are parts of the model, built before the rule is timed.
      sentencesOf(model);
      paragraphPeriods(model);
      return () => void runRules(model, DEFAULT_CONFIG, undefined, [rule]);
    }, 30_000);
    assert.ok(whole < 8 * quarter && whole < 3, message);
  });
});
