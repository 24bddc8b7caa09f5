'use strict';
// What every host of the e2e suite prepares the same way: the folders of one run, the workspace
// of real reports the suite opens, the user settings, and the E2E_* environment the suite reads
// (tests/e2e/suite/ runs unchanged under code-server, desktop VS Code and the F5 launch config).
const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const E2E_DIR = path.resolve(__dirname, '..');
const SUITE_INDEX = path.join(E2E_DIR, 'suite', 'index.js');
const SEED_NAME = '2023-county-office-shuzhi-report.report.md';
const SEED_SOURCE = path.join(REPO_ROOT, 'tests', 'fixtures', 'real', '2023-county-office-shuzhi-report.txt');

/** The folders of one run under `root` (created). */
function makeRunDirs(root) {
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    // Requests of the suite to its host (screenshots, DOM probes) and the answers: see suite/harness.js.
    harness: path.join(root, 'harness'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  return dirs;
}

function copyDirContents(from, to) {
  if (!fs.existsSync(from)) return 0;
  let n = 0;
  for (const entry of fs.readdirSync(from)) {
    fs.cpSync(path.join(from, entry), path.join(to, entry), { recursive: true });
    n++;
  }
  return n;
}

/** Copies tests/fixtures/real/* and tests/e2e/workspace/* (if any) into `ws`, plus the seed report
 * as `2023-county-office-shuzhi-report.report.md`. Returns a line saying what was copied. */
function prepareWorkspace(ws) {
  fs.mkdirSync(ws, { recursive: true });
  const nFixtures = copyDirContents(path.join(REPO_ROOT, 'tests', 'fixtures', 'real'), ws);
  const nExtra = copyDirContents(path.join(E2E_DIR, 'workspace'), ws);
  if (!fs.existsSync(path.join(ws, SEED_NAME))) {
    if (!fs.existsSync(SEED_SOURCE)) throw new Error(`seed fixture missing: ${SEED_SOURCE}`);
    fs.copyFileSync(SEED_SOURCE, path.join(ws, SEED_NAME));
  }
  return `workspace ${ws}: ${nFixtures} fixture(s) from tests/fixtures/real, ${nExtra} from tests/e2e/workspace, seed ${SEED_NAME}`;
}

/** A quiet, reproducible workbench: no welcome page, tips, telemetry, updates or marketplace. */
function writeUserSettings(userDataDir) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'files.autoSave': 'off',
    'window.restoreWindows': 'none',
    'editor.minimap.enabled': false,
    'chat.commandCenter.enabled': false,
    'workbench.colorTheme': 'Default Light Modern',
  };
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** The environment the suite reads in the extension host (the same names under every host). */
function suiteEnv(dirs, { screenshots = '', grep = process.env.E2E_GREP || '', color = false } = {}) {
  return {
    E2E_REPO_ROOT: REPO_ROOT,
    E2E_WORKSPACE: dirs.workspace,
    // VS Code's logs (and the extension's log output channels) are under <user-data>/logs.
    E2E_USER_DATA: dirs.userData,
    E2E_HARNESS_DIR: dirs.harness,
    E2E_SCREENSHOTS: screenshots,
    E2E_GREP: grep,
    E2E_COLOR: color ? '1' : '',
  };
}

/** Throws when the extension's `main` bundle has not been built. */
function checkBuilt(extensionPath) {
  const extPkg = path.join(extensionPath, 'package.json');
  if (!fs.existsSync(extPkg)) return;
  const main = JSON.parse(fs.readFileSync(extPkg, 'utf8')).main;
  if (main && !fs.existsSync(path.resolve(extensionPath, main)) && !fs.existsSync(path.resolve(extensionPath, main + '.js'))) {
    throw new Error(`the extension's main (${main}) is not built: run "npm run build" first`);
  }
}

/** The suite's closing line ("N passed, N failed, N skipped"), written by suite/index.js. */
function readSummary(dirs) {
  try {
    return fs.readFileSync(path.join(dirs.harness, 'summary.txt'), 'utf8').trim();
  } catch {
    return '';
  }
}

module.exports = { REPO_ROOT, E2E_DIR, SUITE_INDEX, SEED_NAME, makeRunDirs, prepareWorkspace, writeUserSettings, suiteEnv, checkBuilt, readSummary };
