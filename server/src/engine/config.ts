import type { RuleOptions, Severity } from './rules/types';

/** Per-rule configuration as written in settings and config files. */
export type RuleSetting = 'off' | Severity | ({ severity?: Severity | 'off' } & Record<string, unknown>);

export interface EngineConfig {
  /** `report.rules`: rule id → 'off' | severity | { severity, …options }. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Base URI of the rule documentation pages (docs/rules/<id>.md). */
  readonly docsBase?: string;
}

export const DEFAULT_CONFIG: EngineConfig = { rules: {} };

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

export interface ResolvedRule {
  readonly severity: Severity | 'off';
  readonly options: RuleOptions;
}

/** Severity and options of a rule after applying the configuration on top of its defaults. */
export function resolveRule(config: EngineConfig, id: string, defaultSeverity: Severity, defaults: RuleOptions = {}): ResolvedRule {
  const setting = config.rules[id];
  if (setting === undefined) return { severity: defaultSeverity, options: defaults };
  if (typeof setting === 'string') {
    if (setting === 'off') return { severity: 'off', options: defaults };
    return { severity: SEVERITIES.has(setting) ? setting : defaultSeverity, options: defaults };
  }
  if (setting && typeof setting === 'object') {
    const { severity, ...options } = setting;
    const sev = severity === 'off' ? 'off' : severity && SEVERITIES.has(severity) ? severity : defaultSeverity;
    return { severity: sev, options: { ...defaults, ...options } };
  }
  return { severity: defaultSeverity, options: defaults };
}

/** Merges configurations: later ones win, rule by rule. */
export function mergeConfig(...configs: Array<Partial<EngineConfig> | undefined>): EngineConfig {
  const rules: Record<string, RuleSetting> = {};
  let docsBase: string | undefined;
  for (const c of configs) {
    if (!c) continue;
    Object.assign(rules, c.rules ?? {});
    docsBase = c.docsBase ?? docsBase;
  }
  return docsBase === undefined ? { rules } : { rules, docsBase };
}
