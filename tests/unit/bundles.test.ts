import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { packedLexicon, PACKED_LEXICON_ID } from '../../server/src/engine/data/lexicon';
import { packedLexiconId } from '../../server/src/engine/model/lexicon-tables';

const DIST = path.join(__dirname, '..', '..', 'dist');
const read = (f: string): string => fs.readFileSync(path.join(DIST, f), 'utf8');

describe('bundles (dist/, as npm test builds them)', () => {
  it('are ASCII only (one non-ASCII character makes V8 hold a whole script as two bytes per character)', () => {
    for (const f of fs.readdirSync(DIST).filter((n) => n.endsWith('.js'))) {
      const at = read(f).search(/[\u0080-\uffff]/);
      assert.strictEqual(at, -1, `${f}: a non-ASCII character at ${at}`);
    }
  });

  it('of the server and the CLIs do not hold the packed lexicon, which they require from dist/lexicon-data.js; the two with the cache hold its id', () => {
    const data = packedLexicon().data;
    for (const f of ['server.js', 'report-check.js', 'export-cli.js']) {
      const code = read(f);
      // (report-export keeps no lexicon cache: its bundle needs no id.)
      if (f !== 'export-cli.js') assert.ok(code.includes(PACKED_LEXICON_ID), `${f}: no lexicon id`);
      assert.ok(!code.includes(data.slice(0, 200)), `${f} holds the packed data`);
      assert.match(code, /require\("\.\/lexicon-data\.js"\)\.packedLexicon\(\)/, f);
    }
  });

  it('dist/lexicon-data.js gives the packed lexicon the id names', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const separate = require(path.join(DIST, 'lexicon-data.js')) as { packedLexicon: typeof packedLexicon };
    const packed = separate.packedLexicon();
    assert.deepStrictEqual(packed, packedLexicon());
    assert.strictEqual(packedLexiconId(packed), PACKED_LEXICON_ID);
  });

  it('of the server holds no docx library: it requires dist/docx-lib.js when the .docx exporter is first initialised', () => {
    const code = read('server.js');
    assert.ok(!/class Packer/.test(code), 'the docx library is in server.js');
    // Only inside the lazily run initialisers of the exporter's modules (esbuild's __esm wrappers).
    const requires = [...code.matchAll(/require\("\.\/docx-lib\.js"\)/g)].map((m) => code.lastIndexOf('__esm({', m.index));
    assert.ok(requires.length > 0 && requires.every((at) => at >= 0), 'docx-lib.js required outside an initialiser');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const docx = require(path.join(DIST, 'docx-lib.js')) as { Packer?: unknown; Document?: unknown };
    assert.strictEqual(typeof docx.Packer, 'function');
    assert.strictEqual(typeof docx.Document, 'function');
  });
});
