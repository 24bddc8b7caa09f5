/**
 * The lexicon's unpacked tables as bytes, for a cache that spares a process the unpacking (the CLI
 * and the server keep one per user: `server/src/lexicon-cache.ts`). Pure: bytes in, tables out.
 *
 * Layout (host byte order; a cache made on another machine's order is refused by its marker): four
 * 32-bit words (magic, format, byte-order marker, length of the header), the header (JSON: the key,
 * the scalar fields, each table's length), then each table, every part starting at a multiple of 8
 * bytes, then a 32-bit checksum of the tables. Anything that does not match gives undefined: the
 * caller unpacks instead.
 */
import { fnv1a } from '../util/hash';
import type { LexiconTables, PackedLexicon } from './lexicon';

const MAGIC = 0x4c544c52; // "RLTL"
const FORMAT = 5;
const ORDER = 0x01020304;

/** The typed arrays of the tables, in file order. */
const ARRAYS = ['logProbs', 'level', 'tagIndex', 'first', 'childCode', 'rootChild', 'childSlots', 'pairBits'] as const;
type ArrayName = (typeof ARRAYS)[number];
const MAKE: Record<ArrayName, (buffer: ArrayBuffer, offset: number, length: number) => LexiconTables[ArrayName]> = {
  logProbs: (b, o, n) => new Float64Array(b, o, n),
  level: (b, o, n) => new Uint16Array(b, o, n),
  tagIndex: (b, o, n) => new Uint8Array(b, o, n),
  first: (b, o, n) => new Int32Array(b, o, n),
  childCode: (b, o, n) => new Uint16Array(b, o, n),
  rootChild: (b, o, n) => new Int32Array(b, o, n),
  childSlots: (b, o, n) => new Int32Array(b, o, n),
  pairBits: (b, o, n) => new Int32Array(b, o, n),
};

const WIDTH: Record<ArrayName, number> = { logProbs: 8, level: 2, tagIndex: 1, first: 4, childCode: 2, rootChild: 4, childSlots: 4, pairBits: 4 };

interface Header {
  readonly key: string;
  readonly size: number;
  readonly tagNames: readonly string[];
  readonly unknownLogProb: number;
  readonly lengths: readonly number[];
}

const pad8 = (n: number): number => (n + 7) & ~7;

/**
 * What identifies a packed lexicon: its sizes and parameters, and a hash of its data. scripts/build-lexicon.ts
 * writes it beside the data (`PACKED_LEXICON_ID`), so that a process finds its cache without reading the data.
 */
export function packedLexiconId(packed: PackedLexicon): string {
  return `${packed.data.length}:${packed.total}:${packed.step}:${packed.tags}:${fnv1a(packed.data).toString(16)}`;
}

/** The key of a cache of the tables of the packed lexicon `id` ({@link packedLexiconId}) in this format. */
export function lexiconKey(id: string): string {
  return `${FORMAT}:${id}`;
}

/** A 32-bit checksum of 32-bit words, four lanes at a time. */
function checksum(words: Int32Array): number {
  let a = 1;
  let b = 2;
  let c = 3;
  let d = 4;
  const n = words.length & ~3;
  for (let i = 0; i < n; i += 4) {
    a = (Math.imul(a, 0x01000193) ^ (words[i] as number)) | 0;
    b = (Math.imul(b, 0x01000193) ^ (words[i + 1] as number)) | 0;
    c = (Math.imul(c, 0x01000193) ^ (words[i + 2] as number)) | 0;
    d = (Math.imul(d, 0x01000193) ^ (words[i + 3] as number)) | 0;
  }
  for (let i = n; i < words.length; i++) a = (Math.imul(a, 0x01000193) ^ (words[i] as number)) | 0;
  return (a ^ Math.imul(b, 3) ^ Math.imul(c, 5) ^ Math.imul(d, 7)) >>> 0;
}

/** The tables as bytes, under `key` (see {@link lexiconKey}). */
export function encodeTables(t: LexiconTables, key: string): Uint8Array {
  const header: Header = { key, size: t.size, tagNames: t.tagNames, unknownLogProb: t.unknownLogProb, lengths: ARRAYS.map((name) => t[name].length) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = pad8(16 + json.length);
  let end = start;
  for (const name of ARRAYS) end = pad8(end + t[name].byteLength);
  const bytes = new Uint8Array(end + 8);
  const words = new Uint32Array(bytes.buffer, 0, 4);
  words.set([MAGIC, FORMAT, ORDER, json.length]);
  bytes.set(json, 16);
  let at = start;
  for (const name of ARRAYS) {
    const a = t[name];
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = pad8(at + a.byteLength);
  }
  new Uint32Array(bytes.buffer, end, 1)[0] = checksum(new Int32Array(bytes.buffer, start, (end - start) / 4));
  return bytes;
}

/** The tables of bytes made by {@link encodeTables} under the same key; undefined for anything else. */
export function decodeTables(input: Uint8Array, key: string): LexiconTables | undefined {
  // Views need their alignment: a buffer that does not start at a multiple of 8 is copied first.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  if (bytes.byteLength < 24) return undefined;
  const [magic, format, order, jsonLength] = new Uint32Array(bytes.buffer, bytes.byteOffset, 4);
  if (magic !== MAGIC || format !== FORMAT || order !== ORDER || jsonLength === undefined || 16 + jsonLength > bytes.byteLength) return undefined;
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + jsonLength))) as Header;
  } catch {
    return undefined;
  }
  if (header.key !== key || !Array.isArray(header.lengths) || header.lengths.length !== ARRAYS.length || !Array.isArray(header.tagNames)) return undefined;
  const start = pad8(16 + jsonLength);
  const sizes = ARRAYS.map((name, i) => WIDTH[name] * (header.lengths[i] as number));
  let end = start;
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 0) return undefined;
    end = pad8(end + s);
  }
  if (end + 8 !== bytes.byteLength) return undefined;
  if (new Uint32Array(bytes.buffer, bytes.byteOffset + end, 1)[0] !== checksum(new Int32Array(bytes.buffer, bytes.byteOffset + start, (end - start) / 4))) return undefined;
  const arrays: Partial<Record<ArrayName, LexiconTables[ArrayName]>> = {};
  let at = start;
  ARRAYS.forEach((name, i) => {
    arrays[name] = MAKE[name](bytes.buffer as ArrayBuffer, bytes.byteOffset + at, header.lengths[i] as number);
    at = pad8(at + (sizes[i] as number));
  });
  return { size: header.size, tagNames: header.tagNames, unknownLogProb: header.unknownLogProb, ...(arrays as Pick<LexiconTables, ArrayName>) };
}
