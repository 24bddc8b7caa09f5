/**
 * One input of `report-check`, checked: read, analysed, fixed with --fix, and reduced to what the
 * reports print (plain data, so that a worker thread can hand it to the main thread as it is).
 */
import * as path from 'path';
import type { Range } from 'vscode-languageserver-types';
import { analyze, buildModel, DOCUMENT_SIZE_LIMIT, fixAll, outline, t, type Analysis, type AppliedFix, type EngineConfig, type OutlineNode, type ReportModel, type RuleDiagnostic, type Severity } from '../engine';
import { describeWriteError, WriteRefused } from '../../../common/export-write';
import { readReport } from './inputs';
import { writeBack } from './write-back';

/** A finding as the text, JSON and SARIF reports print it. */
export interface Reported {
  readonly rule: string;
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
  /** The preferred fix (SARIF's `fixes`). */
  readonly fix?: { readonly title: string; readonly edits: ReadonlyArray<{ readonly range: Range; readonly newText: string }> };
}

export interface CheckedFile {
  readonly path: string;
  readonly findings: readonly Reported[];
  readonly notes: string[];
  readonly error: string | undefined;
  /** Fixes applied by --fix. */
  readonly fixed?: AppliedFix[];
  /** The document's title (null: none) and outline, when asked for (--outline, JSON). */
  readonly title?: string | null;
  readonly outline?: OutlineNode[];
  /** The model itself, when asked for (--stats; never across threads). */
  readonly model?: ReportModel;
}

export interface CheckOptions {
  readonly fix: boolean;
  /** Keep the title and the outline. */
  readonly outline: boolean;
  /** Keep the model. */
  readonly model: boolean;
}

/** Test hooks: `beforeReplace` runs between the fixed text being written aside and the file being replaced. */
export interface CheckHooks {
  readonly beforeReplace?: (file: string) => void;
}

export function reported(d: RuleDiagnostic): Reported {
  const f = d.finding;
  const fix = f.fixes?.find((x) => x.preferred);
  return {
    rule: d.rule.id,
    severity: d.severity,
    range: f.range,
    message: f.message,
    ...(fix ? { fix: { title: fix.title, edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } } : {}),
  };
}

export function checkFile(p: string, config: EngineConfig, options: CheckOptions, hooks: CheckHooks = {}): CheckedFile {
  const read = readReport(p);
  if ('error' in read) return { path: p, findings: [], notes: [], error: read.error };
  const { notes, decoded } = read;
  const model = buildModel({ text: read.text, uri: p === '-' ? 'stdin' : path.resolve(p) });
  const done = (m: ReportModel, findings: readonly RuleDiagnostic[], error?: string, fixed?: AppliedFix[]): CheckedFile => ({
    path: p,
    findings: findings.map(reported),
    notes,
    error,
    ...(fixed ? { fixed } : {}),
    ...(options.outline ? { title: m.title ? m.title.text : null, outline: outline(m) } : {}),
    ...(options.model ? { model: m } : {}),
  });
  const analysis = analyze(model, config) as Analysis; // no cancellation here
  if (analysis.skipped) {
    // Same limit as the server's report.maxDocumentSize: the outline is built, the rules do not run.
    notes.push(t('more than {0} characters: only the outline is built, rules do not run', config.maxDocumentSize ?? DOCUMENT_SIZE_LIMIT));
    return done(model, []);
  }
  if (options.fix && p !== '-' && decoded.encoding !== 'utf-8-lossy') {
    const fixed = fixAll(analysis);
    if (fixed.applied.length > 0) {
      try {
        // Only if the file is still what was read: a save made meanwhile is never overwritten.
        writeBack(p, fixed.model.text, decoded, { ...(read.snapshot ? { unchangedSince: read.snapshot } : {}), ...(hooks.beforeReplace ? { beforeReplace: () => hooks.beforeReplace?.(p) } : {}) });
      } catch (e) {
        const why = describeWriteError(e, p, t);
        return { ...done(model, analysis.findings), error: e instanceof WriteRefused && e.code === 'ECHANGED' ? why : t('not fixed, the file is as it was: {0}', why) };
      }
    }
    return done(fixed.model, fixed.findings, undefined, fixed.applied);
  }
  if (options.fix) notes.push(t('not fixed: standard input and files that are not valid text are only checked'));
  return done(model, analysis.findings);
}
