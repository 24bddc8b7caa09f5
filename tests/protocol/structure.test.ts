import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentFormattingRequest,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../support/lsp';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const HAILAR = fs.readFileSync(path.join(REAL, '2016-hailar-government-work-report.txt'), 'utf8');
const SEED = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8');

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'report', 1, text), edits);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}

describe('structure over LSP: code actions, fix-all, formatting, configuration', function () {
  let client: TestClient;
  let tmp: string;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-structure-'));
    ({ client } = await TestClient.start());
  });
  after(async () => {
    await client.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('advertises code actions (quickfix, source.fixAll.report) and formatting', async () => {
    const { client: c, init } = await TestClient.start();
    try {
      const caps = init.capabilities;
      assert.deepStrictEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.report'], resolveProvider: false });
      assert.strictEqual(caps.documentFormattingProvider, true);
    } finally {
      await c.stop();
    }
  });

  it('offers the quick fix for the (四) of the Hailar report and it fixes the text', async () => {
    const uri = pathToFileURL(path.join(tmp, 'hailar.report.md')).toString();
    await client.open(uri, HAILAR);
    const p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'numbering-style'));
    const diag = p.diagnostics.find((x) => x.code === 'numbering-style') as Diagnostic;
    assert.deepStrictEqual(diag.range, { start: { line: 52, character: 2 }, end: { line: 52, character: 5 } });
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag], only: ['quickfix'] },
    })) as CodeAction[];
    assert.strictEqual(actions.length, 1);
    const action = actions[0] as CodeAction;
    assert.strictEqual(action.kind, 'quickfix');
    assert.strictEqual(action.isPreferred, true);
    assert.deepStrictEqual(action.diagnostics, [diag]);
    assert.strictEqual(apply(HAILAR, editsOf(action, uri)), HAILAR.replace('　　(四)政府', '　　（四）政府'));
  });

  it('source.fixAll.report applies every safe fix at once', async () => {
    const uri = pathToFileURL(path.join(tmp, 'seed.report.md')).toString();
    const text = SEED.replace('（三）民主决策聚合力', '（四）民主决策聚合力');
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.kind), ['source.fixAll.report']);
    const fixed = apply(text, editsOf(actions[0] as CodeAction, uri));
    assert.strictEqual(fixed, SEED.replace('##paidbegin##', '').replace('##paidend##\n', ''));
  });

  it('formats: renumbers and normalises markers only', async () => {
    const uri = pathToFileURL(path.join(tmp, 'format.report.md')).toString();
    const text = '一.总体\r\n(一)学习。正文(一)不动。\r\n（三）党建\r\n';
    await client.open(uri, text);
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    assert.strictEqual(apply(text, edits), '一、总体\r\n（一）学习。正文(一)不动。\r\n（二）党建\r\n');
  });

  it('follows report.rules settings and re-checks open documents when they change', async () => {
    const uri = pathToFileURL(path.join(tmp, 'settings.report.md')).toString();
    await client.open(uri, '一、甲\n（一）乙\n（三）丙\n');
    let p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'numbering-sequence'));
    assert.strictEqual(p.diagnostics.find((x) => x.code === 'numbering-sequence')?.severity, 2);
    client.configuration = { report: { rules: { 'numbering-sequence': 'error' } } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'numbering-sequence' && x.severity === 1));
    client.configuration = { report: { rules: { 'numbering-sequence': 'off' } } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    p = await client.waitForDiagnostics(uri, (d) => !d.diagnostics.some((x) => x.code === 'numbering-sequence'));
    client.configuration = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'numbering-sequence'));
  });

  it('speaks Chinese to a zh-cn client, titles of fixes included', async () => {
    const { client: zh } = await TestClient.start({ locale: 'zh-cn' });
    try {
      const uri = pathToFileURL(path.join(tmp, 'zh.report.md')).toString();
      await zh.open(uri, '一、甲\n（一）乙\n（三）丙\n');
      const p = await zh.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'numbering-sequence'));
      const diag = p.diagnostics.find((x) => x.code === 'numbering-sequence') as Diagnostic;
      assert.strictEqual(diag.message, '编号跳号：此处应为“（二）”，实际为“（三）”。');
      const actions = (await zh.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag], only: ['quickfix'] } })) as CodeAction[];
      assert.deepStrictEqual(actions.map((a) => a.title), ['从此处重新编号：改为“（二）”并顺延后面的标题']);
    } finally {
      await zh.stop();
    }
  });

  it('ignores a broken .reportrc file with a warning in the log, and keeps checking', async () => {
    const dir = path.join(tmp, 'broken');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '.reportrc.json'), '{"rules": ');
    const logged = new Promise<string>((resolve) => {
      client.connection.onNotification('window/logMessage', (m: { message: string }) => {
        if (m.message.includes('.reportrc.json')) resolve(m.message);
      });
    });
    const uri = pathToFileURL(path.join(dir, 'b.report.md')).toString();
    await client.open(uri, '一、甲\n(一)乙\n');
    const p = await client.waitForDiagnostics(uri);
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code), ['numbering-style']);
    assert.match(await logged, /broken[\\/]\.reportrc\.json: not valid JSON: .*; the file is ignored$/);
  });

  it('reads the nearest .reportrc file and re-reads it when it changes', async () => {
    const dir = path.join(tmp, 'project', 'sub');
    fs.mkdirSync(dir, { recursive: true });
    const rc = path.join(tmp, 'project', '.reportrc.yaml');
    fs.writeFileSync(rc, 'rules:\n  numbering-style: "off"\n');
    const uri = pathToFileURL(path.join(dir, 'a.report.md')).toString();
    await client.open(uri, '一、甲\n(一)乙\n');
    // numbering-style is off by the file: the document is clean.
    const p = await client.waitForDiagnostics(uri);
    assert.deepStrictEqual(p.diagnostics, []);
    fs.writeFileSync(rc, 'rules:\n  numbering-style: error\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(rc).toString(), type: 2 }] });
    await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'numbering-style' && x.severity === 1));
  });
});
