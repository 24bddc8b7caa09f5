#!/usr/bin/env node
'use strict';
// The host side of the "Run Extension Tests" launch configuration (.vscode/launch.json): started
// by the task "e2e: attach to the test window" before the debugger opens the test window, it
// prepares a fresh run folder (workspace of real reports, user data, harness), says "ready", then
// waits for the window's DevTools endpoint (--remote-debugging-port in the launch configuration)
// and answers the suite's screenshots and DOM probes as run.js and run-desktop.js do. It ends when
// the test window closes.
//
// Usage: node tests/e2e/attach.js --port PORT --root DIR
// The launch configuration passes the matching E2E_* variables (see lib/environment.js suiteEnv).
const fs = require('fs');
const path = require('path');
const { makeRunDirs, prepareWorkspace, writeUserSettings, readSummary } = require('./lib/environment');
const { attachWorkbench } = require('./lib/cdp');

function log(msg) {
  process.stdout.write(`[e2e-attach] ${msg}\n`);
}

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) {
    process.stderr.write(`[e2e-attach] error: --${name} is required (usage: node tests/e2e/attach.js --port PORT --root DIR)\n`);
    process.exit(2);
  }
  return value;
}

async function main() {
  const port = Number(option('port'));
  const root = path.resolve(option('root'));
  log(`preparing ${root}`);
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  const dirs = makeRunDirs(root);
  log(prepareWorkspace(dirs.workspace));
  writeUserSettings(dirs.userData);
  const shots = process.env.E2E_SCREENSHOTS ? path.resolve(process.env.E2E_SCREENSHOTS) : '';
  log(`ready: waiting for the test window's DevTools on 127.0.0.1:${port}`);
  const handle = await attachWorkbench({ port, harnessDir: dirs.harness, shotsDir: shots, log, timeoutMs: 5 * 60 * 1000 });
  if (!handle) return 1;
  await new Promise((resolve) => handle.browser.on('disconnected', resolve));
  await handle.stop();
  const summary = readSummary(dirs);
  log(`the test window closed${summary ? `: ${summary}` : ''}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`[e2e-attach] error: ${String(err && err.message ? err.message : err).replace(/\s+/g, ' ')}\n`);
    process.exit(1);
  },
);
