import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { Automaton, parseTypos } from '../../scripts/check-typos';

const ROOT = path.resolve(__dirname, '../..');
const TSV = fs.readFileSync(path.join(ROOT, 'server/src/engine/data/typos.tsv'), 'utf8');
const HEADER = '# source a = test source\n';

/** Every occurrence of every pattern, found the slow way. */
function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, index) => {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${index}@${i}`);
  });
  return out.sort();
}

describe('typo word list (typos.tsv) and its checker', () => {
  it('the shipped list parses without an error and has its sources and flags', () => {
    const list = parseTypos(TSV);
    assert.deepStrictEqual(list.errors, []);
    assert.ok(list.entries.length >= 700, `${list.entries.length} entries`);
    const byWrong = new Map(list.entries.map((e) => [e.wrong, e]));
    assert.strictEqual(byWrong.get('再接再励')?.right, '再接再厉');
    assert.strictEqual(byWrong.get('截止目前')?.right, '截至目前');
    assert.ok(byWrong.get('以经')?.notes.includes('boundary'));
    assert.ok(byWrong.get('布署')?.notes.includes('boundary'));
    assert.ok(!byWrong.has('截止') && !byWrong.has('其它'), 'forms that are right somewhere are out');
    for (const e of list.entries) assert.ok(list.sources.has(e.source), e.source);
  });

  it('reports malformed lines, duplicates, wrong = right, undefined sources and a wrong form inside a right form', () => {
    const list = parseTypos(`${HEADER}松驰\t松弛\ta\n松驰\t松弛\ta\n震撼\t震撼\ta\n宏扬\t弘扬\tb\n截止\t截至\ta\n截止目前\t截至目前\ta\n截止日前\t截止日期前\ta\n按步就班\t按部就班\n`);
    const text = list.errors.join('\n');
    assert.match(text, /line 3: 松驰 already on line 2/);
    assert.match(text, /line 4: wrong form = right form/);
    assert.match(text, /line 5: source b is not defined/);
    assert.match(text, /line 9: 2 columns/);
    assert.match(text, /line 6: wrong form 截止 occurs in the right form 截止日期前 \(line 8\)/);
    assert.strictEqual(list.errors.length, 5, text);
    assert.match(list.warnings.join('\n'), /截止目前 contains the wrong form 截止/);
  });

  it('the automaton finds nested and overlapping patterns like a naive search', () => {
    const patterns = ['他说', '说话', '话', '说', '他说话了'];
    const text = '他说话了，他说说话话';
    assert.deepStrictEqual(new Automaton(patterns).search(text).map((h) => `${h.index}@${h.start}`).sort(), naive(patterns, text));
  });

  it('the automaton agrees with a naive search on random patterns, its wide nodes (bisected) and narrow ones (scanned) alike', () => {
    const alphabet = [...'的一是在了不和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于'];
    const from = (n: number): fc.Arbitrary<string> => fc.constantFrom(...alphabet.slice(0, n));
    // Few first characters and many after them: nodes of up to 30 children beside nodes of one or two.
    const word = fc.tuple(from(3), fc.array(from(30), { maxLength: 3 })).map(([a, rest]) => a + rest.join(''));
    const text = fc.array(fc.oneof(from(3), from(32)), { maxLength: 300 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 60, maxLength: 200 }), text, (patterns, t) => {
        assert.deepStrictEqual(new Automaton(patterns).search(t).map((h) => `${h.index}@${h.start}`).sort(), naive(patterns, t));
      }),
      { numRuns: 100, seed: 20261206 },
    );
  });

  it('the automaton built from the shipped list agrees with a naive search on a real report', () => {
    const patterns = parseTypos(TSV).entries.map((e) => e.wrong);
    const text = fs.readFileSync(path.join(ROOT, 'tests/fixtures/real/2002-04-cnpack-team-work-summary.txt'), 'utf8');
    const hits = new Automaton(patterns).search(text);
    assert.deepStrictEqual(hits.map((h) => `${h.index}@${h.start}`).sort(), naive(patterns, text));
    const found = new Set(hits.map((h) => patterns[h.index]));
    assert.ok(found.has('咋一看') && found.has('各抒已见'), 'the two genuine typos of that report');
  });
});
