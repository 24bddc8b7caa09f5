import * as v8 from 'v8';
import * as vm from 'vm';

let gc: (() => void) | undefined | null = null;
let timers: NodeJS.Timeout[] = [];

/**
 * V8 shrinks the young generation only in a collection that finds allocation quiet over its
 * last few seconds of measurements: measured with Node 20, a collection 1.5 s after the analysis
 * gives the old generation back but leaves the young one at its grown 33 MB; one 6 s after
 * shrinks it to 1 MB.
 */
const QUIET_YOUNG_MS = 6000;

/**
 * Gives memory back after a very large document was analysed: once the server has been quiet for
 * a moment, one full garbage collection (the old generation), and a second once allocation has
 * been quiet long enough for V8 to shrink the young generation that the analysis grew (~60 MB at
 * 1 MB of text). Typing is not slowed: every new analysis postpones both.
 */
export function reduceMemorySoon(delayMs = 1500): void {
  for (const t of timers) clearTimeout(t);
  timers = [delayMs, Math.max(delayMs, QUIET_YOUNG_MS)].map((ms) => {
    const t = setTimeout(collect, ms);
    t.unref();
    return t;
  });
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
  gc?.();
}
