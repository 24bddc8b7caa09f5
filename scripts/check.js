// `npm run check [-- <file|dir>…]`: builds, then prints the outline and findings of the files named,
// or of the shipped example report when none is named (what the README's quick start shows).
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
const named = args.some((a) => a === '-' || !a.startsWith('-'));
const inputs = named ? args : [...args, path.join('examples', '述职报告.report.md')];
const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), '--outline', ...inputs], { stdio: 'inherit', cwd: process.cwd() });
process.exitCode = r.status ?? 2;
