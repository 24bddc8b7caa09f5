/**
 * The one owner of what the server keeps per open document: the model of its current version
 * (built from the previous version's model, so an edit re-reads only what it touched) and the
 * analysis of that version under its configuration. Every handler asks here; nothing else caches.
 *
 * When things are let go, all in this file:
 * - a new version replaces the model and drops the previous version's analysis;
 * - once a version is analysed, the previous version's per-text results (kept for incremental
 *   reuse) are released;
 * - a very large document keeps only its model and analysis between versions: its figures and
 *   sentences are read again when a feature needs them, and memory is given back when quiet;
 * - closing a document forgets it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, buildModel, configKey, releaseDerived, type Analysis, type EngineConfig, type ReportModel } from './engine';
import type { CancellationToken } from './engine/util/cancellation';
import { reduceMemorySoon } from './memory';

/** Above this many characters, a document's derived data is not kept between versions (memory over speed). */
export const KEEP_DERIVED_LIMIT = 250_000;

interface Entry {
  model: ReportModel;
  analysis: Analysis | undefined;
}

export class DocumentAnalyses {
  private readonly entries = new Map<string, Entry>();
  /** Number of analyses run (each runs every enabled rule once); read by tests through the trace log. */
  runs = 0;

  /** `onAnalysed` hears of every analysis run, with its time (the model built if need be, then every rule), in milliseconds. */
  constructor(private readonly onAnalysed?: (analysis: Analysis, ms: number) => void) {}

  /** The model of the document's current version. */
  model(doc: TextDocument): ReportModel {
    const entry = this.entries.get(doc.uri);
    if (entry && entry.model.version === doc.version && entry.model.text.length === doc.getText().length) return entry.model;
    // Built from the previous version's model: the paragraphs an edit did not touch are reused, also
    // where the edit moved them to other lines (the previous model is not read again: takeOver).
    const model = buildModel({ text: doc.getText(), uri: doc.uri, version: doc.version, ...(entry ? { previous: entry.model, takeOver: true } : {}) });
    this.entries.set(doc.uri, { model, analysis: undefined });
    return model;
  }

  /** The analysis of the document's current version under `config`: run once, then read by every feature. */
  analysis(doc: TextDocument, config: EngineConfig, token?: CancellationToken): Analysis | undefined {
    const started = performance.now();
    const model = this.model(doc);
    const entry = this.entries.get(doc.uri);
    if (entry?.analysis && entry.analysis.model === model && entry.analysis.configKey === configKey(config)) return entry.analysis;
    const analysis = analyze(model, config, token);
    if (!analysis) return undefined; // cancelled: nothing half-done is kept
    this.runs++;
    if (entry && entry.model === model) entry.analysis = analysis;
    this.settle(model);
    this.onAnalysed?.(analysis, performance.now() - started);
    return analysis;
  }

  /** The analysis already made for the current version, if any (never runs the rules). */
  current(doc: TextDocument): Analysis | undefined {
    const entry = this.entries.get(doc.uri);
    return entry?.analysis && entry.analysis.model.version === doc.version ? entry.analysis : undefined;
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /** Drops every analysis (the configuration changed); models stay. */
  invalidate(): void {
    for (const entry of this.entries.values()) entry.analysis = undefined;
  }

  /** After a version is analysed: what is kept for the next version, and what is let go. */
  private settle(model: ReportModel): void {
    // Every rule has read what it needs of this version: the previous version's per-text results can go.
    model.memo.release();
    if (model.text.length > KEEP_DERIVED_LIMIT) {
      releaseDerived(model);
      reduceMemorySoon();
    }
  }
}
