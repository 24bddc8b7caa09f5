import * as assert from 'assert';
import * as fs from 'fs';
import { applyEdits } from '../../server/src/engine/features/edits';
import { formatEdits } from '../../server/src/engine/features/format';
import { flatHeadings } from '../../server/src/engine/features/outline';
import { buildModel } from '../../server/src/engine/model/parse';
import type { ReportModel } from '../../server/src/engine/model/types';
import { REAL, real } from './structure-helpers';

function format(text: string): string {
  const model = buildModel({ text });
  return applyEdits(model.index, formatEdits(model));
}

/** The text with every heading marker cut out: what formatting must leave byte for byte. */
function skeleton(model: ReportModel): string {
  let out = '';
  let at = 0;
  for (const h of model.headings) {
    const from = model.index.offsetAt(h.markerRange.start);
    out += model.text.slice(at, from) + '\u0000';
    at = model.index.offsetAt(h.markerRange.end);
  }
  return out + model.text.slice(at);
}

describe('document formatting', () => {
  it('renumbers every level and writes markers in the GB/T 9704 form', () => {
    const text = '一.总体\n(一)学习\n（三）、党建\n1、甲\n3．乙\n（二）决策\n1）丙\n(3)丁\n二，下一步\n';
    assert.strictEqual(format(text), '一、总体\n（一）学习\n（二）党建\n1.甲\n2.乙\n（三）决策\n（1）丙\n（2）丁\n二、下一步\n');
  });

  it('keeps 第一， and circled numbers in their form, only renumbering them', () => {
    assert.strictEqual(format('一、甲\n第一，乙\n第三，丙\n①丁\n③戊\n'), '一、甲\n第一，乙\n第二，丙\n①丁\n②戊\n');
  });

  it('keeps 「3、4月份」 readable (its list keeps 、) and the purposeful restart of a second list', () => {
    const text = '一、进展\n1、甲\n2、乙\n3、4月份又有新成员加入\n附：调查\n1、问\n2、问\n';
    assert.strictEqual(format(text), '一、进展\n1、甲\n2、乙\n3、4月份又有新成员加入\n附：调查\n1.问\n2.问\n');
  });

  it('changes only the (四) of the Hailar report, on CRLF too', () => {
    const text = real('2016-hailar-government-work-report.txt');
    assert.strictEqual(format(text), text.replace('　　(四)政府', '　　（四）政府'));
    const crlf = text.replace(/\n/g, '\r\n');
    assert.strictEqual(format(crlf), crlf.replace('　　(四)政府', '　　（四）政府'));
  });

  it('keeps a BOM and reports exact ranges after it', () => {
    const text = '\uFEFF一.甲\r\n(一)乙\r\n';
    assert.strictEqual(format(text), '\uFEFF一、甲\r\n（一）乙\r\n');
    const model = buildModel({ text });
    assert.deepStrictEqual(formatEdits(model).map((e) => e.range), [
      { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } },
      { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
    ]);
  });

  for (const file of fs.readdirSync(REAL).filter((f) => f.endsWith('.txt'))) {
    it(`${file}: idempotent, same outline, nothing changed outside the markers`, () => {
      const text = real(file);
      const once = format(text);
      assert.strictEqual(format(once), once);
      const before = buildModel({ text });
      const after = buildModel({ text: once });
      assert.strictEqual(skeleton(after), skeleton(before));
      assert.deepStrictEqual(
        flatHeadings(after).map((h) => [h.line, h.level, h.title]),
        flatHeadings(before).map((h) => [h.line, h.level, h.title]),
      );
    });
  }
});
