import * as os from 'os';

/**
 * The environment the clients start the language server with (the VS Code extension; the test
 * client of the protocol tests and `npm run bench`, which stand for it; the other editors' set-ups
 * in the README).
 *
 * glibc's malloc raises its thresholds for giving memory back to the system each time a large
 * block is freed; after the analysis of a large report V8's compiler and collector threads (each
 * with its own malloc arena) then keep their peak: 11–14 MB more resident with the 1 MB report open,
 * however long the server waits. Fixed thresholds (glibc's own defaults, 128 KiB) make it give
 * that memory back; the analysis is as fast. Other C libraries and systems ignore the variables.
 */
export const SERVER_MEMORY_ENV: Readonly<Record<string, string>> = {
  MALLOC_TRIM_THRESHOLD_: '131072',
  MALLOC_MMAP_THRESHOLD_: '131072',
};

/** The variables of {@link SERVER_MEMORY_ENV} that `base` (the environment the server would inherit) does not set itself. */
export function serverMemoryEnv(base: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(SERVER_MEMORY_ENV)) if (base[name] === undefined) out[name] = value;
  return out;
}

/** Logical CPUs this process may use (os.availableParallelism where Node has it). */
export function cpuCount(): number {
  const available = (os as { availableParallelism?: () => number }).availableParallelism;
  return available ? available() : os.cpus().length;
}

/** V8's own default number of background threads in Node (its `--v8-pool-size`). */
const NODE_DEFAULT_POOL = 4;

/**
 * The Node options the clients start the server with, for a machine of `cores` logical CPUs: V8's
 * background threads (TurboFan compiles, concurrent marking, scavenge helpers) at most one fewer than
 * the CPUs, so that the thread that answers the editor keeps a CPU of its own. With Node's default of
 * four on two CPUs, the first 200 edits of a 30k-character report queued 2 s of TurboFan compiles on
 * the two CPUs while the server answered them: edits 1–50 took 5–20 ms instead of 2–5 (measured in
 * the server; docs/performance.md, run of 2026-12-06 15:34). Five CPUs and more keep the default.
 */
export function serverExecArgv(cores: number): string[] {
  const pool = Math.max(1, Math.floor(cores) - 1);
  return Number.isFinite(pool) && pool < NODE_DEFAULT_POOL ? [`--v8-pool-size=${pool}`] : [];
}
