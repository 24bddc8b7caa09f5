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
