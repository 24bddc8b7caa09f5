import type { Connection } from 'vscode-languageserver';
import type { EngineConfig, RuleSetting } from './engine';

/** Settings under `report.*`, as the client sends them. */
export interface ReportSettings {
  readonly rules: Record<string, RuleSetting>;
  /** Above this many characters, only structure features run (no rules). */
  readonly maxDocumentSize: number;
}

export const DEFAULT_SETTINGS: ReportSettings = { rules: {}, maxDocumentSize: 5_000_000 };

function sanitize(raw: unknown): ReportSettings {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rules = obj['rules'] && typeof obj['rules'] === 'object' ? (obj['rules'] as Record<string, RuleSetting>) : {};
  const max = typeof obj['maxDocumentSize'] === 'number' && obj['maxDocumentSize'] > 0 ? obj['maxDocumentSize'] : DEFAULT_SETTINGS.maxDocumentSize;
  return { rules, maxDocumentSize: max };
}

/** Settings fetched per resource with `workspace/configuration`, cached until they change. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ReportSettings>>();
  private supported = false;

  constructor(private readonly connection: Connection) {}

  setSupported(supported: boolean): void {
    this.supported = supported;
  }

  get(uri: string): Promise<ReportSettings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    const cached = this.cache.get(uri);
    if (cached) return cached;
    const fetched = this.connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'report' })
      .then(sanitize, () => DEFAULT_SETTINGS);
    this.cache.set(uri, fetched);
    return fetched;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

export function engineConfig(settings: ReportSettings, docsBase: string | undefined): EngineConfig {
  return docsBase ? { rules: settings.rules, docsBase } : { rules: settings.rules };
}
