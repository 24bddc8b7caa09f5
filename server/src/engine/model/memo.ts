/**
 * Results of pure functions of a piece of text (a line, a paragraph), kept from one version of a
 * document to the next: when a user types, every paragraph but one is unchanged, and its figures,
 * sentences and markers are taken from the previous version instead of being read again.
 *
 * Values are relative to the text (columns from its start, line 0); callers place them. Only the
 * previous version's results are looked up — a document built from scratch reads everything — and
 * only what the current version used is kept, so the memo never holds more than one version.
 */
export class TextMemo {
  private readonly tables = new Map<string, Map<string, unknown>>();
  private readonly objects = new Map<string, Map<object, unknown>>();
  private previous: TextMemo | undefined;

  constructor(previous?: TextMemo) {
    this.previous = previous;
    previous?.release(); // a chain of one: the version before the previous one is not needed
  }

  get<T>(table: string, key: string, compute: () => T): T {
    let own = this.tables.get(table);
    if (!own) {
      own = new Map();
      this.tables.set(table, own);
    }
    const old = this.previous?.tables.get(table);
    if (old?.has(key)) {
      const value = old.get(key) as T;
      own.set(key, value);
      return value;
    }
    const value = compute();
    own.set(key, value);
    return value;
  }

  /**
   * The same for an object that the model took over unchanged from the previous version (a
   * paragraph on the same line with the same text): results that hold it are reused as they are.
   */
  forObject<K extends object, T>(table: string, key: K, compute: () => T): T {
    let own = this.objects.get(table);
    if (!own) {
      own = new Map();
      this.objects.set(table, own);
    }
    const old = this.previous?.objects.get(table);
    if (old?.has(key)) {
      const value = old.get(key) as T;
      own.set(key, value);
      return value;
    }
    const value = compute();
    own.set(key, value);
    return value;
  }

  /** Forgets the previous version (once this version has been analysed). */
  release(): void {
    this.previous = undefined;
  }
}
