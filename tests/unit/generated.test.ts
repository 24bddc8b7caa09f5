import * as assert from 'assert';
import { generatedFiles, staleFiles } from '../../scripts/generate';

describe('generated files (npm run generate)', () => {
  it('package.json, the nls files, the .reportrc schema and the docs tables are up to date with RULES', () => {
    assert.deepStrictEqual(staleFiles(), [], 'run `npm run generate`');
  });

  it('covers the settings, the schema, both nls files, the README and every rule page', () => {
    const files = [...generatedFiles().keys()];
    for (const f of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'schemas/reportrc.schema.json', 'README.md', 'docs/configuration.md']) assert.ok(files.includes(f), f);
    assert.ok(files.filter((f) => f.startsWith('docs/rules/')).length >= 16);
  });
});
