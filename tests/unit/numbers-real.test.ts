import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runRules } from '../../server/src/engine/diagnostics';
import { chineseBundle } from '../../server/src/engine/i18n';
import { buildModel } from '../../server/src/engine/model/parse';
import { RULES } from '../../server/src/engine/rules';
import { REAL_FILES, readReal } from './numbers-helpers';

/** The numeric consistency rules (issue 4). */
export const NUMBER_RULES = ['missing-number', 'percent-range', 'rate-mismatch', 'subset-exceeds-total', 'total-mismatch', 'table-total', 'count-claim', 'figure-conflict'];

describe('numeric rules on the real reports', () => {
  it('are registered', () => {
    const ids = RULES.map((r) => r.id);
    for (const id of NUMBER_RULES) assert.ok(ids.includes(id), id);
  });

  for (const file of REAL_FILES) {
    it(`${file}: only the real defects (the seed's missing number at line 17)`, () => {
      const model = buildModel({ text: readReal(file) });
      const mine = runRules(model, { rules: {} }).filter((d) => NUMBER_RULES.includes(d.rule.id));
      const got = mine.map((d) => `${d.rule.id}@${d.finding.range.start.line + 1}:${model.index.line(d.finding.range.start.line).text.slice(d.finding.range.start.character - 10, d.finding.range.end.character)}`);
      const expected = file.startsWith('2023-county') ? ['missing-number@17:收到上级交办信访事项件'] : [];
      assert.deepStrictEqual(got, expected);
    });
  }

  it('every message of the hover, the statistics and the client view has a Chinese translation', () => {
    const zh = chineseBundle();
    const root = path.join(__dirname, '..', '..');
    for (const file of ['server/src/engine/features/figure-hover.ts', 'server/src/cli/stats.ts', 'client/src/statistics.ts']) {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      let n = 0;
      for (const m of source.matchAll(/\b(?:t|l10n\.t)\('((?:[^'\\]|\\.)*)'/g)) {
        n++;
        assert.ok(zh[m[1] ?? ''], `${file}: no translation for "${m[1]}"`);
      }
      assert.ok(n > 0, file);
    }
    const hover = fs.readFileSync(path.join(root, 'server/src/engine/features/figure-hover.ts'), 'utf8');
    for (const m of hover.matchAll(/^ {2}\w+: '([^']+)',$/gm)) assert.ok(zh[m[1] ?? ''], `kind label "${m[1]}"`);
  });

  it('every message of these rules has a Chinese translation', () => {
    const zh = chineseBundle();
    for (const rule of RULES.filter((r) => NUMBER_RULES.includes(r.id))) {
      const source = fs.readFileSync(path.join(__dirname, '..', '..', 'server', 'src', 'engine', 'rules', `${rule.id}.ts`), 'utf8');
      for (const m of source.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) {
        const key = (m[1] ?? '').replace(/\\'/g, "'");
        assert.ok(zh[key], `${rule.id}: no translation for "${key}"`);
      }
    }
  });
});
