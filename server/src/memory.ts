import * as v8 from 'v8';
import * as vm from 'vm';

let gc: (() => void) | undefined | null = null;
let timer: NodeJS.Timeout | undefined;

/**
 * Gives memory back after a very large document was analysed: once the server has been quiet for
 * a moment, one full garbage collection, which also shrinks the young generation that the analysis
 * grew (V8 keeps it grown otherwise; ~60 MB at 1 MB of text). Typing is not slowed: every new
 * analysis postpones it.
 */
export function reduceMemorySoon(delayMs = 1500): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    if (gc === null) {
      try {
        v8.setFlagsFromString('--expose-gc');
        gc = vm.runInNewContext('gc') as () => void;
      } catch {
        gc = undefined;
      }
    }
    gc?.();
  }, delayMs);
  timer.unref();
}
