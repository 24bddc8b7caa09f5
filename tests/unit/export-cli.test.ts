import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { t } from '../../server/src/engine';
import { describeWriteError, writeFileAtomic } from '../../common/export-write';
import { paragraphs, readDocx } from '../support/ooxml';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'dist', 'export-cli.js');
const REAL = path.join(ROOT, 'tests', 'fixtures', 'real');
const SEED = path.join(REAL, '2023-county-office-shuzhi-report.txt');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(args: string[], input?: string | Buffer, lang = 'en_US.UTF-8') {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' } });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), bytes: r.stdout };
}

/** Names of temporary files an interrupted write could leave behind. */
const leftovers = (dir: string): string[] => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.startsWith('.'));

describe('report-export CLI', function () {
  this.timeout(30000);
  let tmp: string;
  before(() => {
    assert.ok(fs.existsSync(BIN), 'run `node esbuild.js` first');
  });
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-export-'));
  });
  afterEach(() => {
    for (const d of [tmp, ...fs.readdirSync(tmp).map((n) => path.join(tmp, n))]) {
      try {
        fs.chmodSync(d, 0o755);
      } catch {
        // not there
      }
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('exports every real report into the output folder as a .docx with its headings', async () => {
    const files = fs.readdirSync(REAL).filter((f) => f.endsWith('.txt'));
    const out = path.join(tmp, 'out');
    const r = run(['--export', 'docx', '-o', out, ...files.map((f) => path.join(REAL, f))]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(fs.readdirSync(out).sort(), files.map((f) => f.replace(/\.txt$/, '.docx')).sort());
    const seed = await readDocx(fs.readFileSync(path.join(out, '2023-county-office-shuzhi-report.docx')));
    const headings = paragraphs(seed.document).filter((p) => p.style?.startsWith('Heading'));
    assert.strictEqual(headings.length, 19);
    assert.strictEqual(headings[0]?.text, '一、持之以恒加强领导班子自身建设');
    assert.match(r.stdout, /2023-county-office-shuzhi-report\.txt → .*2023-county-office-shuzhi-report\.docx/);
  });

  it('writes beside the input by default, naming name.report.md → name.docx', () => {
    const src = path.join(tmp, '述职报告.report.md');
    fs.copyFileSync(SEED, src);
    const r = run([src]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(tmp, '述职报告.docx')));
  });

  it('-o names the output file for a single input; - reads stdin and writes stdout without -o', async () => {
    const target = path.join(tmp, 'seed.docx');
    assert.strictEqual(run(['-o', target, SEED]).code, 0);
    assert.ok(fs.statSync(target).size > 5000);
    const piped = run(['-'], fs.readFileSync(SEED));
    assert.strictEqual(piped.code, 0, piped.stderr);
    assert.strictEqual(piped.bytes.subarray(0, 2).toString('latin1'), 'PK');
    const doc = await readDocx(piped.bytes);
    assert.strictEqual(paragraphs(doc.document)[0]?.text, '2023年度述职述德述廉报告');
  });

  it('--format html writes one self-contained .html per report', () => {
    const out = path.join(tmp, 'html');
    const r = run(['--format', 'html', '-o', out, SEED]);
    assert.strictEqual(r.code, 0, r.stderr);
    const html = fs.readFileSync(path.join(out, '2023-county-office-shuzhi-report.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<title>2023年度述职述德述廉报告<\/title>/);
    assert.match(html, /一、持之以恒加强领导班子自身建设/);
    assert.doesNotMatch(html, /<script/);
  });

  it('replaces an existing file by rename (a new inode; a hard link to the old file keeps the old bytes)', () => {
    const target = path.join(tmp, 'seed.docx');
    fs.writeFileSync(target, 'OLD');
    const link = path.join(tmp, 'link.docx');
    fs.linkSync(target, link);
    const before = fs.statSync(target).ino;
    assert.strictEqual(run(['-o', target, SEED]).code, 0);
    assert.notStrictEqual(fs.statSync(target).ino, before);
    assert.strictEqual(fs.readFileSync(link, 'utf8'), 'OLD');
    assert.strictEqual(fs.readFileSync(target).subarray(0, 2).toString('latin1'), 'PK');
    assert.deepStrictEqual(leftovers(tmp), []);
  });

  it('a target that cannot be written gives a clear message, exit code 2, and leaves nothing behind; other files are still exported', () => {
    const out = path.join(tmp, 'out');
    fs.mkdirSync(out);
    // A folder where the .docx should go: the rename cannot replace it.
    fs.mkdirSync(path.join(out, '2023-county-office-shuzhi-report.docx'));
    const other = path.join(REAL, '2002-04-cnpack-team-work-summary.txt');
    const r = run(['-o', out, SEED, other]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /2023-county-office-shuzhi-report\.docx cannot be written: a folder of that name is in the way/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.deepStrictEqual(fs.readdirSync(path.join(out, '2023-county-office-shuzhi-report.docx')), []);
    assert.deepStrictEqual(leftovers(out), []);
    assert.ok(fs.existsSync(path.join(out, '2002-04-cnpack-team-work-summary.docx')));
  });

  it('a path through a file, a missing folder, and (not as root) a read-only folder: clear messages in English and Chinese', function () {
    const file = path.join(tmp, 'plain.txt');
    fs.writeFileSync(file, 'x');
    let r = run(['-o', path.join(file, 'seed.docx'), SEED]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /cannot be written: a part of the path is a file, not a folder/);
    r = run(['-o', path.join(tmp, 'missing', 'seed.docx'), SEED], undefined, 'zh_CN.UTF-8');
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /无法写入 .*seed\.docx：文件夹不存在/);
    if (isRoot) return; // root writes anywhere: the permission case cannot be staged
    const ro = path.join(tmp, 'ro');
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o555);
    r = run(['-o', path.join(ro, 'seed.docx'), SEED]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /permission denied/);
    assert.deepStrictEqual(fs.readdirSync(ro), []);
  });

  it('usage errors and unreadable inputs exit 2 with a one-line reason', () => {
    let r = run(['--format', 'pdf', SEED]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /--format must be/);
    r = run([]);
    assert.strictEqual(r.code, 2);
    r = run(['-o', tmp, path.join(tmp, 'nope.report.md')]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /nope\.report\.md: no such file or directory/);
    const bin = path.join(tmp, 'x.report');
    fs.writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0]));
    r = run(['-o', tmp, bin]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /binary file/);
  });

  it('writeFileAtomic removes its temporary file when the rename fails', () => {
    const blocker = path.join(tmp, 'a.docx');
    fs.mkdirSync(path.join(blocker, 'inner'), { recursive: true });
    assert.throws(
      () => writeFileAtomic(blocker, new Uint8Array([1, 2, 3])),
      (e: NodeJS.ErrnoException) => e.code === 'EISDIR' && /a folder of that name is in the way/.test(describeWriteError(e, blocker, t)),
    );
    assert.deepStrictEqual(fs.readdirSync(tmp), ['a.docx']);
    writeFileAtomic(path.join(tmp, 'b.docx'), new Uint8Array([1, 2, 3]));
    assert.deepStrictEqual([...fs.readFileSync(path.join(tmp, 'b.docx'))], [1, 2, 3]);
    assert.deepStrictEqual(fs.readdirSync(tmp).sort(), ['a.docx', 'b.docx']);
  });
});
