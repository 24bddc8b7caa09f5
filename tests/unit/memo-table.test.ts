import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { buildModel, compactMemoTables, releaseDerived } from '../../server/src/engine';
import { proseLines } from '../../server/src/engine/model/prose';
import { memoTable } from '../../server/src/engine/util/memo-table';
import { placeTable } from '../../server/src/engine/model/memo';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapUsed = (): number => v8.getHeapStatistics().used_heap_size;

describe('memo tables', () => {
  it('give back the storage of a table whose keys all died, and keep the entries of live keys', () => {
    const emptied = memoTable<object, number>();
    const kept = memoTable<object, number>();
    let keys: object[] | undefined = Array.from({ length: 100_000 }, () => ({}));
    keys.forEach((k, i) => emptied.set(k, i));
    const live = Array.from({ length: 300 }, () => ({}));
    live.forEach((k, i) => kept.set(k, i));
    keys = undefined;
    gc();
    gc();
    const before = heapUsed();
    compactMemoTables();
    gc();
    // The emptied table held 100,000 entries (about 2 MB of slots); shrunk, it holds a few dozen.
    const freed = before - heapUsed();
    assert.ok(freed > 1_000_000, `freed ${freed} bytes`);
    live.forEach((k, i) => assert.strictEqual(kept.get(k), i));
    assert.strictEqual(emptied.get({}), undefined);
  });

  it('the prose lines of a model are derived data: released with the rest, and read again the same', () => {
    const model = buildModel({ text: '# 工作报告\n\n一、总体情况\n\n今年完成**投资**12亿元。\n' });
    const first = proseLines(model);
    assert.strictEqual(proseLines(model), first);
    releaseDerived(model);
    const again = proseLines(model);
    assert.notStrictEqual(again, first);
    assert.deepStrictEqual(again, first);
  });

  it('name the text memo\'s tables of a place once: the same string for the same place, another for another', () => {
    const names = [placeTable('head-text', 3, 12), placeTable('head-text', 31, 2), placeTable('head-text', 3, 1), placeTable('ending', 3), placeTable('ending', 3, 0)];
    assert.strictEqual(placeTable('head-text', 3, 12), names[0]);
    assert.deepStrictEqual(names, ['head-text:3:12', 'head-text:31:2', 'head-text:3:1', 'ending:3:0', 'ending:3:0']);
    assert.strictEqual(new Set(names.slice(0, 4)).size, 4);
  });
});
