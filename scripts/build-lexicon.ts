/**
 * Builds the compact lexicon of the word layer (server/src/engine/data/lexicon.ts, committed) from
 * jieba's dictionary, dict.txt: one `word frequency tag` a line, 349,045 lines, MIT licence
 * (jieba, Copyright (c) 2013 Sun Junyi). The npm package @node-rs/jieba ships it as a plain file:
 *
 *   cd /tmp && npm pack @node-rs/jieba@2.0.3 && tar xzf node-rs-jieba-2.0.3.tgz package/dict.txt
 *   node -r ./tests/register.js scripts/build-lexicon.ts /tmp/package/dict.txt
 *
 * Options: --min-freq N (default 5), --phrase-freq P (default 3), --step S (default 0.02), --out FILE
 * (default the committed file). Pruning keeps the words of frequency ≥ N, those of four characters
 * or more of frequency ≥ P (set phrases such as 大力发展, 体制改革 are listed with frequency 3: without
 * them a report's text falls apart into shorter words), and every word holding a measure-word or
 * numeral character (so 个人, 项目, 一些 never fall apart into a false measure word or numeral).
 * Frequencies are kept exactly below 64, above as steps of ln(frequency) S wide. The choices were
 * measured with scripts/compare-words.ts (docs/accuracy.md). The packed form is described in
 * server/src/engine/model/lexicon.ts.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { frequencyLevel, packedPair, NUMERAL_CHARACTERS, OTHER_MEASURE_WORDS } from '../server/src/engine/model/lexicon';
import { packedLexiconId } from '../server/src/engine/model/lexicon-tables';

const SHA256 = '139519822fe8ab9e10d9d07e68ea0451045380aedaf54ecc51e2a28c6b42a13f';
const OUT = path.join(__dirname, '..', 'server', 'src', 'engine', 'data', 'lexicon.ts');

interface Entry {
  word: string;
  freq: number;
  tag: string;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function readDict(file: string): { entries: Entry[]; total: number; sha: string } {
  const text = fs.readFileSync(file, 'utf8');
  const entries: Entry[] = [];
  let total = 0;
  for (const line of text.split('\n')) {
    const [word, freq, tag] = line.trim().split(' ');
    if (!word || !freq) continue;
    entries.push({ word, freq: Number(freq), tag: tag ?? 'x' });
    total += Number(freq);
  }
  return { entries, total, sha: createHash('sha256').update(text).digest('hex') };
}

/** Huffman code lengths of symbols with these weights (0 for an unused symbol). */
function codeLengths(weights: number[]): number[] {
  const lengths = weights.map(() => 0);
  const used = weights.map((w, s) => ({ w, s })).filter((x) => x.w > 0);
  if (used.length === 1) lengths[used[0]!.s] = 1;
  if (used.length < 2) return lengths;
  // Two-queue construction over leaves sorted by weight; each node keeps its leaves.
  type Node = { w: number; leaves: number[] };
  const leaves: Node[] = used.sort((a, b) => a.w - b.w).map((x) => ({ w: x.w, leaves: [x.s] }));
  const merged: Node[] = [];
  let li = 0;
  let mi = 0;
  const take = (): Node => (mi >= merged.length || (li < leaves.length && leaves[li]!.w <= merged[mi]!.w) ? leaves[li++]! : merged[mi++]!);
  while (leaves.length - li + merged.length - mi > 1) {
    const a = take();
    const b = take();
    for (const s of a.leaves) lengths[s]!++;
    for (const s of b.leaves) lengths[s]!++;
    merged.push({ w: a.w + b.w, leaves: a.leaves.concat(b.leaves) });
  }
  if (Math.max(...lengths) > 31) throw new Error('code too long');
  return lengths;
}

