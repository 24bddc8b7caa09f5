/**
 * GB18030 (GBK) encoding, for writing a fixed report back in the encoding it was read in. Decoding
 * is the built-in `TextDecoder('gb18030')`; the encoder is the inverse of that same decoder, built
 * from it at first use, so that every character the decoder produced is written back as the bytes
 * it came from:
 * - the two-byte codes (lead 0x81–0xFE, trail 0x40–0x7E, 0x80–0xFE) are decoded once, in order;
 * - the four-byte codes of the Basic Multilingual Plane (0x81308130 …, pointers 0–39419 of the
 *   standard's linear range) likewise, for the characters no two-byte code has;
 * - characters beyond U+FFFF are four-byte codes computed from the code point (from 0x90308130).
 * Where the decoder maps two codes to one character (0xA3A0 and 0xA1A1 both to U+3000; a few
 * four-byte codes to characters GB18030-2022 gives two-byte codes), the two-byte code of the
 * WHATWG encoder is written, as every browser does.
 */

/** Two-byte and four-byte BMP codes by UTF-16 code unit: 0 = not encodable. */
let table: Uint32Array | undefined;

const BMP_FOUR_BYTE_CODES = 39420;

function twoByteCodes(): Uint8Array {
  const bytes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) bytes.push(lead, trail);
  }
  return Uint8Array.from(bytes);
}

/** The four bytes of a pointer of the linear range that starts at 0x81308130. */
function fourBytes(pointer: number, first: number): number[] {
  const b4 = pointer % 10;
  const b3 = Math.floor(pointer / 10) % 126;
  const b2 = Math.floor(pointer / 1260) % 10;
  const b1 = Math.floor(pointer / 12600);
  return [first + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4];
}

const pack = (bytes: readonly number[]): number => bytes.reduce((acc, b) => acc * 256 + b, 0);

function buildTable(): Uint32Array {
  const decoder = new TextDecoder('gb18030');
  const out = new Uint32Array(0x10000);
  const two = twoByteCodes();
  const twoText = decoder.decode(two);
  if (twoText.length !== two.length / 2) throw new Error('this runtime decodes GB18030 differently: cannot encode it');
  for (let i = 0; i < twoText.length; i++) {
    const unit = twoText.charCodeAt(i);
    if (out[unit] === 0) out[unit] = ((two[2 * i] ?? 0) << 8) | (two[2 * i + 1] ?? 0);
  }
  const four: number[] = [];
  for (let p = 0; p < BMP_FOUR_BYTE_CODES; p++) four.push(...fourBytes(p, 0x81));
  const fourText = decoder.decode(Uint8Array.from(four));
  if (fourText.length !== BMP_FOUR_BYTE_CODES) throw new Error('this runtime decodes GB18030 differently: cannot encode it');
  for (let p = 0; p < fourText.length; p++) {
    const unit = fourText.charCodeAt(p);
    if (out[unit] === 0) out[unit] = pack(four.slice(4 * p, 4 * p + 4));
  }
  return out;
}

/** Encodes text as GB18030; throws on a character GB18030 cannot hold (a lone surrogate, U+E5E5 …). */
export function encodeGb18030(text: string): Uint8Array {
  const codes = (table ??= buildTable());
  const out = new Uint8Array(text.length * 4);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      out[n++] = unit;
      continue;
    }
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        for (const b of fourBytes(cp - 0x10000, 0x90)) out[n++] = b;
        i++;
        continue;
      }
    }
    const code = codes[unit] ?? 0;
    if (code === 0) throw new Error(`U+${unit.toString(16).toUpperCase().padStart(4, '0')} cannot be written in GB18030`);
    if (code > 0xffff) {
      out[n++] = code >>> 24;
      out[n++] = (code >>> 16) & 0xff;
    }
    out[n++] = (code >>> 8) & 0xff;
    out[n++] = code & 0xff;
  }
  return out.slice(0, n);
}
