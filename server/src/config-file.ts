import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { parse as parseYaml } from 'yaml';
import { decodeReport, t, type EngineConfig } from './engine';
import { checkConfigObject } from './engine/config-check';
import { describeFsError } from './fs-errors';

/** Names of the project configuration file, in the order they are looked for in each folder. */
export const CONFIG_NAMES = ['.reportrc.json', '.reportrc.yaml', '.reportrc.yml'];

export interface LoadedConfig {
  readonly path: string;
  /** The rule settings this version knows (the whole file's when it has no problem). */
  readonly config: Partial<EngineConfig>;
  /** Glob patterns of files not to check, relative to the file's folder (`ignores`). */
  readonly ignores: readonly string[];
  /** What is wrong with the file, one line each: the CLI refuses such a file, the editor uses what is valid and says what is not. */
  readonly problems: readonly string[];
  /** Set when the file cannot be read or parsed: nothing of it applies. */
  readonly broken: boolean;
  /** Modification time and size when read: the file is read again when they change. */
  readonly stamp: string;
}

/** The nearest `.reportrc.*` in `dir` or one of its ancestors. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = path.join(current, name);
      try {
        if (fs.statSync(p).isFile()) return p;
      } catch {
        // not here
      }
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function stampOf(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

/**
 * Reads and checks a config file: `{ "rules": { "<id>": "off" | severity | { severity, …options } }, "ignores": [globs] }`.
 * It is decoded as report files are (UTF-8 with or without BOM, UTF-16 with a BOM, GB18030).
 */
export function loadConfigFile(file: string): LoadedConfig {
  const stamp = stampOf(file);
  const broken = (message: string): LoadedConfig => ({ path: file, config: {}, ignores: [], problems: [message], broken: true, stamp });
  let text: string;
  try {
    const decoded = decodeReport(fs.readFileSync(file));
    if (decoded.binary) return broken(t('not a text file'));
    text = decoded.text;
  } catch (e) {
    return broken(describeFsError(e));
  }
  const json = file.endsWith('.json');
  let raw: unknown;
  try {
    raw = json ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    const reason = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
    return broken(json ? t('not valid JSON: {0}', reason) : t('not valid YAML: {0}', reason));
  }
  const checked = checkConfigObject(raw);
  return { path: file, config: { rules: checked.rules }, ignores: checked.ignores, problems: checked.problems, broken: false, stamp };
}

/**
 * Config files by folder. `verify` (the editor without file watching) checks on each look-up that
 * the file found is still the nearest one and unchanged; otherwise the cache holds until `clear()`
 * (a watched-file event).
 */
export class ConfigFiles {
  private readonly byDir = new Map<string, { loaded: LoadedConfig | undefined }>();
  private readonly byFile = new Map<string, LoadedConfig>();
  verify = false;

  /** The config that applies to a document URI (file: URIs only). */
  forUri(uri: string): LoadedConfig | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return this.forPath(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  }

  /** The config that applies to a file path. */
  forPath(document: string): LoadedConfig | undefined {
    const dir = path.dirname(path.resolve(document));
    const cached = this.byDir.get(dir);
    if (cached && !this.verify) return cached.loaded;
    const file = findConfigFile(dir);
    const loaded = file ? this.load(file) : undefined;
    this.byDir.set(dir, { loaded });
    return loaded;
  }

  /** One read of each file for every folder it applies to. */
  private load(file: string): LoadedConfig {
    const known = this.byFile.get(file);
    if (known && (!this.verify || known.stamp === stampOf(file))) return known;
    const loaded = loadConfigFile(file);
    this.byFile.set(file, loaded);
    return loaded;
  }

  clear(): void {
    this.byDir.clear();
    this.byFile.clear();
  }
}
