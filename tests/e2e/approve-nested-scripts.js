'use strict';
// code-server's postinstall runs `npm install` in lib/vscode and
// lib/vscode/extensions. npm 11 skips dependency install scripts that the
// project's package.json "allowScripts" does not approve, which would leave
// VS Code's native modules (spdlog, node-pty, kerberos, ...) and rg missing.
// Approve (by name; the shrinkwrap pins the versions) exactly the packages
// their npm-shrinkwrap.json marks as having install scripts.
const fs = require('fs');
const path = require('path');

const vsDir = path.join(__dirname, 'node_modules', 'code-server', 'lib', 'vscode');
for (const dir of [vsDir, path.join(vsDir, 'extensions')]) {
  const pkgFile = path.join(dir, 'package.json');
  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'npm-shrinkwrap.json'), 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const allow = {};
  for (const [key, entry] of Object.entries(lock.packages || {})) {
    if (!key || !entry.hasInstallScript) continue;
    if (entry.os && !entry.os.includes(process.platform)) continue;
    const name = entry.name || key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    allow[name] = true; // name-only: the shrinkwrap pins the version
  }
  pkg.allowScripts = allow;
  fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
  console.log(`[e2e-setup] ${path.relative(__dirname, pkgFile)}: allowScripts ${Object.keys(allow).join(', ') || '(none)'}`);
}
