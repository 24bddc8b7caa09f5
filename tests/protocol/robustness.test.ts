import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type DocumentSymbol,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lsp';

/**
 * The server survives bad clients: unknown and closed documents, out-of-range positions and edits,
 * cancelled requests, unknown methods, a flood of changes (stale versions are dropped, not queued)
 * and a 10 MB document (the size notice instead of a frozen server).
 */
const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const SEED_TEXT = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8');
const HAILAR = fs.readFileSync(path.join(REAL, '2016-hailar-government-work-report.txt'), 'utf8');

describe('language server robustness (bad clients)', function () {
  this.timeout(120_000);
  let client: TestClient;
  const publishes = (): PublishDiagnosticsParams[] => client.published;

  before(async () => {
    client = (await TestClient.start()).client;
  });
  after(async () => client.stop());

  /** The server still answers, and has not died. */
  async function alive(): Promise<void> {
    const uri = 'file:///alive.report.md';
    await client.open(uri, '一、标题\n正文。');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.strictEqual(symbols[0]?.name, '一、标题');
    await client.close(uri);
    assert.strictEqual(client.child.exitCode, null);
    assert.doesNotMatch(client.stderr, /uncaught|unhandled rejection/i);
  }

  function requestsFor(uri: string, line: number, character: number): Array<Promise<unknown>> {
    const textDocument = { uri };
    const position = { line, character };
    const range = { start: position, end: { line: line + 3, character: character + 5 } };
    const c = client.connection;
    return [
      c.sendRequest(DocumentSymbolRequest.type, { textDocument }),
      c.sendRequest(FoldingRangeRequest.type, { textDocument }),
      c.sendRequest(HoverRequest.type, { textDocument, position }),
      c.sendRequest(CompletionRequest.type, { textDocument, position }),
      c.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }),
      c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } }),
    ];
  }

  const empty = (r: unknown): boolean => r === null || (Array.isArray(r) && r.length === 0) || (typeof r === 'object' && r !== null && Array.isArray((r as { items?: unknown[] }).items) && (r as { items: unknown[] }).items.length === 0);

  it('answers requests for unknown documents with empty results', async () => {
    const results = await Promise.all(requestsFor('file:///never-opened.report.md', 0, 0));
    for (const r of results) assert.ok(empty(r), `expected an empty result, got ${JSON.stringify(r)}`);
    await alive();
  });

  it('answers requests for closed documents with empty results, and clears their diagnostics', async () => {
    const uri = 'file:///closed.report.md';
    await client.open(uri, SEED_TEXT);
    await client.waitForVersion(uri, 1);
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
    assert.deepStrictEqual(cleared.diagnostics, []);
    const results = await Promise.all(requestsFor(uri, 3, 2));
    for (const r of results) assert.ok(empty(r), `expected an empty result, got ${JSON.stringify(r)}`);
    await alive();
  });

  it('survives out-of-range positions, ranges and edits', async () => {
    const uri = 'file:///range.report.md';
    await client.open(uri, SEED_TEXT);
    const settled = await Promise.allSettled([...requestsFor(uri, 100_000, 5), ...requestsFor(uri, 3, 100_000), ...requestsFor(uri, -1, -1)]);
    // Negative positions are invalid LSP: an error response is fine, a dead server is not.
    for (const s of settled.slice(0, 12)) assert.strictEqual(s.status, 'fulfilled');
    // An edit past the end and an edit with a reversed range are clamped, not fatal.
    await client.change(uri, [{ range: { start: { line: 9_999, character: 9 }, end: { line: 10_000, character: 0 } }, text: '\n（五）补充。' }]);
    const v = await client.change(uri, [{ range: { start: { line: 2, character: 5 }, end: { line: 1, character: 0 } }, text: 'x' }]);
    await client.waitForVersion(uri, v);
    await client.close(uri);
    await alive();
  });

  it('survives cancelled requests and unknown methods', async () => {
    const uri = 'file:///cancel.report.md';
    await client.open(uri, HAILAR);
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const p = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token);
      source.cancel();
      outcomes.push(await p.then(() => 'answered', (e: { code?: number }) => `error ${String(e.code)}`));
    }
    // Each one is either answered or cancelled (-32800): never another error, never lost.
    for (const o of outcomes) assert.ok(o === 'answered' || o === 'error -32800', o);
    await assert.rejects(client.connection.sendRequest('report/no-such-method', {}), (e: { code?: number }) => e.code === -32601);
    await client.close(uri);
    await alive();
  });

  it('drops stale versions under a flood of changes and publishes for the last one', async () => {
    const uri = 'file:///flood.report.md';
    await client.open(uri, HAILAR);
    await client.waitForVersion(uri, 1);
    const before = publishes().filter((p) => p.uri === uri).length;
    const CHANGES = 300;
    let last = 1;
    const sent: Array<Promise<number>> = [];
    for (let i = 0; i < CHANGES; i++) sent.push(client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: i % 2 ? '字' : '（' }]));
    for (const v of await Promise.all(sent)) last = Math.max(last, v);
    const final = await client.waitForVersion(uri, last, 60_000);
    assert.strictEqual(final.version, last);
    const count = publishes().filter((p) => p.uri === uri).length - before;
    // Every published version is one the client sent, in order; far fewer than the changes.
    const versions = publishes().filter((p) => p.uri === uri).slice(before).map((p) => p.version ?? 0);
    assert.deepStrictEqual([...versions].sort((a, b) => a - b), versions);
    assert.ok(count <= CHANGES / 10, `${count} publishes for ${CHANGES} changes: stale versions were analysed`);
    await client.close(uri);
    await alive();
  });

  it('keeps a large report (over 250,000 characters) correct across edits after releasing its derived data', async () => {
    const uri = 'file:///large.report.md';
    const text = Array.from({ length: 16 }, () => HAILAR).join('\n');
    assert.ok(text.length > 250_000);
    await client.open(uri, text);
    const first = await client.waitForVersion(uri, 1, 60_000);
    assert.ok(first.diagnostics.length > 0);
    // Hover on a figure needs the figures the server let go of after validation: read again.
    const line = text.split('\n').findIndex((l) => l.includes('287.9亿元'));
    const col = (text.split('\n')[line] ?? '').indexOf('287.9亿元');
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: col + 1 } })) as { contents: { value: string } } | null;
    assert.match(hover?.contents.value ?? '', /287\.9/);
    // An edit: the same diagnostics as for a fresh document with that text.
    const version = await client.change(uri, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: '约' }]);
    const edited = await client.waitForVersion(uri, version, 60_000);
    const lines = text.split('\n');
    lines[line] = `${(lines[line] ?? '').slice(0, col)}约${(lines[line] ?? '').slice(col)}`;
    const fresh = 'file:///large-fresh.report.md';
    await client.open(fresh, lines.join('\n'));
    const expected = await client.waitForVersion(fresh, 1, 60_000);
    assert.deepStrictEqual(edited.diagnostics, expected.diagnostics);
    await client.close(fresh);
    await client.close(uri);
    await alive();
  });

  it('opens a 10 MB report with the size notice instead of freezing', async () => {
    const uri = 'file:///huge.report.md';
    let text = '';
    while (text.length < 10_000_000) text += HAILAR + '\n';
    await client.open(uri, text);
    const diags = await client.waitForVersion(uri, 1, 60_000);
    assert.deepStrictEqual(
      diags.diagnostics.map((d) => d.code),
      ['document-size'],
    );
    // Meanwhile the server answers requests for other documents.
    await alive();
    await client.close(uri);
  });
});
