'use strict';
// The host side of the suite's requests (tests/e2e/suite/harness.js): the extension host cannot
// see the workbench's DOM or a webview's, the harness can, through the browser (code-server:
// the headless Chromium it drives; desktop VS Code: its window over the Chrome DevTools Protocol).
//
// A request is a file <harness>/requests/<id>.json, {kind: 'screenshot' | 'probe', ...}, written
// under a temporary name and renamed; the answer is <harness>/results/<id>.json, written the same
// way. Nothing from a request is evaluated as code: the probe is the fixed function below.
const fs = require('fs');
const path = require('path');

const POLL_MS = 100;

function safeName(name, fallback) {
  return String(name).replace(/[^\w.-]+/g, '_').slice(0, 80) || fallback;
}

function writeAtomic(file, text) {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

/** Reads one frame's DOM for a probe request (runs in the page, never given code to run).
 * {selector, count?: [css], text?: [css], measure?: css, flags?: [global names],
 *  scrollIntoView?: css, dblclick?: css}; undefined when the frame has no `selector`. */
function probeFrame(q) {
  /* global document, location, window, MouseEvent */
  if (!document.querySelector(q.selector)) return undefined;
  const all = (sel) => Array.from(document.querySelectorAll(sel));
  // Actions a user would do: scroll an element into view, double-click an element.
  if (q.scrollIntoView) document.querySelector(q.scrollIntoView)?.scrollIntoView({ block: 'start' });
  if (q.dblclick) document.querySelector(q.dblclick)?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, cancelable: true, view: window }));
  const tops = all('[data-line]').filter((e) => e.getBoundingClientRect().top <= 60);
  const out = {
    found: true,
    url: location.protocol,
    bodyClass: document.body.className,
    bodyBackground: window.getComputedStyle(document.body).backgroundColor,
    scrollY: window.scrollY,
    topLine: tops.length ? Number(tops[tops.length - 1].getAttribute('data-line')) : null,
    resources: performance.getEntriesByType('resource').map((e) => e.name),
    counts: {},
    texts: {},
    flags: {},
    measure: [],
  };
  for (const sel of q.count || []) out.counts[sel] = all(sel).length;
  for (const sel of q.text || []) out.texts[sel] = all(sel).slice(0, 50).map((e) => e.textContent);
  for (const name of q.flags || []) out.flags[name] = window[name] === undefined ? null : String(window[name]);
  if (q.measure) {
    out.measure = all(q.measure).map((el) => {
      const box = el.getBoundingClientRect();
      const bottom = Math.max(box.top, ...Array.from(el.children).map((c) => c.getBoundingClientRect().bottom));
      return { height: box.height, content: bottom - box.top };
    });
  }
  return out;
}

/** The first frame of `pages()` whose document has `selector`, read with probeFrame; polls until
 * found or req.timeoutMs (default 15 s). */
async function probe(pages, req) {
  const end = Date.now() + (req.timeoutMs || 15000);
  for (;;) {
    for (const page of pages()) {
      for (const frame of page.frames()) {
        const r = await frame.evaluate(probeFrame, req).catch(() => undefined);
        if (r) return r;
      }
    }
    if (Date.now() > end) return { found: false };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The page that shows the workbench (desktop VS Code may have other targets). */
async function workbenchPage(pages) {
  for (const page of pages()) {
    if (await page.evaluate(() => !!globalThis.document.querySelector('.monaco-workbench')).catch(() => false)) return page;
  }
  return pages()[0];
}

/** Saves a screenshot of the workbench as <shotsDir>/<name>.png (after `waitForSelector`, bounded)
 * and logs what the Outline view and the Problems panel show. Returns {file} or {error}. */
async function screenshot(pages, shotsDir, name, waitForSelector, log) {
  const safe = safeName(name, 'shot');
  const file = path.join(shotsDir, `${safe}.png`);
  try {
    const page = await workbenchPage(pages);
    if (!page) throw new Error('no workbench page');
    if (waitForSelector) {
      await page.waitForSelector(waitForSelector, { timeout: 15000 }).catch((e) => log(`screenshot ${safe}: ${e.message.split('\n')[0]}`));
    }
    fs.mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: `${file}.tmp.png`, timeout: 20000 });
    fs.renameSync(`${file}.tmp.png`, file);
    // Runs in the page: the workbench's document.
    const ui = await page.evaluate(() => {
      const rows = (sel) => Array.from(globalThis.document.querySelectorAll(sel)).map((r) => r.getAttribute('aria-label') || r.textContent || '').slice(0, 12);
      return { outline: rows('.outline-pane .monaco-list-row'), problems: rows('.markers-panel .monaco-list-row') };
    });
    log(`screenshot ${file}`);
    for (const [k, v] of Object.entries(ui)) {
      if (v.length) log(`  ${k}: ${v.map((x) => JSON.stringify(x.slice(0, 60))).join(', ')}`);
    }
    return { file };
  } catch (e) {
    log(`screenshot ${safe} failed: ${e.message}`);
    return { error: e.message };
  }
}

/** Answers the suite's requests in `harnessDir` until stop(). `pages()` lists the browser pages to
 * look in (playwright Page objects). Screenshots are taken one at a time, probes at once. */
function serveRequests({ harnessDir, shotsDir, pages, log }) {
  const requests = path.join(harnessDir, 'requests');
  const results = path.join(harnessDir, 'results');
  fs.mkdirSync(requests, { recursive: true });
  fs.mkdirSync(results, { recursive: true });
  const inFlight = new Set();
  let shotChain = Promise.resolve();
  let stopped = false;

  async function answer(id, req) {
    let result;
    if (req.kind === 'screenshot') {
      const run = shotChain.then(() => (shotsDir ? screenshot(pages, shotsDir, req.name, req.waitFor, log) : { error: 'no screenshot folder (E2E_SCREENSHOTS)' }));
      shotChain = run.catch(() => undefined);
      result = await run;
    } else if (req.kind === 'probe') {
      result = await probe(pages, req);
    } else {
      result = { error: `unknown request kind ${JSON.stringify(req.kind)}` };
    }
    writeAtomic(path.join(results, `${id}.json`), JSON.stringify(result));
  }

  function scan() {
    let names = [];
    try {
      names = fs.readdirSync(requests).filter((n) => n.endsWith('.json'));
    } catch {
      return;
    }
    for (const n of names) {
      const file = path.join(requests, n);
      let req;
      try {
        req = JSON.parse(fs.readFileSync(file, 'utf8'));
        fs.rmSync(file, { force: true });
      } catch {
        continue;
      }
      const id = n.slice(0, -'.json'.length);
      const p = answer(id, req)
        .catch((e) => writeAtomic(path.join(results, `${id}.json`), JSON.stringify({ error: e.message })))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  }

  const timer = setInterval(() => {
    if (!stopped) scan();
  }, POLL_MS);
  return {
    /** Stops taking requests and waits (bounded) for the ones under way. */
    async stop(timeoutMs = 30000) {
      stopped = true;
      clearInterval(timer);
      await Promise.race([Promise.all([...inFlight]), new Promise((r) => setTimeout(r, timeoutMs))]);
    },
  };
}

module.exports = { serveRequests, screenshot, probe };
