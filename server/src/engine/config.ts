import type { OptionSpec, Rule, Severity } from './rules/types';

/** Per-rule configuration as written in settings and config files. */
export type RuleSetting = 'off' | Severity | ({ severity?: Severity | 'off' } & Record<string, unknown>);

/** Above this many characters a document gets its outline only: the rules do not run (`report.maxDocumentSize`). */
export const DOCUMENT_SIZE_LIMIT = 5_000_000;

export interface EngineConfig {
  /** `report.rules`: rule id → 'off' | severity | { severity, …options }. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Base URI of the rule documentation pages (docs/rules/<id>.md). */
  readonly docsBase?: string;
  /** Documents longer than this get no rule findings (default DOCUMENT_SIZE_LIMIT). */
  readonly maxDocumentSize?: number;
}

export const DEFAULT_CONFIG: EngineConfig = { rules: {} };

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

export interface ResolvedRule {
  readonly severity: Severity | 'off';
  readonly options: Readonly<Record<string, unknown>>;
}

/** True when a configured value fits an option's spec (a value that does not is replaced by the default). */
export function optionValueFits(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && (!spec.enum || spec.enum.includes(value));
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'integer':
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (spec.type === 'number' || Number.isInteger(value)) &&
        (spec.minimum === undefined || value >= spec.minimum) &&
        (spec.maximum === undefined || value <= spec.maximum)
      );
  }
}

/** The rule's options: each configured value that fits its spec, else the default. Unknown keys are dropped. */
function options(rule: Rule, configured: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(rule.options)) {
    const value = configured[key];
    out[key] = value !== undefined && optionValueFits(spec, value) ? value : spec.default;
  }
  return out;
}

/** Severity and options of a rule after applying the configuration on top of its declaration. */
export function resolveRule(config: EngineConfig, rule: Rule): ResolvedRule {
  const setting = config.rules[rule.id];
  if (typeof setting === 'string') {
    if (setting === 'off') return { severity: 'off', options: options(rule, {}) };
    return { severity: SEVERITIES.has(setting) ? setting : rule.defaultSeverity, options: options(rule, {}) };
  }
  if (setting && typeof setting === 'object' && !Array.isArray(setting)) {
    const { severity, ...configured } = setting;
    const sev = severity === 'off' ? 'off' : severity && SEVERITIES.has(severity) ? severity : rule.defaultSeverity;
    return { severity: sev, options: options(rule, configured) };
  }
  return { severity: rule.defaultSeverity, options: options(rule, {}) };
}

/** Merges configurations: later ones win, rule by rule. */
export function mergeConfig(...configs: Array<Partial<EngineConfig> | undefined>): EngineConfig {
  const rules: Record<string, RuleSetting> = {};
  let docsBase: string | undefined;
  let maxDocumentSize: number | undefined;
  for (const c of configs) {
    if (!c) continue;
    Object.assign(rules, c.rules ?? {});
    docsBase = c.docsBase ?? docsBase;
    maxDocumentSize = c.maxDocumentSize ?? maxDocumentSize;
  }
  return { rules, ...(docsBase === undefined ? {} : { docsBase }), ...(maxDocumentSize === undefined ? {} : { maxDocumentSize }) };
}

/** True when the rules run on a text of this length under this configuration (else: outline only). */
export function rulesRunOn(length: number, config: EngineConfig): boolean {
  return length <= (config.maxDocumentSize ?? DOCUMENT_SIZE_LIMIT);
}
