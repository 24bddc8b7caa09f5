import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../server/src/engine/rules';

const ROOT = path.join(__dirname, '..', '..');

function json(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
}

type Validate = ((d: unknown) => boolean) & { errors?: unknown };

describe('rule settings: the .reportrc schema and the report.rules setting', () => {
  // ajv 8 is installed (a dependency of the tool chain); strict off for VS Code keywords such as markdownDescription.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv') as new (o: object) => { compile(s: object): Validate };
  const ajv = new Ajv({ allErrors: true, strict: false });
  const file = ajv.compile(json('schemas/reportrc.schema.json'));
  const pkg = json('package.json') as { contributes: { configuration: { properties: Record<string, object> }; jsonValidation: Array<{ fileMatch: string[]; url: string }> } };
  const setting = ajv.compile(pkg.contributes.configuration.properties['report.rules'] ?? {});

  it('VS Code validates .reportrc.json against the schema', () => {
    assert.ok(pkg.contributes.jsonValidation.some((v) => v.fileMatch.includes('.reportrc.json') && fs.existsSync(path.join(ROOT, v.url))));
  });

  it('accept every rule at every severity, and each rule with its declared options at their defaults', () => {
    for (const rule of RULES) {
      for (const severity of ['off', 'hint', 'info', 'warning', 'error']) {
        assert.ok(file({ rules: { [rule.id]: severity } }), JSON.stringify(file.errors));
        assert.ok(setting({ [rule.id]: { severity } }), JSON.stringify(setting.errors));
      }
      const options = Object.fromEntries(Object.entries(rule.options).map(([k, spec]) => [k, spec.default]));
      assert.ok(file({ rules: { [rule.id]: { severity: 'info', ...options } } }), `${rule.id}: ${JSON.stringify(file.errors)}`);
      assert.ok(setting({ [rule.id]: { severity: 'info', ...options } }), `${rule.id}: ${JSON.stringify(setting.errors)}`);
    }
  });

  it('reject unknown severities, wrong types, options a rule does not have and out-of-range values', () => {
    const bad = [{ 'numbering-style': 'loud' }, { 'numbering-style': 3 }, { 'numbering-style': { severity: 'fatal' } }, { 'numbering-style': { severity: 'info', summaryRatio: 0.5 } }, { 'punctuation-width': { summaryRatio: 2 } }, { 'punctuation-width': { summaryMinimum: 2.5 } }];
    for (const b of bad) {
      assert.strictEqual(file({ rules: b }), false, JSON.stringify(b));
      assert.strictEqual(setting(b), false, JSON.stringify(b));
    }
    assert.strictEqual(file({ rulez: {} }), false);
  });
});
