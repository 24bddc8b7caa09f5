import type { TextMemo } from './memo';
import type { Range } from 'vscode-languageserver-types';
import type { Token } from 'markdown-it';
import type { LineIndex } from './lines';

/**
 * How a numbering marker is written. The level a style implies follows GB/T 9704-2012:
 * 一、 → 1; （一） → 2; 1. → 3; （1） → 4.
 */
export type MarkerStyle =
  | 'cn-dun' // 一、 (standard level 1)
  | 'cn-dot' // 一. 一． (non-standard level 1)
  | 'cn-comma' // 一， (non-standard level 1)
  | 'cn-paren' // （一） (standard level 2)
  | 'cn-paren-half' // (一) (non-standard level 2)
  | 'cn-di' // 第一， 第一、 (level 2, as in older reports)
  | 'ar-dot' // 1. 1． (standard level 3)
  | 'ar-dun' // 1、 (common level 3)
  | 'ar-paren' // （1） (standard level 4)
  | 'ar-paren-half' // (1)
  | 'ar-half-close' // 1） 1) (level 4)
  | 'circled' // ① (level 4)
  | 'decimal' // 1 / 1.1 / 1.1.1 (technical reports; level = depth)
  | 'none'; // a Markdown heading without a number

export interface Heading {
  /**
   * Level in the outline: a `#` heading's depth; for a numbered line, the level its marker implies
   * (1 for 一、 …, the depth for decimal numbers), one deeper under an open heading of another
   * family of that level, and below the `#` heading whose section it is in.
   */
  readonly level: number;
  /**
   * The level the marker's style implies (GB/T 9704-2012: 一、 1, （一） and 第一， 2, 1. 3, （1） 4;
   * decimal numbers their depth); 0 when there is no number. `level` is where the heading stands in
   * this document's outline, which may be deeper (a `#` heading's depth, 「（一）」 under 「第一，」).
   */
  readonly markerLevel: number;
  readonly style: MarkerStyle;
  /** The numeral as written without brackets or punctuation (「一」, 「第一」, 「1」, 「1.2」, 「①」); '' when none. */
  readonly number: string;
  /** Numeric value of the (last part of the) number; 0 when none. */
  readonly value: number;
  /** The marker as written, e.g. 「（一）」 or 「1、」 ('' for unnumbered Markdown headings). */
  readonly marker: string;
  /** Title text without the marker and the trailing 「。」. */
  readonly title: string;
  /** 0-based line. */
  readonly line: number;
  /** True when body text follows the title on the same line. */
  readonly runin: boolean;
  /** Range of the marker. */
  readonly markerRange: Range;
  /** Range of the title (without the trailing 。). */
  readonly titleRange: Range;
  /** Range of the heading: marker through the end of the title (and its 。 if run-in). */
  readonly headingRange: Range;
  /** Number of `#` when written as a Markdown ATX heading, else 0. */
  readonly mdDepth: number;
  /** Full-width digits used in the marker (non-standard). */
  readonly fullWidthDigits: boolean;
  /** Text between the marker's closing bracket and the title that should not be there, e.g. the 、 of 「（一）、」. */
  readonly extraPunct: string;
}

export interface Section {
  readonly heading: Heading;
  readonly level: number;
  parent: Section | undefined;
  readonly children: Section[];
  /** From the heading to the last non-blank line before the next heading of the same or a higher level. */
  range: Range;
  /** Last line of the section (inclusive). */
  endLine: number;
}

export type EnumerationFamily = 'shi' | 'di' | 'order' | 'paren' | 'circled';

export interface EnumerationItem {
  /** The marker as written: 「一是」 「第二，」 「其次，」 「（3）」 「②」. */
  readonly marker: string;
  readonly value: number;
  readonly line: number;
  readonly markerRange: Range;
  /** Short text of the item: from the marker to the first punctuation. */
  readonly label: string;
  /** From the marker to the end of the item (the next item or the end of the paragraph run). */
  range: Range;
}

export interface Enumeration {
  readonly family: EnumerationFamily;
  readonly items: EnumerationItem[];
  /** Innermost section that contains it, if any. */
  readonly section: Section | undefined;
  readonly range: Range;
}

export type LineKind =
  | 'blank'
  | 'text' // body text (paragraphs, list items)
  | 'heading' // a numbered or Markdown heading
  | 'frontmatter'
  | 'code' // fenced code
  | 'table'
  | 'hr'
  | 'quote';

export interface Paragraph {
  /** Body text lines are paragraphs of their own (Chinese reports break paragraphs with one line break). */
  readonly line: number;
  /** Range of the body text on the line (after indentation; after the title for run-in headings). */
  readonly range: Range;
  readonly text: string;
  /** The heading this paragraph belongs to when it is the run-in body of a heading line. */
  readonly runinOf: Heading | undefined;
}

export interface TableCell {
  readonly text: string;
  readonly range: Range;
}

export interface Table {
  readonly startLine: number;
  readonly endLine: number;
  readonly range: Range;
  readonly header: TableCell[];
  readonly rows: TableCell[][];
}

export interface FrontMatter {
  readonly startLine: number;
  /** Line of the closing `---` (or the last line when unterminated). */
  readonly endLine: number;
  readonly range: Range;
  readonly terminated: boolean;
  /** Parsed YAML mapping; undefined when it could not be parsed. */
  readonly data: Record<string, unknown> | undefined;
  readonly error: { message: string; range: Range } | undefined;
}

export interface Title {
  readonly text: string;
  readonly range: Range;
  readonly line: number;
  readonly source: 'frontmatter' | 'heading' | 'line';
}

export interface ReportModel {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly index: LineIndex;
  readonly lineKinds: LineKind[];
  readonly frontMatter: FrontMatter | undefined;
  readonly title: Title | undefined;
  /** Every heading in document order. */
  readonly headings: Heading[];
  /** Top-level sections; each section holds its children. */
  readonly sections: Section[];
  readonly paragraphs: Paragraph[];
  readonly enumerations: Enumeration[];
  readonly tables: Table[];
  /** markdown-it block tokens of the body (line maps are document lines). */
  readonly tokens: Token[];
  /** Per-text results shared with the next version of the document (incremental analysis). */
  readonly memo: TextMemo;
}
