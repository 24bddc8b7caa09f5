'use strict';
// End-to-end: the live preview in a real VS Code (code-server) webview. The extension host can't
// see inside the webview; the host (code-server or desktop) reads its DOM on request (probeDom).
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { waitFor, poll, screenshot, workspaceUri, probeDom } = require('./helpers');

const EXTENSION_ID = 'report-tools.report-language-tools';
const SEED = '2023-county-office-shuzhi-report.report.md';
const PAYLOAD = 'preview-payloads.report.md';
const PAYLOAD_TEXT = [
  '---',
  'title: "<script>window.__pwned=1</script>载荷"',
  'unit: "<img src=x onerror=window.__pwned=1>"',
  '---',
  '一、<script>window.__pwned=1</script>总体情况',
  '（一）<img src=x onerror="window.__pwned=1">图片。<svg onload="window.__pwned=1"></svg>正文。',
  '正文<iframe src="https://evil.example/frame"></iframe><object data="https://evil.example/o"></object>。',
  '<div style="background:url(https://evil.example/bg.png)">样式</div><style>body{background:url(https://evil.example/s.png)}</style>',
  '[点我](javascript:window.__pwned=1) <a href="javascript:window.__pwned=1">原始链接</a> [远程](//evil.example/x)',
  '![远程图片](https://evil.example/track.png) <meta http-equiv="refresh" content="0;url=https://evil.example">',
  '',
  '| <script>window.__pwned=1</script> | ![t](https://evil.example/cell.png) |',
  '|---|---|',
  '| 合计 | <img src=x onerror=window.__pwned=1> |',
  '',
].join('\n');

/** Reads the preview webview's DOM through run.js (see probeWebview there). */
function probe(name, request) {
  return probeDom(name, { selector: '#report-root', ...request });
}

/** Probes until `check` accepts the result (the webview patches its DOM asynchronously). */
async function probeUntil(name, request, check, what) {
  let last;
  for (let i = 0; i < 20; i++) {
    last = await probe(`${name}-${i}`, request);
    if (last.found && check(last)) return last;
  }
  throw new Error(`webview never showed ${what}: ${JSON.stringify(last).slice(0, 600)}`);
}

const previewState = async () => (await vscode.commands.executeCommand('report.preview.state')) || [];

