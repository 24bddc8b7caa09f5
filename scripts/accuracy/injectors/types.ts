import type { BenchText } from '../texts';

/** One defect made in a real text: the text with it, and where the rule must report it. */
export interface Defect {
  readonly text: string;
  /** 0-based line and UTF-16 columns of the defect in `text` (an empty span for a deletion: the place). */
  readonly line: number;
  readonly from: number;
  readonly to: number;
  /** What was done, for the listing of misses (「deleted 58 before 个」). */
  readonly what: string;
}

/**
 * A way to make one kind of defect, one at a time, in real sentences: the benchmark makes each
 * defect, runs `rule` on the altered text and counts a find when one of its findings touches the
 * defect's place.
 */
export interface Injector {
  readonly id: string;
  /** The rule that must find it. */
  readonly rule: string;
  readonly description: string;
  defects(text: BenchText): Iterable<Defect>;
  /** The same places left correct (e.g. the right rate written): the rule must find nothing there. */
  controls?(text: BenchText): Iterable<Defect>;
}
