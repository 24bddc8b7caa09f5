import * as assert from 'assert';
import { analysed } from '../support/analysis';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { runRules } from '../../server/src/engine/diagnostics';
import { codeActions } from '../../server/src/engine/features/code-actions';
import { applyEdits } from '../../server/src/engine/features/edits';
import { buildModel } from '../../server/src/engine/model/parse';
import { readReal } from './numbers-helpers';

const CONFIG = { rules: {} };

/** The quick fixes offered for the first diagnostic of a rule, as the editor asks for them. */
function quickFixes(text: string, rule: string): { actions: CodeAction[]; apply: (a: CodeAction) => string } {
  const model = buildModel({ text, uri: 'file:///t.report.md' });
  const d = runRules(model, CONFIG).find((x) => x.rule.id === rule);
  assert.ok(d, `no ${rule} diagnostic`);
  const actions = codeActions(analysed(model, CONFIG), { range: d.diagnostic.range, diagnostics: [d.diagnostic], only: ['quickfix'] });
  const apply = (a: CodeAction): string => applyEdits(model.index, (a.edit?.changes?.['file:///t.report.md'] ?? []) as TextEdit[]);
  return { actions: actions.filter((a) => a.diagnostics?.some((x) => x.code === rule)), apply };
}

const codes = (text: string): string[] => runRules(buildModel({ text }), CONFIG).map((d) => String(d.diagnostic.code));

describe('numeric fixes through the code actions', () => {
  it('total-mismatch: setting the total to the sum removes the finding', () => {
    const text = '标题\n共办理建议议案120件，其中人大代表建议80件、政协提案30件。\n';
    const { actions, apply } = quickFixes(text, 'total-mismatch');
    const fix = actions.find((a) => a.title === 'Set the total to 110');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const fixed = apply(fix);
    assert.strictEqual(fixed, '标题\n共办理建议议案110件，其中人大代表建议80件、政协提案30件。\n');
    assert.ok(!codes(fixed).includes('total-mismatch'));
  });

  it('rate-mismatch: the computed rate replaces the stated one', () => {
    const { actions, apply } = quickFixes('标题\n受理120件，办结118件，办结率92％。\n', 'rate-mismatch');
    const fixed = apply(actions[0] as CodeAction);
    assert.strictEqual(fixed, '标题\n受理120件，办结118件，办结率98％。\n');
    assert.ok(!codes(fixed).includes('rate-mismatch'));
  });

  it('table-total: the total cell becomes the sum', () => {
    const text = '标题\n\n| 类别 | 件数 |\n|---|---|\n| 甲 | 80 |\n| 乙 | 30 |\n| 合计 | 120 |\n';
    const { actions, apply } = quickFixes(text, 'table-total');
    const fixed = apply(actions[0] as CodeAction);
    assert.ok(fixed.includes('| 合计 | 110 |'));
    assert.ok(!codes(fixed).includes('table-total'));
  });

  it('missing-number: inserts a placeholder the placeholder rule keeps flagging until it is filled', () => {
    const seed = readReal('2023-county-office-shuzhi-report.txt');
    const { actions, apply } = quickFixes(seed, 'missing-number');
    const fix = actions.find((a) => a.title === 'Insert the missing number');
    assert.ok(fix);
    assert.ok(!fix.isPreferred, 'never applied by fix-all');
    const fixed = apply(fix);
    assert.ok(fixed.includes('收到上级交办信访事项XX件'));
    const after = runRules(buildModel({ text: fixed }), CONFIG);
    assert.ok(!after.some((d) => d.rule.id === 'missing-number'));
    assert.ok(after.some((d) => d.rule.id === 'placeholder' && d.finding.range.start.line === 16));
  });
});
