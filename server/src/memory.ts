import * as v8 from 'v8';
import * as vm from 'vm';
import { compactMemoTables } from './engine';

let gc: (() => void) | undefined | null = null;
let timer: NodeJS.Timeout | undefined;

/**
 * V8 shrinks the young generation only in a collection that comes after allocation has been quiet
 * for some seconds (measured with Node 20: a collection 1.5 s after the analysis gives the old
 * generation back but leaves the young one at its grown 33 MB; one about 6 s after the previous
 * collection shrinks it to 1 MB, though not always the first such one).
 */
const QUIET_MS = 6000;
/** Collections after the first while the young generation stays grown. */
const RETRIES = 3;
/** Young generation size (bytes) below which it counts as shrunk. */
const SHRUNK = 4 * 1024 * 1024;

/**
 * Gives memory back after a very large document was analysed: once the server has been quiet for
 * a moment, one full garbage collection (the old generation), then, QUIET_MS apart, up to RETRIES
 * more until V8 has shrunk the young generation that the analysis grew (~60 MB at 1 MB of text).
 * Typing is not slowed: every new analysis starts the sequence again.
 */
export function reduceMemorySoon(delayMs = 1500): void {
  schedule(delayMs, RETRIES);
}

function schedule(ms: number, retries: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    collect();
    if (retries > 0 && youngGeneration() > SHRUNK) schedule(QUIET_MS, retries - 1);
  }, ms);
  timer.unref();
}

function youngGeneration(): number {
  return v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

function collect(): void {
  if (gc === null) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = undefined;
    }
  }
  if (!gc) return;
  gc();
  // The collection cleared the memo tables' dead entries; their storage is given back by the next one.
  compactMemoTables();
  gc();
}
