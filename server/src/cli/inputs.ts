import * as fs from 'fs';
import * as path from 'path';
import { isDynamicPattern } from 'tinyglobby';
import { decodeReport, t, type DecodedText } from '../engine';
import { ConfigFiles, type LoadedConfig } from '../config-file';
import { globFiles, ignoredBy, negationMatcher, reportFilesSync } from '../files';
import { describeFsError } from '../fs-errors';
import { snapshotOf, type FileSnapshot } from '../../../common/export-write';

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

/**
 * The largest input read: 20 MiB (20,971,520 bytes). A report is a few hundred kilobytes; beyond
 * this the rules would not run anyway (more than 5,000,000 characters), and a file read whole,
 * or a device such as /dev/zero read without end, would take the machine's memory.
 */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
const MIB = 1024 * 1024;

/** A report read from a file or standard input, decoded, with what the reader should know about its encoding. */
export type ReadReport =
  | {
      readonly text: string;
      readonly decoded: DecodedText;
      readonly notes: string[];
      /** What a regular file was when it was read (`--fix` checks it again before replacing the file). */
      readonly snapshot: FileSnapshot | undefined;
    }
  | { readonly error: string };

/** Reads and decodes one input (`-` is standard input): UTF-8, UTF-16 with a BOM or GB18030; binary files and inputs over {@link MAX_INPUT_BYTES} are refused. */
export function readReport(p: string, limit = MAX_INPUT_BYTES): ReadReport {
  let read: { bytes: Buffer; snapshot: FileSnapshot | undefined } | { error: string };
  try {
    read = readCapped(p, limit);
  } catch (e) {
    return { error: describeFsError(e) };
  }
  if ('error' in read) return read;
  const decoded = decodeReport(read.bytes);
  if (decoded.binary) return { error: t('binary file, not a text report (skipped)') };
  const notes: string[] = [];
  if (decoded.encoding === 'gb18030') notes.push(t('not UTF-8: decoded as GB18030 (GBK)'));
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') notes.push(t('decoded as {0}', decoded.encoding.toUpperCase()));
  if (decoded.encoding === 'utf-8-lossy') notes.push(t('not valid UTF-8 (nor GBK): undecodable bytes are shown as \uFFFD'));
  return { text: decoded.text, decoded, notes, snapshot: read.snapshot };
}

/**
 * The bytes of a file or of standard input, at most `limit`: a regular file's size is checked
 * before anything is read; a pipe or a device is read until the limit and refused past it.
 */
function readCapped(p: string, limit: number): { bytes: Buffer; snapshot: FileSnapshot | undefined } | { error: string } {
  const fd = p === '-' ? 0 : fs.openSync(p, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { error: t('is a directory') };
    const regular = stat.isFile();
    if (regular && stat.size > limit) return { error: t('{0} MB: larger than the limit of {1} MB for one report (not read)', (stat.size / MIB).toFixed(1), limit / MIB) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const n = readSome(fd, chunk);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) return { error: t('more than {0} MB: larger than the limit for one report (not read)', limit / MIB) };
    }
    const bytes = Buffer.concat(chunks, total);
    return { bytes, snapshot: regular ? snapshotOf(stat, bytes) : undefined };
  } finally {
    if (p !== '-') fs.closeSync(fd);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** One read; a non-blocking standard input that has nothing yet is waited for, not taken for its end. */
function readSome(fd: number, into: Buffer): number {
  for (;;) {
    try {
      return fs.readSync(fd, into, 0, into.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
        Atomics.wait(pause, 0, 0, 20);
        continue;
      }
      if (code === 'EOF') return 0; // Windows: the writing end of the pipe was closed
      throw e;
    }
  }
}
