/**
 * The `cli` section of `npm run bench`: `report-check` (dist/cli.js) on every report of
 * ../shared/corpus, as a whole process, beside `markdownlint-cli2` on the same files. The two are
 * run in turn, several times each, and the median wall time of each is printed with their ratio.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cpuCount, serverExecArgv } from '../common/server-env';
import { median } from './bench-server';

const ROOT = path.join(__dirname, '..');
export const CORPUS_DIR = path.join(ROOT, '..', 'shared', 'corpus');

export interface CliBench {
  readonly files: number;
  readonly characters: number;
  readonly runs: number;
  readonly reportCheck: number;
  /** report-check with the thread option the extension gives its server on this machine (README, "Threads" and The CLI), when there is one. */
  readonly reportCheckThreads: { readonly option: string; readonly ms: number } | undefined;
  readonly markdownlintCli2: number;
}

function wall(args: readonly string[], nodeOptions?: string): number {
  const env = nodeOptions === undefined ? process.env : { ...process.env, NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} ${nodeOptions}`.trim() };
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: CORPUS_DIR, stdio: 'ignore', env });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  // Exit codes 0 and 1 are the findings' verdict; anything else is a failure to run.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args[0] ?? ''} exited with ${String(r.status)}`);
  return ms;
}

/** Undefined when the corpus is not there (a checkout outside the shared workspace). */
export function cliBench(quick: boolean): CliBench | undefined {
  if (!fs.existsSync(CORPUS_DIR)) return undefined;
  const files = fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(CORPUS_DIR, f));
  const characters = files.reduce((n, f) => n + fs.readFileSync(f, 'utf8').length, 0);
  const ours = [path.join(ROOT, 'dist', 'cli.js'), ...files];
  const theirs = [path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), ...files];
  const runs = quick ? 3 : 9;
  wall(ours); // warm the file cache
  wall(theirs);
  // On two to four CPUs, V8's four background threads leave the main thread no CPU of its own (docs/performance.md, 2026-12-06).
  const threads = serverExecArgv(cpuCount()).join(' ');
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(wall(ours));
    b.push(wall(theirs));
    if (threads !== '') c.push(wall(ours, threads));
  }
  return { files: files.length, characters, runs, reportCheck: median(a), reportCheckThreads: threads !== '' ? { option: threads, ms: median(c) } : undefined, markdownlintCli2: median(b) };
}

export function printCli(c: CliBench | undefined): void {
  if (!c) {
    console.log(`\nreport-check vs markdownlint-cli2: ${CORPUS_DIR} not found, skipped`);
    return;
  }
  console.log(`\nreport-check vs markdownlint-cli2 on ${c.files} corpus reports (${c.characters.toLocaleString('en')} characters), whole processes, median of ${c.runs} runs each:`);
  console.log(`  report-check (dist/cli.js)   ${c.reportCheck.toFixed(0).padStart(6)} ms`);
  console.log(`  markdownlint-cli2            ${c.markdownlintCli2.toFixed(0).padStart(6)} ms`);
  console.log(`  ratio                        ${(c.reportCheck / c.markdownlintCli2).toFixed(2).padStart(6)} ×`);
  if (c.reportCheckThreads) {
    const { option, ms } = c.reportCheckThreads;
    console.log(`  report-check with NODE_OPTIONS=${option} (README, The CLI)  ${ms.toFixed(0)} ms, ${(ms / c.markdownlintCli2).toFixed(2)} ×`);
  }
}
