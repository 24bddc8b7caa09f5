'use strict';
// Helpers for the e2e tests (run inside the VS Code extension host).
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
// Screenshots and DOM probes are answered by whichever host runs the suite (code-server or desktop).
const { screenshot, probeDom } = require('./harness');

/** Resolve when predicate() returns a truthy value, checking on each event fired
 * by one of `events` (vscode.Event) and once at start; reject after timeoutMs. */
function waitFor(predicate, events, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const disposables = [];
    let done = false;
    const finish = (fn, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const d of disposables) d.dispose();
      fn(value);
    };
    const check = async () => {
      try {
        const v = await predicate();
        if (v) finish(resolve, v);
      } catch (e) {
        finish(reject, e);
      }
    };
    const timer = setTimeout(() => finish(reject, new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    for (const ev of events) disposables.push(ev(() => void check()));
    void check();
  });
}

/** Retry an async function until it returns a truthy value: for results that
 * have no change event (e.g. providers answering before the server is ready).
 * Bounded by timeoutMs; the interval doubles from 50 ms up to 1 s. */
async function poll(fn, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  let delay = 50;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() + delay > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 1000);
  }
}

function workspaceUri(name) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Writes a report into the workspace, opens it in an editor and checks it is a `report` document. */
async function openNew(name, text) {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  if (doc.languageId !== 'report') throw new Error(`${name} opened as ${doc.languageId}, not report`);
  return doc;
}

/** The files of a log output channel (vscode.window.createOutputChannel(name, { log: true })) under
 * VS Code's logs folder (<user-data>/logs/<session>/…/<name>.log). */
function outputLogFiles(channelName) {
  const root = path.join(process.env.E2E_USER_DATA || '', 'logs');
  if (!process.env.E2E_USER_DATA || !fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => path.basename(f) === `${channelName}.log`)
    .map((f) => path.join(root, f));
}

/** The text of a log output channel so far ('' when it has not been written yet). */
function outputLog(channelName) {
  return outputLogFiles(channelName)
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

module.exports = { waitFor, poll, screenshot, workspaceUri, openNew, probeDom, outputLog };
