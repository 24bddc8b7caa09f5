'use strict';
// The suite's side of its requests to the host that runs it (see tests/e2e/lib/driver.js):
// tests/e2e/run.js (code-server), tests/e2e/run-desktop.js (desktop VS Code through
// @vscode/test-electron) and tests/e2e/attach.js (the "Run Extension Tests" launch configuration)
// all answer them the same way. No vscode import: plain files in E2E_HARNESS_DIR.
const fs = require('fs');
const path = require('path');

let sequence = 0;

function harnessDir() {
  const dir = process.env.E2E_HARNESS_DIR;
  if (!dir) {
    throw new Error('E2E_HARNESS_DIR is not set: run the suite through tests/e2e/run.js, tests/e2e/run-desktop.js or the "Run Extension Tests" launch configuration');
  }
  return dir;
}

/** Sends one request and resolves with the host's answer (rejects after timeoutMs). */
async function request(kind, name, body, timeoutMs) {
  const dir = harnessDir();
  const requests = path.join(dir, 'requests');
  const results = path.join(dir, 'results');
  fs.mkdirSync(requests, { recursive: true });
  fs.mkdirSync(results, { recursive: true });
  const id = `${process.pid}-${++sequence}-${String(name).replace(/[^\w.-]+/g, '_').slice(0, 60)}`;
  const answer = path.join(results, `${id}.json`);
  const file = path.join(requests, `${id}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ kind, name, ...body }));
  fs.renameSync(`${file}.tmp`, file);
  const end = Date.now() + timeoutMs;
  while (!fs.existsSync(answer)) {
    if (Date.now() > end) throw new Error(`${kind} request ${name} got no answer within ${timeoutMs} ms (is the e2e host running?)`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const result = JSON.parse(fs.readFileSync(answer, 'utf8'));
  fs.rmSync(answer, { force: true });
  return result;
}

/** A screenshot of the workbench as E2E_SCREENSHOTS/<name>.png (no-op when E2E_SCREENSHOTS is not set).
 * options.waitFor: a CSS selector the host waits for (bounded) first, e.g. '.outline-pane .monaco-list-row'. */
async function screenshot(name, options = {}) {
  if (!process.env.E2E_SCREENSHOTS) return;
  const safe = String(name).replace(/[^\w.-]+/g, '_').slice(0, 80) || 'shot';
  const r = await request('screenshot', safe, { waitFor: options.waitFor || '' }, options.timeoutMs || 30000);
  if (r.error) throw new Error(`screenshot ${safe} failed: ${r.error}`);
}

/** Reads a DOM through the host: the frame whose document has request.selector — a webview's, or
 * the workbench's own with '.monaco-workbench'. Returns { found, texts: {css: [textContent]},
 * counts: {css: n}, ... } (see probeFrame in tests/e2e/lib/driver.js). */
async function probeDom(name, req) {
  const r = await request('probe', name, req, (req.timeoutMs || 15000) + 10000);
  if (r.error) throw new Error(`DOM probe ${name} failed: ${r.error}`);
  return r;
}

/** Tells the host the suite's closing line ("N passed, N failed, N skipped"), when there is a host. */
function writeSummary(line) {
  if (!process.env.E2E_HARNESS_DIR) return;
  fs.mkdirSync(process.env.E2E_HARNESS_DIR, { recursive: true });
  fs.writeFileSync(path.join(process.env.E2E_HARNESS_DIR, 'summary.txt'), `${line}\n`);
}

module.exports = { screenshot, probeDom, writeSummary };
