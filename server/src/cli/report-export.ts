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
leaves a half-written file. Exit code: 0 all exported, 2 usage error or a file that could not
be read or written (the others are still exported).`;

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

export async function main(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  if (opts === 'exit') return 0;
  if (typeof opts === 'string') {
    process.stderr.write(`report-export: ${opts}\n${HELP}\n`);
    return 2;
  }
  const inputs = expandInputs(opts.inputs);
  if (inputs.length === 0) {
    process.stderr.write(`report-export: ${t('no report files (*.report.md, *.report) found')}\n`);
    return 2;
  }
  const single = inputs.length === 1;
  const outIsDir = opts.out !== undefined && !(single && opts.out.toLowerCase().endsWith(`.${opts.format}`));
  if (outIsDir && opts.out !== undefined) {
    try {
      fs.mkdirSync(opts.out, { recursive: true });
    } catch (e) {
      process.stderr.write(`report-export: ${t('cannot create the output folder {0}: {1}', opts.out, describeFsError(e))}\n`);
      return 2;
    }
  }
  let failed = 0;
  for (const input of inputs) {
    const shown = input.path === '-' ? '<stdin>' : input.path;
    const fail = (message: string): void => {
      failed++;
      process.stderr.write(`report-export: ${shown}: ${message}\n`);
    };
    if (input.error) {
      fail(input.error);
      continue;
    }
    const read = readReport(input.path);
    if ('error' in read) {
      fail(read.error);
      continue;
    }
    const model = buildModel({ text: read.text, uri: input.path === '-' ? 'stdin' : path.resolve(input.path) });
    const data = await exportReport(model, opts.format);
    const target = targetOf(input.path, opts, single);
    if (target === undefined) {
      process.stdout.write(data);
      continue;
    }
    try {
      writeFileAtomic(target, data);
      process.stdout.write(`${shown} → ${target}\n`);
    } catch (e) {
      fail(describeWriteError(e, target, t));
    }
  }
  return failed > 0 ? 2 : 0;
}

if (require.main === module) runMain('report-export', main);
