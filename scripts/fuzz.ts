/**
 * `npm run fuzz`: the engine's robustness properties on 100,000 generated inputs (the property
 * suite in `npm test` runs a few thousand); formatting idempotence and the fix property on every
 * 10th. Splits the runs over worker processes (one per core),
 * prints the number of cases checked, and exits 1 with a replayable seed on the first failure.
 *
 *   node -r ./tests/register.js scripts/fuzz.ts [--runs 100000] [--seed N] [--workers N]
 *   (FUZZ_DUMP=<file> appends each input that fails the fix property, in full, as a JSON line)
 */
import { fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import fc from 'fast-check';
import { fuzzReport } from '../tests/support/generators';
import { checkEngine, describeInput } from '../tests/support/engine-properties';
import { checkFixes, checkFormatIdempotent } from '../tests/support/fix-properties';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

interface Result {
  runs: number;
  /** Violations of the fix property (fix → no new structure diagnostic), collected without stopping. */
  fixFindings: string[];
  failure?: string;
  slowest: { ms: number; length: number };
}

/** Runs `runs` cases with `seed` in this process. */
function work(runs: number, seed: number): Result {
  const slowest = { ms: 0, length: 0 };
  const fixFindings: string[] = [];
  let n = 0;
  const details = fc.check(
    fc.property(fuzzReport, (text) => {
      const { ms } = checkEngine(text, text.length);
      if (ms > slowest.ms) Object.assign(slowest, { ms, length: text.length });
      if (text.length < 1_000_000 && ms > 1000) throw new Error(`analysis took ${ms.toFixed(0)} ms (CPU) for ${text.length} characters`);
      // Formatting and fixes rebuild the model per fix: every 10th small case. A fix that trips
      // another rule is collected (the run goes on); any other failure stops and is shrunk.
      if (n++ % 10 === 0 && text.length < 100_000) {
        checkFormatIdempotent(text);
        try {
          checkFixes(text, 2);
        } catch (e) {
          fixFindings.push(e instanceof Error ? e.message : String(e));
          // FUZZ_DUMP=file: each failing input in full (one JSON line), to shrink by hand.
          if (process.env['FUZZ_DUMP']) fs.appendFileSync(process.env['FUZZ_DUMP'], JSON.stringify({ finding: fixFindings[fixFindings.length - 1], text }) + '\n');
        }
      }
      if (n % 5000 === 0) console.error(`fuzz: worker at ${n} cases`);
    }),
    { numRuns: runs, seed },
  );
  if (!details.failed) return { runs: details.numRuns, slowest, fixFindings };
  const err = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return {
    runs: details.numRuns,
    slowest,
    fixFindings,
    failure: `seed ${seed}, path ${details.counterexamplePath ?? '?'}: ${err}\ninput: ${describeInput(details.counterexample?.[0] ?? '')}\nreplay: node -r ./tests/register.js scripts/fuzz.ts --workers 1 --runs ${runs} --seed ${seed}`,
  };
}

async function main(): Promise<void> {
  if (process.env['FUZZ_WORKER']) {
    const [runs, seed] = process.env['FUZZ_WORKER'].split(':').map(Number);
    process.send?.(work(runs ?? 0, seed ?? 0));
    return;
  }
  const total = arg('runs', 100_000);
  const seed = arg('seed', Date.now() ^ (Math.random() * 0x7fffffff));
  const workers = Math.max(1, Math.min(arg('workers', os.cpus().length), total));
  const started = Date.now();
  console.log(`fuzz: ${total} cases on ${workers} worker(s), seed ${seed}`);
  const share = (i: number): number => Math.floor(total / workers) + (i < total % workers ? 1 : 0);
  const results = await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      if (workers === 1) return Promise.resolve(work(total, seed));
      return new Promise<Result>((resolve, reject) => {
        const child = fork(__filename, [], { env: { ...process.env, FUZZ_WORKER: `${share(i)}:${seed + i}` }, execArgv: ['-r', require.resolve('../tests/register.js')] });
        let got: Result | undefined;
        child.on('message', (m) => (got = m as Result));
        child.on('error', reject);
        child.on('exit', (code) => (got ? resolve(got) : reject(new Error(`worker ${i} exited with ${code} without a result`))));
      });
    }),
  );
  const runs = results.reduce((n, r) => n + r.runs, 0);
  const slowest = results.reduce((a, r) => (r.slowest.ms > a.ms ? r.slowest : a), { ms: 0, length: 0 });
  const failures = results.filter((r) => r.failure);
  console.log(`fuzz: ${runs} cases checked in ${((Date.now() - started) / 1000).toFixed(1)} s; slowest analysis ${slowest.ms.toFixed(0)} ms CPU (${slowest.length} characters)`);
  for (const f of failures) console.error(`fuzz: FAILED ${f.failure}`);
  const fixFindings = results.flatMap((r) => r.fixFindings);
  if (fixFindings.length > 0) {
    console.error(`fuzz: the fix property failed on ${fixFindings.length} of about ${Math.ceil(runs / 10)} cases checked for it; the first ones:`);
    for (const f of fixFindings.slice(0, 5)) console.error(`  ${f.replace(/\n/g, '\n    ')}`);
  }
  if (failures.length > 0 || fixFindings.length > 0) process.exitCode = 1;
  else console.log(`fuzz: ${runs} cases passed`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
