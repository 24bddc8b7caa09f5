'use strict';
// End-to-end: the real extension in a real VS Code (1.100.3, code-server)
// extension host, on the seed report copied into the workspace by run.js.
const assert = require('assert');
const vscode = require('vscode');
const { waitFor, poll, screenshot, workspaceUri } = require('./helpers');

const EXTENSION_ID = 'report-tools.report-language-tools';
const SEED = '2023-county-office-shuzhi-report.report.md';

function codeOf(diagnostic) {
  const c = diagnostic.code;
  return c && typeof c === 'object' ? String(c.value) : String(c);
}

describe('report-language-tools in VS Code', function () {
  let uri;
  let doc;

  before(async function () {
    uri = workspaceUri(SEED);
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  it('opens *.report.md files as language "report"', function () {
    assert.strictEqual(doc.languageId, 'report');
  });

  it('activates the extension', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the extension host`);
    // Activated by its own activation events (workspaceContains / the opened
    // document); there is no activation event to listen to, so poll (bounded).
    await poll(() => ext.isActive, 30000, `${EXTENSION_ID} to activate`);
    assert.strictEqual(ext.isActive, true);
  });

  it('provides the nested outline of the seed (document symbols)', async function () {
    // The language server may still be starting: retry until it answers.
    const symbols = await poll(async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
      return Array.isArray(s) && s.length > 0 ? s : undefined;
    }, 45000, 'document symbols');
    const top = symbols.map((s) => s.name);
    assert.strictEqual(symbols.length, 4, `top-level symbols: ${JSON.stringify(top)}`);
    ['一、', '二、', '三、', '四、'].forEach((prefix, i) => {
      assert.ok(top[i].startsWith(prefix), `top-level symbol ${i} is ${JSON.stringify(top[i])}, want it to start with ${prefix}`);
    });
    const first = symbols[0];
    assert.ok(Array.isArray(first.children), 'symbols must be hierarchical (DocumentSymbol with children)');
    const children = first.children.map((s) => s.name);
    assert.strictEqual(children.length, 4, `children of ${top[0]}: ${JSON.stringify(children)}`);
    ['（一）', '（二）', '（三）', '（四）'].forEach((prefix, i) => {
      assert.ok(children[i].startsWith(prefix), `child ${i} is ${JSON.stringify(children[i])}, want it to start with ${prefix}`);
    });
  });

  it('reports the stray ##paidbegin## marker on line 7', async function () {
    const found = await waitFor(
      () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'stray-marker' && d.range.start.line === 6),
      [vscode.languages.onDidChangeDiagnostics],
      45000,
      `a "stray-marker" diagnostic on line index 6 of ${SEED}`,
    ).catch((err) => {
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line}:${codeOf(d)}`);
      throw new Error(`${err.message}; diagnostics seen: ${JSON.stringify(seen)}`);
    });
    const text = doc.getText(found.range);
    assert.ok(found.range.isEmpty || text.includes('paidbegin') || doc.lineAt(6).text.includes('##paidbegin##'), `range text ${JSON.stringify(text)}`);
  });

  after(async function () {
    // A picture of the real UI: the seed open, the Outline view and the
    // Problems panel showing what the extension provides.
    if (!process.env.E2E_SCREENSHOTS) return;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('outline.focus');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(doc, { preview: false });
    await screenshot('seed-outline-problems', { waitFor: '.outline-pane .monaco-list-row' });
  });
});
