/**
 * Figures of the word layer (docs/accuracy.md, "Word layer"): fidelity to jieba itself, speed, load
 * time and what the lexicon adds to the server bundle.
 *
 *   node -r ./tests/register.js scripts/compare-words.ts [--ref DIR] [--lexicon FILE] [FILE|DIR …]
 *
 * Fidelity is measured against @node-rs/jieba (jieba-rs with the full dictionary, HMM off), which
 * is optional and never a dependency of the project: install it outside the project,
 *   npm install --prefix /tmp/jieba-ref @node-rs/jieba
 * and point --ref at that folder (default /tmp/jieba-ref); without it that part is skipped. Each
 * line of the texts (default ../shared/corpus and ../shared/examples) is segmented by both.
 * --lexicon FILE measures another packed lexicon (a build-lexicon.ts --out file) instead of the
 * committed one.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build } from 'esbuild';
import { Lexicon, type PackedLexicon } from '../server/src/engine/model/lexicon';
import { getLexicon, isMeasureWord, segment, useLexicon, type Token } from '../server/src/engine/model/words';
import { generateReport } from './bench-inputs';

const ROOT = path.join(__dirname, '..');

interface RefTag {
  word: string;
  tag: string;
}
interface RefJieba {
  tag(text: string, hmm: boolean): RefTag[];
  cut(text: string, hmm: boolean): string[];
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function inputs(): { files: string[]; lines: string[] } {
  const args = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !['--ref', '--lexicon'].includes(all[i - 1] ?? ''));
  const roots = args.length ? args : [path.join(ROOT, '..', 'shared', 'corpus'), path.join(ROOT, '..', 'shared', 'examples')];
  const files = roots.flatMap((r) => (fs.statSync(r).isDirectory() ? fs.readdirSync(r).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(r, f)) : [r]));
  const lines = files.flatMap((f) => fs.readFileSync(f, 'utf8').split(/\r?\n/)).filter((l) => l.trim() !== '');
  return { files, lines };
}

function loadReference(dir: string): RefJieba | undefined {
  try {
    const req = require as (id: string) => unknown;
    const mod = req(path.join(dir, 'node_modules', '@node-rs', 'jieba')) as { Jieba: { withDict(d: Uint8Array): RefJieba } };
    const { dict } = req(path.join(dir, 'node_modules', '@node-rs', 'jieba', 'dict')) as { dict: Uint8Array };
    return mod.Jieba.withDict(dict);
  } catch {
    return undefined;
  }
}

const ALNUM = /^[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+$/u;
const DIGITS = /^[0-9０-９]+$/u;

/**
 * Tokens with UTF-16 offsets from the reference's words. With `merge`, consecutive letter/digit
 * tokens are joined as ours are (jieba cuts full-width digits one by one: our one deliberate change).
 */
function withOffsets(words: readonly RefTag[], merge: boolean): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const w of words) {
    const prev = out[out.length - 1];
    if (merge && prev && ALNUM.test(prev.text) && ALNUM.test(w.word)) {
      const text = prev.text + w.word;
      out[out.length - 1] = { text, start: prev.start, end: prev.end + w.word.length, pos: DIGITS.test(text) ? 'm' : 'eng' };
    } else out.push({ text: w.word, start: at, end: at + w.word.length, pos: w.tag });
    at += w.word.length;
  }
  return out;
}

