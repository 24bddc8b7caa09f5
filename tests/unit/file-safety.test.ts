/**
 * Nothing the user wrote is lost: `report-check --fix` and `report-export` write through a
 * temporary file and a rename, keep permissions and owners, refuse read-only targets, a file
 * changed since it was read, two inputs exported to one file and an export over an input; inputs
 * over the size limit are refused before they are read.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main as checkMain } from '../../server/src/cli/report-check';
import { MAX_INPUT_BYTES } from '../../server/src/cli/inputs';

const ROOT = path.join(__dirname, '..', '..');
const CHECK = path.join(ROOT, 'dist', 'cli.js');
const EXPORT = path.join(ROOT, 'dist', 'export-cli.js');
const SEED = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'real', '2023-county-office-shuzhi-report.txt'), 'utf8');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const ENV = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' };

function run(bin: string, args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: ENV, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A report with safe fixes: 「##paidbegin##」 junk and half-width commas in Chinese sentences. */
const FIXABLE = `2024年度工作总结\n一、主要工作\n今年以来,我们认真履行职责,完成了各项任务。##paidbegin##\n二、存在问题\n学习不够深入,调研不够扎实。\n`;

const tempFiles = (dir: string): string[] => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
const mode = (p: string): number => fs.statSync(p).mode & 0o777;

