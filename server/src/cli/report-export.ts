/**
 * `report-export`: batch export of reports to Word (.docx) or HTML, laid out per GB/T 9704-2012.
 * The engine builds the bytes; this file reads inputs and writes outputs (temp file + rename).
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildModel, t } from '../engine';
import { EXPORT_FORMATS, exportReport, isExportFormat, type ExportFormat } from '../engine/features/export';
import { outputName } from '../../../common/output-name';
import { describeWriteError, writeFileAtomic } from '../../../common/export-write';
import { parseCli, runMain } from './args';
import { describeFsError, expandInputs, readReport } from './inputs';
import { printable } from './printable';

const HELP = `Usage: report-export [options] <file|dir|->...

Exports Chinese work reports to Word (.docx) or HTML laid out per GB/T 9704-2012
(A4, 仿宋 3号 body, 22 lines × 28 characters, page numbers 「— N —」).
Files named explicitly are exported whatever their extension; directories are searched
for *.report.md and *.report; "-" reads standard input (written to -o, or to standard output).

Options:
  -f, --format <${EXPORT_FORMATS.join('|')}>  output format (default: docx); --export is the same option
  -o, --out <dir|file>   output folder (created if missing), or the output file for a single input;
                         default: beside each input
  --lang <zh|en>         language of messages (default: from the environment's locale)
  -h, --help             show this help
  -v, --version          show the version

Each file is written to a temporary file first and then renamed, so a failed export never
leaves a half-written file; a file that is replaced keeps its permissions, and a read-only one
is not replaced. Nothing is exported when two inputs would be exported to the same file
(a.report.md and a.report, or x/r.report.md and y/r.report.md with one -o folder), or when an
export would replace one of the inputs. Exit code: 0 all exported, 2 usage error or a file that
could not be read or written (the others are still exported).`;

interface Options {
  format: ExportFormat;
  out: string | undefined;
  inputs: string[];
}

function parseOptions(argv: string[]): Options | string | 'exit' {
  const parsed = parseCli(argv, { format: { type: 'string', short: 'f' }, export: { type: 'string' }, out: { type: 'string', short: 'o' } }, HELP);
  if ('exit' in parsed) return 'exit';
  if ('error' in parsed) return parsed.error;
  const v = parsed.values;
  const format = v['format'] ?? v['export'] ?? 'docx';
  if (!isExportFormat(format)) return `--format must be ${EXPORT_FORMATS.join(' or ')}, not "${String(format)}"`;
  const out = v['out'];
  return { format, out: typeof out === 'string' ? out : undefined, inputs: parsed.inputs };
}

/** `name.report.md` → `name.docx` (standard input is `report`). */
function outputNameOf(input: string, format: ExportFormat): string {
  return outputName(input === '-' ? 'report' : path.basename(input), format);
}

/** Where each input goes: -o as a file (single input, the format's extension), -o as a folder, or beside the input. */
function targetOf(input: string, opts: Options, single: boolean): string | undefined {
  const out = opts.out;
  if (out !== undefined && single && out.toLowerCase().endsWith(`.${opts.format}`)) return out;
  if (out !== undefined) return path.join(out, outputNameOf(input, opts.format));
  return input === '-' ? undefined : path.join(path.dirname(input), outputNameOf(input, opts.format));
}

/** One path per file whatever the spelling: links resolved, and case folded where the file system ignores case. */
function fileKey(p: string): string {
  let real: string;
  try {
    real = fs.realpathSync(p);
  } catch {
    try {
      real = path.join(fs.realpathSync(path.dirname(p)), path.basename(p));
    } catch {
      real = path.resolve(p);
    }
  }
  return process.platform === 'darwin' || process.platform === 'win32' ? real.normalize('NFC').toLowerCase() : real;
}

interface Job {
  readonly input: string;
  readonly target: string | undefined;
}

/**
 * Where every input goes, decided before anything is written: the same input named twice is
 * exported once; two inputs exported to one file, or an export that would replace an input, are
 * refused (each refusal is one line; any refusal means nothing is exported).
 */
function planJobs(inputs: readonly string[], opts: Options, single: boolean): { jobs: Job[]; refusals: string[] } {
  const seen = new Set<string>();
  const unique = inputs.filter((i) => {
    const key = i === '-' ? '-' : fileKey(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const inputKeys = new Map(unique.filter((i) => i !== '-').map((i) => [fileKey(i), i]));
  const byTarget = new Map<string, string>();
  const refusals: string[] = [];
  const jobs = unique.map((input): Job => {
    const target = targetOf(input, opts, single);
    if (target === undefined) return { input, target };
    const key = fileKey(target);
    const source = inputKeys.get(key);
    if (source === input) refusals.push(t('{0} is the input itself: its export would replace the report', target));
    else if (source !== undefined) refusals.push(t('{0} is one of the inputs: the export of {1} would replace it', target, input === '-' ? '<stdin>' : input));
    const other = byTarget.get(key);
    if (other !== undefined) refusals.push(t('{0} and {1} would both be exported to {2}: rename one, or export them to different folders', other === '-' ? '<stdin>' : other, input === '-' ? '<stdin>' : input, target));
    else byTarget.set(key, input);
    return { input, target };
  });
  return { jobs, refusals };
}

export async function main(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  if (opts === 'exit') return 0;
  if (typeof opts === 'string') {
    process.stderr.write(`report-export: ${printable(opts)}\n${HELP}\n`);
    return 2;
  }
  const inputs = expandInputs(opts.inputs);
  if (inputs.length === 0) {
    process.stderr.write(`report-export: ${t('no report files (*.report.md, *.report) found')}\n`);
    return 2;
  }
  const single = inputs.length === 1;
  let failed = 0;
  const fail = (shown: string, message: string): void => {
    failed++;
    process.stderr.write(`report-export: ${printable(shown)}: ${printable(message)}\n`);
  };
  for (const input of inputs) if (input.error) fail(input.path, input.error);
  const { jobs, refusals } = planJobs(
    inputs.filter((i) => !i.error).map((i) => i.path),
    opts,
    single,
  );
  if (refusals.length > 0) {
    for (const r of refusals) process.stderr.write(`report-export: ${printable(r)}\n`);
    process.stderr.write(`report-export: ${t('nothing was exported')}\n`);
    return 2;
  }
  const outIsDir = opts.out !== undefined && !(single && opts.out.toLowerCase().endsWith(`.${opts.format}`));
  if (outIsDir && opts.out !== undefined) {
    try {
      fs.mkdirSync(opts.out, { recursive: true });
    } catch (e) {
      process.stderr.write(`report-export: ${printable(t('cannot create the output folder {0}: {1}', opts.out, describeFsError(e)))}\n`);
      return 2;
    }
  }
  for (const { input, target } of jobs) {
    const shown = input === '-' ? '<stdin>' : input;
    const read = readReport(input);
    if ('error' in read) {
      fail(shown, read.error);
      continue;
    }
    const model = buildModel({ text: read.text, uri: input === '-' ? 'stdin' : path.resolve(input) });
    const data = await exportReport(model, opts.format);
    if (target === undefined) {
      process.stdout.write(data);
      continue;
    }
    try {
      writeFileAtomic(target, data);
      process.stdout.write(`${printable(shown)} → ${printable(target)}\n`);
    } catch (e) {
      fail(shown, describeWriteError(e, target, t));
    }
  }
  return failed > 0 ? 2 : 0;
}

if (require.main === module) runMain('report-export', main);
