import type { CancellationToken } from '../util/cancellation';
import type { Diagnostic, DiagnosticRelatedInformation, Range, TextEdit } from 'vscode-languageserver-types';
import type { ReportModel } from '../model/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** The severities a setting may name, 'off' first. */
export const SETTING_SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'] as const;

/** What a rule is about: groups rules in the docs and lets users switch a family off. */
export type RuleTag = 'structure' | 'numbers' | 'punctuation' | 'proofreading' | 'markdown' | 'paste' | 'front-matter' | 'tables';

/** A text in both languages of the product. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

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

/** One option of a rule: its type, default and description; settings and schemas are generated from it. */
export type OptionSpec =
  | { readonly type: 'number'; readonly default: number; readonly minimum?: number; readonly maximum?: number; readonly description: Bilingual }
  | { readonly type: 'integer'; readonly default: number; readonly minimum?: number; readonly maximum?: number; readonly description: Bilingual }
  | { readonly type: 'boolean'; readonly default: boolean; readonly description: Bilingual }
  | { readonly type: 'string'; readonly default: string; readonly enum?: readonly string[]; readonly description: Bilingual }
  | { readonly type: 'string[]'; readonly default: readonly string[]; readonly description: Bilingual };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The option values a rule's check receives, typed from its specs. */
export type OptionValues<S extends OptionSpecs> = {
  readonly [K in keyof S]: S[K] extends { type: 'boolean' } ? boolean : S[K] extends { type: 'string' } ? string : S[K] extends { type: 'string[]' } ? readonly string[] : number;
};

/**
 * Whether a rule's findings can be fixed: 'safe' — its fixes are certain and fix-all / --fix apply
 * them; 'suggestion' — it offers quick fixes the writer chooses; 'none' — it only reports.
 */
export type Fixability = 'safe' | 'suggestion' | 'none';

/**
 * A rule, declared once in its own file: everything the settings, the `.reportrc` schema, the nls
 * files and the docs tables say about it is generated from this declaration (`npm run generate`).
 */
export interface RuleDeclaration<S extends OptionSpecs = OptionSpecs> {
  /** Stable id, as in settings, config files and inline comments. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line: what the rule finds. */
  readonly description: Bilingual;
  readonly tags: readonly RuleTag[];
  readonly fixable: Fixability;
  /** Typed options with their defaults ({} when the rule has none). */
  readonly options: S;
  check(model: ReportModel, options: OptionValues<S>, token?: CancellationToken): Finding[];
}

/** A rule as the engine runs it: options are checked against the specs before `check` sees them. */
export type Rule = RuleDeclaration<OptionSpecs>;

export type RuleOptions = Readonly<Record<string, unknown>>;

/** Declares a rule (the identity function, for type inference of its options). */
export function defineRule<S extends OptionSpecs>(rule: RuleDeclaration<S>): Rule {
  return rule as unknown as Rule;
}

export type { Diagnostic };
