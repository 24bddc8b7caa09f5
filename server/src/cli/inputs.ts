import * as fs from 'fs';
import * as path from 'path';
import { decodeReport, t, type DecodedText } from '../engine';

/** Report files by name; other files are read only when named explicitly. */
export const REPORT_EXTENSIONS = ['.report.md', '.report'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** The locale of the environment, for the language of messages when --lang is not given. */
export function envLocale(): string | undefined {
  return process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG'] || Intl.DateTimeFormat().resolvedOptions().locale;
}

/** A one-line reason for a file-system error, in the user's language. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return t('no such file or directory');
  if (code === 'EACCES' || code === 'EPERM') return t('permission denied');
  if (code === 'EISDIR') return t('is a directory');
  return e instanceof Error ? e.message : String(e);
}

/** Inputs of the command-line tools: explicit files as they are, directories searched for report files, `-` for stdin. */
export function expandInputs(inputs: string[]): Array<{ path: string; error?: string }> {
  const out: Array<{ path: string; error?: string }> = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.push({ path: dir, error: describeFsError(e) });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p);
      } else if (REPORT_EXTENSIONS.some((ext) => e.name.endsWith(ext))) {
        out.push({ path: p });
      }
    }
  };
  for (const input of inputs) {
    if (input === '-') {
      out.push({ path: '-' });
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      out.push({ path: input, error: describeFsError(e) });
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else out.push({ path: input });
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
