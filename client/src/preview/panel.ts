/**
 * One preview panel: a webview showing the engine's rendering of one report document
 * (`report/render`), patched live as the document changes, scrolled with its editor.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RenderRequest, type RenderResponse } from '../../../common/protocol';
import { TOOLBAR_COMMANDS, type FromWebview, type PreviewView, type ToWebview } from './messages';
import { previewHtml } from './html';

export const PREVIEW_VIEW_TYPE = 'report.preview';

export interface PanelHost {
  client(): Promise<LanguageClient | undefined>;
  readonly extensionUri: vscode.Uri;
  onDispose(panel: ReportPreviewPanel): void;
  onActive(panel: ReportPreviewPanel): void;
}

export class ReportPreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private inflight = false;
  private dirty = false;
  private loadedUri = '';
  /** The line the editor was scrolled to on the preview's behalf, and until when its echo is expected. */
  private revealedForPreview: { line: number; until: number } | undefined;
  /** An editor scroll that arrived while the page was loading: sent once it is ready. */
  private pendingLine: number | undefined;
  private disposed = false;
  view: PreviewView;
  showDiagnostics: boolean;
  /** Last rendered response (tests read it through the report.preview.state command). */
  last: RenderResponse | undefined;
  ready = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public uri: vscode.Uri,
    public locked: boolean,
    private readonly host: PanelHost,
  ) {
    const cfg = vscode.workspace.getConfiguration('report.preview', uri);
    this.view = cfg.get<PreviewView>('view') === 'page' ? 'page' : 'flow';
    this.showDiagnostics = cfg.get<boolean>('showDiagnostics') ?? false;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.active) host.onActive(this);
        if (e.webviewPanel.visible) this.refresh();
      }),
    );
    this.updateTitle();
  }

  get resource(): string {
    return this.uri.toString();
  }

  /** Shows another document (the dynamic preview follows the active editor). */
  setUri(uri: vscode.Uri): void {
    if (uri.toString() === this.resource) return;
    this.uri = uri;
    this.updateTitle();
    this.refresh();
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.updateTitle();
    this.refresh();
  }

  private updateTitle(): void {
    const name = this.uri.path.split('/').pop() ?? '';
    this.panel.title = this.locked ? vscode.l10n.t('[Preview] {0}', name) : vscode.l10n.t('Preview {0}', name);
  }

  /** Renders the document again; bursts of calls are coalesced (one request in flight at a time). */
  refresh(): void {
    if (this.inflight) {
      this.dirty = true;
      return;
    }
    this.inflight = true;
    void this.render()
      .catch((e: unknown) => console.error(`report preview: ${String(e)}`))
      .finally(() => {
        this.inflight = false;
        if (this.dirty) {
          this.dirty = false;
          this.refresh();
        }
      });
  }

  private async render(): Promise<void> {
    const client = await this.host.client();
    if (!client) return;
    const uri = this.resource;
    // Keep the document loaded (and so synchronised with the server) while it is previewed.
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const r = await client.sendRequest(RenderRequest, { uri, view: this.view, diagnostics: this.showDiagnostics });
    if (!r || uri !== this.resource || this.disposed) return;
    this.last = r;
    if (this.loadedUri !== uri) {
      // A new document: a new page (its base URI for images changes); later updates are patches.
      this.loadedUri = uri;
      this.ready = false;
      this.panel.webview.options = { enableScripts: true, localResourceRoots: this.resourceRoots(doc.uri) };
      const commands = new Set(await vscode.commands.getCommands(true));
      this.panel.webview.html = previewHtml({
        webview: this.panel.webview,
        extensionUri: this.host.extensionUri,
        document: doc.uri,
        response: r,
        diagnostics: this.showDiagnostics,
        locked: this.locked,
        line: vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri)?.visibleRanges[0]?.start.line ?? 0,
        exports: TOOLBAR_COMMANDS.filter((c) => c.startsWith('report.export') && commands.has(c)),
      });
      return;
    }
    this.post({ type: 'update', html: r.html, view: r.view, pages: r.pages, diagnostics: this.showDiagnostics, locked: this.locked, version: r.version });
  }

  /** The extension's media and bundle, and the document's workspace folder (images beside the report). */
  private resourceRoots(doc: vscode.Uri): vscode.Uri[] {
    const roots = [vscode.Uri.joinPath(this.host.extensionUri, 'media'), vscode.Uri.joinPath(this.host.extensionUri, 'dist')];
    const folder = vscode.workspace.getWorkspaceFolder(doc);
    if (folder) roots.push(folder.uri);
    else if (doc.scheme === 'file') roots.push(vscode.Uri.joinPath(doc, '..'));
    return roots;
  }

  post(message: ToWebview): void {
    if (this.disposed) return;
    void this.panel.webview.postMessage(message);
  }

  /** The editor scrolled: scroll the preview to the same source line. */
  scrollToLine(line: number): void {
    // The echo of a scroll the preview asked for is not sent back; any other line is (a plain time
    // window would also drop an editor scroll that comes right after one from the preview).
    const echo = this.revealedForPreview;
    if (echo && Date.now() < echo.until && Math.abs(line - echo.line) <= 1) return;
    this.revealedForPreview = undefined;
    if (!this.ready) {
      this.pendingLine = line;
      return;
    }
    this.post({ type: 'scrollTo', line });
  }

  private editorFor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.resource);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        if (this.pendingLine !== undefined) this.post({ type: 'scrollTo', line: this.pendingLine });
        this.pendingLine = undefined;
        break;
      case 'scroll': {
        const editor = this.editorFor();
        if (!editor) return;
        const line = Math.max(0, Math.min(Math.floor(m.line), editor.document.lineCount - 1));
        this.revealedForPreview = { line, until: Date.now() + 1000 };
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        break;
      }
      case 'reveal': {
        const doc = await vscode.workspace.openTextDocument(this.uri);
        const line = Math.max(0, Math.min(m.line, doc.lineCount - 1));
        const column = this.editorFor()?.viewColumn ?? vscode.ViewColumn.One;
        const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false });
        const pos = new vscode.Position(line, 0);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        break;
      }
      case 'link':
        await this.openLink(m.href);
        break;
      case 'command':
        if ((TOOLBAR_COMMANDS as readonly string[]).includes(m.command)) {
          this.host.onActive(this);
          await vscode.commands.executeCommand(m.command, this.uri);
        }
        break;
    }
  }

  /** Links open through VS Code only: web and mail links with its usual confirmation, files beside the report in the editor. */
  private async openLink(href: string): Promise<void> {
    if (/^(https?|mailto):/i.test(href)) {
      await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(href, true));
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#')) return;
    const [file = ''] = href.split('#');
    const target = vscode.Uri.joinPath(this.uri, '..', decodeURIComponent(file));
    await vscode.commands.executeCommand('vscode.open', target);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.host.onDispose(this);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
