import * as path from 'path';
import { pathToFileURL } from 'url';
import { RULES, type RuleDiagnostic, type Severity } from '../engine';

/** What the SARIF writer needs of one checked file. */
export interface SarifFile {
  readonly path: string;
  readonly findings: readonly RuleDiagnostic[];
  readonly error?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** Rule pages shipped beside the bundle: dist/../docs/rules/<id>.md. */
const DOCS = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).toString();

function artifactUri(p: string): string {
  if (p === '-') return 'stdin';
  const rel = path.relative(process.cwd(), path.resolve(p));
  return rel.startsWith('..') || path.isAbsolute(rel) ? pathToFileURL(path.resolve(p)).toString() : rel.split(path.sep).join('/');
}

/** SARIF 2.1.0 log of the findings (for code-scanning UIs). Lines and columns are 1-based; columns count UTF-16 code units. */
export function sarifLog(files: readonly SarifFile[], version: string): unknown {
  const rules = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    helpUri: `${DOCS}/${r.id}.md`,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results = files.flatMap((f) =>
    f.findings.map((d) => {
      const r = d.finding.range;
      const fix = d.finding.fixes?.find((x) => x.preferred);
      return {
        ruleId: d.rule.id,
        ...(index.has(d.rule.id) ? { ruleIndex: index.get(d.rule.id) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(f.path) },
              region: { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 },
            },
          },
        ],
        ...(fix
          ? {
              fixes: [
                {
                  description: { text: fix.title },
                  artifactChanges: [
                    {
                      artifactLocation: { uri: artifactUri(f.path) },
                      replacements: fix.edits.map((e) => ({
                        deletedRegion: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 },
                        insertedContent: { text: e.newText },
                      })),
                    },
                  ],
                },
              ],
            }
          : {}),
      };
    }),
  );
  const notifications = files
    .filter((f) => f.error)
    .map((f) => ({ level: 'error', message: { text: `${f.path}: ${f.error ?? ''}` } }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'report-check', version, informationUri: 'https://example.invalid/report-language-tools', rules } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: notifications.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
      },
    ],
  };
}
