/**
 * Results of pure functions of a piece of text (a line, a paragraph), kept from one version of a
 * document to the next: when a user types, every paragraph but one is unchanged, and its figures,
 * sentences and markers are taken from the previous version instead of being read again.
 *
 * Only the previous version's results are looked up (a document built from scratch reads
 * everything), and only what the current version used is kept: the memo never holds more than
 * one version, and it holds the model's own objects, not copies.
 */
export class TextMemo {
  private readonly tables = new Map<string, Map<string, unknown>>();
  private previous: TextMemo | undefined;

  constructor(previous?: TextMemo) {
    this.previous = previous;
    previous?.release(); // a chain of one: the version before the previous one is not needed
  }

  /**
   * The value for `key`: the previous version's, passed through `adapt` (which moves it to where
   * the text is now, or returns it as it is when nothing moved), or else `compute()`.
   */
  get<T>(table: string, key: string, compute: () => T, adapt: (old: T) => T = (old) => old): T {
    let own = this.tables.get(table);
    if (!own) {
      own = new Map();
      this.tables.set(table, own);
    }
    const old = this.previous?.tables.get(table);
    // (One lookup where the previous version has the key with a value: has() only for undefined.)
    const found = old?.get(key);
    const value = found !== undefined || old?.has(key) ? adapt(found as T) : compute();
    own.set(key, value);
    return value;
  }

  /** Forgets everything: the next version reads its texts afresh. */
  clear(): void {
    this.tables.clear();
    this.previous = undefined;
  }

  /** Forgets the previous version (once this version has been analysed). */
  release(): void {
    this.previous = undefined;
  }
}
