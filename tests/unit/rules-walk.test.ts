/**
 * Every rule of RULES, walked once: its doc page, its positive and negative fixtures (real-style
 * text with the expected ranges marked ⟦like this⟧), its messages in both languages, its entries
 * in the settings and the .reportrc schema, and its findings on the real reports, which must be
 * exactly the defects tests/fixtures/real/expected.json lists for it. A new rule is covered here as
 * soon as it is in RULES: without its page and fixtures this test fails.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Range } from 'vscode-languageserver-types';
import { chineseBundle } from '../../server/src/engine/i18n';
import { buildModel } from '../../server/src/engine/model/parse';
import { RULES } from '../../server/src/engine/rules';
import type { Finding, Rule } from '../../server/src/engine/rules/types';
import { checkRule } from '../support/analysis';
import { expectedRanges, FIXTURES, ruleFixtures } from '../support/rule-fixtures';

const ROOT = path.join(__dirname, '..', '..');
const REAL = path.join(ROOT, 'tests', 'fixtures', 'real');
const HAN = /\p{Script=Han}/u;

interface Expected {
  rule: string;
  line: number;
  text: string;
}

const expected = JSON.parse(fs.readFileSync(path.join(REAL, 'expected.json'), 'utf8')) as Record<string, Expected[] | string>;
const realFiles = fs.readdirSync(REAL).filter((f) => f.endsWith('.txt')).sort();
const realText = new Map(realFiles.map((f) => [f, fs.readFileSync(path.join(REAL, f), 'utf8')]));
const json = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

const show = (r: Range): string => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
const sortRanges = (list: Range[]): string[] => list.map(show).sort();

/** The messages a rule's file passes to t(), as written. */
function messagesOf(rule: Rule): string[] {
  const src = fs.readFileSync(path.join(ROOT, 'server', 'src', 'engine', 'rules', `${rule.id}.ts`), 'utf8');
  return [...src.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => (m[1] ?? '').replace(/\\(["'\\])/g, '$1').replace(/\\u([0-9A-Fa-f]{4})/g, (_s, h: string) => String.fromCharCode(parseInt(h, 16))));
}

describe('every rule: page, fixtures, messages, schema and the real reports', () => {
  it('every rule has a unique id and a file of its own', () => {
    const ids = RULES.map((r) => r.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const id of ids) assert.ok(fs.existsSync(path.join(ROOT, 'server', 'src', 'engine', 'rules', `${id}.ts`)), id);
  });

  it('every file of tests/fixtures/real is listed in expected.json', () => {
    assert.deepStrictEqual(Object.keys(expected).filter((k) => !k.startsWith('$')).sort(), realFiles);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a doc page that names it and carries its generated header', () => {
        const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
        assert.ok(page.startsWith(`# ${rule.id}\n`), 'the page starts with its id');
        assert.ok(page.includes('<!-- generated:meta'), 'the page has the generated header');
      });

      it('describes itself in English and Chinese, and every message it shows has a Chinese translation', () => {
        assert.ok(rule.description.en.length > 10 && !HAN.test(rule.description.en.replace(/[^\x20-\x7e]/g, '')), rule.description.en);
        assert.ok(HAN.test(rule.description.zh), rule.description.zh);
        for (const spec of Object.values(rule.options)) assert.ok(spec.description.en && HAN.test(spec.description.zh));
        const zh = chineseBundle();
        const missing = messagesOf(rule).filter((m) => !(m in zh));
        assert.deepStrictEqual(missing, []);
      });

      it('is in the report.rules setting and in the .reportrc schema', () => {
        const pkg = json('package.json') as { contributes: { configuration: { properties: Record<string, { properties: Record<string, unknown> }> } } };
        const schema = json('schemas/reportrc.schema.json') as { properties: { rules: { properties: Record<string, unknown> } } };
        assert.ok(pkg.contributes.configuration.properties['report.rules']?.properties[rule.id]);
        assert.ok(schema.properties.rules.properties[rule.id]);
      });

      const fixtures = ruleFixtures(rule.id);
      it('has positive and negative fixtures with their sources', () => {
        assert.ok(fixtures.positive.length > 0, `no ${FIXTURES}/${rule.id}/positive-*.report.md`);
        assert.ok(fixtures.negative.length > 0, `no ${FIXTURES}/${rule.id}/negative-*.report.md`);
        const readme = fs.readFileSync(path.join(FIXTURES, rule.id, 'README.md'), 'utf8');
        for (const f of [...fixtures.positive, ...fixtures.negative]) assert.ok(readme.includes(f.name), `${rule.id}/README.md does not say where ${f.name} comes from`);
      });

      for (const f of fixtures.positive) {
        it(`finds exactly the marked ranges of ${f.name}`, () => {
          const { text, ranges } = expectedRanges(f.text);
          assert.ok(ranges.length > 0, `${f.name} marks no range`);
          const found = checkRule(rule, buildModel({ text, uri: `file:///${f.name}` }));
          assert.deepStrictEqual(sortRanges(found.map((x) => x.range)), sortRanges(ranges));
          checkFixability(rule, found);
        });
      }
      for (const f of fixtures.negative) {
        it(`finds nothing in ${f.name}`, () => {
          assert.ok(!f.text.includes('⟦'), `${f.name} is negative but marks a range`);
          const found = checkRule(rule, buildModel({ text: f.text, uri: `file:///${f.name}` }));
          assert.deepStrictEqual(found.map((x) => `${show(x.range)} ${x.message}`), []);
        });
      }

      it('finds on the real reports exactly the defects expected.json lists for it', () => {
        for (const file of realFiles) {
          const text = realText.get(file) ?? '';
          const lines = text.split(/\r?\n/);
          const got = checkRule(rule, buildModel({ text, uri: `file:///${file}` })).map((x) => `${x.range.start.line + 1} ${(lines[x.range.start.line] ?? '').slice(x.range.start.character, x.range.end.line === x.range.start.line ? x.range.end.character : undefined)}`);
          const list = expected[file];
          const want = (Array.isArray(list) ? list : []).filter((e) => e.rule === rule.id).map((e) => `${e.line} ${e.text}`);
          assert.deepStrictEqual(got.sort(), want.sort(), file);
        }
      });
    });
  }
});

/** A rule's fixes agree with its declaration: none for 'none'; never preferred unless 'safe'. */
function checkFixability(rule: Rule, found: readonly Finding[]): void {
  const fixes = found.flatMap((f) => f.fixes ?? []);
  if (rule.fixable === 'none') assert.deepStrictEqual(fixes.map((f) => f.title), [], `${rule.id} is declared without fixes`);
  if (rule.fixable !== 'safe') assert.ok(!fixes.some((f) => f.preferred), `${rule.id} offers a preferred fix but is not declared 'safe'`);
}
