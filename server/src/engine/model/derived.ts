import type { ReportModel } from './types';
import { memoTable } from '../util/memo-table';

const caches: Array<WeakMap<ReportModel, unknown>> = [];

/** A cache of something derived from a model (its figures, its sentences), kept as long as the model lives. */
export function derivedCache<T>(): WeakMap<ReportModel, T> {
  const cache = memoTable<ReportModel, T>();
  caches.push(cache as WeakMap<ReportModel, unknown>);
  return cache;
}

/**
 * Drops what was derived from a model and what it kept for its next version: the model stays
 * usable (what it needs again is computed again) and holds only its own structure. The server
 * does this for very large documents, trading re-analysis time for memory.
 */
export function releaseDerived(model: ReportModel): void {
  for (const cache of caches) cache.delete(model);
  model.memo.clear();
}
