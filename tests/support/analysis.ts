/** Test helpers: an analysis of a text or model, and one rule run alone with its declared defaults. */
import { analyze, type Analysis } from '../../server/src/engine/analysis';
import { DEFAULT_CONFIG, resolveRule, type EngineConfig } from '../../server/src/engine/config';
import { buildModel } from '../../server/src/engine/model/parse';
import type { ReportModel } from '../../server/src/engine/model/types';
import type { Finding, Rule } from '../../server/src/engine/rules/types';

/** The analysis of a model (or of a text) under a configuration (default: every rule at its defaults). */
export function analysed(input: ReportModel | string, config: EngineConfig = DEFAULT_CONFIG): Analysis {
  const model = typeof input === 'string' ? buildModel({ text: input, uri: 'file:///test.report.md' }) : input;
  const a = analyze(model, config);
  if (!a) throw new Error('analysis cancelled');
  return a;
}

/** The findings of one rule alone, with its options resolved from `config` (default: its declared defaults). */
export function checkRule(rule: Rule, input: ReportModel | string, config: EngineConfig = DEFAULT_CONFIG): Finding[] {
  const model = typeof input === 'string' ? buildModel({ text: input, uri: 'file:///test.report.md' }) : input;
  return rule.check(model, resolveRule(config, rule).options as Parameters<Rule['check']>[1]);
}
