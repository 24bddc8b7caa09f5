import type { CancellationToken } from './util/cancellation';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { resolveRule, type EngineConfig } from './config';
import type { ReportModel } from './model/types';
import { suppressions } from './features/suppressions';
import { RULES } from './rules';
import type { Finding, Fix, Rule, Severity } from './rules/types';

export const DIAGNOSTIC_SOURCE = 'report';

export const SEVERITY_TO_LSP: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A diagnostic together with the rule and the fixes that produced it. */
export interface RuleDiagnostic {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly finding: Finding;
  readonly diagnostic: Diagnostic;
}

function docsHref(config: EngineConfig, id: string): string | undefined {
  return config.docsBase ? `${config.docsBase.replace(/\/$/, '')}/${id}.md` : undefined;
}

/** Runs every enabled rule on the model; findings become LSP diagnostics with stable codes. */
export function runRules(model: ReportModel, config: EngineConfig, token?: CancellationToken, rules: readonly Rule[] = RULES): RuleDiagnostic[] {
  const out: RuleDiagnostic[] = [];
  const silenced = suppressions(model); // <!-- report-disable … --> comments
  for (const rule of rules) {
    if (token?.isCancellationRequested) return [];
    const resolved = resolveRule(config, rule);
    if (resolved.severity === 'off') continue;
    let findings: Finding[];
    try {
      findings = rule.check(model, resolved.options as Parameters<Rule['check']>[1], token);
    } catch (e) {
      // A rule must never take the server down; report the failure as a diagnostic of its own.
      findings = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `internal error in rule ${rule.id}: ${e instanceof Error ? e.message : String(e)}`, severity: 'hint' }];
    }
    for (const finding of findings) {
      if (silenced.isSuppressed(rule.id, finding.range.start.line)) continue;
      const severity = finding.severity ?? resolved.severity;
      const href = docsHref(config, rule.id);
      const diagnostic: Diagnostic = {
        range: finding.range,
        severity: SEVERITY_TO_LSP[severity],
        code: rule.id,
        source: DIAGNOSTIC_SOURCE,
        message: finding.message,
        ...(href ? { codeDescription: { href } } : {}),
        ...(finding.related ? { relatedInformation: finding.related } : {}),
        ...(finding.data ? { data: finding.data } : {}),
      };
      out.push({ rule, severity, finding, diagnostic });
    }
  }
  out.sort((a, b) => a.finding.range.start.line - b.finding.range.start.line || a.finding.range.start.character - b.finding.range.start.character);
  return out;
}

export function diagnostics(model: ReportModel, config: EngineConfig, token?: CancellationToken): Diagnostic[] {
  return runRules(model, config, token).map((d) => d.diagnostic);
}

export type { Fix };
