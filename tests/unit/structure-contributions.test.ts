import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { chineseBundle } from '../../server/src/engine/i18n';
import { RULES } from '../../server/src/engine/rules';

const ROOT = path.join(__dirname, '..', '..');
const STRUCTURE = ['numbering-sequence', 'numbering-style', 'heading-punctuation', 'enumeration-sequence', 'punctuation-width'];
const DOCUMENTED = [...STRUCTURE, 'stray-marker', 'placeholder', 'front-matter'];
const SOURCES = [
  ...STRUCTURE.map((id) => `server/src/engine/rules/${id}.ts`),
  'server/src/engine/model/sibling-runs.ts',
  'server/src/engine/features/code-actions.ts',
  'server/src/engine/features/format.ts',
  'server/src/cli/write-back.ts',
  'server/src/cli/report-check.ts',
];

function json(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
}

describe('structure rules: docs, settings schema, config schema and translations', () => {
  it('every structure rule is registered with the documented default severity', () => {
    const want: Record<string, string> = { 'numbering-sequence': 'warning', 'numbering-style': 'warning', 'heading-punctuation': 'warning', 'enumeration-sequence': 'warning', 'punctuation-width': 'info' };
    for (const id of STRUCTURE) assert.strictEqual(RULES.find((r) => r.id === id)?.defaultSeverity, want[id], id);
  });

  it('has a docs/rules page for each rule it documents, naming the rule', () => {
    for (const id of DOCUMENTED) {
      const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
      assert.ok(page.startsWith(`# ${id}\n`), id);
    }
  });

  it('lists the rules in report.rules (package.json, with en and zh descriptions) and in the .reportrc schema', () => {
    const pkg = json('package.json') as { contributes: { configuration: { properties: Record<string, { properties: Record<string, { markdownDescription: string }> }> }; jsonValidation: Array<{ fileMatch: string[]; url: string }> } };
    const setting = pkg.contributes.configuration.properties['report.rules'];
    const schema = json('schemas/reportrc.schema.json') as { properties: { rules: { properties: Record<string, unknown> } } };
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    for (const id of DOCUMENTED) {
      const key = setting?.properties[id]?.markdownDescription.replace(/^%|%$/g, '') ?? '';
      assert.ok(typeof en[key] === 'string' && typeof zh[key] === 'string', `${id}: ${key}`);
      assert.ok(schema.properties.rules.properties[id], id);
    }
    assert.ok(pkg.contributes.jsonValidation.some((v) => v.fileMatch.includes('.reportrc.json') && fs.existsSync(path.join(ROOT, v.url))));
  });

  it('the .reportrc schema and the report.rules setting accept good configurations and reject bad ones', () => {
    // ajv 8 is installed (a dependency of the tool chain); strict off for VS Code keywords such as markdownDescription.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = require('ajv') as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
    const ajv = new Ajv({ allErrors: true, strict: false });
    const file = ajv.compile(json('schemas/reportrc.schema.json'));
    const pkg = json('package.json') as { contributes: { configuration: { properties: Record<string, object> } } };
    const setting = ajv.compile(pkg.contributes.configuration.properties['report.rules'] ?? {});
    const good = { 'numbering-sequence': 'error', 'punctuation-width': { severity: 'info', summaryRatio: 0.9 }, 'some-other-rule': 'off' };
    assert.ok(file({ rules: good }), JSON.stringify(file.errors));
    assert.ok(setting(good), JSON.stringify(setting.errors));
    for (const bad of [{ 'numbering-style': 'loud' }, { 'numbering-style': 3 }, { 'numbering-style': { severity: 'fatal' } }]) {
      assert.strictEqual(file({ rules: bad }), false, JSON.stringify(bad));
      assert.strictEqual(setting(bad), false, JSON.stringify(bad));
    }
    assert.strictEqual(file({ rulez: {} }), false);
  });

  it('has a Chinese translation for every message of the structure area', () => {
    const zh = chineseBundle();
    const missing: string[] = [];
    for (const file of SOURCES) {
      const src = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        const key = (m[1] ?? '').replace(/\\(["'\\])/g, '$1').replace(/\\u([0-9A-Fa-f]{4})/g, (_s, h: string) => String.fromCharCode(parseInt(h, 16)));
        if (!(key in zh)) missing.push(`${file}: ${key}`);
      }
    }
    assert.deepStrictEqual(missing, []);
  });
});
