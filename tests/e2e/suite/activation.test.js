'use strict';
// End-to-end: the extension's own activation time, as it logs it in its output channel
// ("Activated in N ms (bundle load N ms, then VS Code called activate() N ms later, activate() N ms)":
// from the first line of dist/extension.js being evaluated to the end of activate()).
const assert = require('assert');
const vscode = require('vscode');
const { poll, outputLog, workspaceUri } = require('./helpers');

const EXTENSION_ID = 'report-tools.report-language-tools';
const CHANNEL = 'Report Language Server';
const SEED = '2023-county-office-shuzhi-report.report.md';

describe('activation time', function () {
  it('logs its activation time in the "Report Language Server" output', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    if (!ext.isActive) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(SEED)));
    await poll(() => ext.isActive, 30000, `${EXTENSION_ID} to activate`);
    // The log file is written asynchronously: no event to wait on, so poll (bounded).
    const m = await poll(
      () => /Activated in ([\d.]+) ms \(bundle load ([\d.]+) ms, then VS Code called activate\(\) ([\d.]+) ms later, activate\(\) ([\d.]+) ms\)/.exec(outputLog(CHANNEL)),
      20000,
      `the "Activated in … ms" line in the ${CHANNEL} output log`,
    );
    const [total, load, wait, activate] = [m[1], m[2], m[3], m[4]].map(Number);
    console.log(`      activation time in VS Code ${vscode.version}: ${total} ms (bundle load ${load} ms, wait for activate() ${wait} ms, activate() ${activate} ms)`);
    assert.ok(total > 0 && load >= 0 && wait >= 0 && activate >= 0, m[0]);
    assert.ok(Math.abs(total - load - wait - activate) < 1, `parts add up: ${m[0]}`);
  });
});
