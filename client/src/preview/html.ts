/** The preview page: strict CSP (nonce for our one script and the page-view style), toolbar, first render. */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { RenderResponse } from '../../../common/protocol';

export interface PreviewHtmlInput {
  readonly webview: vscode.Webview;
  readonly extensionUri: vscode.Uri;
  readonly document: vscode.Uri;
  readonly response: RenderResponse;
  readonly diagnostics: boolean;
  readonly locked: boolean;
  /** Source line to scroll to on first paint. */
  readonly line: number;
  /** Export commands available for the toolbar. */
  readonly exports: readonly string[];
}

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function previewHtml(i: PreviewHtmlInput): string {
  const nonce = randomBytes(16).toString('base64');
  const w = i.webview;
  const media = (f: string): string => w.asWebviewUri(vscode.Uri.joinPath(i.extensionUri, f)).toString();
  const base = i.document.scheme === 'file' ? `<base href="${attr(w.asWebviewUri(vscode.Uri.joinPath(i.document, '..')).toString())}/">` : '';
  const csp = [
    "default-src 'none'",
    `img-src ${w.cspSource}`,
    `style-src ${w.cspSource} 'nonce-${nonce}'`,
    `font-src ${w.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "frame-src 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "base-uri " + w.cspSource,
  ].join('; ');
  const r = i.response;
  const button = (command: string, label: string, state: string, pressed: boolean | undefined, title: string): string =>
    `<button type="button" data-command="${command}"${state ? ` data-state="${state}"` : ''}${pressed === undefined ? '' : ` aria-pressed="${pressed}"`} title="${attr(title)}">${attr(label)}</button>`;
  const toolbar = [
    button('report.preview.toggleView', vscode.l10n.t('Page view'), 'view', r.view === 'page', vscode.l10n.t('Switch between the flow view and the A4 page view (GB/T 9704)')),
    button('report.preview.toggleDiagnostics', vscode.l10n.t('Problems'), 'diagnostics', i.diagnostics, vscode.l10n.t('Mark the problems found in the report')),
    button('report.preview.toggleLock', vscode.l10n.t('Lock'), 'locked', i.locked, vscode.l10n.t('Keep this preview on this document')),
    ...i.exports.map((c) => button(c, c.endsWith('Docx') ? vscode.l10n.t('Word') : vscode.l10n.t('HTML'), '', undefined, c.endsWith('Docx') ? vscode.l10n.t('Export to Word (.docx)') : vscode.l10n.t('Export to HTML'))),
  ].join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${base}
<link rel="stylesheet" href="${attr(media('media/preview.css'))}">
<style nonce="${nonce}">${r.pageCss}</style>
<title>${attr(r.title)}</title>
</head>
<body class="view-${r.view}" data-view="${r.view}" data-pages="${r.pages}">
<div class="report-toolbar" role="toolbar">${toolbar}</div>
<div id="report-settings" data-settings="${attr(JSON.stringify({ line: i.line, uri: i.document.toString(), locked: i.locked }))}"></div>
<div id="report-root">${r.html}</div>
<script nonce="${nonce}" src="${attr(media('dist/preview.js'))}"></script>
</body>
</html>`;
}
