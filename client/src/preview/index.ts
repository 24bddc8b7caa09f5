/**
 * Report preview: commands, the one dynamic preview that follows the active report editor,
 * locked previews, live updates and editor → preview scroll sync.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_VIEW_TYPE, ReportPreviewPanel, type PanelHost } from './panel';

const isReport = (doc: vscode.TextDocument | undefined): doc is vscode.TextDocument => doc?.languageId === 'report';

export function registerPreview(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  const panels = new Set<ReportPreviewPanel>();
  let dynamic: ReportPreviewPanel | undefined;
  let active: ReportPreviewPanel | undefined;

  /** The language client once it is running. */
  const client = async (): Promise<LanguageClient | undefined> => {
    const c = getClient();
    if (!c || c.state === State.Running) return c;
    await new Promise<void>((resolve) => {
      const sub = c.onDidChangeState((e) => {
        if (e.newState === State.Running) {
          sub.dispose();
          resolve();
        }
      });
      setTimeout(() => {
        sub.dispose();
        resolve();
      }, 30000);
    });
    return (c.state as State) === State.Running ? c : undefined;
  };

  const host: PanelHost = {
    client,
    extensionUri: context.extensionUri,
    onDispose: (p) => {
      panels.delete(p);
      if (dynamic === p) dynamic = undefined;
      if (active === p) active = undefined;
    },
    onActive: (p) => {
      active = p;
    },
  };

  const targetUri = (arg: unknown): vscode.Uri | undefined => {
    if (arg instanceof vscode.Uri) return arg;
    const editor = vscode.window.activeTextEditor;
    if (isReport(editor?.document)) return editor.document.uri;
    return active?.uri ?? dynamic?.uri;
  };

  const show = (uri: vscode.Uri | undefined, sideBySide: boolean, locked = false): ReportPreviewPanel | undefined => {
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a report (.report.md) to preview it.'));
      return undefined;
    }
    const column = sideBySide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = locked ? [...panels].find((p) => p.locked && p.resource === uri.toString()) : dynamic;
    if (existing) {
      existing.setUri(uri);
      existing.panel.reveal(column, sideBySide);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, '', { viewColumn: column, preserveFocus: sideBySide }, { enableScripts: true, enableFindWidget: true, localResourceRoots: [] });
    const p = new ReportPreviewPanel(panel, uri, locked, host);
    panels.add(p);
    if (!locked) dynamic = p;
    active = p;
    p.refresh();
    return p;
  };

  /** The preview a command acts on: the active one, else the only one. */
  const current = (): ReportPreviewPanel | undefined => active ?? (panels.size === 1 ? [...panels][0] : undefined);

  context.subscriptions.push(
    vscode.commands.registerCommand('report.showPreview', (uri?: unknown) => void show(targetUri(uri), false)),
    vscode.commands.registerCommand('report.showPreviewToSide', (uri?: unknown) => void show(targetUri(uri), true)),
    vscode.commands.registerCommand('report.showLockedPreviewToSide', (uri?: unknown) => void show(targetUri(uri), true, true)),
    vscode.commands.registerCommand('report.preview.toggleLock', () => {
      const p = current();
      if (!p) return;
      if (p.locked) {
        // Unlocking: it becomes the dynamic preview (an older dynamic preview closes).
        if (dynamic && dynamic !== p) dynamic.dispose();
        p.setLocked(false);
        dynamic = p;
      } else {
        p.setLocked(true);
        if (dynamic === p) dynamic = undefined;
      }
    }),
    vscode.commands.registerCommand('report.preview.toggleView', () => {
      const p = current();
      if (!p) return;
      p.view = p.view === 'page' ? 'flow' : 'page';
      p.refresh();
    }),
    vscode.commands.registerCommand('report.preview.toggleDiagnostics', () => {
      const p = current();
      if (!p) return;
      p.showDiagnostics = !p.showDiagnostics;
      p.refresh();
    }),
    /** For tests and tools: what the previews show. */
    vscode.commands.registerCommand('report.preview.state', () =>
      [...panels].map((p) => ({ uri: p.resource, locked: p.locked, view: p.view, diagnostics: p.showDiagnostics, ready: p.ready, version: p.last?.version, pages: p.last?.pages, lineMap: p.last?.lineMap, html: p.last?.html, visible: p.panel.visible })),
    ),
    vscode.workspace.onDidChangeTextDocument((e) => {
      for (const p of panels) if (p.resource === e.document.uri.toString()) p.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (dynamic && isReport(editor?.document)) dynamic.setUri(editor.document.uri);
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      const line = e.visibleRanges[0]?.start.line;
      if (line === undefined) return;
      for (const p of panels) if (p.resource === e.textEditor.document.uri.toString()) p.scrollToLine(line);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      // A command moved the selection (e.g. Go to Symbol): follow it. Outline and breadcrumbs reveal
      // the section in the editor, and the preview follows the editor's visible range.
      if (e.kind !== vscode.TextEditorSelectionChangeKind.Command) return;
      const line = e.selections[0]?.active.line;
      if (line === undefined) return;
      for (const p of panels) if (p.resource === e.textEditor.document.uri.toString()) p.scrollToLine(line);
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      for (const p of panels) if (p.showDiagnostics && e.uris.some((u) => u.toString() === p.resource)) p.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('report.preview')) return;
      for (const p of panels) {
        const cfg = vscode.workspace.getConfiguration('report.preview', p.uri);
        p.view = cfg.get('view') === 'page' ? 'page' : 'flow';
        p.showDiagnostics = cfg.get<boolean>('showDiagnostics') ?? false;
        p.refresh();
      }
    }),
    { dispose: () => [...panels].forEach((p) => p.dispose()) },
    // After a window reload VS Code hands back the previews that were open.
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        const s = (state ?? {}) as { uri?: string; locked?: boolean };
        if (!s.uri) {
          panel.dispose();
          return;
        }
        const p = new ReportPreviewPanel(panel, vscode.Uri.parse(s.uri), s.locked === true, host);
        panels.add(p);
        if (!p.locked) {
          dynamic?.dispose();
          dynamic = p;
        }
        p.refresh();
      },
    }),
  );
}
