import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import type { RuleDiagnostic } from '../diagnostics';
import { t } from '../i18n';
import type { CancellationToken } from '../util/cancellation';

/** `source.fixAll.report`: applies every safe (preferred) fix of the document at once. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.report`;

export interface CodeActionQuery {
  readonly range: Range;
  /** The diagnostics the editor shows in the range (matched by rule and line, and by range and message when they agree). */
  readonly diagnostics: readonly Diagnostic[];
  /** Kinds the editor asks for (`quickfix`, `source.fixAll` …); all when absent. */
  readonly only?: readonly string[];
}

function overlaps(a: Range, b: Range): boolean {
  const aEndsBefore = a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character);
  const bEndsBefore = b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character);
  return !aEndsBefore && !bEndsBefore;
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message && JSON.stringify(a.range) === JSON.stringify(b.range);
}

/**
 * The diagnostic the editor sent back for each finding: the same one exactly, else the one finding
 * of that rule on that line with that message, else the only one of that rule on that line (some
 * clients send byte columns, or ranges of their own).
 */
function matchSent(findings: readonly RuleDiagnostic[], sent: readonly Diagnostic[]): Map<RuleDiagnostic, Diagnostic> {
  const matched = new Map<RuleDiagnostic, Diagnostic>();
  if (sent.length === 0) return matched;
  // The editor may send every diagnostic of the document (select all): the findings with fixes are
  // looked up by rule and line, not searched for each diagnostic sent.
  const key = (d: Diagnostic): string => `${typeof d.code}:${String(d.code)}\u0000${d.range.start.line}`;
  const byRuleAndLine = new Map<string, RuleDiagnostic[]>();
  for (const d of findings) {
    if (!d.finding.fixes?.length) continue;
    const list = byRuleAndLine.get(key(d.diagnostic));
    if (list) list.push(d);
    else byRuleAndLine.set(key(d.diagnostic), [d]);
  }
  for (const x of sent) {
    const candidates = byRuleAndLine.get(key(x)) ?? [];
    const pick = candidates.find((d) => sameDiagnostic(x, d.diagnostic)) ?? candidates.find((d) => d.diagnostic.message === x.message) ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (pick && !matched.has(pick)) matched.set(pick, x);
  }
  return matched;
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
    const sent = matchSent(analysis.findings, query.diagnostics);
    for (const d of analysis.findings) {
      if (token?.isCancellationRequested) return [];
      if (!d.finding.fixes?.length) continue;
      const shown = sent.get(d);
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
