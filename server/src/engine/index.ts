/** The engine: pure functions over a report model. No editor, no connection. */
export { buildModel, type ModelInput } from './model/parse';
export type * from './model/types';
export { flattenSections, sectionAt } from './model/sections';
export { documentSymbols } from './features/symbols';
export { foldingRanges } from './features/folding';
export { hover, type HoverProvider } from './features/hover';
export { outline, flatHeadings, type OutlineNode } from './features/outline';
export { workspaceSymbols } from './features/workspace-symbols';
export { diagnostics, runRules, DIAGNOSTIC_SOURCE, type RuleDiagnostic } from './diagnostics';
export { DEFAULT_CONFIG, mergeConfig, resolveRule, type EngineConfig, type RuleSetting } from './config';
export { RULES, ruleById } from './rules';
export type { Rule, Finding, Fix, Severity } from './rules/types';
export { setLanguage, language, t, type Lang } from './i18n';
export { decodeReport, type DecodedText } from './util/decode';
export { codeActions, fixAllEdits, FIX_ALL_KIND, type CodeActionQuery } from './features/code-actions';
export { formatEdits } from './features/format';
export { applyEdits, nonOverlapping } from './features/edits';
