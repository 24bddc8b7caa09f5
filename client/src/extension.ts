import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerPreview } from './preview';
import { registerNewReport } from './new-report';
import { registerWordCount } from './word-count';
import { registerStatistics } from './statistics';
import { registerExport } from './export';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  output ??= vscode.window.createOutputChannel('Report Language Server', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'report' },
      { scheme: 'untitled', language: 'report' },
    ],
    synchronize: { configurationSection: 'report', fileEvents: vscode.workspace.createFileSystemWatcher('**/.reportrc{.json,.yaml,.yml}') },
    outputChannel: output,
    initializationOptions: {},
  };
  return new LanguageClient('report', 'Report Language Server', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  registerPreview(context, () => client);
  registerNewReport(context);
  registerWordCount(context);
  registerStatistics(context, () => client);
  registerExport(context, () => client);
  context.subscriptions.push(
    vscode.commands.registerCommand('report.restartServer', async () => {
      if (!client) return;
      output?.info('Restarting the report language server…');
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
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
