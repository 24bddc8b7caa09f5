/**
 * The occurrences of wrong forms of typos.tsv in the published texts that were investigated, with the
 * verdict. An occurrence is explained by an item when the text around it reads `context` (which holds
 * the wrong form once) and, if `files` is given, the text is one of those files. Used by
 * scripts/check-typos.ts; add an item only after reading the place in the text.
 *
 * Verdicts:
 *  - typo: a genuine mistake of that text (the rule must report it);
 *  - boundary: the wrong form crosses a word boundary there; its entry is marked `boundary`, so the
 *    rule confirms finds with a word segmenter;
 *  - variant: a non-recommended variant (entry marked `variant`) in a text written before
 *    GF 1001-2001 took effect (2002-03-31) or just after it: the usual spelling of its time, not a
 *    typo; a report written today would be given the recommended form.
 */
export interface Known {
  context: string;
  verdict: 'typo' | 'boundary' | 'variant';
  why: string;
  files?: string[];
}

const CNPACK = '2002-04-cnpack-team-work-summary.txt';

export const KNOWN: Known[] = [
  { context: '咋一看，这个月', verdict: 'typo', why: '乍一看 (truth: real_defects, line 3)', files: [CNPACK] },
  { context: '可各抒已见', verdict: 'typo', why: '各抒己见 (truth: real_defects, line 66)', files: [CNPACK] },

  { context: '以经济', verdict: 'boundary', why: '以 + 经济 (以经济建设为中心 …)' },

  { context: '，那末，', verdict: 'variant', why: '那么 spelled 那末, usual before 2002', files: ['1954-state-council-gwr.txt', '1956-state-council-gwr.txt', '1964-state-council-gwr-excerpt.txt', '1978-state-council-gwr.txt'] },
  { context: '主義成份的', verdict: 'variant', why: '成分 spelled 成份 (1954)', files: ['1954-state-council-gwr.txt'] },
  { context: '多种成份、', verdict: 'variant', why: '成分 spelled 成份 (1988)', files: ['1988-state-council-gwr.txt'] },
  { context: '主观的成份，', verdict: 'variant', why: '成分 spelled 成份 (April 2002, weeks after the trial start of GF 1001-2001; not in the truth file)', files: [CNPACK] },
  { context: '什么原故呢', verdict: 'variant', why: '缘故 spelled 原故 (1956)', files: ['1956-state-council-gwr.txt'] },
  { context: '公布帐目', verdict: 'variant', why: '账目 spelled 帐目 (1978, before 账/帐 were split)', files: ['1978-state-council-gwr.txt'] },
  { context: '企业帐目不清', verdict: 'variant', why: '账目 spelled 帐目 (2000, before 账/帐 were split)', files: ['2000-state-council-gwr.txt'] },
  { context: '从中混水摸鱼', verdict: 'variant', why: '浑水摸鱼 spelled 混水摸鱼 (1984)', files: ['1984-state-council-gwr.txt'] },
  { context: '过份紧张', verdict: 'variant', why: '过分 spelled 过份 (1986)', files: ['1986-state-council-gwr.txt'] },
  { context: '日趋丰富多采', verdict: 'variant', why: '丰富多彩 spelled 丰富多采 (1986)', files: ['1986-state-council-gwr.txt'] },
  { context: '用丰富多采', verdict: 'variant', why: '丰富多彩 spelled 丰富多采 (1994)', files: ['1994-state-council-gwr.txt'] },
  { context: '关系的磨擦', verdict: 'variant', why: '摩擦 spelled 磨擦 (1986)', files: ['1986-state-council-gwr.txt'] },
  { context: '法律人材', verdict: 'variant', why: '人才 spelled 人材 (1980)', files: ['1980-state-council-government-work-report.txt'] },
];

/** The item that explains the occurrence of `wrong` at `start` in `text` (a file of that name). */
export function explain(fileName: string, text: string, start: number, wrong: string): { known: Known; index: number } | undefined {
  const index = KNOWN.findIndex((k) => {
    if (k.files && !k.files.includes(fileName)) return false;
    const at = k.context.indexOf(wrong);
    return at >= 0 && text.startsWith(k.context, start - at);
  });
  const known = KNOWN[index];
  return known ? { known, index } : undefined;
}
