import * as vscode from 'vscode';
import { countReport, type CharCount } from '../../common/wordcount';

/** What the status-bar item shows, as `report.wordCount.show` returns it. */
export interface WordCountResult extends CharCount {
  /** True when the counts are of the selection. */
  readonly selection: boolean;
  /** The count of the whole document. */
  readonly total: number;
  readonly statusText: string;
}

/** Waits this long after the last keystroke before counting again (large reports). */
const DEBOUNCE_MS = 150;

/**
 * A status-bar item with the character count of the active report, or of the selection, counted
 * the way report word limits are counted (the same function as the server's section hover).
 * Settings: `report.wordCount.enabled`, `report.wordCount.countPunctuation`.
 */
export function registerWordCount(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('report.wordCount', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Report Character Count');
  item.command = 'report.wordCount.show';
  let timer: NodeJS.Timeout | undefined;
  let current: WordCountResult | undefined;

  const update = (): void => {
    timer = undefined;
    const editor = vscode.window.activeTextEditor;
    const config = vscode.workspace.getConfiguration('report.wordCount', editor?.document.uri);
    if (!editor || editor.document.languageId !== 'report' || !config.get<boolean>('enabled', true)) {
      item.hide();
      current = undefined;
      return;
    }
    const options = { countPunctuation: config.get<boolean>('countPunctuation', false) };
    const total = countReport(editor.document.getText(), options);
    const selected = editor.selections.filter((s) => !s.isEmpty);
    if (selected.length > 0) {
      const part = countReport(selected.map((s) => editor.document.getText(s)).join('\n'), options);
      item.text = vscode.l10n.t('{0} of {1} characters', part.characters, total.characters);
      item.tooltip = tooltip(part, options.countPunctuation, true);
      current = { ...part, selection: true, total: total.characters, statusText: item.text };
    } else {
      item.text = vscode.l10n.t('{0} characters', total.characters);
      item.tooltip = tooltip(total, options.countPunctuation, false);
      current = { ...total, selection: false, total: total.characters, statusText: item.text };
    }
    item.show();
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && schedule()),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && schedule()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('report.wordCount') && update()),
    { dispose: () => timer && clearTimeout(timer) },
    // Clicking the item: the breakdown in a message. Resolves to the counts the item shows (undefined when hidden).
    vscode.commands.registerCommand('report.wordCount.show', (): WordCountResult | undefined => {
      if (current) void vscode.window.showInformationMessage(`${current.statusText}\n${String(item.tooltip)}`);
      else void vscode.window.showInformationMessage(vscode.l10n.t('Open a report to count its characters.'));
      return current;
    }),
  );
  update();
}

function tooltip(c: CharCount, punctuation: boolean, selection: boolean): string {
  return [
    selection ? vscode.l10n.t('Selection') : vscode.l10n.t('Document'),
    vscode.l10n.t('Chinese characters: {0}', c.cjk),
    vscode.l10n.t('Words and numbers: {0}', c.words),
    punctuation ? vscode.l10n.t('Punctuation: {0} (counted)', c.punctuation) : vscode.l10n.t('Punctuation: {0} (not counted)', c.punctuation),
  ].join('\n');
}
