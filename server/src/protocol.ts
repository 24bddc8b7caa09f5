/** Custom requests shared by the client and the server. */
import { RequestType } from 'vscode-languageserver-protocol';
import type { ReportStatistics } from './engine/features/statistics';

export interface OutlineParams {
  readonly uri: string;
}

/** `report/outline`: the outline as the CLI prints it (for tests and tools). */
export const OutlineRequest = new RequestType<OutlineParams, unknown[], void>('report/outline');

export interface RenderParams {
  readonly uri: string;
  /** 'flow' (follows the editor theme) or 'page' (A4 pages per GB/T 9704). */
  readonly view: 'flow' | 'page';
  /** Mark the document's diagnostics in the preview. */
  readonly diagnostics: boolean;
}

export interface RenderResponse {
  readonly uri: string;
  readonly version: number;
  readonly view: 'flow' | 'page';
  /** The rendered body (escaped; every block has data-line). */
  readonly html: string;
  /** The page view's CSS (GB/T 9704), the same string the HTML export inlines. */
  readonly pageCss: string;
  readonly title: string;
  readonly pages: number;
  /** Rendered blocks: first and last source line, page (0 in the flow view). */
  readonly lineMap: Array<{ line: number; endLine: number; page: number }>;
}

/** `report/render`: the live preview's HTML, rendered by the engine from the document model. */
export const RenderRequest = new RequestType<RenderParams, RenderResponse | null, void>('report/render');

export interface StatisticsParams {
  readonly uri: string;
}

export type { ReportStatistics, FigureEntry } from './engine/features/statistics';

/** `report/statistics`: every figure of a document with its unit, section and context (null for an unknown document). */
export const StatisticsRequest = new RequestType<StatisticsParams, ReportStatistics | null, void>('report/statistics');

export interface ExportParams {
  readonly uri: string;
  readonly format: 'docx' | 'html';
  /** The document's text when the server does not have it open (a file that is not a `report` document). */
  readonly text?: string;
}

export interface ExportResponse {
  readonly format: 'docx' | 'html';
  /** The file's bytes, base64. */
  readonly data: string;
  readonly title: string;
}

/** `report/export`: the .docx (GB/T 9704) or self-contained HTML of a document, built by the engine (null for an unknown document). */
export const ExportRequest = new RequestType<ExportParams, ExportResponse | null, void>('report/export');
