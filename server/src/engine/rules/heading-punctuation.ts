import type { TextEdit } from 'vscode-languageserver-types';
import { t } from '../i18n';
import type { Heading, ReportModel } from '../model/types';
import { inlinePlainText } from '../model/inline-text';
import { siblingRuns } from '../model/sibling-runs';
import { defineRule, type Finding } from './types';
import { memoTable } from '../util/memo-table';
import { placeTable } from '../model/memo';

type Ending = 'sentence' | 'bare' | 'other';

/**
 * A period ends a heading like a sentence. 「？」 and 「！」 are part of a title (「三、明年还能做什么？」):
 * a question among titles without punctuation is no inconsistency.
 */
const SENTENCE_END = /[。．]$/;
/** A title that ends with a character of text (not punctuation): 「…取得新成效」, 「…（2023年）」, 「…”」. */
const BARE_END = /[\p{L}\p{N}）)”’》」』】]$/u;

/** The stand-alone heading's text from the start of its title through its trailing punctuation, as it reads (no Markdown). */
function headText(model: ReportModel, h: Heading): string {
  let text = HEAD_TEXT.get(h);
  if (text === undefined) {
    const line = model.index.line(h.line).text;
    const from = h.titleRange.start.character;
    const to = h.headingRange.end.character;
    // (Asked several times per heading; kept per heading object, and per line text and columns across versions.)
    text = model.memo.get(placeTable('head-text', from, to), line, () => inlinePlainText(line.slice(from, to)).trimEnd());
    HEAD_TEXT.set(h, text);
  }
  return text;
}

const HEAD_TEXT = memoTable<Heading, string>();

function ending(model: ReportModel, h: Heading): Ending {
  const text = headText(model, h);
  if (SENTENCE_END.test(text)) return 'sentence';
  return BARE_END.test(text) ? 'bare' : 'other'; // 「……有：」 introduces a list: neither
}

