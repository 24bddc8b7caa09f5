/**
 * Export to HTML: one self-contained file with the look of the preview's page view (A4 pages per
 * GB/T 9704-2012). The pages come from the preview's renderer (renderDocument, view 'page') and
 * its page CSS is inlined; no script, nothing loaded from elsewhere (a Content Security Policy
 * says so to the browser), `@page` rules so that the browser prints one A4 sheet per page.
 */
import type { ReportModel } from '../../model/types';
import { escapeHtml, pageCss, renderDocument } from '../render/render';

/** Page chrome the browser needs around the page view: no body margin, pages centred on screen. */
const DOCUMENT_CSS = `html, body { margin: 0; padding: 0; }
body { background: #d9d9d9; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { html, body { background: none; } }`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:";

/** The HTML file of a report (UTF-8 text). */
export function exportHtml(model: ReportModel): string {
  const rendered = renderDocument(model, { view: 'page' });
  // Source line numbers are for the preview's scroll sync; an exported file does not need them.
  const body = rendered.html.replace(/ data-line="\d+"/g, '');
  const title = rendered.title || 'Report';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Report Language Tools">
<title>${escapeHtml(title)}</title>
<style>
${DOCUMENT_CSS}
${pageCss()}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
