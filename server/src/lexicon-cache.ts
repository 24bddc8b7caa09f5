/**
 * A per-user cache of the unpacked word lexicon, so that a process (the CLI, the server) starts
 * segmenting without unpacking it (tens of milliseconds at every start). The file is what
 * `engine/model/lexicon-tables.ts` makes, under a key of the packed lexicon: a cache of another
 * lexicon, a damaged or foreign file is not used, and the lexicon is unpacked as before. Writing
 * goes to a temporary name then a rename, so a reader never sees half a file, and removes the caches
 * of other lexicons (other versions of the tools); any failure (no home, a read-only disk) only
 * means no cache. REPORT_CACHE_DIR names the folder; REPORT_CACHE=off turns the cache off.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cacheDir, shortHash } from './cache-dir';
import { PACKED_LEXICON_ID } from './engine/data/lexicon';
import { Lexicon } from './engine/model/lexicon';
import { decodeTables, encodeTables, lexiconKey } from './engine/model/lexicon-tables';
import { onLexiconUnpacked, useLexicon } from './engine/model/words';

/** The cache file of the built-in lexicon in `dir`. */
export function lexiconCacheFile(dir: string): string {
  return path.join(dir, `lexicon-${shortHash(lexiconKey(PACKED_LEXICON_ID))}.bin`);
}

/**
 * Uses the cached lexicon if there is a good one; otherwise, once the lexicon is unpacked, writes
 * it to the cache. Returns what happened ('hit', 'miss' or 'off').
 */
export function useLexiconCache(env: NodeJS.ProcessEnv = process.env): 'hit' | 'miss' | 'off' {
  const dir = cacheDir(env);
  if (!dir) return 'off';
  const file = lexiconCacheFile(dir);
  const key = lexiconKey(PACKED_LEXICON_ID);
  let bytes: Buffer | undefined;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    bytes = undefined;
  }
  const tables = bytes ? decodeTables(bytes, key) : undefined;
  if (tables) {
    useLexicon(new Lexicon(tables));
    return 'hit';
  }
  onLexiconUnpacked((lex) => {
    onLexiconUnpacked(undefined);
    writeCache(dir, file, encodeTables(lex.tables, key));
  });
  return 'miss';
}

function writeCache(dir: string, file: string, bytes: Uint8Array): void {
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(temp, bytes, { mode: 0o644 });
    fs.renameSync(temp, file);
    // The caches of other versions of the lexicon are not used again.
    for (const name of fs.readdirSync(dir)) {
      if (/^lexicon-[0-9a-f]{8}\.bin$/.test(name) && name !== path.basename(file)) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing to clean
    }
  }
}
