'use strict';
// End-to-end: structure diagnostics, their quick fixes, fix-all, formatting and
// the report.rules setting, in the real VS Code extension host.
const assert = require('assert');
const vscode = require('vscode');
const { waitFor, poll, openNew } = require('./helpers');

function codeOf(diagnostic) {
  const c = diagnostic.code;
  return c && typeof c === 'object' ? String(c.value) : String(c);
}

/** Diagnostics of `uri` once `pred` holds for them (waits on onDidChangeDiagnostics). */
function diagnosticsWhen(uri, pred, what) {
  return waitFor(
    () => {
      const d = vscode.languages.getDiagnostics(uri);
      return pred(d) ? d : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
    45000,
    what,
  );
}

describe('structure checks in VS Code', function () {
  after(async function () {
    await vscode.workspace.getConfiguration('report').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('applies the quick fix of a half-width (三) through executeCodeActionProvider', async function () {
    const doc = await openNew('structure-quickfix.report.md', '一、总体情况\n（一）学习\n（二）党建\n(三)决策\n');
    const diags = await diagnosticsWhen(doc.uri, (d) => d.some((x) => codeOf(x) === 'numbering-style'), 'a numbering-style diagnostic');
    const diag = diags.find((x) => codeOf(x) === 'numbering-style');
    assert.strictEqual(diag.range.start.line, 3);
    assert.strictEqual(doc.getText(diag.range), '(三)');
    const actions = await poll(async () => {
      const a = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      return Array.isArray(a) && a.length > 0 ? a : undefined;
    }, 30000, 'quick fixes');
    const fix = actions.find((a) => a.title.includes('（三）'));
    assert.ok(fix, `no fix to （三） among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(fix.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.getText(), '一、总体情况\n（一）学习\n（二）党建\n（三）决策\n');
    await diagnosticsWhen(doc.uri, (d) => !d.some((x) => codeOf(x) === 'numbering-style'), 'the diagnostic to go away');
  });

  it('fixes all with source.fixAll.report and formats the document', async function () {
    const doc = await openNew('structure-fixall.report.md', '一、总体\n（一）学习\n（三）党建\n（四）决策\n二.下一步\n');
    await diagnosticsWhen(doc.uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'a numbering-sequence diagnostic');
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.report');
    const fixAll = actions.find((a) => a.kind && a.kind.value === 'source.fixAll.report');
    assert.ok(fixAll, `no fix-all among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.strictEqual(doc.getText(), '一、总体\n（一）学习\n（二）党建\n（三）决策\n二、下一步\n');

    const messy = await openNew('structure-format.report.md', '一.总体\n(一)学习。正文(一)不动。\n（三）党建\n');
    const edits = await poll(async () => {
      const e = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', messy.uri, { tabSize: 4, insertSpaces: true });
      return Array.isArray(e) && e.length > 0 ? e : undefined;
    }, 30000, 'formatting edits');
    const we = new vscode.WorkspaceEdit();
    we.set(messy.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(we));
    assert.strictEqual(messy.getText(), '一、总体\n（一）学习。正文(一)不动。\n（二）党建\n');
  });

  it('turns a rule off through the report.rules setting without a restart', async function () {
    const doc = await openNew('structure-settings.report.md', '一、总体\n(一)学习\n');
    await diagnosticsWhen(doc.uri, (d) => d.some((x) => codeOf(x) === 'numbering-style'), 'a numbering-style diagnostic');
    await vscode.workspace.getConfiguration('report').update('rules', { 'numbering-style': 'off' }, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhen(doc.uri, (d) => !d.some((x) => codeOf(x) === 'numbering-style'), 'numbering-style to be turned off');
    await vscode.workspace.getConfiguration('report').update('rules', { 'numbering-style': 'error' }, vscode.ConfigurationTarget.Workspace);
    const d = await diagnosticsWhen(doc.uri, (x) => x.some((y) => codeOf(y) === 'numbering-style' && y.severity === vscode.DiagnosticSeverity.Error), 'numbering-style as an error');
    assert.ok(d.length > 0);
  });
});
