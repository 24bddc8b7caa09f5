/**
 * The editor-facing part of `npm run bench`: the real server over stdio (edit → diagnostics latency,
 * memory with the 1 MB report open), bundle sizes and an activation estimate.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DocumentSymbolRequest, FoldingRangeRequest, type Range } from 'vscode-languageserver-protocol/node';
import { buildModel, DEFAULT_CONFIG, diagnostics } from '../server/src/engine';
import { TestClient } from '../tests/support/lsp';

const ROOT = path.join(__dirname, '..');

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

export interface LatencyResult {
  edits: number;
  roundTrip: { median: number; p95: number };
  /** The server's own time for each version (REPORT_TRACE_ANALYSIS's log: the model built from the previous one, then every rule). */
  serverAnalysis: { median: number; p95: number };
  /** The same after the first WARM_EDITS edits (the JIT compiler has seen the code; the GC has sized its young generation). */
  steadyAnalysis: { median: number; p95: number };
  /** The same versions analysed in the bench process, after the server has stopped and after the bench's other sections (the method of the runs before 2026-12-06 15:00, which ran it between the server's edits). */
  inProcess: { median: number; p95: number };
  publishes: number;
}

/** The time the server logged for its analysis of `uri` at `version` (REPORT_TRACE_ANALYSIS=1). */
function loggedTime(logs: readonly string[], uri: string, version: number): number {
  const head = `analysed ${uri} v${version} in `;
  for (let i = logs.length - 1; i >= 0; i--) {
    const l = logs[i] as string;
    if (l.startsWith(head)) return Number(l.slice(head.length).replace(/ ms$/, ''));
  }
  throw new Error(`the server logged no analysis of ${uri} v${version}`);
}

/** Edits after which the server-side figures count as steady (printed beside the figures of all edits). */
export const WARM_EDITS = 50;

/**
 * The edits of the latency bench on `text`, in a line in the middle (at column 10): `kind` 'char'
 * types a character at even steps and deletes it at odd ones (nothing moves); 'line' presses Enter,
 * then Backspace (every line below moves). Also those of `npm run bench:ab`.
 */
export function benchEdit(text: string, kind: 'char' | 'line'): { line: number; col: number; inserted: string; change(i: number): { range: Range; text: string } } {
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  const col = Math.min(10, (lines[line] ?? '').length);
  const inserted = kind === 'char' ? '字' : '\n';
  const change = (i: number): { range: Range; text: string } =>
    i % 2 === 0
      ? { range: { start: { line, character: col }, end: { line, character: col } }, text: inserted }
      : { range: { start: { line, character: col }, end: kind === 'char' ? { line, character: col + 1 } : { line: line + 1, character: 0 } }, text: '' };
  return { line, col, inserted, change };
}

/**
 * `edits` edits of the report in the real server, each awaited until the diagnostics of its version
 * arrive (round trip); the server-side time is the server's own, from its trace log (the model
 * built from the previous version's, then every rule). Then, once the server has stopped (so that
 * neither takes CPU from the other), the same edits analysed in this process, as the runs before
 * that log existed measured them. `kind` 'char' types and deletes one character in a line (nothing
 * moves); 'line' presses Enter and Backspace in it (every line below moves).
 */
export async function editLatency(text: string, edits: number, kind: 'char' | 'line' = 'char'): Promise<LatencyResult> {
  const { line, col, inserted, change: changeOf } = benchEdit(text, kind);
  const uri = 'file:///bench/edit.report.md';
  const rt: number[] = [];
  const logged: number[] = [];
  let publishes = 0;
  const { client } = await TestClient.start({ configuration: false, env: { REPORT_TRACE_ANALYSIS: '1' } });
  try {
    await client.open(uri, text);
    await client.waitForVersion(uri, 1, 60_000);
    const before = client.published.length;
    for (let i = 0; i < edits; i++) {
      const t0 = performance.now();
      const version = await client.change(uri, [changeOf(i)]);
      await client.waitForVersion(uri, version, 30_000);
      rt.push(performance.now() - t0);
      logged.push(loggedTime(client.logs, uri, version));
    }
    publishes = client.published.length - before;
  } finally {
    await client.stop();
  }
  // The same versions analysed in this process (as the server does: each model built from the previous one).
  const inProcess: number[] = [];
  let current = text;
  let previous = buildModel({ text: current, uri, version: 1 });
  diagnostics(previous, DEFAULT_CONFIG);
  previous.memo.release();
  for (let i = 0; i < edits; i++) {
    const at = lineStart(current, line) + col;
    current = i % 2 === 0 ? current.slice(0, at) + inserted + current.slice(at) : current.slice(0, at) + current.slice(at + 1);
    const s0 = performance.now();
    const model = buildModel({ text: current, uri, version: i + 2, previous, takeOver: true });
    diagnostics(model, DEFAULT_CONFIG);
    inProcess.push(performance.now() - s0);
    // (As the server settles a version once it is analysed: server/src/documents.ts.)
    model.memo.release();
    previous = model;
  }
  return {
    edits,
    roundTrip: { median: median(rt), p95: percentile(rt, 95) },
    serverAnalysis: { median: median(logged), p95: percentile(logged, 95) },
    // (NaN with no edit past the warm-up, as in --quick runs: printed as such, not as 0 ms.)
    steadyAnalysis: edits > WARM_EDITS ? { median: median(logged.slice(WARM_EDITS)), p95: percentile(logged.slice(WARM_EDITS), 95) } : { median: NaN, p95: NaN },
    inProcess: { median: median(inProcess), p95: percentile(inProcess, 95) },
    publishes,
  };
}

