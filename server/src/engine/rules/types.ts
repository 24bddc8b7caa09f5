import type { CancellationToken } from '../util/cancellation';
import type { Diagnostic, DiagnosticRelatedInformation, Range, TextEdit } from 'vscode-languageserver-types';
import type { ReportModel } from '../model/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A fix a rule offers for one finding: edits to the document that resolve it. */
export interface Fix {
  readonly title: string;
  readonly edits: TextEdit[];
  /** Safe to apply without looking (used by fixAll / --fix). */
  readonly preferred?: boolean;
}

/** One problem a rule found. */
export interface Finding {
  readonly range: Range;
  readonly message: string;
  readonly fixes?: Fix[];
  readonly related?: DiagnosticRelatedInformation[];
  /** Overrides the configured severity for this finding (e.g. a summary finding). */
  readonly severity?: Severity;
  /** Extra data kept on the diagnostic (e.g. for hover). */
  readonly data?: Record<string, unknown>;
}

export type RuleOptions = Readonly<Record<string, unknown>>;

export interface Rule {
  /** Stable id, as in settings, config files and inline comments. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line of description in English (the key of its Chinese translation). */
  readonly description: string;
  /** Default options. */
  readonly defaults?: RuleOptions;
  check(model: ReportModel, options: RuleOptions, token?: CancellationToken): Finding[];
}

export type { Diagnostic };
