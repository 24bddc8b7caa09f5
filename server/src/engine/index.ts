/** The engine: pure functions over a report model. No editor, no connection. */
export { buildModel, type ModelInput } from './model/parse';
export { releaseDerived } from './model/derived';
export type * from './model/types';
export { flattenSections, sectionAt } from './model/sections';
export { documentSymbols } from './features/symbols';
export { foldingRanges } from './features/folding';
export { hover, type HoverProvider } from './features/hover';
export { outline, flatHeadings, type OutlineNode } from './features/outline';
export { workspaceSymbols } from './features/workspace-symbols';
export { statistics, type ReportStatistics, type FigureEntry } from './features/statistics';
export { figuresOf, type Figure, type FigureKind, type Approx } from './model/figures';
export { diagnostics, runRules, DIAGNOSTIC_SOURCE, type RuleDiagnostic } from './diagnostics';
export { DEFAULT_CONFIG, mergeConfig, resolveRule, type EngineConfig, type RuleSetting } from './config';
export { RULES, ruleById } from './rules';
export type { Rule, Finding, Fix, Severity } from './rules/types';
export { setLanguage, language, t, type Lang } from './i18n';
export { decodeReport, type DecodedText } from './util/decode';
export { codeActions, fixAllEdits, FIX_ALL_KIND, type CodeActionQuery } from './features/code-actions';
export { formatEdits } from './features/format';
export { applyEdits, nonOverlapping } from './features/edits';
export { fixAll, type AppliedFix } from './features/fix-all';
export { completion, COMPLETION_TRIGGERS } from './features/completion';
export { REPORT_TEMPLATES, templateById, type ReportTemplate } from './features/templates';
// The .docx exporter (and the docx library) is not exported here: importers load
// './features/export-docx' themselves, the server only when a user exports (it is large).
export type { DocxOptions } from './features/export-docx';
export { exportBlocks, reportMeta, type ExportBlock, type ReportMeta } from './features/export-blocks';
export { renderDocument, pageCss, type RenderOptions, type RenderResult, type RenderView, type LineMapEntry } from './features/render';
export { exportHtml } from './features/export-html';
