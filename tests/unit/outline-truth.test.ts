import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildModel } from '../../server/src/engine/model/parse';
import { flatHeadings } from '../../server/src/engine/features/outline';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');

interface TruthHeading {
  level: number;
  number: string;
  title: string;
  line: number;
  marker: string;
  runin: boolean;
}

describe('outline of the real reports equals truth/*.json', () => {
  const files = fs.readdirSync(REAL).filter((f) => f.endsWith('.txt'));
  it('has the five real reports', () => assert.strictEqual(files.length, 5));
  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(REAL, file), 'utf8');
      const truth = JSON.parse(fs.readFileSync(path.join(REAL, 'truth', file.replace(/\.txt$/, '.json')), 'utf8')) as {
        outline: TruthHeading[];
        title?: { text: string; line: number };
      };
      const model = buildModel({ text });
      const got = flatHeadings(model);
      assert.deepStrictEqual(got, truth.outline.map((h) => ({ level: h.level, number: h.number, marker: h.marker, title: h.title, line: h.line, runin: h.runin })));
      if (truth.title) {
        assert.strictEqual(model.title?.text, truth.title.text);
        assert.strictEqual((model.title?.line ?? -1) + 1, truth.title.line);
      }
    });
  }
});
