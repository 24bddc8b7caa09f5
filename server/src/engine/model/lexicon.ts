/**
 * The word lexicon of `words.ts`: jieba's dictionary (dict.txt, MIT), pruned and packed at build
 * time by scripts/build-lexicon.ts into server/src/engine/data/lexicon.ts, unpacked here on first
 * use into a trie of typed arrays (a child is found by one binary search per character).
 *
 * Packed form: `data` is a bit stream (most significant bit first), 13 bits per two characters
 * (`packedPair`). In order:
 *   - the characters used: a count (24 bits), then each UTF-16 code unit as the Elias-gamma code of
 *     its distance from the previous one (sorted ascending), then each one's Huffman code length
 *     (5 bits) — a canonical Huffman code over those characters;
 *   - `width` (8 bits) and the code lengths (a 16-bit count, then 5 bits each) of the entry head
 *     (`shared * width + added`); then, for each length class of a word (1, 2, 3, 4+ code units),
 *     those of its frequency level and of its tag;
 *   - the entry count and the count of trie nodes less the root (24 bits each), then the entries in
 *     code-unit order, front coded: a head giving how many leading code units the entry shares
 *     with the previous entry and how many it adds, the added characters, its frequency level and
 *     its tag (in the codes of its length class).
 * A frequency level is the frequency itself below EXACT_FREQUENCIES, above it ln(frequency) in
 * steps of `step` (`frequencyLevel`); `total` is the sum of the frequencies of the whole dictionary
 * (pruning keeps each kept word's probability as jieba has it).
 */

export interface PackedLexicon {
  /** Sum of the frequencies of jieba's whole dictionary. */
  readonly total: number;
  /** Width of a frequency level in ln(frequency), above EXACT_FREQUENCIES. */
  readonly step: number;
  /** jieba's POS tags, space separated, in the order of their symbols. */
  readonly tags: string;
  readonly data: string;
}

/** The 91 printable ASCII characters but " $ \\ `: a string literal of them needs no escape. */
const DIGITS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((c) => !'"$\\`'.includes(c))
  .join('');

/** Two characters of the packed text for 13 bits of the stream (91 × 91 ≥ 2^13). */
export function packedPair(value: number): string {
  return DIGITS.charAt(value % 91) + DIGITS.charAt(Math.floor(value / 91));
}

/** Reads the bit stream, 13 bits at a time into a 32-bit buffer. */
class BitReader {
  private readonly digits = new Int8Array(128).fill(-1);
  private pos = 0;
  private acc = 0;
  private avail = 0;

  constructor(private readonly data: string) {
    for (let i = 0; i < DIGITS.length; i++) this.digits[DIGITS.charCodeAt(i)] = i;
  }

  /** The next n (≤ 18) bits, not consumed; zeros past the end. */
  peek(n: number): number {
    while (this.avail < n) {
      let v = 0;
      if (this.pos < this.data.length) {
        const lo = this.digits[this.data.charCodeAt(this.pos++) & 127] ?? -1;
        const hi = this.digits[this.data.charCodeAt(this.pos++) & 127] ?? -1;
        if (lo < 0 || hi < 0) throw new Error('lexicon: corrupt data');
        v = hi * 91 + lo;
      }
      this.acc = (this.acc << 13) | v;
      this.avail += 13;
    }
    return (this.acc >>> (this.avail - n)) & ((1 << n) - 1);
  }

  skip(n: number): void {
    this.avail -= n;
    this.acc &= (1 << this.avail) - 1;
  }

  bits(n: number): number {
    let v = 0;
    for (let left = n; left > 0; left -= 12) {
      const k = Math.min(12, left);
      v = v * (1 << k) + this.peek(k);
      this.skip(k);
    }
    return v;
  }

  gamma(): number {
    let zeros = 0;
    while (this.bits(1) === 0) zeros++;
    return 2 ** zeros + this.bits(zeros);
  }
}

/** Bits looked up at once by a Huffman decoder; longer codes are read length by length. */
const TABLE_BITS = 10;

/** A canonical Huffman decoder (codes assigned in order of length, then symbol). */
class Huffman {
  /** symbol × 32 + length for each TABLE_BITS-bit prefix of a code at most that long, else -1. */
  private readonly table = new Int32Array(1 << TABLE_BITS).fill(-1);
  /** Per length: its first code, the index of its first symbol in `symbols`, its count. */
  private readonly first: number[] = [];
  private readonly offset: number[] = [];
  private readonly counts: number[] = [];
  private readonly symbols: number[] = [];

