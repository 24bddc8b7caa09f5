/**
 * The npm package as a user gets it: `npm pack`, then `npm install -g` of the tarball into a
 * temporary prefix (never the real global one), offline. It holds the bundles, the rule pages, the
 * schema, the README and the licences (ours, and the notices of what the bundles hold) only; it installs without a warning (no runtime dependency:
 * the bundles hold everything) and its three commands work.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { TestClient } from '../support/lsp';

const ROOT = path.join(__dirname, '..', '..');
const REAL = path.join(ROOT, 'tests', 'fixtures', 'real');
const SEED = path.join(REAL, '2023-county-office-shuzhi-report.txt');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; files: string[]; dependencies?: Record<string, string>; bin: Record<string, string> };

function npm(args: string[], cwd: string) {
  // npm_config_* of an `npm test` that runs this would leak into these npm commands: start clean.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm package (npm pack, npm install -g)', function () {
  this.timeout(180000);
  let tmp: string;
  let prefix: string;
  let files: string[];
  let tarball: string;

  before(() => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'run `node esbuild.js` first');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-npm-'));
    prefix = path.join(tmp, 'prefix');
    // --ignore-scripts: pack the bundles this test run built (prepack would rebuild dist/ for production).
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT);
    assert.strictEqual(packed.code, 0, packed.stderr);
    const info = (JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>)[0];
    assert.ok(info);
    files = info.files.map((f) => f.path).sort();
    tarball = path.join(tmp, info.filename);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds the three commands with the bundles they load, docs/rules, the schema, the README and the licences, nothing else', () => {
    const rules = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).map((f) => `docs/rules/${f}`);
    assert.deepStrictEqual(files, ['LICENSE', 'README.md', 'ThirdPartyNotices.txt', 'dist/cli.js', 'dist/docx-lib.js', 'dist/export-cli.js', 'dist/lexicon-data.js', 'dist/report-check.js', 'dist/server.js', ...rules, 'package.json', 'schemas/reportrc.schema.json'].sort());
    assert.deepStrictEqual(Object.values(pkg.bin).sort(), ['dist/cli.js', 'dist/export-cli.js', 'dist/server.js']);
    // Nothing to install beside it: the bundles hold their libraries.
    assert.strictEqual(pkg.dependencies, undefined);
  });

  it('installs globally without a warning, offline, and its commands work', async () => {
    const installed = npm(['install', '-g', '--prefix', prefix, '--offline', tarball], tmp);
    assert.strictEqual(installed.code, 0, installed.stderr);
    assert.doesNotMatch(installed.stderr, /warn/i);
    const bin = (name: string): string => path.join(prefix, 'bin', name);
    for (const name of Object.keys(pkg.bin)) assert.ok(fs.existsSync(bin(name)), name);
    const env = { ...process.env, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env['PATH'] ?? ''}`, LANG: 'zh_CN.UTF-8', LC_ALL: '' };

    const version = spawnSync('report-check', ['--version'], { encoding: 'utf8', env });
    assert.strictEqual(version.stdout.trim(), pkg.version);
    const check = spawnSync('report-check', [SEED], { encoding: 'utf8', env });
    assert.strictEqual(check.status, 1, check.stderr);
    assert.match(check.stdout, /:7:9 {2}error {2}从网页粘贴带入的残留标记：“##paidbegin##”。 {2}stray-marker/);

    const out = path.join(tmp, 'exported');
    const exported = spawnSync('report-export', ['-o', out, SEED], { encoding: 'utf8', env });
    assert.strictEqual(exported.status, 0, exported.stderr);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, '2023-county-office-shuzhi-report.docx')));
    assert.match((await zip.file('word/document.xml')?.async('string')) ?? '', /持之以恒加强领导班子自身建设/);

    // The installed server, started by its bin's target as an editor would: diagnostics with links to the installed rule pages.
    const server = fs.realpathSync(bin('report-language-server'));
    assert.ok(server.startsWith(fs.realpathSync(prefix)), server);
    const { client } = await TestClient.start({ server });
    try {
      const uri = pathToFileURL(path.join(tmp, 'seed.report.md')).toString();
      await client.open(uri, fs.readFileSync(SEED, 'utf8'));
      const p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
      const stray = p.diagnostics.find((d) => d.code === 'stray-marker');
      const page = new URL(stray?.codeDescription?.href ?? 'file:///none');
      assert.ok(fs.existsSync(page) && fileURLToPath(page).startsWith(fs.realpathSync(prefix)), page.toString());
    } finally {
      await client.stop();
    }
  });
});
