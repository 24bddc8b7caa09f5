/**
 * The custom requests of the report language server, shared by the client and the server: each
 * request is one typed `RequestType` (the client sends it as such, never by its string name), with
 * its parameters and its result. The data shapes are defined here and nowhere else: the engine's
 * features produce them, the client and other tools read them.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';

// ------------------------------------------------------------------ report/outline

export interface OutlineParams {
  readonly uri: string;
}

/** One node of the outline as the CLI's JSON prints it (1-based lines). */
export interface OutlineNode {
  kind: 'heading' | 'enumeration';
  level: number;
  number: string;
  marker: string;
  title: string;
  line: number;
  runin?: boolean;
  children: OutlineNode[];
}

/** `report/outline`: the section tree with inline enumerations (an empty list for an unknown document). */
export const OutlineRequest = new RequestType<OutlineParams, OutlineNode[], void>('report/outline');

// ------------------------------------------------------------------ report/render

export type RenderView = 'flow' | 'page';

/** The views of the preview. */
export const RENDER_VIEWS: readonly RenderView[] = ['flow', 'page'];

export interface RenderParams {
  readonly uri: string;
  /** 'flow' (follows the editor theme) or 'page' (A4 pages per GB/T 9704). */
  readonly view: RenderView;
  /** Mark the document's diagnostics in the preview. */
  readonly diagnostics: boolean;
}

/** A rendered block: first and last source line (0-based), page (0 in the flow view). */
export interface LineMapEntry {
  readonly line: number;
  readonly endLine: number;
  readonly page: number;
}

export interface RenderResponse {
  readonly uri: string;
  readonly version: number;
  readonly view: RenderView;
  /** The rendered body (escaped; every block has data-line). */
  readonly html: string;
  /** The page view's CSS (GB/T 9704), the same string the HTML export inlines. */
  readonly pageCss: string;
  readonly title: string;
  readonly pages: number;
  readonly lineMap: LineMapEntry[];
}

/** `report/render`: the live preview's HTML, rendered by the engine from the document model. */
export const RenderRequest = new RequestType<RenderParams, RenderResponse | null, void>('report/render');

// ------------------------------------------------------------------ report/statistics

/** What a figure is: counted things, money, physical measures, percentages, percentage points, multiples, bare numbers. */
export type FigureKind = 'count' | 'amount' | 'measure' | 'percent' | 'points' | 'multiple' | 'plain';

/** How exact a figure is: an approximate figure is a bound, never an exact value. */
export type Approx = 'exact' | 'about' | 'atLeast' | 'atMost' | 'range';

/** One figure of a report, as reviewers check it against source tables. */
export interface FigureEntry {
  readonly text: string;
  readonly value: number;
  readonly unit: string;
  readonly kind: FigureKind;
  readonly approx: Approx;
  /** The word that makes it approximate (余, 近, 以上…), '' when exact. */
  readonly qualifier: string;
  readonly range: Range;
  /** Path of the section it is in: 「一、…」, 「（二）…」 (empty before the first heading). */
  readonly section: string[];
  /** Line of the innermost section's heading (0-based), -1 when none. */
  readonly sectionLine: number;
  /** The sentence it is stated in (about 120 characters around the figure). */
  readonly context: string;
}

export interface ReportStatistics {
  readonly uri: string;
  readonly title: string | null;
  readonly figures: FigureEntry[];
  /** Number of figures by kind. */
  readonly counts: Record<string, number>;
}

export interface StatisticsParams {
  readonly uri: string;
}

/** `report/statistics`: every figure of a document with its unit, section and context (null for an unknown document). */
export const StatisticsRequest = new RequestType<StatisticsParams, ReportStatistics | null, void>('report/statistics');

// ------------------------------------------------------------------ report/export

export type ExportFormat = 'docx' | 'html';

/** The export formats, in the order they are offered. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'html'];

export interface ExportParams {
  readonly uri: string;
  readonly format: ExportFormat;
  /** The document's text when the server does not have it open (a file that is not a `report` document). */
  readonly text?: string;
}

export interface ExportResponse {
  readonly format: ExportFormat;
  /** The file's bytes, base64. */
  readonly data: string;
  readonly title: string;
}

/** `report/export`: the .docx (GB/T 9704) or self-contained HTML of a document, built by the engine (null for an unknown document). */
export const ExportRequest = new RequestType<ExportParams, ExportResponse | null, void>('report/export');
