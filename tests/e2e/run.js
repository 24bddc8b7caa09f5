#!/usr/bin/env node
'use strict';
// End-to-end test runner: runs the mocha suite in tests/e2e/suite INSIDE a real
// VS Code extension host. VS Code is code-server@4.100.3 (VS Code 1.100.3,
// installed by tests/e2e/setup.sh), its workbench runs in Debian's headless
// Chromium driven by playwright-core, and the extension under development and
// the tests are handed over through the workbench URL's `payload`. The same
// suite also runs in desktop VS Code: tests/e2e/run-desktop.js.
//
// Usage: node tests/e2e/run.js
// Environment:
//   E2E_SCREENSHOTS=DIR    save screenshots (on request of the suite and at the end) into DIR
//   E2E_TIMEOUT_MS=N       overall time limit for the tests (default 360000)
//   E2E_EXTENSION_PATH=DIR extension under test (default: the repository root)
//   E2E_TESTS_PATH=FILE    extensionTestsPath module (default: tests/e2e/suite/index.js)
//   E2E_GREP=PATTERN       only run the tests matching PATTERN (mocha grep)
//   E2E_VERBOSE=1          stream code-server's and the browser console's output
//   E2E_KEEP_TEMP=1        keep the temporary folders (printed) for inspection
//   E2E_CHROMIUM=PATH      browser executable (default: `which chromium`)
//
// Exit code: the tests' exit code (0 = all passed), or 1 when the harness fails.

const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const http = require('http');
const util = require('util');
const { spawn, execFileSync } = require('child_process');

const { REPO_ROOT, E2E_DIR, SUITE_INDEX, makeRunDirs, prepareWorkspace, writeUserSettings, suiteEnv, checkBuilt } = require('./lib/environment');
const driver = require('./lib/driver');

const CODE_SERVER_ENTRY = path.join(E2E_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 6 * 60 * 1000);
const SERVER_START_TIMEOUT_MS = 90 * 1000;
const VERBOSE = !!process.env.E2E_VERBOSE;
const EXTENSION_PATH = path.resolve(process.env.E2E_EXTENSION_PATH || REPO_ROOT);
const TESTS_PATH = path.resolve(process.env.E2E_TESTS_PATH || SUITE_INDEX);
const SHOTS_DIR = process.env.E2E_SCREENSHOTS ? path.resolve(process.env.E2E_SCREENSHOTS) : '';

