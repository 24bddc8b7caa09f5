/**
 * `npm run bench`: speed of the engine beside markdown-it's bare parse and markdownlint's default
 * lint on the same text (medians after warm-up, ratios), editor latency through the real server,
 * server memory, bundle sizes and activation. Figures are printed; targets are noted, not asserted
 * (see docs/performance.md).
 *
 *   node esbuild.js && node -r ./tests/register.js scripts/bench.ts [--quick] [--only <section>[,<section>…]]
 *
 * Sections: engine, latency, memory, bundles, activation, doubling, fixall, cli (all by default).
 */
import * as os from 'os';
import MarkdownIt from 'markdown-it';
import { buildModel, DEFAULT_CONFIG, documentSymbols, foldingRanges, RULES, runRules } from '../server/src/engine';
import * as engine from '../server/src/engine';
import { generateReport, REAL } from './bench-inputs';
import { activationEstimate, bundleSizes, editLatency, median, serverMemory, SETTLE_SECONDS, WARM_EDITS } from './bench-server';
import { doublingSeries, fixAllBench, printDoubling, printFixAll } from './bench-scaling';
import { cliBench, printCli } from './bench-cli';

const QUICK = process.argv.includes('--quick');
const SECTIONS = ['engine', 'latency', 'memory', 'bundles', 'activation', 'doubling', 'fixall', 'cli'] as const;
type Section = (typeof SECTIONS)[number];

