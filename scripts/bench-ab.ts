/**
 * `npm run bench:ab -- <ref A> <ref B>`: the engines of two commits compared in one process, run in
 * alternation on the same texts, so that a slow or fast phase of the machine lands on both alike.
 * Runs of separate processes (or `npm run bench` twice) can differ by 2.5 × on a shared VM; this
 * comparison of one engine with another does not.
 *
 *   node --expose-gc -r ./tests/register.js scripts/bench-ab.ts <ref A> <ref B> [--only <part>[,<part>…]] [--rounds N] [--edits N] [--quick]
 *
 * A ref is anything `git rev-parse` reads (a commit, a branch, `HEAD~2`), or `.` for the working
 * tree as it is (uncommitted changes included). Each commit is checked out in a temporary git
 * worktree (removed at the end), and the engine of each (the model, the rules, symbols, folding and
 * the server's per-document analysis cache, `server/src/documents.ts`) is bundled with esbuild.
 *
 * Parts (all by default):
 * - `real`, `corpus`: the whole analysis (model, every rule, symbols, folding) of the reports of
 *   tests/fixtures/real or of ../shared/corpus, round after round; each round runs A then B or B
 *   then A in turn.
 * - `char`, `line`: the edits of `npm run bench`'s latency section (`benchEdit`: a character typed
 *   and deleted, or Enter and Backspace, at column 10 of a line in the middle) of its generated
 *   30k-character report, analysed as the server does (each version built from the previous one's,
 *   by each engine's `DocumentAnalyses`); each step edits A's document and B's, the order changing
 *   every two steps (so that each order sees insertions and deletions alike).
 *
 * The order matters: the engine that runs second is often the slower, by 5–10 % for edits and up
 * to 20 % for the whole analysis of the small real reports. So each part prints B ÷ A for each
 * order and their geometric mean, in which a bias of the order cancels out; a difference smaller
 * than the gap between the two orders needs several runs before it means anything. With
 * `--expose-gc` (as `npm run bench:ab` runs it), a full collection precedes each whole analysis,
 * untimed, so that no run pays for the garbage of the one before (on the corpus this takes the gap
 * between the orders from about 15 % to 2 %). The first fifth of the rounds is warm-up.
 */
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sharedDir } from './accuracy/texts';
import { generateReport, REAL } from './bench-inputs';
import { benchEdit, median, percentile } from './bench-server';

const ROOT = path.join(__dirname, '..');
const PARTS = ['real', 'corpus', 'char', 'line'] as const;
type Part = (typeof PARTS)[number];

interface Engine {
  buildModel(input: { text: string }): unknown;
  runRules(model: unknown, config: unknown): unknown[];
  documentSymbols(model: unknown): unknown;
  foldingRanges(model: unknown): unknown;
  DEFAULT_CONFIG: unknown;
  DocumentAnalyses: new () => { analysis(doc: TextDocument, config: unknown): unknown };
}

