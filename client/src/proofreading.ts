import * as vscode from 'vscode';
import { PROOFREADING_RULES, type ProofreadingRule } from '../../common/proofreading';

/** The source of the language server's diagnostics (DIAGNOSTIC_SOURCE in the engine). */
const SOURCE = 'report';

type Node = { kind: 'rule'; rule: ProofreadingRule; diagnostics: vscode.Diagnostic[] } | { kind: 'finding'; diagnostic: vscode.Diagnostic };

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' && d.code !== null ? d.code.value : (d.code ?? ''));

/** The Problems panel's icon of a severity (looked up when drawn: loading the module touches no vscode API). */
function iconOf(severity: vscode.DiagnosticSeverity): string {
  switch (severity) {
    case vscode.DiagnosticSeverity.Error:
      return 'error';
    case vscode.DiagnosticSeverity.Warning:
      return 'warning';
    case vscode.DiagnosticSeverity.Hint:
      return 'lightbulb';
    default:
      return 'info';
  }
}

/**
 * The "Proofreading" view, beside Report Statistics: the proofreading findings of the active report
 * (wrong words, repeats, unpaired marks, number style, placeholders left in), counted by rule like the Problems panel's
 * tree; click a finding to go to it. It reads the diagnostics VS Code already has.
 */
class ProofreadingProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  uri: vscode.Uri | undefined;
  groups: Array<Node & { kind: 'rule' }> = [];

  refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    this.uri = doc?.languageId === 'report' ? doc.uri : undefined;
    const all = this.uri ? vscode.languages.getDiagnostics(this.uri).filter((d) => d.source === SOURCE) : [];
    this.groups = PROOFREADING_RULES.map((rule) => ({ kind: 'rule' as const, rule, diagnostics: all.filter((d) => codeOf(d) === rule.id).sort((a, b) => a.range.start.compareTo(b.range.start)) })).filter((g) => g.diagnostics.length > 0);
    this.changed.fire(undefined);
  }

  get total(): number {
    return this.groups.reduce((n, g) => n + g.diagnostics.length, 0);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'rule') {
      const item = new vscode.TreeItem(vscode.l10n.t(node.rule.name), vscode.TreeItemCollapsibleState.Expanded);
      // Stable ids: a refresh (every change of the diagnostics) keeps what the user expanded or collapsed.
      item.id = `rule:${node.rule.id}`;
      item.description = `${node.rule.id} · ${node.diagnostics.length}`;
      item.iconPath = new vscode.ThemeIcon('checklist');
      item.tooltip = vscode.l10n.t('{0} finding(s) of {1}', node.diagnostics.length, node.rule.id);
      return item;
    }
    const d = node.diagnostic;
    const text = this.uri ? (vscode.workspace.textDocuments.find((t) => t.uri.toString() === this.uri?.toString())?.getText(d.range) ?? '') : '';
    // The message names what was found; the text is shown before it only when it does not.
    const label = text.length > 0 && text.length <= 12 && !d.message.includes(text) ? `「${text}」 ${d.message}` : d.message;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `finding:${codeOf(d)}:${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${d.message}`;
    item.description = vscode.l10n.t('line {0}', d.range.start.line + 1);
    item.tooltip = d.message;
    item.iconPath = new vscode.ThemeIcon(iconOf(d.severity));
    if (this.uri) item.command = { title: vscode.l10n.t('Go to Problem'), command: 'vscode.open', arguments: [this.uri, { selection: d.range, preserveFocus: false }] };
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups;
    return node.kind === 'rule' ? node.diagnostics.map((diagnostic): Node => ({ kind: 'finding', diagnostic })) : [];
  }
}

/** Registers the "Proofreading" view (explorer) and keeps it in step with the active report's diagnostics. */
export function registerProofreading(context: vscode.ExtensionContext): void {
  const provider = new ProofreadingProvider();
  const view = vscode.window.createTreeView('report.proofreading', { treeDataProvider: provider, showCollapseAll: true });
  const update = (): void => {
    provider.refresh();
    const n = provider.total;
    // '' rather than undefined: the workbench keeps a description set to undefined.
    view.description = provider.uri ? vscode.l10n.t('{0} finding(s)', n) : '';
    view.message = provider.uri && n === 0 ? vscode.l10n.t('No proofreading findings in this report.') : '';
  };
  context.subscriptions.push(
    view,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (provider.uri === undefined || e.uris.some((u) => u.toString() === provider.uri?.toString())) update();
    }),
    // The tree's state, for the end-to-end tests (the extension host cannot read the workbench's DOM).
    vscode.commands.registerCommand('report.proofreading.summary', () => ({
      uri: provider.uri?.toString(),
      description: view.description,
      groups: provider.groups.map((g) => ({
        rule: g.rule.id,
        label: provider.getTreeItem(g).label,
        count: g.diagnostics.length,
        items: g.diagnostics.map((diagnostic) => ({ line: diagnostic.range.start.line, label: provider.getTreeItem({ kind: 'finding', diagnostic }).label, command: provider.getTreeItem({ kind: 'finding', diagnostic }).command })),
      })),
    })),
  );
  update();
}