describe('file safety: --fix', function () {
  this.timeout(60_000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-safety-'));
  });
  afterEach(() => {
    for (const n of fs.readdirSync(tmp)) fs.chmodSync(path.join(tmp, n), 0o644);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('on a full disk (a file-size limit: writes fail with EFBIG) leaves the file exactly as it was and exits 2', () => {
    const file = path.join(tmp, 'big.report.md');
    // Larger than the limit below, with fixes all through it.
    const text = FIXABLE.repeat(1000);
    fs.writeFileSync(file, text);
    assert.ok(Buffer.byteLength(text) > 64 * 1024); // bash counts ulimit -f in KiB
    const r = spawnSync('bash', ['-c', 'ulimit -f 64 && exec "$0" "$1" --fix "$2"', process.execPath, CHECK, file], { encoding: 'utf8', env: ENV });
    assert.strictEqual(r.status, 2, r.stderr);
    assert.match(r.stdout, /big\.report\.md: error: not fixed, the file is as it was: .*larger than the system allows/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
    assert.deepStrictEqual(tempFiles(tmp), []);
    // Without the limit the same command fixes it.
    const ok = run(CHECK, ['--fix', file]);
    assert.strictEqual(ok.code, 0, ok.stdout);
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /##paidbegin##|,/);
  });

  it('keeps the mode (0600, 0640) and writes through a symbolic link, which stays a link', () => {
    const secret = path.join(tmp, 'secret.report.md');
    fs.writeFileSync(secret, FIXABLE);
    fs.chmodSync(secret, 0o600);
    const group = path.join(tmp, 'group.report.md');
    fs.writeFileSync(group, FIXABLE);
    fs.chmodSync(group, 0o640);
    const link = path.join(tmp, 'link.report.md');
    fs.symlinkSync('group.report.md', link);
    const r = run(CHECK, ['--fix', secret, link]);
    assert.strictEqual(r.code, 0, r.stdout);
    assert.strictEqual(mode(secret), 0o600);
    assert.strictEqual(mode(group), 0o640);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    for (const f of [secret, group]) assert.doesNotMatch(fs.readFileSync(f, 'utf8'), /##paidbegin##/);
    assert.deepStrictEqual(tempFiles(tmp), []);
  });

  it('keeps the owner and group (as root, the only user who can stage another owner)', function () {
    if (!isRoot) return;
    const file = path.join(tmp, 'owned.report.md');
    fs.writeFileSync(file, FIXABLE);
    fs.chownSync(file, 4242, 4343);
    assert.strictEqual(run(CHECK, ['--fix', file]).code, 0);
    const st = fs.statSync(file);
    assert.deepStrictEqual([st.uid, st.gid], [4242, 4343]);
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /##paidbegin##/);
  });

  it('refuses a read-only file and a file with other hard links: exit 2, a clear message, nothing changed', () => {
    const ro = path.join(tmp, 'ro.report.md');
    fs.writeFileSync(ro, FIXABLE);
    fs.chmodSync(ro, 0o444);
    const linked = path.join(tmp, 'linked.report.md');
    fs.writeFileSync(linked, FIXABLE);
    fs.linkSync(linked, path.join(tmp, 'other-name.report.md'));
    const r = run(CHECK, ['--fix', ro, linked]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stdout, /ro\.report\.md: error: not fixed, the file is as it was: .*ro\.report\.md is read-only: it was not replaced/);
    assert.match(r.stdout, /linked\.report\.md: error: not fixed, the file is as it was: .*has other hard links/);
    assert.strictEqual(fs.readFileSync(ro, 'utf8'), FIXABLE);
    assert.strictEqual(fs.readFileSync(linked, 'utf8'), FIXABLE);
    assert.strictEqual(mode(ro), 0o444);
    assert.deepStrictEqual(tempFiles(tmp), []);
  });

  it('writes nothing when an editor saved the file between the read and the rename, and says so (exit 2)', () => {
    const file = path.join(tmp, 'busy.report.md');
    fs.writeFileSync(file, FIXABLE);
    const appended = '三、下一步打算\n继续努力。\n';
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => out.push(String(s)) > 0) as typeof process.stdout.write;
    let code: number;
    try {
      code = checkMain(['--lang', 'en', '--fix', file], { beforeReplace: (f) => fs.appendFileSync(f, appended) });
    } finally {
      process.stdout.write = write;
    }
    assert.strictEqual(code, 2);
    assert.match(out.join(''), /busy\.report\.md changed on disk while it was being processed \(saved by an editor\?\): nothing was written, run again/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), FIXABLE + appended);
    assert.deepStrictEqual(tempFiles(tmp), []);
  });
});

describe('file safety: report-export targets', function () {
  this.timeout(60_000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-safety-export-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const allFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)).map((n) => `${e.name}/${n}`) : [e.name]));

  it('refuses, before writing anything, two inputs exported to one file: beside them, or into one -o folder', () => {
    fs.writeFileSync(path.join(tmp, 'a.report.md'), SEED);
    fs.writeFileSync(path.join(tmp, 'a.report'), '一、另一份\n正文。\n');
    fs.mkdirSync(path.join(tmp, 'x'));
    fs.mkdirSync(path.join(tmp, 'y'));
    fs.writeFileSync(path.join(tmp, 'x', 'r.report.md'), SEED);
    fs.writeFileSync(path.join(tmp, 'y', 'r.report.md'), '一、乙\n正文。\n');
    const before = allFiles(tmp).sort();
    let r = run(EXPORT, [path.join(tmp, 'a.report.md'), path.join(tmp, 'a.report')]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /a\.report\.md and .*a\.report would both be exported to .*a\.docx: rename one, or export them to different folders\nreport-export: nothing was exported\n$/);
    r = run(EXPORT, ['-o', path.join(tmp, 'out'), path.join(tmp, 'x'), path.join(tmp, 'y')]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /x\/r\.report\.md and .*y\/r\.report\.md would both be exported to .*out\/r\.docx/);
    assert.deepStrictEqual(allFiles(tmp).sort(), before, 'nothing written, not even the -o folder');
    // The same input named twice is one input, exported once.
    r = run(EXPORT, ['-o', path.join(tmp, 'out'), path.join(tmp, 'x', 'r.report.md'), `${tmp}/x/./r.report.md`]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(fs.readdirSync(path.join(tmp, 'out')), ['r.docx']);
  });

  it('refuses an export that would replace an input: -o equal to the input, or another input', () => {
    const page = path.join(tmp, 'page.html');
    fs.writeFileSync(page, SEED);
    let r = run(EXPORT, ['--format', 'html', '-o', page, page]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /page\.html is the input itself: its export would replace the report/);
    assert.strictEqual(fs.readFileSync(page, 'utf8'), SEED);
    const src = path.join(tmp, 'a.report.md');
    const other = path.join(tmp, 'a.html');
    fs.writeFileSync(src, SEED);
    fs.writeFileSync(other, '一、甲\n');
    r = run(EXPORT, ['--format', 'html', src, other]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /a\.html is one of the inputs: the export of .*a\.report\.md would replace it/);
    assert.strictEqual(fs.readFileSync(other, 'utf8'), '一、甲\n');
  });

  it('refuses a read-only target with a clear message, and keeps the mode of a target it replaces', () => {
    const src = path.join(tmp, 'a.report.md');
    fs.writeFileSync(src, SEED);
    const ro = path.join(tmp, 'ro.docx');
    fs.writeFileSync(ro, 'OLD');
    fs.chmodSync(ro, 0o444);
    let r = run(EXPORT, ['-o', ro, src]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /ro\.docx is read-only: it was not replaced \(make it writable, or choose another name\)/);
    assert.strictEqual(fs.readFileSync(ro, 'utf8'), 'OLD');
    const secret = path.join(tmp, 'secret.docx');
    fs.writeFileSync(secret, 'OLD');
    fs.chmodSync(secret, 0o600);
    r = run(EXPORT, ['-o', secret, src]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(fs.readFileSync(secret).subarray(0, 2).toString('latin1'), 'PK');
    assert.strictEqual(mode(secret), 0o600);
    // A device is not a file to replace (as root, a rename would have replaced /dev/null itself).
    if (fs.existsSync('/dev/null')) {
      const dev = path.join(tmp, 'dev.docx');
      fs.symlinkSync('/dev/null', dev);
      r = run(EXPORT, ['-o', dev, src]);
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /dev\.docx is not a regular file/);
      assert.ok(fs.statSync('/dev/null').isCharacterDevice());
    }
    fs.chmodSync(ro, 0o644);
  });
});

