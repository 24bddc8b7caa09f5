/** Names of exported files, shared by the CLI (`report-export`) and the client's export commands. */
import type { ExportFormat } from './protocol';

/** Source extensions an export replaces, longest first: `年度总结.report.md` → `年度总结.docx`. */
const SOURCE_EXTENSIONS = ['.report.md', '.report', '.md', '.markdown', '.txt'];

/** The exported file's name for a source file's name (no folder): its source extension replaced by the format's. */
export function outputName(sourceName: string, format: ExportFormat): string {
  const ext = SOURCE_EXTENSIONS.find((e) => sourceName.toLowerCase().endsWith(e) && sourceName.length > e.length);
  return `${ext ? sourceName.slice(0, sourceName.length - ext.length) : sourceName}.${format}`;
}