const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(2)} %`;

function fidelity(ref: RefJieba, lines: readonly string[], merge: boolean): void {
  let refTokens = 0;
  let ownTokens = 0;
  let sameTokens = 0;
  let sameTags = 0;
  let refCuts = 0;
  let ownCuts = 0;
  let sameCuts = 0;
  let sameLines = 0;
  let hmmSame = 0;
  let hmmTokens = 0;
  const measure = { both: 0, refOnly: 0, ownOnly: 0, neither: 0, qBoth: 0, qRef: 0, qOwn: 0 };
  const disagreements = new Map<string, number>();
  for (const line of lines) {
    const theirs = withOffsets(ref.tag(line, false), merge);
    const ours = segment(line);
    const cuts = new Set(theirs.map((t) => t.end));
    const spans = new Map(theirs.map((t) => [`${t.start}:${t.end}`, t.pos]));
    refTokens += theirs.length;
    ownTokens += ours.length;
    refCuts += theirs.length - 1;
    ownCuts += ours.length - 1;
    for (const t of ours) {
      if (t.end < line.length && cuts.has(t.end)) sameCuts++;
      const pos = spans.get(`${t.start}:${t.end}`);
      if (pos !== undefined) {
        sameTokens++;
        if (pos === t.pos) sameTags++;
      }
    }
    if (theirs.length === ours.length && ours.every((t, i) => t.end === theirs[i]?.end)) sameLines++;
    else if (disagreements.size < 100000) {
      for (const t of theirs) if (!ours.some((o) => o.start === t.start && o.end === t.end)) disagreements.set(t.text, (disagreements.get(t.text) ?? 0) + 1);
    }
    const hmm = ref.cut(line, true);
    hmmTokens += hmm.length;
    let at = 0;
    const hmmSpans = new Set(hmm.map((w) => `${at}:${(at += w.length)}`));
    hmmSame += theirs.filter((t) => hmmSpans.has(`${t.start}:${t.end}`)).length;
    // Every measure-word character: free-standing (its own measure word) on each side?
    let ti = 0;
    let oi = 0;
    for (let k = 0; k < line.length; k++) {
      if (!isMeasureWord(line.charAt(k))) continue;
      while ((theirs[ti]?.end ?? Infinity) <= k) ti++;
      while ((ours[oi]?.end ?? Infinity) <= k) oi++;
      const a = theirs[ti];
      const b = ours[oi];
      const rf = a !== undefined && a.text.length === 1 && isMeasureWord(a.text);
      const of = b !== undefined && b.text.length === 1 && isMeasureWord(b.text);
      if (rf && of) measure.both++;
      else if (rf) measure.refOnly++;
      else if (of) measure.ownOnly++;
      else measure.neither++;
      const rq = a?.pos === 'q';
      const oq = b?.pos === 'q';
      if (rq && oq) measure.qBoth++;
      else if (rq) measure.qRef++;
      else if (oq) measure.qOwn++;
    }
  }
  const chars = lines.reduce((n, l) => n + l.length, 0);
  console.log(`\nFidelity to @node-rs/jieba (full dictionary, HMM off) on ${lines.length} lines, ${chars} characters${merge ? ', its full-width letter/digit runs joined as ours' : ', as it cuts'}`);
  console.log(`  tokens: reference ${refTokens}, ours ${ownTokens}; identical tokens ${pct(sameTokens, refTokens)} of the reference's, same tag on those ${pct(sameTags, sameTokens)}`);
  console.log(`  boundaries inside lines: precision ${pct(sameCuts, ownCuts)}, recall ${pct(sameCuts, refCuts)}; lines segmented identically ${pct(sameLines, lines.length)}`);
  const m = measure;
  const total = m.both + m.refOnly + m.ownOnly + m.neither;
  console.log(`  measure-word characters (${total}): free-standing in both ${m.both}, neither ${m.neither}, reference only ${m.refOnly}, ours only ${m.ownOnly} → agreement ${pct(m.both + m.neither, total)}`);
  console.log(`  tag q on them: both ${m.qBoth}, reference only ${m.qRef}, ours only ${m.qOwn}`);
  if (!merge) console.log(`  (for scale: jieba with HMM keeps ${pct(hmmSame, refTokens)} of its own HMM-off tokens; ${hmmTokens} tokens)`);
  const top = [...disagreements].sort((a, b) => b[1] - a[1]).slice(0, 30);
  if (merge) console.log(`  reference tokens we cut otherwise, most frequent: ${top.map(([w, n]) => `${w}×${n}`).join(' ')}`);
}

