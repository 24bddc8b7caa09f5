import * as path from 'path';
import { DEFAULT_CONFIG, mergeConfig, t, type EngineConfig, type OutlineNode } from '../engine';
import { ConfigFiles, loadConfigFile, type LoadedConfig } from '../config-file';
import { parseCli, runMain, VERSION } from './args';
import { describeWriteError, writeFileAtomic, WriteRefused } from '../../../common/export-write';
import { checkFile, type CheckedFile, type CheckHooks, type CheckOptions } from './check-file';
import { describeFsError, expandInputs } from './inputs';
import { useLexiconCache } from '../lexicon-cache';
import { printable, printableJson } from './printable';
import { sarifLog } from './sarif';
import { statsReport } from './stats';

export type { CheckHooks } from './check-file';

const HELP = `Usage: report-check [options] <file|dir|->...

Checks Chinese work reports (述职报告, 工作总结, 政府工作报告…): outline and findings.
Files named explicitly are checked whatever their extension; directories are searched
for *.report.md and *.report; a quoted glob ("reports/**/*.md") matches what it says;
"#pattern" leaves files or folders out ("#reports/drafts"); "-" reads standard input.
Folders and globs skip node_modules, .git, .hg, .svn and the "ignores" of .reportrc.

Options:
  --format <text|json|sarif>  output format (default: text); sarif is SARIF 2.1.0
  -o, --output-file <file>    write the report to this file instead of standard output
  --max-warnings <n>     exit 1 when there are more than n warnings (errors always do)
  --config <file>        use this .reportrc.json / .reportrc.yaml (default: the nearest
                         one in the file's folder or an ancestor)
  --fix                  apply the safe fixes in place and print what changed
  --outline              text format: print the section tree of each file
  --stats                print every figure (value, unit, section, context) instead of
                         the findings; --format text, json or csv
  --lang <zh|en>         language of messages (default: from the environment's locale)
  -q, --quiet            text format: print errors only
  -h, --help             show this help
  -v, --version          show the version

Exit code: 0 no error-severity finding (and no more warnings than --max-warnings),
1 some, 2 usage error, unreadable input or a broken or invalid configuration file.`;

interface Options {
  format: 'text' | 'json' | 'sarif' | 'csv';
  stats: boolean;
  config: string | undefined;
  fix: boolean;
  outline: boolean;
  quiet: boolean;
  maxWarnings: number | undefined;
  outputFile: string | undefined;
  inputs: string[];
}


function parseOptions(argv: string[]): Options | string | 'exit' {
  const parsed = parseCli(
    argv,
    {
      format: { type: 'string', default: 'text' },
      config: { type: 'string' },
      fix: { type: 'boolean', default: false },
      outline: { type: 'boolean', default: false },
      stats: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      'max-warnings': { type: 'string' },
      'output-file': { type: 'string', short: 'o' },
    },
    HELP,
  );
  if ('exit' in parsed) return 'exit';
  if ('error' in parsed) return parsed.error;
  const v = parsed.values;
  const format = String(v['format']);
  const stats = v['stats'] === true;
  if (stats && format !== 'text' && format !== 'json' && format !== 'csv') return `--stats prints text, json or csv, not "${format}"`;
  if (!stats && format !== 'text' && format !== 'json' && format !== 'sarif') return `--format must be text, json or sarif, not "${format}"`;
  const config = v['config'];
  const max = v['max-warnings'];
  if (typeof max === 'string' && !/^\d+$/.test(max)) return `--max-warnings takes a number of warnings (0 or more), not "${max}"`;
  const outputFile = v['output-file'];
  return {
    format: format as Options['format'],
    stats,
    config: typeof config === 'string' ? config : undefined,
    fix: v['fix'] === true,
    outline: v['outline'] === true,
    quiet: v['quiet'] === true,
    maxWarnings: typeof max === 'string' ? Number(max) : undefined,
    outputFile: typeof outputFile === 'string' ? outputFile : undefined,
    inputs: parsed.inputs,
  };
}

/** Colours only on a terminal (not into --output-file, not with NO_COLOR). */
let useColor = process.stdout.isTTY && !process.env['NO_COLOR'];
const paint = (code: string, s: string): string => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
const SEVERITY_COLOR: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '2' };

