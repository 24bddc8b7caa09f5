/**
 * Results of pure functions of a piece of text (a line, a paragraph), kept from one version of a
 * document to the next: when a user types, every paragraph but one is unchanged, and its figures,
 * sentences and markers are taken from the previous version instead of being read again.
 *
 * The tables pass from version to version: a new version takes them over from the previous one
 * (which is left with empty tables: what it still reads, it reads afresh, so a value is only ever
 * used by the version that adapted it last). A lookup is one Map read; entries no version has used
 * since are swept once they are more than the ones in use. It holds the model's own objects, not
 * copies.
 */
interface Entry {
  /** The value the version that used it last gave (for the last place it asked about). */
  value: unknown;
  /** The value as the version before that one left it: what the current version adapts. */
  base: unknown;
  /** The generation (version) that used it last. */
  used: number;
}

interface Table {
  readonly entries: Map<string, Entry>;
  /** Keys used by the current generation (each counted once). */
  used: number;
}

/** The names made by {@link placeTable}, by prefix, then by the place's numbers. */
const PLACE_TABLES = new Map<string, string[][]>();

/**
 * The name of the table of `prefix` for a place given by one or two small numbers (columns): the
 * same string every time, so that a lookup hashes no new string (a name built per call costs a new
 * string and its hash at each of the thousands of lookups of a version).
 */
export function placeTable(prefix: string, a: number, b = 0): string {
  let byA = PLACE_TABLES.get(prefix);
  if (byA === undefined) PLACE_TABLES.set(prefix, (byA = []));
  const byB = (byA[a] ??= []);
  return (byB[b] ??= `${prefix}:${a}:${b}`);
}

/** Entries a table keeps unswept in any case. */
const SWEEP_SLACK = 64;

export class TextMemo {
  private tables = new Map<string, Table>();
  private generation = 0;

  constructor(previous?: TextMemo) {
    if (!previous) return;
    this.tables = previous.tables;
    this.generation = previous.generation + 1;
    for (const t of this.tables.values()) t.used = 0;
    previous.tables = new Map();
  }

  /**
   * The value for `key`: one found in the table (from the previous version, or for another place
   * of the same text in this one), passed through `adapt` (which moves it to where the text is
   * now, or returns it as it is when nothing moved), or else `compute()`.
   */
  get<T>(table: string, key: string, compute: () => T, adapt: (old: T) => T = (old) => old): T {
    const t = this.table(table);
    const e = this.found(t, key);
    if (e === undefined) return this.add(t, key, compute());
    const value = adapt(e.base as T);
    e.value = value;
    return value;
  }

  /**
   * The value for `key` as `compute(key)` gives it, kept from one version to the next (get without
   * an adapter, for a function of the key alone: no closure is made per lookup).
   */
  read<T>(table: string, key: string, compute: (key: string) => T): T {
    const t = this.table(table);
    const e = this.found(t, key);
    if (e === undefined) return this.add(t, key, compute(key));
    // (Nothing adapts the value: what the previous version left is the value.)
    e.value = e.base;
    return e.base as T;
  }

  private table(name: string): Table {
    let t = this.tables.get(name);
    if (!t) {
      t = { entries: new Map(), used: 0 };
      this.tables.set(name, t);
    }
    return t;
  }

  /**
   * The entry of `key`, if any, marked used by this version. On its first use by this version,
   * what the previous one left becomes the base to adapt (for every place of the text: two places
   * of one text are each moved from where the previous version left it).
   */
  private found(t: Table, key: string): Entry | undefined {
    const e = t.entries.get(key);
    if (e !== undefined && e.used !== this.generation) {
      e.base = e.value;
      e.used = this.generation;
      t.used++;
    }
    return e;
  }

  private add<T>(t: Table, key: string, value: T): T {
    t.entries.set(key, { value, base: value, used: this.generation });
    t.used++;
    return value;
  }

  /** Forgets everything: the next version reads its texts afresh. */
  clear(): void {
    this.tables = new Map();
  }

  /**
   * Once this version has been analysed: lets the previous version's values go (what this version
   * adapts from is its own from then on), and drops what no version has used since the previous
   * one when that is more than what this version used (a sweep frees as much as it keeps).
   */
  release(): void {
    for (const t of this.tables.values()) {
      const sweep = t.entries.size > 2 * t.used + SWEEP_SLACK;
      // (forEach, not for…of: no [key, entry] array per entry; deleting while iterating is allowed.)
      t.entries.forEach((e, key) => {
        if (e.used === this.generation) e.base = e.value;
        else if (sweep) t.entries.delete(key);
      });
    }
  }
}
