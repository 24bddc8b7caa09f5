/**
 * Imported first by extension.ts, so this line runs before any other module of the bundle is
 * evaluated (vscode-languageclient included): the start of the bundle's load, for the
 * "Activated in … ms" line.
 */
export const loadStart = performance.now();
