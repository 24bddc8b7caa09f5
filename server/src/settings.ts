import type { Connection } from 'vscode-languageserver';
import { DOCUMENT_SIZE_LIMIT, type Bilingual, type EngineConfig, type RuleSetting } from './engine';

/** Settings under `report.*`, as the client sends them. */
export interface ReportSettings {
  readonly rules: Record<string, RuleSetting>;
  /** Above this many characters, only structure features run (no rules). */
  readonly maxDocumentSize: number;
}

export const DEFAULT_SETTINGS: ReportSettings = { rules: {}, maxDocumentSize: DOCUMENT_SIZE_LIMIT };

/** A setting the server reads besides `report.rules`, declared once: package.json and the docs are generated from it. */
export interface SettingDeclaration {
  readonly key: string;
  readonly type: 'integer';
  readonly default: number;
  readonly minimum: number;
  readonly scope: 'resource' | 'window';
  readonly description: Bilingual;
}

export const SERVER_SETTINGS: readonly SettingDeclaration[] = [
  {
    key: 'report.maxDocumentSize',
    type: 'integer',
    default: DOCUMENT_SIZE_LIMIT,
    minimum: 1,
    scope: 'resource',
    description: {
      en: 'Above this many characters a document gets its outline, symbols and folding only: the rules do not run (very large files stay responsive).',
      zh: '文档超过此字符数时只生成大纲、符号和折叠，不运行检查规则（保证超大文件仍能流畅编辑）。',
    },
  },
];

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
  return { rules: settings.rules, maxDocumentSize: settings.maxDocumentSize, ...(docsBase ? { docsBase } : {}) };
}
