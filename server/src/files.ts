/**
 * Which files are reports, and which are skipped: one definition for `report-check`,
 * `report-export` and the language server's workspace scan (workspace symbols).
 * - A folder is searched for `*.report.md` and `*.report`.
 * - DEFAULT_IGNORED_FOLDERS are never searched (dependencies and version-control data); nothing
 *   else is skipped unless a `.reportrc` says so in `ignores`.
 * - `ignores` of the nearest `.reportrc.*`: glob patterns relative to that file's folder; a pattern
 *   that names a folder skips everything in it.
 */
import * as path from 'path';
import picomatch from 'picomatch';
import { glob, globSync } from 'tinyglobby';
import type { LoadedConfig } from './config-file';

/** Report files by name; other files are read only when named explicitly or matched by a glob. */
export const REPORT_EXTENSIONS = ['.report.md', '.report'];
/** Folders never searched, at any depth (documented in docs/configuration.md). */
export const DEFAULT_IGNORED_FOLDERS = ['node_modules', '.git', '.hg', '.svn'];

export const REPORT_PATTERNS = REPORT_EXTENSIONS.map((ext) => `**/*${ext}`);
export const DEFAULT_IGNORES = DEFAULT_IGNORED_FOLDERS.map((f) => `**/${f}/**`);

const toPosix = (p: string): string => p.split(path.sep).join('/');

/** Each pattern, and for one that may name a folder, everything in that folder. */
export function withFolderContents(patterns: readonly string[]): string[] {
  return patterns.flatMap((p) => {
    const bare = p.replace(/\/+$/, '');
    return bare.endsWith('/**') ? [bare] : [bare, `${bare}/**`];
  });
}

const matchers = new WeakMap<LoadedConfig, (rel: string) => boolean>();

/** True when the config's `ignores` skip this file. */
export function ignoredBy(config: LoadedConfig | undefined, file: string): boolean {
  if (!config || config.ignores.length === 0) return false;
  const rel = toPosix(path.relative(path.dirname(config.path), path.resolve(file)));
  if (rel === '' || rel.startsWith('../') || path.isAbsolute(rel)) return false;
  let match = matchers.get(config);
  if (!match) {
    match = picomatch(withFolderContents(config.ignores), { dot: true });
    matchers.set(config, match);
  }
  return match(rel);
}

const sortPaths = (files: string[]): string[] => files.sort((a, b) => a.localeCompare(b));

/** The report files under a folder (paths joined to `dir` as given), sorted. */
export function reportFilesSync(dir: string): string[] {
  return sortPaths(globSync(REPORT_PATTERNS, { cwd: dir, ignore: DEFAULT_IGNORES, dot: true, followSymbolicLinks: false }).map((f) => path.join(dir, f)));
}

/** The same, without blocking (the server's workspace scan). */
export async function reportFiles(dir: string): Promise<string[]> {
  return sortPaths((await glob(REPORT_PATTERNS, { cwd: dir, ignore: DEFAULT_IGNORES, dot: true, followSymbolicLinks: false })).map((f) => path.join(dir, f)));
}

/** Files matching glob patterns (relative to the current folder), `negated` ones and the default folders left out. */
export function globFiles(patterns: readonly string[], negated: readonly string[]): string[] {
  return sortPaths(globSync([...patterns], { ignore: [...DEFAULT_IGNORES, ...withFolderContents(negated)], dot: true, followSymbolicLinks: false }));
}

/** Negations of the command line (`#drafts` or `!drafts`, as markdownlint-cli2 writes them) as a matcher of paths. */
export function negationMatcher(negated: readonly string[]): (file: string) => boolean {
  if (negated.length === 0) return () => false;
  const match = picomatch(withFolderContents(negated.map((p) => toPosix(p).replace(/^\.\//, ''))), { dot: true });
  return (file) => {
    const rel = toPosix(path.relative(process.cwd(), path.resolve(file)));
    return match(rel) || match(toPosix(path.resolve(file)));
  };
}
