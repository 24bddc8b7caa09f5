/**
 * Aho-Corasick automaton over UTF-16 code units: every occurrence of every pattern of a list in
 * one left-to-right pass over a text (the proofreading word lists are consulted this way, never
 * with one regular expression per entry).
 *
 * Built with maps, then frozen into typed arrays: the children of node n are the slots
 * first[n] … first[n + 1] - 1, sorted by code unit (a short scan, or a binary search for wide
 * nodes), and the patterns ending at n are ends[endFirst[n]] … ends[endFirst[n + 1] - 1]. A search
 * then touches no Map and allocates nothing but the occurrences it returns.
 */
export interface Occurrence {
  /** Index of the pattern in the list the automaton was built from. */
  readonly index: number;
  /** Offset of its first code unit in the text. */
  readonly start: number;
}

/** Children up to which a node's children are scanned in order rather than bisected. */
const SCAN = 8;

export class Automaton {
  /** The root's children as a dense table by code unit (0: none): most steps of a search start there. */
  private readonly rootNext = new Int32Array(0x10000);
  private readonly first: Int32Array;
  private readonly childCode: Uint16Array;
  private readonly childNode: Int32Array;
  private readonly fail: Int32Array;
  /** The node itself if it ends a pattern, else the nearest node on its fail chain that does (-1 if none). */
  private readonly output: Int32Array;
  /** The nearest node on the fail chain (the node excluded) that ends a pattern (-1 if none). */
  private readonly outLink: Int32Array;
  private readonly endFirst: Int32Array;
  private readonly ends: Int32Array;
  private readonly lengths: Int32Array;

  constructor(patterns: readonly string[]) {
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    // The trie with maps, nodes numbered as created.
    const next: Array<Map<number, number>> = [new Map()];
    const endsOf: number[][] = [[]];
    patterns.forEach((p, index) => {
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        const children = next[node] as Map<number, number>;
        let child = children.get(c);
        if (child === undefined) {
          child = next.length;
          next.push(new Map());
          endsOf.push([]);
          children.set(c, child);
        }
        node = child;
      }
      (endsOf[node] as number[]).push(index);
    });
    const n = next.length;
    // Children frozen in sorted runs.
    this.first = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) this.first[v + 1] = (this.first[v] as number) + (next[v] as Map<number, number>).size;
    this.childCode = new Uint16Array(this.first[n] as number);
    this.childNode = new Int32Array(this.first[n] as number);
    for (let v = 0; v < n; v++) {
      let slot = this.first[v] as number;
      for (const [c, child] of [...(next[v] as Map<number, number>)].sort((a, b) => a[0] - b[0])) {
        this.childCode[slot] = c;
        this.childNode[slot++] = child;
      }
    }
    this.endFirst = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) this.endFirst[v + 1] = (this.endFirst[v] as number) + (endsOf[v] as number[]).length;
    this.ends = Int32Array.from(endsOf.flat());
    for (const [c, child] of next[0] as Map<number, number>) this.rootNext[c] = child;
    // Fail links, breadth first.
    this.fail = new Int32Array(n);
    this.outLink = new Int32Array(n).fill(-1);
    this.output = new Int32Array(n).fill(-1);
    const queue: number[] = [...(next[0] as Map<number, number>).values()];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q] as number;
      for (const [c, child] of next[node] as Map<number, number>) {
        let f = this.fail[node] as number;
        while (f !== 0 && this.step(f, c) < 0) f = this.fail[f] as number;
        const target = f === 0 ? (this.rootNext[c] as number) : this.step(f, c);
        const fc = target > 0 && target !== child ? target : 0;
        this.fail[child] = fc;
        this.outLink[child] = this.endsAt(fc) ? fc : (this.outLink[fc] as number);
        queue.push(child);
      }
    }
    for (let v = 1; v < n; v++) this.output[v] = this.endsAt(v) ? v : (this.outLink[v] as number);
  }

  private endsAt(node: number): boolean {
    return (this.endFirst[node + 1] as number) > (this.endFirst[node] as number);
  }

  /** The child of a node other than the root by code unit c, or -1. */
  private step(node: number, c: number): number {
    let lo = this.first[node] as number;
    let hi = (this.first[node + 1] as number) - 1;
    if (hi - lo < SCAN) {
      for (; lo <= hi; lo++) if (this.childCode[lo] === c) return this.childNode[lo] as number;
      return -1;
    }
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const code = this.childCode[mid] as number;
      if (code === c) return this.childNode[mid] as number;
      if (code < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Every occurrence in `text` (overlapping ones included), in the order their ends are reached. */
  search(text: string, from = 0, to = text.length): Occurrence[] {
    const found: Occurrence[] = [];
    let node = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (node !== 0) {
        let child = this.step(node, c);
        while (child < 0 && node !== 0) {
          node = this.fail[node] as number;
          child = node === 0 ? -1 : this.step(node, c);
        }
        node = child > 0 ? child : 0;
      }
      if (node === 0) {
        node = this.rootNext[c] as number;
        if (node === 0) continue;
      }
      for (let o = this.output[node] as number; o !== -1; o = this.outLink[o] as number) {
        const last = this.endFirst[o + 1] as number;
        for (let e = this.endFirst[o] as number; e < last; e++) {
          const index = this.ends[e] as number;
          found.push({ index, start: i + 1 - (this.lengths[index] as number) });
        }
      }
    }
    return found;
  }
}
