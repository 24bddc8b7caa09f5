import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PACKED_LEXICON_ID, packedLexicon } from '../../server/src/engine/data/lexicon';
import { Lexicon } from '../../server/src/engine/model/lexicon';
import { decodeTables, encodeTables, lexiconKey, packedLexiconId } from '../../server/src/engine/model/lexicon-tables';
import { getLexicon, segment, useLexicon } from '../../server/src/engine/model/words';
import { cacheDir } from '../../server/src/cache-dir';
import { lexiconCacheFile } from '../../server/src/lexicon-cache';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const REAL = path.join(ROOT, 'tests', 'fixtures', 'real');
const KEY = lexiconKey(PACKED_LEXICON_ID);

/** Every line of the real reports, segmented with the lexicon in use. */
function segmentReal(): string {
  const out: string[] = [];
  for (const f of fs.readdirSync(REAL).filter((n) => n.endsWith('.txt')).sort()) {
    for (const line of fs.readFileSync(path.join(REAL, f), 'utf8').split('\n')) out.push(segment(line).map((t) => `${t.text}/${t.pos}`).join(' '));
  }
  return out.join('\n');
}

describe('caches: the lexicon, the code of report-check', function () {
  this.timeout(60_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lexicon-cache-'));
  });
  after(() => {
    useLexicon(undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is found by the identity scripts/build-lexicon.ts wrote beside the packed data, which that data gives', () => {
    assert.strictEqual(PACKED_LEXICON_ID, packedLexiconId(packedLexicon()));
    assert.notStrictEqual(packedLexiconId({ ...packedLexicon(), total: 1 }), PACKED_LEXICON_ID);
  });

  it('decodes what it encodes, and segments the real reports exactly as the unpacked lexicon', () => {
    const unpacked = getLexicon();
    const bytes = encodeTables(unpacked.tables, KEY);
    const tables = decodeTables(bytes, KEY);
    assert.ok(tables);
    for (const name of ['logProbs', 'level', 'tagIndex', 'first', 'childCode', 'rootChild', 'childSlots', 'pairBits'] as const) {
      assert.deepStrictEqual(tables[name], unpacked.tables[name], name);
    }
    assert.deepStrictEqual([tables.size, tables.tagNames, tables.unknownLogProb], [unpacked.size, unpacked.tagNames, unpacked.unknownLogProb]);
    const expected = segmentReal();
    try {
      useLexicon(new Lexicon(tables));
      assert.strictEqual(segmentReal(), expected);
    } finally {
      useLexicon(undefined);
    }
  });

  it('refuses bytes of another lexicon, damaged, cut short or foreign, and reads a buffer at any offset', () => {
    const bytes = encodeTables(getLexicon().tables, KEY);
    assert.strictEqual(decodeTables(bytes, KEY.replace(/:[0-9a-f]+$/, ':0')), undefined, 'another key');
    const flipped = bytes.slice();
    flipped[flipped.length - 4096] = (flipped[flipped.length - 4096] as number) ^ 1;
    assert.strictEqual(decodeTables(flipped, KEY), undefined, 'a bit flipped in the tables');
    assert.strictEqual(decodeTables(bytes.subarray(0, bytes.length - 8), KEY), undefined, 'cut short');
    assert.strictEqual(decodeTables(new Uint8Array(0), KEY), undefined, 'empty');
    assert.strictEqual(decodeTables(new TextEncoder().encode('not a cache at all, just some text'.repeat(10)), KEY), undefined, 'text');
    const header = bytes.slice();
    header[20] = 0x7b; // the JSON header broken
    assert.strictEqual(decodeTables(header, KEY), undefined, 'a broken header');
    // A view that does not start at a multiple of 8 (a Buffer from a pool) is copied, not refused.
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    assert.ok(decodeTables(shifted.subarray(3), KEY));
  });

  it('is written by the first run of report-check, used by the next, rewritten when damaged, and never changes the output', () => {
    const dir = path.join(tmp, 'cache');
    const file = lexiconCacheFile(dir);
    const reports = fs.readdirSync(REAL).filter((n) => n.endsWith('.txt')).map((n) => path.join(REAL, n));
    const run = (env: Record<string, string>): string => {
      const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...reports], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', ...env } });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      return r.stdout;
    };
    const uncached = run({ REPORT_CACHE: 'off', REPORT_CACHE_DIR: dir });
    assert.ok(!fs.existsSync(dir), 'REPORT_CACHE=off writes nothing');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'lexicon-0badcafe.bin'), 'the cache of another version');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    assert.strictEqual(run({ REPORT_CACHE_DIR: dir }), uncached);
    const written = fs.readFileSync(file);
    assert.ok(decodeTables(written, KEY), 'the first run wrote a good cache');
    assert.deepStrictEqual(fs.readdirSync(dir).filter((n) => !n.startsWith('code-')).sort(), [path.basename(file), 'notes.txt'], 'no temporary file left, the other version\'s cache removed');
    assert.strictEqual(run({ REPORT_CACHE_DIR: dir }), uncached, 'a run from the cache');
    fs.writeFileSync(file, written.subarray(0, 1000));
    assert.strictEqual(run({ REPORT_CACHE_DIR: dir }), uncached, 'a run with a damaged cache');
    assert.ok(decodeTables(fs.readFileSync(file), KEY), 'the damaged cache was replaced');
  });

  it('report-check (dist/cli.js) runs its bundle from a code cache it writes on the first run, and rewrites one V8 refuses; the same output either way', () => {
    const dir = path.join(tmp, 'code');
    const report = path.join(REAL, '2023-county-office-shuzhi-report.txt');
    const run = (env: Record<string, string>): string => {
      const r = spawnSync(process.execPath, [CLI, '--lang', 'en', report], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
      assert.strictEqual(r.status, 1, r.stderr); // the seed's defects are errors
      return r.stdout;
    };
    const direct = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'report-check.js'), '--lang', 'en', report], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', REPORT_CACHE: 'off' } }).stdout;
    assert.match(direct, /17:112 {2}error {2}Missing number/u);
    assert.strictEqual(run({ REPORT_CACHE: 'off', REPORT_CACHE_DIR: dir }), direct);
    assert.ok(!fs.existsSync(dir));
    assert.strictEqual(run({ REPORT_CACHE_DIR: dir }), direct);
    const code = fs.readdirSync(dir).filter((n) => n.startsWith('code-report-check-'));
    assert.strictEqual(code.length, 1, fs.readdirSync(dir).join(' '));
    const file = path.join(dir, code[0] as string);
    assert.ok(fs.statSync(file).size > 100_000);
    assert.strictEqual(run({ REPORT_CACHE_DIR: dir }), direct, 'from the cache');
    fs.writeFileSync(file, Buffer.alloc(5000, 7));
    assert.strictEqual(run({ REPORT_CACHE_DIR: dir }), direct, 'with a cache V8 refuses');
    assert.ok(fs.statSync(file).size > 100_000, 'rewritten');
  });

  it('lives in REPORT_CACHE_DIR, else the per-user cache folder, and is off with REPORT_CACHE=off', () => {
    assert.strictEqual(cacheDir({ REPORT_CACHE_DIR: '/x/y' }), '/x/y');
    assert.strictEqual(cacheDir({ REPORT_CACHE: 'off', REPORT_CACHE_DIR: '/x/y' }), undefined);
    if (process.platform === 'linux') {
      assert.strictEqual(cacheDir({ XDG_CACHE_HOME: '/c' }), path.join('/c', 'report-language-tools'));
      assert.strictEqual(cacheDir({}), path.join(os.homedir(), '.cache', 'report-language-tools'));
    }
  });
});
