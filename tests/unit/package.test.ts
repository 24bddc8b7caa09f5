import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
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

  it('ships only bundles and static assets in the .vsix (no sources, tests or node_modules)', function () {
    this.timeout(60000);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').filter(Boolean);
    assert.ok(files.includes('dist/extension.js') && files.includes('dist/server.js') && files.includes('dist/cli.js'), files.join(', '));
    const leaked = files.filter((f) => /^(server|client|tests|node_modules|scripts)\//.test(f) || f.endsWith('.ts') || f.endsWith('.map'));
    assert.deepStrictEqual(leaked, []);
  });
});
