import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CompletionRequest, HoverRequest, type CompletionItem, type MarkupContent, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lsp';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const SEED_TEXT = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8');
const URI = pathToFileURL(path.join(REAL, 'writing-seed.report.md')).toString();
const EMPTY_URI = 'untitled:Untitled-1';

function itemsOf(r: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return !r ? [] : Array.isArray(r) ? r : r.items;
}

describe('writing help over stdio', function () {
  let client: TestClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    const started = await TestClient.start({ locale: 'zh-cn' });
    client = started.client;
    capabilities = started.init.capabilities as Record<string, unknown>;
    // The seed with an empty line opened after 「（四）廉洁从政守底线。……」 (line 7).
    const lines = SEED_TEXT.split('\n');
    lines.splice(7, 0, '');
    await client.open(URI, lines.join('\n'));
    await client.open(EMPTY_URI, '');
  });
  after(async () => client.stop());

  const complete = async (uri: string, line: number, character: number): Promise<CompletionItem[]> =>
    itemsOf(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }));

  it('announces completion with its trigger characters', () => {
    const provider = capabilities['completionProvider'] as { triggerCharacters?: string[] };
    assert.ok(provider.triggerCharacters?.includes('（'));
  });

  it('offers the next marker on a new line of the seed, most likely first, with a Chinese detail', async () => {
    const items = await complete(URI, 7, 0);
    assert.deepStrictEqual(items.slice(0, 2).map((i) => i.label), ['（五）', '二、']);
    assert.deepStrictEqual((items[0]?.textEdit as TextEdit).range, { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } });
    assert.match(items[0]?.detail ?? '', /之后的下一节/);
  });

  it('follows edits: after typing 「（」 only （五） is left, replacing the bracket', async () => {
    await client.change(URI, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: '（' }]);
    const items = await complete(URI, 7, 1);
    assert.deepStrictEqual(items.map((i) => i.label), ['（五）']);
    assert.deepStrictEqual((items[0]?.textEdit as TextEdit).range, { start: { line: 7, character: 0 }, end: { line: 7, character: 1 } });
  });

  it('offers 四是 after the seed\'s 一是/二是/三是', async () => {
    const lines = SEED_TEXT.split('\n');
    const line = 22; // 「下阶段，……一是……二是……三是……」 shifted by the inserted line
    const items = await complete(URI, line, (lines[21] ?? '').length);
    assert.deepStrictEqual(items.map((i) => i.label), ['四是']);
  });

  it('offers the report skeletons in an empty document', async () => {
    const items = await complete(EMPTY_URI, 0, 0);
    assert.ok(items.length >= 7);
    assert.ok(items.some((i) => i.label === '述职述德述廉报告' && i.insertTextFormat === 2));
  });

  it('shows the path and the size of a section on hover, in Chinese', async () => {
    // 「（三）办文办会水平明显提升。」: line 10 of the seed, 11 after the inserted line.
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 11, character: 4 } });
    const value = (h?.contents as MarkupContent).value;
    assert.ok(value.includes('**二、主动作为全面提升参谋辅政能力 › （三）办文办会水平明显提升**'), value);
    assert.match(value, /\d+ 字（含标点 \d+ 字），第 12–12 行/);
    assert.deepStrictEqual(h?.range, { start: { line: 11, character: 0 }, end: { line: 11, character: 14 } }); // with the run-in 。
    const top = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 8, character: 0 } });
    const topValue = (top?.contents as MarkupContent).value;
    assert.ok(topValue.includes('下级小节：'), topValue);
    assert.strictEqual(topValue.split('\n').filter((l) => l.startsWith('- （')).length, 6);
  });
});
