/**
 * What the CLI prints cannot be turned against the reader: report text and file names cannot
 * drive the terminal or forge output lines, and --stats CSV cannot smuggle formulas into a
 * spreadsheet.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { csvCell } from '../../server/src/cli/stats';
import { printable, printableJson } from '../../server/src/cli/printable';

const ROOT = path.join(__dirname, '..', '..');
const CHECK = path.join(ROOT, 'dist', 'cli.js');
const EXPORT = path.join(ROOT, 'dist', 'export-cli.js');

function run(bin: string, args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A title that sets the terminal's title and clears its screen, a heading that turns it red, a paragraph with a C1 CSI. */
const HOSTILE = '\x1b]0;pwned\x07\x1b[2J\u009b2J2024年度工作总结\n一、主要工作\x1b[31m\n完成任务120件，办结118件。\n=HYPERLINK("http://x")完成培训30次。\n';
/** Bytes a terminal acts on: C0 controls but tab and line feed, DEL, C1 controls. */
const ACTIVE = /(?![\t\n])\p{Cc}/u;

describe('CLI output cannot drive the terminal', function () {
  this.timeout(30_000);
  let tmp: string;
  let file: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-output-'));
    // A file name with a line break: it must not forge an output line.
    file = path.join(tmp, 'forged\nfake.report.md:1:1  error  injected  stray-marker');
    fs.writeFileSync(file, HOSTILE);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--outline, findings and --stats print controls as escapes, and a file name stays on its line', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--outline'], /Title: \\x1B\]0;pwned\\x07\\x1B\[2J\\x9B2J2024年度工作总结\n {2}一、主要工作\\x1B\[31m {2}:2/],
      [['--stats'], /\n {2}一、主要工作\\x1B\[31m\n/],
      [['--fix', '--outline'], /Title: \\x1B\]0;pwned\\x07\\x1B\[2J/],
    ];
    for (const [args, shown] of cases) {
      fs.writeFileSync(file, HOSTILE);
      const r = run(CHECK, [...args, file]);
      assert.doesNotMatch(r.stdout, ACTIVE, args.join(' '));
      assert.match(r.stdout, shown, args.join(' '));
      assert.doesNotMatch(r.stdout, /^fake\.report\.md:1:1/m, 'no forged line');
      assert.match(r.stdout, /forged\\nfake\.report\.md/);
    }
  });

  it('JSON and SARIF carry the same text, with C1 and DEL as \\u escapes', () => {
    for (const format of ['json', 'sarif']) {
      const r = run(CHECK, ['--format', format, file]);
      assert.doesNotMatch(r.stdout, ACTIVE, format);
      JSON.parse(r.stdout);
    }
    const json = JSON.parse(run(CHECK, ['--format', 'json', file]).stdout) as { files: Array<{ title: string }> };
    assert.strictEqual(json.files[0]?.title, '\x1b]0;pwned\x07\x1b[2J\u009b2J2024年度工作总结');
    const stats = run(CHECK, ['--stats', '--format', 'json', file]);
    assert.doesNotMatch(stats.stdout, ACTIVE);
    assert.match(stats.stdout, /"title": "\\u001b\]0;pwned\\u0007\\u001b\[2J\\u009b2J2024年度工作总结"/);
    const figure = (JSON.parse(stats.stdout) as { files: Array<{ figures: Array<{ context: string }> }> }).files[0]?.figures[0];
    assert.strictEqual(figure?.context, '完成任务120件，办结118件');
  });

  it('report-export prints file names escaped', () => {
    const r = run(EXPORT, ['-o', tmp, file]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, ACTIVE);
    assert.match(r.stdout, /forged\\nfake\.report\.md:1:1 {2}error {2}injected {2}stray-marker → /);
  });

  it('printable escapes every C0 (but tab), DEL and C1 control, and nothing else', () => {
    assert.strictEqual(printable('a\tb\nc\rd\x1b[2J\x07\x7f\x9b中文'), 'a\tb\\nc\\rd\\x1B[2J\\x07\\x7F\\x9B中文');
    assert.strictEqual(printableJson(JSON.stringify('\x7f\x9b中')), '"\\u007f\\u009b中"');
    assert.strictEqual(JSON.parse(printableJson(JSON.stringify({ s: '\u0085x\u009f' }))).s, '\u0085x\u009f');
  });
});

describe('--stats CSV cannot inject formulas (OWASP CSV injection)', function () {
  this.timeout(30_000);

  it('cells starting with = + - @ tab or CR are quoted and prefixed with a single quote; plain numbers stay numbers', () => {
    assert.strictEqual(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.strictEqual(csvCell('+1+cmd'), `"'+1+cmd"`);
    assert.strictEqual(csvCell('-2+3完成检查'), `"'-2+3完成检查"`);
    assert.strictEqual(csvCell('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.strictEqual(csvCell('\t=1'), `"'\t=1"`);
    assert.strictEqual(csvCell('\r=1'), `"'\r=1"`);
    assert.strictEqual(csvCell('＝１＋１'), `"'＝１＋１"`);
    assert.strictEqual(csvCell('-12.5'), '-12.5');
    assert.strictEqual(csvCell(-3), '-3');
    assert.strictEqual(csvCell('完成任务120件，办结118件'), '完成任务120件，办结118件');
    assert.strictEqual(csvCell('a,b'), '"a,b"');
    assert.strictEqual(csvCell('x\x1by'), 'x\\x1By');
  });

  it('a report sentence that starts with a formula comes out quoted and prefixed', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-csv-'));
    try {
      const file = path.join(tmp, 'f.report.md');
      fs.writeFileSync(file, '一、工作\n=HYPERLINK("http://x","点击")完成培训30次。\n@SUM(1+1)完成检查15次。\n');
      const r = run(CHECK, ['--stats', '--format', 'csv', file]);
      assert.strictEqual(r.code, 0, r.stderr);
      const rows = r.stdout.trim().split('\n').slice(1);
      // 30次; then 1, 1 and 15次 of the second sentence.
      assert.strictEqual(rows.length, 4);
      assert.ok(rows[0]?.endsWith(`,"'=HYPERLINK(""http://x"",""点击"")完成培训30次"`), rows[0]);
      assert.ok(rows[3]?.endsWith(`,"'@SUM(1+1)完成检查15次"`), rows[3]);
      // No cell starts with a formula character unless it is quoted and prefixed.
      for (const row of rows) assert.doesNotMatch(row, /(^|,)[=+\-@]/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
