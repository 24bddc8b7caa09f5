import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runRules } from '../../server/src/engine/diagnostics';
import { buildModel } from '../../server/src/engine/model/parse';
import type { ReportModel } from '../../server/src/engine/model/types';
import { ruleById } from '../../server/src/engine/rules';
import type { Finding } from '../../server/src/engine/rules/types';

export const REAL = path.join(__dirname, '..', 'fixtures', 'real');
export const REAL_FILES = fs.readdirSync(REAL).filter((f) => f.endsWith('.txt'));
export const readReal = (name: string): string => fs.readFileSync(path.join(REAL, name), 'utf8');

/** Findings of one rule on a text. */
export function findings(ruleId: string, text: string): { model: ReportModel; found: Finding[] } {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const model = buildModel({ text });
  return { model, found: runRules(model, { rules: {} }, undefined, [rule]).map((d) => d.finding) };
}

/**
 * A case is one line of text with the expected finding's span between « and » (several spans allowed),
 * or none for a correct statement. Checks the rule finds exactly those spans on line 1 (a title line is line 0).
 */
export function expectSpans(ruleId: string, marked: string): Finding[] {
  const spans: Array<[number, number]> = [];
  let plain = '';
  for (const ch of marked) {
    if (ch === '«') spans.push([plain.length, -1]);
    else if (ch === '»') {
      const last = spans[spans.length - 1];
      if (last) last[1] = plain.length;
    } else plain += ch;
  }
  const { found } = findings(ruleId, `测试报告\n${plain}\n`);
  assert.deepStrictEqual(
    found.map((f) => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]),
    spans.map(([a, b]) => [1, a, 1, b]),
    `${ruleId} on 「${plain}」: ${found.map((f) => f.message).join(' | ')}`,
  );
  return found;
}
