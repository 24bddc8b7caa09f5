import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { RenderRequest } from '../../common/protocol';
import { TestClient } from '../support/lsp';

const SEED = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'real', '2023-county-office-shuzhi-report.txt'), 'utf8');

describe('one analysis per document version', function () {
  let client: TestClient;
  before(async () => {
    ({ client } = await TestClient.start({ env: { REPORT_TRACE_ANALYSIS: '1' } }));
  });
  after(async () => {
    await client.stop();
  });

  const runs = (uri: string, version: number): number => client.logs.filter((l) => l.startsWith(`analysed ${uri} v${version} in `) && / in \d+\.\d{3} ms$/.test(l)).length;

  it('diagnostics run the rules once; quick fixes, fix-all, hover and the preview marks read that analysis', async () => {
    const uri = 'file:///analysis/seed.report.md';
    await client.open(uri, SEED);
    const p = await client.waitForVersion(uri, 1);
    assert.strictEqual(runs(uri, 1), 1);
    const diag = p.diagnostics.find((d) => d.code === 'stray-marker') as Diagnostic;
    const quick = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag], only: ['quickfix'] } })) as CodeAction[];
    assert.ok(quick.some((a) => a.kind === 'quickfix'));
    const all = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    assert.deepStrictEqual(all.map((a) => a.kind), ['source.fixAll.report']);
    await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [] } });
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 16, character: 40 } });
    const rendered = await client.connection.sendRequest(RenderRequest, { uri, view: 'flow', diagnostics: true });
    assert.ok(rendered?.html.includes('class="report-diag '), 'the preview marks the problems');
    assert.strictEqual(runs(uri, 1), 1, client.logs.join('\n'));
  });

  it('a new version is analysed once, and then its code actions run no rule either', async () => {
    const uri = 'file:///analysis/edit.report.md';
    await client.open(uri, SEED);
    await client.waitForVersion(uri, 1);
    const v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '　' }]);
    await client.waitForVersion(uri, v);
    assert.strictEqual(runs(uri, v), 1);
    await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 6, character: 0 }, end: { line: 6, character: 5 } }, context: { diagnostics: [] } });
    assert.strictEqual(runs(uri, v), 1);
    assert.strictEqual(runs(uri, 1), 1);
  });
});