describe('file safety: input size limit', function () {
  this.timeout(60_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-safety-size-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('refuses a file over 20 MiB from its size, before reading it: one line, exit 2, the other files checked', () => {
    const big = path.join(tmp, 'big.txt');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, MAX_INPUT_BYTES + 1); // sparse: nothing is written, nothing need be read
    const ok = path.join(tmp, 'ok.report.md');
    fs.writeFileSync(ok, '一、甲\n');
    const r = run(CHECK, [big, ok]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stdout, /big\.txt: error: 20\.0 MB: larger than the limit of 20 MB for one report \(not read\)\n/);
    assert.match(r.stdout, /1 file\(s\) checked, no problems\./);
    const e = run(EXPORT, ['-o', tmp, big]);
    assert.strictEqual(e.code, 2);
    assert.match(e.stderr, /larger than the limit of 20 MB/);
  });

  it('reads a pipe or a device only up to the limit: standard input and /dev/zero (which never ends) are refused', () => {
    const r = run(CHECK, ['-'], Buffer.alloc(MAX_INPUT_BYTES + 4096, '字'));
    assert.strictEqual(r.code, 2);
    assert.match(r.stdout, /<stdin>: error: more than 20 MB: larger than the limit for one report \(not read\)/);
    if (!fs.existsSync('/dev/zero')) return;
    const t0 = Date.now();
    const z = spawnSync(process.execPath, [CHECK, '/dev/zero'], { encoding: 'utf8', env: ENV, timeout: 30_000 });
    assert.strictEqual(z.status, 2, z.stderr);
    assert.match(z.stdout, /\/dev\/zero: error: more than 20 MB/);
    assert.ok(Date.now() - t0 < 30_000);
  });
});
