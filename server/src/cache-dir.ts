import * as os from 'os';
import * as path from 'path';
import { fnv1a } from './engine/util/hash';

/**
 * The folder of the per-user caches (the unpacked lexicon, the compiled code of `report-check`):
 * REPORT_CACHE_DIR, else the platform's per-user cache folder; undefined when REPORT_CACHE=off or
 * there is no home folder.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env['REPORT_CACHE'] === 'off') return undefined;
  if (env['REPORT_CACHE_DIR']) return env['REPORT_CACHE_DIR'];
  const home = os.homedir();
  const base =
    process.platform === 'win32' ? (env['LOCALAPPDATA'] ?? (home ? path.join(home, 'AppData', 'Local') : undefined)) : process.platform === 'darwin' ? (home ? path.join(home, 'Library', 'Caches') : undefined) : (env['XDG_CACHE_HOME'] ?? (home ? path.join(home, '.cache') : undefined));
  return base ? path.join(base, 'report-language-tools') : undefined;
}

/** A short hash of a string (file names of the caches). */
export function shortHash(s: string): string {
  return fnv1a(s).toString(16).padStart(8, '0');
}
