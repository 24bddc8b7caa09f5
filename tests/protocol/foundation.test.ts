import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  DocumentSymbolRequest,
  FoldingRangeRequest,
  WorkspaceSymbolRequest,
  type DocumentSymbol,
  type FoldingRange,
  type SymbolInformation,
  type WorkspaceSymbol,
} from 'vscode-languageserver-protocol/node';
import { cpuCount, SERVER_MEMORY_ENV, serverExecArgv } from '../../common/server-env';
import { TestClient } from '../support/lsp';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const SEED = path.join(REAL, '2023-county-office-shuzhi-report.txt');
const SEED_TEXT = fs.readFileSync(SEED, 'utf8');
const URI = pathToFileURL(path.join(REAL, 'seed.report.md')).toString();

describe('language server over stdio', function () {
  let client: TestClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    const started = await TestClient.start({ rootUri: pathToFileURL(REAL).toString() });
    client = started.client;
    capabilities = started.init.capabilities as Record<string, unknown>;
    await client.open(URI, SEED_TEXT);
  });
  after(async () => client.stop());

  it('initializes with incremental sync and the structure providers', () => {
    assert.deepStrictEqual(capabilities['textDocumentSync'], { openClose: true, change: 2 });
    assert.ok(capabilities['documentSymbolProvider']);
    assert.strictEqual(capabilities['foldingRangeProvider'], true);
    assert.strictEqual(capabilities['workspaceSymbolProvider'], true);
  });

  it('returns the seed outline as nested document symbols', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['一、持之以恒加强领导班子自身建设', '二、主动作为全面提升参谋辅政能力', '三、统筹兼顾确保各项工作高效运转', '四、下一步工作打算'],
    );
    assert.deepStrictEqual(
      symbols[0]?.children?.map((c) => c.name),
      ['（一）主动学习强素质', '（二）党建引领促发展', '（三）民主决策聚合力', '（四）廉洁从政守##paidbegin##底线'],
    );
    // Run-in heading: the selection is the heading, the range runs to the end of the section.
    const first = symbols[0]?.children?.[0];
    assert.deepStrictEqual(first?.selectionRange, { start: { line: 3, character: 0 }, end: { line: 3, character: 11 } });
    assert.strictEqual(first?.range.end.line, 3);
    // Inline enumeration 一是/二是/三是 under 四、.
    assert.deepStrictEqual(symbols[3]?.children?.map((c) => c.name), ['一是加强队伍建设', '二是发挥好参谋助手作用', '三是充分发挥综合协调作用']);
    assert.strictEqual(symbols[3]?.children?.[0]?.kind, 22 /* EnumMember */);
  });

  it('folds the sections', async () => {
    const ranges = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } })) as FoldingRange[];
    const pairs = ranges.map((r) => [r.startLine, r.endLine]);
    assert.deepStrictEqual(pairs.slice(0, 3), [[2, 6], [7, 13], [14, 19]]);
  });

  it('publishes diagnostics for the pasted markers and placeholders', async () => {
    const p = await client.waitForDiagnostics(URI, (d) => d.diagnostics.length > 0);
    const stray = p.diagnostics.filter((d) => d.code === 'stray-marker');
    assert.deepStrictEqual(
      stray.map((d) => d.range),
      [
        { start: { line: 6, character: 8 }, end: { line: 6, character: 21 } },
        { start: { line: 24, character: 0 }, end: { line: 24, character: 11 } },
      ],
    );
    assert.strictEqual(stray[0]?.severity, 1);
    assert.ok(stray[0]?.codeDescription?.href.endsWith('/docs/rules/stray-marker.md'));
    assert.strictEqual(p.diagnostics.filter((d) => d.code === 'placeholder').length, 2);
  });

  it('updates symbols and diagnostics after incremental edits', async () => {
    // Delete the ##paidbegin## marker (line 7, columns 8–21) and insert a new heading before 四、.
    let version = await client.change(URI, [{ range: { start: { line: 6, character: 8 }, end: { line: 6, character: 21 } }, text: '' }]);
    let p = await client.waitForVersion(URI, version);
    assert.deepStrictEqual(p.diagnostics.filter((d) => d.code === 'stray-marker').map((d) => d.range.start.line), [24]);
    version = await client.change(URI, [{ range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, text: '（六）新增一节。正文。\r\n' }]);
    p = await client.waitForVersion(URI, version);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.strictEqual(symbols[0]?.children?.[3]?.name, '（四）廉洁从政守底线');
    assert.deepStrictEqual(symbols[2]?.children?.map((c) => c.name).slice(-1), ['（六）新增一节']);
    assert.strictEqual(symbols[3]?.range.start.line, 21);
  });

  it('finds sections across the workspace', async () => {
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '新增' })) as Array<WorkspaceSymbol | SymbolInformation>;
    assert.ok(found.some((s) => s.name === '（六）新增一节'));
    const all = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as Array<WorkspaceSymbol | SymbolInformation>;
    assert.ok(all.length >= 19);
  });

  it('runs with the malloc thresholds and the thread count the extension starts it with, and without them when asked (Linux: /proc)', async function () {
    const environ = (pid: number | undefined): Map<string, string> =>
      new Map(fs.readFileSync(`/proc/${pid ?? 0}/environ`, 'utf8').split('\0').filter((v) => v.includes('=')).map((v) => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)] as [string, string]));
    if (!fs.existsSync(`/proc/${client.child.pid ?? 0}/environ`)) this.skip();
    const given = environ(client.child.pid);
    for (const [name, value] of Object.entries(SERVER_MEMORY_ENV)) assert.strictEqual(given.get(name), process.env[name] ?? value, name);
    // And with V8's background threads the extension gives it (one fewer than the CPUs, up to four).
    const options = (pid: number | undefined): string[] => fs.readFileSync(`/proc/${pid ?? 0}/cmdline`, 'utf8').split('\0').filter((a) => a.startsWith('--v8-pool-size'));
    assert.deepStrictEqual(options(client.child.pid), serverExecArgv(cpuCount()));
    const bare = await TestClient.start({ configuration: false, memoryEnv: false });
    try {
      const env = environ(bare.client.child.pid);
      for (const name of Object.keys(SERVER_MEMORY_ENV)) assert.strictEqual(env.get(name), process.env[name], name);
      assert.deepStrictEqual(options(bare.client.child.pid), []);
    } finally {
      await bare.client.stop();
    }
  });

  it('answers requests for unknown documents without failing', async () => {
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///nowhere.report.md' } });
    assert.deepStrictEqual(symbols, []);
  });
});
