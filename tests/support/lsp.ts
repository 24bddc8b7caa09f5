import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { cpuCount, serverExecArgv, serverMemoryEnv } from '../../common/server-env';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

/** A language client for tests: the real server over stdio, with helpers that wait on events. */
export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<{ uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  private readonly versions = new Map<string, number>();
  stderr = '';
  /** Every publishDiagnostics received, in order (to count publishes per document). */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every window/logMessage of the server, in order. */
  readonly logs: string[] = [];
  /** `workspace/configuration` answers: section → value. */
  configuration: Record<string, unknown> = {};
  /** Every `client/registerCapability` registration of the server, in order. */
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  /** Every window/showMessage of the server, in order. */
  readonly shownMessages: Array<{ type: number; message: string }> = [];

  private constructor(readonly child: ChildProcess) {
    if (!child.stdout || !child.stdin) throw new Error('server has no stdio');
    child.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.diagnostics.set(p.uri, p);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w && w.uri === p.uri && w.pred(p)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section ? (this.configuration[item.section] ?? null) : null)),
    );
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.shownMessages.push(p);
    });
    this.connection.listen();
  }

  /**
   * Starts the server. `locale: null` sends none (as Neovim); `workspace` replaces the workspace
   * capabilities (default: configuration and dynamic registration of didChangeConfiguration);
   * `server` runs another build of it (an installed package's); `memoryEnv: false` starts it bare,
   * without the environment and the Node options the extension gives it (common/server-env.ts).
   */
  static async start(
    options: { locale?: string | null; rootUri?: string | null; configuration?: boolean; env?: Record<string, string>; memoryEnv?: boolean; workspace?: Record<string, unknown>; initializationOptions?: unknown; server?: string } = {},
  ): Promise<{ client: TestClient; init: InitializeResult }> {
    // `server`: another build of the server to run (an installed package's), by its script or its bin.
    // memoryEnv (default): started as the extension starts it (common/server-env.ts); false: a bare `node server --stdio`.
    const asExtension = options.memoryEnv !== false;
    const child = spawn(process.execPath, [...(asExtension ? serverExecArgv(cpuCount()) : []), options.server ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...(asExtension ? serverMemoryEnv(process.env) : {}), ...options.env } });
    const client = new TestClient(child);
    const died = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited (${code}) during initialize: ${client.stderr}`))));
    const init = await Promise.race([died, client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      ...(options.locale === null ? {} : { locale: options.locale ?? 'en' }),
      ...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions }),
      capabilities: {
        workspace: options.workspace ?? { configuration: options.configuration ?? true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
        },
      },
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'ws' }] : null,
    })]);
    died.catch(() => undefined);
    await client.connection.sendNotification(InitializedNotification.type, {});
    return { client, init };
  }

  async open(uri: string, text: string, languageId = 'report'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Resolves with the first diagnostics for `uri` that satisfy `pred` (already received ones count). */
  waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const have = this.diagnostics.get(uri);
    if (have && pred(have)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        uri,
        pred,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Waits for the diagnostics of one document version. */
  waitForVersion(uri: string, version: number, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (p) => p.version === version, timeoutMs);
  }

  /** Shuts the server down and makes sure the process is gone. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone
    }
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(killer);
    this.connection.dispose();
  }
}
