'use strict';
// extensionTestsPath module: VS Code's extension host calls run() after the
// extension under development is loaded; run() resolves when all tests passed
// and rejects otherwise (the exit code then reaches tests/e2e/run.js through
// window.codeAutomationExit, or @vscode/test-electron as VS Code's exit code).
const fs = require('fs');
const path = require('path');
const { writeSummary } = require('./harness');

// run.js passes the repository root through the extension host environment;
// the fallback is this file's location (tests/e2e/suite -> repo root).
const REPO_ROOT = process.env.E2E_REPO_ROOT || path.resolve(__dirname, '..', '..', '..');

function findTests(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js') && !f.split(path.sep).includes('node_modules'))
    .sort()
    .map((f) => path.join(dir, f));
}

function run() {
  const Mocha = require(require.resolve('mocha', { paths: [REPO_ROOT] }));
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 60000,
    slow: 10000,
    color: !!process.env.E2E_COLOR,
  });
  if (process.env.E2E_GREP) mocha.grep(process.env.E2E_GREP);
  const files = findTests(__dirname);
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js files under ${__dirname}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const st = runner.stats || {};
        // Read by the host (run.js, run-desktop.js), which repeats it as its closing line.
        const summary = `${st.passes || 0} passed, ${failures} failed, ${st.pending || 0} skipped`;
        console.log(`[e2e:summary] ${summary}`);
        writeSummary(summary);
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}

module.exports = { run };