const t0 = Date.now();
function log(msg) {
  process.stdout.write(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
}

// ------------------------------------------------------------------ state for cleanup
const state = {
  tmp: '',
  server: null, // ChildProcess (leader of its own process group)
  serverLog: '',
  browser: null,
  browserPid: 0,
  cleaning: null,
  summary: '',
};

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function waitFor(predicate, timeoutMs, intervalMs = 100) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return true;
    if (Date.now() >= end) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

async function killGroup(pgid, name) {
  if (!pgid || !groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  if (await waitFor(() => !groupAlive(pgid), 5000)) return;
  log(`${name} (process group ${pgid}) still alive after SIGTERM: SIGKILL`);
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  await waitFor(() => !groupAlive(pgid), 5000);
}

// Synchronous last resort (process 'exit' handler): no waiting possible.
function killAllSync() {
  for (const pgid of [state.browserPid, state.server && state.server.pid]) {
    if (!pgid) continue;
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  if (state.tmp && !process.env.E2E_KEEP_TEMP) {
    try {
      fs.rmSync(state.tmp, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
}

function cleanup() {
  if (state.cleaning) return state.cleaning;
  state.cleaning = (async () => {
    if (state.browser) {
      const b = state.browser;
      state.browser = null;
      await Promise.race([b.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
    }
    if (state.browserPid) await killGroup(state.browserPid, 'chromium');
    state.browserPid = 0;
    if (state.server) {
      await killGroup(state.server.pid, 'code-server');
      state.server = null;
    }
    if (state.tmp) {
      if (process.env.E2E_KEEP_TEMP) {
        log(`keeping temporary folder ${state.tmp}`);
      } else {
        fs.rmSync(state.tmp, { recursive: true, force: true, maxRetries: 3 });
      }
      state.tmp = '';
    }
  })();
  return state.cleaning;
}

process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`received ${sig}: cleaning up`);
    const hardStop = setTimeout(() => process.exit(130), 20000);
    hardStop.unref();
    cleanup().finally(() => process.exit(130));
  });
}

// ------------------------------------------------------------------ helpers
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function findChromium() {
  if (process.env.E2E_CHROMIUM) return process.env.E2E_CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
      /* try next */
    }
  }
  throw new Error('no chromium found: install Debian\'s "chromium" (bash tests/e2e/setup.sh)');
}

// The browser process playwright started (it leads its own process group).
// browser.process() is not available through playwright's client API, so look
// for our own child process running chromium (/usr/bin/chromium is a shell
// script that execs /usr/lib/chromium/chromium: same pid).
function findBrowserPid() {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || (state.server && Number(entry) === state.server.pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const exe = fs.readlinkSync(`/proc/${entry}/exe`);
      if (/chrom/i.test(path.basename(exe))) return Number(entry);
    } catch {
      /* vanished, or not ours */
    }
  }
  return 0;
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ------------------------------------------------------------------ code-server
async function startCodeServer(port, dirs) {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed (${CODE_SERVER_ENTRY}): run "bash tests/e2e/setup.sh" first`);
  }
  const configFile = path.join(dirs.root, 'code-server.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Don't leak a surrounding VS Code / Electron session into the server.
    if (/^(VSCODE_|ELECTRON_)/.test(k)) continue;
    env[k] = v;
  }
  Object.assign(env, {
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    CODE_SERVER_CONFIG: configFile,
    // No extension marketplace: nothing to fetch from outside, no errors about it.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
    // The extension host inherits the server's environment: this is how the
    // suite learns where things are (the web payload has no extensionEnvironment).
    ...suiteEnv(dirs, { screenshots: SHOTS_DIR, color: process.stdout.isTTY }),
  });
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', configFile,
  ];
  state.serverLog = path.join(dirs.root, 'code-server.log');
  const out = fs.openSync(state.serverLog, 'a');
  // detached: the child calls setsid(), so it leads a new session and process
  // group; killing -pid then also ends the extension hosts and language servers.
  const child = spawn(process.execPath, args, {
    cwd: dirs.workspace,
    env,
    detached: true,
    stdio: ['ignore', VERBOSE ? 'pipe' : out, VERBOSE ? 'pipe' : out],
  });
  fs.closeSync(out);
  state.server = child;
  if (VERBOSE) {
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (d) => {
        fs.appendFileSync(state.serverLog, d);
        process.stdout.write(String(d).replace(/^/gm, '[code-server] '));
      });
    }
  }
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  log(`code-server 4.100.3 starting on 127.0.0.1:${port} (pid/pgid ${child.pid})`);
  const ok = await waitFor(async () => exited !== null || (await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200,
    SERVER_START_TIMEOUT_MS, 200);
  if (exited) {
    throw new Error(`code-server exited during start-up (${JSON.stringify(exited)}):\n${tail(state.serverLog, 40)}`);
  }
  if (!ok) {
    throw new Error(`code-server did not answer within ${SERVER_START_TIMEOUT_MS / 1000}s:\n${tail(state.serverLog, 40)}`);
  }
  log('code-server is answering');
}

// ------------------------------------------------------------------ browser
function loadPlaywright() {
  const candidates = [REPO_ROOT, E2E_DIR];
  for (const base of candidates) {
    try {
      return require(require.resolve('playwright-core', { paths: [base] }));
    } catch {
      /* next */
    }
  }
  throw new Error('playwright-core not found: run "npm ci" at the repository root');
}

async function main() {
  log(`extension under test: ${EXTENSION_PATH}`);
  log(`tests: ${TESTS_PATH}`);
  if (!fs.existsSync(TESTS_PATH)) throw new Error(`extensionTestsPath not found: ${TESTS_PATH}`);
  checkBuilt(EXTENSION_PATH);

  state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-e2e-'));
  const dirs = {
    ...makeRunDirs(state.tmp),
    xdgConfig: path.join(state.tmp, 'xdg', 'config'),
    xdgData: path.join(state.tmp, 'xdg', 'data'),
    xdgCache: path.join(state.tmp, 'xdg', 'cache'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  log(prepareWorkspace(dirs.workspace));
  writeUserSettings(dirs.userData);
  if (SHOTS_DIR) fs.mkdirSync(SHOTS_DIR, { recursive: true });

  const port = await freePort();
  await startCodeServer(port, dirs);

  const { chromium } = loadPlaywright();
  const executablePath = findChromium();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // We clean up ourselves (process-group kill), also on signals.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
  state.browser = browser;
  state.browserPid = findBrowserPid();
  log(`chromium ${browser.version()} started (pid ${state.browserPid}) from ${executablePath}`);

  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();

  let finish;
  const finished = new Promise((resolve) => {
    finish = resolve;
  });

  // Screenshots and DOM probes on request of the suite (files in E2E_HARNESS_DIR, see lib/driver.js).
  const pages = () => [page];
  const requests = driver.serveRequests({ harnessDir: dirs.harness, shotsDir: SHOTS_DIR, pages, log });

  // Workbench chatter that codeAutomationLog also receives (shown with E2E_VERBOSE).
  const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin extensions|\[Service Worker\]|ChatSessionStore:|Updating additional builtin extensions cache|Creation of workbench contribution)/;
  let summary = '';
  function relay(type, args) {
    // args is console.log's argument list (format string first, as mocha's
    // reporters use it) forwarded from the extension host / workbench.
    const parts = Array.isArray(args) ? args : [args];
    const text = util.format(...parts);
    if (!VERBOSE && NOISE.test(text)) return;
    for (const line of text.split('\n')) {
      const m = /\[e2e:summary\] (.*)$/.exec(line);
      if (m) summary = m[1];
    }
    // Everything on stdout, so the order is kept in CI logs.
    const prefix = type === 'error' || type === 'warn' ? `[${type}] ` : '';
    process.stdout.write(`${prefix}${text}${text.endsWith('\n') ? '' : '\n'}`);
  }

  await page.exposeFunction('codeAutomationLog', (type, args) => relay(type, args));
  await page.exposeFunction('codeAutomationExit', (code) => {
    finish({ code: typeof code === 'number' ? code : Number(code) || 0 });
  });
  page.on('crash', () => finish({ error: 'the browser page crashed' }));
  page.on('pageerror', (err) => {
    if (VERBOSE) log(`page error: ${err.message}`);
  });
  page.on('console', (msg) => {
    if (VERBOSE) process.stdout.write(`[browser ${msg.type()}] ${msg.text()}\n`);
  });
  state.server.on('exit', (code, signal) => finish({ error: `code-server exited (code ${code}, signal ${signal})` }));

  const authority = `127.0.0.1:${port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${EXTENSION_PATH}`],
    ['extensionTestsPath', `vscode-remote://${authority}${TESTS_PATH}`],
  ];
  const url = `http://${authority}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`opening the workbench (timeout ${Math.round(TIMEOUT_MS / 1000)}s)`);

  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ error: `timed out after ${Math.round(TIMEOUT_MS / 1000)}s waiting for the tests to finish (codeAutomationExit)` }), TIMEOUT_MS);
  });
  // 'commit': don't wait for the page's load events; codeAutomationExit is what counts.
  page.goto(url, { waitUntil: 'commit', timeout: 60000 }).catch((e) => finish({ error: `cannot open the workbench: ${e.message}` }));

  const result = await Promise.race([finished, timeout]);
  clearTimeout(timer);
  if (state.cleaning) return 130; // interrupted by a signal: cleanup is under way
  await requests.stop();
  if (SHOTS_DIR) await driver.screenshot(pages, SHOTS_DIR, result.error ? 'final-failure' : 'final', '', log);
  if (result.error) {
    log(`ERROR: ${result.error}`);
    log(`code-server log (tail):\n${tail(state.serverLog, 40)}`);
    return 1;
  }
  log(`tests finished with exit code ${result.code}`);
  state.summary = summary;
  return result.code;
}

main()
  .then(async (code) => {
    await cleanup();
    log(`done in ${((Date.now() - t0) / 1000).toFixed(1)}s, exit code ${code}`);
    // Closing line in the plain "N passed, N failed" form (from the suite).
    if (state.summary) process.stdout.write(`e2e: ${state.summary}\n`);
    process.exit(code);
  })
  .catch(async (err) => {
    log(`ERROR: ${err && err.stack ? err.stack : err}`);
    await cleanup();
    process.exit(1);
  });