describe('live preview in a real webview', function () {
  this.timeout(120000);
  let doc;

  before(async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    doc = await vscode.workspace.openTextDocument(workspaceUri(SEED));
    await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
    await poll(() => ext && ext.isActive, 30000, 'the extension to activate');
  });

  after(async function () {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the preview to the side with the seed headings', async function () {
    await vscode.commands.executeCommand('report.showPreviewToSide');
    await poll(async () => (await previewState()).find((p) => p.ready && p.uri === doc.uri.toString()), 60000, 'the preview to be ready');
    const r = await probeUntil('seed-flow', { count: ['h1.report-title', 'h2.report-h', 'span.report-h', 'script[src$="/dist/preview.js"]'], text: ['h2.report-h'] }, (x) => x.counts['h2.report-h'] === 4, 'the 4 headings');
    assert.deepStrictEqual(r.texts['h2.report-h'], ['一、持之以恒加强领导班子自身建设', '二、主动作为全面提升参谋辅政能力', '三、统筹兼顾确保各项工作高效运转', '四、下一步工作打算']);
    assert.strictEqual(r.counts['h1.report-title'], 1);
    assert.strictEqual(r.counts['span.report-h'], 15, 'run-in headings of levels 2');
    assert.strictEqual(r.counts['script[src$="/dist/preview.js"]'], 1, 'the preview script');
    assert.ok(/vscode-light/.test(r.bodyClass), r.bodyClass);
    // Problems marked in place: the pasted ##paidbegin## of line 7.
    await vscode.commands.executeCommand('report.preview.toggleDiagnostics');
    const d = await probeUntil('seed-diags', { count: ['mark.report-diag-error'], text: ['mark.report-diag-error'] }, (x) => x.counts['mark.report-diag-error'] >= 2, 'the diagnostics markers');
    assert.ok(d.texts['mark.report-diag-error'].includes('##paidbegin##'), JSON.stringify(d.texts));
    await probe('flow-top', { scrollIntoView: '#report-root' });
    await screenshot('preview-flow-light');
  });

  it('updates live as the document changes', async function () {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(20, 2, 20, 9), '今后工作计划');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const r = await probeUntil('seed-edit', { text: ['h2.report-h'] }, (x) => (x.texts['h2.report-h'] || []).includes('四、今后工作计划'), 'the edited heading');
    assert.strictEqual(r.texts['h2.report-h'].length, 4);
  });

  it('scrolls the preview with the editor and the editor with the preview', async function () {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const revealed = waitFor(() => (editor.visibleRanges[0].start.line >= 12 ? editor.visibleRanges[0].start.line : undefined), [vscode.window.onDidChangeTextEditorVisibleRanges], 15000, 'the editor to scroll');
    editor.revealRange(new vscode.Range(14, 0, 14, 0), vscode.TextEditorRevealType.AtTop);
    const top = await revealed;
    // The preview shows at its top the line the editor shows at its top (long lines wrap in both).
    await probeUntil('scroll-from-editor', {}, (x) => x.topLine !== null && Math.abs(x.topLine - top) <= 1, `line ${top} at the top`);
    const moved = waitFor(() => (editor.visibleRanges[0].start.line >= 6 && editor.visibleRanges[0].start.line <= 8 ? true : undefined), [vscode.window.onDidChangeTextEditorVisibleRanges], 15000, 'the editor to follow the preview to line 7');
    await probe('scroll-from-preview', { scrollIntoView: '[data-line="7"]' });
    await moved;
  });

  it('scrolls the preview to a section chosen in the Outline (the editor reveals it)', async function () {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const atTop = waitFor(() => (editor.visibleRanges[0].start.line === 0 ? true : undefined), [vscode.window.onDidChangeTextEditorVisibleRanges], 15000, 'the editor at the top');
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await atTop;
    // The Outline opens the editor with the section selected and revealed: do the same.
    const revealed = waitFor(() => (editor.visibleRanges.some((r) => r.contains(new vscode.Position(15, 0))) && editor.visibleRanges[0].start.line > 0 ? editor.visibleRanges[0].start.line : undefined), [vscode.window.onDidChangeTextEditorVisibleRanges], 15000, 'line 16 revealed');
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(15, 0, 15, 0) });
    const top = await revealed;
    await probeUntil('outline-nav', {}, (x) => x.topLine !== null && Math.abs(x.topLine - top) <= 1, `line ${top} at the top of the preview`);
  });

  it('reveals the source line on double-click', async function () {
    const selected = waitFor(
      () => {
        const e = vscode.window.activeTextEditor;
        return e && e.document === doc && e.selection.active.line === 9 ? true : undefined;
      },
      [vscode.window.onDidChangeTextEditorSelection, vscode.window.onDidChangeActiveTextEditor],
      15000,
      'the cursor on line 10',
    );
    await probe('dblclick', { dblclick: '[data-line="9"]' });
    await selected;
  });

  it('shows A4 pages in the page view, none overflowing', async function () {
    await vscode.commands.executeCommand('report.preview.toggleView');
    const state = await poll(async () => (await previewState()).find((p) => p.view === 'page' && p.pages > 1), 30000, 'the page view');
    const r = await probeUntil('seed-page', { count: ['.report-page', 'h2.report-h'], measure: '.report-page-body', text: ['.report-page-number'] }, (x) => x.counts['.report-page'] > 1, 'pages');
    assert.strictEqual(r.counts['.report-page'], state.pages);
    assert.ok(r.counts['.report-page'] > 1);
    assert.strictEqual(r.counts['h2.report-h'], 4);
    assert.deepStrictEqual(r.texts['.report-page-number'], Array.from({ length: state.pages }, (_, i) => `— ${i + 1} —`));
    r.measure.forEach((m, i) => assert.ok(m.content <= m.height + 1, `page ${i + 1}: content ${m.content.toFixed(1)}px > text block ${m.height.toFixed(1)}px`));
    await probe('page-top', { scrollIntoView: '#report-root' });
    await screenshot('preview-page-light');
  });

  it('follows the dark theme', async function () {
    // Dark when the webview's background (VS Code's theme colour) is dark: the theme is applied.
    const dark = (x) => /vscode-dark/.test(x.bodyClass) && Number((/\d+/.exec(x.bodyBackground) || ['255'])[0]) < 100;
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('report.preview.toggleView');
    await probeUntil('dark-flow', { count: ['.report-flow'], scrollIntoView: '#report-root' }, (x) => x.counts['.report-flow'] === 1 && dark(x), 'the dark flow view');
    await screenshot('preview-flow-dark', { waitFor: '.monaco-workbench.vs-dark' });
    await vscode.commands.executeCommand('report.preview.toggleView');
    await probeUntil('dark-page', { scrollIntoView: '#report-root', count: ['.report-page'] }, (x) => x.counts['.report-page'] > 1 && dark(x), 'the dark page view');
    await screenshot('preview-page-dark', { waitFor: '.monaco-workbench.vs-dark' });
    await vscode.commands.executeCommand('report.preview.toggleView');
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
  });

  it('runs nothing and loads nothing remote from a report full of payloads', async function () {
    const file = path.join(process.env.E2E_WORKSPACE, PAYLOAD);
    fs.writeFileSync(file, PAYLOAD_TEXT);
    const payloadDoc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(payloadDoc, { preview: false, viewColumn: vscode.ViewColumn.One });
    await poll(async () => (await previewState()).find((p) => p.uri === payloadDoc.uri.toString() && p.ready), 30000, 'the preview to follow the payload report');
    const r = await probeUntil(
      'payloads',
      { flags: ['__pwned'], count: ['script[src$="/dist/preview.js"]', 'iframe', 'object', 'svg', 'meta[http-equiv="refresh"]', 'img', 'a[href^="javascript"]', '[onerror]', '[onload]', '#report-root [style]:not(.report-pages)'], text: ['h2.report-h', 'script', 'style'] },
      (x) => (x.texts['h2.report-h'] || []).some((t) => t.includes('总体情况')),
      'the payload report',
    );
    assert.strictEqual(r.flags.__pwned, null, 'a payload ran');
    assert.strictEqual(r.texts['h2.report-h'][0], '一、<script>window.__pwned=1</script>总体情况', 'raw HTML is shown as text');
    // VS Code's webview host adds a script and a style of its own; none comes from the report.
    assert.deepStrictEqual(r.counts, { 'script[src$="/dist/preview.js"]': 1, iframe: 0, object: 0, svg: 0, 'meta[http-equiv="refresh"]': 0, img: 0, 'a[href^="javascript"]': 0, '[onerror]': 0, '[onload]': 0, '#report-root [style]:not(.report-pages)': 0 });
    for (const t of [...r.texts.script, ...r.texts.style]) assert.ok(!/__pwned|evil\.example/.test(t), t.slice(0, 200));
    const remote = r.resources.filter((u) => /evil\.example/.test(u));
    assert.deepStrictEqual(remote, [], 'nothing remote was loaded');
  });

  it('stays on its document when locked, follows the active editor again when unlocked', async function () {
    const payloadUri = vscode.Uri.file(path.join(process.env.E2E_WORKSPACE, PAYLOAD)).toString();
    await vscode.commands.executeCommand('report.preview.toggleLock');
    await poll(async () => (await previewState()).find((p) => p.locked && p.uri === payloadUri), 10000, 'the preview to lock');
    await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
    const [locked] = await previewState();
    assert.strictEqual(locked.uri, payloadUri, 'a locked preview does not follow the editor');
    await probeUntil('locked', { text: ['h2.report-h'] }, (x) => (x.texts['h2.report-h'] || []).some((t) => t.includes('总体情况')), 'the locked document');
    await vscode.commands.executeCommand('report.preview.toggleLock');
    const other = await vscode.workspace.openTextDocument(workspaceUri('2026-shaanxi-government-work-report.txt'));
    await vscode.languages.setTextDocumentLanguage(other, 'report');
    await vscode.window.showTextDocument(other, { preview: false, viewColumn: vscode.ViewColumn.One });
    await poll(async () => (await previewState()).find((p) => !p.locked && p.uri === other.uri.toString()), 30000, 'the unlocked preview to follow');
    await probeUntil('unlocked', { text: ['h2.report-h'] }, (x) => (x.texts['h2.report-h'] || [])[0] === '一、2025年工作回顾', 'the 2026 report');
  });
});
