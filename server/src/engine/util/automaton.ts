/**
 * Aho-Corasick automaton over UTF-16 code units: every occurrence of every pattern of a list in
 * one left-to-right pass over a text (the proofreading word lists are consulted this way, never
 * with one regular expression per entry).
 */
export interface Occurrence {
  /** Index of the pattern in the list the automaton was built from. */
  readonly index: number;
  /** Offset of its first code unit in the text. */
  readonly start: number;
}

export class Automaton {
  /** Children of each node, by code unit. */
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each node. */
  private readonly ends: number[][] = [[]];
  /** The nearest node on the fail chain that ends a pattern (-1 if none). */
  private readonly outLink: number[] = [-1];
  private readonly lengths: number[];
  /** The root's children as a dense table by code unit (0: none): most steps of a search start there. */
  private readonly rootNext = new Int32Array(0x10000);

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((p, index) => {
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        const children = this.next[node] as Map<number, number>;
        let child = children.get(c);
        if (child === undefined) {
          child = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.ends.push([]);
          this.outLink.push(-1);
          children.set(c, child);
        }
        node = child;
      }
      (this.ends[node] as number[]).push(index);
    });
    for (const [c, child] of this.next[0] as Map<number, number>) this.rootNext[c] = child;
    const queue: number[] = [...(this.next[0] as Map<number, number>).values()];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q] as number;
      for (const [c, child] of this.next[node] as Map<number, number>) {
        let f = this.fail[node] as number;
        while (f !== 0 && !(this.next[f] as Map<number, number>).has(c)) f = this.fail[f] as number;
        const target = (this.next[f] as Map<number, number>).get(c);
        const fc = target !== undefined && target !== child ? target : 0;
        this.fail[child] = fc;
        this.outLink[child] = (this.ends[fc] as number[]).length > 0 ? fc : (this.outLink[fc] as number);
        queue.push(child);
      }
    }
  }

  /** Every occurrence in `text` (overlapping ones included), in the order their ends are reached. */
  search(text: string, from = 0, to = text.length): Occurrence[] {
    const found: Occurrence[] = [];
    let node = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (node === 0) {
        node = this.rootNext[c] as number;
        if (node === 0) continue;
      } else {
        // (One look-up per node on the fail chain: get, not has and then get.)
        let child: number | undefined;
        while (node !== 0 && (child = (this.next[node] as Map<number, number>).get(c)) === undefined) node = this.fail[node] as number;
        node = node === 0 ? (this.rootNext[c] as number) : (child as number);
      }
      for (let o = (this.ends[node] as number[]).length > 0 ? node : (this.outLink[node] as number); o !== -1; o = this.outLink[o] as number) {
        for (const index of this.ends[o] as number[]) found.push({ index, start: i + 1 - (this.lengths[index] as number) });
      }
    }
    return found;
  }
}
