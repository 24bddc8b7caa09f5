import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG, type EngineConfig } from '../../server/src/engine/config';
import { runRules, type RuleDiagnostic } from '../../server/src/engine/diagnostics';
import { applyEdits } from '../../server/src/engine/features/edits';
import { buildModel } from '../../server/src/engine/model/parse';
import type { ReportModel } from '../../server/src/engine/model/types';
import { RULES } from '../../server/src/engine/rules';

export const REAL = path.join(__dirname, '..', 'fixtures', 'real');

export function real(name: string): string {
  return fs.readFileSync(path.join(REAL, name), 'utf8');
}

/** Findings of one rule on a text (every other rule off). */
export function findings(ruleId: string, text: string, config: EngineConfig = DEFAULT_CONFIG): RuleDiagnostic[] {
  const model = buildModel({ text, uri: 'file:///t.report.md' });
  const rules = RULES.filter((r) => r.id === ruleId);
  if (rules.length !== 1) throw new Error(`no rule ${ruleId}`);
  return runRules(model, config, undefined, rules);
}

/** The text after applying the first fix of a finding. */
export function applyFirstFix(text: string, d: RuleDiagnostic): string {
  const model: ReportModel = buildModel({ text });
  const fix = d.finding.fixes?.[0];
  if (!fix) throw new Error(`no fix for ${d.finding.message}`);
  return applyEdits(model.index, fix.edits);
}

/** 1-based line and the text of the range, for compact assertions. */
export function where(text: string, d: RuleDiagnostic): [number, string] {
  const model = buildModel({ text });
  const r = d.finding.range;
  return [r.start.line + 1, model.index.text.slice(model.index.offsetAt(r.start), model.index.offsetAt(r.end))];
}
