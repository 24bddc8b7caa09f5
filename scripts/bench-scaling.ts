/**
 * Sections of `npm run bench` about cost growth: the whole analysis at 1, 2, 4 and 8 MB of text
 * (each doubling of the input should cost at most 2.2 × the time), and fix-all on a 100,000-character
 * report typed with an English input method (thousands of half-width commas: one fix each).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { analyze, buildModel, DEFAULT_CONFIG, fixAll, runRules, type Analysis, type EngineConfig } from '../server/src/engine';
import { generateReport, REAL } from './bench-inputs';

const MB = 1024 * 1024;
/** Rules run at every size measured here (the default limit would skip them on large ASCII-heavy text). */
const ALL_RULES: EngineConfig = { ...DEFAULT_CONFIG, maxDocumentSize: Number.MAX_SAFE_INTEGER };

/** The first `bytes` bytes (UTF-8) of a text made by `grow(size in characters)`, at a line end. */
function ofBytes(bytes: number, grow: (chars: number) => string): string {
  let chars = Math.ceil(bytes / 2);
  let text = grow(chars);
  while (Buffer.byteLength(text) < bytes) {
    chars = Math.ceil(chars * 1.25);
    text = grow(chars);
  }
  // Cut at the last line break before the byte budget.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (Buffer.byteLength(text.slice(0, mid)) <= bytes) lo = mid;
    else hi = mid - 1;
  }
  const cut = text.lastIndexOf('\n', lo);
  return text.slice(0, cut > 0 ? cut + 1 : lo);
}

/** Body paragraphs of the real reports. */
const PARAGRAPHS = REAL.flatMap((r) => r.text.split(/\r?\n/))
  .map((l) => l.trim())
  .filter((l) => l.length > 60 && !/^[一二三四五六七八九十（(0-9０-９第①-⑩]/.test(l));

/**
 * Many sections at the top level: every real paragraph under its own Markdown heading (minutes,
 * a collection of short reports). The shape where a linear search over sections per paragraph and
 * per figure made the analysis quadratic.
 */
function manySections(chars: number): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const block = `## 第${i + 1}条\n${PARAGRAPHS[i % PARAGRAPHS.length] ?? ''}\n`;
    out.push(block);
    length += block.length;
  }
  return out.join('');
}

function seconds(fn: () => unknown, runs: number): number {
  return stats(fn, runs).median;
}

/** Best, median and mean seconds of `runs` calls: wall-clock time, or the process's CPU time (user + system, every thread). */
function stats(fn: () => unknown, runs: number, clock: 'wall' | 'cpu' = 'wall'): { min: number; median: number; mean: number } {
  const now = (): number => {
    if (clock === 'wall') return performance.now();
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    fn();
    xs.push(now() - t0);
  }
  xs.sort((a, b) => a - b);
  return { min: (xs[0] ?? 0) / 1000, median: (xs[xs.length >> 1] ?? 0) / 1000, mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length) / 1000 };
}

const SHAPES: Record<string, { name: string; grow: (chars: number) => string }> = {
  generated: { name: 'generated report (scripts/bench-inputs.ts)', grow: generateReport },
  sections: { name: 'many top-level sections (one paragraph each)', grow: manySections },
};

export interface Doubling {
  readonly input: string;
  /** Seconds of the whole analysis at 1, 2, 4 and 8 MB — CPU time (mean) and wall-clock time (best, median) — and CPU ÷ the previous CPU. */
  readonly rows: Array<{ mb: number; chars: number; best: number; median: number; cpu: number; ratio: number | undefined }>;
}

/** The input of the doubling series: `mb` MiB of UTF-8 text of a shape ('generated' or 'sections'). */
export function scalingInput(shape: string, mb: number): string {
  const s = SHAPES[shape];
  if (!s) throw new Error(`unknown shape ${shape}: ${Object.keys(SHAPES).join(', ')}`);
  return ofBytes(mb * MB, s.grow);
}

