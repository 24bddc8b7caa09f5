/**
 * `report-check --format sarif` as code-scanning UIs take it: valid against the SARIF 2.1.0 schema
 * (tests/support/schemas/, with the final standard's region rule checked here), artifact URIs
 * relative to %SRCROOT%, no placeholder or machine-local web addresses, rule help from docs/rules/.
 */
import * as assert from 'assert';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const REAL = path.join(ROOT, 'tests', 'fixtures', 'real');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'support', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;

interface Location {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> };
}
interface SarifRun {
  tool: { driver: Record<string, unknown> & { rules: Array<Record<string, unknown> & { id: string; help?: { text: string; markdown?: string } }> } };
  originalUriBaseIds: Record<string, { uri: string }>;
  results: Array<{ ruleId: string; locations: Location[]; fixes?: Array<{ artifactChanges: Array<{ artifactLocation: { uri: string; uriBaseId?: string } }> }> }>;
}

function sarif(args: string[], cwd: string): { log: { runs: SarifRun[] }; raw: string; code: number | null } {
  const r = spawnSync(process.execPath, [CLI, '--format', 'sarif', ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
  return { log: JSON.parse(r.stdout) as { runs: SarifRun[] }, raw: r.stdout, code: r.status };
}

describe('SARIF output for code scanning', function () {
  this.timeout(60000);
  let tmp: string;
  let validate: ReturnType<Ajv['compile']>;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `node esbuild.js` first');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-sarif-'));
    fs.mkdirSync(path.join(tmp, 'reports', '2023'), { recursive: true });
    for (const f of fs.readdirSync(REAL).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(path.join(REAL, f), path.join(tmp, 'reports', '2023', f.replace(/\.txt$/, '.report.md')));
    fs.copyFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), path.join(tmp, 'reports', '述职报告.report.md'));
    // unicodeRegExp: false — rtm.5's `language` pattern has a stray `]` (fixed in the final schema) that a u-flag RegExp rejects.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(SCHEMA);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is valid SARIF 2.1.0 on the real reports', () => {
    const { log, code } = sarif(['reports'], tmp);
    assert.strictEqual(code, 1); // the seed has stray markers (errors)
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    // The validator is not lenient: the text of a description as an object (as this tool once wrote it) is rejected.
    const broken = JSON.parse(JSON.stringify(log)) as { runs: SarifRun[] };
    const rule0 = broken.runs[0]?.tool.driver.rules[0] as Record<string, unknown>;
    rule0['shortDescription'] = { text: { en: 'x', zh: 'x' } };
    assert.strictEqual(validate(broken), false);
    const results = log.runs[0]?.results ?? [];
    assert.ok(results.length > 10, `${results.length} results`);
    // The final standard's schema (errata01) also requires a region to have a startLine, charOffset or byteOffset.
    for (const r of results) for (const l of r.locations) assert.ok((l.physicalLocation.region['startLine'] ?? 0) >= 1);
  });

  it('gives artifact URIs relative to %SRCROOT%, percent-encoded, and the base in originalUriBaseIds', () => {
    const { log } = sarif(['reports'], tmp);
    const run = log.runs[0] as SarifRun;
    assert.deepStrictEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(fs.realpathSync(tmp)).toString()}/` } });
    const uris = new Set(run.results.flatMap((r) => r.locations.map((l) => JSON.stringify(l.physicalLocation.artifactLocation))));
    assert.ok(uris.has(JSON.stringify({ uri: 'reports/2023/2023-county-office-shuzhi-report.report.md', uriBaseId: '%SRCROOT%' })), [...uris].join('\n'));
    assert.ok(uris.has(JSON.stringify({ uri: `reports/${encodeURIComponent('述职报告')}.report.md`, uriBaseId: '%SRCROOT%' })), [...uris].join('\n'));
    for (const r of run.results) for (const c of r.fixes?.flatMap((f) => f.artifactChanges) ?? []) assert.strictEqual(c.artifactLocation.uriBaseId, '%SRCROOT%');
  });

  it('has no placeholder informationUri and no machine-local helpUri; rule help comes from docs/rules', () => {
    const { log, raw } = sarif(['reports'], tmp);
    const driver = (log.runs[0] as SarifRun).tool.driver;
    assert.strictEqual(driver['informationUri'], undefined);
    assert.doesNotMatch(raw, /example\.invalid/);
    for (const rule of driver.rules) {
      const help = rule['helpUri'];
      assert.ok(help === undefined || /^https:\/\//.test(String(help)), `${rule.id}: ${String(help)}`);
      const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.ok(rule.help?.markdown && page.includes(rule.help.markdown.split('\n').slice(2, 4).join('\n')), rule.id);
      assert.doesNotMatch(rule.help?.markdown ?? '', /generated:meta/);
    }
    // The only file: URI is the base the relative ones are resolved against.
    assert.deepStrictEqual(raw.match(/file:\/\/[^"]*/g), [`${pathToFileURL(fs.realpathSync(tmp)).toString()}/`]);
  });

  it('keeps an absolute file URI for a report outside the current folder', () => {
    const outside = path.join(tmp, 'reports', '2023', '2016-hailar-government-work-report.report.md');
    const { log } = sarif([outside], path.join(tmp, 'reports'));
    const loc = log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation;
    assert.deepStrictEqual(loc, { uri: '2023/2016-hailar-government-work-report.report.md', uriBaseId: '%SRCROOT%' });
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'report-sarif-cwd-'));
    try {
      const far = sarif([outside], elsewhere).log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation;
      assert.deepStrictEqual(far, { uri: pathToFileURL(outside).toString() });
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
