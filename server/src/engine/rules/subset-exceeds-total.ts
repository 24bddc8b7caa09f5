import type { Figure } from '../model/figures';
import { leadOf, sentencesOf, CHANGE_WORDS, type Sentence } from '../model/statements';
import type { ReportModel } from '../model/types';
import { t } from '../i18n';
import { breakdownsOf, sameMeasure } from '../model/breakdown';
import { defineRule, type Finding } from './types';

/** Counts of what came in, and of what was done with it. */
const RECEIVED = /收到|受理|接收|接到|摸排|排查|登记|交办|发现|收集|征集|立案|排出/u;
/** Work carried over from earlier years may be done this year: 「受理120件，办结125件（含上年结转）」. */
const CARRIED_OVER = /结转|上年|往年|历年|积案|存量|遗留/u;
const DONE = /办结|化解|完成|解决|整改|处理|答复|回复|销号|结案|处置|调处|办理/u;

/** The largest value a figure can have, or undefined when it has no upper bound (「100余件」 is at least 100). */
function upper(f: Figure): number | undefined {
  if (f.approx === 'exact' || f.approx === 'atMost') return f.value;
  if (f.approx === 'range') return f.high;
  return undefined;
}

/** The smallest value a figure can have (「近100件」 has none we can rely on). */
function lower(f: Figure): number | undefined {
  if (f.approx === 'exact' || f.approx === 'atLeast' || f.approx === 'range') return f.value;
  return undefined;
}

export interface Exceeding {
  readonly part: Figure;
  readonly whole: Figure;
  readonly how: 'part' | 'done';
}

export function exceedings(model: ReportModel): Exceeding[] {
  const out: Exceeding[] = [];
  for (const b of breakdownsOf(model)) {
    const max = upper(b.total);
    if (max === undefined) continue;
    for (const p of b.parts) {
      const min = lower(p);
      if (min !== undefined && min > max) out.push({ part: p, whole: b.total, how: 'part' });
    }
  }
  // 「摸排信访隐患422件，化解办结297件」: the count done follows the count received, in the next clause.
  // (Read from the sentence alone: kept per sentence text from one version of the document to the next.)
  // (A sentence of fewer than two figures has no such pair: no look-up for it.)
  for (const s of sentencesOf(model)) {
    if (s.figures.length < 2) continue;
    for (const i of model.memo.get('done-exceeds-received', s.text, () => doneOverReceived(s))) {
      const got = s.clauses[i]?.figures[0];
      const done = s.clauses[i + 1]?.figures[0];
      if (got && done) out.push({ part: done, whole: got, how: 'done' });
    }
  }
  return out;
}

/** The clauses of a sentence that count more done than the next clause's count received: their indexes. */
function doneOverReceived(s: Sentence): number[] {
  const found: number[] = [];
  for (let i = 0; i + 1 < s.clauses.length; i++) {
    const a = s.clauses[i];
    const b = s.clauses[i + 1];
    if (!a || !b || a.figures.length !== 1 || b.figures.length !== 1) continue;
    const got = a.figures[0];
    const done = b.figures[0];
    if (!got || !done || !sameMeasure(got, done) || got.kind !== 'count') continue;
    const leadA = leadOf(a, got);
    const leadB = leadOf(b, done);
    if (!RECEIVED.test(leadA) || DONE.test(leadA) || !DONE.test(leadB) || RECEIVED.test(leadB)) continue;
    if (CHANGE_WORDS.test(leadA) || CHANGE_WORDS.test(leadB) || CARRIED_OVER.test(s.text)) continue;
    const max = upper(got);
    const min = lower(done);
    if (max !== undefined && min !== undefined && min > max) found.push(i);
  }
  return found;
}

export const subsetExceedsTotal = defineRule({
  id: 'subset-exceeds-total',
  defaultSeverity: 'error',
  description: {
    en: 'A part larger than its whole in one statement: a 其中 part over the total, 办结 over 受理.',
    zh: '同一表述中部分大于整体（“其中”分项大于总数，办结数大于受理数）。',
  },
  tags: ['numbers'],
  fixable: 'none',
  options: {},
  check(model, _options, token) {
    if (token?.isCancellationRequested) return [];
    return exceedings(model).map(
      (e): Finding => ({
        range: e.part.range,
        message:
          e.how === 'part'
            ? t('Part {0} is larger than the total {1} it belongs to.', e.part.text, e.whole.text)
            : t('{0} done is more than the {1} received.', e.part.text, e.whole.text),
        related: [{ location: { uri: model.uri, range: e.whole.range }, message: t('the whole: {0}', e.whole.text) }],
      }),
    );
  },
});