/** One measurement, in a fresh process (`--measure <shape> <MB> <runs>`): no heap left over from the other sizes. */
function measureInChild(shape: string, mb: number, runs: number): { chars: number; best: number; median: number; cpu: number } {
  const r = spawnSync(process.execPath, ['-r', path.join(__dirname, '..', 'tests', 'register.js'), __filename, '--measure', shape, String(mb), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`measuring ${shape} at ${mb} MB failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { chars: number; best: number; median: number; cpu: number };
}

/**
 * The whole analysis (model, then every rule) at 1, 2, 4 and 8 MB of UTF-8 text of two shapes, each
 * size in its own process: a warm-up, then 7 runs timed by the process's CPU time (every thread,
 * garbage collection included) and 7 by the clock. The ratio is taken on the mean CPU time: on a
 * shared machine the clock also counts the time other work holds the cores, the CPU time does not;
 * and the mean, unlike the median, shares out the occasional full garbage collection among the runs.
 */
export function doublingSeries(quick: boolean): Doubling[] {
  return Object.entries(SHAPES).map(([shape, { name }]) => {
    const rows: Doubling['rows'] = [];
    let previous: number | undefined;
    for (const mb of [1, 2, 4, 8]) {
      const m = measureInChild(shape, mb, quick ? 2 : 7);
      rows.push({ mb, chars: m.chars, best: m.best, median: m.median, cpu: m.cpu, ratio: previous === undefined ? undefined : m.cpu / previous });
      previous = m.cpu;
    }
    return { input: name, rows };
  });
}

export function printDoubling(series: readonly Doubling[]): boolean {
  let ok = true;
  console.log('\nanalysis cost per doubling of the input (model + every rule, in a fresh process per size, 7 runs after a warm-up; the ratio is of mean CPU times; target: each doubling ≤ 2.2 ×):');
  for (const s of series) {
    console.log(`  ${s.input}`);
    for (const r of s.rows) {
      // Judged at the precision printed.
      const missed = r.ratio !== undefined && Number(r.ratio.toFixed(2)) > 2.2;
      if (missed) ok = false;
      const ratio = r.ratio === undefined ? '' : `${r.ratio.toFixed(2)} × the previous${missed ? '  — MISSED' : ''}`;
      console.log(`    ${String(r.mb).padStart(2)} MB ${`(${r.chars.toLocaleString('en')} characters)`.padEnd(24)} CPU ${r.cpu.toFixed(2).padStart(5)} s mean  (wall: best ${r.best.toFixed(2)} s, median ${r.median.toFixed(2)} s)  ${ratio}`);
    }
  }
  return ok;
}

/** A report typed with an English input method: its 「，」 and 「、」 are half-width commas, its 「；」 semicolons. */
export function commaHeavyReport(chars: number): string {
  return generateReport(chars).replace(/[，、]/g, ',').replace(/；/g, ';');
}

export interface FixAllFigures {
  readonly chars: number;
  readonly commas: number;
  readonly check: number;
  readonly fixCli: number;
  readonly fixEditor: number;
  readonly applied: number;
}

/** `report-check` then `--fix` (analysis, then fix-all), and the editor's source.fixAll.report edits, on the comma-heavy report. */
export function fixAllBench(quick: boolean): FixAllFigures {
  const text = commaHeavyReport(100_000);
  const runs = quick ? 1 : 3;
  const analysisOf = (): Analysis => analyze(buildModel({ text }), DEFAULT_CONFIG) as Analysis;
  let applied = 0;
  const check = seconds(analysisOf, runs);
  const fixCli = seconds(() => (applied = fixAll(analysisOf()).applied.length), runs);
  const fixEditor = seconds(() => analysisOf().fixAllEdits(), runs);
  return { chars: text.length, commas: (text.match(/,/g) ?? []).length, check, fixCli, fixEditor, applied };
}

export function printFixAll(f: FixAllFigures): boolean {
  console.log(`\nfix-all on a ${f.chars.toLocaleString('en')}-character report with ${f.commas.toLocaleString('en')} half-width commas (median of 3; target ≤ 1 s):`);
  console.log(`  check (model + rules)                    ${f.check.toFixed(2)} s`);
  console.log(`  --fix (check, then fix-all of ${f.applied} fixes) ${f.fixCli.toFixed(2)} s${f.fixCli <= 1 ? '' : '  — MISSED'}`);
  console.log(`  source.fixAll.report edits (editor)      ${f.fixEditor.toFixed(2)} s${f.fixEditor <= 1 ? '' : '  — MISSED'}`);
  return f.fixCli <= 1 && f.fixEditor <= 1;
}

if (require.main === module && process.argv[2] === '--measure') {
  const text = scalingInput(process.argv[3] ?? '', Number(process.argv[4]));
  const whole = (): void => void runRules(buildModel({ text }), ALL_RULES);
  whole(); // warm-up
  const runs = Number(process.argv[5] ?? 7);
  const wall = stats(whole, runs, 'wall');
  const cpu = stats(whole, runs, 'cpu');
  process.stdout.write(JSON.stringify({ chars: text.length, best: wall.min, median: wall.median, cpu: cpu.mean }));
}
