'use strict';
// End-to-end: numeric consistency in the real VS Code extension host — the seed's
// missing number as a diagnostic, hover on a figure, the Report Statistics view.
const assert = require('assert');
const vscode = require('vscode');
const { waitFor, poll, workspaceUri } = require('./helpers');

const SEED = '2023-county-office-shuzhi-report.report.md';

function codeOf(diagnostic) {
  const c = diagnostic.code;
  return c && typeof c === 'object' ? String(c.value) : String(c);
}

describe('numeric consistency in VS Code', function () {
  let doc;

  before(async function () {
    doc = await vscode.workspace.openTextDocument(workspaceUri(SEED));
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  it('shows the seed\'s missing number (line 17) in getDiagnostics, and no other numeric finding', async function () {
    const diags = await waitFor(
      () => {
        const d = vscode.languages.getDiagnostics(doc.uri);
        return d.some((x) => codeOf(x) === 'missing-number') ? d : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
      45000,
      'the missing-number diagnostic',
    );
    const numeric = diags.filter((x) => ['missing-number', 'percent-range', 'rate-mismatch', 'subset-exceeds-total', 'total-mismatch', 'table-total', 'count-claim', 'figure-conflict'].includes(codeOf(x)));
    assert.strictEqual(numeric.length, 1, JSON.stringify(numeric.map((x) => [codeOf(x), x.range.start.line])));
    const d = numeric[0];
    assert.strictEqual(d.range.start.line, 16);
    assert.strictEqual(doc.getText(d.range), '件');
    assert.strictEqual(doc.getText(new vscode.Range(16, d.range.start.character - 10, 16, d.range.end.character)), '收到上级交办信访事项件');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
  });

  it('hovers a figure with how it was read', async function () {
    const line = doc.lineAt(13).text;
    const position = new vscode.Position(13, line.indexOf('110余批次') + 1);
    const hovers = await poll(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position);
      return Array.isArray(h) && h.some((x) => x.contents.some((c) => String(c.value || c).includes('110余批次'))) ? h : undefined;
    }, 30000, 'a hover on 110余批次');
    const text = hovers.flatMap((h) => h.contents.map((c) => String(c.value || c))).join('\n');
    assert.match(text, /余/);
  });

  it('contributes the Report Statistics view and its refresh command', async function () {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('report.statistics.refresh'));
    await vscode.commands.executeCommand('report.statistics.focus');
    await vscode.commands.executeCommand('report.statistics.refresh');
  });
});
