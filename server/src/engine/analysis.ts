/**
 * The analysis of one document version under one configuration: its model, every rule's findings
 * as diagnostics, and (computed when first asked) the edits of fix-all. Diagnostics, quick fixes,
 * fix-all, hover and the preview's problem marks all read the same analysis; nothing re-runs the
 * rules for a version that was analysed. Who keeps analyses, and when they are let go, is the
 * caller's decision (the server's document cache, the CLI's one pass per file).
 */
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { rulesRunOn, DOCUMENT_SIZE_LIMIT, type EngineConfig } from './config';
import { DIAGNOSTIC_SOURCE, runRules, type RuleDiagnostic } from './diagnostics';
import { fixAllEdits } from './features/fix-all';
import { t } from './i18n';
import type { ReportModel } from './model/types';
import type { CancellationToken } from './util/cancellation';

export interface Analysis {
  readonly model: ReportModel;
  readonly config: EngineConfig;
  /** Identifies the configuration: two analyses of one version with the same key are the same. */
  readonly configKey: string;
  /** 'too-large' when the document is over the size limit: no rule ran and `diagnostics` holds one notice. */
  readonly skipped: 'too-large' | undefined;
  /** Every finding of every enabled rule, in document order. */
  readonly findings: readonly RuleDiagnostic[];
  readonly diagnostics: readonly Diagnostic[];
  /** The edits of `source.fixAll.report` / `--fix`, computed on first use and then kept. */
  fixAllEdits(token?: CancellationToken): TextEdit[];
}

/** The key of a configuration (settings and config files are small: their JSON is the key). */
export function configKey(config: EngineConfig): string {
  return JSON.stringify(config);
}

/** The notice shown instead of findings on a document over the size limit. */
function sizeNotice(config: EngineConfig): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: 'document-size',
    message: t('This document has more than {0} characters: only the outline is built, rules do not run (setting report.maxDocumentSize).', config.maxDocumentSize ?? DOCUMENT_SIZE_LIMIT),
  };
}

/**
 * Runs every enabled rule once on a model; undefined when cancelled (a half-run analysis is never
 * kept). A document over the size limit is not analysed: its analysis holds the size notice.
 */
export function analyze(model: ReportModel, config: EngineConfig, token?: CancellationToken): Analysis | undefined {
  const key = configKey(config);
  const tooLarge = !rulesRunOn(model.text.length, config);
  const findings = tooLarge ? [] : runRules(model, config, token);
  if (token?.isCancellationRequested) return undefined;
  const diagnostics = tooLarge ? [sizeNotice(config)] : findings.map((f) => f.diagnostic);
  let fixes: TextEdit[] | undefined;
  const analysis: Analysis = {
    model,
    config,
    configKey: key,
    skipped: tooLarge ? 'too-large' : undefined,
    findings,
    diagnostics,
    fixAllEdits(fixToken) {
      if (fixes) return fixes;
      const edits = fixAllEdits(analysis, fixToken);
      if (!fixToken?.isCancellationRequested) fixes = edits;
      return edits;
    },
  };
  return analysis;
}
