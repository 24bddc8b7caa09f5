import data from '../snippets/templates.json';

/** A report skeleton: the same data VS Code reads as file-template snippets (snippets/templates.json). */
export interface ReportTemplate {
  /** Stable id, e.g. 'shuzhi' (the argument of `report.newReport`). */
  readonly id: string;
  /** Chinese name shown to the user, e.g. 「述职述德述廉报告」. */
  readonly name: string;
  readonly description: string;
  readonly prefixes: readonly string[];
  /** Snippet body (TextMate snippet syntax with tab stops). */
  readonly body: string;
}

interface RawTemplate {
  id: string;
  prefix: string | string[];
  description: string;
  body: string | string[];
}

export const REPORT_TEMPLATES: readonly ReportTemplate[] = Object.entries(data as Record<string, RawTemplate>).map(([name, raw]) => ({
  id: raw.id,
  name,
  description: raw.description,
  prefixes: Array.isArray(raw.prefix) ? raw.prefix : [raw.prefix],
  body: Array.isArray(raw.body) ? raw.body.join('\n') : raw.body,
}));

export function templateById(id: string): ReportTemplate | undefined {
  return REPORT_TEMPLATES.find((t) => t.id === id);
}