function lineStart(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
  return at;
}

/** Seconds after opening at which the server's memory counts as settled (its collections end by 13.5 s: server/src/memory.ts). */
export const SETTLE_SECONDS = 16;

/**
 * Server RSS after initialize; with the 1 MB report open (its diagnostics, symbols and folding
 * computed); 4 s later (the server has collected once); and SETTLE_SECONDS later, once it has
 * given memory back (see server/src/memory.ts).
 */
export async function serverMemory(text: string, memoryEnv = true): Promise<{ idle: number; open: number; at4: number; settled: number }> {
  // (memoryEnv: started as the extension starts it, with common/server-env.ts; false: without it, as a bare `report-language-server --stdio`.)
  const { client } = await TestClient.start({ configuration: false, memoryEnv });
  const uri = 'file:///bench/big.report.md';
  try {
    const pid = client.child.pid ?? 0;
    const idle = rssMb(pid);
    await client.open(uri, text);
    await client.waitForVersion(uri, 1, 120_000);
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const open = rssMb(pid);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const at4 = rssMb(pid);
    await new Promise((resolve) => setTimeout(resolve, (SETTLE_SECONDS - 4) * 1000));
    return { idle, open, at4, settled: rssMb(pid) };
  } finally {
    await client.stop();
  }
}

/** Sizes of dist/*.js as built, and as `npm run package` and `npm pack` build them (esbuild.js --production, in a temp folder). */
export async function bundleSizes(): Promise<Array<{ file: string; dev: number; production: number | undefined }>> {
  const dist = path.join(ROOT, 'dist');
  const files = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-bench-'));
  const production = new Map<string, number>();
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--production', '--outdir', tmp], { cwd: ROOT, stdio: 'inherit' });
    for (const f of fs.readdirSync(tmp).filter((n) => n.endsWith('.js'))) production.set(f, fs.statSync(path.join(tmp, f)).size);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return files.map((file) => ({ file, dev: fs.statSync(path.join(dist, file)).size, production: production.get(file) }));
}

/**
 * Activation estimate outside VS Code: activate() does not wait for the server, so activation is
 * loading the client bundle and running activate(). Measured: loading the minified bundle (what the
 * .vsix ships) with a stub for the `vscode` module, in a fresh Node process (median of 5). The
 * server's start to its `initialize` answer is shown apart (it runs in the background). The figure
 * measured inside VS Code is printed by tests/e2e/suite/activation.test.js.
 */
export async function activationEstimate(): Promise<{ load: number; serverStart: number }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-activation-'));
  const loads: number[] = [];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    const bundle = path.join(tmp, 'extension.js');
    await esbuild.build({ entryPoints: [path.join(ROOT, 'client/src/extension.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, external: ['vscode'], logLevel: 'silent', legalComments: 'none' });
    const probe = [
      "const Module = require('module');",
      'const stub = new Proxy(function () {}, { get: (_t, k) => (k === Symbol.toPrimitive ? () => "" : stub), apply: () => stub, construct: () => stub });',
      'const load = Module._load; Module._load = (r, ...rest) => (r === "vscode" ? stub : load(r, ...rest));',
      `const t0 = performance.now(); require(${JSON.stringify(bundle)}); console.log(performance.now() - t0);`,
    ].join('\n');
    for (let i = 0; i < 5; i++) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const out = (require('child_process') as typeof import('child_process')).execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
      loads.push(Number(out.trim()));
    }
  } catch {
    // no load figure
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const { client } = await TestClient.start({ configuration: false });
    starts.push(performance.now() - t0);
    await client.stop();
  }
  return { load: loads.length > 0 ? median(loads) : NaN, serverStart: median(starts) };
}
