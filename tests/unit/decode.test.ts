import * as assert from 'assert';
import * as iconv from 'iconv-lite';
import { decodeReport } from '../../server/src/engine/util/decode';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decoding report files', () => {
  it('reads UTF-8 and strips a UTF-8 BOM', () => {
    assert.deepStrictEqual(decodeReport(utf8('一、标题')), { text: '一、标题', encoding: 'utf-8', binary: false });
    assert.deepStrictEqual(decodeReport(utf8('\uFEFF一、标题')), { text: '一、标题', encoding: 'utf-8-bom', binary: false });
  });

  it('reads GBK / GB18030 text as such', () => {
    const text = '2023年度述职述德述廉报告\n一、持之以恒加强领导班子自身建设\n';
    const decoded = decodeReport(new Uint8Array(iconv.encode(text, 'gbk')));
    assert.strictEqual(decoded.encoding, 'gb18030');
    assert.strictEqual(decoded.text, text);
  });

  it('reads UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、标题', 'utf16le')]);
    assert.strictEqual(decodeReport(new Uint8Array(bytes)).text, '一、标题');
  });

  it('recognises binary input', () => {
    assert.strictEqual(decodeReport(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00])).binary, true);
  });

  it('decodes invalid UTF-8 that is not GBK either with replacement characters', () => {
    const decoded = decodeReport(new Uint8Array([0x61, 0xff, 0xfe, 0x80, 0x62]));
    assert.strictEqual(decoded.encoding, 'utf-8-lossy');
    assert.ok(decoded.text.includes('\ufffd'));
  });

  it('reads empty input as empty text', () => {
    assert.deepStrictEqual(decodeReport(new Uint8Array()), { text: '', encoding: 'utf-8', binary: false });
  });
});