interface Side {
  label: string;
  ref: string;
  root: string;
  engine?: Engine;
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function git(args: readonly string[]): string {
  return childProcess.execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The source folder of a ref: the working tree for `.`, else a detached worktree of the commit. */
function checkout(ref: string, tmp: string, worktrees: string[]): { root: string; label: string } {
  if (ref === '.') return { root: ROOT, label: 'working tree' };
  const sha = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  const dir = path.join(tmp, `src-${sha.slice(0, 12)}-${worktrees.length}`);
  git(['worktree', 'add', '--detach', '--force', dir, sha]);
  worktrees.push(dir);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return { root: dir, label: `${ref} (${sha.slice(0, 7)})` };
}

async function bundle(root: string, out: string): Promise<Engine> {
  const contents = [
    `export { buildModel, runRules, DEFAULT_CONFIG, documentSymbols, foldingRanges } from './server/src/engine';`,
    `export { DocumentAnalyses } from './server/src/documents';`,
  ].join('\n');
  await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'bench-ab-entry.ts' },
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    outfile: out,
    logLevel: 'warning',
    loader: { '.tsv': 'text' },
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(out) as Engine;
}

/**
 * Medians after warm-up of A's and B's times, and B ÷ A: the median of the rounds' ratios for each
 * order, and their geometric mean (a bias of the order, which multiplies one order's ratios and
 * divides the other's, cancels out of it).
 */
function report(title: string, a: number[], b: number[], aFirst: boolean[], p95 = false): void {
  const skip = Math.floor(a.length / 5);
  const idx = a.map((_, i) => i).slice(skip);
  const ratio = (keep: (i: number) => boolean): number => median(idx.filter(keep).map((i) => (b[i] ?? 0) / (a[i] ?? 1)));
  const stat = (xs: number[]): string => {
    const kept = xs.slice(skip);
    return p95 ? `${median(kept).toFixed(2)} / ${percentile(kept, 95).toFixed(2)} ms` : `${median(kept).toFixed(2)} ms`;
  };
  console.log(`\n${title} (${idx.length} rounds after ${skip} of warm-up)`);
  console.log(`  A ${stat(a)}${p95 ? ' (median / p95)' : ''}`);
  console.log(`  B ${stat(b)}`);
  const first = ratio((i) => aFirst[i] === true);
  const second = ratio((i) => aFirst[i] === false);
  console.log(`  B ÷ A ${Math.sqrt(first * second).toFixed(3)} (geometric mean of the two orders' medians: A first ${first.toFixed(3)}, B first ${second.toFixed(3)})`);
}

/** A full collection, untimed, before each timed run (with --expose-gc): no run pays for the garbage of the one before. */
const collect: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function whole(engine: Engine, texts: readonly string[]): number {
  collect();
  const t0 = performance.now();
  for (const text of texts) {
    const model = engine.buildModel({ text });
    engine.runRules(model, engine.DEFAULT_CONFIG);
    engine.documentSymbols(model);
    engine.foldingRanges(model);
  }
  return performance.now() - t0;
}

function wholePart(name: string, a: Engine, b: Engine, texts: readonly string[], rounds: number): void {
  const count = (e: Engine): number => texts.reduce((n, text) => n + e.runRules(e.buildModel({ text }), e.DEFAULT_CONFIG).length, 0);
  const na = count(a);
  const nb = count(b);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const ta: number[] = [];
  const tb: number[] = [];
  const aFirst: boolean[] = [];
  for (let i = 0; i < rounds; i++) {
    const first = i % 2 === 0;
    aFirst.push(first);
    if (first) {
      ta.push(whole(a, texts));
      tb.push(whole(b, texts));
    } else {
      tb.push(whole(b, texts));
      ta.push(whole(a, texts));
    }
  }
  report(`Whole analysis, ${name}: ${texts.length} texts, ${chars.toLocaleString('en')} characters, findings A ${na}, B ${nb}${na === nb ? '' : ' (differ)'}`, ta, tb, aFirst);
}

function editPart(mode: 'char' | 'line', a: Engine, b: Engine, edits: number): void {
  const text = generateReport(30_000);
  const { line, change } = benchEdit(text, mode);
  const setup = (engine: Engine) => {
    const s = { engine, doc: TextDocument.create('file:///bench-ab.md', 'markdown', 1, text), docs: new engine.DocumentAnalyses(), times: [] as number[] };
    s.docs.analysis(s.doc, engine.DEFAULT_CONFIG);
    return s;
  };
  const step = (s: ReturnType<typeof setup>, i: number): void => {
    s.doc = TextDocument.update(s.doc, [change(i)], s.doc.version + 1);
    const t0 = performance.now();
    s.docs.analysis(s.doc, s.engine.DEFAULT_CONFIG);
    s.times.push(performance.now() - t0);
  };
  const sa = setup(a);
  const sb = setup(b);
  const aFirst: boolean[] = [];
  for (let i = 0; i < edits; i++) {
    // The order changes every two steps, so that each order sees insertions and deletions alike.
    const first = i % 4 < 2;
    aFirst.push(first);
    if (first) {
      step(sa, i);
      step(sb, i);
    } else {
      step(sb, i);
      step(sa, i);
    }
  }
  report(`${mode === 'char' ? 'Character' : 'Line'} edits of the 30k-character report, in the server's per-document analysis (line ${line + 1})`, sa.times, sb.times, aFirst, true);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const refs = argv.filter((a, i) => !a.startsWith('--') && !['--only', '--rounds', '--edits'].includes(argv[i - 1] ?? ''));
  if (refs.length !== 2) throw new Error('usage: bench-ab.ts <ref A> <ref B> [--only real,corpus,char,line] [--rounds N] [--edits N] [--quick] (a ref is a commit or `.`, the working tree)');
  const quick = argv.includes('--quick');
  const asked = (option(argv, '--only') ?? PARTS.join(',')).split(',').filter((x) => x !== '');
  const unknown = asked.filter((x) => !(PARTS as readonly string[]).includes(x));
  if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}: choose from ${PARTS.join(', ')}`);
  const parts = new Set(asked as Part[]);
  const rounds = Number(option(argv, '--rounds') ?? (quick ? 10 : 0));
  const edits = Number(option(argv, '--edits') ?? (quick ? 200 : 1000));

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-bench-ab-'));
  const worktrees: string[] = [];
  try {
    const sides: Side[] = refs.map((ref, i) => ({ label: i === 0 ? 'A' : 'B', ref, root: '' }));
    for (const side of sides) {
      const { root, label } = checkout(side.ref, tmp, worktrees);
      side.root = root;
      side.engine = await bundle(root, path.join(tmp, `engine-${side.label}.js`));
      console.log(`${side.label}: ${label}`);
    }
    const [a, b] = sides.map((s) => s.engine as Engine) as [Engine, Engine];
    console.log(`${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, Node ${process.version}`);
    if (parts.has('real')) wholePart('tests/fixtures/real', a, b, REAL.map((r) => r.text), rounds || 300);
    if (parts.has('corpus')) {
      const dir = path.join(sharedDir(), 'corpus');
      const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
      wholePart('../shared/corpus', a, b, texts, rounds || 40);
    }
    if (parts.has('char')) editPart('char', a, b, edits);
    if (parts.has('line')) editPart('line', a, b, edits);
  } finally {
    for (const dir of worktrees) {
      try {
        git(['worktree', 'remove', '--force', dir]);
      } catch {
        // removed below with the folder; prune forgets it
      }
    }
    if (worktrees.length > 0) git(['worktree', 'prune']);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
