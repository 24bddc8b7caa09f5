'use strict';
// End-to-end: writing help in the real VS Code extension host — `Report: New Report…`,
// completion of the next marker, the section hover and the snippets.
const assert = require('assert');
const vscode = require('vscode');
const { poll, openNew } = require('./helpers');

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);
const sorted = (list) => [...list.items].sort((a, b) => (a.sortText || labelOf(a)).localeCompare(b.sortText || labelOf(b)));
const hoverText = (hovers) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

/** Completion items from every provider (the language server's and the snippets), once `pred` holds. */
function completionsWhen(uri, position, pred, what) {
  return poll(async () => {
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position);
    return list && pred(list.items) ? list : undefined;
  }, 30000, what);
}

describe('writing help in VS Code', function () {
  afterEach(async function () {
    // Untitled reports are dirty: revert them so that closing asks nothing.
    while (vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.isUntitled) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('creates a 述职述德述廉报告 with `report.newReport` and the outline of its skeleton', async function () {
    const uriString = await vscode.commands.executeCommand('report.newReport', 'shuzhi');
    assert.ok(typeof uriString === 'string', 'the command returns the new document\'s URI');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    const doc = editor.document;
    assert.strictEqual(doc.uri.toString(), uriString);
    assert.strictEqual(doc.uri.scheme, 'untitled');
    assert.strictEqual(doc.languageId, 'report');
    assert.match(doc.getText(), /^---\ntitle: 2025年度述职述德述廉报告\n/);
    assert.ok(doc.getText().includes('以上述职，不到之处，请批评指正。'));
    // The first placeholder is selected, ready to be typed over.
    assert.strictEqual(doc.getText(editor.selection), '2025年度');
    const symbols = await poll(async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
      return Array.isArray(s) && s.length >= 5 ? s : undefined;
    }, 45000, 'the outline of the new report');
    assert.deepStrictEqual(symbols.map((s) => s.name), ['一、加强学习，提升政治素质', '二、履职尽责，推动工作落实', '三、严守纪律，做到廉洁自律', '四、存在的问题和不足', '五、下一步工作打算']);
    assert.deepStrictEqual(symbols[0].children.map((c) => c.name), ['（一）坚持理论学习', '（二）强化党建引领']);
  });

  it('rejects an unknown template id and creates nothing', async function () {
    const before = vscode.workspace.textDocuments.length;
    assert.strictEqual(await vscode.commands.executeCommand('report.newReport', 'no-such-template'), undefined);
    assert.strictEqual(vscode.workspace.textDocuments.length, before);
  });

  it('completes the next marker, hovers a heading and offers the snippets', async function () {
    const doc = await openNew('writing-completion.report.md', '一、总体情况\n\n（一）学习。正文。\n\n（二）党建。正文。\n\nxybdsa');
    const list = await completionsWhen(doc.uri, new vscode.Position(6, 0), (items) => items.some((i) => labelOf(i) === '（三）'), 'the （三） completion');
    const markers = sorted(list).filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).map(labelOf);
    assert.deepStrictEqual(markers, ['（三）', '二、', '1.']);
    // VS Code lists a snippet under its prefix, with the body as its insert text.
    const snippets = await completionsWhen(doc.uri, new vscode.Position(6, 6), (items) => items.some((i) => labelOf(i) === 'xybdsa' && i.kind === vscode.CompletionItemKind.Snippet), 'the xybdsa snippet');
    const plan = snippets.items.find((i) => labelOf(i) === 'xybdsa' && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(plan.insertText.value.includes('、下一步工作打算'), plan.insertText.value);
    const hovers = await poll(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(4, 2));
      return Array.isArray(h) && h.length > 0 ? h : undefined;
    }, 30000, 'the section hover');
    assert.ok(hoverText(hovers).includes('一、总体情况 › （二）党建'), hoverText(hovers));
  });

  it('offers the skeletons in an empty report', async function () {
    const doc = await vscode.workspace.openTextDocument({ language: 'report', content: '' });
    await vscode.window.showTextDocument(doc);
    const list = await completionsWhen(doc.uri, new vscode.Position(0, 0), (items) => items.some((i) => labelOf(i) === '整改报告'), 'the skeletons');
    for (const name of ['述职述德述廉报告', '年度工作总结', '半年工作总结', '调研报告', '情况汇报', '整改报告', '工作要点']) {
      assert.ok(list.items.some((i) => labelOf(i) === name), name);
    }
  });

  it('counts the characters of the report and of the selection in the status bar, live', async function () {
    const config = vscode.workspace.getConfiguration('report.wordCount');
    // 「一、总体情况」 5 + 「全年学习29次，满意率达98％。」 9 + 29 and 98 one each; punctuation: 、 ， ％ 。
    const doc = await openNew('writing-wordcount.report.md', '一、总体情况\n\n全年学习29次，满意率达98％。\n');
    const editor = vscode.window.activeTextEditor;
    // The item is updated shortly after each change (debounced) and has no event of its own: poll it.
    const shown = (pred, what) => poll(async () => {
      const r = await vscode.commands.executeCommand('report.wordCount.show');
      return r && pred(r) ? r : undefined;
    }, 20000, what);
    const whole = await shown((r) => !r.selection && r.characters === 16, 'the document count');
    assert.deepStrictEqual([whole.cjk, whole.words, whole.punctuation], [14, 2, 4]);
    assert.match(whole.statusText, /16/);
    editor.selection = new vscode.Selection(2, 0, 2, 4); // 全年学习
    const part = await shown((r) => r.selection && r.characters === 4, 'the selection count');
    assert.strictEqual(part.total, 16);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await editor.edit((b) => b.insert(new vscode.Position(3, 0), '特此报告。\n'));
    await shown((r) => !r.selection && r.characters === 20 && r.statusText.includes('20'), 'the count after typing');
    await config.update('countPunctuation', true, vscode.ConfigurationTarget.Workspace);
    try {
      await shown((r) => r.characters === 20 + 5, 'the count with punctuation');
    } finally {
      await config.update('countPunctuation', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await doc.save();
  });
});
