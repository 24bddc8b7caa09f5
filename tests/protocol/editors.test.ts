/**
 * What other editors need of the server beyond the requests (issue 16): settings pushed by clients
 * without `workspace/configuration`, `initializationOptions`, the language of messages without an
 * `initialize.locale`, no dynamic registration unless the client can take it, .reportrc changes
 * seen with and without file watching, code actions for diagnostics sent back with byte columns.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type SymbolInformation,
  type WorkspaceSymbol,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../support/lsp';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const HAILAR = fs.readFileSync(path.join(REAL, '2016-hailar-government-work-report.txt'), 'utf8');
const GAP = '一、甲\n（一）乙\n（三）丙\n';

const severityOf = (p: PublishDiagnosticsParams, code: string): number | undefined => p.diagnostics.find((d) => d.code === code)?.severity;

async function eventually(what: string, cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('other editors: settings, language, registrations, config files', function () {
  let tmp: string;
  const clients: TestClient[] = [];
  const start = async (options: Parameters<typeof TestClient.start>[0]): Promise<TestClient> => {
    const { client } = await TestClient.start(options);
    clients.push(client);
    return client;
  };
  let n = 0;
  const uriIn = (dir: string): string => pathToFileURL(path.join(dir, `doc${++n}.report.md`)).toString();

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-editors-'));
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('uses settings pushed with didChangeConfiguration when the client has no workspace/configuration', async () => {
    const client = await start({ workspace: { didChangeConfiguration: { dynamicRegistration: false } } });
    const uri = uriIn(tmp);
    await client.open(uri, GAP);
    assert.strictEqual(severityOf(await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0), 'numbering-sequence'), 2);
    // Neovim: settings = { report = { rules = … } }
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { report: { rules: { 'numbering-sequence': 'error' } } } });
    await client.waitForDiagnostics(uri, (p) => severityOf(p, 'numbering-sequence') === 1);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { report: { rules: { 'numbering-sequence': 'off' } } } });
    await client.waitForDiagnostics(uri, (p) => severityOf(p, 'numbering-sequence') === undefined);
  });

  it('reads initializationOptions, and says which rule a misspelt id meant', async () => {
    const client = await start({ workspace: {}, initializationOptions: { report: { rules: { 'numbering-sequence': 'off', placholder: 'off' } } } });
    const uri = uriIn(tmp);
    await client.open(uri, `${GAP}党的XX大\n`);
    const p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code), ['placeholder']);
    await eventually('a warning about the misspelt rule', () => client.shownMessages.length > 0);
    assert.deepStrictEqual(client.shownMessages, [{ type: 2, message: 'report.rules: unknown rule "placholder" — did you mean "placeholder"?' }]);
  });

  it('speaks the language of LC_ALL / LC_MESSAGES / LANG when the client sends no locale', async () => {
    const zh = await start({ locale: null, env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' } });
    const en = await start({ locale: null, env: { LC_ALL: 'en_US.UTF-8', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' } });
    const messages: string[] = [];
    for (const client of [zh, en]) {
      const uri = uriIn(tmp);
      await client.open(uri, GAP);
      const p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'numbering-sequence'));
      messages.push(String(p.diagnostics.find((x) => x.code === 'numbering-sequence')?.message ?? ''));
    }
    assert.deepStrictEqual(messages, ['编号跳号：此处应为“（二）”，实际为“（三）”。', 'A number is skipped: expected "（二）" here, found "（三）".']);
  });

  it('registers nothing dynamically for a client that cannot take it, and the watchers for one that can', async () => {
    const plain = await start({ workspace: { configuration: true } });
    const able = await start({ workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } } });
    for (const c of [plain, able]) await c.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///none.report.md' } });
    await eventually('two registrations', () => able.registrations.length >= 2);
    assert.deepStrictEqual(plain.registrations, []);
    assert.deepStrictEqual(
      able.registrations.map((r) => [r.method, r.registerOptions]),
      [
        ['workspace/didChangeConfiguration', { section: 'report' }],
        ['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/.reportrc*' }] }],
      ],
    );
  });

  it('without file watching, sees a .reportrc that appears, changes and goes when a document is next validated', async () => {
    const client = await start({ workspace: { configuration: false } });
    const dir = path.join(tmp, 'unwatched', 'sub');
    fs.mkdirSync(dir, { recursive: true });
    const rc = path.join(tmp, 'unwatched', '.reportrc.yaml');
    const uri = uriIn(dir);
    await client.open(uri, '一、甲\n(一)乙\n');
    assert.strictEqual(severityOf(await client.waitForVersion(uri, 1), 'numbering-style'), 2);
    const edit = async (): Promise<PublishDiagnosticsParams> => {
      const version = await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '正文。' }]);
      return client.waitForVersion(uri, version);
    };
    fs.writeFileSync(rc, 'rules:\n  numbering-style: "off"\n');
    assert.strictEqual(severityOf(await edit(), 'numbering-style'), undefined);
    fs.writeFileSync(rc, 'rules:\n  numbering-style: error\n');
    assert.strictEqual(severityOf(await edit(), 'numbering-style'), 1);
    fs.rmSync(rc);
    assert.strictEqual(severityOf(await edit(), 'numbering-style'), 2);
  });

  it('says what is wrong in a .reportrc and applies the rest of it', async () => {
    const client = await start({});
    const dir = path.join(tmp, 'invalid');
    fs.mkdirSync(dir);
    const rc = path.join(dir, '.reportrc.json');
    fs.writeFileSync(rc, JSON.stringify({ rules: { 'numbering-style': 'warn', 'numbering-sequence': 'off' } }));
    const uri = uriIn(dir);
    await client.open(uri, `一、甲\n(一)乙\n（三）丙\n`);
    const p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
    assert.deepStrictEqual(p.diagnostics.map((d) => [d.code, d.severity]), [['numbering-style', 2]]);
    await eventually('a warning about the file', () => client.shownMessages.length > 0);
    assert.deepStrictEqual(client.shownMessages, [{ type: 2, message: `${rc}: rule "numbering-style": unknown severity "warn" — did you mean "warning"?` }]);
  });

  it('scans the workspace as report-check scans a folder: default folders and `ignores` skipped, nothing else', async () => {
    const root = path.join(tmp, 'workspace');
    const files: Record<string, string> = {
      '.reportrc.yaml': 'ignores:\n  - drafts\n',
      'a.report.md': '一、在册的报告\n',
      'out/b.report.md': '一、输出目录里的报告\n',
      '.github/c.report.md': '一、点目录里的报告\n',
      'drafts/d.report.md': '一、草稿\n',
      'node_modules/x/e.report.md': '一、依赖包\n',
      'notes.md': '一、不是报告文件\n',
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    const client = await start({ rootUri: pathToFileURL(root).toString() });
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as Array<WorkspaceSymbol | SymbolInformation>;
    assert.deepStrictEqual(found.map((s) => s.name).sort(), ['一、点目录里的报告', '一、输出目录里的报告', '一、在册的报告'].sort());
  });

  it('offers the quick fix for a diagnostic sent back with byte columns', async () => {
    const client = await start({});
    const uri = uriIn(tmp);
    await client.open(uri, HAILAR);
    const p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'numbering-style'));
    const diag = p.diagnostics.find((x) => x.code === 'numbering-style') as Diagnostic;
    const line = HAILAR.split('\n')[diag.range.start.line] ?? '';
    const bytes = (character: number): number => Buffer.byteLength(line.slice(0, character), 'utf8');
    const byteRange = { start: { line: diag.range.start.line, character: bytes(diag.range.start.character) }, end: { line: diag.range.end.line, character: bytes(diag.range.end.character) } };
    assert.notDeepStrictEqual(byteRange, diag.range); // the line starts with two ideographic spaces: 3 bytes each
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: byteRange,
      context: { diagnostics: [{ ...diag, range: byteRange }], only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.title), ['Change "(四)" to "（四）"']);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'report', 1, HAILAR), actions[0]?.edit?.changes?.[uri] ?? []);
    assert.strictEqual(fixed, HAILAR.replace('　　(四)政府', '　　（四）政府'));
  });
});
