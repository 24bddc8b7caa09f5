/**
 * The command line shared by `report-check` and `report-export`: the options both take (--lang,
 * --help, --version), inputs as positionals, and one way to say what went wrong.
 */
import { parseArgs, type ParseArgsConfig } from 'util';
import { setLanguage } from '../engine';
import { envLocale } from './inputs';

export const VERSION = '0.1.0';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

const COMMON: OptionsConfig = {
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
};

export type ParsedCli = { values: Record<string, string | boolean | undefined>; inputs: string[] } | { exit: 0 } | { error: string };

/**
 * Parses a command line: --help and --version print and ask to exit 0; --lang sets the language
 * of messages (default: the environment's locale); at least one input is required.
 */
export function parseCli(argv: string[], options: OptionsConfig, help: string): ParsedCli {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...COMMON, ...options } });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v['help']) {
    process.stdout.write(help + '\n');
    return { exit: 0 };
  }
  if (v['version']) {
    process.stdout.write(VERSION + '\n');
    return { exit: 0 };
  }
  const lang = v['lang'];
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') return { error: `--lang must be zh or en, not "${String(lang)}"` };
  setLanguage(typeof lang === 'string' ? lang : envLocale());
  if (parsed.positionals.length === 0) return { error: 'no input: name files, directories or - for standard input' };
  return { values: v, inputs: parsed.positionals };
}

/** Runs a command's main and sets the exit code; an unexpected failure is one line and exit 2, never a stack trace. */
export function runMain(name: string, main: (argv: string[]) => number | Promise<number>): void {
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        process.stderr.write(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
      },
    );
}