  constructor(lengths: ArrayLike<number>) {
    let max = 0;
    for (let s = 0; s < lengths.length; s++) max = Math.max(max, lengths[s] as number);
    for (let len = 0; len <= max; len++) this.counts.push(0);
    for (let s = 0; s < lengths.length; s++) if (lengths[s]) this.counts[lengths[s] as number]!++;
    for (let len = 1; len <= max; len++) for (let s = 0; s < lengths.length; s++) if (lengths[s] === len) this.symbols.push(s);
    let code = 0;
    let index = 0;
    for (let len = 0; len <= max; len++) {
      const count = this.counts[len] as number;
      this.first.push(code);
      this.offset.push(index);
      for (let i = 0; i < count && len <= TABLE_BITS && len > 0; i++) {
        const shift = TABLE_BITS - len;
        this.table.fill(((this.symbols[index + i] as number) << 5) | len, (code + i) << shift, (code + i + 1) << shift);
      }
      index += count;
      code = (code + count) * 2;
    }
  }

  read(r: BitReader): number {
    const hit = this.table[r.peek(TABLE_BITS)] as number;
    if (hit >= 0) {
      r.skip(hit & 31);
      return hit >> 5;
    }
    let code = r.bits(TABLE_BITS);
    for (let len = TABLE_BITS + 1; len < this.counts.length; len++) {
      code = code * 2 + r.bits(1);
      const d = code - (this.first[len] as number);
      if (d < (this.counts[len] as number)) return this.symbols[(this.offset[len] as number) + d] as number;
    }
    throw new Error('lexicon: bad code');
  }
}

function readLengths(r: BitReader, count = r.bits(16)): Uint8Array {
  const lengths = new Uint8Array(count);
  for (let i = 0; i < count; i++) lengths[i] = r.bits(5);
  return lengths;
}

/** Frequencies below this are kept exactly (they decide close routes); above, ln(frequency) in steps. */
export const EXACT_FREQUENCIES = 64;

/** The frequency level of a frequency: itself below EXACT_FREQUENCIES, else a step of ln(frequency). */
export function frequencyLevel(freq: number, step: number): number {
  if (freq < EXACT_FREQUENCIES) return freq;
  return EXACT_FREQUENCIES + Math.round((Math.log(freq) - Math.log(EXACT_FREQUENCIES)) / step);
}

/** ln(frequency) of a frequency level. */
export function logFrequency(level: number, step: number): number {
  if (level < EXACT_FREQUENCIES) return Math.log(Math.max(1, level));
  return Math.log(EXACT_FREQUENCIES) + (level - EXACT_FREQUENCIES) * step;
}

/** Bits of the table of `mayJoin` (2^22, 0.5 MB: about 200,000 pairs set, a 5 % chance of a false join, which only widens a window of `wordAt`). */
export const PAIR_BITS = 22;

/** The table index of a pair of code units. */
export function pairHash(a: number, b: number): number {
  return Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - PAIR_BITS);
}

/** Children above which a node's children are hashed (above 64: 461 nodes, 58,543 children, a table of 0.5 MB; a binary search of up to 64 is as fast). */
const WIDE = 64;

function slotHash(node: number, c: number): number {
  let x = (Math.imul(node, 0x9e3779b1) + c) | 0;
  x = Math.imul(x ^ (x >>> 15), 0x85ebca6b);
  return x ^ (x >>> 13);
}

/**
 * The lexicon's tables, as unpacked: what {@link Lexicon} reads, and what a cache of it keeps
 * (`encodeTables`). Nodes are numbered breadth first (0 is the root); the children of a node are
 * the slots `first[node]` to `first[node + 1]` of `childCode` (sorted), and the child in slot s is
 * node s + 1.
 */
export interface LexiconTables {
  /** Number of words. */
  readonly size: number;
  readonly tagNames: readonly string[];
  /** ln(1 / total): the log-probability jieba gives a character it does not know. */
  readonly unknownLogProb: number;
  /** ln(frequency / total) of each frequency level (0: no word). */
  readonly logProbs: Float64Array;
  /** Frequency level of the word ending at each node (0: none). */
  readonly level: Uint16Array;
  readonly tagIndex: Uint8Array;
  readonly first: Int32Array;
  readonly childCode: Uint16Array;
  /** The root's child by code unit, or -1. */
  readonly rootChild: Int32Array;
  /** Open-addressing table of the children of the nodes with more than WIDE children (looked up by hash, not binary search): a slot of `childCode`, or -1. */
  readonly childSlots: Int32Array;
  /** A bit per pairHash of two code units that follow each other in some word (`Lexicon.mayJoin`). */
  readonly pairBits: Int32Array;
}

