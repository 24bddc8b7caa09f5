import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import * as os from 'os';
import * as path from 'path';
import { ConfigFiles, findConfigFile, loadConfigFile } from '../../server/src/config-file';
import { mergeConfig } from '../../server/src/engine/config';
import { findings } from './structure-helpers';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('inline suppression comments', () => {
  const gap = (before: string, after = ''): string => `一、甲\n（一）乙\n${before}（三）丙\n${after}（五）丁\n`;

  it('report-disable-next-line silences one line for the named rule', () => {
    assert.strictEqual(findings('numbering-sequence', gap('')).length, 2);
    const text = gap('<!-- report-disable-next-line numbering-sequence -->\n');
    assert.deepStrictEqual(findings('numbering-sequence', text).map((d) => d.finding.range.start.line), [4]);
    assert.strictEqual(findings('numbering-sequence', gap('<!-- report-disable-next-line placeholder -->\n')).length, 2);
  });

  it('report-disable / report-enable with and without ids', () => {
    const all = gap('<!-- report-disable -->\n', '<!-- report-enable -->\n');
    assert.deepStrictEqual(findings('numbering-sequence', all).map((d) => d.finding.range.start.line), [5]);
    const listed = gap('<!-- report-disable numbering-style, numbering-sequence -->\n');
    assert.deepStrictEqual(findings('numbering-sequence', listed), []);
    const reenabled = gap('<!-- report-disable -->\n', '<!-- report-enable numbering-sequence -->\n');
    assert.deepStrictEqual(findings('numbering-sequence', reenabled).map((d) => d.finding.range.start.line), [5]);
  });

  it('ignores directives inside fenced code', () => {
    const text = '```\n<!-- report-disable -->\n```\n一、甲\n（二）乙\n';
    assert.strictEqual(findings('numbering-sequence', text).length, 1);
  });
});

describe('.reportrc files and report-check --config / --fix / --format sarif', function () {
  let tmp: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `node esbuild.js` first');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-structure-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds the nearest .reportrc.json or .yaml and reads rules from it', () => {
    const sub = path.join(tmp, 'a', 'b');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'a', '.reportrc.yaml'), 'rules:\n  numbering-style: "off"\n  numbering-sequence: { severity: error }\n');
    assert.strictEqual(findConfigFile(sub), path.join(tmp, 'a', '.reportrc.yaml'));
    const loaded = new ConfigFiles().forPath(path.join(sub, 'x.report.md'));
    assert.deepStrictEqual(loaded?.config, { rules: { 'numbering-style': 'off', 'numbering-sequence': { severity: 'error' } } });
    fs.writeFileSync(path.join(sub, '.reportrc.json'), '{"rules": {"placeholder": "hint"}}');
    assert.strictEqual(findConfigFile(sub), path.join(sub, '.reportrc.json'));
    fs.writeFileSync(path.join(sub, '.reportrc.json'), '{"rules": [1]}');
    assert.match(loadConfigFile(path.join(sub, '.reportrc.json')).problems.join('\n'), /"rules" must be an object/);
    fs.writeFileSync(path.join(sub, '.reportrc.json'), '{broken');
    assert.match(loadConfigFile(path.join(sub, '.reportrc.json')).problems.join('\n'), /not valid JSON/);
    fs.rmSync(path.join(sub, '.reportrc.json'));
    // A config turns a rule off or changes its severity.
    const cfg = mergeConfig(loaded?.config);
    assert.deepStrictEqual(findings('numbering-style', '一、甲\n(一)乙\n', cfg), []);
    assert.strictEqual(findings('numbering-sequence', '一、甲\n（二）乙\n', cfg)[0]?.severity, 'error');
  });

  it('the CLI uses the nearest config file, or the one --config names', () => {
    const dir = path.join(tmp, 'cli');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'r.report.md');
    fs.writeFileSync(file, '一、甲\n（二）乙\n');
    assert.strictEqual(run(['r.report.md'], dir).code, 0);
    fs.writeFileSync(path.join(dir, '.reportrc.json'), '{"rules": {"numbering-sequence": "error"}}');
    const r = run(['r.report.md'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /r\.report\.md:2:1 {2}error {2}The list does not start at 1/);
    const other = path.join(tmp, 'other.yaml');
    fs.writeFileSync(other, 'rules:\n  numbering-sequence: "off"\n');
    const off = run(['--config', other, '--format', 'json', 'r.report.md'], dir);
    assert.strictEqual(off.code, 0);
    assert.deepStrictEqual(JSON.parse(off.stdout).files[0].diagnostics, []);
    assert.strictEqual(run(['--config', path.join(tmp, 'missing.json'), 'r.report.md'], dir).code, 2);
  });

  it('--fix rewrites the file in place, keeps its encoding and prints what changed', () => {
    const file = path.join(tmp, 'fix.txt');
    const text = '一、甲\n(一)乙\n（三）丙\n##paidbegin##正文\n';
    fs.writeFileSync(file, iconv.encode(text, 'gb18030'));
    const r = run(['--fix', file]);
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /fix\.txt:2:1 {2}fixed {2}Change "\(一\)" to "（一）" {2}numbering-style/);
    assert.match(r.stdout, /fixed {2}Remove "##paidbegin##" {2}stray-marker/);
    assert.strictEqual(iconv.decode(fs.readFileSync(file), 'gb18030'), '一、甲\n（一）乙\n（二）丙\n正文\n');
    const again = run(['--fix', file]);
    assert.doesNotMatch(again.stdout, /fixed/);
  });

  it('--format sarif writes a SARIF 2.1.0 log with rules, regions and fixes', () => {
    const file = path.join(tmp, 'sarif.report.md');
    fs.writeFileSync(file, '一、甲\n　　(一)乙\n');
    const r = run(['--format', 'sarif', file]);
    const log = JSON.parse(r.stdout) as { version: string; runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string }> } }; results: Array<Record<string, unknown>> }> };
    assert.strictEqual(log.version, '2.1.0');
    const run0 = log.runs[0]!;
    assert.strictEqual(run0.tool.driver.name, 'report-check');
    assert.ok(run0.tool.driver.rules.some((x) => x.id === 'numbering-style'));
    assert.strictEqual(run0.results.length, 1);
    const res = run0.results[0] as { ruleId: string; level: string; locations: Array<{ physicalLocation: { region: Record<string, number> } }>; fixes: unknown[] };
    assert.strictEqual(res.ruleId, 'numbering-style');
    assert.strictEqual(res.level, 'warning');
    assert.deepStrictEqual(res.locations[0]?.physicalLocation.region, { startLine: 2, startColumn: 3, endLine: 2, endColumn: 6 });
    assert.strictEqual(res.fixes.length, 1);
  });
});
