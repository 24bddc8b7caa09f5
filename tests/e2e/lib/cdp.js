'use strict';
// Desktop VS Code's side of the harness: the window of a VS Code started with
// --remote-debugging-port=PORT is reached over the Chrome DevTools Protocol (playwright-core's
// connectOverCDP), and the suite's requests are answered from it (lib/driver.js).
const http = require('http');
const net = require('net');
const path = require('path');
const { serveRequests } = require('./driver');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Waits (bounded by timeoutMs, and given up when `gone()` says VS Code has exited) for the
 * DevTools endpoint on 127.0.0.1:port, connects, and serves the suite's requests.
 * Returns { browser, stop(), closeApp() } or null when there was nothing to attach to. */
async function attachWorkbench({ port, harnessDir, shotsDir, log, gone = () => false, timeoutMs = 120000 }) {
  const end = Date.now() + timeoutMs;
  const endpoint = `http://127.0.0.1:${port}`;
  while ((await httpStatus(`${endpoint}/json/version`)) !== 200) {
    if (gone()) return null;
    if (Date.now() > end) throw new Error(`VS Code's DevTools endpoint ${endpoint} did not answer within ${Math.round(timeoutMs / 1000)}s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const { chromium } = require(require.resolve('playwright-core', { paths: [REPO_ROOT] }));
  const browser = await chromium.connectOverCDP(endpoint, { timeout: 30000 });
  log(`attached to VS Code's window over ${endpoint}`);
  const pages = () => browser.contexts().flatMap((c) => c.pages());
  const requests = serveRequests({ harnessDir, shotsDir, pages, log });
  return {
    browser,
    /** Stops answering and disconnects (VS Code itself is left alone). */
    async stop() {
      await requests.stop();
      await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    },
    /** Asks VS Code to quit (CDP Browser.close), for a run that went over its time. */
    async closeApp() {
      const session = await browser.newBrowserCDPSession();
      await session.send('Browser.close');
    },
  };
}

module.exports = { freePort, attachWorkbench };
