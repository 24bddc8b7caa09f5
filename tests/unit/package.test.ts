import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & {
  engines: Record<string, string>;
  devDependencies: Record<string, string>;
  contributes: { languages: Array<{ id: string; aliases: string[]; extensions: string[] }> };
  bin: Record<string, string>;
};

describe('extension package', () => {
  it('declares the report language, the bins and a VS Code engine code-server can load', () => {
    assert.strictEqual(pkg['name'], 'report-language-tools');
    assert.strictEqual(pkg['displayName'], 'Report Language Tools（报告写作助手）');
    const lang = pkg.contributes.languages.find((l) => l.id === 'report');
    assert.deepStrictEqual(lang?.aliases, ['Report', '报告']);
    assert.deepStrictEqual(lang?.extensions, ['.report.md', '.report']);
    assert.strictEqual(pkg.bin['report-check'], 'dist/cli.js');
    assert.strictEqual(pkg.bin['report-language-server'], 'dist/server.js');
    assert.match(pkg.engines['vscode'] ?? '', /^\^1\.(\d|[1-8]\d|9[01])\.\d+$/);
    const typesVscode = (pkg.devDependencies['@types/vscode'] ?? '').replace(/^[\^~]/, '');
    assert.ok(Number(typesVscode.split('.')[1]) <= 91, `@types/vscode ${typesVscode} must not exceed engines.vscode`);
  });

  it('builds a .vsix of at most 1.5 MB with the bundles the extension loads and static assets only', async function () {
    this.timeout(120000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-vsix-test-'));
    try {
      const out = path.join(tmp, 'x.vsix');
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package-vsix.js'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stdout + r.stderr);
      const size = fs.statSync(out).size;
      assert.ok(size <= 1.5 * 1024 * 1024, `the .vsix has ${(size / 1024 / 1024).toFixed(2)} MB`);
      const zip = await JSZip.loadAsync(fs.readFileSync(out));
      const files = Object.keys(zip.files).filter((f) => f.startsWith('extension/') && !f.endsWith('/')).map((f) => f.slice('extension/'.length));
      for (const f of ['dist/extension.js', 'dist/server.js', 'dist/lexicon-data.js', 'dist/docx-lib.js', 'dist/preview.js', 'package.json', 'syntaxes/report.tmLanguage.json', 'l10n/bundle.l10n.zh-cn.json', 'docs/rules/placeholder.md', 'schemas/reportrc.schema.json']) {
        assert.ok(files.includes(f), `${f} missing: ${files.join(', ')}`);
      }
      // No CLI bundle (the npm package's), screenshot, source map, source, test or node_modules.
      const leaked = files.filter((f) => /^(server|client|tests|node_modules|scripts|docs\/images)\//.test(f) || /^dist\/(cli|export-cli)\.js$/.test(f) || f.endsWith('.ts') || f.endsWith('.map'));
      assert.deepStrictEqual(leaked, []);
      // The packaged README embeds no image the .vsix does not hold (the screenshots stay in the source).
      const readme = (await zip.file('extension/readme.md')?.async('string')) ?? '';
      assert.match(readme, /screenshot in the source: `docs\/images\/preview-page-light\.png`/);
      const embedded = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((src) => !/^https:/.test(src));
      assert.deepStrictEqual(embedded.filter((src) => !files.includes(src)), []);
      // The packaged manifest is the extension's: no npm "files" list, scripts or dependencies.
      const manifest = JSON.parse((await zip.file('extension/package.json')?.async('string')) ?? '{}') as Record<string, unknown>;
      assert.deepStrictEqual(['files', 'scripts', 'devDependencies', 'dependencies'].filter((k) => k in manifest), []);
      assert.strictEqual(manifest['main'], './dist/extension.js');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
