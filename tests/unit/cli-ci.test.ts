/**
 * report-check in CI (issue 16): globs and #negations as markdownlint-cli2 takes them, the folders
 * skipped by default and `ignores` (the same in the server's workspace scan: protocol test),
 * --max-warnings, --output-file, broken and invalid configuration files (exit 2, the closest valid
 * name), configuration files in UTF-16.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXPORT_CLI = path.join(ROOT, 'dist', 'export-cli.js');
const REAL = path.join(ROOT, 'tests', 'fixtures', 'real');
const SEED = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8');
const HAILAR = fs.readFileSync(path.join(REAL, '2016-hailar-government-work-report.txt'), 'utf8');

function run(args: string[], cwd: string, bin = CLI) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', NO_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const checkedFiles = (stdout: string): string[] => (JSON.parse(stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path.split(path.sep).join('/'));

function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
}

describe('report-check in CI', function () {
  this.timeout(60000);
  let tmp: string;
  let n = 0;
  const project = (files: Record<string, string | Buffer>): string => {
    const dir = path.join(tmp, `p${++n}`);
    write(dir, files);
    return dir;
  };
  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `node esbuild.js` first');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-ci-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const TREE = {
    'reports/2023/seed.md': SEED,
    'reports/2023/hailar.md': HAILAR,
    'reports/drafts/draft.md': SEED,
    'reports/node_modules/pkg/readme.md': SEED,
    'notes.txt': SEED,
  };

  it('takes globs and #negations as markdownlint-cli2 does', () => {
    const dir = project(TREE);
    assert.deepStrictEqual(checkedFiles(run(['--format', 'json', 'reports/**/*.md', '#reports/drafts'], dir).stdout), ['reports/2023/hailar.md', 'reports/2023/seed.md']);
    assert.deepStrictEqual(checkedFiles(run(['--format', 'json', 'reports/**/*.md'], dir).stdout), ['reports/2023/hailar.md', 'reports/2023/seed.md', 'reports/drafts/draft.md']);
    assert.deepStrictEqual(checkedFiles(run(['--format', 'json', 'reports/**/*.md', '#**/seed.md', '#reports/drafts/'], dir).stdout), ['reports/2023/hailar.md']);
    // A glob that matches nothing finds nothing (exit 2, as for an empty folder).
    const none = run(['reports/**/*.docx'], dir);
    assert.strictEqual(none.code, 2);
    assert.match(none.stderr, /no report files/);
    // report-export takes the same inputs.
    const exported = run(['-o', 'out', 'reports/**/*.md', '#reports/drafts'], dir, EXPORT_CLI);
    assert.strictEqual(exported.code, 0, exported.stderr);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'out')).sort(), ['hailar.docx', 'seed.docx']);
  });

  it('searches folders for report files, skipping node_modules, .git, .hg and .svn only', () => {
    const dir = project({
      'a.report.md': '一、甲\n',
      'out/b.report.md': '一、甲\n',
      'dist/c.report': '一、甲\n',
      '.github/d.report.md': '一、甲\n',
      'node_modules/x/e.report.md': '一、甲\n',
      '.git/f.report.md': '一、甲\n',
      'sub/.svn/g.report.md': '一、甲\n',
      'h.md': '一、甲\n',
    });
    assert.deepStrictEqual(checkedFiles(run(['--format', 'json', '.'], dir).stdout), ['.github/d.report.md', 'a.report.md', 'dist/c.report', 'out/b.report.md']);
    // A file named explicitly is checked wherever it is.
    assert.deepStrictEqual(checkedFiles(run(['--format', 'json', 'node_modules/x/e.report.md'], dir).stdout), ['node_modules/x/e.report.md']);
  });

  it('skips what `ignores` of the nearest .reportrc lists, relative to that file', () => {
    const dir = project({
      '.reportrc.yaml': 'ignores:\n  - drafts\n  - "**/*.bak.report.md"\nrules:\n  placeholder: "off"\n',
      'a.report.md': '一、甲\n',
      'old.bak.report.md': '一、甲\n',
      'drafts/b.report.md': '一、甲\n',
      'sub/drafts/c.report.md': '一、甲\n',
      'sub/.reportrc.json': JSON.stringify({ ignores: ['*.report.md'] }),
      'sub/d.report.md': '一、甲\n',
      'sub/deeper/e.report.md': '一、甲\n',
    });
    // sub/ has its own file: its ignores ("*.report.md" in sub/ only) apply there, the parent's do not.
    assert.deepStrictEqual(checkedFiles(run(['--format', 'json', '.'], dir).stdout), ['a.report.md', 'sub/deeper/e.report.md', 'sub/drafts/c.report.md']);
    assert.deepStrictEqual(checkedFiles(run(['--format', 'json', '**/*.md'], dir).stdout), ['a.report.md', 'sub/deeper/e.report.md', 'sub/drafts/c.report.md']);
    // Named explicitly, an ignored file is still checked.
    assert.deepStrictEqual(checkedFiles(run(['--format', 'json', 'drafts/b.report.md'], dir).stdout), ['drafts/b.report.md']);
  });

  it('--max-warnings N fails the run above N warnings', () => {
    const dir = project({ 'hailar.report.md': HAILAR });
    const base = run(['--format', 'json', 'hailar.report.md'], dir);
    const warnings = (JSON.parse(base.stdout) as { files: Array<{ diagnostics: Array<{ severity: string }> }> }).files[0]?.diagnostics.filter((d) => d.severity === 'warning').length ?? 0;
    assert.ok(warnings > 0);
    assert.strictEqual(base.code, 0);
    assert.strictEqual(run(['--max-warnings', String(warnings), 'hailar.report.md'], dir).code, 0);
    const over = run(['--max-warnings', String(warnings - 1), 'hailar.report.md'], dir);
    assert.strictEqual(over.code, 1);
    assert.match(over.stderr, new RegExp(`too many warnings: ${warnings} \\(at most ${warnings - 1} allowed by --max-warnings\\)`));
    const bad = run(['--max-warnings', 'many', 'hailar.report.md'], dir);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--max-warnings takes a number/);
  });

  it('--output-file writes the report to a file, without colours, and stdout stays empty', () => {
    const dir = project({ 'seed.report.md': SEED });
    const r = run(['--format', 'json', '--output-file', 'out/report.json', 'seed.report.md'], dir);
    assert.strictEqual(r.code, 2); // out/ does not exist
    assert.match(r.stderr, /out[\\/]report\.json: no such file or directory/);
    fs.mkdirSync(path.join(dir, 'out'));
    const ok = run(['--format', 'json', '-o', 'out/report.json', 'seed.report.md'], dir);
    assert.strictEqual(ok.code, 1); // errors in the seed
    assert.strictEqual(ok.stdout, '');
    assert.deepStrictEqual(checkedFiles(fs.readFileSync(path.join(dir, 'out', 'report.json'), 'utf8')), ['seed.report.md']);
    // In a terminal (util-linux `script` gives the CLI one) the text report is coloured, but not in the file.
    const inTerminal = (args: string[]): string => {
      const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ');
      return spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', NO_COLOR: '' } }).stdout;
    };
    assert.ok(inTerminal(['seed.report.md']).includes('\u001b[31merror'), 'no colours in a terminal: the check below proves nothing');
    inTerminal(['--output-file', 'out/report.txt', 'seed.report.md']);
    const text = fs.readFileSync(path.join(dir, 'out', 'report.txt'), 'utf8');
    assert.match(text, /seed\.report\.md:7:9 {2}error {2}Stray marker/);
    assert.ok(!text.includes('\u001b['), 'colour codes in the file');
  });

  it('stops with exit 2 on a broken .reportrc found automatically, as eslint and markdownlint do', () => {
    const dir = project({ '.reportrc.json': '{"rules": {"placeholder": "off",}', 'seed.report.md': SEED });
    const r = run(['seed.report.md'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /\.reportrc\.json: not valid JSON: /);
    assert.match(r.stderr, /fix the configuration file, or name another one with --config/);
    assert.strictEqual(r.stdout, '');
    const yaml = project({ '.reportrc.yaml': 'rules:\n  placeholder: [off\n', 'seed.report.md': SEED });
    assert.match(run(['seed.report.md'], yaml).stderr, /\.reportrc\.yaml: not valid YAML: /);
  });

  it('names the closest valid rule, severity, option or key for an unknown one, in any config', () => {
    const rc = {
      rules: { placholder: 'off', 'numbering-style': 'warn', 'punctuation-width': { summaryRatio: 2, sumaryMinimum: 3 }, 'front-matter': { severity: 'eror' } },
      ignore: ['drafts'],
    };
    const dir = project({ '.reportrc.json': JSON.stringify(rc), 'seed.report.md': SEED, 'other.yaml': 'rules:\n  numbering-sequense: error\n' });
    const r = run(['seed.report.md'], dir);
    assert.strictEqual(r.code, 2);
    const lines = r.stderr.trim().split('\n').map((l) => l.replace(/^report-check: .*?\.reportrc\.json: /, ''));
    assert.deepStrictEqual(lines, [
      'unknown key "ignore" — did you mean "ignores"?',
      'unknown rule "placholder" — did you mean "placeholder"?',
      'rule "numbering-style": unknown severity "warn" — did you mean "warning"?',
      'rule "punctuation-width": option "summaryRatio" must be a number from 0 to 1, not 2',
      'rule "punctuation-width": unknown option "sumaryMinimum" — did you mean "summaryMinimum"?',
      'rule "front-matter": unknown severity "eror" — did you mean "error"?',
      'report-check: fix the configuration file, or name another one with --config',
    ]);
    const explicit = run(['--config', 'other.yaml', 'seed.report.md'], dir);
    assert.strictEqual(explicit.code, 2);
    assert.match(explicit.stderr, /other\.yaml: unknown rule "numbering-sequense" — did you mean "numbering-sequence"\?/);
    const zh = spawnSync(process.execPath, [CLI, '--lang', 'zh', 'seed.report.md'], { cwd: dir, encoding: 'utf8' });
    assert.match(zh.stderr, /未知规则“placholder”——是不是“placeholder”？/);
  });

  it('reads a .reportrc.json saved as UTF-16 (Windows Notepad) or with a BOM', () => {
    const rc = JSON.stringify({ rules: { 'stray-marker': 'off', placeholder: 'off' } });
    const utf16 = project({ '.reportrc.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rc, 'utf16le')]), 'seed.report.md': SEED });
    const r = run(['--format', 'json', 'seed.report.md'], utf16);
    assert.strictEqual(r.stderr, '');
    assert.notStrictEqual(r.code, 2);
    const codes = (JSON.parse(r.stdout) as { files: Array<{ diagnostics: Array<{ rule: string }> }> }).files[0]?.diagnostics.map((d) => d.rule) ?? [];
    assert.ok(!codes.includes('stray-marker') && !codes.includes('placeholder'), codes.join(','));
    const bom = project({ '.reportrc.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('rules:\n  stray-marker: "off"\n')]), 'seed.report.md': SEED });
    assert.doesNotMatch(run(['seed.report.md'], bom).stdout, /stray-marker/);
  });
});
