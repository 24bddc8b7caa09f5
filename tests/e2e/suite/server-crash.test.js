'use strict';
// End-to-end: the language server process is killed (SIGKILL) twice; the client restarts it each
// time (vscode-languageclient's standard policy) and tells the user once. The server is the
// extension host's child process running dist/server.js; the notice is read from the workbench's
// notification center (the browser DOM, through run.js) and from the extension's output log.
const assert = require('assert');
const path = require('path');
const { execFileSync } = require('child_process');
const vscode = require('vscode');
const { waitFor, poll, openNew, probeDom, outputLog } = require('./helpers');

const EXTENSION_ID = 'report-tools.report-language-tools';
const CHANNEL = 'Report Language Server';
const NOTICE = /The report language server stopped unexpectedly and was restarted|报告语言服务器意外停止，已自动重启/;
const GAVE_UP = /stopped unexpectedly 5 times in 3 minutes and will not be restarted|在 3 分钟内意外停止了 5 次/;
const DOC = 'server-crash.report.md';
const TEXT = ['# 工作总结', '', '一、主要工作', '', '今年完成了各项任务。##paidbegin##', ''].join('\n');

function codeOf(d) {
  const c = d.code;
  return c && typeof c === 'object' ? String(c.value) : String(c);
}

/** The pids of the language servers this extension host runs (children running dist/server.js). */
function serverPids(serverJs) {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m) => m && Number(m[2]) === process.pid && m[3].includes(serverJs))
    .map((m) => Number(m[1]));
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stray-marker diagnostics on `line` of `uri` (the server's answer for the current text). */
function waitForMarkerOn(uri, line, what) {
  return waitFor(
    () => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'stray-marker' && d.range.start.line === line),
    [vscode.languages.onDidChangeDiagnostics],
    45000,
    what,
  );
}

/** The notices in the notification center (opened for the reading, closed after). */
async function notices(name, pattern = NOTICE) {
  await vscode.commands.executeCommand('notifications.showList');
  try {
    const sel = '.notifications-center .notification-list-item-message';
    const r = await probeDom(name, { selector: '.monaco-workbench', text: [sel] });
    assert.ok(r.found, 'the workbench DOM was not found');
    return (r.texts[sel] || []).filter((t) => pattern.test(t));
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}

describe('server crash recovery', function () {
  this.timeout(180000);
  let serverJs;
  let doc;

  before(async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    serverJs = path.join(ext.extensionPath, 'dist', 'server.js');
    doc = await openNew(DOC, TEXT);
    await waitForMarkerOn(doc.uri, 4, 'the first diagnostics');
  });

  /** Kills the running server with SIGKILL; resolves with the pid of the one that replaces it. */
  async function crash() {
    const [pid] = await poll(() => {
      const p = serverPids(serverJs);
      return p.length === 1 ? p : undefined;
    }, 30000, `exactly one ${serverJs} process, child of the extension host ${process.pid}`);
    process.kill(pid, 'SIGKILL');
    await poll(() => !alive(pid) || undefined, 10000, `server ${pid} to end`);
    const [next] = await poll(() => {
      const p = serverPids(serverJs).filter((x) => x !== pid);
      return p.length ? p : undefined;
    }, 30000, 'the restarted server process');
    return { killed: pid, restarted: next };
  }

  /** Adds a line with a stray marker and waits for the (restarted) server to report it. */
  async function editAndWait(what) {
    const line = doc.lineCount; // the new line's index
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.lineAt(line - 1).range.end, '\n又粘贴了一段。##paidbegin##');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForMarkerOn(doc.uri, line, what);
  }

  it('restarts the server after a crash and tells the user once', async function () {
    const { killed, restarted } = await crash();
    console.log(`      killed server ${killed}; restarted as ${restarted}`);
    await editAndWait('diagnostics from the restarted server');
    const shown = await poll(async () => {
      const n = await notices('crash-notice-1');
      return n.length > 0 ? n : undefined;
    }, 20000, 'the crash notice in the notification center');
    assert.strictEqual(shown.length, 1, JSON.stringify(shown));
    const log = await poll(() => {
      const l = outputLog(CHANNEL);
      return /crash 1 in this session\): restarting it\. The user was notified\./.test(l) ? l : undefined;
    }, 20000, 'the crash line in the output log');
    assert.ok(log.includes('stopped unexpectedly'));
  });

  it('restarts it again after a second crash, without a second notice', async function () {
    const { killed, restarted } = await crash();
    console.log(`      killed server ${killed}; restarted as ${restarted}`);
    await editAndWait('diagnostics from the server restarted a second time');
    // Logged (not notified) by the time the server is back: the handler runs before the restart.
    const log = await poll(() => {
      const l = outputLog(CHANNEL);
      return /crash 2 in this session\): restarting it\./.test(l) ? l : undefined;
    }, 20000, 'the second crash line in the output log');
    assert.ok(!/crash 2 in this session\): restarting it\. The user was notified/.test(log), 'the second crash must not notify');
    const shown = await notices('crash-notice-2');
    assert.strictEqual(shown.length, 1, `one notice in the notification center, got ${JSON.stringify(shown)}`);
  });

  it('does not count a deliberate restart (Report: Restart Language Server) as a crash', async function () {
    const before = serverPids(serverJs);
    await vscode.commands.executeCommand('report.restartServer');
    await poll(() => {
      const p = serverPids(serverJs);
      return p.length === 1 && !before.includes(p[0]);
    }, 30000, 'the server started by the restart command');
    await editAndWait('diagnostics after the restart command');
    const log = outputLog(CHANNEL);
    assert.ok(!/crash 3 in this session/.test(log), 'the restart command is not a crash');
    assert.strictEqual((await notices('crash-notice-3')).length, 1);
  });

  it('gives up after 5 crashes in 3 minutes with a clear error; the restart command brings the server back', async function () {
    // The restart command above reset the standard policy: 4 more crashes are restarted...
    for (let i = 0; i < 4; i++) {
      await crash();
      await editAndWait(`diagnostics after restart ${i + 1} of 4`);
    }
    // ...and the 5th is not.
    const [pid] = serverPids(serverJs);
    process.kill(pid, 'SIGKILL');
    await poll(() => /will not be restarted/.test(outputLog(CHANNEL)) || undefined, 20000, 'the "will not be restarted" line in the output log');
    assert.deepStrictEqual(serverPids(serverJs).filter((p) => p !== pid), [], 'no server is started after the policy gave up');
    const errors = await poll(async () => {
      const e = await notices('crash-gave-up', GAVE_UP);
      return e.length ? e : undefined;
    }, 20000, 'the error in the notification center');
    assert.strictEqual(errors.length, 1, JSON.stringify(errors));
    assert.strictEqual((await notices('crash-notice-4')).length, 1, 'still one crash notice');
    await vscode.commands.executeCommand('report.restartServer');
    await poll(() => serverPids(serverJs).length === 1, 30000, 'the server started by the restart command');
    await editAndWait('diagnostics after restarting the server that had been given up');
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