/** Canonical codes for code lengths, as the decoder of lexicon.ts reads them. */
function canonical(lengths: number[]): number[] {
  const codes = lengths.map(() => 0);
  const order = lengths.map((l, s) => ({ l, s })).filter((x) => x.l > 0).sort((a, b) => a.l - b.l || a.s - b.s);
  let code = 0;
  let len = order[0]?.l ?? 0;
  for (const { l, s } of order) {
    code *= 2 ** (l - len);
    len = l;
    codes[s] = code++;
  }
  return codes;
}

class BitWriter {
  private readonly out: string[] = [];
  private acc = 0;
  private n = 0;
  total = 0;

  bits(value: number, count: number): void {
    this.total += count;
    for (let i = count - 1; i >= 0; i--) {
      this.acc = this.acc * 2 + (Math.floor(value / 2 ** i) % 2);
      if (++this.n === 13) {
        this.out.push(packedPair(this.acc));
        this.acc = 0;
        this.n = 0;
      }
    }
  }

  gamma(value: number): void {
    const width = Math.floor(Math.log2(value));
    this.bits(0, width);
    this.bits(value, width + 1);
  }

  text(): string {
    if (this.n > 0) this.bits(0, 13 - this.n);
    return this.out.join('');
  }
}

class Alphabet {
  readonly weights: number[] = [];
  private lengths: number[] = [];
  private codes: number[] = [];

  count(symbol: number): void {
    while (this.weights.length <= symbol) this.weights.push(0);
    this.weights[symbol]!++;
  }

  /** Fixes the code and writes its lengths (with the symbol count unless told). */
  writeTable(w: BitWriter, withCount = true): void {
    this.lengths = codeLengths(this.weights);
    this.codes = canonical(this.lengths);
    if (withCount) w.bits(this.lengths.length, 16);
    for (const l of this.lengths) w.bits(l, 5);
  }

