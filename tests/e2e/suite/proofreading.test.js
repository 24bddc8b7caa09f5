'use strict';
// End-to-end: the proofreading rules in the real VS Code extension host — their diagnostics, and
// the Proofreading view beside Report Statistics (counts by rule, a click goes to the finding).
const assert = require('assert');
const vscode = require('vscode');
const { waitFor, poll, openNew, probeDom, screenshot } = require('./helpers');

const TEXT = [
  '# 2024年度工作总结',
  '',
  '一、主要工作',
  '',
  '2024年，全体干部职工再接再励，确保党中央决策布署落地见效，有效整治“内卷式竞争。',
  '',
  '我们要认真落实的的工作要求，⟦二零二四⟧年全年完成并购重组397起。',
  '',
  '截止目前，各项工作，，取得新进展。',
  '',
].join('\n').replace(/[⟦⟧]/g, '');

const RULES = ['typo', 'repeated-word', 'unpaired-punctuation', 'number-style'];

function codeOf(diagnostic) {
  const c = diagnostic.code;
  return c && typeof c === 'object' ? String(c.value) : String(c);
}

describe('Proofreading in VS Code', function () {
  let doc;

  before(async function () {
    doc = await openNew('proofreading.report.md', TEXT);
  });

  it('reports wrong words, repeats, an unpaired mark and a year with 零 as diagnostics', async function () {
    const diags = await waitFor(
      () => {
        const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => RULES.includes(codeOf(x)));
        return d.length >= 7 ? d : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
      45000,
      'the proofreading diagnostics',
    );
    const found = diags.map((d) => `${codeOf(d)} ${d.range.start.line + 1} ${doc.getText(d.range)}`).sort();
    assert.deepStrictEqual(found, [
      'number-style 7 二零二四',
      'repeated-word 7 的的',
      'repeated-word 9 ，，',
      'typo 5 再接再励',
      'typo 5 布署',
      'typo 9 截止目前',
      'unpaired-punctuation 5 “',
    ]);
  });

  it('counts them by rule in the Proofreading view, and a click on a finding goes to it', async function () {
    await vscode.commands.executeCommand('report.proofreading.focus');
    const summary = await poll(async () => {
      const s = await vscode.commands.executeCommand('report.proofreading.summary');
      return s && s.groups.reduce((n, g) => n + g.count, 0) >= 7 ? s : undefined;
    }, 30000, 'the Proofreading view to list the findings');
    assert.strictEqual(summary.uri, doc.uri.toString());
    assert.deepStrictEqual(summary.groups.map((g) => [g.rule, g.count]), [['typo', 3], ['repeated-word', 2], ['unpaired-punctuation', 1], ['number-style', 1]]);
    assert.match(String(summary.description), /7/);

    // More room for the view in the side bar, for the rows and the screenshot.
    for (let i = 0; i < 6; i++) await vscode.commands.executeCommand('workbench.action.increaseViewSize');
    // The tree as the workbench shows it (rows out of sight are not rendered): the first rule with
    // its count, then its first finding.
    const rows = await poll(async () => {
      const r = await probeDom('proofreading-rows', { selector: '.monaco-workbench', text: ['.monaco-list-row'] });
      const texts = (r.texts && r.texts['.monaco-list-row']) || [];
      return texts.some((t) => t.includes('typo · 3')) && texts.some((t) => t.includes('再接再励')) ? texts : undefined;
    }, 20000, 'the rows of the Proofreading view');
    assert.ok(rows.findIndex((t) => t.includes('typo · 3')) < rows.findIndex((t) => t.includes('再接再励')), JSON.stringify(rows));
    await screenshot('proofreading-view', { waitFor: '.monaco-list-row' });

    // A click runs the item's command: the editor shows the finding selected.
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    const editor = vscode.window.activeTextEditor;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const item = summary.groups.find((g) => g.rule === 'number-style').items[0];
    await vscode.commands.executeCommand(item.command.command, ...item.command.arguments);
    const selected = await poll(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === doc.uri.toString() && !e.selection.isEmpty ? e.document.getText(e.selection) : undefined;
    }, 10000, 'the selection of the finding');
    assert.strictEqual(selected, '二零二四');
  });
});
