/**
 * Export to Word: the report model → a .docx laid out per GB/T 9704-2012. Pure: returns the
 * bytes (docx's Packer does no file IO); the CLI and the client write them to disk.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import type { ReportModel } from '../../model/types';
import { exportBlocks, reportMeta, signatureLayout, type ExportBlock, type InlineRun, type TableBlockCell } from './blocks';
import { FOOTER_MM, FONTS, LINE_PITCH_TWIPS, MARGIN_MM, mmToTwips, PAGE_MM, PAGE_NUMBER_PT, ptToHalfPoints } from './docx-spec';
import { reportStyles, runFont, STYLE_IDS } from './docx-styles';

export interface DocxOptions {
  /** Document property "creator" (defaults to the front matter author). */
  readonly creator?: string;
}

const BODY_CHAR_TWIPS = 320;

/**
 * Characters XML 1.0 does not allow (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone
 * surrogates) make the document's XML malformed, and Word refuses the file: each becomes U+FFFD,
 * so that nothing disappears unseen.
 */
const NOT_XML = /(?![\t\n\r\u007F-\u009F])\p{Cc}|[\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu; // with /u, a surrogate matches only when it is lone

/** Text as the document's XML may hold it. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}
const PAGE_NUMBER_CHAR_TWIPS = ptToHalfPoints(PAGE_NUMBER_PT) * 10;

function textRuns(runs: readonly InlineRun[], style?: string): TextRun[] {
  return runs.map(
    (r) =>
      new TextRun({
        text: xmlText(r.text),
        ...(style ? { style } : {}),
        ...(r.bold ? { bold: true } : {}),
        ...(r.italic ? { italics: true } : {}),
        ...(r.code ? { font: runFont(FONTS.body, FONTS.code) } : {}),
      }),
  );
}

const HEADING_STYLE = STYLE_IDS.headings;

function cellParagraph(cell: TableBlockCell, header: boolean): Paragraph {
  const runs = textRuns(cell.runs).map((r, i) => (header || cell.total ? new TextRun({ text: xmlText(cell.runs[i]?.text ?? ''), bold: true, font: runFont(FONTS.heading1) }) : r));
  return new Paragraph({ style: STYLE_IDS.table, children: runs });
}

function tableOf(block: Extract<ExportBlock, { kind: 'table' }>): Table {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 1);
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const row = (cells: readonly TableBlockCell[], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: Array.from({ length: columns }, (_, i) => {
        const cell = cells[i] ?? { runs: [], total: false };
        return new TableCell({ children: [cellParagraph(cell, header)], verticalAlign: VerticalAlignTable.CENTER });
      }),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [row(block.header, true), ...block.rows.map((r) => row(r, false))],
  });
}

function blockChildren(blocks: readonly ExportBlock[]): FileChild[] {
  const out: FileChild[] = [];
  const signature = blocks.find((b): b is Extract<ExportBlock, { kind: 'signature' }> => b.kind === 'signature');
  const date = blocks.find((b): b is Extract<ExportBlock, { kind: 'date' }> => b.kind === 'date');
  const layout = signatureLayout(signature?.lines ?? [], date?.text);
  let spacedEnd = false;
  /** The signature (or the date alone) stands one blank line below the body. */
  const endSpacing = (): { before: number } | Record<string, never> => {
    if (spacedEnd) return {};
    spacedEnd = true;
    return { before: LINE_PITCH_TWIPS };
  };
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    switch (b.kind) {
      case 'title':
        // One blank line between the title block and the body: after the title, or after its last byline.
        out.push(new Paragraph({ style: STYLE_IDS.title, ...(next?.kind === 'byline' ? { spacing: { after: 0 } } : {}), children: [new TextRun(xmlText(b.text))] }));
        break;
      case 'byline':
        out.push(new Paragraph({ style: STYLE_IDS.byline, ...(next?.kind === 'byline' ? {} : { spacing: { after: LINE_PITCH_TWIPS } }), children: [new TextRun(xmlText(b.text))] }));
        break;
      case 'heading':
        // A run-in heading is a whole paragraph of body text: it must not be kept with the next one.
        out.push(
          new Paragraph({
            style: HEADING_STYLE[b.level - 1],
            ...(b.body.length > 0 ? { keepNext: false } : {}),
            children: [...textRuns(b.heading), ...textRuns(b.body, STYLE_IDS.bodyChar)],
          }),
        );
        break;
      case 'paragraph':
        out.push(new Paragraph({ ...(b.variant === 'quote' ? { style: STYLE_IDS.quote } : {}), children: textRuns(b.runs) }));
        break;
      case 'code':
        for (const l of b.lines) out.push(new Paragraph({ style: STYLE_IDS.code, children: [new TextRun(xmlText(l))] }));
        break;
      case 'table':
        out.push(tableOf(b));
        break;
      case 'signature':
        b.lines.forEach((l, i) =>
          out.push(
            new Paragraph({
              style: STYLE_IDS.signature,
              indent: { right: Math.round(layout.signatureRight * BODY_CHAR_TWIPS) },
              spacing: i === 0 ? endSpacing() : {},
              children: [new TextRun(xmlText(l))],
            }),
          ),
        );
        break;
      case 'date':
        out.push(new Paragraph({ style: STYLE_IDS.date, indent: { right: Math.round(layout.dateRight * BODY_CHAR_TWIPS) }, spacing: endSpacing(), children: [new TextRun(xmlText(b.text))] }));
        break;
    }
  });
  if (out.length === 0) out.push(new Paragraph({ children: [] }));
  return out;
}

/** 「— N —」 in 4号 宋体, one character in from the outer edge: right on odd pages, left on even pages. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const children: ParagraphChild[] = [
    new TextRun({
      children: ['— ', PageNumber.CURRENT, ' —'],
      font: runFont(FONTS.pageNumber, FONTS.pageNumber),
      size: ptToHalfPoints(PAGE_NUMBER_PT),
    }),
  ];
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_CHAR_TWIPS, firstLine: 0, firstLineChars: 0 } : { left: PAGE_NUMBER_CHAR_TWIPS, firstLine: 0, firstLineChars: 0 },
        spacing: { line: 240, lineRule: 'auto', before: 0, after: 0 },
        children,
      }),
    ],
  });
}

/** The Word document object of a report (exposed for tests and callers that post-process it). */
export function docxDocument(model: ReportModel, options: DocxOptions = {}): Document {
  const meta = reportMeta(model);
  return new Document({
    title: xmlText(meta.title ?? ''),
    creator: xmlText(options.creator ?? meta.author ?? 'Report Language Tools'),
    description: 'GB/T 9704-2012',
    evenAndOddHeaderAndFooters: true,
    styles: reportStyles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) },
            margin: {
              top: mmToTwips(MARGIN_MM.top),
              bottom: mmToTwips(MARGIN_MM.bottom),
              left: mmToTwips(MARGIN_MM.left),
              right: mmToTwips(MARGIN_MM.right),
              header: mmToTwips(15),
              footer: mmToTwips(FOOTER_MM),
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH_TWIPS },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: blockChildren(exportBlocks(model)),
      },
    ],
  });
}

/** The .docx bytes of a report. */
export async function exportDocx(model: ReportModel, options: DocxOptions = {}): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(docxDocument(model, options));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
