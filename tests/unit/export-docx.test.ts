import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildModel } from '../../server/src/engine';
import { exportDocx } from '../../server/src/engine/features/export/docx';
import { attrs, docDefaults, paragraphs, readDocx, styleXml, type DocxParts } from '../support/ooxml';

const SEED = path.join(__dirname, '..', 'fixtures', 'real', '2023-county-office-shuzhi-report.txt');
const seedText = fs.readFileSync(SEED, 'utf8');

/** Millimetres to twips, computed here independently of the exporter. */
const twips = (mm: number): number => Math.round((mm * 1440) / 25.4);

async function exportText(text: string): Promise<DocxParts> {
  return readDocx(await exportDocx(buildModel({ text })));
}

describe('export: .docx per GB/T 9704-2012', () => {
  let seed: DocxParts;
  before(async () => {
    seed = await exportText(seedText);
  });

  it('is a zip with the WordprocessingML parts', () => {
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/settings.xml']) assert.ok(seed.files.includes(part), part);
  });

  it('A4 page with margins 37/35/28/26 mm in twips', () => {
    assert.deepStrictEqual(attrs(seed.document, 'w:pgSz'), { 'w:w': String(twips(210)), 'w:h': String(twips(297)), 'w:orient': 'portrait' });
    const mar = attrs(seed.document, 'w:pgMar');
    assert.strictEqual(mar?.['w:top'], '2098');
    assert.strictEqual(mar?.['w:bottom'], '1984');
    assert.strictEqual(mar?.['w:left'], '1587');
    assert.strictEqual(mar?.['w:right'], '1474');
    assert.strictEqual(mar?.['w:top'], String(twips(37)));
    assert.strictEqual(mar?.['w:right'], String(twips(26)));
  });

  it('body: 3号 仿宋_GB2312, exact spacing giving 22 lines a page, 28 characters a line, first line indented 2 characters', () => {
    const dd = docDefaults(seed.styles);
    const pPrDefault = dd.slice(dd.indexOf('<w:pPrDefault>'));
    const rPrDefault = dd.slice(0, dd.indexOf('<w:pPrDefault>'));
    assert.strictEqual(attrs(dd, 'w:rFonts')?.['w:eastAsia'], '仿宋_GB2312');
    assert.strictEqual(attrs(dd, 'w:rFonts')?.['w:ascii'], 'Times New Roman');
    assert.strictEqual(attrs(dd, 'w:sz')?.['w:val'], '32');
    const spacing = attrs(pPrDefault, 'w:spacing');
    assert.strictEqual(spacing?.['w:lineRule'], 'exact');
    const pitch = Number(spacing?.['w:line']);
    const textHeight = twips(297 - 37 - 35);
    assert.ok(pitch * 22 <= textHeight && (pitch + 1) * 22 > textHeight, `22 lines of ${pitch} twips fill ${textHeight}`);
    assert.ok(Math.abs(pitch / 20 - 28.9) < 0.1, `about 28.9 pt, got ${pitch / 20}`);
    assert.deepStrictEqual(attrs(pPrDefault, 'w:ind'), { 'w:firstLine': '640', 'w:firstLineChars': '200' });
    // 28 characters of 16 pt, condensed, fit the 156 mm line and 29 do not.
    const condensed = Number(attrs(rPrDefault, 'w:spacing')?.['w:val']);
    const width = twips(210 - 28 - 26);
    assert.ok(28 * (320 + condensed) <= width && 29 * (320 + condensed) > width, `28 chars of ${320 + condensed} twips in ${width}`);
    // The line pitch is recorded, but no grid snaps lines: exact spacing alone gives 22 lines in Word and LibreOffice.
    assert.deepStrictEqual(attrs(seed.document, 'w:docGrid'), { 'w:type': 'default', 'w:linePitch': String(pitch) });
  });

  it('title style: 2号 方正小标宋简体, centred', () => {
    const title = styleXml(seed.styles, 'Title');
    assert.strictEqual(attrs(title, 'w:rFonts')?.['w:eastAsia'], '方正小标宋简体');
    assert.strictEqual(attrs(title, 'w:sz')?.['w:val'], '44');
    assert.strictEqual(attrs(title, 'w:jc')?.['w:val'], 'center');
    assert.strictEqual(attrs(title, 'w:ind')?.['w:firstLine'], '0');
    const first = paragraphs(seed.document)[0];
    assert.strictEqual(first?.style, 'Title');
    assert.strictEqual(first?.text, '2023年度述职述德述廉报告');
  });

  it('real Word heading styles 1–4 with outline levels and the GB/T fonts', () => {
    const fonts = ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'];
    fonts.forEach((font, i) => {
      const s = styleXml(seed.styles, `Heading${i + 1}`);
      assert.match(s, new RegExp(`<w:name w:val="heading ${i + 1}"/>`));
      assert.strictEqual(attrs(s, 'w:outlineLvl')?.['w:val'], String(i));
      assert.strictEqual(attrs(s, 'w:rFonts')?.['w:eastAsia'], font);
      assert.strictEqual(attrs(s, 'w:sz')?.['w:val'], '32');
      assert.strictEqual(attrs(s, 'w:color')?.['w:val'], '000000');
    });
    assert.doesNotMatch(seed.document, /<w:numPr>/, 'no Word auto-numbering');
  });

  it("every heading of the seed is a heading paragraph whose text is the document's own numbering", () => {
    const model = buildModel({ text: seedText });
    const headed = paragraphs(seed.document).filter((p) => p.style?.startsWith('Heading'));
    assert.strictEqual(headed.length, model.headings.length);
    assert.strictEqual(headed.length, 19);
    model.headings.forEach((h, i) => {
      const p = headed[i];
      assert.strictEqual(p?.style, `Heading${h.level}`, h.title);
      const first = p?.runs[0];
      assert.strictEqual(first?.text, h.runin ? `${h.marker}${h.title}。` : `${h.marker}${h.title}`);
      assert.strictEqual(first?.style, undefined, 'the heading run takes the heading font from the style');
      if (h.runin) {
        assert.ok((p?.runs.length ?? 0) >= 2);
        for (const r of p?.runs.slice(1) ?? []) assert.strictEqual(r.style, 'ReportBodyText', 'run-in body text in 仿宋');
        assert.match(p?.pPr ?? '', /<w:keepNext w:val="false"\/>/);
      }
    });
    assert.strictEqual(headed[0]?.text, '一、持之以恒加强领导班子自身建设');
    assert.ok(headed[1]?.text.startsWith('（一）主动学习强素质。始终把学习贯穿于整体工作之中'));
    assert.strictEqual(headed[18]?.text, '四、下一步工作打算');
    const bodyChar = styleXml(seed.styles, 'ReportBodyText');
    assert.match(bodyChar, /w:type="character"/);
    assert.strictEqual(attrs(bodyChar, 'w:rFonts')?.['w:eastAsia'], '仿宋_GB2312');
  });

  it('body paragraphs keep their text and take the Normal style', () => {
    const body = paragraphs(seed.document).filter((p) => p.style === undefined);
    assert.ok(body.some((p) => p.text.startsWith('今年以来，在上级部门的关心支持下')));
    assert.ok(body.some((p) => p.text === '以上述职，不到之处，请批评指正。'));
  });

  it('page numbers 「— N —」 in 4号 宋体: PAGE field, odd footer right, even footer left, and the settings flag', () => {
    assert.match(seed.settings, /<w:evenAndOddHeaders\/>/);
    const odd = seed.footers['default'];
    const even = seed.footers['even'];
    assert.ok(odd && even, 'default (odd) and even footers');
    for (const [xml, side, indent] of [
      [odd, 'right', 'w:right'],
      [even, 'left', 'w:left'],
    ] as const) {
      assert.match(xml, /<w:fldChar w:fldCharType="begin"\/>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*<w:fldChar w:fldCharType="end"\/>/);
      const p = paragraphs(xml)[0];
      assert.strictEqual(p?.text, '—  —', 'dashes around the field');
      assert.strictEqual(attrs(p?.pPr ?? '', 'w:jc')?.['w:val'], side);
      assert.strictEqual(attrs(p?.pPr ?? '', 'w:ind')?.[indent], '280', 'one character (14 pt) in from the edge');
      assert.strictEqual(attrs(xml, 'w:rFonts')?.['w:eastAsia'], '宋体');
      assert.strictEqual(attrs(xml, 'w:sz')?.['w:val'], '28');
    }
  });

  it('front matter: title block (title, subtitle, author), signature (unit) and date at the end', async () => {
    const parts = await exportText(
      ['---', 'title: 2025年度个人述职报告', 'subtitle: （2025年1月—12月）', 'unit: 某县人民政府办公室', 'author: 张三', 'date: 2026-01-10', '---', '一、工作开展情况', '全年完成各项任务。'].join('\n'),
    );
    const ps = paragraphs(parts.document);
    assert.deepStrictEqual(
      ps.map((p) => [p.style, p.text]),
      [
        ['Title', '2025年度个人述职报告'],
        ['ReportByline', '（2025年1月—12月）'],
        ['ReportByline', '张三'],
        ['Heading1', '一、工作开展情况'],
        [undefined, '全年完成各项任务。'],
        ['ReportSignature', '某县人民政府办公室'],
        ['ReportDate', '2026年1月10日'],
      ],
    );
    // One blank line between the title block and the body.
    assert.match(ps[0]?.pPr ?? '', /<w:spacing w:after="0"\/>/);
    assert.doesNotMatch(ps[1]?.pPr ?? '', /w:after=/);
    assert.match(ps[2]?.pPr ?? '', /<w:spacing w:after="579"\/>/);
    const byline = styleXml(parts.styles, 'ReportByline');
    assert.strictEqual(attrs(byline, 'w:rFonts')?.['w:eastAsia'], '楷体_GB2312');
    assert.strictEqual(attrs(byline, 'w:jc')?.['w:val'], 'center');
    const sig = ps[5];
    assert.match(sig?.pPr ?? '', /<w:spacing w:before="579"\/>/, 'one blank line below the body');
    assert.strictEqual(attrs(styleXml(parts.styles, 'ReportSignature'), 'w:jc')?.['w:val'], 'right');
    // Signature two characters from the margin; the date starts two characters right of the signature.
    assert.strictEqual(attrs(sig?.pPr ?? '', 'w:ind')?.['w:right'], '640');
    assert.strictEqual(attrs(ps[6]?.pPr ?? '', 'w:ind')?.['w:right'], String(Math.round((9 - 6.5) * 320)));
  });

  it('tables have borders; the 合计 row is bold; inline bold is kept', async () => {
    const parts = await exportText(['一、主要指标', '| 项目 | 数量 |', '|---|---|', '| 文件 | 314 |', '| 合计 | 342 |', '', '这是**重点**内容。'].join('\n'));
    const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(parts.document)?.[0] ?? '';
    for (const side of ['top', 'bottom', 'left', 'right', 'insideH', 'insideV']) assert.match(borders, new RegExp(`<w:${side} w:val="single"`), side);
    const cells = paragraphs(/<w:tbl>[\s\S]*<\/w:tbl>/.exec(parts.document)?.[0] ?? '');
    assert.deepStrictEqual(
      cells.map((c) => c.text),
      ['项目', '数量', '文件', '314', '合计', '342'],
    );
    assert.deepStrictEqual(
      cells.map((c) => c.runs.every((r) => r.bold)),
      [true, true, false, false, true, true],
    );
    const para = paragraphs(parts.document).find((p) => p.text === '这是重点内容。');
    assert.deepStrictEqual(
      para?.runs.map((r) => [r.text, r.bold]),
      [
        ['这是', false],
        ['重点', true],
        ['内容。', false],
      ],
    );
  });

  it('escapes XML and keeps raw HTML as text', async () => {
    const parts = await exportText('标题\n正文 <script>alert(1)</script> & 更多。');
    const p = paragraphs(parts.document).find((x) => x.text.includes('alert'));
    assert.strictEqual(p?.text, '正文 <script>alert(1)</script> & 更多。');
    assert.doesNotMatch(parts.document, /<script>/);
  });

  it('exports an empty document without failing', async () => {
    const parts = await exportText('');
    assert.ok(parts.document.includes('<w:body>'));
  });
});
