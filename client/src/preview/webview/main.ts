/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The preview's own script (bundled by esbuild for the browser into dist/preview.js, loaded with
 * the CSP nonce). It patches the rendered report into the page with morphdom (no reload, the
 * scroll position stays), keeps the preview and the editor scrolled together, and hands links,
 * double-clicks and toolbar buttons to the extension. It never evaluates anything from the report.
 */
import morphdom from 'morphdom';
import type { ToWebview, FromWebview } from '../messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('report-root') as HTMLElement;
/** From the extension: the first line to show, and what to restore after a window reload. */
const settings = JSON.parse(document.getElementById('report-settings')?.getAttribute('data-settings') ?? '{}') as { line?: number; uri?: string; locked?: boolean };

/**
 * Where we last scrolled on the editor's behalf: a scroll event that lands there is ours and is not
 * sent back to the editor; any other position is the user's (a time window would drop user scrolls
 * that come right after an editor-driven one).
 */
let programmaticY: number | undefined;

function scrollOnEditorsBehalf(y: number): void {
  const max = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
  const target = Math.round(Math.min(Math.max(0, y), max));
  if (Math.abs(window.scrollY - target) < 1) return;
  programmaticY = target;
  window.scrollTo(0, target);
}
let zoom = 1;

function blocks(): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-line]')).filter((el) => el.parentElement?.closest('[data-line]') === null || el.tagName === 'TR');
}

function lineOf(el: Element): number {
  return Number(el.getAttribute('data-line'));
}

/** Height of the sticky toolbar: content under it is not visible. */
function toolbarHeight(): number {
  return document.querySelector('.report-toolbar')?.getBoundingClientRect().height ?? 0;
}

/** Document-relative top of an element (in CSS pixels of the page, zoom included). */
function topOf(el: Element): number {
  return el.getBoundingClientRect().top + window.scrollY;
}

/** The block at or before a source line and the next block after it. */
function around(line: number): { prev?: HTMLElement; next?: HTMLElement } {
  let prev: HTMLElement | undefined;
  let next: HTMLElement | undefined;
  for (const el of blocks()) {
    const l = lineOf(el);
    if (l <= line && (!prev || l > lineOf(prev))) prev = el;
    if (l > line && (!next || l < lineOf(next))) next = el;
  }
  return { prev, next };
}

function scrollToLine(line: number): void {
  const { prev, next } = around(line);
  if (!prev) {
    scrollOnEditorsBehalf(0);
    return;
  }
  const l0 = lineOf(prev);
  let y = topOf(prev);
  if (next && line > l0) {
    const l1 = lineOf(next);
    y += ((line - l0) / (l1 - l0)) * Math.max(0, topOf(next) - y);
  }
  scrollOnEditorsBehalf(y - toolbarHeight() - 8);
}

/** The source line at the top of the preview (fractional: between blocks). */
function lineAtTop(): number | undefined {
  const y = window.scrollY + toolbarHeight() + 8;
  let best: HTMLElement | undefined;
  let first: HTMLElement | undefined;
  for (const el of blocks()) {
    if (!first || topOf(el) < topOf(first)) first = el;
    if (topOf(el) <= y && (!best || topOf(el) >= topOf(best))) best = el;
  }
  if (!best) return first ? lineOf(first) : undefined;
  const { next } = around(lineOf(best));
  const top = topOf(best);
  const height = best.getBoundingClientRect().height || 1;
  const l0 = lineOf(best);
  const l1 = next ? lineOf(next) : l0 + 1;
  return l0 + Math.min(1, Math.max(0, (y - top) / height)) * (l1 - l0);
}

/** Page view: scale the A4 pages down to the panel's width. */
function fitPages(): void {
  const pages = root.querySelector<HTMLElement>('.report-pages');
  if (!pages) return;
  const page = pages.querySelector<HTMLElement>('.report-page');
  const natural = page ? page.offsetWidth : 794;
  zoom = Math.min(1, (document.documentElement.clientWidth - 24) / (natural || 794));
  pages.style.setProperty('zoom', String(Math.max(0.3, zoom)));
}

function update(msg: Extract<ToWebview, { type: 'update' }>): void {
  const keepLine = msg.view !== document.body.dataset['view'] ? lineAtTop() : undefined;
  document.body.dataset['view'] = msg.view;
  document.body.classList.toggle('view-page', msg.view === 'page');
  document.body.classList.toggle('view-flow', msg.view === 'flow');
  morphdom(root, `<div id="report-root">${msg.html}</div>`, { childrenOnly: true });
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-command]')) {
    const state = b.dataset['state'];
    if (state === 'view') b.setAttribute('aria-pressed', String(msg.view === 'page'));
    if (state === 'diagnostics') b.setAttribute('aria-pressed', String(msg.diagnostics));
    if (state === 'locked') b.setAttribute('aria-pressed', String(msg.locked));
  }
  document.body.dataset['pages'] = String(msg.pages);
  settings.locked = msg.locked;
  fitPages();
  if (keepLine !== undefined) scrollToLine(keepLine);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const msg = event.data;
  if (msg.type === 'update') update(msg);
  else if (msg.type === 'scrollTo') scrollToLine(msg.line);
});

window.addEventListener('scroll', () => {
  const line = lineAtTop();
  if (line === undefined) return;
  vscode.setState({ line, uri: settings.uri, locked: settings.locked });
  if (programmaticY !== undefined && Math.abs(window.scrollY - programmaticY) <= 2) return;
  programmaticY = undefined;
  vscode.postMessage({ type: 'scroll', line });
}, { passive: true });

window.addEventListener('resize', fitPages);

document.addEventListener('dblclick', (e) => {
  const el = (e.target as Element | null)?.closest('[data-line]');
  if (el) vscode.postMessage({ type: 'reveal', line: lineOf(el) });
});

document.addEventListener('click', (e) => {
  const target = e.target as Element | null;
  const button = target?.closest<HTMLElement>('[data-command]');
  if (button) {
    vscode.postMessage({ type: 'command', command: button.dataset['command'] ?? '' });
    return;
  }
  const a = target?.closest('a');
  if (!a) return;
  e.preventDefault(); // never navigate the webview: the extension opens links through VS Code
  const href = a.getAttribute('href');
  if (href) vscode.postMessage({ type: 'link', href });
});

// First paint: the content is in the HTML already; restore the scroll position.
fitPages();
const state = vscode.getState() as { line?: number; uri?: string } | undefined;
const start = state?.uri === settings.uri ? (state?.line ?? settings.line) : settings.line;
vscode.setState({ line: start ?? 0, uri: settings.uri, locked: settings.locked });
if (typeof start === 'number' && start > 0) scrollToLine(start);
vscode.postMessage({ type: 'ready' });
