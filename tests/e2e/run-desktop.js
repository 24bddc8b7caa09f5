#!/usr/bin/env node
'use strict';
// Runs the end-to-end suite (tests/e2e/suite, the same files tests/e2e/run.js runs in code-server)
// in desktop VS Code through @vscode/test-electron, the runner extension developers know: by
// default on the oldest VS Code that package.json's engines.vscode allows and on the latest stable.
// The window is opened with --remote-debugging-port so that the suite's screenshots and DOM probes
// are answered over the DevTools protocol (lib/cdp.js), as run.js answers them from its browser.
//
// Usage: node tests/e2e/run-desktop.js [--version V]...        (npm run test:e2e:desktop)
// Environment:
//   VSCODE_TEST_VERSIONS=V1,V2  the versions (default: "<oldest engines.vscode allows>,stable")
//   VSCODE_EXECUTABLE=PATH      run an installed VS Code instead of downloading (one run)
//   E2E_VSCODE_CACHE=DIR        where downloads are kept (default: .vscode-test in the repository)
//   E2E_DOWNLOAD_TIMEOUT_MS=N   how long a download step may wait for the network (default 8000)
//   E2E_TIMEOUT_MS=N            time limit for the tests on one version (default 360000)
//   E2E_GREP, E2E_SCREENSHOTS, E2E_KEEP_TEMP   as for run.js
// On Linux without a display, run it under a virtual one: xvfb-run -a npm run test:e2e:desktop.
//
// Exit code: 0 when the suite passed on every version; 1 otherwise. When VS Code cannot be
// downloaded (no network, as on the development machines here) it says so in one line and exits 1
// at once, before starting anything: `npm test` keeps running the suite in code-server.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { REPO_ROOT, SUITE_INDEX, makeRunDirs, prepareWorkspace, writeUserSettings, suiteEnv, checkBuilt, readSummary } = require('./lib/environment');
const { freePort, attachWorkbench } = require('./lib/cdp');

const DOWNLOAD_HOST = 'update.code.visualstudio.com';
const DOWNLOAD_TIMEOUT_MS = Number(process.env.E2E_DOWNLOAD_TIMEOUT_MS || 8000);
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 6 * 60 * 1000);
const CACHE_PATH = path.resolve(process.env.E2E_VSCODE_CACHE || path.join(REPO_ROOT, '.vscode-test'));
const SHOTS_DIR = process.env.E2E_SCREENSHOTS ? path.resolve(process.env.E2E_SCREENSHOTS) : '';

