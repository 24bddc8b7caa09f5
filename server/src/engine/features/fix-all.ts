import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import type { EngineConfig } from '../config';
import { runRules, type RuleDiagnostic } from '../diagnostics';
import { buildModel } from '../model/parse';
import type { ReportModel } from '../model/types';
import type { CancellationToken } from '../util/cancellation';
import type { Fix } from '../rules/types';
import { applyEdits, conflicts, nonOverlapping } from './edits';

/** One fix applied by fix-all. */
export interface AppliedFix {
  readonly rule: string;
  /** 1-based position in the text as it was before the pass that applied it. */
  readonly line: number;
  readonly column: number;
  readonly title: string;
}

/**
 * The preferred fixes of a pass: each taken whole, or not at all when it overlaps one already taken
 * (the first finding wins). O(n log n) in the number of edits: every candidate edit is ranked once
 * in position order, and a fix is checked against its neighbours among the edits taken so far —
 * taken edits never overlap one another, so a fix that agrees with its neighbours agrees with all.
 */
export function pickFixes(found: readonly RuleDiagnostic[]): { fixes: AppliedFix[]; edits: TextEdit[] } {
  const candidates: Array<{ d: RuleDiagnostic; fix: Fix; first: number }> = [];
  const all: TextEdit[] = [];
  for (const d of found) {
    const fix = d.finding.fixes?.find((f) => f.preferred);
    if (!fix || fix.edits.length === 0) continue;
    candidates.push({ d, fix, first: all.length });
    all.push(...fix.edits);
  }
  // Position order; at the same start, the earlier edit first (as nonOverlapping sorts them).
  const order = all.map((_, i) => i).sort((x, y) => compareStart(all[x] as TextEdit, all[y] as TextEdit) || x - y);
  const rank = new Int32Array(all.length);
  order.forEach((edit, r) => (rank[edit] = r));
  const taken = new RankSet(all.length);
  const fixes: AppliedFix[] = [];
  const edits: TextEdit[] = [];
  for (const { d, fix, first } of candidates) {
    const own = fix.edits;
    if (nonOverlapping(own).length !== own.length) continue;
    const fits = own.every((e, k) => {
      const r = rank[first + k] ?? 0;
      const prev = taken.before(r);
      const next = taken.after(r);
      return (prev < 0 || !conflicts(all[order[prev] ?? 0] as TextEdit, e)) && (next < 0 || !conflicts(e, all[order[next] ?? 0] as TextEdit));
    });
    if (!fits) continue;
    own.forEach((_, k) => taken.add(rank[first + k] ?? 0));
    edits.push(...own);
    const s = d.finding.range.start;
    fixes.push({ rule: d.rule.id, line: s.line + 1, column: s.character + 1, title: fix.title });
  }
  return { fixes, edits };
}

function compareStart(a: TextEdit, b: TextEdit): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** A set of ranks 0..n-1 (a Fenwick tree of counts): add, and the nearest member before or after a rank. */
class RankSet {
  private readonly tree: Int32Array;
  private size = 0;
  private readonly top: number;

  constructor(private readonly n: number) {
    this.tree = new Int32Array(n + 1);
    let top = 1;
    while (top * 2 <= n) top *= 2;
    this.top = top;
  }

  add(rank: number): void {
    for (let i = rank + 1; i <= this.n; i += i & -i) this.tree[i] = (this.tree[i] ?? 0) + 1;
    this.size++;
  }

  /** Members at ranks 0..rank. */
  private count(rank: number): number {
    let c = 0;
    for (let i = rank + 1; i > 0; i -= i & -i) c += this.tree[i] ?? 0;
    return c;
  }

  /** The rank of the k-th smallest member (1-based k). */
  private kth(k: number): number {
    let at = 0;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = at + step;
      if (next <= this.n && (this.tree[next] ?? 0) < k) {
        at = next;
        k -= this.tree[next] ?? 0;
      }
    }
    return at; // 0-based rank of the k-th member
  }

  /** The largest member below `rank`, or -1. */
  before(rank: number): number {
    const c = rank > 0 ? this.count(rank - 1) : 0;
    return c > 0 ? this.kth(c) : -1;
  }

  /** The smallest member above `rank`, or -1. */
  after(rank: number): number {
    const c = this.count(rank);
    return c < this.size ? this.kth(c + 1) : -1;
  }
}

const MAX_PASSES = 5;

export interface FixAllResult {
  readonly model: ReportModel;
  /** The findings left on the fixed text. */
  readonly findings: RuleDiagnostic[];
  readonly applied: AppliedFix[];
}

/**
 * Applies the preferred fixes until none is left: one fix may uncover another (a renumbered
 * 「(三)」 is then written 「（三）」). The CLI's --fix and the editor's source.fixAll.report share it.
 * The first pass takes the findings of the analysis as they are.
 */
export function fixAll(analysis: Pick<Analysis, 'model' | 'config' | 'findings'>, token?: CancellationToken): FixAllResult {
  const { config } = analysis;
  const applied: AppliedFix[] = [];
  let current = analysis.model;
  let findings = [...analysis.findings];
  for (let pass = 0; pass < MAX_PASSES && !token?.isCancellationRequested; pass++) {
    const { fixes, edits } = pickFixes(findings);
    if (fixes.length === 0) break;
    applied.push(...fixes);
    current = buildModel({ text: applyEdits(current.index, edits), uri: current.uri, version: current.version });
    findings = runRules(current, config, token);
  }
  return { model: current, findings, applied };
}

/**
 * Edits of fix-all on an analysed version: the preferred fixes of one pass as they are, or — when
 * one fix uncovers another — the result of every pass as one edit of the changed span.
 */
export function fixAllEdits(analysis: Analysis, token?: CancellationToken): TextEdit[] {
  if (analysis.skipped) return [];
  const first = pickFixes(analysis.findings);
  if (first.fixes.length === 0) return [];
  const fixed = fixAll(analysis, token);
  const onePass = applyEdits(analysis.model.index, first.edits);
  return fixed.model.text === onePass ? nonOverlapping(first.edits) : diffEdit(analysis.model, fixed.model.text);
}

/** Fix-all of a model under a configuration (for callers without an analysis: tests, scripts). */
export function fixAllOf(model: ReportModel, config: EngineConfig, token?: CancellationToken): FixAllResult {
  return fixAll({ model, config, findings: runRules(model, config, token) }, token);
}

/** One edit that turns the model's text into `text`: the changed middle, common prefix and suffix kept. */
export function diffEdit(model: ReportModel, text: string): TextEdit[] {
  const old = model.text;
  if (old === text) return [];
  let start = 0;
  while (start < old.length && start < text.length && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let endOld = old.length;
  let endNew = text.length;
  while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === text.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  // Never split a surrogate pair or a CRLF (positions cannot address the middle of a line break).
  const splits = (i: number): boolean => i > 0 && i < old.length && (isLow(old.charCodeAt(i)) || (old.charAt(i) === '\n' && old.charAt(i - 1) === '\r'));
  while (splits(start)) start--;
  while (splits(endOld)) {
    endOld++;
    endNew++;
  }
  return [{ range: { start: model.index.positionAt(start), end: model.index.positionAt(endOld) }, newText: text.slice(start, endNew) }];
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
