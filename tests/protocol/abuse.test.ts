/**
 * Abusive clients over stdio: a frame the server cannot read (no Content-Length, not a number,
 * negative) makes it log why and exit non-zero — its client restarts it — instead of answering
 * nothing for ever; the custom requests refuse bad parameters with InvalidParams; report/export
 * refuses a document over report.maxDocumentSize instead of taking minutes and gigabytes.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import { ExportRequest, OutlineRequest, RenderRequest, StatisticsRequest } from '../../common/protocol';
import { SERVER, TestClient } from '../support/lsp';

/** Starts the server, initialises it by hand, sends `frame`; resolves with its exit code and standard error. */
async function afterFrame(frame: string): Promise<{ code: number | null; stderr: string; ms: number }> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(init)}\r\n\r\n${init}`);
  // The server is up and answering before the bad frame comes.
  for (let i = 0; i < 100 && !stdout.includes('"id":1'); i++) await new Promise((r) => setTimeout(r, 50));
  assert.match(stdout, /"id":1,"result"/);
  const t0 = Date.now();
  child.stdin.write(frame);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const code = await exited;
  clearTimeout(timer);
  return { code, stderr, ms: Date.now() - t0 };
}

describe('abusive clients', function () {
  this.timeout(60_000);

  for (const [what, frame, reason] of [
    ['no Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}', /without a Content-Length header/],
    ['a Content-Length that is not a number', 'Content-Length: twelve\r\n\r\n{}', /Content-Length is not a length in bytes: "twelve"/],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0"}', /Content-Length is not a length in bytes: "-5"/],
    ['a header line without a colon', 'hello\r\n\r\n', /header line without "name: value"/],
  ] as const) {
    it(`a frame with ${what}: the server logs why and exits 1 at once (it used to hang, silent, for ever)`, async () => {
      const r = await afterFrame(frame);
      assert.strictEqual(r.code, 1, r.stderr);
      assert.match(r.stderr, reason);
      assert.match(r.stderr, /the message stream cannot be read any further, exiting/);
      assert.ok(r.ms < 5_000, `${r.ms} ms`);
    });
  }

  describe('custom requests', () => {
    let client: TestClient;
    const uri = 'file:///abuse/a.report.md';
    before(async () => {
      ({ client } = await TestClient.start());
      client.configuration = { report: { maxDocumentSize: 1000 } };
      await client.open(uri, '一、标题\n正文。\n');
    });
    after(async () => client.stop());

    const rejects = (p: Promise<unknown>, code: number, message: RegExp): Promise<void> =>
      assert.rejects(p, (e: { code?: number; message?: string }) => {
        assert.strictEqual(e.code, code, e.message);
        assert.match(e.message ?? '', message);
        return true;
      });

    it('refuse bad parameters with InvalidParams, naming the field (format "exe" is not an export)', async () => {
      const send = (method: string, params: unknown): Promise<unknown> => client.connection.sendRequest(method, params);
      await rejects(send(ExportRequest.method, { uri, format: 'exe' }), -32602, /report\/export: "format" must be docx or html/);
      await rejects(send(ExportRequest.method, { uri, format: 'html', text: 42 }), -32602, /"text" must be a string/);
      await rejects(send(ExportRequest.method, { format: 'html' }), -32602, /"uri" must be a non-empty string/);
      await rejects(send(RenderRequest.method, { uri, view: 'print', diagnostics: false }), -32602, /"view" must be flow or page/);
      await rejects(send(RenderRequest.method, { uri, view: 'flow', diagnostics: 'yes' }), -32602, /"diagnostics" must be true or false/);
      await rejects(send(OutlineRequest.method, { uri: 42 }), -32602, /report\/outline: "uri"/);
      await rejects(send(StatisticsRequest.method, [uri]), -32602, /report\/statistics: the parameters must be an object/);
      // Good parameters are answered as before.
      const outline = await client.connection.sendRequest(OutlineRequest, { uri });
      assert.strictEqual(outline[0]?.title, '标题');
      const html = await client.connection.sendRequest(ExportRequest, { uri, format: 'html' });
      assert.strictEqual(html?.format, 'html');
    });

    it('report/export refuses a document over report.maxDocumentSize, open or sent as text', async () => {
      const big = `一、标题\n${'正文。'.repeat(400)}\n`;
      await rejects(client.connection.sendRequest(ExportRequest, { uri: 'file:///abuse/closed.report.md', format: 'docx', text: big }), -32803, /more than 1000 characters: too large to export \(setting report\.maxDocumentSize\)/);
      const open = 'file:///abuse/big.report.md';
      await client.open(open, big);
      await rejects(client.connection.sendRequest(ExportRequest, { uri: open, format: 'html' }), -32803, /too large to export/);
      assert.strictEqual(client.child.exitCode, null);
    });
  });
});
