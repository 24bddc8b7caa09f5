import { writeFileAtomic, type AtomicWriteOptions } from '../../../common/export-write';
import type { DecodedText } from '../engine';
import { encodeGb18030 } from '../engine/util/gb18030';

/**
 * Writes the fixed text back in the file's own encoding (BOM, UTF-16 or GB18030 kept), through a
 * temporary file and a rename: a full disk leaves the file as it was. The file keeps its mode and
 * owner; a read-only file, one with other hard links, and (with `unchangedSince`) one that changed
 * since it was read are not written (`WriteRefused`).
 */
export function writeBack(file: string, text: string, decoded: DecodedText, options: AtomicWriteOptions = {}): void {
  let bytes: Buffer;
  switch (decoded.encoding) {
    case 'utf-8-bom':
      bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
      break;
    case 'utf-16le':
      bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      break;
    case 'utf-16be':
      bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
      break;
    case 'gb18030':
      bytes = Buffer.from(encodeGb18030(text));
      break;
    default:
      bytes = Buffer.from(text, 'utf8');
  }
  writeFileAtomic(file, bytes, { keepOwner: 'required', keepLinks: true, ...options });
}
