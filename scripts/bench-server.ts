/**
 * The editor-facing part of `npm run bench`: the real server over stdio (edit → diagnostics latency,
 * memory with the 1 MB report open), bundle sizes and an activation estimate.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Module from 'module';
import { DocumentSymbolRequest, FoldingRangeRequest } from 'vscode-languageserver-protocol/node';
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
  serverAnalysis: { median: number; p95: number };
  publishes: number;
}

/**
 * `edits` one-character edits of the report in the real server, each awaited until the diagnostics
 * of its version arrive (round trip); the same edits analysed in process as the server does
 * (buildModel from the previous version + diagnostics, as the server does): the server-side time.
 */
export async function editLatency(text: string, edits: number): Promise<LatencyResult> {
  const { client } = await TestClient.start({ configuration: false });
  const uri = 'file:///bench/edit.report.md';
  try {
    await client.open(uri, text);
    await client.waitForVersion(uri, 1, 60_000);
    const lines = text.split('\n');
    const line = Math.floor(lines.length / 2);
    const col = Math.min(10, (lines[line] ?? '').length);
    const before = client.published.length;
    const rt: number[] = [];
    let current = text;
    const server: number[] = [];
    let previous = buildModel({ text: current, uri, version: 1 });
    diagnostics(previous, DEFAULT_CONFIG);
    for (let i = 0; i < edits; i++) {
      const insert = i % 2 === 0;
      const change = insert
        ? { range: { start: { line, character: col }, end: { line, character: col } }, text: '字' }
        : { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' };
      const t0 = performance.now();
      const version = await client.change(uri, [change]);
      await client.waitForVersion(uri, version, 30_000);
      rt.push(performance.now() - t0);
      // The same analysis in this process, on the same text.
      const ls = current.split('\n');
      const l = ls[line] ?? '';
      ls[line] = insert ? l.slice(0, col) + '字' + l.slice(col) : l.slice(0, col) + l.slice(col + 1);
      current = ls.join('\n');
      const s0 = performance.now();
      // As the server does: built from the previous version's model (incremental), then every rule.
      const model = buildModel({ text: current, uri, version, previous });
      diagnostics(model, DEFAULT_CONFIG);
      previous = model;
      server.push(performance.now() - s0);
    }
    return {
      edits,
      roundTrip: { median: median(rt), p95: percentile(rt, 95) },
      serverAnalysis: { median: median(server), p95: percentile(server, 95) },
      publishes: client.published.length - before,
    };
  } finally {
    await client.stop();
  }
}

/** Server RSS after initialize, and with the 1 MB report open (diagnostics, symbols and folding computed). */
export async function serverMemory(text: string): Promise<{ idle: number; open: number }> {
  const { client } = await TestClient.start({ configuration: false });
  const uri = 'file:///bench/big.report.md';
  try {
    const pid = client.child.pid ?? 0;
    const idle = rssMb(pid);
    await client.open(uri, text);
    await client.waitForVersion(uri, 1, 120_000);
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    return { idle, open: rssMb(pid) };
  } finally {
    await client.stop();
  }
}

/** Sizes of dist/*.js as built, and minified (as `vscode:prepublish` builds them) in a temp folder. */
export async function bundleSizes(): Promise<Array<{ file: string; dev: number; production: number | undefined }>> {
  const dist = path.join(ROOT, 'dist');
  const files = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-bench-'));
  const production = new Map<string, number>();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    const entries: Record<string, string> = { 'extension.js': 'client/src/extension.ts', 'server.js': 'server/src/main.ts', 'cli.js': 'server/src/cli.ts' };
    for (const [out, entry] of Object.entries(entries)) {
      if (!fs.existsSync(path.join(ROOT, entry))) continue;
      const outfile = path.join(tmp, out);
      await esbuild.build({ entryPoints: [path.join(ROOT, entry)], outfile, bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, external: ['vscode'], logLevel: 'silent', legalComments: 'none' });
      production.set(out, fs.statSync(outfile).size);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return files.map((file) => ({ file, dev: fs.statSync(path.join(dist, file)).size, production: production.get(file) }));
}

/**
 * Activation estimate: VS Code's activate() loads dist/extension.js and awaits client.start(),
 * i.e. the server process starting and answering initialize. Measured: loading the bundle (with a
 * stub for the `vscode` module) plus spawning the server and its initialize round trip.
 */
export async function activationEstimate(): Promise<{ load: number; serverStart: number }> {
  const stub: unknown = new Proxy(function () {}, { get: (_t, k) => (k === Symbol.toPrimitive ? () => '' : stub), apply: () => stub, construct: () => stub as object });
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? stub : original(request, ...rest));
  let load = NaN;
  try {
    const t0 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(ROOT, 'dist', 'extension.js'));
    load = performance.now() - t0;
  } catch {
    // the bundle touched the stub in a way it cannot answer at load time: no load figure
  } finally {
    loader._load = original;
  }
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const { client } = await TestClient.start({ configuration: false });
    starts.push(performance.now() - t0);
    await client.stop();
  }
  return { load, serverStart: median(starts) };
}
