// One bundler for everything: the client extension, the language server and the CLI.
// Usage: node esbuild.js [--watch] [--production]
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/cli/report-check.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/cli/report-export.ts'], outfile: 'dist/export-cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The preview webview's script (runs in the browser, loaded with the CSP nonce).
  { ...common, entryPoints: ['client/src/preview/webview/main.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'es2020' },
];

/** Merges l10n/zh-cn/*.json into the bundle VS Code loads for the client (vscode.l10n). */
function writeL10nBundle() {
  const fs = require('fs');
  const path = require('path');
  const dir = path.join(__dirname, 'l10n', 'zh-cn');
  const bundle = {};
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    Object.assign(bundle, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  }
  fs.writeFileSync(path.join(__dirname, 'l10n', 'bundle.l10n.zh-cn.json'), JSON.stringify(bundle, null, 2) + '\n');
}

async function main() {
  writeL10nBundle();
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[esbuild] watching for changes…');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