/** Unpacks the packed lexicon into its tables. */
export function unpackLexicon(packed: PackedLexicon): LexiconTables {
  const r = new BitReader(packed.data);
  const nChars = r.bits(24);
  const chars = new Uint16Array(nChars);
  for (let i = 0, c = 0; i < nChars; i++) chars[i] = c += r.gamma();
  const charCode = new Huffman(readLengths(r, nChars));
  const width = r.bits(8);
  const head = new Huffman(readLengths(r));
  const levelCode: Huffman[] = [];
  const tagCode: Huffman[] = [];
  let levels = 0;
  for (let lc = 0; lc < 4; lc++) {
    const lengths = readLengths(r);
    levels = Math.max(levels, lengths.length);
    levelCode.push(new Huffman(lengths));
    tagCode.push(new Huffman(readLengths(r)));
  }
  if (levels > 65535) throw new Error('lexicon: too many frequency levels');
  const logTotal = Math.log(packed.total);
  const logProbs = new Float64Array(levels + 1);
  for (let l = 0; l < levels; l++) logProbs[l + 1] = logFrequency(l, packed.step) - logTotal;

  const size = r.bits(24);
  const total = r.bits(24) + 1;
  const parent = new Int32Array(total);
  const code = new Uint16Array(total);
  const level = new Uint16Array(total);
  const tagIndex = new Uint8Array(total);
  const path = new Int32Array(width + 1); // path[d]: the node at depth d of the current entry
  let nodes = 1;
  for (let e = 0; e < size; e++) {
    const h = head.read(r);
    let depth = Math.floor(h / width);
    const added = h % width;
    for (let i = 0; i < added; i++) {
      parent[nodes] = path[depth] as number;
      code[nodes] = chars[charCode.read(r)] as number;
      path[++depth] = nodes++;
    }
    const node = path[depth] as number;
    const lc = Math.min(depth, 4) - 1;
    level[node] = (levelCode[lc] as Huffman).read(r) + 1;
    tagIndex[node] = (tagCode[lc] as Huffman).read(r);
  }
  if (nodes !== total) throw new Error('lexicon: corrupt data');
  const { first, childCode, level: levelOf, tagIndex: tagOf } = breadthFirst(parent, code, level, tagIndex, nodes);
  const rootChild = new Int32Array(65536).fill(-1);
  for (let slot = first[0] as number; slot < (first[1] as number); slot++) rootChild[childCode[slot] as number] = slot + 1;
  // The nodes of a first character have hundreds of children: a hash table of their children
  // (slots of childCode) spares the binary search that segmentation would do at every position.
  const isWide = (n: number): boolean => (first[n + 1] as number) - (first[n] as number) > WIDE;
  let wideChildren = 0;
  for (let n = 1; n < nodes; n++) if (isWide(n)) wideChildren += (first[n + 1] as number) - (first[n] as number);
  let slots = 1;
  while (slots < wideChildren * 2) slots *= 2;
  const childSlots = new Int32Array(slots).fill(-1);
  const mask = slots - 1;
  for (let n = 1; n < nodes; n++) {
    if (!isWide(n)) continue;
    for (let slot = first[n] as number; slot < (first[n + 1] as number); slot++) {
      let h = slotHash(n, childCode[slot] as number) & mask;
      while (childSlots[h] !== -1) h = (h + 1) & mask;
      childSlots[h] = slot;
    }
  }
  // Every edge below depth 1 is a pair of code units that follow each other in a word.
  const pairBits = new Int32Array(1 << (PAIR_BITS - 5));
  for (let n = 1; n < nodes; n++) {
    const a = childCode[n - 1] as number; // (node n's own code unit)
    for (let slot = first[n] as number; slot < (first[n + 1] as number); slot++) {
      const h = pairHash(a, childCode[slot] as number);
      pairBits[h >>> 5]! |= 1 << (h & 31);
    }
  }
  return { size, tagNames: packed.tags.split(' '), unknownLogProb: -logTotal, logProbs, level: levelOf, tagIndex: tagOf, first, childCode, rootChild, childSlots, pairBits };
}

/**
 * The trie numbered breadth first: the children of a node get consecutive numbers in code order,
 * so that the child in slot s of `childCode` is node s + 1 and no table of child nodes is needed.
 * From the nodes as the packed entries create them (depth first, children in code order), each
 * with its parent, code unit, frequency level and tag.
 */