/** The mark most of these headings end with. */
function majorityMark(model: ReportModel, headings: readonly Heading[]): string {
  const counts = new Map<string, number>();
  for (const h of headings) {
    const mark = headText(model, h).slice(-1);
    counts.set(mark, (counts.get(mark) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '。';
}

export function removePeriod(h: Heading): TextEdit[] | undefined {
  const end = h.headingRange.end;
  if (h.titleRange.end.character !== end.character - 1) return undefined; // no trailing 。 outside the title
  return [{ range: { start: h.titleRange.end, end }, newText: '' }];
}

/**
 * Whether the level-1 rule judges the 「。」 of stand-alone headings among these siblings: not when
 * most of them are run-in (「一、甲。正文」「二、乙。」「三、丙。正文」), where that 「。」 ends a run-in
 * title whose text was broken onto the next line, and removing it would leave a heading that
 * runinOutliers reports.
 */
export function level1PeriodJudged(model: ReportModel, siblings: readonly Heading[]): boolean {
  const runin = siblings.filter((h) => h.runin).length;
  const bare = siblings.filter((h) => !h.runin && ending(model, h) === 'bare').length;
  return runin < 2 || bare + 1 >= runin;
}

/**
 * Three stand-alone sibling headings or more that all end with 「。」 keep a convention of their own: a list of
 * tasks stated as sentences (the 2026 Guangdong report's appendix 「2026年省十件民生实事」: 「一、提高低保……保障
 * 水平。」 … 「十、……便民服务水平。」, each with its paragraph). One heading with 「。」 among siblings without it
 * is the slip the level-1 check is for.
 */
function periodConvention(model: ReportModel, siblings: readonly Heading[]): boolean {
  const alone = siblings.filter((h) => !h.runin);
  return alone.length >= 3 && alone.every((h) => ending(model, h) === 'sentence');
}

/**
 * A heading standing alone without 「。」 among run-in siblings (「（一）主动学习强素质。始终……」):
 * the writer forgot the 「。」 and broke the line. The fix (offered, not automatic) runs the next
 * paragraph on after 「。」.
 */
function runinOutliers(model: ReportModel, headings: readonly Heading[]): Finding[] {
  const runin = headings.filter((h) => h.runin);
  const bare = headings.filter((h) => !h.runin && ending(model, h) === 'bare');
  if (runin.length < 2 || bare.length === 0 || bare.length >= runin.length) return [];
  return bare.map((h) => {
    const next = h.line + 1;
    const body = model.paragraphs.find((p) => p.line === next && p.runinOf === undefined);
    const fix = body
      ? [{ title: t('Run the next paragraph on after "。"'), edits: [{ range: { start: h.headingRange.end, end: body.range.start }, newText: '。' }], preferred: false }]
      : [];
    return {
      range: h.headingRange,
      message: t('This heading stands alone without "。" but its {0} sibling headings are run-in (title, "。", then the text).', runin.length),
      ...(fix.length > 0 ? { fixes: fix } : {}),
    };
  });
}

/**
 * Stand-alone headings (a line of their own) of one list end the same way: all with a sentence end
 * (「。」) or all without; and a stand-alone level-1 heading takes no 「。」 (GB/T 9704 practice).
 * Run-in headings end with 「。」 by construction and are not judged; titles ending with 「：」 neither.
 */
export const headingPunctuation = defineRule({
  id: 'heading-punctuation',
  defaultSeverity: 'warning',
  description: {
    en: 'Sibling headings that end inconsistently, or a stand-alone level-1 heading ending with 「。」.',
    zh: '同级标题结尾标点不一致，或独立成行的一级标题以“。”结尾。',
  },
  tags: ['structure', 'punctuation'],
  fixable: 'safe',
  options: {},
  check(model, _options, token) {
    const out: Finding[] = [];
    const flagged = new Set<Heading>();
    const runs = siblingRuns(model);
    // Level 1 as the marker says (「一、」, also as a `##` heading), not the depth in the outline.
    const judged = new Set(runs.filter((r) => r.headings[0]?.markerLevel === 1 && level1PeriodJudged(model, r.headings) && !periodConvention(model, r.headings)).flatMap((r) => r.headings));
    for (const h of model.headings) {
      if (h.markerLevel !== 1 || h.runin || h.style === 'none' || !judged.has(h)) continue;
      const edits = removePeriod(h);
      if (!edits || !headText(model, h).endsWith('。')) continue;
      flagged.add(h);
      out.push({
        range: h.headingRange,
        message: t('A stand-alone level-1 heading does not end with "。".'),
        fixes: [{ title: t('Remove the "。" at the end of the heading'), edits, preferred: true }],
      });
    }
    for (const run of runs) {
      if (token?.isCancellationRequested) return [];
      const outliers = runinOutliers(model, run.headings);
      out.push(...outliers);
      // One slip, one finding: a heading reported among run-in siblings is not reported again among stand-alone ones.
      const outlying = new Set(outliers.map((f) => f.range.start.line));
      const alone = run.headings.filter((h) => !h.runin && !flagged.has(h) && !outlying.has(h.line));
      const sentence = alone.filter((h) => ending(model, h) === 'sentence');
      const bare = alone.filter((h) => ending(model, h) === 'bare');
      if (sentence.length === 0 || bare.length === 0) continue;
      // The minority follows the majority; on a tie, headings lose their 。 (the usual form of a heading line).
      const dropPeriod = sentence.length <= bare.length;
      const mark = majorityMark(model, sentence);
      for (const h of dropPeriod ? sentence : bare) {
        const edits: TextEdit[] | undefined = dropPeriod ? removePeriod(h) : [{ range: { start: h.headingRange.end, end: h.headingRange.end }, newText: mark }];
        out.push({
          range: h.headingRange,
          message: dropPeriod
            ? t('This heading ends with "{0}" but its {1} sibling headings do not.', headText(model, h).slice(-1), bare.length)
            : t('This heading has no "{0}" at the end but its {1} sibling headings do.', mark, sentence.length),
          ...(edits ? { fixes: [{ title: dropPeriod ? t('Remove the "。" at the end of the heading') : t('Add "{0}" at the end of the heading', mark), edits, preferred: true }] } : {}),
        });
      }
    }
    return out;
  },
});
