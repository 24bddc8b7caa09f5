/**
 * `Report: Export to Word (.docx)` and `Report: Export to HTML`. The language server builds the
 * bytes (`report/export`, the engine's GB/T 9704 layout); the client asks where to save them,
 * shows progress, and writes them to a temporary file that is then renamed over the target, so
 * nothing half-written is ever left behind.
 *
 * Arguments (all optional): the source document's URI (menus and the preview toolbar pass it),
 * then the target URI (tests and other extensions pass it to skip the save dialog). Returns the
 * target URI when the file was written, undefined when cancelled or failed.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportRequest, type ExportFormat, type ExportParams } from '../../common/protocol';
import { describeWriteError, writeFileAtomic } from '../../common/export-write';
import { outputName } from '../../common/output-name';

type Format = ExportFormat;

const FILTERS: Record<Format, Record<string, string[]>> = {
  docx: { 'Word (.docx)': ['docx'] },
  html: { HTML: ['html', 'htm'] },
};

function asUri(v: unknown): vscode.Uri | undefined {
  if (v instanceof vscode.Uri) return v;
  if (typeof v === 'string' && v !== '') return /^[a-z][\w+.-]+:/i.test(v) && !/^[a-z]:[\\/]/i.test(v) ? vscode.Uri.parse(v) : vscode.Uri.file(v);
  return undefined;
}

/** `<name>.docx` beside the source (in the workspace folder or home for an untitled document). */
function proposedTarget(doc: vscode.TextDocument, format: Format): vscode.Uri {
  if (doc.isUntitled) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.env['HOME'] ?? process.env['USERPROFILE'] ?? '.');
    const title = doc.getText().split(/\r?\n/).find((l) => l.trim() !== '' && !/^---/.test(l)) ?? '';
    const name = (title.replace(/^#+\s*/, '') || 'report').replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim().slice(0, 80) || 'report';
    return vscode.Uri.joinPath(folder, `${name}.${format}`);
  }
  return vscode.Uri.joinPath(doc.uri, '..', outputName(path.posix.basename(doc.uri.path), format));
}

/** The document to export: the one named, else the active report editor, else the last report editor used. */
async function sourceDocument(arg: unknown, lastReport: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  const named = asUri(arg);
  if (named) return vscode.workspace.openTextDocument(named);
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.languageId === 'report') return active;
  const last = lastReport && vscode.workspace.textDocuments.find((d) => d.uri.toString() === lastReport.toString());
  return last ?? (active && active.uri.scheme !== 'output' ? active : undefined);
}

/** Writes through a temporary sibling and a rename: node's fs for local files, the workspace file system otherwise. */
async function writeAtomic(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  if (target.scheme === 'file') {
    writeFileAtomic(target.fsPath, bytes);
    return;
  }
  const temp = vscode.Uri.joinPath(target, '..', `.${path.posix.basename(target.path)}.${Date.now().toString(36)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temp, bytes);
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    throw e;
  }
}

function describe(e: unknown, target: vscode.Uri): string {
  const shown = target.scheme === 'file' ? target.fsPath : target.toString(true);
  if (e instanceof vscode.FileSystemError) {
    const byCode: Record<string, string> = { NoPermissions: 'EACCES', FileNotFound: 'ENOENT', FileIsADirectory: 'EISDIR', Unavailable: 'EBUSY', FileNotADirectory: 'ENOTDIR' };
    return describeWriteError(Object.assign(new Error(e.message), { code: byCode[e.code] }), shown, vscode.l10n.t);
  }
  return describeWriteError(e, shown, vscode.l10n.t);
}

async function exportDocument(format: Format, getClient: () => LanguageClient | undefined, lastReport: vscode.Uri | undefined, source?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
  const client = getClient();
  const doc = await sourceDocument(source, lastReport);
  if (!doc) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a report to export it.'));
    return undefined;
  }
  if (!client) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report language server is not running.'));
    return undefined;
  }
  let to = asUri(target);
  if (!to) {
    to = await vscode.window.showSaveDialog({
      defaultUri: proposedTarget(doc, format),
      filters: FILTERS[format],
      saveLabel: format === 'docx' ? vscode.l10n.t('Export to Word') : vscode.l10n.t('Export to HTML'),
      title: format === 'docx' ? vscode.l10n.t('Export to Word (.docx)') : vscode.l10n.t('Export to HTML'),
    });
    if (!to) return undefined;
  }
  const dest = to;
  const shown = dest.scheme === 'file' ? dest.fsPath : dest.toString(true);
  // The report itself as the target (an .html report exported to HTML, say): its export would replace it.
  const sameFile = dest.scheme === 'file' && doc.uri.scheme === 'file' ? path.resolve(dest.fsPath) === path.resolve(doc.uri.fsPath) : dest.toString() === doc.uri.toString();
  if (sameFile) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is the input itself: its export would replace the report', shown));
    return undefined;
  }
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}…', path.basename(shown)) }, async (progress) => {
      await client.start();
      const params: ExportParams = { uri: doc.uri.toString(), format, ...(doc.languageId === 'report' ? {} : { text: doc.getText() }) };
      const r = await client.sendRequest(ExportRequest, params);
      // A document the server does not know (closed meanwhile): send its text.
      const response = r ?? (await client.sendRequest(ExportRequest, { ...params, text: doc.getText() }));
      if (!response) throw new Error(vscode.l10n.t('The language server could not build the export.'));
      progress.report({ message: vscode.l10n.t('Writing {0}', shown) });
      await writeAtomic(dest, Buffer.from(response.data, 'base64'));
    });
  } catch (e) {
    const message = e instanceof vscode.FileSystemError || typeof (e as NodeJS.ErrnoException | undefined)?.code === 'string' ? describe(e, dest) : vscode.l10n.t('Export failed: {0}', e instanceof Error ? e.message : String(e));
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
  // Not awaited: the command returns as soon as the file is written.
  const open = vscode.l10n.t('Open');
  const reveal = dest.scheme === 'file' ? vscode.l10n.t('Reveal in File Explorer') : undefined;
  // Pasted junk and placeholders would go to the office too: say so when the report still has errors.
  const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const show = (m: string, ...items: string[]): Thenable<string | undefined> => (errors > 0 ? vscode.window.showWarningMessage(m, ...items) : vscode.window.showInformationMessage(m, ...items));
  const message = errors > 0 ? vscode.l10n.t('Exported to {0}. The report still has {1} error(s): see the Problems panel before you submit it.', shown, errors) : vscode.l10n.t('Exported to {0}', shown);
  void show(message, open, ...(reveal ? [reveal] : [])).then((choice) => {
    if (choice === open) void vscode.env.openExternal(dest);
    else if (choice !== undefined && choice === reveal) void vscode.commands.executeCommand('revealFileInOS', dest);
  });
  return dest;
}

/** Registers the export commands (called once from activate). */
export function registerExport(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  let lastReport: vscode.Uri | undefined = vscode.window.activeTextEditor?.document.languageId === 'report' ? vscode.window.activeTextEditor.document.uri : undefined;
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e?.document.languageId === 'report') lastReport = e.document.uri;
    }),
    vscode.commands.registerCommand('report.exportDocx', (source?: unknown, target?: unknown) => exportDocument('docx', getClient, lastReport, source, target)),
    vscode.commands.registerCommand('report.exportHtml', (source?: unknown, target?: unknown) => exportDocument('html', getClient, lastReport, source, target)),
  );
}
