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

/**
 * The `report` section of settings a client pushes (`workspace/didChangeConfiguration` `settings`,
 * or `initializationOptions`): `{ "report": { "rules": … } }`, or the section itself.
 */
export function reportSection(pushed: unknown): unknown {
  if (!pushed || typeof pushed !== 'object') return undefined;
  const obj = pushed as Record<string, unknown>;
  if (obj['report'] && typeof obj['report'] === 'object') return obj['report'];
  return 'rules' in obj || 'maxDocumentSize' in obj ? obj : undefined;
}

/**
 * Settings per resource: pulled with `workspace/configuration` when the client has it, cached until
 * they change; else (or when the client has no `report` section) the section the client pushed in
 * `workspace/didChangeConfiguration` or `initializationOptions`.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ReportSettings>>();
  private supported = false;
  private pushed: unknown;

  constructor(private readonly connection: Connection) {}

  setSupported(supported: boolean): void {
    this.supported = supported;
  }

  /** Settings the client sent itself; `undefined` keeps what was pushed before (VS Code pushes `null`). */
  setPushed(settings: unknown): void {
    const section = reportSection(settings);
    if (section !== undefined) this.pushed = section;
  }

  get(uri: string): Promise<ReportSettings> {
    if (!this.supported) return Promise.resolve(sanitize(this.pushed));
    const cached = this.cache.get(uri);
    if (cached) return cached;
    const fetched = this.connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'report' })
      .then((value: unknown) => sanitize(value && typeof value === 'object' ? value : this.pushed), () => sanitize(this.pushed));
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
