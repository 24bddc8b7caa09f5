// tests/e2e/run-desktop.js (npm run test:e2e:desktop) where desktop VS Code cannot be downloaded:
// it must say so in one line and exit non-zero at once, never hang. The download host is not
// contacted: @vscode/test-electron's requests go through a proxy on 127.0.0.1 (npm's
// https-proxy setting, which it honours) that never answers, or that refuses connections.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'tests', 'e2e', 'run-desktop.js');
const HARD_LIMIT_MS = 30000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the script with `env` on top of a clean environment; kills it after HARD_LIMIT_MS. */
function runDesktop(env: Record<string, string>, args: string[] = []): Promise<Run> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(VSCODE_|E2E_|npm_config_(https_)?proxy$)/i.test(k)) continue;
    base[k] = v;
  }
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`run-desktop.js still running after ${HARD_LIMIT_MS} ms (it hangs):\n${stdout}\n${stderr}`));
    }, HARD_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** A TCP server on 127.0.0.1 that accepts connections and never answers; records what it receives. */
async function blackhole(): Promise<{ port: number; received: () => string; close: () => Promise<void> }> {
  const sockets: net.Socket[] = [];
  let received = '';
  const server = net.createServer((s) => {
    sockets.push(s);
    s.on('data', (d) => (received += d.toString('latin1')));
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    received: () => received,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('e2e in desktop VS Code (run-desktop.js) without a download', function () {
  this.timeout(HARD_LIMIT_MS + 10000);
  let cache = '';
  const engines = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { vscode: string } }).engines.vscode;
  // A caret range (tests/unit/package.test.ts checks the form): its oldest version is its base.
  const oldest = /^\^(\d+\.\d+\.\d+)$/.exec(engines)?.[1] ?? '';

  before(() => {
    assert.ok(oldest, `engines.vscode ${engines}`);
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'extension.js')), 'build first (node esbuild.js)');
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'report-vscode-cache-')); // nothing downloaded in it
  });
  after(() => fs.rmSync(cache, { recursive: true, force: true }));

  /** The one line on stderr, and the plan on stdout. */
  function assertFailedFast(r: Run, reason: RegExp) {
    assert.strictEqual(r.code, 1, `${r.stdout}\n${r.stderr}`);
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.strictEqual(lines.length, 1, `one line on stderr:\n${r.stderr}`);
    const line = lines[0] ?? '';
    assert.match(line, new RegExp(`^run-desktop: cannot download VS Code ${oldest.replace(/\./g, '\\.')} from update\\.code\\.visualstudio\\.com \\(`));
    assert.match(line, reason);
    assert.match(line, /"npm run test:e2e"/, 'says what to run instead');
    assert.match(line, /VSCODE_EXECUTABLE/);
    // The versions it would have run: the oldest engines.vscode allows, and stable.
    assert.match(r.stdout, new RegExp(`VS Code versions: ${oldest.replace(/\./g, '\\.')} \\(the oldest engines\\.vscode ${engines.replace(/[.^]/g, '\\$&')} allows\\), stable`));
  }

  it('gives up after its network timeout when the download host never answers', async () => {
    const proxy = await blackhole();
    try {
      const r = await runDesktop({ npm_config_https_proxy: `http://127.0.0.1:${proxy.port}`, E2E_DOWNLOAD_TIMEOUT_MS: '1500', E2E_VSCODE_CACHE: cache });
      assertFailedFast(r, /timeout/i);
      assert.ok(r.ms >= 1500 && r.ms < 12000, `took ${r.ms} ms`);
      // It did ask for VS Code's release list (through the proxy), and nothing else.
      assert.match(proxy.received(), /^CONNECT update\.code\.visualstudio\.com:443 HTTP\/1\.1/);
      assert.deepStrictEqual(fs.readdirSync(cache), [], 'nothing was downloaded');
    } finally {
      await proxy.close();
    }
  });

  it('fails at once when the connection is refused', async () => {
    const port = await closedPort();
    const r = await runDesktop({ npm_config_https_proxy: `http://127.0.0.1:${port}`, E2E_DOWNLOAD_TIMEOUT_MS: '20000', E2E_VSCODE_CACHE: cache });
    assertFailedFast(r, /ECONNREFUSED/);
    assert.ok(r.ms < 8000, `took ${r.ms} ms`);
  });

  it('refuses an installed VS Code that is not there, and unknown arguments, in one line', async () => {
    const missing = path.join(cache, 'no-such-code');
    const r = await runDesktop({ VSCODE_EXECUTABLE: missing });
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.stderr, `run-desktop: VSCODE_EXECUTABLE ${missing} does not exist\n`);
    const u = await runDesktop({}, ['--verison', '1.91.0']);
    assert.strictEqual(u.code, 1);
    assert.match(u.stderr, /^run-desktop: unknown argument --verison \(usage: node tests\/e2e\/run-desktop\.js \[--version V\]\.\.\.\)\n$/);
  });
});
