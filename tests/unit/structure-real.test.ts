import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REAL } from './structure-helpers';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const STRUCTURE_RULES = new Set(['numbering-sequence', 'numbering-style', 'heading-punctuation', 'enumeration-sequence', 'punctuation-width']);

/** truth/*.json defects that belong to the structure rules: file → line → rule. */
const TRUTH_TO_RULE: Record<string, Record<number, string>> = {
  '2016-hailar-government-work-report.txt': { 53: 'numbering-style' },
};

/**
 * Genuine defects the truth files do not list: half-width commas and a semicolon inside Chinese
 * sentences of the 2016 Hailar report (「287.9亿元,同比增长」, 「十分艰巨,我们担负」…), each checked
 * by eye. They are reported at `info` severity.
 */
const BEYOND_TRUTH: Record<string, Array<[number, string]>> = {
  '2016-hailar-government-work-report.txt': [
    [15, ';'], [27, ','], [33, ','], [39, ','], [39, ','],
    [141, ','], [141, ','], [141, ','], [141, ','], [141, ','], [141, ','], [141, ','],
  ],
};

interface JsonDiag { rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }

describe('structure rules on the five real reports: exactly their real defects', function () {
  const files = fs.readdirSync(REAL).filter((f) => f.endsWith('.txt')).sort();
  let out: { files: Array<{ path: string; diagnostics: JsonDiag[] }> };
  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `node esbuild.js` first');
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...files.map((f) => path.join(REAL, f))], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    out = JSON.parse(r.stdout) as typeof out;
  });

  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(REAL, file), 'utf8').split('\n');
      const truth = JSON.parse(fs.readFileSync(path.join(REAL, 'truth', file.replace(/\.txt$/, '.json')), 'utf8')) as { real_defects: Array<{ line: number; text: string }> };
      const got = (out.files.find((f) => path.basename(f.path) === file)?.diagnostics ?? []).filter((d) => STRUCTURE_RULES.has(d.rule));
      const expectTruth = TRUTH_TO_RULE[file] ?? {};
      const fromTruth = got.filter((d) => expectTruth[d.line] === d.rule);
      // Every truth defect of these rules is found, on the truth's snippet.
      for (const [line, rule] of Object.entries(expectTruth)) {
        const d = fromTruth.find((x) => x.line === Number(line));
        assert.ok(d, `${file}:${line}: ${rule} not reported`);
        const snippet = truth.real_defects.find((x) => x.line === Number(line))?.text ?? '';
        const found = (text[d.line - 1] ?? '').slice(d.column - 1, d.endColumn - 1);
        assert.ok(found.length > 0 && snippet.includes(found), `${found} is not in the truth snippet ${snippet}`);
      }
      // Everything else is one of the verified places beyond the truth, and nothing more.
      const rest = got.filter((d) => !fromTruth.includes(d)).map((d) => [d.line, (text[d.line - 1] ?? '').slice(d.column - 1, d.endColumn - 1)]);
      assert.deepStrictEqual(rest, BEYOND_TRUTH[file] ?? []);
      for (const d of got) if (d.rule === 'punctuation-width') assert.strictEqual(d.severity, 'info');
    });
  }
});
