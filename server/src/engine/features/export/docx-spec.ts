/**
 * GB/T 9704-2012 page layout in Word units. Twips are 1/20 pt; run sizes are half-points.
 * One place for the numbers, so the Word and HTML exports and their tests agree.
 */

export const MM_PER_INCH = 25.4;
export const TWIPS_PER_INCH = 1440;

/** Millimetres → twips, rounded. */
export function mmToTwips(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * TWIPS_PER_INCH);
}

/** Points → half-points (Word run sizes). */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

export const PAGE_MM = { width: 210, height: 297 } as const;
/** Top 37 mm, bottom 35 mm, left (binding side) 28 mm, right 26 mm: a 156 × 225 mm text block. */
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const TEXT_BLOCK_MM = {
  width: PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right,
  height: PAGE_MM.height - MARGIN_MM.top - MARGIN_MM.bottom,
} as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Chinese type sizes (字号) in points. */
export const SIZE_PT = { er: 22, san: 16, si: 14 } as const;

export const BODY_PT = SIZE_PT.san;
export const TITLE_PT = SIZE_PT.er;
export const PAGE_NUMBER_PT = SIZE_PT.si;

/** Exact line pitch that puts 22 lines in the 225 mm text block: 579 twips ≈ 28.95 pt. */
export const LINE_PITCH_TWIPS = Math.floor(mmToTwips(TEXT_BLOCK_MM.height) / LINES_PER_PAGE);

/** Character pitch that puts 28 characters in the 156 mm line, in twips (≈ 15.8 pt). */
export const CHAR_PITCH_TWIPS = mmToTwips(TEXT_BLOCK_MM.width) / CHARS_PER_LINE;

/**
 * Character spacing (w:spacing, twips, negative = condensed) that fits 28 characters of 3号 in the
 * 156 mm line: 16 pt − 0.25 pt. This rather than a character grid (w:docGrid linesAndChars with a
 * negative charSpace): Word squeezes characters into such a grid, but LibreOffice gives every
 * 16 pt character two 15.8 pt cells (18 characters a line). Condensed spacing gives 28 characters
 * a line in Word, WPS and LibreOffice alike. Nor is there a line grid (w:docGrid type "lines"):
 * exact spacing alone gives the 22 lines, and LibreOffice would put the 22 pt title on two rows.
 */
export const CHAR_SPACING_TWIPS = Math.floor(CHAR_PITCH_TWIPS - BODY_PT * 20);

/** Two characters of body text: the first-line indent of every paragraph. */
export const FIRST_LINE_INDENT_TWIPS = BODY_PT * 20 * 2;

/** The page number sits 7 mm below the text block; the footer is measured from the page's bottom edge. */
export const FOOTER_MM = 22;

/** East Asian font names as Chinese offices have them installed; Latin text and digits use Times New Roman. */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  heading3: '仿宋_GB2312',
  heading4: '仿宋_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
  code: 'Consolas',
} as const;