function printOutline(nodes: OutlineNode[], depth: number, lines: string[]): void {
  for (const n of nodes) {
    const indent = '  '.repeat(depth + 1);
    const label = n.kind === 'heading' ? `${n.marker.trim()}${n.title}` : `· ${n.marker}${n.title}`;
    lines.push(`${indent}${printable(label)}  ${paint('2', `:${n.line}`)}`);
    printOutline(n.children, depth + 1, lines);
  }
}

function textReport(results: readonly CheckedFile[], opts: Options): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) {
    const display = printable(r.path === '-' ? '<stdin>' : r.path);
    if (r.error) {
      lines.push(`${display}: ${paint('31', 'error')}: ${printable(r.error)}`);
      continue;
    }
    for (const note of r.notes) lines.push(`${display}: ${paint('2', 'note')}: ${printable(note)}`);
    if (opts.outline && r.outline) {
      lines.push(paint('1', display));
      lines.push(`  ${t('Title')}: ${r.title ? printable(r.title) : t('(none)')}`);
      printOutline(r.outline, 0, lines);
    }
    for (const f of r.findings) {
      counts[f.severity]++;
      if (opts.quiet && f.severity !== 'error') continue;
      const s = f.range.start;
      lines.push(`${display}:${s.line + 1}:${s.character + 1}  ${paint(SEVERITY_COLOR[f.severity] ?? '0', f.severity)}  ${printable(f.message)}  ${paint('2', f.rule)}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const checked = results.filter((r) => !r.error).length;
  lines.push(
    total === 0
      ? t('{0} file(s) checked, no problems.', checked)
      : t('{0} file(s) checked: {1} problem(s) ({2} errors, {3} warnings, {4} info, {5} hints).', checked, total, counts.error, counts.warning, counts.info, counts.hint),
  );
  return lines.join('\n') + '\n';
}

function jsonReport(results: readonly CheckedFile[]): string {
  const files = results
    .filter((r) => !r.error && r.outline)
    .map((r) => {
      return {
        path: r.path === '-' ? '<stdin>' : r.path,
        title: r.title ?? null,
        outline: (r.outline ?? []).map(stripRunin),
        diagnostics: r.findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        })),
      };
    });
  return printableJson(JSON.stringify({ files }, null, 2)) + '\n';
}

/** The JSON outline has exactly the documented fields. */
function stripRunin(n: OutlineNode): Omit<OutlineNode, 'runin'> {
  return { kind: n.kind, level: n.level, number: n.number, marker: n.marker, title: n.title, line: n.line, children: n.children.map(stripRunin) };
}

/** Prints what is wrong with configuration files; true when something is. */
function reportConfigProblems(configs: Iterable<LoadedConfig>): boolean {
  let any = false;
  for (const c of configs) {
    for (const p of c.problems) process.stderr.write(`report-check: ${printable(c.path)}: ${printable(p)}\n`);
    any ||= c.problems.length > 0;
  }
  if (any) process.stderr.write(`report-check: ${t('fix the configuration file, or name another one with --config')}\n`);
  return any;
}

/** What a run checks, once the command line and the configuration files are read. */
interface Plan {
  readonly opts: Options;
  readonly inputs: ReadonlyArray<{ path: string; error?: string }>;
  /** The configuration of an input (merged once per configuration file). */
  readonly configFor: (p: string) => EngineConfig;
  readonly check: CheckOptions;
}

/** The plan of a run, or its exit code when there is nothing to check. */
function plan(argv: string[]): Plan | number {
  const opts = parseOptions(argv);
  if (opts === 'exit') return 0;
  if (typeof opts === 'string') {
    process.stderr.write(`report-check: ${printable(opts)}\n${HELP}\n`);
    return 2;
  }
  // --config names the file for every input; otherwise each file uses the nearest .reportrc.*.
  // A configuration file that is broken or names unknown rules, severities or options stops the run (exit 2).
  let explicit: LoadedConfig | undefined;
  if (opts.config !== undefined) {
    explicit = loadConfigFile(opts.config);
    if (reportConfigProblems([explicit])) return 2;
  }
  const configFiles = new ConfigFiles();
  const configOf = (p: string): LoadedConfig | undefined => explicit ?? configFiles.forPath(p === '-' ? path.join(process.cwd(), '-') : p);
  const inputs = expandInputs(opts.inputs, { configFor: configOf });
  if (inputs.length === 0) {
    process.stderr.write(`report-check: ${t('no report files (*.report.md, *.report) found')}\n`);
    return 2;
  }
  const used = new Set<LoadedConfig>();
  for (const i of inputs) {
    const c = i.error ? undefined : configOf(i.path);
    if (c) used.add(c);
  }
  if (!explicit && reportConfigProblems(used)) return 2;
  const merged = new Map<LoadedConfig | undefined, EngineConfig>();
  const configFor = (p: string): EngineConfig => {
    const loaded = configOf(p);
    let config = merged.get(loaded);
    if (config === undefined) merged.set(loaded, (config = mergeConfig(DEFAULT_CONFIG, loaded?.config)));
    return config;
  };
  return { opts, inputs, configFor, check: { fix: opts.fix, outline: opts.outline || opts.format === 'json', model: opts.stats } };
}

function checkOne(p: Plan, input: { path: string; error?: string }, hooks: CheckHooks = {}): CheckedFile {
  if (input.error) return { path: input.path, findings: [], notes: [], error: input.error };
  return checkFile(input.path, p.configFor(input.path), p.check, hooks);
}

/** Checks every input and prints the report; the exit code. */
export function main(argv: string[], hooks: CheckHooks = {}): number {
  const p = plan(argv);
  if (typeof p === 'number') return p;
  return finish(p, p.inputs.map((i) => checkOne(p, i, hooks)));
}

/** Prints the report of a run; its exit code. */
function finish(p: Plan, results: readonly CheckedFile[]): number {
  const opts = p.opts;
  const toFile = opts.outputFile !== undefined;
  if (toFile) useColor = false;
  for (const r of results) {
    // What --fix changed: on stdout in text mode, on stderr when stdout carries JSON or SARIF.
    const out = opts.format === 'text' && !toFile ? process.stdout : process.stderr;
    for (const f of r.fixed ?? []) out.write(`${printable(r.path)}:${f.line}:${f.column}  ${t('fixed')}  ${printable(f.title)}  ${f.rule}\n`);
  }
  let report: string;
  if (opts.stats) {
    report = statsReport(results.flatMap((r) => (r.model ? [{ path: r.path === '-' ? '<stdin>' : r.path, model: r.model }] : [])), opts.format === 'sarif' ? 'text' : opts.format);
    for (const r of results) if (r.error) process.stderr.write(`${printable(r.path)}: error: ${printable(r.error)}\n`);
  } else if (opts.format === 'sarif') {
    report = printableJson(JSON.stringify(sarifLog(results.map((r) => ({ path: r.path, findings: r.findings, ...(r.error ? { error: r.error } : {}) })), VERSION), null, 2)) + '\n';
  } else if (opts.format === 'json') {
    report = jsonReport(results);
    for (const r of results) {
      if (r.error) process.stderr.write(`${printable(r.path)}: error: ${printable(r.error)}\n`);
      for (const n of r.notes) process.stderr.write(`${printable(r.path)}: note: ${printable(n)}\n`);
    }
  } else {
    report = textReport(results, opts);
  }
  if (opts.outputFile !== undefined) {
    try {
      writeFileAtomic(opts.outputFile, Buffer.from(report, 'utf8'));
    } catch (e) {
      process.stderr.write(`report-check: ${printable(e instanceof WriteRefused ? describeWriteError(e, opts.outputFile, t) : `${opts.outputFile}: ${describeFsError(e)}`)}\n`);
      return 2;
    }
  } else {
    process.stdout.write(report);
  }
  if (results.some((r) => r.error)) return 2;
  if (opts.stats) return 0;
  if (results.some((r) => r.findings.some((f) => f.severity === 'error'))) return 1;
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    process.stderr.write(`report-check: ${t('too many warnings: {0} (at most {1} allowed by --max-warnings)', warnings, opts.maxWarnings)}\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  useLexiconCache();
  runMain('report-check', main);
}
