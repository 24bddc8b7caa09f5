'use strict';
// End-to-end: Report: Export to Word (.docx) / Export to HTML in the real VS Code extension host.
// The commands take (source document URI, target URI); passing the target skips the save dialog.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { workspaceUri } = require('./helpers');

const EXTENSION_ID = 'report-tools.report-language-tools';
const SEED = '2023-county-office-shuzhi-report.report.md';

function requireFromRepo(name) {
  const root = process.env.E2E_REPO_ROOT || path.resolve(__dirname, '..', '..', '..');
  return require(require.resolve(name, { paths: [root] }));
}

describe('export to Word and HTML', function () {
  let source;
  let outDir;

  before(async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    await ext.activate();
    source = workspaceUri(SEED);
    const doc = await vscode.workspace.openTextDocument(source);
    await vscode.window.showTextDocument(doc, { preview: false });
    outDir = path.join(path.dirname(source.fsPath), 'export-e2e');
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
  });

  after(function () {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('contributes both commands', async function () {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('report.exportDocx'));
    assert.ok(commands.includes('report.exportHtml'));
  });

  it('exports the seed to a .docx: a zip with word/document.xml holding the headings', async function () {
    const target = vscode.Uri.file(path.join(outDir, 'seed.docx'));
    // The command waits for the language server to be running before it asks for the bytes.
    const written = await vscode.commands.executeCommand('report.exportDocx', source, target);
    assert.ok(written, 'the command returns the written file');
    assert.strictEqual(written.fsPath, target.fsPath);
    const bytes = fs.readFileSync(target.fsPath);
    assert.strictEqual(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
    const JSZip = requireFromRepo('jszip');
    const zip = await JSZip.loadAsync(bytes);
    const documentXml = await zip.file('word/document.xml').async('string');
    assert.match(documentXml, /<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t xml:space="preserve">一、持之以恒加强领导班子自身建设<\/w:t>/);
    assert.match(documentXml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.ok(zip.file('word/styles.xml'));
    assert.deepStrictEqual(
      fs.readdirSync(outDir).filter((n) => n.endsWith('.tmp')),
      [],
      'no temporary file left behind',
    );
  });

  it('exports the active report to HTML when no source is given', async function () {
    const target = vscode.Uri.file(path.join(outDir, 'seed.html'));
    const written = await vscode.commands.executeCommand('report.exportHtml', undefined, target);
    assert.ok(written, 'the command returns the written file');
    const html = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<title>2023年度述职述德述廉报告<\/title>/);
    assert.match(html, /@page/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('an unwritable target: no file, nothing half-written, the command reports failure', async function () {
    // A folder stands where the file should go: the rename over it fails.
    const blocked = path.join(outDir, 'blocked.docx');
    fs.mkdirSync(path.join(blocked, 'inner'), { recursive: true });
    const written = await vscode.commands.executeCommand('report.exportDocx', source, vscode.Uri.file(blocked));
    assert.strictEqual(written, undefined);
    assert.ok(fs.statSync(blocked).isDirectory());
    assert.deepStrictEqual(fs.readdirSync(blocked), ['inner']);
    assert.deepStrictEqual(
      fs.readdirSync(outDir).filter((n) => n.startsWith('.')),
      [],
      'no temporary file left behind',
    );
  });
});
