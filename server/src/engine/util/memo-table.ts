/**
 * The engine's memo tables: WeakMaps from an object of a model (a model, a sentence, a heading) to
 * what was derived from it. They are made here, so that their storage can be given back.
 *
 * A WeakMap keeps the capacity of its largest size: a garbage collection clears the entries whose
 * keys died, but V8 shrinks the table only when a key is deleted from it. After a very large
 * document's derived data is released (server/src/documents.ts), the tables of its sentences and
 * headings stayed at their full size, empty (1.6 MB at 1 MB of text). Deleting a key makes V8
 * shrink a table to fit the entries left when they fill no more than a quarter of it, but never to
 * fewer than a few dozen slots: a table left empty shrinks only if it holds enough keys at the time
 * (measured with Node 20: 16 are not enough, 24 are). So the probe keys below are set, then deleted.
 */
const tables: Array<WeakMap<object, unknown>> = [];

/** A new memo table (a WeakMap that {@link compactMemoTables} compacts). */
export function memoTable<K extends object, V>(): WeakMap<K, V> {
  const table = new WeakMap<K, V>();
  tables.push(table as WeakMap<object, unknown>);
  return table;
}

/** Keys that no table holds: set in a table, then deleted at once. */
const PROBES: readonly object[] = Array.from({ length: 64 }, () => ({}));

/**
 * Shrinks every memo table to what it holds. For right after a full garbage collection (which
 * clears the dead entries); the tables given up are garbage for the next one. Entries are kept.
 */
export function compactMemoTables(): void {
  for (const table of tables) {
    for (const probe of PROBES) table.set(probe, undefined);
    for (const probe of PROBES) table.delete(probe);
  }
}