const t0 = Date.now();
function log(msg) {
  process.stdout.write(`[e2e-desktop ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
}
function oneLine(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}
/** The one line a failure prints, then exit 1. */
function fail(message) {
  process.stderr.write(`run-desktop: ${oneLine(message)}\n`);
  process.exit(1);
}

/** [{version, why}]: --version arguments, else VSCODE_TEST_VERSIONS, else oldest allowed + stable. */
function targetVersions() {
  const args = process.argv.slice(2);
  const fromArgs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--version' && args[i + 1]) fromArgs.push(args[++i]);
    else if (args[i].startsWith('--version=')) fromArgs.push(args[i].slice('--version='.length));
    else fail(`unknown argument ${args[i]} (usage: node tests/e2e/run-desktop.js [--version V]...)`);
  }
  const listed = fromArgs.length ? fromArgs : (process.env.VSCODE_TEST_VERSIONS || '').split(',').map((v) => v.trim()).filter(Boolean);
  if (listed.length) return listed.map((version) => ({ version, why: 'asked for' }));
  const range = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).engines.vscode;
  const semver = require(require.resolve('semver', { paths: [REPO_ROOT] }));
  const oldest = semver.minVersion(range);
  if (!oldest) fail(`engines.vscode ${JSON.stringify(range)} names no version`);
  return [
    { version: oldest.version, why: `the oldest engines.vscode ${range} allows` },
    { version: 'stable', why: 'the latest release' },
  ];
}

/** Progress of @vscode/test-electron's download, one short line per stage (no spinner: a spinner
 * keeps running after a failure and the process would not end). */
function lineReporter(version) {
  let lastTenth = -1;
  return {
    report(p) {
      if (p.stage === 'resolvedVersion') log(`VS Code ${version}: version ${p.version}`);
      else if (p.stage === 'foundMatchingInstall') log(`VS Code ${version}: using ${p.downloadedPath}`);
      else if (p.stage === 'retrying') log(`VS Code ${version}: download attempt ${p.attempt} of ${p.totalAttempts} failed (${oneLine(p.error)}), retrying`);
      else if (p.stage === 'newInstallComplete') log(`VS Code ${version}: installed in ${p.downloadedPath}`);
      else if (p.stage === 'downloading' && p.totalBytes) {
        const tenth = Math.floor((10 * p.bytesSoFar) / p.totalBytes);
        if (tenth !== lastTenth) log(`VS Code ${version}: downloading ${tenth * 10}% of ${(p.totalBytes / 1048576).toFixed(0)} MB`);
        lastTenth = tenth;
      }
    },
    error() {
      /* reported by the caller, in one line */
    },
  };
}

/** Resolves every target to an executable before anything starts: fails fast when one cannot be had. */
async function resolveExecutables(targets) {
  if (process.env.VSCODE_EXECUTABLE) {
    const exe = path.resolve(process.env.VSCODE_EXECUTABLE);
    if (!fs.existsSync(exe)) fail(`VSCODE_EXECUTABLE ${exe} does not exist`);
    return [{ version: 'installed', why: exe, executable: exe }];
  }
  const { download } = require('@vscode/test-electron');
  const out = [];
  for (const t of targets) {
    try {
      const executable = await download({ version: t.version, cachePath: CACHE_PATH, timeout: DOWNLOAD_TIMEOUT_MS, reporter: lineReporter(t.version) });
      out.push({ ...t, executable });
    } catch (e) {
      fail(
        `cannot download VS Code ${t.version} from ${DOWNLOAD_HOST} (${e instanceof Error ? e.message : e}): ` +
          'desktop VS Code is out of reach from this machine; run the suite in code-server with "npm run test:e2e" (npm test does), ' +
          'or set VSCODE_EXECUTABLE to an installed VS Code',
      );
    }
  }
  return out;
}

/** One run of the suite on one VS Code; resolves with {code, summary}. */
async function runSuite(target) {
  const { runTests } = require('@vscode/test-electron');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'report-e2e-desktop-'));
  const dirs = makeRunDirs(root);
  log(prepareWorkspace(dirs.workspace));
  writeUserSettings(dirs.userData);
  const port = await freePort();
  log(`VS Code ${target.version}: ${target.executable} (DevTools on 127.0.0.1:${port})`);
  let exited = false;
  const run = runTests({
    vscodeExecutablePath: target.executable,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: SUITE_INDEX,
    launchArgs: [
      dirs.workspace,
      '--disable-extensions',
      `--user-data-dir=${dirs.userData}`,
      `--extensions-dir=${dirs.extensions}`,
      `--remote-debugging-port=${port}`,
    ],
    extensionTestsEnv: suiteEnv(dirs, { screenshots: SHOTS_DIR }),
  })
    .then(
      () => 0,
      (e) => (e && typeof e.code === 'number' && e.code !== 0 ? e.code : 1),
    )
    .finally(() => {
      exited = true;
    });
  const attached = attachWorkbench({ port, harnessDir: dirs.harness, shotsDir: SHOTS_DIR, log, gone: () => exited }).catch((e) => {
    log(`cannot attach to VS Code's window (${oneLine(e.message)}): screenshots and DOM probes will get no answer`);
    return null;
  });
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
  });
  let code = await Promise.race([run, timedOut]);
  clearTimeout(timer);
  const handle = await attached;
  if (code === 'timeout') {
    log(`the tests did not finish within ${Math.round(TIMEOUT_MS / 1000)}s: closing VS Code`);
    await handle?.closeApp().catch(() => {});
    const closed = await Promise.race([run.then(() => true), new Promise((r) => setTimeout(() => r(false), 15000))]);
    if (!closed) log('VS Code did not close: it may still be running');
    code = 1;
  }
  await handle?.stop();
  const summary = readSummary(dirs);
  if (process.env.E2E_KEEP_TEMP) log(`keeping temporary folder ${root}`);
  else fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  return { code, summary };
}

async function main() {
  checkBuilt(REPO_ROOT);
  const targets = targetVersions();
  log(`VS Code versions: ${targets.map((t) => `${t.version} (${t.why})`).join(', ')}`);
  const resolved = await resolveExecutables(targets);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    fail('no display for desktop VS Code: run it under a virtual one, e.g. xvfb-run -a npm run test:e2e:desktop');
  }
  const results = [];
  for (const target of resolved) {
    const r = await runSuite(target);
    log(`VS Code ${target.version}: exit code ${r.code}${r.summary ? `, ${r.summary}` : ''}`);
    results.push({ ...target, ...r });
  }
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const r of results) {
    const m = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(r.summary);
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]);
      skipped += Number(m[3] || 0);
    }
    process.stdout.write(`e2e-desktop VS Code ${r.version}: ${r.summary || `no summary (exit code ${r.code})`}\n`);
  }
  const ok = results.every((r) => r.code === 0);
  if (!ok && failed === 0) failed = results.filter((r) => r.code !== 0).length;
  process.stdout.write(`e2e-desktop: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  process.exit(ok ? 0 : 1);
}

main().catch((err) => fail(err && err.stack ? err.stack : err));
