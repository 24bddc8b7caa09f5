/** Messages between the preview panel (extension host) and its webview script. */

export type PreviewView = 'flow' | 'page';

export type ToWebview =
  | { type: 'update'; html: string; view: PreviewView; pages: number; diagnostics: boolean; locked: boolean; version: number }
  | { type: 'scrollTo'; line: number };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'scroll'; line: number }
  | { type: 'reveal'; line: number }
  | { type: 'link'; href: string }
  | { type: 'command'; command: string };

/** Toolbar buttons may only run these commands. */
export const TOOLBAR_COMMANDS = ['report.preview.toggleView', 'report.preview.toggleDiagnostics', 'report.preview.toggleLock', 'report.exportDocx', 'report.exportHtml'] as const;
