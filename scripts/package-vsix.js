// `npm run package`: builds report-language-tools.vsix offline with @vscode/vsce.
// Usage: node scripts/package-vsix.js [--out <file.vsix>]
//
// package.json's "files" list is the npm package's (the CLI and the server); vsce refuses a
// "files" list beside a .vscodeignore, and the .vsix holds other files (the extension, not the
// CLI bundles). So the .vsix is packaged from a staging folder: the files .vscodeignore lets in
// (its "!" lines), production bundles built straight into it (dist/ of the work tree is left as it
// is), package.json without "files", scripts and dependencies, and the README without its
// screenshots (the .vsix stays under 1.5 MB; they are in docs/images of the source).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { globSync } = require('tinyglobby');

const ROOT = path.join(__dirname, '..');
const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(ROOT, 'report-language-tools.vsix'));

function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed (${r.status ?? r.signal})`);
}

function main() {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'report-vsix-'));
  try {
    run(process.execPath, [path.join(ROOT, 'esbuild.js'), '--production', '--outdir', path.join(stage, 'dist')], ROOT);
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    const allowed = ignore
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.startsWith('!') && !l.startsWith('!dist/') && l !== '!package.json')
      .map((l) => l.slice(1));
    for (const file of globSync(allowed, { cwd: ROOT, dot: false })) {
      fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(stage, file));
    }
    fs.copyFileSync(path.join(ROOT, '.vscodeignore'), path.join(stage, '.vscodeignore'));
    // The README's screenshots (docs/images, ~0.9 MB of PNG) stay in the source: the packaged README
    // names each one where it stands instead of embedding it.
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/!\[([^\]]*)\]\((docs\/images\/[^)\s]+)\)/g, (_m, alt, file) => `*${alt}* (screenshot in the source: \`${file}\`)`);
    fs.writeFileSync(path.join(stage, 'README.md'), readme);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    for (const key of ['files', 'scripts', 'devDependencies', 'dependencies', 'overrides']) delete pkg[key];
    fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', out], stage);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

main();
