/**
 * `report-export`: batch export of reports to Word (.docx) or HTML, laid out per GB/T 9704-2012.
 * The engine builds the bytes; this file reads inputs and writes outputs (temp file + rename).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { buildModel, decodeReport, setLanguage, t, type ReportModel } from './engine';
import { exportDocx } from './engine/features/export-docx';
import { exportHtml } from './engine/features/export-html';
import { describeWriteError, writeFileAtomic } from './export-write';
import { describeFsError, envLocale, expandInputs } from './cli-inputs';

const VERSION = '0.1.0';
const STRIP_EXTENSIONS = ['.report.md', '.report', '.md', '.markdown', '.txt'];

export type ExportFormat = 'docx' | 'html';
const EXPORTERS: Record<ExportFormat, (model: ReportModel) => Promise<Uint8Array>> = {
  docx: (model) => exportDocx(model),
  html: (model) => Promise.resolve(new TextEncoder().encode(exportHtml(model))),
};

const HELP = `Usage: report-export [options] <file|dir|->...

Exports Chinese work reports to Word (.docx) or HTML laid out per GB/T 9704-2012
(A4, 仿宋 3号 body, 22 lines × 28 characters, page numbers 「— N —」).
Files named explicitly are exported whatever their extension; directories are searched
for *.report.md and *.report; "-" reads standard input (written to -o, or to standard output).

Options:
  -f, --format <${Object.keys(EXPORTERS).join('|')}>  output format (default: docx); --export is the same option
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
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        export: { type: 'string' },
        out: { type: 'string', short: 'o' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(HELP + '\n');
    return 'exit';
  }
  if (v.version) {
    process.stdout.write(VERSION + '\n');
    return 'exit';
  }
  if (v.lang !== undefined && v.lang !== 'zh' && v.lang !== 'en') return `--lang must be zh or en, not "${v.lang}"`;
  setLanguage(v.lang ?? envLocale());
  const format = v.format ?? v.export ?? 'docx';
  if (!(format in EXPORTERS)) return `--format must be ${Object.keys(EXPORTERS).join(' or ')}, not "${format}"`;
  if (parsed.positionals.length === 0) return 'no input: name files, directories or - for standard input';
  return { format: format as ExportFormat, out: v.out, inputs: parsed.positionals };
}



/** `name.report.md` → `name.docx`. */
export function outputName(input: string, format: ExportFormat): string {
  const base = input === '-' ? 'report' : path.basename(input);
  const ext = STRIP_EXTENSIONS.find((e) => base.toLowerCase().endsWith(e) && base.length > e.length);
  return `${ext ? base.slice(0, base.length - ext.length) : base}.${format}`;
}

/** Where each input goes: -o as a file (single input, the format's extension), -o as a folder, or beside the input. */
function targetOf(input: string, opts: Options, single: boolean): string | undefined {
  const out = opts.out;
  if (out !== undefined && single && out.toLowerCase().endsWith(`.${opts.format}`)) return out;
  if (out !== undefined) return path.join(out, outputName(input, opts.format));
  return input === '-' ? undefined : path.join(path.dirname(input), outputName(input, opts.format));
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
    let bytes: Buffer;
    try {
      bytes = input.path === '-' ? fs.readFileSync(0) : fs.readFileSync(input.path);
    } catch (e) {
      fail(describeFsError(e));
      continue;
    }
    const decoded = decodeReport(bytes);
    if (decoded.binary) {
      fail(t('binary file, not a text report (skipped)'));
      continue;
    }
    const model = buildModel({ text: decoded.text, uri: input.path === '-' ? 'stdin' : path.resolve(input.path) });
    const data = await EXPORTERS[opts.format](model);
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

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`report-export: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
