import type { Paragraph, ReportModel } from './types';
import { memoTable } from '../util/memo-table';

const caches: Array<WeakMap<ReportModel, unknown>> = [];

/** A cache of something derived from a model (its figures, its sentences), kept as long as the model lives. */
export function derivedCache<T>(): WeakMap<ReportModel, T> {
  const cache = memoTable<ReportModel, T>();
  caches.push(cache as WeakMap<ReportModel, unknown>);
  return cache;
}

const paragraphCaches: Array<WeakMap<Paragraph, unknown>> = [];

/**
 * A cache of something read from one paragraph object (its figures, its sentences). A version that
 * takes a paragraph over from the previous one (its text and indent unchanged, on the same line or,
 * with ModelInput.takeOver, on another) finds it there without a memo look-up.
 */
export function paragraphCache<T>(): WeakMap<Paragraph, T> {
  const cache = memoTable<Paragraph, T>();
  paragraphCaches.push(cache as WeakMap<Paragraph, unknown>);
  return cache;
}

/**
 * Drops what was derived from a model and what it kept for its next version: the model stays
 * usable (what it needs again is computed again) and holds only its own structure. The server
 * does this for very large documents, trading re-analysis time for memory.
 */
export function releaseDerived(model: ReportModel): void {
  for (const cache of caches) cache.delete(model);
  for (const cache of paragraphCaches) for (const p of model.paragraphs) cache.delete(p);
  model.memo.clear();
}