  write(w: BitWriter, symbol: number): void {
    w.bits(this.codes[symbol]!, this.lengths[symbol]!);
  }
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function pack(entries: Entry[], dictSize: number, total: number, step: number): { text: string; nodes: number; chars: number } {
  const sorted = [...entries].sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const tagCounts = new Map<string, number>();
  for (const e of sorted) tagCounts.set(e.tag, (tagCounts.get(e.tag) ?? 0) + 1);
  const tags = [...tagCounts.keys()].sort((a, b) => tagCounts.get(b)! - tagCounts.get(a)! || (a < b ? -1 : 1));
  const charSet = new Set<number>();
  for (const e of sorted) for (let i = 0; i < e.word.length; i++) charSet.add(e.word.charCodeAt(i));
  const chars = [...charSet].sort((a, b) => a - b);
  const charIndex = new Map(chars.map((c, i) => [c, i]));
  const width = sorted.reduce((m, e) => Math.max(m, e.word.length), 0) + 1;

  const charA = new Alphabet();
  const headA = new Alphabet();
  // Level and tag have a code per length class (1, 2, 3, 4+ code units): their odds differ by length.
  const levelA = [0, 1, 2, 3].map(() => new Alphabet());
  const tagA = [0, 1, 2, 3].map(() => new Alphabet());
  const lengthClass = (word: string): number => Math.min(word.length, 4) - 1;
  for (let i = 0; i < chars.length; i++) charA.weights.push(0);
  const rows = sorted.map((e, i) => {
    const shared = i === 0 ? 0 : sharedPrefix(sorted[i - 1]!.word, e.word);
    const added = [...e.word.slice(shared)].flatMap((c) => Array.from({ length: c.length }, (_, k) => charIndex.get(c.charCodeAt(k))!));
    const row = { head: shared * width + added.length, added, level: frequencyLevel(e.freq, step), tag: tags.indexOf(e.tag), lc: lengthClass(e.word) };
    headA.count(row.head);
    for (const c of added) charA.count(c);
    levelA[row.lc]!.count(row.level);
    tagA[row.lc]!.count(row.tag);
    return row;
  });

  const w = new BitWriter();
  w.bits(chars.length, 24);
  chars.forEach((c, i) => w.gamma(c - (i === 0 ? 0 : chars[i - 1]!)));
  charA.writeTable(w, false);
  w.bits(width, 8);
  headA.writeTable(w);
  for (let lc = 0; lc < 4; lc++) {
    levelA[lc]!.writeTable(w);
    tagA[lc]!.writeTable(w);
  }
  const nodes = rows.reduce((n, r) => n + r.added.length, 0);
  w.bits(rows.length, 24);
  w.bits(nodes, 24);
  const spent = { tables: w.total, heads: 0, characters: 0, levels: 0, tags: 0 };
  const measure = (part: keyof typeof spent, write: () => void): void => {
    const before = w.total;
    write();
    spent[part] += w.total - before;
  };
  for (const r of rows) {
    measure('heads', () => headA.write(w, r.head));
    measure('characters', () => r.added.forEach((c) => charA.write(w, c)));
    measure('levels', () => levelA[r.lc]!.write(w, r.level));
    measure('tags', () => tagA[r.lc]!.write(w, r.tag));
  }
  console.log(`bits: ${Object.entries(spent).map(([k, v]) => `${k} ${(v / 8192).toFixed(0)} KiB`).join(', ')}`);
  const data = w.text();
  const text = [
    '// Generated by scripts/build-lexicon.ts — do not edit. Derived from jieba\'s dictionary dict.txt',
    '// (MIT licence, Copyright (c) 2013 Sun Junyi; taken from the npm package @node-rs/jieba 2.0.3).',
    `// ${sorted.length} of its ${dictSize} words; the format is described in ../model/lexicon.ts.`,
    "import type { PackedLexicon } from '../model/lexicon';",
    '',
    '/** What identifies the data below, made with it (`packedLexiconId`): a cache of its tables is found without reading the data. */',
    `export const PACKED_LEXICON_ID = '${packedLexiconId({ total, step, tags: tags.join(' '), data })}';`,
    '',
    '/**',
    ' * The packed lexicon. (A function: V8 makes the 0.9 MB string of its data only when it is called, which',
    ' * a process that reads the unpacked tables from its cache never does.)',
    ' */',
    'export function packedLexicon(): PackedLexicon {',
    `  return { total: ${total}, step: ${step}, tags: '${tags.join(' ')}', data: "${data}" };`,
    '}',
    '',
  ].join('\n');
  return { text, nodes: nodes + 1, chars: chars.length };
}

function main(): void {
  const file = process.argv[2];
  if (!file || file.startsWith('--')) throw new Error('usage: build-lexicon.ts <dict.txt> [--min-freq N] [--step S] [--out FILE]');
  const minFreq = Number(option('--min-freq', '5'));
  const phraseFreq = Number(option('--phrase-freq', '3'));
  const step = Number(option('--step', '0.02'));
  const out = option('--out', OUT);
  const { entries, total, sha } = readDict(file);
  if (sha !== SHA256) console.warn(`warning: ${file} is not the dict.txt this lexicon was built from (sha256 ${sha})`);
  const measure = new Set([...OTHER_MEASURE_WORDS.filter((w) => w.length === 1), ...NUMERAL_CHARACTERS]);
  for (const e of entries) if (e.tag === 'q' && e.word.length === 1) measure.add(e.word);
  const kept = entries.filter((e) => e.freq >= minFreq || (e.freq >= phraseFreq && e.word.length >= 4) || [...e.word].some((c) => measure.has(c)));
  const { text, nodes, chars } = pack(kept, entries.length, total, step);
  fs.writeFileSync(out, text);
  console.log(`${out}: ${kept.length} of ${entries.length} words (frequency ≥ ${minFreq}, ≥ ${phraseFreq} for four characters or more, or a measure/numeral character), ${chars} characters, ${nodes} trie nodes, ${Buffer.byteLength(text)} bytes`);
}

main();
