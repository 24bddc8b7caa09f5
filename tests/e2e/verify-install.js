'use strict';
// Checks that code-server and the native modules of VS Code's server were
// really built (npm may silently skip blocked install scripts).
const path = require('path');
const fs = require('fs');
const { createRequire } = require('module');
const { execFileSync } = require('child_process');

const csDir = path.join(__dirname, 'node_modules', 'code-server');
const vsDir = path.join(csDir, 'lib', 'vscode');
const problems = [];

function check(what, fn) {
  try {
    fn();
  } catch (e) {
    problems.push(`${what}: ${(e && e.message ? e.message : String(e)).split('\n')[0]}`);
  }
}

check('code-server package', () => {
  const v = require(path.join(csDir, 'package.json')).version;
  if (v !== '4.100.3') throw new Error(`version ${v}, want 4.100.3`);
});
const csRequire = createRequire(path.join(csDir, 'package.json'));
check('argon2 (code-server)', () => csRequire('argon2'));
const vsRequire = createRequire(path.join(vsDir, 'package.json'));
for (const mod of ['@vscode/spdlog', 'node-pty', 'kerberos', 'native-watchdog', '@parcel/watcher', '@vscode/deviceid']) {
  check(mod, () => vsRequire(mod));
}
check('rg binary', () => {
  const { rgPath } = vsRequire('@vscode/ripgrep');
  execFileSync(rgPath, ['--version'], { stdio: 'pipe' });
});
check('node_modules.asar symlink (postinstall ran)', () => {
  fs.statSync(path.join(vsDir, 'node_modules.asar'));
});
check('bin/remote-cli/code-server symlink (postinstall ran)', () => {
  fs.statSync(path.join(vsDir, 'bin', 'remote-cli', 'code-server'));
});
check('code-server --version', () => {
  const out = execFileSync(process.execPath, [path.join(csDir, 'out', 'node', 'entry.js'), '--version'], {
    stdio: 'pipe',
    timeout: 60000,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(require('os').tmpdir(), 'e2e-verify-xdg'), XDG_DATA_HOME: path.join(require('os').tmpdir(), 'e2e-verify-xdg') },
  }).toString();
  if (!/4\.100\.3/.test(out)) throw new Error(`unexpected output: ${out.trim()}`);
});

if (problems.length) {
  console.error('[e2e-setup] code-server install is incomplete:\n  - ' + problems.join('\n  - '));
  process.exit(1);
}
console.log('[e2e-setup] code-server 4.100.3 install verified');
