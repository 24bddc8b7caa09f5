/**
 * SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, Azure DevOps, the SARIF viewer):
 * - artifact URIs are relative to `%SRCROOT%`, the folder report-check ran in, given in
 *   `originalUriBaseIds` (files outside it keep an absolute file: URI);
 * - each rule carries its documentation page as `help` (markdown), read from docs/rules/ shipped
 *   beside the bundle; there is no `helpUri` or `informationUri`: the tool has no web address,
 *   and a file: path of the machine that ran it would be useless, or a leak, anywhere else.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { language, RULES, type Rule, type Severity } from '../engine';
import type { Reported } from './check-file';

/** What the SARIF writer needs of one checked file. */
export interface SarifFile {
  readonly path: string;
  readonly findings: readonly Reported[];
  readonly error?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

/** docs/rules/ beside the bundle (dist/../docs/rules), or in the source tree when run from sources. */
function docsDir(): string | undefined {
  return [path.join(__dirname, '..', 'docs', 'rules'), path.join(__dirname, '..', '..', '..', 'docs', 'rules')].find((d) => fs.existsSync(d));
}

/** The rule's documentation page without its generated header, as SARIF `help`. */
function helpOf(rule: Rule, dir: string | undefined): { text: string; markdown?: string } {
  let page: string | undefined;
  try {
    if (dir) page = fs.readFileSync(path.join(dir, `${rule.id}.md`), 'utf8').replace(/<!-- generated:meta[\s\S]*?<!-- \/generated:meta -->\n*/, '');
  } catch {
    // no page: the description alone
  }
  const text = rule.description[language()];
  return page ? { text, markdown: page } : { text };
}

/** A relative path as a URI reference: segments percent-encoded (Chinese file names too), `/` between them. */
const relativeUri = (rel: string): string => rel.split(path.sep).map(encodeURIComponent).join('/');

function artifactLocation(p: string): { uri: string; uriBaseId?: string } {
  if (p === '-') return { uri: 'stdin' };
  const abs = path.resolve(p);
  const rel = path.relative(process.cwd(), abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).toString() };
  return { uri: relativeUri(rel), uriBaseId: SRCROOT };
}

/** SARIF 2.1.0 log of the findings. Lines and columns are 1-based; columns count UTF-16 code units. */
export function sarifLog(files: readonly SarifFile[], version: string): unknown {
  const dir = docsDir();
  const rules = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description[language()] },
    help: helpOf(r, dir),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { tags: [...r.tags] },
  }));
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results = files.flatMap((f) =>
    f.findings.map((d) => {
      const r = d.range;
      const fix = d.fix;
      return {
        ruleId: d.rule,
        ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(f.path),
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
                      artifactLocation: artifactLocation(f.path),
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
        tool: { driver: { name: 'report-check', version, semanticVersion: version, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(process.cwd()).toString().replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: notifications.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
      },
    ],
  };
}
