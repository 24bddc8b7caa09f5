import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import * as os from 'os';
import * as path from 'path';
import { decodeReport } from '../../server/src/engine/util/decode';
import { encodeGb18030 } from '../../server/src/engine/util/gb18030';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const REAL = path.join(ROOT, 'tests', 'fixtures', 'real');
const GBK_FILE = path.join(ROOT, 'tests', 'fixtures', 'gbk', '2023-county-office-shuzhi-report.gbk.txt');
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus');

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('GB18030 encoding (the inverse of TextDecoder)', () => {
  it('writes every two-byte code back as it was (0xA3A0, a second U+3000, as 0xA1A1)', () => {
    const decoder = new TextDecoder('gb18030');
    let checked = 0;
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const code = new Uint8Array([lead, trail]);
        const back = encodeGb18030(decoder.decode(code));
        if (lead === 0xa3 && trail === 0xa0) assert.strictEqual(hex(back), 'a1a1');
        else assert.strictEqual(hex(back), hex(code), `0x${hex(code)}`);
        checked++;
      }
    }
    assert.strictEqual(checked, 23940);
  });

  it('agrees with iconv-lite on real reports, and on characters beyond the BMP', () => {
    const texts = fs.readdirSync(REAL).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(REAL, f), 'utf8'));
    if (fs.existsSync(CORPUS)) for (const f of fs.readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).slice(0, 10)) texts.push(fs.readFileSync(path.join(CORPUS, f), 'utf8'));
    texts.push('𠀀𪚥😀\u{10FFFF} € ·—…“”');
    for (const text of texts) assert.strictEqual(hex(encodeGb18030(text)), hex(iconv.encode(text, 'gb18030')));
  });

  it('refuses a character GB18030 cannot hold instead of writing something else', () => {
    assert.throws(() => encodeGb18030('甲\ud800乙'), /U\+D800 cannot be written in GB18030/);
  });

  it('report-check --fix on a real GBK report changes the fixed bytes only', () => {
    assert.ok(fs.existsSync(CLI), 'run `node esbuild.js` first');
    const original = fs.readFileSync(GBK_FILE);
    const decoded = decodeReport(original);
    assert.strictEqual(decoded.encoding, 'gb18030');
    assert.strictEqual(decoded.text, fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8'));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-gbk-'));
    try {
      const gbk = path.join(tmp, 'report.txt');
      const utf8 = path.join(tmp, 'report-utf8.txt');
      fs.writeFileSync(gbk, original);
      fs.writeFileSync(utf8, decoded.text);
      const env = { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' };
      for (const file of [gbk, utf8]) {
        const r = spawnSync(process.execPath, [CLI, '--fix', file], { encoding: 'utf8', env });
        assert.match(r.stdout, /fixed {2}Remove "##paidbegin##" {2}stray-marker/, r.stderr);
      }
      // The same fixes as on the UTF-8 copy, and the result is what glibc's encoder makes of that text.
      const expected = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', utf8]);
      assert.strictEqual(expected.status, 0, String(expected.stderr));
      assert.strictEqual(hex(fs.readFileSync(gbk)), hex(expected.stdout));
      assert.ok(fs.readFileSync(gbk).length < original.length);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
