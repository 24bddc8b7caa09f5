import * as fs from 'fs';
import * as path from 'path';
import { isDynamicPattern } from 'tinyglobby';
import { decodeReport, t, type DecodedText } from '../engine';
import { ConfigFiles, type LoadedConfig } from '../config-file';
import { globFiles, ignoredBy, negationMatcher, reportFilesSync } from '../files';
import { describeFsError } from '../fs-errors';

export { REPORT_EXTENSIONS } from '../files';
export { describeFsError } from '../fs-errors';
export { envLocale } from '../locale';

export interface ExpandOptions {
  /** The configuration whose `ignores` apply to a file (default: the nearest `.reportrc.*`). */
  readonly configFor?: (file: string) => LoadedConfig | undefined;
}

/**
 * Inputs of the command-line tools, as markdownlint-cli2 takes them: a file named explicitly is read
 * whatever its extension; a folder is searched for report files; a glob (`"reports/**\/*.md"`)
 * matches what it says; `#pattern` (or `!pattern`) leaves matching files and folders out; `-` is
 * standard input. Folders and globs skip the default folders (node_modules, .git …) and what the
 * nearest `.reportrc` lists in `ignores`. Each file once, in the order found.
 */
export function expandInputs(inputs: string[], options: ExpandOptions = {}): Array<{ path: string; error?: string }> {
  const configs = options.configFor ? undefined : new ConfigFiles();
  const configFor = options.configFor ?? ((file: string) => configs?.forPath(file));
  const negated = inputs.filter((i) => i.length > 1 && (i.startsWith('#') || i.startsWith('!'))).map((i) => i.slice(1));
  const excluded = negationMatcher(negated);
  const out: Array<{ path: string; error?: string }> = [];
  const seen = new Set<string>();
  const add = (p: string, searched: boolean): void => {
    const key = path.resolve(p);
    if (seen.has(key) || excluded(p) || (searched && ignoredBy(configFor(p), p))) return;
    seen.add(key);
    out.push({ path: p });
  };
  for (const input of inputs) {
    if (input === '-') {
      out.push({ path: '-' });
      continue;
    }
    if (input.length > 1 && (input.startsWith('#') || input.startsWith('!'))) continue;
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      if (isDynamicPattern(input)) {
        for (const p of globFiles([input], negated)) add(p, true);
      } else {
        out.push({ path: input, error: describeFsError(e) });
      }
      continue;
    }
    if (!stat.isDirectory()) {
      add(input, false);
      continue;
    }
    let found: string[];
    try {
      fs.readdirSync(input);
      found = reportFilesSync(input);
    } catch (e) {
      out.push({ path: input, error: describeFsError(e) });
      continue;
    }
    for (const p of found) add(p, true);
  }
  return out;
}

/** A report read from a file or standard input, decoded, with what the reader should know about its encoding. */
export type ReadReport = { readonly text: string; readonly decoded: DecodedText; readonly notes: string[] } | { readonly error: string };

/** Reads and decodes one input (`-` is standard input): UTF-8, UTF-16 with a BOM or GB18030; binary files are refused. */
export function readReport(p: string): ReadReport {
  let bytes: Buffer;
  try {
    bytes = p === '-' ? fs.readFileSync(0) : fs.readFileSync(p);
  } catch (e) {
    return { error: describeFsError(e) };
  }
  const decoded = decodeReport(bytes);
  if (decoded.binary) return { error: t('binary file, not a text report (skipped)') };
  const notes: string[] = [];
  if (decoded.encoding === 'gb18030') notes.push(t('not UTF-8: decoded as GB18030 (GBK)'));
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') notes.push(t('decoded as {0}', decoded.encoding.toUpperCase()));
  if (decoded.encoding === 'utf-8-lossy') notes.push(t('not valid UTF-8 (nor GBK): undecodable bytes are shown as \uFFFD'));
  return { text: decoded.text, decoded, notes };
}
