import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatisticsRequest, type FigureEntry, type ReportStatistics } from '../../common/protocol';

/** Waits this long after the last change before asking the server again. */
const DEBOUNCE_MS = 400;

type Node = { kind: 'section'; label: string; line: number; figures: FigureEntry[] } | { kind: 'figure'; figure: FigureEntry };

/** How a figure reads, for the tooltip: 「exact」 or 「at least 110 (余)」. */
function reading(f: FigureEntry): string {
  switch (f.approx) {
    case 'exact':
      return vscode.l10n.t('exact');
    case 'atLeast':
      return vscode.l10n.t('approximate: at least {0} ({1})', f.value, f.qualifier);
    case 'atMost':
      return vscode.l10n.t('approximate: at most {0} ({1})', f.value, f.qualifier);
    case 'about':
      return vscode.l10n.t('approximate: about {0} ({1})', f.value, f.qualifier);
    default:
      return vscode.l10n.t('range: {0} to {1}', f.value, '…');
  }
}

/** The "Report Statistics" view: every figure of the active report, grouped by section; click to jump. */
class StatisticsProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private stats: ReportStatistics | null = null;
  private uri: vscode.Uri | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async refresh(editor: vscode.TextEditor | undefined): Promise<void> {
    const c = this.client();
    if (!editor || editor.document.languageId !== 'report' || !c || !c.isRunning()) {
      if (editor && editor.document.languageId === 'report') return; // the server is starting: keep what we show
      this.stats = null;
      this.uri = undefined;
      this.changed.fire(undefined);
      return;
    }
    try {
      this.stats = await c.sendRequest(StatisticsRequest, { uri: editor.document.uri.toString() });
      this.uri = editor.document.uri;
    } catch {
      this.stats = null;
    }
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'section') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = vscode.l10n.t('{0} figure(s)', node.figures.length);
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      if (this.uri && node.line >= 0) {
        const selection = new vscode.Range(node.line, 0, node.line, 0);
        item.command = { title: vscode.l10n.t('Go to Figure'), command: 'vscode.open', arguments: [this.uri, { selection }] };
      }
      return item;
    }
    const f = node.figure;
    const item = new vscode.TreeItem(f.text, vscode.TreeItemCollapsibleState.None);
    item.description = f.context;
    item.iconPath = new vscode.ThemeIcon(f.approx === 'exact' ? 'symbol-number' : 'symbol-operator');
    item.tooltip = new vscode.MarkdownString(`**${f.text}** — ${f.value}${f.unit ? ` ${f.unit}` : ''}, ${reading(f)}\n\n${f.context}`);
    const r = f.range;
    if (this.uri) {
      const selection = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
      item.command = { title: vscode.l10n.t('Go to Figure'), command: 'vscode.open', arguments: [this.uri, { selection, preserveFocus: false }] };
    }
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.kind === 'section' ? node.figures.map((figure): Node => ({ kind: 'figure', figure })) : [];
    const groups = new Map<string, Node & { kind: 'section' }>();
    for (const f of this.stats?.figures ?? []) {
      const label = f.section.length > 0 ? f.section.join(' › ') : vscode.l10n.t('(before the first heading)');
      let g = groups.get(label);
      if (!g) {
        g = { kind: 'section', label, line: f.sectionLine, figures: [] };
        groups.set(label, g);
      }
      g.figures.push(f);
    }
    return [...groups.values()];
  }
}

/** Registers the "Report Statistics" view (explorer) and keeps it in step with the active report. */
export function registerStatistics(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const provider = new StatisticsProvider(client);
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void provider.refresh(vscode.window.activeTextEditor), DEBOUNCE_MS);
  };
  context.subscriptions.push(
    vscode.window.createTreeView('report.statistics', { treeDataProvider: provider, showCollapseAll: true }),
    vscode.commands.registerCommand('report.statistics.refresh', () => provider.refresh(vscode.window.activeTextEditor)),
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) schedule();
    }),
    // Diagnostics arrive once the server has the document: a good moment for the first request.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (uri && e.uris.some((u) => u.toString() === uri)) schedule();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  schedule();
}
