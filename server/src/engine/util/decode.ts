export interface DecodedText {
  /** The text, without a BOM. */
  readonly text: string;
  /** How it was decoded. */
  readonly encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'utf-8-lossy';
  /** Set when the input is not text at all; `text` is then ''. */
  readonly binary: boolean;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Share of the decoded characters that are CJK, kana, full-width forms or ASCII text. */
function plausibleChinese(text: string): boolean {
  if (text.includes('\ufffd')) return false;
  let cjk = 0;
  let odd = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
    else if (c >= 0x80 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x2460 && c <= 0x24ff) && !(c >= 0x25a0 && c <= 0x25ff)) odd++;
  }
  return cjk > 0 && odd <= cjk * 0.05;
}

/**
 * Decodes a report file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (many
 * Chinese reports are GBK `.txt` files). Invalid UTF-8 that is not GBK either is decoded with
 * replacement characters (the stray-marker rule then points at them).
 */
export function decodeReport(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', binary: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', binary: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', binary: false };
  }
  if (looksBinary(bytes)) return { text: '', encoding: 'utf-8', binary: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', binary: false };
  } catch {
    // not UTF-8
  }
  const gb = new TextDecoder('gb18030').decode(bytes);
  if (plausibleChinese(gb)) return { text: gb, encoding: 'gb18030', binary: false };
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8-lossy', binary: false };
}
