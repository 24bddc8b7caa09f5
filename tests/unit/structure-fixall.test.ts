import * as assert from 'assert';
import { codeActions, FIX_ALL_KIND } from '../../server/src/engine/features/code-actions';
import { applyEdits } from '../../server/src/engine/features/edits';
import { diffEdit, fixAll } from '../../server/src/engine/features/fix-all';
import { buildModel } from '../../server/src/engine/model/parse';
import { real } from './structure-helpers';
import { analysed } from '../support/analysis';

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function fixAllAction(text: string): string {
  const model = buildModel({ text, uri: 'file:///f.report.md' });
  const actions = codeActions(analysed(model), { range: ZERO, diagnostics: [], only: ['source.fixAll'] });
  assert.deepStrictEqual(actions.map((a) => a.kind), [FIX_ALL_KIND]);
  return applyEdits(model.index, actions[0]?.edit?.changes?.['file:///f.report.md'] ?? []);
}

describe('fix-all', () => {
  it('fixes what one fix uncovers in the same action: (四) after （二） becomes （三）', () => {
    const text = '一、总体\r\n（一）学习\r\n（二）党建\r\n(四)决策\r\n（五）廉洁\r\n';
    assert.strictEqual(fixAllAction(text), '一、总体\r\n（一）学习\r\n（二）党建\r\n（三）决策\r\n（四）廉洁\r\n');
  });

  it('fixes the seed report: stray markers removed (the line that held only one, too), nothing else touched', () => {
    const seed = real('2023-county-office-shuzhi-report.txt');
    assert.strictEqual(fixAllAction(seed), seed.replace('##paidbegin##', '').replace('##paidend##\n', ''));
  });

  it('removes a line that held only paste junk with its line break: a table goes on, a last line goes too', () => {
    assert.strictEqual(fixAllAction('| 项目 | 数量 |\n| --- | --- |\n| 甲 | 1 |\n##paidend##\n| 乙 | 2 |\n'), '| 项目 | 数量 |\n| --- | --- |\n| 甲 | 1 |\n| 乙 | 2 |\n');
    assert.strictEqual(fixAllAction('正文。\r\n  ##paidend##  \r\n下文。'), '正文。\r\n下文。');
    assert.strictEqual(fixAllAction('正文。\n##paidend##'), '正文。');
    assert.strictEqual(fixAllAction('正文##paidend##。\n'), '正文。\n');
  });

  it('answers the light bulb with quick fixes only, and the Source Action menu with fix-all', () => {
    const model = buildModel({ text: '一、甲\n(一)乙\n（三）丙\n', uri: 'file:///f.report.md' });
    const at = { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } };
    const bulb = codeActions(analysed(model), { range: at, diagnostics: [] });
    assert.deepStrictEqual(bulb.map((a) => [a.kind, a.title]), [['quickfix', 'Change "(一)" to "（一）"']]);
    const source = codeActions(analysed(model), { range: at, diagnostics: [], only: ['source'] });
    assert.deepStrictEqual(source.map((a) => a.kind), [FIX_ALL_KIND]);
  });

  it('offers no fix-all when nothing is safely fixable', () => {
    const model = buildModel({ text: '一、甲\n党的XX大\n', uri: 'file:///f.report.md' });
    assert.deepStrictEqual(codeActions(analysed(model), { range: ZERO, diagnostics: [], only: ['source.fixAll'] }), []);
  });

  it('reports what it applied, pass by pass, and leaves no fixable finding', () => {
    const model = buildModel({ text: '一、甲\n(一)乙\n（三）丙\n' });
    const r = fixAll(analysed(model));
    assert.strictEqual(r.model.text, '一、甲\n（一）乙\n（二）丙\n');
    assert.deepStrictEqual(r.applied.map((a) => [a.rule, a.line, a.column]), [['numbering-style', 2, 1], ['numbering-sequence', 3, 1]]);
    assert.ok(r.findings.every((d) => !d.finding.fixes?.some((f) => f.preferred)));
  });

  it('diffEdit changes only the differing span and never splits a CRLF or a surrogate pair', () => {
    const model = buildModel({ text: 'a\r\nb😀c\r\nd' });
    const check = (target: string): void => assert.strictEqual(applyEdits(model.index, diffEdit(model, target)), target);
    check('a\r\nb😀c\r\nd');
    check('a\nb😀c\r\nd');
    check('a\r\nb😁c\r\nd');
    check('a\r\nbc\r\nd');
    check('');
    check('a\r\nb😀c\r\nd!');
    assert.deepStrictEqual(diffEdit(model, 'a\r\nb😀X\r\nd'), [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, newText: 'X' }]);
  });
});
