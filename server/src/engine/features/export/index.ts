/**
 * The exporters, chosen in one place: `exportReport(model, format)` gives the bytes of a report
 * as .docx (GB/T 9704-2012, see docx.ts) or as one self-contained HTML file (html.ts). The .docx
 * exporter and its library are large: they are loaded on the first .docx export, not at start.
 */
import type { ExportFormat } from '../../../../../common/protocol';
import type { ReportModel } from '../../model/types';
import { exportHtml } from './html';

export { EXPORT_FORMATS, type ExportFormat } from '../../../../../common/protocol';

const EXPORTERS: Record<ExportFormat, (model: ReportModel) => Promise<Uint8Array>> = {
  docx: async (model) => (await import('./docx')).exportDocx(model),
  html: (model) => Promise.resolve(new TextEncoder().encode(exportHtml(model))),
};

/** True for a format name the exporters know. */
export function isExportFormat(format: unknown): format is ExportFormat {
  return typeof format === 'string' && Object.prototype.hasOwnProperty.call(EXPORTERS, format);
}

/** The exported file's bytes. */
export function exportReport(model: ReportModel, format: ExportFormat): Promise<Uint8Array> {
  return EXPORTERS[format](model);
}
