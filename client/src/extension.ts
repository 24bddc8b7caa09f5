// First: the time the bundle starts loading (imports are evaluated in order).
import { loadStart } from './load-start';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerPreview } from './preview';
import { registerNewReport } from './new-report';
import { registerWordCount } from './word-count';
import { registerProofreading } from './proofreading';
import { registerStatistics } from './statistics';
import { registerExport } from './export';
import { CrashNoticeHandler } from './crash-notice';
import { SERVER_DEBUG_EXEC_ARGV } from './server-debug';
import { cpuCount, serverExecArgv, serverMemoryEnv } from '../../common/server-env';

// All the bundle's modules are evaluated by now.
const bundleEvaluated = performance.now();

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let crashHandler: CrashNoticeHandler | undefined;

/** The standard restart policy, plus one notice for the user (see crash-notice.ts). */
function createCrashHandler(getClient: () => LanguageClient | undefined): CrashNoticeHandler {
  const showOutput = vscode.l10n.t('Show Output');
  const restart = vscode.l10n.t('Restart Server');
  return new CrashNoticeHandler(
    () => {
      const c = getClient();
      if (!c) throw new Error('no language client');
      return c.createDefaultErrorHandler();
    },
    {
      restarting(crash, notify) {
        output?.warn(`The report language server stopped unexpectedly (crash ${crash} in this session): restarting it.${notify ? ' The user was notified.' : ''}`);
        if (!notify) return;
        void vscode.window
          .showWarningMessage(vscode.l10n.t('The report language server stopped unexpectedly and was restarted.'), showOutput)
          .then((choice) => {
            if (choice === showOutput) output?.show(true);
          });
      },
      writeFailed(error) {
        output?.warn(`Could not write to the report language server (${error.message}): waiting for its process to end.`);
      },
      gaveUp(crash, reason) {
        output?.error(`The report language server stopped unexpectedly (crash ${crash} in this session) and will not be restarted: ${reason ?? 'the restart policy gave up'}.`);
        void vscode.window
          .showErrorMessage(
            vscode.l10n.t('The report language server stopped unexpectedly 5 times in 3 minutes and will not be restarted. Run "Report: Restart Language Server" to start it again.'),
            showOutput,
            restart,
          )
          .then((choice) => {
            if (choice === showOutput) output?.show(true);
            if (choice === restart) void vscode.commands.executeCommand('report.restartServer');
          });
      },
    },
  );
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // (The client adds process.env to `env`.)
    run: { module, transport: TransportKind.ipc, options: { execArgv: serverExecArgv(cpuCount()), env: serverMemoryEnv(process.env) } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...serverExecArgv(cpuCount()), ...SERVER_DEBUG_EXEC_ARGV], env: serverMemoryEnv(process.env) } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'report' },
      { scheme: 'untitled', language: 'report' },
    ],
    // .reportrc files: the server registers its own watcher (as with every client that can take one).
    synchronize: { configurationSection: 'report' },
    outputChannel: output,
    initializationOptions: {},
    errorHandler: crashHandler,
  };
  return new LanguageClient('report', 'Report Language Server', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activateStart = performance.now();
  output ??= vscode.window.createOutputChannel('Report Language Server', { log: true });
  crashHandler = createCrashHandler(() => client);
  client = createClient(context);
  registerPreview(context, () => client);
  registerNewReport(context);
  registerWordCount(context);
  registerStatistics(context, () => client);
  registerProofreading(context);
  registerExport(context, () => client);
  context.subscriptions.push(
    vscode.commands.registerCommand('report.restartServer', async () => {
      if (!client) return;
      output?.info('Restarting the report language server…');
      crashHandler?.reset();
      await client.restart();
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Report language server restarted.'), 3000);
    }),
  );
  // The server starts in the background: activation does not wait for its `initialize` answer
  // (requests sent meanwhile wait for it; the features register once it is up).
  void client.start().catch((e: unknown) => {
    output?.error(`The report language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The report language server did not start. See the "Report Language Server" output for details.'));
  });
  const end = performance.now();
  // Read by tests/e2e/suite/activation.test.js.
  const ms = (a: number, b: number) => `${(b - a).toFixed(1)} ms`;
  output.info(
    `Activated in ${ms(loadStart, end)} (bundle load ${ms(loadStart, bundleEvaluated)}, then VS Code called activate() ${ms(bundleEvaluated, activateStart)} later, activate() ${ms(activateStart, end)})`,
  );
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
