/**
 * Checks configuration as users write it (`.reportrc.*`, `report.rules` settings) against the rule
 * declarations: unknown rule ids, severities and options, and option values that do not fit their
 * spec, each one line naming the nearest valid name. The engine ignores what does not fit (a rule
 * keeps its default); these messages say so to the user instead of silently.
 */
import type { RuleSetting } from './config';
import { optionValueFits } from './config';
import { t } from './i18n';
import { RULES, ruleById } from './rules';
import { SETTING_SEVERITIES, type OptionSpec } from './rules/types';
import { closest } from './util/closest';

/** Keys of a configuration file. */
export const CONFIG_KEYS = ['rules', 'ignores'] as const;

export interface CheckedRules {
  /** The settings of the rules this version knows. */
  readonly rules: Record<string, RuleSetting>;
  /** One line for each thing that is wrong. */
  readonly problems: string[];
}

const quoteList = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

function unknown(kind: 'rule' | 'severity' | 'option' | 'key', name: string, candidates: readonly string[]): string {
  const near = closest(name, candidates);
  switch (kind) {
    case 'rule':
      return near ? t('unknown rule "{0}" — did you mean "{1}"?', name, near) : t('unknown rule "{0}" (the rules: docs/rules/)', name);
    case 'severity':
      return near ? t('unknown severity "{0}" — did you mean "{1}"?', name, near) : t('unknown severity "{0}" (use {1})', name, quoteList(SETTING_SEVERITIES));
    case 'option':
      return near ? t('unknown option "{0}" — did you mean "{1}"?', name, near) : candidates.length ? t('unknown option "{0}" (its options: {1})', name, quoteList(candidates)) : t('unknown option "{0}" (this rule has no options)', name);
    case 'key':
      return near ? t('unknown key "{0}" — did you mean "{1}"?', name, near) : t('unknown key "{0}" (a configuration has {1})', name, quoteList(CONFIG_KEYS));
  }
}

/** What a value of this option must be, for a message. */
function expected(spec: OptionSpec): string {
  switch (spec.type) {
    case 'boolean':
      return t('true or false');
    case 'string':
      return spec.enum ? t('one of {0}', quoteList(spec.enum)) : t('a string');
    case 'string[]':
      return t('a list of strings');
    case 'integer':
    case 'number': {
      const what = spec.type === 'integer' ? t('an integer') : t('a number');
      if (spec.minimum !== undefined && spec.maximum !== undefined) return t('{0} from {1} to {2}', what, spec.minimum, spec.maximum);
      if (spec.minimum !== undefined) return t('{0} of at least {1}', what, spec.minimum);
      if (spec.maximum !== undefined) return t('{0} of at most {1}', what, spec.maximum);
      return what;
    }
  }
}

function checkSeverity(value: unknown): string | undefined {
  if (typeof value === 'string' && (SETTING_SEVERITIES as readonly string[]).includes(value)) return undefined;
  return typeof value === 'string' ? unknown('severity', value, SETTING_SEVERITIES) : t('the severity must be one of {0}', quoteList(SETTING_SEVERITIES));
}

/** Checks `rules`: rule id → "off" | severity | { severity, …options }. */
export function checkRules(raw: unknown): CheckedRules {
  if (raw === undefined || raw === null) return { rules: {}, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { rules: {}, problems: [t('"rules" must be an object')] };
  const rules: Record<string, RuleSetting> = {};
  const problems: string[] = [];
  const ids = RULES.map((r) => r.id);
  for (const [id, setting] of Object.entries(raw as Record<string, unknown>)) {
    const rule = ruleById(id);
    if (!rule) {
      problems.push(unknown('rule', id, ids));
      continue;
    }
    const inRule = (message: string): void => {
      problems.push(t('rule "{0}": {1}', id, message));
    };
    if (typeof setting === 'string') {
      const bad = checkSeverity(setting);
      if (bad) inRule(bad);
      rules[id] = setting as RuleSetting;
      continue;
    }
    if (!setting || typeof setting !== 'object' || Array.isArray(setting)) {
      inRule(t('the setting must be "off", a severity or an object {0}', '{ "severity": …, …options }'));
      continue;
    }
    const options = Object.keys(rule.options);
    for (const [key, value] of Object.entries(setting as Record<string, unknown>)) {
      if (key === 'severity') {
        const bad = checkSeverity(value);
        if (bad) inRule(bad);
        continue;
      }
      const spec = rule.options[key];
      if (!spec) inRule(unknown('option', key, options));
      else if (!optionValueFits(spec, value)) inRule(t('option "{0}" must be {1}, not {2}', key, expected(spec), JSON.stringify(value) ?? String(value)));
    }
    rules[id] = setting as RuleSetting;
  }
  return { rules, problems };
}

export interface CheckedConfig extends CheckedRules {
  /** Glob patterns of files not to check, relative to the configuration file's folder. */
  readonly ignores: string[];
}

/** Checks the object a configuration file holds: `{ "rules": …, "ignores": […] }` (and `$schema`). */
export function checkConfigObject(raw: unknown): CheckedConfig {
  if (raw === null || raw === undefined) return { rules: {}, ignores: [], problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { rules: {}, ignores: [], problems: [t('the file must hold an object with "rules"')] };
  const obj = raw as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(obj)) {
    if (key !== '$schema' && !(CONFIG_KEYS as readonly string[]).includes(key)) problems.push(unknown('key', key, CONFIG_KEYS));
  }
  const checked = checkRules(obj['rules']);
  problems.push(...checked.problems);
  const rawIgnores = obj['ignores'];
  let ignores: string[] = [];
  if (rawIgnores !== undefined) {
    if (Array.isArray(rawIgnores) && rawIgnores.every((p) => typeof p === 'string' && p.trim() !== '')) ignores = rawIgnores as string[];
    else problems.push(t('"ignores" must be a list of glob patterns, such as {0}', '["drafts/**", "archive/*.report.md"]'));
  }
  return { rules: checked.rules, ignores, problems };
}
