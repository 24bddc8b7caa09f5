/**
 * Word styles for a GB/T 9704-2012 report: Normal (仿宋 3号, exact 22-lines-per-page spacing,
 * two-character first-line indent), Title (小标宋 2号, centred) and Heading 1–4 (黑体, 楷体,
 * 仿宋, 仿宋) — real heading styles with outline levels, so Word's navigation pane shows the
 * outline, and no Word numbering: the heading text carries the document's own numbers.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { BODY_PT, CHAR_SPACING_TWIPS, FIRST_LINE_INDENT_TWIPS, FONTS, LINE_PITCH_TWIPS, ptToHalfPoints, TITLE_PT } from './docx-spec';

/** Run fonts: an East Asian font for Chinese, Times New Roman for Latin letters and digits. */
export function runFont(eastAsia: string, latin: string = FONTS.latin): { ascii: string; hAnsi: string; cs: string; eastAsia: string } {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia };
}

export const STYLE_IDS = {
  title: 'Title',
  headings: ['Heading1', 'Heading2', 'Heading3', 'Heading4'],
  bodyChar: 'ReportBodyText',
  byline: 'ReportByline',
  signature: 'ReportSignature',
  date: 'ReportDate',
  table: 'ReportTableText',
  code: 'ReportCode',
  quote: 'ReportQuote',
} as const;

const exactLine = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const noIndent = { firstLine: 0, firstLineChars: 0 } as const;

const HEADING_FONTS = [FONTS.heading1, FONTS.heading2, FONTS.heading3, FONTS.heading4] as const;

function headingStyle(level: 1 | 2 | 3 | 4): IParagraphStyleOptions {
  return {
    id: STYLE_IDS.headings[level - 1] ?? 'Heading1',
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: runFont(HEADING_FONTS[level - 1] ?? FONTS.body), size: ptToHalfPoints(BODY_PT), bold: false, italics: false, color: '000000' },
    paragraph: { outlineLevel: level - 1, keepNext: true, spacing: exactLine },
  };
}

export function reportStyles(): IStylesOptions {
  const body = runFont(FONTS.body);
  return {
    default: {
      document: {
        run: { font: body, size: ptToHalfPoints(BODY_PT), characterSpacing: CHAR_SPACING_TWIPS, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          spacing: exactLine,
          indent: { firstLine: FIRST_LINE_INDENT_TWIPS, firstLineChars: 200 },
        },
      },
      title: {
        run: { font: runFont(FONTS.title), size: ptToHalfPoints(TITLE_PT), bold: false, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, indent: noIndent, spacing: { ...exactLine, after: LINE_PITCH_TWIPS } },
      },
    },
    paragraphStyles: [
      headingStyle(1),
      headingStyle(2),
      headingStyle(3),
      headingStyle(4),
      {
        id: STYLE_IDS.byline,
        name: 'Report Byline',
        basedOn: 'Normal',
        run: { font: runFont(FONTS.heading2) },
        paragraph: { alignment: AlignmentType.CENTER, indent: noIndent },
      },
      {
        id: STYLE_IDS.signature,
        name: 'Report Signature',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.RIGHT, indent: noIndent },
      },
      {
        id: STYLE_IDS.date,
        name: 'Report Date',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.RIGHT, indent: noIndent },
      },
      {
        id: STYLE_IDS.table,
        name: 'Report Table Text',
        basedOn: 'Normal',
        run: { size: ptToHalfPoints(14) },
        paragraph: { alignment: AlignmentType.CENTER, indent: noIndent, spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
      {
        id: STYLE_IDS.code,
        name: 'Report Code',
        basedOn: 'Normal',
        run: { font: runFont(FONTS.body, FONTS.code), size: ptToHalfPoints(12) },
        paragraph: { alignment: AlignmentType.LEFT, indent: noIndent, spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
      {
        id: STYLE_IDS.quote,
        name: 'Report Quote',
        basedOn: 'Normal',
        run: { font: runFont(FONTS.heading2) },
        paragraph: { indent: { left: FIRST_LINE_INDENT_TWIPS, firstLine: FIRST_LINE_INDENT_TWIPS } },
      },
    ],
    characterStyles: [
      {
        id: STYLE_IDS.bodyChar,
        name: 'Report Body Text',
        run: { font: runFont(FONTS.body), size: ptToHalfPoints(BODY_PT) },
      },
    ],
  };
}
