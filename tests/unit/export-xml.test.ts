/**
 * Every XML part of every generated .docx is well-formed XML 1.0, read by a real XML parser
 * (saxes, which rejects the characters XML does not allow), whatever characters the report holds.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { buildModel } from '../../server/src/engine';
import { exportDocx, xmlText } from '../../server/src/engine/features/export/docx';
import { paragraphs, readDocx } from '../support/ooxml';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');

/** The names of the parts that are not well-formed, with the parser's reason. */
async function malformedParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const bad: string[] = [];
  const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  assert.ok(names.includes('word/document.xml') && names.length >= 8, `parts: ${names.join(', ')}`);
  for (const name of names) {
    const xml = await zip.file(name)?.async('string');
    const parser = new SaxesParser({ xmlns: true });
    let error: Error | undefined;
    parser.on('error', (e) => {
      error ??= e;
    });
    parser.write(xml ?? '').close();
    if (error) bad.push(`${name}: ${error.message}`);
  }
  return bad;
}

describe('export: .docx XML is well-formed', function () {
  this.timeout(60_000);

  it('for every real report', async () => {
    for (const f of fs.readdirSync(REAL).filter((n) => n.endsWith('.txt'))) {
      const bytes = await exportDocx(buildModel({ text: fs.readFileSync(path.join(REAL, f), 'utf8') }));
      assert.deepStrictEqual(await malformedParts(bytes), [], f);
    }
  });

  it('for a report holding U+FFFE, U+FFFF, C0 controls and lone surrogates in the title, front matter, headings, body, tables and code', async () => {
    const bad = 'x\uFFFEy\uFFFFz\u0001\u0008\u000B\u000C\u001B\uD800w\uDC00v';
    const text = [
      '---',
      `title: "标题${bad}"`,
      `author: "作者${bad}"`,
      `unit: "单位${bad}"`,
      '---',
      `一、第一部分${bad}`,
      `正文${bad}。`,
      `（一）小节${bad}。正文。`,
      `| 项目${bad} | 数量 |`,
      '| --- | --- |',
      `| 合计${bad} | 1 |`,
      '',
      '```',
      `代码${bad}`,
      '```',
    ].join('\n');
    const bytes = await exportDocx(buildModel({ text }));
    assert.deepStrictEqual(await malformedParts(bytes), []);
    // Nothing disappears unseen: each character XML cannot hold is a U+FFFD in the document.
    const body = paragraphs((await readDocx(bytes)).document).find((p) => p.text.startsWith('正文'));
    assert.strictEqual(body?.text, '正文x\uFFFDy\uFFFDz\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDw\uFFFDv。');
  });

  it('xmlText keeps tab, line breaks, every allowed character and surrogate pairs', () => {
    const ok = 'a\tb\nc\rd 中文 \u00A0\uD7FF\uE000\uFFFD😀\u{10FFFF}\u0085\u007F';
    assert.strictEqual(xmlText(ok), ok);
    assert.strictEqual(xmlText('\u0000'), '\uFFFD');
  });
});
