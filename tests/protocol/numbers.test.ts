import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { StatisticsRequest, type ReportStatistics } from '../../common/protocol';
import { RULES } from '../../server/src/engine/rules';
import { TestClient } from '../support/lsp';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const SEED_TEXT = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8');
const URI = pathToFileURL(path.join(REAL, 'numbers-seed.report.md')).toString();
const NUMBER_RULES = new Set(RULES.filter((r) => r.tags.includes('numbers')).map((r) => r.id));

/** Position of the first occurrence of `needle` (plus `offset`) in a text. */
function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: (lines[line] ?? '').indexOf(needle) + offset };
}

describe('numeric consistency over stdio', function () {
  let client: TestClient;

  before(async () => {
    client = (await TestClient.start({ rootUri: pathToFileURL(REAL).toString() })).client;
    await client.open(URI, SEED_TEXT);
  });
  after(async () => client.stop());

  it('publishes the seed\'s missing number at line 17 and no other numeric finding', async () => {
    const p = await client.waitForDiagnostics(URI, (d) => d.diagnostics.some((x) => x.code === 'missing-number'));
    const mine = p.diagnostics.filter((d) => NUMBER_RULES.has(String(d.code)));
    const at = positionOf(SEED_TEXT, '收到上级交办信访事项件', '收到上级交办信访事项'.length);
    assert.deepStrictEqual(mine.map((d) => [d.code, d.range]), [['missing-number', { start: at, end: { line: at.line, character: at.character + 1 } }]]);
    assert.strictEqual(mine[0]?.severity, 1);
    assert.ok(mine[0]?.codeDescription?.href.endsWith('/docs/rules/missing-number.md'));
  });

  it('hovers a figure with how it was read', async () => {
    const h = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(SEED_TEXT, '110余批次', 2) })) as Hover | null;
    const value = (h?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(value, /`110余批次`/);
    assert.match(value, /approximate: at least 110 \(余\)/);
    const at = positionOf(SEED_TEXT, '110余批次');
    assert.deepStrictEqual(h?.range, { start: at, end: { line: at.line, character: at.character + 6 } });
  });

  it('shows the arithmetic of a total after an edit makes it wrong, and reports it', async () => {
    const extra = '全年共办理建议议案120件，其中人大代表建议80件、政协提案30件。';
    const lines = SEED_TEXT.split('\n');
    const version = await client.change(URI, [{ range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } }, text: `${extra}\n` }]);
    const p = await client.waitForVersion(URI, version);
    const total = p.diagnostics.find((d) => d.code === 'total-mismatch');
    assert.strictEqual(total?.message, 'The parts do not add up to the total 120件: 80 + 30 = 110 ≠ 120.');
    const h = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: lines.length - 1, character: extra.indexOf('120件') + 1 } })) as Hover | null;
    assert.match((h?.contents as MarkupContent | undefined)?.value ?? '', /Parts: 80 \+ 30 = 110 ≠ 120/);
  });

  it('answers report/statistics with every figure, its unit, section and context', async () => {
    const stats = (await client.connection.sendRequest(StatisticsRequest, { uri: URI })) as ReportStatistics | null;
    assert.ok(stats);
    assert.strictEqual(stats.title, '2023年度述职述德述廉报告');
    const f = stats.figures.find((x) => x.text === '118件');
    assert.deepStrictEqual([f?.value, f?.unit, f?.kind, f?.approx, f?.range.start.line], [118, '件', 'count', 'exact', 16]);
    assert.deepStrictEqual(f?.section, ['三、统筹兼顾确保各项工作高效运转', '（二）积极稳妥处理群众来信来访']);
    assert.ok(f?.context.includes('办结118件'));
    assert.strictEqual(stats.figures.filter((x) => x.text === '120件').length, 1, 'the edit is seen');
    assert.strictEqual(await client.connection.sendRequest(StatisticsRequest, { uri: 'file:///nowhere.report.md' }), null);
  });
});
