import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
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
    // A small seeded generator: the same cases every run.
    let seed = 20261206;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % n;
    };
    const alphabet = '的一是在了不和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下级义就年阶发成部';
    // Few first characters and many second ones: nodes of up to 30 children (bisected) beside narrow ones (scanned).
    const word = (): string => {
      let w = alphabet.charAt(rand(3));
      for (let k = rand(4); k > 0; k--) w += alphabet.charAt(rand(30));
      return w;
    };
    for (let round = 0; round < 40; round++) {
      const patterns = Array.from({ length: 5 + rand(200) }, word);
      const text = Array.from({ length: 300 }, () => alphabet.charAt(rand(rand(2) === 0 ? 3 : 32))).join('');
      assert.deepStrictEqual(new Automaton(patterns).search(text).map((h) => `${h.index}@${h.start}`).sort(), naive(patterns, text), `round ${round}`);
    }
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
