import * as vscode from 'vscode';
import { REPORT_TEMPLATES, templateById, type ReportTemplate } from '../../common/templates';

interface TemplatePick extends vscode.QuickPickItem {
  readonly template: ReportTemplate;
}

/**
 * `Report: New Report…`: a quick pick of skeletons, then an untitled `report` document filled with
 * the chosen one as a snippet (placeholders are tab stops). `report.newReport('shuzhi')` skips the
 * pick; the command resolves to the new document's URI (as a string), or undefined when cancelled.
 */
export function registerNewReport(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('report.newReport', newReport));
}

async function newReport(templateId?: unknown): Promise<string | undefined> {
  let template: ReportTemplate | undefined;
  if (typeof templateId === 'string') {
    template = templateById(templateId);
    if (!template) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Unknown report template "{0}". Known: {1}', templateId, REPORT_TEMPLATES.map((t) => t.id).join(', ')));
      return undefined;
    }
  } else {
    const picks: TemplatePick[] = REPORT_TEMPLATES.map((t) => ({ label: t.name, description: t.prefixes[0], detail: vscode.l10n.t(t.description), template: t }));
    const pick = await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Choose the kind of report to write'), matchOnDescription: true, matchOnDetail: true });
    template = pick?.template;
  }
  if (!template) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'report', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(template.body), new vscode.Position(0, 0));
  return document.uri.toString();
}