function breadthFirst(parent: Int32Array, code: Uint16Array, level: Uint16Array, tagIndex: Uint8Array, nodes: number): { first: Int32Array; childCode: Uint16Array; level: Uint16Array; tagIndex: Uint8Array } {
  // The children of each node (old numbers) in contiguous slots: count, prefix sums, then place.
  const start = new Int32Array(nodes + 1);
  for (let n = 1; n < nodes; n++) start[(parent[n] as number) + 1]!++;
  for (let n = 0; n < nodes; n++) start[n + 1]! += start[n] as number;
  const fill = start.slice(0, nodes);
  const children = new Int32Array(nodes);
  for (let n = 1; n < nodes; n++) children[fill[parent[n] as number]!++] = n;
  // Breadth first: order[m] is the old number of node m.
  const order = new Int32Array(nodes);
  let next = 1;
  for (let m = 0; m < nodes; m++) {
    const old = order[m] as number;
    for (let s = start[old] as number; s < (start[old + 1] as number); s++) order[next++] = children[s] as number;
  }
  const first = new Int32Array(nodes + 1);
  const childCode = new Uint16Array(nodes);
  const newLevel = new Uint16Array(nodes);
  const newTag = new Uint8Array(nodes);
  for (let m = 0; m < nodes; m++) {
    const old = order[m] as number;
    first[m + 1] = (first[m] as number) + (start[old + 1] as number) - (start[old] as number);
    newLevel[m] = level[old] as number;
    newTag[m] = tagIndex[old] as number;
    if (m > 0) childCode[m - 1] = code[old] as number;
  }
  return { first, childCode, level: newLevel, tagIndex: newTag };
}

/** The unpacked lexicon: its tables, and the look-ups segmentation makes in them. */
export class Lexicon {
  /** Number of words. */
  readonly size: number;
  readonly tagNames: readonly string[];
  private readonly level: Uint16Array;
  private readonly tagIndex: Uint8Array;
  private readonly logProbs: Float64Array;
  private readonly first: Int32Array;
  private readonly childCode: Uint16Array;
  private readonly rootChild: Int32Array;
  private readonly childSlots: Int32Array;
  private readonly pairBits: Int32Array;
  /** ln(1 / total): the log-probability jieba gives a character it does not know. */
  readonly unknownLogProb: number;
  /** The tables themselves (what a cache keeps). */
  readonly tables: LexiconTables;

  /** From the packed lexicon (unpacked here), or from tables already unpacked. */
  constructor(source: PackedLexicon | LexiconTables) {
    const t = 'data' in source ? unpackLexicon(source) : source;
    this.tables = t;
    this.size = t.size;
    this.tagNames = t.tagNames;
    this.unknownLogProb = t.unknownLogProb;
    this.logProbs = t.logProbs;
    this.level = t.level;
    this.tagIndex = t.tagIndex;
    this.first = t.first;
    this.childCode = t.childCode;
    this.rootChild = t.rootChild;
    this.childSlots = t.childSlots;
    this.pairBits = t.pairBits;
  }

  /** The node reached from `node` by the UTF-16 code unit `c`, or -1. */
  child(node: number, c: number): number {
    if (node === 0) return this.rootChild[c] as number;
    let lo = this.first[node] as number;
    let hi = (this.first[node + 1] as number) - 1;
    if (hi - lo >= WIDE) {
      const mask = this.childSlots.length - 1;
      for (let h = slotHash(node, c) & mask; ; h = (h + 1) & mask) {
        const slot = this.childSlots[h] as number;
        if (slot === -1) return -1;
        if (slot >= lo && slot <= hi && this.childCode[slot] === c) return slot + 1;
      }
    }
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.childCode[mid] as number;
      if (m === c) return mid + 1;
      if (m < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** True when a word ends at `node`. */
  isWord(node: number): boolean {
    return (this.level[node] as number) > 0;
  }

  /** ln(frequency / total) of the word ending at `node` (quantised frequency). */
  logProb(node: number): number {
    return this.logProbs[this.level[node] as number] as number;
  }

  tag(node: number): string {
    return this.tagNames[this.tagIndex[node] as number] as string;
  }

  /**
   * False when no word of the lexicon holds the code unit `a` followed by `b`: then no word spans
   * the place between them, and the best route is the best route of each side (true may be a hash
   * collision: one pair in about twenty).
   */
  mayJoin(a: number, b: number): boolean {
    const h = pairHash(a, b);
    return ((this.pairBits[h >>> 5] as number) & (1 << (h & 31))) !== 0;
  }

  /** The node of `word`, or -1 when it is no word of the lexicon. */
  find(word: string): number {
    let node = 0;
    for (let i = 0; i < word.length && node >= 0; i++) node = this.child(node, word.charCodeAt(i));
    return node > 0 && this.isWord(node) ? node : -1;
  }
}

/**
 * Measure words (量词) that jieba's dictionary tags otherwise (件 zg, 项 条 人次 n, 辆 元 吨 架次 m,
 * 批次 d): with the words it tags q they are the measure words of `isMeasureWord`.
 */
export const OTHER_MEASURE_WORDS: readonly string[] = ['件', '项', '条', '辆', '元', '吨', '人次', '件次', '户次', '批次', '架次', '车次'];

/** Numeral characters. Pruning keeps every word holding one of these or a measure word (一些, 个人). */
export const NUMERAL_CHARACTERS = '〇零一二两三四五六七八九十百千万亿几';
