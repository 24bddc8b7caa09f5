import * as assert from 'assert';
import fc from 'fast-check';
import { anyReport, editedRealReport, generatedReport, largeReport, REAL_REPORTS } from '../support/generators';
import { checkEngine, describeInput } from '../support/engine-properties';

/**
 * Property-based robustness of the whole engine (a few thousand cases; `npm run fuzz` runs 100,000).
 * Properties: no exception from any feature, every range inside the document, outline ranges nest,
 * and analysis of any input under 1 MB takes under 1 s (a guard against catastrophic regexes).
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 0) || undefined;
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
const params = (numRuns: number): fc.Parameters<[string]> => ({
  numRuns: RUNS ?? numRuns,
  ...(SEED !== undefined ? { seed: SEED } : {}),
  // Inputs can be megabytes long: report a short excerpt, the seed and the path to replay it.
  reporter: (run) => {
    if (!run.failed) return;
    const input = run.counterexample?.[0] ?? '';
    throw new Error(`property failed after ${run.numRuns} runs (seed ${run.seed}, path ${run.counterexamplePath ?? '?'}): ${run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance)}\ninput: ${describeInput(input)}`);
  },
});

function property(text: string): void {
  const { ms } = checkEngine(text, text.length);
  if (text.length < 1_000_000 && ms > 1000) throw new Error(`analysis took ${ms.toFixed(0)} ms for ${text.length} characters`);
}

describe('fuzz: engine properties', function () {
  this.timeout(120_000);

  it('holds on the real examples as they are', () => {
    for (const r of REAL_REPORTS) property(r.text);
  });

  it('holds on generated reports (every construct, EOL mixes, BOMs, hostile characters)', () => {
    fc.assert(fc.property(generatedReport(), property), params(2000));
  });

  it('holds on randomly edited real reports (delete, duplicate, swap, cut inside markers)', () => {
    fc.assert(fc.property(editedRealReport, property), params(120));
  });

  it('holds on large inputs (10,000-character lines, 5,000 headings, long marker runs)', () => {
    fc.assert(fc.property(largeReport, property), params(8));
  });

  it('holds on the mixture used by npm run fuzz', () => {
    fc.assert(fc.property(anyReport, property), params(300));
  });

  it('holds on inputs found by the fuzzer (regressions)', () => {
    const cases = [
      ...['', '\uFEFF', '\r', '\r\n\r', '\u0000', '\uD800', '---', '---\n', '```', '（', '一、', '# ', '|\n|-', '1.1.1.1.1.1.1.1.1.1.1 x'],
      '---\ntitle: \ntitle: (\n---', // front matter title range was reversed
      '---\n---', // a body-less front matter gave markdown tokens (and preview blocks) past the end
      `一是${'，二是'.repeat(3000)}。`, // enumeration-sequence built k·n renumber edits (seconds)
      `中文${'a'.repeat(30_000)}，b`, // punctuation-width's e-mail mask was quadratic on long word runs (55 s)
      Array.from({ length: 3000 }, (_, i) => ['一、标题', '（一）小节。正文', '1.条目', '（1）细目'][i % 4] ?? '').join('\n'), // numbering-sequence, likewise
    ];
    for (const c of cases) property(c);
    assert.ok(cases.length > 0);
  });
});
