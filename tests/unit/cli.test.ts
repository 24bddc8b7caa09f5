import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const REAL = path.join(ROOT, 'tests', 'fixtures', 'real');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonNode { kind: string; level: number; number: string; marker: string; title: string; line: number; children: JsonNode[] }

describe('report-check CLI', function () {
  let tmp: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `node esbuild.js` first');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints exactly the truth outline of every real report as JSON', () => {
    const files = fs.readdirSync(REAL).filter((f) => f.endsWith('.txt'));
    const r = run(['--format', 'json', ...files.map((f) => path.join(REAL, f))]);
    const out = JSON.parse(r.stdout) as { files: Array<{ path: string; title: string | null; outline: JsonNode[] }> };
    assert.strictEqual(out.files.length, files.length);
    for (const f of out.files) {
      const truth = JSON.parse(fs.readFileSync(path.join(REAL, 'truth', path.basename(f.path).replace(/\.txt$/, '.json')), 'utf8')) as { outline: Array<Omit<JsonNode, 'kind' | 'children'>> };
      const flat: Array<Omit<JsonNode, 'kind' | 'children'>> = [];
      const walk = (nodes: JsonNode[]) => nodes.forEach((n) => { if (n.kind === 'heading') flat.push({ level: n.level, number: n.number, title: n.title, line: n.line, marker: n.marker }); walk(n.children); });
      walk(f.outline);
      assert.deepStrictEqual(flat, truth.outline.map((h) => ({ level: h.level, number: h.number, title: h.title, line: h.line, marker: h.marker })), f.path);
    }
  });

  it('has the documented JSON shape with 1-based positions', () => {
    const r = run(['--format', 'json', path.join(REAL, '2023-county-office-shuzhi-report.txt')]);
    assert.strictEqual(r.code, 1);
    const file = (JSON.parse(r.stdout) as { files: Array<Record<string, unknown>> }).files[0] as { title: string; outline: JsonNode[]; diagnostics: Array<Record<string, unknown>> };
    assert.strictEqual(file.title, '2023年度述职述德述廉报告');
    assert.deepStrictEqual(Object.keys(file.outline[0] ?? {}), ['kind', 'level', 'number', 'marker', 'title', 'line', 'children']);
    const stray = file.diagnostics.find((d) => d['rule'] === 'stray-marker');
    assert.deepStrictEqual(stray, { rule: 'stray-marker', severity: 'error', message: 'Stray marker pasted from a web page: "##paidbegin##".', line: 7, column: 9, endLine: 7, endColumn: 22 });
    const enumeration = file.outline[3]?.children[0];
    assert.deepStrictEqual(enumeration, { kind: 'enumeration', level: 2, number: '一', marker: '一是', title: '加强队伍建设', line: 22, children: [] });
  });

  it('prints eslint-like text with the outline, and Chinese with --lang zh', () => {
    const r = run(['--outline', '--lang', 'zh', path.join(REAL, '2023-county-office-shuzhi-report.txt')]);
    assert.match(r.stdout, /^ {4}（一）主动学习强素质 {2}:4$/m);
    assert.match(r.stdout, /2023-county-office-shuzhi-report\.txt:7:9 {2}error {2}从网页粘贴带入的残留标记：“##paidbegin##”。 {2}stray-marker/);
  });

  it('searches directories for report files only, and reads stdin', () => {
    fs.writeFileSync(path.join(tmp, 'a.report.md'), '一、甲\n');
    fs.writeFileSync(path.join(tmp, 'b.txt'), '一、乙\n');
    const r = run(['--format', 'json', tmp]);
    assert.deepStrictEqual((JSON.parse(r.stdout) as { files: Array<{ path: string }> }).files.map((f) => path.basename(f.path)), ['a.report.md']);
    const s = run(['--format', 'json', '-'], '（一）标准\n');
    assert.strictEqual((JSON.parse(s.stdout) as { files: Array<{ outline: JsonNode[] }> }).files[0]?.outline[0]?.marker, '（一）');
  });

  it('reads GBK files and says so', () => {
    const p = path.join(tmp, 'gbk.txt');
    fs.writeFileSync(p, iconv.encode('2023年度工作总结\n一、主要工作\n党的XX大\n', 'gbk'));
    const r = run([p]);
    assert.match(r.stdout, /decoded as GB18030/);
    assert.match(r.stdout, /gbk\.txt:3:3 {2}warning {2}Placeholder "XX"/);
    assert.strictEqual(r.code, 0);
  });

  it('gives clear one-line errors and exit code 2 for binary, missing and bad arguments', () => {
    const bin = path.join(tmp, 'x.bin');
    fs.writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    const ok = path.join(tmp, 'ok.report.md');
    fs.writeFileSync(ok, '一、甲\n');
    const r = run([bin, path.join(tmp, 'missing.txt'), ok]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stdout, /x\.bin: error: binary file, not a text report \(skipped\)/);
    assert.match(r.stdout, /missing\.txt: error: no such file or directory/);
    assert.match(r.stdout, /1 file\(s\) checked, no problems\./);
    assert.doesNotMatch(r.stdout + r.stderr, /at .*\.js:\d+/);
    assert.strictEqual(run(['--format', 'xml', ok]).code, 2);
    assert.strictEqual(run([]).code, 2);
  });

  it('handles empty, invalid UTF-8 and 10 MB input without a stack trace', function () {
    this.timeout(180000);
    const empty = path.join(tmp, 'empty.txt');
    fs.writeFileSync(empty, '');
    assert.strictEqual(run([empty]).code, 0);
    const bad = path.join(tmp, 'bad.txt');
    fs.writeFileSync(bad, Buffer.from([0x61, 0xff, 0xfe, 0x80, 0x62, 0x0a]));
    const b = run([bad]);
    assert.match(b.stdout, /not valid UTF-8/);
    const big = path.join(tmp, 'big.txt');
    const chunk = fs.readFileSync(path.join(REAL, '2026-shaanxi-government-work-report.txt'), 'utf8');
    const bigText = chunk.repeat(Math.ceil(10_000_000 / Buffer.byteLength(chunk)));
    fs.writeFileSync(big, bigText);
    const g = run([big]);
    assert.strictEqual(g.code, 0, g.stderr);
    assert.match(g.stdout, /1 file\(s\) checked/);
    assert.doesNotMatch(g.stdout, /only the outline/);
    // Beyond the size limit (5,000,000 characters, as in the editor) the outline is built and the rules are skipped, with a note.
    fs.writeFileSync(big, bigText + bigText);
    const h = run(['--format', 'json', big]);
    assert.strictEqual(h.code, 0, h.stderr);
    assert.match(h.stderr, /only the outline is built, rules do not run/);
    assert.ok((JSON.parse(h.stdout) as { files: Array<{ outline: unknown[] }> }).files[0]?.outline.length);
  });
});
