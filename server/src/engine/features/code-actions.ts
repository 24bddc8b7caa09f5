import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import { t } from '../i18n';
import type { CancellationToken } from '../util/cancellation';

/** `source.fixAll.report`: applies every safe (preferred) fix of the document at once. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.report`;

export interface CodeActionQuery {
  readonly range: Range;
  /** The diagnostics the editor shows in the range (matched by rule, range and message). */
  readonly diagnostics: readonly Diagnostic[];
  /** Kinds the editor asks for (`quickfix`, `source.fixAll` …); all when absent. */
  readonly only?: readonly string[];
}

function overlaps(a: Range, b: Range): boolean {
  const aEndsBefore = a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character);
  const bEndsBefore = b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character);
  return !aEndsBefore && !bEndsBefore;
}

/** What identifies a diagnostic the editor sends back: rule, message and range. */
function diagnosticKey(d: Diagnostic): string {
  return `${typeof d.code}:${String(d.code)}\u0000${d.message}\u0000${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

function wanted(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * Quick fixes for the findings in a range, read from the version's analysis (no rule runs here),
 * plus the fix-all source action.
 */
export function codeActions(analysis: Analysis, query: CodeActionQuery, token?: CancellationToken): CodeAction[] {
  const { model } = analysis;
  const actions: CodeAction[] = [];
  if (wanted(query.only, CodeActionKind.QuickFix)) {
    // The editor may send every diagnostic of the document (select all): look them up, do not search.
    const sent = new Map<string, Diagnostic>();
    for (const x of query.diagnostics) if (!sent.has(diagnosticKey(x))) sent.set(diagnosticKey(x), x);
    for (const d of analysis.findings) {
      if (token?.isCancellationRequested) return [];
      if (!d.finding.fixes?.length) continue;
      const shown = sent.get(diagnosticKey(d.diagnostic));
      if (!shown && !overlaps(d.diagnostic.range, query.range)) continue;
      for (const fix of d.finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [shown ?? d.diagnostic],
          isPreferred: fix.preferred === true,
          edit: { changes: { [model.uri]: fix.edits } },
        });
      }
    }
  }
  // Only when asked for (Source Action…, codeActionsOnSave): not on every cursor move of the light bulb.
  if (query.only !== undefined && query.only.length > 0 && wanted(query.only, FIX_ALL_KIND)) {
    const edits = analysis.fixAllEdits(token);
    if (edits.length > 0) {
      actions.push({ title: t('Fix all auto-fixable report problems'), kind: FIX_ALL_KIND, edit: { changes: { [model.uri]: edits } } });
    }
  }
  return actions;
}
