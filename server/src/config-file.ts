import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { parse as parseYaml } from 'yaml';
import type { EngineConfig, RuleSetting } from './engine';

/** Names of the project configuration file, in the order they are looked for in each folder. */
export const CONFIG_NAMES = ['.reportrc.json', '.reportrc.yaml', '.reportrc.yml'];

export interface LoadedConfig {
  readonly path: string;
  readonly config: Partial<EngineConfig>;
  /** Why the file could not be used (it is then ignored). */
  readonly error?: string;
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

/** Reads and checks a config file: `{ "rules": { "<id>": "off" | severity | { severity, …options } } }`. */
export function loadConfigFile(file: string): LoadedConfig {
  let raw: unknown;
  try {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    return { path: file, config: {}, error: e instanceof Error ? e.message : String(e) };
  }
  if (raw === null || raw === undefined) return { path: file, config: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { path: file, config: {}, error: 'the file must hold an object with "rules"' };
  const rules = (raw as Record<string, unknown>)['rules'];
  if (rules === undefined) return { path: file, config: {} };
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return { path: file, config: {}, error: '"rules" must be an object' };
  const clean: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(rules as Record<string, unknown>)) {
    if (typeof setting === 'string' || (setting && typeof setting === 'object' && !Array.isArray(setting))) clean[id] = setting as RuleSetting;
  }
  return { path: file, config: { rules: clean } };
}

/** Config files by folder, cached until a file changes (the server clears it on a watched-file event). */
export class ConfigFiles {
  private readonly byDir = new Map<string, LoadedConfig | undefined>();

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
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const file = findConfigFile(dir);
    const loaded = file ? loadConfigFile(file) : undefined;
    this.byDir.set(dir, loaded);
    return loaded;
  }

  clear(): void {
    this.byDir.clear();
  }
}