/** The sections asked for with --only (repeatable, or comma-separated); all when absent. */
function sectionsToRun(argv: readonly string[]): Set<Section> {
  const asked = argv.flatMap((a, i) => (a === '--only' ? (argv[i + 1] ?? '').split(',') : a.startsWith('--only=') ? a.slice(7).split(',') : [])).filter((x) => x !== '');
  const unknown = asked.filter((x) => !(SECTIONS as readonly string[]).includes(x));
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}: choose from ${SECTIONS.join(', ')}`);
  return new Set(asked.length > 0 ? (asked as Section[]) : SECTIONS);
}

/** Median milliseconds of `runs` calls after `warmup` calls. */
function time(fn: () => unknown, runs: number, warmup: number): number {
  return timeInTurns([fn], runs, warmup)[0] ?? NaN;
}

/** Median milliseconds of each function, run in turns (`runs` rounds after `warmup` rounds). */
function timeInTurns(fns: ReadonlyArray<() => unknown>, runs: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const xs = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      xs[k]?.push(performance.now() - t0);
    });
  }
  return xs.map(median);
}

type Lint = (options: { strings: Record<string, string> }) => unknown;

async function loadMarkdownlint(): Promise<Lint> {
  // markdownlint is ESM only: a real dynamic import (the TypeScript loader would turn import() into require()).
  const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<{ lint: Lint }>;
  return (await dynamicImport('markdownlint/sync')).lint;
}

interface Row {
  step: string;
  ms: number;
}

function table(title: string, rows: Row[], mdit: number, mdlint: number): void {
  console.log(`\n${title}`);
  console.log(`  ${'step'.padEnd(34)}${'median ms'.padStart(11)}${'÷ markdown-it'.padStart(15)}${'÷ markdownlint'.padStart(16)}`);
  for (const r of rows) {
    console.log(`  ${r.step.padEnd(34)}${r.ms.toFixed(2).padStart(11)}${(r.ms / mdit).toFixed(2).padStart(15)}${(r.ms / mdlint).toFixed(3).padStart(16)}`);
  }
}

async function engineTables(lint: Lint): Promise<Record<string, { analysis: number; mdit: number; mdlint: number }>> {
  const md = new MarkdownIt();
  const render = (engine as unknown as Record<string, unknown>)['renderDocument'] as ((m: unknown, o?: unknown) => unknown) | undefined;
  const inputs = [
    { name: 'generated 30k-character report', text: generateReport(30_000), perRule: true },
    // (The targets use the report of distinct paragraphs; the other is the report of runs before 2026-12-02 16:30.)
    { name: 'generated 1 MB report', text: generateReport(1_000_000, { distinct: true }), perRule: true },
    { name: 'generated 1 MB report, its 268 paragraph texts repeated', text: generateReport(1_000_000), perRule: false },
    ...REAL.map((r) => ({ name: `real: ${r.name}`, text: r.text, perRule: false })),
  ];
  const summary: Record<string, { analysis: number; mdit: number; mdlint: number }> = {};
  for (const input of inputs) {
    const big = input.text.length > 200_000;
    const runs = QUICK ? 3 : big ? 7 : 61;
    const warm = QUICK ? 1 : big ? 2 : 10;
    const text = input.text;
    const model = buildModel({ text });
    const rows: Row[] = [];
    rows.push({ step: 'buildModel', ms: time(() => buildModel({ text }), runs, warm) });
    if (input.perRule) for (const rule of RULES) rows.push({ step: `  rule ${rule.id}`, ms: time(() => runRules(model, DEFAULT_CONFIG, undefined, [rule]), runs, warm) });
    rows.push({ step: 'all diagnostics (runRules)', ms: time(() => runRules(model, DEFAULT_CONFIG), runs, warm) });
    rows.push({ step: 'documentSymbols', ms: time(() => documentSymbols(model), runs, warm) });
    rows.push({ step: 'foldingRanges', ms: time(() => foldingRanges(model), runs, warm) });
    // The whole analysis, markdown-it and markdownlint are timed in turns (one run of each per round,
    // after the same warm-up): the three see the same machine, load and heap state, so a slow moment
    // of a shared machine does not land on one of them only.
    const [analysis, mdit, mdlint] = timeInTurns(
      [
        () => {
          const m = buildModel({ text });
          runRules(m, DEFAULT_CONFIG);
          documentSymbols(m);
          foldingRanges(m);
        },
        () => md.parse(text, {}),
        () => lint({ strings: { doc: text } }),
      ],
      runs,
      warm,
    ) as [number, number, number];
    rows.push({ step: 'WHOLE ANALYSIS (model+rules+sym+fold)', ms: analysis });
    if (render) rows.push({ step: 'render for the preview (flow)', ms: time(() => render(model, { view: 'flow' }), runs, warm) });
    rows.push({ step: 'markdown-it parse (bare)', ms: mdit }, { step: 'markdownlint lint (default rules)', ms: mdlint });
    table(`${input.name} (${text.length.toLocaleString('en')} characters, ${model.headings.length} headings)`, rows, mdit, mdlint);
    summary[input.name] = { analysis, mdit, mdlint };
  }
  return summary;
}

async function main(): Promise<void> {
  const run = sectionsToRun(process.argv.slice(2));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`report-language-tools bench — ${new Date().toISOString()}`);
  console.log(`machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`sections: ${[...run].join(', ')}`);
  const targets: string[] = [];
  const ok = (b: boolean): string => (b ? 'met' : 'MISSED');

  if (run.has('engine')) {
    const summary = await engineTables(await loadMarkdownlint());
    const big = summary['generated 1 MB report'];
    if (big) {
      targets.push(`1 MB analysis ≤ 10 × markdown-it parse: ${(big.analysis / big.mdit).toFixed(2)} × — ${ok(big.analysis <= 10 * big.mdit)}`);
      targets.push(`1 MB analysis ≥ 4 × faster than markdownlint: ${(big.mdlint / big.analysis).toFixed(2)} × — ${ok(big.mdlint >= 4 * big.analysis)}`);
    }
    const real = Object.entries(summary).filter(([name]) => name.startsWith('real: '));
    if (real.length > 0) {
      const slowest = Math.min(...real.map(([, r]) => r.mdlint / r.analysis));
      targets.push(`each real report faster than markdownlint: slowest ${slowest.toFixed(2)} × faster — ${ok(slowest > 1)}`);
    }
  }

  if (run.has('latency')) {
    const edits = QUICK ? 40 : 200;
    const latency = await editLatency(generateReport(30_000), edits, 'char');
    const lineLatency = await editLatency(generateReport(30_000), edits, 'line');
    for (const [what, l] of [['one-character edits (type, delete)', latency], ['line edits (Enter, Backspace: every line below moves)', lineLatency]] as const) {
      console.log(`\neditor latency, 30k-character report, ${l.edits} ${what} through the server over stdio:`);
      console.log(`  round trip didChange → publishDiagnostics of that version: median ${l.roundTrip.median.toFixed(2)} ms, p95 ${l.roundTrip.p95.toFixed(2)} ms`);
      console.log(`  server-side analysis of each version (the server's own time, from its trace log): median ${l.serverAnalysis.median.toFixed(2)} ms, p95 ${l.serverAnalysis.p95.toFixed(2)} ms`);
      console.log(`  the same after the first ${WARM_EDITS} edits (steady state): median ${l.steadyAnalysis.median.toFixed(2)} ms, p95 ${l.steadyAnalysis.p95.toFixed(2)} ms`);
      console.log(`  the same versions analysed in this process once the server has stopped, after its other sections (the method of the runs before 2026-12-06 15:00): median ${l.inProcess.median.toFixed(2)} ms, p95 ${l.inProcess.p95.toFixed(2)} ms`);
      console.log(`  publishes: ${l.publishes}`);
    }
    for (const [what, l] of [['character edits', latency], ['line edits', lineLatency]] as const) {
      const met = l.serverAnalysis.median <= 3 && l.serverAnalysis.p95 <= 6;
      targets.push(`edit → diagnostics, ${what}, server time median ≤ 3 ms and p95 ≤ 6 ms (all edits): ${l.serverAnalysis.median.toFixed(2)} / ${l.serverAnalysis.p95.toFixed(2)} ms — ${ok(met)} (after ${WARM_EDITS} edits: ${l.steadyAnalysis.median.toFixed(2)} / ${l.steadyAnalysis.p95.toFixed(2)} ms)`);
    }
  }

  if (run.has('memory')) {
    // The target's report has distinct paragraphs, as a real report does (the memo shares what a
    // repeated paragraph gives: the report of repeated paragraphs, measured before 2026-12-04, settles lower).
    const mem = await serverMemory(generateReport(1_000_000, { distinct: true }));
    console.log(`\nserver memory (VmRSS), 1 MB report of distinct paragraphs, the server started as the extension starts it: ${mem.idle.toFixed(1)} MB after initialize, ${mem.open.toFixed(1)} MB with the report open (right after its diagnostics, symbols, folding), ${mem.at4.toFixed(1)} MB 4 s later, ${mem.settled.toFixed(1)} MB ${SETTLE_SECONDS} s later (settled)`);
    const bare = await serverMemory(generateReport(1_000_000, { distinct: true }), false);
    console.log(`  without the malloc thresholds of common/server-env.ts (a bare report-language-server --stdio): ${bare.idle.toFixed(1)} MB after initialize, ${bare.settled.toFixed(1)} MB settled`);
    const repeated = await serverMemory(generateReport(1_000_000));
    console.log(`  the 1 MB report of repeated paragraphs (the runs before 2026-12-04): ${repeated.settled.toFixed(1)} MB settled`);
    targets.push(`server RSS ≤ 80 MB with 1 MB open (settled): ${mem.settled.toFixed(1)} MB — ${ok(mem.settled <= 80)}`);
  }

  if (run.has('bundles')) {
    console.log('\nbundles (dist/*.js as built; as `npm run package` and `npm pack` build them, esbuild.js --production: minified, the server in syntax only):');
    for (const b of await bundleSizes()) console.log(`  ${b.file.padEnd(16)} ${(b.dev / 1024).toFixed(0).padStart(6)} KB${b.production ? `   production ${(b.production / 1024).toFixed(0)} KB` : ''}`);
  }

  if (run.has('activation')) {
    const act = await activationEstimate();
    console.log(`\nactivation estimate: load the minified dist/extension.js ${Number.isNaN(act.load) ? 'n/a' : `${act.load.toFixed(1)} ms`} (the server, started in the background, answers initialize after ${act.serverStart.toFixed(1)} ms)`);
    targets.push(`activation ≤ 100 ms (estimate: bundle load): ${act.load.toFixed(1)} ms — ${ok(act.load <= 100)}`);
  }

  if (run.has('doubling')) {
    const series = doublingSeries(QUICK);
    const met = printDoubling(series);
    const worst = Math.max(...series.flatMap((s) => s.rows.map((r) => r.ratio ?? 0)));
    targets.push(`analysis: each doubling 1 → 2 → 4 → 8 MB ≤ 2.2 ×: worst ${worst.toFixed(2)} × — ${ok(met)}`);
  }

  if (run.has('fixall')) {
    const f = fixAllBench(QUICK);
    const met = printFixAll(f);
    targets.push(`fix-all on the 100k comma-heavy report ≤ 1 s: --fix ${f.fixCli.toFixed(2)} s, editor ${f.fixEditor.toFixed(2)} s — ${ok(met)}`);
  }

  if (run.has('cli')) {
    const c = cliBench(QUICK);
    printCli(c);
    if (c) targets.push(`report-check on the corpus ≤ 0.5 × markdownlint-cli2 (whole processes): ${(c.reportCheck / c.markdownlintCli2).toFixed(2)} × — ${ok(c.reportCheck <= 0.5 * c.markdownlintCli2)}`);
  }

  if (targets.length > 0) {
    console.log('\ntargets:');
    for (const line of targets) console.log(`  ${line}`);
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