/** Free-standing count words that follow no numeral, by the word before them (what a rule would see). */
function freeCounts(lines: readonly string[]): void {
  const COUNT = new Set(['个', '家', '件', '项', '次', '名', '条', '份', '批', '户', '辆', '篇', '人次']);
  const TRADITIONAL = /[國們這條說過個為實際經濟發與會]/u;
  let total = 0;
  let skipped = 0;
  const before = new Map<string, number>();
  for (const line of lines) {
    if (TRADITIONAL.test(line)) {
      skipped++;
      continue;
    }
    const tokens = segment(line);
    tokens.forEach((t, i) => {
      if (!COUNT.has(t.text)) return;
      total++;
      const prev = tokens[i - 1];
      if (prev?.pos === 'm') return;
      const key = `${prev?.text ?? '(start)'}/${prev?.pos ?? ''}`;
      before.set(key, (before.get(key) ?? 0) + 1);
    });
  }
  const free = [...before.values()].reduce((a, b) => a + b, 0);
  const top = [...before].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`\nCount words (${[...COUNT].join(' ')}) standing free: ${total}, of which ${free} follow no numeral (${skipped} lines in traditional script left out); the word before them: ${top.map(([w, n]) => `${w}×${n}`).join(' ')}`);
}

function speed(): void {
  const text = generateReport(1_000_000);
  const lines = text.split('\n');
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (const l of lines) segment(l);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const ms = runs[2] as number;
  console.log(`\nSpeed: the generated 1 MB report (${text.length} characters) in ${ms.toFixed(0)} ms (median of 5) → ${(text.length / ms).toFixed(0)} characters per ms`);
}

/** Minified server bundle with and without the word layer, and the first use in a fresh process. */
async function bundle(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'words-'));
  const common = { bundle: true, platform: 'node' as const, target: 'node18', format: 'cjs' as const, minify: true, legalComments: 'none' as const, logLevel: 'error' as const, absWorkingDir: ROOT };
  const plain = path.join(dir, 'server.js');
  const withWords = path.join(dir, 'server-words.js');
  await build({ ...common, entryPoints: ['server/src/main.ts'], outfile: plain });
  const entry = `import './server/src/main';\nimport { segment } from './server/src/engine/model/words';\n(globalThis as Record<string, unknown>).segment = segment;\n`;
  await build({ ...common, stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' }, outfile: withWords });
  const words = path.join(dir, 'words.js');
  await build({ ...common, entryPoints: ['server/src/engine/model/words.ts'], outfile: words });
  const a = fs.statSync(plain).size;
  const b = fs.statSync(withWords).size;
  console.log(`\nBundle: minified server ${a} bytes, with the word layer ${b} bytes: +${b - a} bytes (${((b - a) / 1024).toFixed(0)} KiB)`);
  const probe = `const t0=performance.now();const w=require(${JSON.stringify(words)});const t1=performance.now();w.getLexicon();const t2=performance.now();w.segment('对全区个景区景点的环境实施了完善提升');const t3=performance.now();console.log([t1-t0,t2-t1,t3-t2].map(x=>x.toFixed(1)).join(' '))`;
  const times = Array.from({ length: 5 }, () => execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim().split(' ').map(Number));
  const med = (k: number): string => (times.map((t) => t[k] as number).sort((x, y) => x - y)[2] as number).toFixed(1);
  console.log(`First use in a fresh process (median of 5): require the minified module ${med(0)} ms, unpack the lexicon ${med(1)} ms, first segment ${med(2)} ms`);
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const lexiconFile = option('--lexicon', '');
  if (lexiconFile) {
    const req = require as (id: string) => { packedLexicon: () => PackedLexicon };
    useLexicon(new Lexicon(req(path.resolve(lexiconFile)).packedLexicon()));
  }
  const t0 = performance.now();
  const lex = getLexicon();
  console.log(`Lexicon: ${lex.size} words, unpacked in ${(performance.now() - t0).toFixed(1)} ms${lexiconFile ? ` (${lexiconFile})` : ''}`);
  const { files, lines } = inputs();
  const ref = loadReference(option('--ref', '/tmp/jieba-ref'));
  if (ref) {
    fidelity(ref, lines, true);
    fidelity(ref, lines, false);
  }
  else console.log('\nFidelity skipped: no @node-rs/jieba under --ref (npm install --prefix /tmp/jieba-ref @node-rs/jieba)');
  console.log(`  (texts: ${files.length} files)`);
  freeCounts(lines);
  speed();
  if (!lexiconFile) await bundle();
}

void main();
